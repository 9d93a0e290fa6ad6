"""Staff actions on one subscription in the back office (docs/delivery.md
"Staff actions", docs/admin.md) through the real nginx, the admin program,
SQLite and a real SMTP server (aiosmtpd): extend (days, a plan's
duration), suspend and cancel with a reason, resume, reassign a pool
credential (the old one retired or returned), each with its audit row and
the customer's mail; the access matrix, unknown ids, CSRF, refused moves;
two reassigns at once never give one credential twice; the
credentials_in_mail setting and soukctl's reassign."""
import email.header
import os
import threading

from harness import test, check
from mailtest import Stacks, wait_until
from shop import Shopper, hidden, one, order_token, db
from staff import mail_store, login

stacks = Stacks()
POOL = "iptv-family-3-screens"
DAY = 86400


def sub_stack(name="subs", **env):
    return stacks.get(name, lambda: mail_store(stacks, env))


def creds(s, first, n):
    path = os.path.join(s.dir, "pool-%d.csv" % first)
    with open(path, "w") as f:
        f.write("username,password\n")
        for i in range(first, first + n):
            f.write("tv%03d,Pool-Secret-%03d-qq\n" % (i, i))
    s.ctl("credentials", "import", path, "--product", POOL)


def paid_sub(s, email):
    """A guest's paid pool subscription: (subscription id, order token)."""
    b = Shopper(s)
    check(b.add(POOL).status == 303, "add")
    tok = order_token(b.place({"email": email}))
    oid = one(s, "SELECT id FROM orders WHERE token = ?", tok)
    s.ctl("order", "set", str(oid), "paid")
    return one(s, "SELECT id FROM subscriptions WHERE order_id = ?", oid), tok


def mail_to(s, addr, subject):
    """The body of the mail with subject (prefix) that reached the SMTP
    server for addr."""
    def find():
        for m in s.sink.messages:
            subj = str(email.header.make_header(email.header.decode_header(
                m["msg"]["Subject"])))
            if addr in m["rcpt_tos"] and subj.startswith(subject):
                return m["msg"].get_payload(decode=True).decode()
        return None
    wait_until(lambda: find() is not None, what="mail %r to %s" % (subject,
                                                                   addr))
    return find()


def act(sh, sid, do, **fields):
    page = sh.get("/admin/subscription/%d" % sid)
    check(page.status == 200, "subscription page: %r" % page)
    f = {"csrf": hidden(page.text, "csrf"), "sub": str(sid), "do": do}
    f.update(fields)
    return sh.post("/admin/subscription/act", f)


def audits(s, sid, action):
    return one(s, "SELECT count(*) FROM audit_log WHERE object_kind = "
               "'subscription' AND object_id = ? AND action = ?", str(sid),
               action)


def held(s, sid):
    return one(s, "SELECT id FROM credentials WHERE subscription_id = ?", sid)


@test
def admin_subscription_access_matrix_404_and_csrf():
    s = sub_stack()
    creds(s, 0, 2)
    sid, _ = paid_sub(s, "matrix@example.com")
    path = "/admin/subscription/%d" % sid
    r = Shopper(s).get(path)
    check(r.status == 303 and "/account/login" in r.header("Location"),
          "anonymous: to the login: %r" % r)
    check(login(s, "customer").get(path).status == 403, "customer: 403")
    emp, adm = login(s, "employee"), login(s, "admin")
    for who in (emp, adm):
        t = who.get(path)
        check(t.status == 200 and 'id="form-extend"' in t.text and
              'id="form-reassign"' in t.text, "staff see the actions")
    check(emp.get("/admin/subscriptions").text.count(
        'href="%s"' % path) == 1, "the list links to the page")
    check(emp.get("/admin/subscription/999999").status == 404,
          "unknown id: 404")
    check(emp.get("/admin/subscription/abc").status == 404, "bad id: 404")
    tok = hidden(emp.get(path).text, "csrf")
    r = emp.post("/admin/subscription/act", {"csrf": tok, "sub": "999999",
                                             "do": "resume"})
    check(r.status == 404, "act on an unknown id: %d" % r.status)
    r = emp.post("/admin/subscription/act", {"sub": str(sid),
                                             "do": "suspend",
                                             "reason": "no token"})
    check(r.status == 403, "no CSRF token: %d" % r.status)
    r = login(s, "customer").post("/admin/subscription/act", {
        "csrf": tok, "sub": str(sid), "do": "suspend", "reason": "x"})
    check(r.status == 403, "customer POST: %d" % r.status)
    r = emp.post("/admin/subscription/act", {"csrf": tok, "sub": str(sid),
                                             "do": "explode"})
    check(r.status == 400, "unknown action: %d" % r.status)
    check(one(s, "SELECT state FROM subscriptions WHERE id = ?", sid) ==
          "live", "nothing changed")


@test
def admin_subscription_actions_audited_and_mailed():
    s = sub_stack()
    creds(s, 100, 3)
    email = "actions@example.com"
    sid, tok = paid_sub(s, email)
    emp = login(s, "employee")
    ends = one(s, "SELECT ends_at FROM subscriptions WHERE id = ?", sid)

    # Extend by days, then by one of the product's plans.
    check(act(emp, sid, "extend").status == 400, "no period: 400")
    for bad in ({"days": "0"}, {"days": "-3"}, {"days": "99999"},
                {"days": "5", "plan": "x"}):
        r = act(emp, sid, "extend", **bad)
        check(r.status == 400 and "number of days" in r.text,
              "bad period %r: %d" % (bad, r.status))
    r = act(emp, sid, "extend", days="10")
    check(r.status == 303 and r.header("Location").endswith(
        "/admin/subscription/%d?notice=extended" % sid), "extended: %r" % r)
    check(one(s, "SELECT ends_at FROM subscriptions WHERE id = ?", sid) ==
          ends + 10 * DAY, "ten days later")
    check(audits(s, sid, "sub_extend") == 1, "audited")
    body = mail_to(s, email, "Your subscription was extended")
    check("/order/" + tok in body and "Pool-Secret" not in body,
          "mail links to the order page, no secret: %r" % body)
    plan = one(s, "SELECT id FROM subscription_plans WHERE product_id = "
               "(SELECT id FROM products WHERE slug = ?) ORDER BY id", POOL)
    pm, pd = db(s).execute("SELECT duration_months, duration_days FROM "
                           "subscription_plans WHERE id = ?",
                           (plan,)).fetchone()
    r = act(emp, sid, "extend", plan=str(plan))
    check(r.status == 303, "extended by a plan: %r" % r)
    check(audits(s, sid, "sub_extend") == 2, "second audit row")
    other = one(s, "SELECT id FROM subscription_plans WHERE product_id <> "
                "(SELECT id FROM products WHERE slug = ?) LIMIT 1", POOL)
    if other:
        check(act(emp, sid, "extend", plan=str(other)).status == 400,
              "another product's plan refused")

    # Suspend (a reason is required), resume.
    check(act(emp, sid, "suspend").status == 400, "no reason: 400")
    check(act(emp, sid, "resume").status == 409, "resume a live one: 409")
    r = act(emp, sid, "suspend", reason="Payment disputed <b>x</b>")
    check(r.status == 303, "suspended: %r" % r)
    row = db(s).execute("SELECT state, state_reason FROM subscriptions "
                        "WHERE id = ?", (sid,)).fetchone()
    check(row == ("suspended", "Payment disputed <b>x</b>"), "state %r" %
          (row,))
    page = emp.get("/admin/subscription/%d" % sid).text
    check("Payment disputed &lt;b&gt;x&lt;/b&gt;" in page and
          'id="form-resume"' in page and 'id="form-suspend"' not in page,
          "reason shown escaped, resume offered")
    body = mail_to(s, email, "Your subscription is suspended")
    check("Payment disputed" in body, "the reason is mailed: %r" % body)
    check(audits(s, sid, "sub_suspend") == 1, "suspend audited")
    check(act(emp, sid, "resume").status == 303, "resumed")
    check(one(s, "SELECT state FROM subscriptions WHERE id = ?", sid) ==
          "live", "live again")
    mail_to(s, email, "Your subscription is active again")

    # Reassign: retire the old one, then return it to the pool.
    old = held(s, sid)
    r = act(emp, sid, "reassign", old="retire")
    check(r.status == 303, "reassigned: %r" % r)
    new = held(s, sid)
    check(new and new != old and one(s, "SELECT count(*) FROM credentials "
                                     "WHERE id = ?", old) == 0,
          "a new credential, the old one deleted")
    body = mail_to(s, email, "Your access details changed")
    check("/order/" + tok in body and "Pool-Secret" not in body,
          "mail says where, not what: %r" % body)
    guest = Shopper(s).get("/order/" + tok).text
    num = one(s, "SELECT count(*) FROM credentials WHERE subscription_id "
              "IS NULL")
    r = act(emp, sid, "reassign", old="return")
    check(r.status == 303, "reassigned again: %r" % r)
    check(one(s, "SELECT subscription_id FROM credentials WHERE id = ?",
              new) is None, "the returned one is free again")
    check(one(s, "SELECT count(*) FROM credentials WHERE subscription_id "
              "IS NULL") == num, "one out, one back")
    check(held(s, sid) not in (None, new), "never the same one back")
    check(Shopper(s).get("/order/" + tok).text != guest,
          "the guest sees the new access")
    check(audits(s, sid, "sub_reassign") == 2, "reassigns audited")
    check(one(s, "SELECT count(*) FROM audit_log WHERE detail LIKE "
              "'%Pool-Secret%'") == 0, "no secret in the audit log")

    # Cancel (a reason is required); then nothing moves it.
    check(act(emp, sid, "cancel").status == 400, "no reason: 400")
    r = act(emp, sid, "cancel", reason="Customer asked")
    check(r.status == 303, "cancelled: %r" % r)
    body = mail_to(s, email, "Your subscription was cancelled")
    check("Customer asked" in body, "reason mailed")
    page = emp.get("/admin/subscription/%d" % sid).text
    check('id="form-' not in page, "a cancelled one offers no action")
    oid = one(s, "SELECT order_id FROM subscriptions WHERE id = ?", sid)
    tokn = hidden(emp.get("/admin/order/%d" % oid).text, "csrf")
    for do, extra in (("extend", {"days": "5"}), ("resume", {}),
                      ("reassign", {}), ("suspend", {"reason": "x"})):
        f = {"csrf": tokn, "sub": str(sid), "do": do}
        f.update(extra)
        r = emp.post("/admin/subscription/act", f)
        check(r.status == 409 and "cannot" in r.text,
              "%s on a cancelled one: %d" % (do, r.status))
    check(audits(s, sid, "sub_cancel") == 1, "cancel audited once")


@test
def admin_reassign_race_never_gives_one_credential_twice():
    s = sub_stack("race")
    before = one(s, "SELECT coalesce(max(id), 0) FROM credentials")
    creds(s, 200, 4)
    subs = [paid_sub(s, "race%d@example.com" % i)[0] for i in range(4)]
    creds(s, 300, 2)                    # two free for four reassigns
    free = [r[0] for r in db(s).execute(
        "SELECT id FROM credentials WHERE subscription_id IS NULL AND id > ?",
        (before,))]
    olds = {sid: held(s, sid) for sid in subs}
    staff = [login(s, "employee") for _ in subs]
    forms = [(sh, hidden(sh.get("/admin/subscription/%d" % sid).text,
                         "csrf"), sid) for sh, sid in zip(staff, subs)]
    results, go = {}, threading.Barrier(len(forms))

    def run(sh, tok, sid):
        go.wait()
        results[sid] = sh.post("/admin/subscription/act", {
            "csrf": tok, "sub": str(sid), "do": "reassign",
            "old": "retire"}).status

    th = [threading.Thread(target=run, args=f) for f in forms]
    for t in th:
        t.start()
    for t in th:
        t.join()
    ok = [sid for sid, st in results.items() if st == 303]
    check(sorted(results.values()) == [303, 303, 409, 409],
          "two served, two told the pool is empty: %r" % results)
    got = [held(s, sid) for sid in ok]
    check(sorted(got) == sorted(free),
          "each winner got its own of the two free ones: %r vs %r" %
          (got, free))
    for sid in results:
        if sid not in ok:
            check(held(s, sid) == olds[sid], "a refused one keeps its own")
    rows = db(s).execute("SELECT subscription_id, count(*) FROM credentials "
                         "WHERE subscription_id IS NOT NULL GROUP BY "
                         "subscription_id HAVING count(*) > 1").fetchall()
    check(rows == [], "no subscription holds two")
    check(one(s, "SELECT count(*) FROM credentials WHERE id > ? AND "
              "subscription_id IS NULL", before) == 0, "the pool is empty")
    check(sum(audits(s, sid, "sub_reassign") for sid in subs) == 2,
          "one audit row per served reassign")
    reports = []
    for st in stacks.made.values():
        reports += st.sanitizer_reports()
    check(not reports, "sanitizers: %r" % reports[:2])


@test
def credentials_in_mail_and_soukctl_reassign():
    s = sub_stack("inmail", SOUK_CREDENTIALS_IN_MAIL="1")
    creds(s, 400, 2)
    sid, _ = paid_sub(s, "inmail@example.com")
    first = held(s, sid)
    out = s.ctl("subscription", "reassign", str(sid)).stdout
    check("reassign done" in out, "soukctl reassign: %r" % out)
    check(held(s, sid) != first and one(
        s, "SELECT count(*) FROM credentials WHERE id = ?", first) == 0,
        "soukctl retired the old one")
    body = one(s, "SELECT body_text FROM mail_outbox WHERE to_addr = ? AND "
               "subject LIKE 'Your access details changed%'",
               "inmail@example.com")
    user = one(s, "SELECT count(*) FROM credentials WHERE subscription_id "
               "= ?", sid)
    check(body and "Pool-Secret-40" in body and "password:" in body and
          user == 1, "with credentials_in_mail the mail carries them: %r"
          % body)
    r = s.ctl("subscription", "reassign", str(sid), check_rc=False)
    check(r.returncode == 1 and "no other free credential" in r.stderr,
          "empty pool: %r" % r.stderr)
    r = s.ctl("subscription", "extend", str(sid), "7")
    check("extend done" in r.stdout, "soukctl extend")
    check(one(s, "SELECT count(*) FROM mail_outbox WHERE subject LIKE "
              "'Your subscription was extended%'") == 1,
          "soukctl's extend mails too")
    stacks.stop_all()
