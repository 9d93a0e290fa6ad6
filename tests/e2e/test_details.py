"""What happens next: details a product asks at checkout (a device's MAC
address, the app), checked and kept with the order line, shown on the
order page, to the shop and in soukctl; and the order page's and mail's
timeline per kind of line (docs/checkout.md)."""
import html
import re

from harness import Stack, check, test
from shop import ADDRESS, Shopper, one, order_token, strip
from staff import add_staff, login

MAC_MSG = ("Enter the device's MAC address: six pairs of the digits 0-9 and "
           "letters A-F, like 00:1A:79:AB:CD:EF.")

_stack = None


def store():
    """A store of its own (its products ask details), with its own
    promises: checked within 6 hours, shipped within 4 days."""
    global _stack
    if _stack is None:
        _stack = Stack(env={"SOUK_ORDER_CHECK_HOURS": "6",
                            "SOUK_ORDER_SHIP_DAYS": "4"}).start()
        _stack.ctl("product-field", "set", "iptv-gold-4k", "mac", "mac",
                   "MAC address of your box")
        _stack.ctl("product-field", "set", "iptv-gold-4k", "app", "text",
                   "App you will use", "--max", "20", "--optional")
    return _stack


def mails(s, ref):
    return [r for r in _rows(s, "SELECT to_addr, body_text, body_html FROM "
                             "mail_outbox WHERE subject LIKE ? ORDER BY id",
                             "%" + ref + "%")]


def _rows(s, sql, *args):
    import sqlite3
    c = sqlite3.connect(s.env["SOUK_DB_PATH"])
    try:
        return c.execute(sql, args).fetchall()
    finally:
        c.close()


def steps(text):
    """The timeline's steps: [(name, state)] in order."""
    sec = text[text.index('class="timeline"'):]
    sec = sec[:sec.index("</section>")]
    return [(m.group(2), (m.group(1).split() + [""])[0])
            for m in re.finditer(r'class="step ?([a-z ]*)" data-step="'
                                 r'([a-z]+)"', sec)]


@test
def soukctl_product_field_set_list_remove_and_refusals():
    s = store()
    out = s.ctl("product-field", "list", "iptv-gold-4k").stdout
    check("mac" in out and "MAC address of your box" in out and
          re.search(r"app\s+text\s+20\s+no", out), out)
    for bad in (["set", "iptv-gold-4k", "Bad-Name", "text", "X"],
                ["set", "iptv-gold-4k", "x", "color", "X"],
                ["set", "no-such-product", "x", "text", "X"],
                ["set", "iptv-gold-4k", "x", "text", "X", "--max", "900"],
                ["set", "iptv-gold-4k", "x", "text", "two\nlines"],
                ["remove", "iptv-gold-4k", "nothing"]):
        p = s.ctl("product-field", *bad, check_rc=False)
        check(p.returncode != 0, "accepted %r" % (bad,))
    s.ctl("product-field", "set", "usb-c-power-adapter", "note", "text", "N")
    s.ctl("product-field", "remove", "usb-c-power-adapter", "note")
    check("note" not in s.ctl("product-field", "list",
                              "usb-c-power-adapter").stdout, "removed")


@test
def checkout_asks_checks_and_normalises_the_details():
    s = store()
    b = Shopper(s)
    b.add("iptv-gold-4k")
    r, form = b.form()
    t = r.text
    check('id="f-d0"' in t and 'name="d0"' in t and 'id="f-d1"' in t and
          "MAC address of your box" in t and "App you will use" in t,
          "fields asked: " + strip(t)[:600])
    check(re.search(r'id="f-d0"[^>]*required', t) and
          not re.search(r'id="f-d1"[^>]*required', t), "required flags")
    # Invalid MAC addresses, a missing one, a too long app name.
    for mac, app, want0, want1 in (
            ("00-1a-79-ab-cd-zz", "", MAC_MSG, None),
            ("00:1a:79:ab:cd", "", MAC_MSG, None),
            ("00:1a:79:ab:cd:ef:01", "", MAC_MSG, None),
            ("", "", "Fill in this field.", None),
            ("001a79abcdef", "x" * 21, None,
             "This is too long: please shorten it.")):
        r = b.place(None, form, d0=mac, d1=app)
        check(r.status == 422, "%r -> %d" % (mac, r.status))
        t = html.unescape(r.text)
        if want0:
            check(re.search(r'id="err-d0"[^>]*>%s<' % re.escape(want0), t),
                  "%r: %s" % (mac, strip(t)[:500]))
            check("MAC address of your box: " + want0 in t,
                  "summary names the field: " + strip(t)[:500])
        else:
            check('id="err-d0"' not in t, "%r refused" % mac)
        if want1:
            check(re.search(r'id="err-d1"[^>]*>%s<' % re.escape(want1), t),
                  "app too long")
        check('value="%s"' % mac in t, "value kept")
    # The summary follows the form: phone, then the details, then terms.
    r = b.place(None, form, d0="bad", phone="1", terms="")
    links = re.findall(r'<a href="#f-([a-z0-9]+)">', r.text[
        r.text.index('id="checkout-errors"'):])
    check(links[:3] == ["phone", "d0", "terms"], "order %r" % links)
    # Any separator, any case: kept as AA:BB:CC:DD:EE:FF.
    token = order_token(b.place(None, form, d0=" 001a.79ab.CDef ",
                                d1="IPTV Smarters"))
    oid = one(s, "SELECT id FROM orders WHERE token = ?", token)
    rows = _rows(s, "SELECT line, position, name, label, value FROM "
                 "order_item_fields WHERE order_id = ? ORDER BY position", oid)
    check(rows == [(1, 1, "mac", "MAC address of your box",
                    "00:1A:79:AB:CD:EF"),
                   (1, 2, "app", "App you will use", "IPTV Smarters")],
          repr(rows))
    page = b.get("/order/" + token).text
    check(re.search(r"<dt>MAC address of your box</dt><dd>00:1A:79:AB:CD:EF"
                    r"</dd>", page) and "IPTV Smarters" in page,
          "order page: " + strip(page)[:600])
    ref = one(s, "SELECT reference FROM orders WHERE token = ?", token)
    ms = mails(s, ref)
    shop_mail = [m for m in ms if m[0] == "shop@example.com"]
    mine = [m for m in ms if m[0] == "amira@example.com"]
    check(shop_mail and "00:1A:79:AB:CD:EF" in shop_mail[0][1] and
          "IPTV Smarters" in shop_mail[0][1], "the shop's mail has them")
    # The shopper's address is not verified: nothing typed goes there.
    check(mine and "IPTV Smarters" not in mine[0][1] and
          "IPTV Smarters" not in (mine[0][2] or ""), "shopper mail")
    out = s.ctl("order", "show", str(oid)).stdout
    check("MAC address of your box: 00:1A:79:AB:CD:EF" in out and
          "App you will use: IPTV Smarters" in out, out)
    # Optional left empty: nothing stored for it.
    b.add("iptv-gold-4k")
    _, form = b.form()
    token = order_token(b.place(None, form, d0="00:1A:79:00:00:01"))
    oid = one(s, "SELECT id FROM orders WHERE token = ?", token)
    check(_rows(s, "SELECT name, value FROM order_item_fields WHERE "
                "order_id = ?", oid) == [("mac", "00:1A:79:00:00:01")],
          "optional empty")


@test
def timeline_per_kind_of_line_follows_the_order():
    s = store()
    digital = one(s, "SELECT slug FROM products WHERE kind = 'digital' AND "
                  "parent_id IS NULL AND active = 1 AND stock IS NULL "
                  "ORDER BY id LIMIT 1")
    # A subscription, a download and a parcel, paid by bank transfer.
    b = Shopper(s)
    b.add("iptv-gold-4k")
    b.add(digital)
    b.add("hdmi-2-1-cable-2m")
    _, form = b.form()
    token = order_token(b.place(ADDRESS, form, d0="00:1A:79:AB:CD:EF"))
    page = b.get("/order/" + token).text
    check("What happens next" in page, "no timeline")
    check(steps(page) == [("pay", "now"), ("check", ""), ("access", ""),
                          ("downloads", ""), ("ship", "")],
          "awaiting payment: %r" % steps(page))
    text = strip(page)
    check("We check your payment within 6 hours." in text and
          "Your parcel ships within 4 days." in text and
          "Your access details (login and server address) appear on this "
          "page and reach you by e-mail." in text and
          "Your downloads appear on this page" in text, text[:1500])
    check('aria-current="step"' in page, "current step marked")
    ref = one(s, "SELECT reference FROM orders WHERE token = ?", token)
    mine = [m for m in mails(s, ref) if m[0] == "amira@example.com"][0]
    check("What happens next" in mine[1] and
          "2. We check your payment within 6 hours." in mine[1] and
          "Your parcel ships within 4 days." in mine[1], mine[1])
    check("What happens next" in mine[2], "HTML mail timeline")
    oid = one(s, "SELECT id FROM orders WHERE token = ?", token)
    s.ctl("order", "set", str(oid), "paid")
    check(steps(b.get("/order/" + token).text) ==
          [("pay", "done"), ("check", "done"), ("access", "now"),
           ("downloads", "now"), ("ship", "now")], "paid")
    s.ctl("order", "set", str(oid), "completed")
    check(all(st == "done" for _, st in steps(b.get("/order/" +
                                                   token).text)), "completed")
    # Only a download: no parcel, no access step.
    b.add(digital)
    _, form = b.form()
    token = order_token(b.place(None, form))
    check([n for n, _ in steps(b.get("/order/" + token).text)] ==
          ["pay", "check", "downloads"], "download only")
    # Cash on delivery: confirmed, shipped, paid to the courier.
    b.add("hdmi-2-1-cable-2m")
    _, form = b.form()
    token = order_token(b.place(ADDRESS, form, payment="cod"))
    page = b.get("/order/" + token).text
    check(steps(page) == [("confirm", "now"), ("ship", ""), ("pay", "")],
          "cod: %r" % steps(page))
    check("You pay the courier in cash when the parcel arrives." in
          strip(page), "cod pay step")
    # A cancelled order has no timeline.
    oid = one(s, "SELECT id FROM orders WHERE token = ?", token)
    s.ctl("order", "cancel", str(oid))
    check("What happens next" not in b.get("/order/" + token).text,
          "cancelled")
    # French.
    b.add(digital)
    _, form = b.form()
    token = order_token(b.place(None, form))
    fr = b.get("/order/" + token, headers={"Cookie": "souk_lang=fr; " +
               "; ".join("%s=%s" % kv for kv in b.cookies.items())}).text
    check("Et ensuite" in fr and "Nous vérifions votre paiement sous 6" in
          strip(fr), "French timeline")


@test
def detail_labels_follow_the_shoppers_language():
    s = store()
    slug = "netflix-standard"
    s.ctl("product-field", "set", slug, "profile", "text", "Profile name",
          "--fr", "Nom du profil", "--max", "30")
    s.ctl("product-field", "set", slug, "device", "text", "Device",
          "--optional")
    out = s.ctl("product-field", "list", slug).stdout
    check(re.search(r"\n\s+fr: Nom du profil\n", out), out)
    for bad in (["set", slug, "x", "text", "X", "--fr", ""],
                ["set", slug, "x", "text", "X", "--fr", "two\nlines"],
                ["set", slug, "x", "text", "X", "--fr", "x" * 81],
                ["set", slug, "x", "text", "X", "--de", "Y"]):
        p = s.ctl("product-field", *bad, check_rc=False)
        check(p.returncode != 0, "accepted %r" % (bad,))
    b = Shopper(s)
    b.cookies["souk_lang"] = "fr"
    b.add(slug)
    r, form = b.form()
    check(re.search(r'<label for="f-d0">Nom du profil <', r.text) and
          re.search(r'<label for="f-d1">Device <', r.text),
          "French labels, the untranslated one as given: " + strip(r.text)[:800])
    r = b.place(None, form, d0="")
    check(r.status == 422 and "Nom du profil : " in html.unescape(
        r.text).replace("\u202f", " "), "the summary names it in French")
    token = order_token(b.place(None, form, d0="Salon", d1="TV"))
    oid = one(s, "SELECT id FROM orders WHERE token = ?", token)
    check(_rows(s, "SELECT label, label_en, label_fr FROM order_item_fields "
                "WHERE order_id = ? ORDER BY position", oid) ==
          [("Profile name", "", "Nom du profil"), ("Device", "", "")],
          "labels kept as asked")
    check("<dt>Nom du profil</dt><dd>Salon</dd>" in b.get(
        "/order/" + token).text, "French order page")
    b.cookies["souk_lang"] = "en"
    page = b.get("/order/" + token).text
    check("<dt>Profile name</dt><dd>Salon</dd>" in page and "Nom du profil"
          not in page, "English order page")
    ref = one(s, "SELECT reference FROM orders WHERE token = ?", token)
    shop_mail = [m for m in mails(s, ref) if m[0] == "shop@example.com"][0]
    check("Profile name: Salon" in shop_mail[1] and "Nom du profil" not in
          shop_mail[1], "the shop's mail in its language: %r; checkout "
          "log: %s" % (shop_mail[1], [ln for ln in s.logs("checkout")
                                      .splitlines() if "error" in ln][-5:]))
    check("Profile name: Salon" in s.ctl("order", "show", str(oid)).stdout,
          "soukctl")
    # The back office: the details under the line, in the staff's language.
    staff = login(add_staff(s, ("employee",)), "employee")
    staff.cookies["souk_lang"] = "fr"
    check("<dt>Nom du profil</dt><dd>Salon</dd>" in staff.get(
        "/admin/order/%d" % oid).text, "admin in French")
    staff.cookies["souk_lang"] = "en"
    check("<dt>Profile name</dt><dd>Salon</dd>" in staff.get(
        "/admin/order/%d" % oid).text, "admin in English")
    # A change of the field later never rewrites the order.
    s.ctl("product-field", "set", slug, "profile", "text", "Profile",
          "--fr", "Profil")
    b.cookies["souk_lang"] = "fr"
    check("<dt>Nom du profil</dt>" in b.get("/order/" + token).text,
          "order kept its labels")
    s.ctl("product-field", "remove", slug, "profile")
    s.ctl("product-field", "remove", slug, "device")


@test
def details_store_stops_cleanly():
    global _stack
    if _stack is not None:
        _stack.stop()
        reports = _stack.sanitizer_reports()
        _stack.cleanup()
        _stack = None
        check(not reports, "sanitizer reports:\n" + "\n".join(reports)[:3000])
