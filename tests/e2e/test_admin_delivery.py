"""The staff side of subscriptions in the back office (docs/delivery.md,
docs/admin.md): access details typed when confirming an order of a
staff-delivered plan (sealed, shown to the guest on the order page, never
in a mail or the audit log), replaced later; the credential pool uploaded
as CSV by an admin only (all rows or none, waiting subscriptions served);
the subscriptions list with its filters."""
import os
import re

from harness import Stack, test, check
from shop import Shopper, hidden, multipart, one, order_token
from staff import add_staff, login

PLAN = "iptv-gold-4k"
POOL = "iptv-family-3-screens"


def staff_store():
    s = Stack().start()
    add_staff(s, ("employee", "admin"))
    return s


def guest_order(s, slug, email):
    b = Shopper(s)
    check(b.add(slug).status == 303, "add " + slug)
    tok = order_token(b.place({"email": email}))
    return b, tok, one(s, "SELECT id FROM orders WHERE token = ?", tok)


def db_bytes(s):
    data = b""
    for suffix in ("", "-wal"):
        p = s.env["SOUK_DB_PATH"] + suffix
        if os.path.exists(p):
            with open(p, "rb") as f:
                data += f.read()
    return data


@test
def confirm_with_access_details_then_replace_them():
    with staff_store() as s:
        b, tok, oid = guest_order(s, PLAN, "viewer@example.com")
        emp = login(s, "employee")
        page = emp.get("/admin/order/%d" % oid).text
        check('id="confirm-access"' in page and 'name="password"' in page,
              "the confirm form asks for the access details")
        r = emp.post("/admin/order/act", {
            "csrf": hidden(page, "csrf"), "id": str(oid), "do": "confirm",
            "username": "viewer77", "password": "Typed-Secret-981",
            "portal": "http://portal.example/tv"})
        check(r.status == 303, "confirmed: %r %s" % (r, r.text[:300]))
        check(one(s, "SELECT status FROM orders WHERE id = ?", oid) == "paid",
              "paid")
        check(one(s, "SELECT access FROM subscriptions WHERE order_id = ?",
                  oid) == "ready", "access ready")
        guest = b.get("/order/" + tok).text
        check("viewer77" in guest and "Typed-Secret-981" in guest,
              "the guest sees the access details on the order page")
        body = one(s, "SELECT body_text FROM mail_outbox WHERE to_addr = ? "
                   "AND subject LIKE 'Your access is ready%'",
                   "viewer@example.com")
        check(body and "/order/" + tok in body and "Typed-Secret" not in body,
              "mailed without the secret: %r" % body)
        check(b"Typed-Secret-981" not in db_bytes(s), "sealed at rest")
        check(one(s, "SELECT count(*) FROM audit_log WHERE action = "
                  "'access_given' AND detail LIKE '%Secret%'") == 0 and
              one(s, "SELECT count(*) FROM audit_log WHERE action = "
                  "'access_given'") == 1, "audited, without the secret")
        # Replaced later from the order page: the old one is gone.
        page = emp.get("/admin/order/%d" % oid).text
        sid = one(s, "SELECT id FROM subscriptions WHERE order_id = ?", oid)
        check('id="sub-%d"' % sid in page and "viewer77" in page,
              "staff see the subscription and its access")
        r = emp.post("/admin/subscription/access", {
            "csrf": hidden(page, "csrf"), "sub": str(sid),
            "code": "ACT-5521-ZZ"})
        check(r.status == 303 and r.header("Location").endswith(
            "/admin/order/%d?notice=access" % oid), "saved: %r" % r)
        guest = b.get("/order/" + tok).text
        check("ACT-5521-ZZ" in guest and "viewer77" not in guest,
              "the new details replaced the old")
        check(one(s, "SELECT count(*) FROM credentials") == 1,
              "the replaced credential is deleted, not pooled")
        # Nothing typed: refused, nothing changed.
        r = emp.post("/admin/subscription/access", {
            "csrf": hidden(page, "csrf"), "sub": str(sid)})
        check(r.status == 400, "empty details refused: %d" % r.status)
        r = Shopper(s).post("/admin/subscription/access", {
            "sub": str(sid), "code": "X"})
        check(r.status in (303, 403), "anonymous: %d" % r.status)
        check("ACT-5521-ZZ" in b.get("/order/" + tok).text, "unchanged")


@test
def pool_upload_by_admin_serves_waiting_and_lists_subscriptions():
    with staff_store() as s:
        adm = login(s, "admin")
        emp = login(s, "employee")
        check(emp.get("/admin/credentials").status == 403,
              "employees do not manage the pools")
        check(emp.get("/admin/subscriptions").status == 200,
              "employees see the subscriptions")

        def up(who, data, product=POOL):
            page = who.get("/admin/credentials")
            body, ctype = multipart(
                {"csrf": hidden(page.text, "csrf"), "product": product},
                [("csv", "pool.csv", "text/csv", data)])
            return who.post("/admin/credentials", raw=body,
                            content_type=ctype)

        r = up(adm, b"username,password\npool1,Pool-Pw-1-abcd\n")
        check(r.status == 303, "uploaded: %r %s" % (r, r.text[:300]))
        _, t1, o1 = guest_order(s, POOL, "first@example.com")
        _, t2, o2 = guest_order(s, POOL, "second@example.com")
        for o in (o1, o2):
            s.ctl("order", "set", str(o), "paid")
        check(one(s, "SELECT count(*) FROM subscriptions WHERE access = "
                  "'waiting'") == 1, "second one waits")
        page = adm.get("/admin/credentials").text
        check(re.search(r'id="pool-%s".*?pool-free">0<.*?pool-waiting">1<'
                        % POOL, page, re.S), "pool counts shown")
        bad = up(adm, b"username,password\nonly-one-field\n")
        check(bad.status == 400 and "line 2" in bad.text,
              "a bad row is refused with its line: %d" % bad.status)
        check(one(s, "SELECT count(*) FROM credentials") == 1,
              "all rows or none")
        r = up(adm, b"username,password\npool2,Pool-Pw-2-efgh\n")
        check(r.status == 303 and one(
            s, "SELECT count(*) FROM subscriptions WHERE access = "
            "'waiting'") == 0, "the upload served the waiting one")
        check("Pool-Pw-2-efgh" in Shopper(s).get("/order/" + t2).text,
              "the second guest sees their access")
        check(emp.post("/admin/credentials", {"product": POOL}).status ==
              403, "employee POST refused")
        lst = emp.get("/admin/subscriptions?status=active").text
        check(lst.count('class="sub-status"') == 2, "two active")
        check(emp.get("/admin/subscriptions?status=expired").text.count(
            'class="sub-status"') == 0, "none expired")
        check(emp.get("/admin/subscriptions?within=1").text.count(
            'class="sub-status"') == 0, "none ends within a day")
        check(emp.get("/admin/subscriptions?status=bogus").status == 400,
              "bad filter: 400")
