"""The back office (/admin) through the real nginx: the access matrix of
every route for anonymous, customer, employee and admin; unknown ids are
404; CSRF on every POST; the order list's filters, keyset pages and CSV
export (formula cells neutralised); payment proofs served re-encoded to
staff only; confirm, reject (mailed, upload again), complete, cancel
(restock) and refused moves, each with its audit row; stored XSS escaped."""
import csv
import io
import re
import urllib.parse

import harness
from harness import test, check
from mailtest import Stacks
from shop import (Shopper, hidden, one, db, execute, order_token, upload, PNG,
                  ADDRESS, multipart)
from staff import add_staff, login

stacks = Stacks()
PW = "tangerine-orbit-42"
XSS = "<script>alert(1)</script>"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def adm_stack():
    def make():
        s = harness.Stack()
        s.start()
        add_staff(s)
        return s
    return stacks.get("admin", make)


def place(s, payment="mobile", name="Amira Ben Salah", email=None,
          slug="hdmi-2-1-cable-2m", qty=1):
    b = Shopper(s)
    b.add(slug, qty=qty)
    f = {"payment": payment, "name": name}
    if email:
        f["email"] = email
    f.update(ADDRESS)
    token = order_token(b.place(f))
    oid = one(s, "SELECT id FROM orders WHERE token = ?", token)
    return b, token, oid


def csrf_of(sh, path):
    r = sh.get(path)
    check(r.status == 200, "%s: %r" % (path, r))
    return hidden(r.text, "csrf")


def act(sh, oid, do, reason=None):
    f = {"csrf": csrf_of(sh, "/admin/order/%d" % oid), "id": str(oid),
         "do": do}
    if reason is not None:
        f["reason"] = reason
    return sh.post("/admin/order/act", f)


@test
def admin_access_matrix():
    s = adm_stack()
    _, _, oid = place(s)
    # (method, path, employee status, admin status)
    routes = [
        ("GET", "/admin", 200, 200),
        ("GET", "/admin/orders", 200, 200),
        ("GET", "/admin/orders?status=paid&method=bank", 200, 200),
        ("GET", "/admin/export", 200, 200),
        ("GET", "/admin/order/%d" % oid, 200, 200),
        ("GET", "/admin/audit", 403, 200),
        ("POST", "/admin/order/act", None, None),
        ("POST", "/admin/order/note", None, None),
        ("GET", "/admin/proof/" + "0" * 32, 404, 404),
    ]
    anon = Shopper(s)
    cust, emp, adm = login(s, "customer"), login(s, "employee"), login(s, "admin")
    for method, path, e_st, a_st in routes:
        do = anon.get if method == "GET" else anon.post
        r = do(path)
        if method == "GET":
            check(r.status == 303 and "/account/login?next=" in
                  r.header("Location"), "anonymous %s: %r" % (path, r))
        else:
            check(r.status in (303, 403), "anonymous POST %s: %r" % (path, r))
        r = (cust.get if method == "GET" else cust.post)(path)
        check(r.status == 403, "customer %s %s: %r" % (method, path, r))
        if method == "GET":
            r = emp.get(path)
            check(r.status == e_st, "employee %s: %r" % (path, r))
            r = adm.get(path)
            check(r.status == a_st, "admin %s: %r" % (path, r))
            check("no-store" in (r.header("Cache-Control") or ""),
                  "never cached: %s" % path)
    # Unknown or malformed object ids: 404, never 500.
    for path in ("/admin/order/999999", "/admin/order/abc",
                 "/admin/order/0", "/admin/order/%d/x" % oid,
                 "/admin/order/+%d" % oid, "/admin/proof/../../etc/passwd",
                 "/admin/proof/" + "z" * 32, "/admin/proof/" + "a" * 32,
                 "/admin/nosuch"):
        r = adm.get(path)
        check(r.status == 404, "%s: %r" % (path, r))
    tok = csrf_of(emp, "/admin/order/%d" % oid)
    r = emp.post("/admin/order/act", {"csrf": tok, "id": "999999",
                                      "do": "confirm"})
    check(r.status == 404, "act on an unknown order: %r" % r)
    r = emp.post("/admin/order/note", {"csrf": tok, "id": "999999",
                                       "body": "x"})
    check(r.status == 404, "note on an unknown order: %r" % r)
    # CSRF on every POST: no token, a forged one, another origin.
    for path, f in (("/admin/order/act", {"id": str(oid), "do": "cancel"}),
                    ("/admin/order/note", {"id": str(oid), "body": "n"})):
        r = emp.post(path, f)
        check(r.status == 403, "%s without a token: %r" % (path, r))
        r = emp.post(path, dict(f, csrf="forged"))
        check(r.status == 403, "%s with a forged token: %r" % (path, r))
        r = emp.post(path, dict(f, csrf=tok),
                     headers={"Origin": "https://evil.example"})
        check(r.status == 403, "%s from another origin: %r" % (path, r))
    check(one(s, "SELECT status FROM orders WHERE id = ?", oid) ==
          "awaiting_payment", "nothing changed by refused POSTs")
    # The admin program's GET-only pages refuse other methods.
    r = emp.post("/admin/orders", {"csrf": tok})
    check(r.status == 405, "POST on a list: %r" % r)


@test
def admin_proof_confirm_reject_complete_and_audit():
    s = adm_stack()
    b, token, oid = place(s)
    name = "pay" + XSS + ".png"
    r = upload(b, token, [("proof", name, "image/png", PNG)])
    check(r.status == 303, "proof sent: %r" % r)
    emp = login(s, "employee")
    dash = emp.get("/admin").text
    ref = one(s, "SELECT reference FROM orders WHERE id = ?", oid)
    check(ref in dash.split('id="todo-proofs"')[1].split("</table>")[0],
          "the order waits for proof review on the dashboard")
    page = emp.get("/admin/order/%d" % oid).text
    stored = one(s, "SELECT stored_name FROM payment_proofs WHERE "
                 "order_id = ?", oid)
    check('<img src="/admin/proof/%s"' % stored in page, "proof inline")
    check(XSS not in page and "&lt;script&gt;" in page,
          "the proof's file name is escaped")
    r = emp.get("/admin/proof/" + stored)
    check(r.status == 200 and r.header("Content-Type") == "image/jpeg" and
          r.body[:3] == b"\xff\xd8\xff" and r.body != PNG,
          "re-encoded as JPEG: %r %s" % (r, r.header("Content-Type")))
    check(r.header("X-Content-Type-Options") == "nosniff", "nosniff")
    check(b.get("/admin/proof/" + stored).status == 303,
          "the shopper cannot open the proof from the admin")
    # Reject without a reason: refused, nothing changes.
    r = act(emp, oid, "reject", reason="")
    check(r.status == 400, "reject needs a reason: %r" % r)
    r = act(emp, oid, "reject", reason="The amount is missing")
    check(r.status == 303 and "notice=reject" in r.header("Location"), r)
    check(one(s, "SELECT status FROM orders WHERE id = ?", oid) ==
          "awaiting_payment", "back to awaiting payment")
    m = db(s).execute("SELECT to_addr, subject, body_text FROM mail_outbox "
                      "WHERE to_addr = 'amira@example.com' ORDER BY id "
                      "DESC LIMIT 1").fetchone()
    check(m and ref in m[1] and "The amount is missing" in m[2] and
          "/order/" + token in m[2], "the shopper is mailed: %r" % (m,))
    t = b.get("/order/" + token).text
    check("The amount is missing" in t and 'type="file"' in t,
          "the shopper sees why and may send again")
    r = upload(b, token, [("proof", "again.pdf", "application/pdf", PDF)])
    check(r.status == 303 and one(s, "SELECT status FROM orders WHERE id = ?",
                                  oid) == "proof_received", "sent again")
    pdf = one(s, "SELECT stored_name FROM payment_proofs WHERE order_id = ? "
              "AND content_type = 'application/pdf'", oid)
    r = emp.get("/admin/proof/" + pdf)
    check(r.status == 200 and r.body == PDF and
          r.header("Content-Type") == "application/pdf" and
          r.header("Content-Disposition").startswith("attachment;"),
          "PDF as an attachment: %r" % r)
    r = act(emp, oid, "confirm")
    check(r.status == 303 and one(s, "SELECT status FROM orders WHERE id = ?",
                                  oid) == "paid", "payment confirmed")
    r = act(emp, oid, "confirm")
    check(r.status == 409, "confirming twice is refused: %r" % r)
    r = act(emp, oid, "cancel")
    check(r.status == 409, "a paid order is not cancelled: %r" % r)
    r = act(emp, oid, "complete")
    check(r.status == 303 and one(s, "SELECT status FROM orders WHERE id = ?",
                                  oid) == "completed", "completed")
    events = [e[0] for e in db(s).execute(
        "SELECT status FROM order_events WHERE order_id = ? ORDER BY seq",
        (oid,))]
    check(events == ["awaiting_payment", "proof_received", "awaiting_payment",
                     "proof_received", "paid", "completed"], events)
    audit = db(s).execute("SELECT actor, action, object_kind, object_id, "
                          "client_addr FROM audit_log WHERE object_id = ? "
                          "ORDER BY id", (str(oid),)).fetchall()
    check([a[1] for a in audit] == ["reject", "confirm", "complete"] and
          all(a[0] == "employee@example.com" and a[2] == "order" and
              a[4] == "127.0.0.1" for a in audit), audit)
    # Notes: private ones stay in the back office.
    tok = csrf_of(emp, "/admin/order/%d" % oid)
    emp.post("/admin/order/note", {"csrf": tok, "id": str(oid),
                                   "body": "Called the customer " + XSS})
    emp.post("/admin/order/note", {"csrf": tok, "id": str(oid),
                                   "body": "Shipped by courier", "visible": "1"})
    page = emp.get("/admin/order/%d" % oid).text
    check("Called the customer &lt;script&gt;" in page and
          "Shipped by courier" in page, "notes listed, escaped")
    t = b.get("/order/" + token).text
    check("Shipped by courier" in t and "Called the customer" not in t,
          "only visible notes reach the customer")
    # The audit log page: admins only.
    check(emp.get("/admin/audit").status == 403, "employees: no audit log")
    log = login(s, "admin").get("/admin/audit").text
    check("employee@example.com" in log and "note_private" in log and
          "confirm" in log, "audit page")


@test
def admin_cancel_restocks():
    s = adm_stack()
    stock = one(s, "SELECT stock FROM products WHERE slug = "
                "'hdmi-2-1-cable-2m'")
    _, _, oid = place(s, payment="bank", qty=3)
    check(one(s, "SELECT stock FROM products WHERE slug = "
              "'hdmi-2-1-cable-2m'") == stock - 3, "stock taken")
    adm = login(s, "admin")
    r = act(adm, oid, "cancel")
    check(r.status == 303, "cancelled: %r" % r)
    check(one(s, "SELECT stock FROM products WHERE slug = "
              "'hdmi-2-1-cable-2m'") == stock, "stock put back")
    r = act(adm, oid, "cancel")
    check(r.status == 409, "cancelled once: %r" % r)
    check(one(s, "SELECT stock FROM products WHERE slug = "
              "'hdmi-2-1-cable-2m'") == stock, "restocked once")


@test
def admin_orders_filters_pages_and_csv():
    s = adm_stack()
    _, _, a = place(s, payment="bank", name="=HYPERLINK(\"http://x\")",
                    email="filter-a@example.com")
    _, _, b = place(s, payment="mobile", name="-2+3 Leila " + XSS,
                    email="filter-b@example.com")
    emp = login(s, "employee")
    ra = one(s, "SELECT reference FROM orders WHERE id = ?", a)
    rb = one(s, "SELECT reference FROM orders WHERE id = ?", b)

    def refs(q):
        r = emp.get("/admin/orders" + q)
        check(r.status == 200, "%s: %r" % (q, r))
        check(XSS not in r.text, "escaped list " + q)
        return set(re.findall(r"SK-[2-9A-HJ-NP-Z]{8}", r.text))
    check(ra in refs("?q=filter-a@example.com") and
          rb not in refs("?q=filter-a@example.com"), "by e-mail")
    # The address exactly, whatever its case (orders_email); its words
    # still find it without the domain; another domain is another address.
    _, _, dot = place(s, payment="bank", email="filter.a@example.com")
    rdot = one(s, "SELECT reference FROM orders WHERE id = ?", dot)
    check(refs("?q=FILTER-A%40Example.COM") == {ra}, "e-mail in capitals, "
          "not filter.a@ (the same words)")
    check(refs("?q=filter.a%40example.com") == {rdot}, "the other one")
    check({ra, rdot} <= refs("?q=filter-a") and rb not in refs("?q=filter-a"),
          "the address's words")
    check(not refs("?q=filter-a%40example.org"), "another address")
    check(refs("?q=" + rb.lower()) == {rb}, "by reference")
    check(rb in refs("?q=leila") and ra not in refs("?q=leila"), "by name")
    # Words, not substrings, and every word required; the phone number
    # as staff write it; a gateway's payment id exactly; whatever the
    # search holds, it is text, never full-text syntax.
    check(refs("?q=Leila+filter-b") == {rb} and not refs("?q=eila"),
          "whole words, all of them")
    phone = one(s, "SELECT phone FROM orders WHERE id = ?", a)
    local = phone[4:6] + " " + phone[6:9] + " " + phone[9:]
    check(ra in refs("?q=" + urllib.parse.quote(local)) and
          ra in refs("?q=" + urllib.parse.quote(phone)), "by phone " + local)
    execute(s, "INSERT INTO payments(provider, provider_id, order_id, "
            "attempt, amount_minor, currency, mode, status, url, "
            "expires_at, created_at, updated_at) VALUES ('stripe', "
            "'cs_test_find_me', ?, 0, 1, 'TND', 'test', 'open', "
            "'https://x', 0, 0, 0)", a)
    check(refs("?q=cs_test_find_me") == {ra}, "by payment id")
    for odd in ('"', "*", "NEAR(a b)", "a OR", "AND", "^x", "-", "{x}:y"):
        r = emp.get("/admin/orders?q=" + urllib.parse.quote(odd))
        check(r.status == 200, "%r: %r" % (odd, r))
    check(ra in refs("?method=bank") and rb not in refs("?method=bank"),
          "by method")
    check(rb in refs("?status=awaiting_payment&method=mobile"), "by status")
    check(not refs("?status=refunded"), "no refunded orders")
    check(ra in refs("?from=2000-01-01&to=2999-12-31") and
          not refs("?to=2001-01-01"), "by date")
    check(emp.get("/admin/orders?from=yesterday").status == 400,
          "bad date: 400")
    check(emp.get("/admin/orders?status=lost").status == 400,
          "bad status: 400")
    # Keyset pages: 60 more orders, 50 a page, nothing twice.
    c = db(s)
    for i in range(60):
        c.execute("INSERT INTO orders(token, reference, idem_key, status, "
                  "payment_method, currency, subtotal_minor, total_minor, "
                  "customer_name, email, email_norm, phone, country, lang, "
                  "created_at, updated_at) VALUES (?, ?, ?, 'awaiting_payment', 'bank', "
                  "'TND', 1000, 1000, 'Bulk', 'bulk@example.com', "
                  "'bulk@example.com', '+21620000000', 'TN', 'en', "
                  "strftime('%s', 'now'), strftime('%s', 'now'))",
                  ("bulktoken%015d" % i, "SK-BULK%04d" % i, "bulk%d" % i))
    # The lifecycle trigger: an order starts awaiting payment, then is paid.
    c.execute("UPDATE orders SET status = 'paid' WHERE email = 'bulk@example.com'")
    c.close()
    r = emp.get("/admin/orders?q=bulk@example.com")
    first = re.findall(r"SK-BULK\d{4}", r.text)
    nxt = re.search(r'id="next" rel="next" href="([^"]+)"', r.text)
    check(len(set(first)) == 50 and nxt, "a first page of 50")
    second = re.findall(r"SK-BULK\d{4}",
                        emp.get(nxt.group(1).replace("&amp;", "&")).text)
    check(len(set(second)) == 10 and not set(first) & set(second),
          "the rest on the next page")
    # CSV: streamed, filtered, formulas neutralised.
    r = emp.get("/admin/export?q=filter-")
    check(r.status == 200 and r.header("Content-Type").startswith("text/csv")
          and "attachment" in r.header("Content-Disposition"), r)
    rows = list(csv.reader(io.StringIO(r.text)))
    check(rows[0][:3] == ["reference", "created", "status"], rows[0])
    names = {row[0]: row[5] for row in rows[1:]}
    check(set(names) == {ra, rb, rdot}, names)
    check(names[ra] == "'=HYPERLINK(\"http://x\")", names[ra])
    check(names[rb].startswith("'-2+3 Leila"), names[rb])
    r = emp.get("/admin/export?status=paid&q=bulk@example.com")
    check(r.text.count("SK-BULK") == 60, "export is not paged")


@test
def admin_xss_from_the_storefront_is_escaped():
    s = adm_stack()
    execute(s, "INSERT INTO coupons(code, kind, value, active, created_at) "
            "VALUES (?, 'percent', 10, 1, 0)", "XSS10")
    b, token, oid = place(s, name=XSS, email="xss@example.com")
    execute(s, "UPDATE orders SET coupon_code = ?, discount_minor = 1, "
            "total_minor = subtotal_minor - 1 + delivery_minor, "
            "address = ? WHERE id = ?", XSS, XSS, oid)
    adm = login(s, "admin")
    for path in ("/admin", "/admin/orders", "/admin/order/%d" % oid,
                 "/admin/orders?q=xss@example.com", "/admin/audit"):
        t = adm.get(path).text
        check(XSS not in t and "<script>alert" not in t,
              "raw payload in %s" % path)
    t = adm.get("/admin/order/%d" % oid).text
    check(t.count("&lt;script&gt;") >= 3, "name, coupon and address shown "
          "escaped")
