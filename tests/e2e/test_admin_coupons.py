"""The back office's coupons (/admin/coupons, /admin/coupon[/<id>])
through the real nginx and a real SQLite file: admins only (anonymous ->
login, customer and employee -> 403), CSRF on every POST, a code created,
edited, disabled and enabled from the pages (each audited) and used at
checkout, the usage report (uses, discount total, the orders), the rules
of the form (the same as soukctl coupon add's), a scope of products or
categories (the discount of the lines in scope only; a cart with none
refused with a clear message), the per-customer limit by account and by
e-mail for guests, the total limit, expiry, and a code or slug with
markup escaped."""
import re
import time

from harness import test, check
from mailtest import Stacks, query
from shop import Shopper, hidden, order_token, strip
from staff import mail_store, login, post_form, check_admin_only

stacks = Stacks()
XSS = "<script>alert(1)</script>"
PAGES = ("/admin/coupons", "/admin/coupon")


def cpn_stack():
    return stacks.get("coupons", lambda: mail_store(stacks))


def post(sh, path, fields, page="/admin/coupon"):
    return post_form(sh, path, fields, page)


def create(adm, code, kind="percent", value="10", **kw):
    """Creates a coupon from the admin form; returns its id."""
    f = {"code": code, "kind": kind, "value": value}
    f.update(kw)
    r = post(adm, "/admin/coupon/save", f)
    loc = r.header("Location") or ""
    m = re.search(r"/admin/coupon/(\d+)\?notice=coupon$", loc)
    check(r.status == 303 and m, "create %s: %r %s" % (
        code, r, strip(r.text)[:300]))
    return int(m.group(1))


def row(s, cid):
    return query(s, "SELECT code, kind, value, min_subtotal_minor, "
                 "max_uses, max_uses_per_email, active FROM coupons "
                 "WHERE id = ?", (cid,))[0]


def actions(s, cid):
    return [r[0] for r in query(s, "SELECT action FROM audit_log WHERE "
                                "object_kind = 'coupon' AND object_id = ? ORDER BY id",
                                (str(cid),))]


def checkout(b, code, slugs=("iptv-gold-4k",), **kw):
    """b puts slugs in the cart and places an order with coupon code."""
    for slug in slugs:
        b.add(slug)
    _, form = b.form()
    fields = {"address": "12 rue de Marseille", "city": "Tunis"}
    fields.update(kw)
    return b.place(fields, form, coupon=code)


def discount_of(s, r):
    return query(s, "SELECT discount_minor FROM orders WHERE token = ?",
                 (order_token(r),))[0][0]


def day(offset):
    """The local date offset days from today (YYYY-MM-DD)."""
    return time.strftime("%Y-%m-%d", time.localtime(time.time() +
                                                    offset * 86400))


@test
def admin_coupons_are_for_admins_only_and_need_csrf():
    s = cpn_stack()
    anon = Shopper(s)
    cust, emp, adm = (login(s, "customer"), login(s, "employee"),
                      login(s, "admin"))
    cid = create(adm, "GATE5")
    check_admin_only(PAGES + ("/admin/coupon/%d" % cid,), anon, cust, emp,
                     adm)
    check('href="/admin/coupons"' in adm.get("/admin").text, "admin menu")
    t = adm.get("/admin/coupon/%d?lang=fr" % cid).text
    check("Codes promo" in t and "Rapport d’utilisation" in t and
          "Utilisations par client" in t, "French: %s" % strip(t)[:300])
    check('href="/admin/coupons"' not in emp.get("/admin").text,
          "no link for employees")
    # An employee's POSTs, with a valid token of a page they may open.
    tok = hidden(emp.get("/admin/orders").text, "csrf")
    for path, f in (("/admin/coupon/save", {"code": "EMP1", "kind":
                                            "percent", "value": "50"}),
                    ("/admin/coupon/act", {"id": str(cid), "do":
                                           "disable"})):
        f["csrf"] = tok
        check(emp.post(path, f).status == 403, "employee POST " + path)
    # No token, or another's: refused, nothing changes.
    for f in ({}, {"csrf": "x" * 43}):
        r = adm.post("/admin/coupon/save", dict(f, code="NOCSRF",
                                                kind="percent", value="5"))
        check(r.status == 403, "save without CSRF: %r" % r)
        r = adm.post("/admin/coupon/act", dict(f, id=str(cid), do="disable"))
        check(r.status == 403, "act without CSRF: %r" % r)
    check(query(s, "SELECT count(*) FROM coupons WHERE code IN "
                "('EMP1', 'NOCSRF')")[0][0] == 0, "nothing created")
    check(row(s, cid)[6] == 1, "still active")
    check(adm.get("/admin/coupon/999999").status == 404, "unknown id")
    check(adm.get("/admin/coupon/abc").status == 404, "not an id")
    r = post(adm, "/admin/coupon/act", {"id": "999999", "do": "disable"})
    check(r.status == 404, "act on an unknown id: %r" % r)


@test
def admin_creates_edits_disables_a_coupon_used_at_checkout():
    s = cpn_stack()
    adm = login(s, "admin")
    r = adm.get("/admin/coupon")
    check('id="coupon-form"' in r.text and 'name="per_customer"' in r.text,
          "new form")
    cid = create(adm, "SPRING10", min_order="20", max_uses="50")
    check(row(s, cid) == ("SPRING10", "percent", 10, 20000, 50, None, 1),
          "row %r" % (row(s, cid),))
    check(actions(s, cid) == ["coupon_create"], actions(s, cid))
    r = adm.get("/admin/coupon/%d?notice=coupon" % cid)
    check("Coupon saved." in r.text and 'value="SPRING10"' in r.text and
          'id="scope-all"' in r.text and 'id="report-empty"' in r.text,
          strip(r.text)[:600])
    # Used at checkout: 10 % of 30.000.
    b = Shopper(s)
    r = checkout(b, "spring10")
    check(discount_of(s, r) == 3000, "discount")
    ref = query(s, "SELECT reference FROM orders WHERE token = ?",
                (order_token(r),))[0][0]
    # The usage report: the list and the coupon's page.
    t = adm.get("/admin/coupons").text
    line = t.split('id="coupon-%d"' % cid)[1].split("</tr>")[0]
    check("1 / 50" in line and "3.000\xa0TND" in line and "Active" in line,
          "list row: %s" % strip(line))
    t = adm.get("/admin/coupon/%d" % cid).text
    report = t.split('id="report"')[1]
    check(ref in report and "amira@example.com" in report and
          "3.000\xa0TND" in report and 'id="report-uses">1 / 50' in report,
          strip(report)[:500])
    # Edited: 20 % now; the order keeps its discount.
    r = post(adm, "/admin/coupon/save", {"id": str(cid), "code": "SPRING20",
                                         "kind": "percent", "value": "20"})
    check(r.status == 303, "edit: %r %s" % (r, strip(r.text)[:300]))
    check(row(s, cid) == ("SPRING20", "percent", 20, 0, None, None, 1),
          "edited %r" % (row(s, cid),))
    check(discount_of(s, checkout(Shopper(s), "SPRING20")) == 6000, "20 %")
    # Disabled: shoppers are told it is not a code; enabled again.
    r = post(adm, "/admin/coupon/act", {"id": str(cid), "do": "disable"})
    check(r.status == 303 and "notice=coupon_disabled" in
          r.header("Location"), "disable: %r" % r)
    r = checkout(Shopper(s), "SPRING20")
    check(r.status == 409 and "is not a valid code" in r.text, "disabled")
    check("Disabled" in adm.get("/admin/coupons").text, "status shown")
    r = post(adm, "/admin/coupon/act", {"id": str(cid), "do": "enable"})
    check(r.status == 303 and "notice=coupon_enabled" in
          r.header("Location"), "enable: %r" % r)
    order_token(checkout(Shopper(s), "SPRING20"))
    check(actions(s, cid) == ["coupon_create", "coupon_edit",
                              "coupon_disable", "coupon_enable"],
          actions(s, cid))


@test
def admin_coupon_form_refuses_broken_rules_clearly():
    s = cpn_stack()
    adm = login(s, "admin")
    create(adm, "TAKEN1")
    for fields, want, status in (
            ({"code": "x", "value": "10"}, "2 to 40 letters", 400),
            ({"code": "BIG", "value": "150"}, "from 1 to 100", 400),
            ({"code": "ZERO", "kind": "fixed", "value": "0"},
             "an amount above 0", 400),
            ({"code": "KIND", "kind": "gift", "value": "5"},
             "percentage or a fixed amount", 400),
            ({"code": "MIN", "value": "5", "min_order": "lots"},
             "minimum order must be an amount", 400),
            ({"code": "DATES", "value": "5", "starts": day(5),
              "expires": day(2)}, "expiry must come after the start", 400),
            ({"code": "BADDAY", "value": "5", "expires": "2026-13-45"},
             "expiry must be a date", 400),
            ({"code": "MAXU", "value": "5", "max_uses": "0"},
             "Uses in all must be a whole number", 400),
            ({"code": "PERC", "value": "5", "per_customer": "-1"},
             "Uses per customer must be a whole number", 400),
            ({"code": "NOPROD", "value": "5", "products": "no-such-thing"},
             "No product has this slug: no-such-thing", 400),
            ({"code": "NOCAT", "value": "5", "categories": "nowhere"},
             "No category has this slug: nowhere", 400),
            ({"code": "taken1", "value": "5"},
             "Another coupon already has this code", 409)):
        f = {"kind": "percent"}
        f.update(fields)
        r = post(adm, "/admin/coupon/save", f)
        check(r.status == status and want in strip(r.text) and
              'id="form-errors"' in r.text,
              "%s: %d %s" % (fields, r.status, strip(r.text)[:400]))
        check('value="%s"' % fields["code"] in r.text, "typed code kept")
    check(query(s, "SELECT count(*) FROM coupons WHERE code IN ('BIG', "
                "'ZERO', 'NOPROD', 'NOCAT', 'DATES')")[0][0] == 0,
          "nothing saved")
    # Markup in the code and the scope: refused, shown escaped.
    r = post(adm, "/admin/coupon/save", {"code": XSS, "kind": "percent",
                                         "value": "5", "products": XSS})
    check(r.status == 400 and "&lt;script&gt;alert(1)&lt;/script&gt;" in
          r.text and XSS not in r.text, "XSS escaped: %s" % r.text[:300])
    # soukctl follows the same rules.
    p = s.ctl("coupon", "add", "CTL1", "percent", "150", check_rc=False)
    check(p.returncode == 1 and "1 to 100" in p.stderr, p.stderr)
    p = s.ctl("coupon", "add", "CTL2", "fixed", "5", "--products",
              "no-such-thing", check_rc=False)
    check(p.returncode == 1 and "no product has the slug" in p.stderr,
          p.stderr)
    s.ctl("coupon", "add", "CTL3", "fixed", "5", "--categories",
          "accessories")
    check(query(s, "SELECT count(*) FROM coupon_scope s JOIN coupons c ON "
                "c.id = s.coupon_id WHERE c.code = 'CTL3'")[0][0] == 1,
          "soukctl scope")
    # coupon list shows each code's per-customer limit and scope.
    s.ctl("coupon", "add", "CTL5", "fixed", "2")
    s.ctl("coupon", "add", "CTL4", "percent", "10", "--per-email", "3",
          "--products", "hdmi-2-1-cable-2m", "--categories", "accessories")
    out = s.ctl("coupon", "list").stdout.splitlines()
    check("PER-CUSTOMER" in out[0] and "SCOPE" in out[0], out[0])
    row = {ln.split()[0]: ln for ln in out[1:]}
    check(row["CTL3"].endswith("categories accessories"), row["CTL3"])
    check(row["CTL4"].endswith("products hdmi-2-1-cable-2m; categories "
                               "accessories") and
          row["CTL4"].split()[4] == "3", row["CTL4"])
    check(row["CTL5"].endswith("whole cart"), row["CTL5"])


@test
def a_scoped_coupon_discounts_only_the_lines_in_scope():
    s = cpn_stack()
    adm = login(s, "admin")
    cid = create(adm, "CABLE50", value="50", products="hdmi-2-1-cable-2m")
    t = adm.get("/admin/coupon/%d" % cid).text
    check("HDMI 2.1 cable, 2 m" in t and 'value="hdmi-2-1-cable-2m"' in t,
          "scope shown")
    check("some products only" in adm.get("/admin/coupons").text,
          "list says scoped")
    # Nothing in scope: a clear refusal, no order.
    r = checkout(Shopper(s), "CABLE50")
    check(r.status == 409 and "This coupon is not for the products in your "
          "cart." in strip(r.text) and 'id="err-coupon"' in r.text,
          "out of scope: %d %s" % (r.status, strip(r.text)[:300]))
    b = Shopper(s)
    b.add("iptv-gold-4k")
    _, form = b.form()
    r = b.place(None, form, coupon="CABLE50", op="apply")
    check(r.status == 422 and "not for the products in your cart" in r.text,
          "apply says so too")
    # 50 % of the cable (29.000) only, not of the whole cart (59.000).
    r = checkout(Shopper(s), "CABLE50", ("iptv-gold-4k", "hdmi-2-1-cable-2m"))
    check(discount_of(s, r) == 14500, "scoped discount")
    # A category covers its subcategories (iptv > iptv-premium).
    create(adm, "IPTVFIX", kind="fixed", value="4", categories="iptv")
    r = checkout(Shopper(s), "IPTVFIX", ("hdmi-2-1-cable-2m",))
    check(r.status == 409 and "not for the products" in r.text, "category")
    r = checkout(Shopper(s), "IPTVFIX", ("iptv-gold-4k",))
    check(discount_of(s, r) == 4000, "subcategory in scope")
    # Emptying the scope: the whole cart again.
    r = post(adm, "/admin/coupon/save", {"id": str(cid), "code": "CABLE50",
                                         "kind": "percent", "value": "50"})
    check(r.status == 303, "scope removed: %r" % r)
    check(discount_of(s, checkout(Shopper(s), "CABLE50")) == 15000,
          "whole cart")


@test
def a_line_refund_pays_back_what_the_line_cost_under_a_scoped_coupon():
    s = cpn_stack()
    adm = login(s, "admin")
    create(adm, "CABLE30", value="30", products="hdmi-2-1-cable-2m")
    r = checkout(Shopper(s), "CABLE30", ("iptv-gold-4k", "hdmi-2-1-cable-2m",
                                         "hdmi-2-1-cable-2m"))
    oid, ref, disc, total = query(
        s, "SELECT id, reference, discount_minor, total_minor FROM orders "
        "WHERE token = ?", (order_token(r),))[0]
    lines = query(s, "SELECT line, p.slug, qty, line_minor, discount_minor "
                  "FROM order_items i JOIN products p ON p.id = i.product_id "
                  "WHERE order_id = ? ORDER BY line", (oid,))
    cable = [ln for ln in lines if ln[1] == "hdmi-2-1-cable-2m"][0]
    iptv = [ln for ln in lines if ln[1] == "iptv-gold-4k"][0]
    # 30 % of the cables only; the plan pays its full price.
    check(disc == cable[3] * 30 // 100 and cable[2] == 2, "discount %d" % disc)
    check(cable[4] == disc and iptv[4] == 0, "shares filed: %r" % lines)
    s.ctl("order", "set", str(oid), "paid")
    s.ctl("order", "refund", ref, "--line", str(iptv[0]), "--qty", "1")
    s.ctl("order", "refund", ref, "--line", str(cable[0]), "--qty", "1")
    got = query(s, "SELECT line, amount_minor FROM order_refund_lines WHERE "
                "order_id = ? ORDER BY refund_id", (oid,))
    unit = cable[3] // 2
    check(got == [(iptv[0], iptv[3]), (cable[0], unit - disc // 2)],
          "line refunds %r (plan %d, cable %d less half of %d)" % (
              got, iptv[3], unit, disc))
    # The last cable, then the rest (delivery): the refunds add up to what
    # was paid.
    s.ctl("order", "refund", ref, "--line", str(cable[0]), "--qty", "1")
    s.ctl("order", "refund", ref)
    paid_back = query(s, "SELECT sum(amount_minor) FROM order_refunds WHERE "
                      "order_id = ?", (oid,))[0][0]
    cables = sum(a for ln, a in query(
        s, "SELECT line, amount_minor FROM order_refund_lines WHERE "
        "order_id = ?", (oid,)) if ln == cable[0])
    check(cables == cable[3] - disc, "cables paid back %d, paid %d" % (
        cables, cable[3] - disc))
    check(paid_back == total, "refunded %d of %d" % (paid_back, total))
    check(query(s, "SELECT status FROM orders WHERE id = ?", (oid,))[0][0] ==
          "refunded", "order refunded")


@test
def per_customer_total_and_expiry_limits_hold_at_checkout():
    s = cpn_stack()
    adm = login(s, "admin")
    create(adm, "ONEEACH", per_customer="1")
    # By account: the same account with another e-mail is refused.
    cust = login(s, "customer")
    order_token(checkout(cust, "ONEEACH", email="first@example.com"))
    r = checkout(cust, "ONEEACH", email="second@example.com")
    check(r.status == 409 and "has already been used" in r.text,
          "account limit: %d %s" % (r.status, strip(r.text)[:300]))
    # By e-mail for guests: the address the account used is refused.
    r = checkout(Shopper(s), "ONEEACH", email="first@example.com")
    check(r.status == 409 and "has already been used" in r.text,
          "guest e-mail limit")
    order_token(checkout(Shopper(s), "ONEEACH", email="other@example.com"))
    uid = query(s, "SELECT id FROM users WHERE email_norm = "
                "'customer@example.com'")[0][0]
    check(query(s, "SELECT count(*) FROM coupon_redemptions r JOIN coupons "
                "c ON c.id = r.coupon_id WHERE c.code = 'ONEEACH' AND "
                "r.user_id = ?", (uid,))[0][0] == 1, "the account recorded")
    # Total limit.
    cid = create(adm, "ONLYONE", max_uses="1")
    order_token(checkout(Shopper(s), "ONLYONE", email="a1@example.com"))
    r = checkout(Shopper(s), "ONLYONE", email="a2@example.com")
    check(r.status == 409 and "as many times as allowed" in r.text, "total")
    line = adm.get("/admin/coupons").text.split(
        'id="coupon-%d"' % cid)[1].split("</tr>")[0]
    check("1 / 1" in line and "Used up" in line, strip(line))
    # Expiry (00:00 of the day, store time): yesterday's code is over.
    cid = create(adm, "BYGONE", expires=day(-2))
    r = checkout(Shopper(s), "BYGONE")
    check(r.status == 409 and "has expired" in r.text, "expired")
    check("Expired" in adm.get("/admin/coupons").text, "expired shown")
    r = post(adm, "/admin/coupon/save", {"id": str(cid), "code": "BYGONE",
                                         "kind": "percent", "value": "10",
                                         "expires": day(30)})
    check(r.status == 303, "extended: %r" % r)
    check(discount_of(s, checkout(Shopper(s), "BYGONE")) == 3000,
          "valid again")


@test
def admin_coupons_stop():
    stacks.stop_all()
