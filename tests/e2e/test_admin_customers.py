"""The back office's customers (/admin/customers, /admin/customer/<id>)
through the real nginx, a real SQLite file and a real SMTP server
(aiosmtpd): the access matrix of every route (anonymous -> login,
customer -> 403, employee and admin as the permission table says, unknown
ids -> 404), CSRF on every POST, a client account created by staff (the
welcome mail arrives with a single-use set-password link, which gives a
working login; no password in the mail or the logs), a duplicate e-mail
refused with a clear 409, disable (login refused, sessions gone) and
enable, end all sessions, roles (admins only, never one's own), private
notes and their audit rows, the lifetime value, stored XSS escaped."""
import re

from harness import test, check
from mailtest import (Stacks, query, wait_until, form_token,
                      post_contact, contact_fields)
from shop import Shopper, hidden, one, order_token, ADDRESS
from staff import mail_store, login, login_as, mails_to

stacks = Stacks()
XSS = "<script>alert(1)</script>"
PW = "lagoon-copper-fern-31"


def cust_stack():
    return stacks.get("customers", lambda: mail_store(
        stacks, {"SOUK_REGISTER_RATE_LIMIT": "1000"}))


def uid(s, email):
    return query(s, "SELECT id FROM users WHERE email_norm = ?",
                 (email.lower(),))[0][0]


def csrf_of(sh, path):
    r = sh.get(path)
    check(r.status == 200, "%s: %r" % (path, r))
    return hidden(r.text, "csrf")


def post(sh, path, fields, page):
    f = dict(fields)
    f["csrf"] = csrf_of(sh, page)
    return sh.post(path, f)


def body_of(m):
    for part in m["msg"].walk():
        if part.get_content_type() == "text/plain":
            return part.get_payload(decode=True).decode("utf-8")
    return ""


def create(adm, email, name="Nadia Client", phone="", lang="en"):
    return post(adm, "/admin/customers/new", {"email": email, "name": name,
                                              "phone": phone, "lang": lang},
                "/admin/customers/new")


def welcome_link(s, email, n=1):
    """The n-th set-password link mailed to email (path and query)."""
    def found():
        return [m for m in mails_to(s, email)
                if "/account/reset?token=" in body_of(m)]
    wait_until(lambda: len(found()) >= n, what="welcome mail to " + email)
    m = found()[n - 1]
    url = re.search(r"http://\S+(/account/reset\?token=\S+)", body_of(m))
    return m, url.group(1)


def set_password(s, path, pw):
    sh = Shopper(s)
    r = sh.get(path)
    check(r.status == 200 and 'name="token"' in r.text, "reset page: %r" % r)
    return sh.post("/account/reset", {"csrf": hidden(r.text, "csrf"),
                                      "token": hidden(r.text, "token"),
                                      "password": pw})


def audit_actions(s, user_id):
    return [r[0] for r in query(s, "SELECT action FROM audit_log WHERE "
                                "object_kind = 'user' AND object_id = ? "
                                "ORDER BY id", (str(user_id),))]


@test
def admin_customers_access_matrix_and_csrf():
    s = cust_stack()
    cid = uid(s, "customer@example.com")
    anon = Shopper(s)
    cust, emp, adm = login(s, "customer"), login(s, "employee"), login(s, "admin")
    for path in ("/admin/customers", "/admin/customers?q=example&role=admin",
                 "/admin/customer/%d" % cid, "/admin/customers/new"):
        r = anon.get(path)
        check(r.status == 303 and "/account/login?next=" in
              r.header("Location"), "anonymous %s: %r" % (path, r))
        check(cust.get(path).status == 403, "customer %s" % path)
        r = adm.get(path)
        check(r.status == 200 and "no-store" in
              (r.header("Cache-Control") or ""), "admin %s: %r" % (path, r))
    for path in ("/admin/customers", "/admin/customer/%d" % cid):
        check(emp.get(path).status == 200, "employee %s" % path)
    check(emp.get("/admin/customers/new").status == 403,
          "employees do not create accounts")
    for path in ("/admin/customer/act", "/admin/customer/role",
                 "/admin/customer/note", "/admin/customers/new"):
        check(anon.post(path).status in (303, 403), "anonymous POST " + path)
        check(cust.post(path).status == 403, "customer POST " + path)
    page = "/admin/customer/%d" % cid
    # The permission table: employees may write notes, not act or change
    # roles (403 before anything changes).
    r = post(emp, "/admin/customer/act", {"id": str(cid), "do": "disable"},
             page)
    check(r.status == 403, "employee disables: %r" % r)
    r = post(emp, "/admin/customer/role", {"id": str(cid), "role": "admin"},
             page)
    check(r.status == 403, "employee changes a role: %r" % r)
    check(query(s, "SELECT role, disabled FROM users WHERE id = ?",
                (cid,))[0] == ("customer", 0), "nothing changed")
    for path in ("/admin/customer/999999", "/admin/customer/abc",
                 "/admin/customer/0", "/admin/customer/%d/x" % cid,
                 "/admin/customers/x"):
        check(adm.get(path).status == 404, "404: %s" % path)
    for path, f in (("/admin/customer/act", {"do": "disable"}),
                    ("/admin/customer/role", {"role": "employee"}),
                    ("/admin/customer/note", {"body": "x"})):
        g = dict(f, id="999999")
        check(post(adm, path, g, page).status == 404, "unknown id " + path)
        # CSRF: a POST without the token changes nothing.
        g = dict(f, id=str(cid))
        check(adm.post(path, g).status == 403, "no csrf: " + path)
    r = post(adm, "/admin/customer/act", {"id": str(cid), "do": "nosuch"},
             page)
    check(r.status == 400, "unknown action: %r" % r)
    check(audit_actions(s, cid) == [], "refused requests left no audit row")
    r = adm.get("/admin/customers?before=abc")
    check(r.status == 400, "bad keyset: %r" % r)


@test
def admin_creates_a_client_account_mailed_a_set_password_link():
    s = cust_stack()
    adm = login(s, "admin")
    email = "New.Client@example.com"
    r = create(adm, email, phone="+216 20 123 456", lang="fr")
    check(r.status == 303 and "done=created" in r.header("Location"), r)
    new = uid(s, email)
    check(r.header("Location").endswith("/admin/customer/%d?done=created"
                                        % new), r.header("Location"))
    row = query(s, "SELECT role, verified_at IS NOT NULL, disabled, phone, "
                "lang, name FROM users WHERE id = ?", (new,))[0]
    check(row == ("customer", 1, 0, "+21620123456", "fr", "Nadia Client"),
          "account: %r" % (row,))
    check(audit_actions(s, new) == ["create"], "audited")
    m, path = welcome_link(s, email)
    text = body_of(m)
    check("Nadia Client" in text and email in text, "greeting and login")
    check("Bonjour" in text, "in the account's language: %r" % text[:200])
    check("password:" not in text.lower() and
          "mot de passe :" not in text.lower(), "no password in the mail")
    token = path.split("token=")[1]
    for prog in ("admin", "account"):
        check(token not in s.logs(prog), "the link is not in the %s log" % prog)
    # The random password nobody knows does not log in.
    _, r = login_as(s, email, "")
    check(r.status != 303, "empty password")
    r = set_password(s, path, PW)
    check(r.status == 303 and "reset_done" in r.header("Location"), r)
    sh, r = login_as(s, email, PW)
    check(r.status == 303, "the client logs in: %r" % r)
    check(sh.get("/account").status == 200, "account page")
    # Single use.
    r = set_password(s, path, "other-" + PW)
    check("bad_link" in r.header("Location"), "the link works once")
    # A duplicate e-mail (any case) is a clear 409, nothing created.
    n = one(s, "SELECT count(*) FROM users")
    r = create(adm, "NEW.CLIENT@example.com", name="Someone Else")
    check(r.status == 409 and 'id="cust-error"' in r.text and
          "already uses this e-mail" in r.text, "duplicate: %r" % r)
    check('value="Someone Else"' in r.text, "the form keeps what was typed")
    check(one(s, "SELECT count(*) FROM users") == n, "no second account")
    r = create(adm, "not-an-address", name="X")
    check(r.status == 400 and 'id="err-email"' in r.text, "bad e-mail: %r" % r)
    r = create(adm, "phone@example.com", phone="12")
    check(r.status == 400 and 'id="err-phone"' in r.text, "bad phone: %r" % r)
    r = create(adm, "noname@example.com", name="")
    check(r.status == 400, "a name is required: %r" % r)
    # A new link on request voids the older one.
    r = post(adm, "/admin/customer/act", {"id": str(new), "do": "invite"},
             "/admin/customer/%d" % new)
    check(r.status == 303 and "done=invite" in r.header("Location"), r)
    _, path2 = welcome_link(s, email, 2)
    check(path2 != path, "a fresh token")
    check(audit_actions(s, new) == ["create", "invite"], "invite audited")


@test
def admin_disables_enables_and_ends_sessions():
    s = cust_stack()
    adm = login(s, "admin")
    email = "disable-me@example.com"
    check(create(adm, email).status == 303, "created")
    target = uid(s, email)
    _, path = welcome_link(s, email)
    check(set_password(s, path, PW).status == 303, "password set")
    client, r = login_as(s, email, PW)
    check(r.status == 303, "login")
    check(client.get("/account").status == 200, "logged in")
    page = "/admin/customer/%d" % target
    r = post(adm, "/admin/customer/act", {"id": str(target), "do": "disable"},
             page)
    check(r.status == 303 and "done=disable" in r.header("Location"), r)
    check(one(s, "SELECT count(*) FROM sessions WHERE user_id = ?", target)
          == 0, "sessions gone")
    r = client.get("/account")
    check(r.status == 303 and "/account/login" in r.header("Location"),
          "the old session no longer works: %r" % r)
    _, r = login_as(s, email, PW)
    check(r.status != 303, "a disabled account cannot log in: %r" % r)
    r = adm.get(page)
    check('id="cust-state"' in r.text and "disabled" in
          r.text.split('id="cust-state"')[1][:200], "page says disabled")
    r = post(adm, "/admin/customer/act", {"id": str(target), "do": "invite"},
             page)
    check(r.status == 409, "no link for a disabled account: %r" % r)
    r = post(adm, "/admin/customer/act", {"id": str(target), "do": "enable"},
             page)
    check(r.status == 303, "enable: %r" % r)
    client, r = login_as(s, email, PW)
    check(r.status == 303, "enabled again: %r" % r)
    r = post(adm, "/admin/customer/act", {"id": str(target),
                                          "do": "sessions"}, page)
    check(r.status == 303 and "done=sessions" in r.header("Location"), r)
    r = client.get("/account")
    check(r.status == 303, "end all sessions: %r" % r)
    check(audit_actions(s, target) == ["create", "disable", "enable",
                                       "end_sessions"],
          "audited: %r" % audit_actions(s, target))
    # Never one's own account.
    me = uid(s, "admin@example.com")
    r = post(adm, "/admin/customer/act", {"id": str(me), "do": "disable"},
             "/admin/customer/%d" % me)
    check(r.status == 409 and "your own account" in r.text, "self: %r" % r)
    check(one(s, "SELECT disabled FROM users WHERE id = ?", me) == 0,
          "still enabled")


@test
def admin_changes_roles_employee_cannot():
    s = cust_stack()
    adm, emp = login(s, "admin"), login(s, "employee")
    email = "promote@example.com"
    check(create(adm, email).status == 303, "created")
    target = uid(s, email)
    page = "/admin/customer/%d" % target
    r = post(emp, "/admin/customer/role", {"id": str(target),
                                           "role": "admin"}, page)
    check(r.status == 403, "employee: %r" % r)
    r = emp.get(page)
    check('id="role-form"' not in r.text and 'id="cust-actions"' not in
          r.text, "employees see no role form or actions")
    check('id="note-form"' in r.text, "but may write notes")
    r = post(adm, "/admin/customer/role", {"id": str(target),
                                           "role": "employee"}, page)
    check(r.status == 303 and "done=role" in r.header("Location"), r)
    check(one(s, "SELECT role FROM users WHERE id = ?", target) ==
          "employee", "role changed")
    check("role" in audit_actions(s, target), "audited")
    detail = query(s, "SELECT detail FROM audit_log WHERE action = 'role' "
                   "AND object_id = ?", (str(target),))[0][0]
    check(detail == "customer -> employee", detail)
    r = post(adm, "/admin/customer/role", {"id": str(target),
                                           "role": "boss"}, page)
    check(r.status == 400, "unknown role: %r" % r)
    me = uid(s, "admin@example.com")
    r = post(adm, "/admin/customer/role", {"id": str(me),
                                           "role": "customer"},
             "/admin/customer/%d" % me)
    check(r.status == 409 and "your own account" in r.text, "own role: %r" % r)
    check(one(s, "SELECT role FROM users WHERE id = ?", me) == "admin",
          "still admin")
    r = adm.get("/admin/customer/%d" % me)
    check('id="role-form"' not in r.text, "no role form on one's own page")


@test
def admin_customer_notes_ltv_search_and_xss():
    s = cust_stack()
    adm, emp = login(s, "admin"), login(s, "employee")
    email = "ltv@example.com"
    check(create(adm, email, name=XSS).status == 303, "created")
    target = uid(s, email)
    page = "/admin/customer/%d" % target
    # A guest order with the (verified) address counts for the account.
    b = Shopper(s)
    b.add("hdmi-2-1-cable-2m")
    f = {"payment": "mobile", "name": XSS, "email": email}
    f.update(ADDRESS)
    token = order_token(b.place(f))
    oid, total = query(s, "SELECT id, total_minor FROM orders WHERE token = ?",
                       (token,))[0]
    r = adm.get(page)
    check(r.status == 200 and "/admin/order/%d" % oid in r.text,
          "the order is linked")
    check(XSS not in r.text and "&lt;script&gt;" in r.text, "name escaped")
    ltv = r.text.split('id="cust-ltv">')[1].split("<")[0]
    check(not re.search(r"[1-9]", ltv), "unpaid orders count nothing: %r" % ltv)
    r = post(adm, "/admin/order/act", {"id": str(oid), "do": "confirm"},
             "/admin/order/%d" % oid)
    check(r.status == 303, "confirm: %r" % r)
    r = adm.get(page)
    ltv = r.text.split('id="cust-ltv">')[1].split("<")[0]
    digits = re.sub(r"\D", "", ltv).lstrip("0")
    check(digits == str(total), "lifetime value %r = %d" % (ltv, total))
    r = adm.get("/admin/customers?q=ltv%40example")
    check(r.status == 200 and page in r.text, "search by e-mail")
    check(XSS not in r.text and "&lt;script&gt;" in r.text, "list escaped")
    at = r.text.index(page)
    row = r.text[at:r.text.index("</tr>", at)]
    check(">1<" in row, "one order in the list: %r" % row[:400])
    r = adm.get("/admin/customers?q=nobody-matches-this")
    check('id="customers-empty"' in r.text, "no match")
    r = adm.get("/admin/customers?role=employee")
    check("employee@example.com" in r.text and email not in r.text,
          "role filter")
    # A private note by an employee, escaped, audited.
    r = post(emp, "/admin/customer/note", {"id": str(target),
                                           "body": "Calls " + XSS}, page)
    check(r.status == 303 and "done=note" in r.header("Location"), r)
    r = emp.get(page)
    notes = r.text.split('id="cust-notes"')[1].split("</ol>")[0]
    check("Calls &lt;script&gt;" in notes and XSS not in r.text, notes)
    check("employee@example.com" in notes, "author shown")
    check(audit_actions(s, target)[-1] == "note", "note audited")
    r = post(emp, "/admin/customer/note", {"id": str(target), "body": ""},
             page)
    check(r.status == 400, "empty note: %r" % r)
    # A contact message from the address is listed.
    tok, cookie = form_token(s)
    r = post_contact(s, contact_fields(email=email,
                                       subject="Where is " + XSS), tok, cookie)
    check(r.status == 303, "contact: %r" % r)
    r = adm.get(page)
    msgs = r.text.split('id="cust-messages"')[1].split("</ul>")[0]
    check("Where is &lt;script&gt;" in msgs and "/admin/message/" in msgs,
          "message listed: %r" % msgs)
