"""Checkout and order pages through the real nginx, on a private store:
journeys with the rows queued in mail_outbox, payment methods, proof
uploads (accepted or refused by content), coupons and their limits,
double submits, changed carts, tampering, XSS in every field, hostile
bodies.  Mail assertions read the queued rows (recipient, subject, body),
which stay true once a sender delivers them."""
import os
import re
import stat
import threading

from harness import test, check, Fail
from shop import (ADDRESS, PNG, Shopper, db, execute, one, order_token, shop,
                  shop_stop, strip, upload)


def mails(s, order_ref):
    """The queued mails about an order, oldest first."""
    c = db(s)
    try:
        return c.execute("SELECT to_addr, to_name, reply_to, subject, "
                         "body_text, body_html FROM mail_outbox WHERE "
                         "subject LIKE ? ORDER BY id",
                         ("%" + order_ref + "%",)).fetchall()
    finally:
        c.close()


def reference(s, token):
    return one(s, "SELECT reference FROM orders WHERE token = ?", token)


def country_options(text):
    """The checkout form's country options as (code, label, selected)."""
    sel = re.search(r'<select id="f-country".*?</select>', text, re.S)
    check(sel is not None, "the country list")
    return re.findall(r'<option value="([A-Z]{2})"( selected)?>([^<]*)</option>',
                      sel.group(0))


@test
def checkout_country_options_follow_the_language_and_the_choice():
    """The options are a fragment kept per language and chosen country:
    each language's names in its own order, the chosen one selected."""
    s = shop()
    b = Shopper(s)
    b.add("iptv-gold-4k")
    orders = {}
    for path, tn, lang in (("/checkout", "Tunisia (+216)", "en"),
                           ("/checkout?lang=fr", "Tunisie (+216)", "fr"),
                           ("/checkout?lang=en", "Tunisia (+216)", "en")):
        opts = country_options(b.get(path).text)
        check(len(opts) > 20, "every country listed")
        check([(c, l) for c, sel, l in opts if sel] == [("TN", tn)],
              "one chosen: the default, in " + lang)
        check(len(set(c for c, sel, l in opts)) == len(opts), "no repeats")
        orders.setdefault(lang, [c for c, sel, l in opts])
        check(orders[lang] == [c for c, sel, l in opts], "the same list")
    names = [l for c, sel, l in country_options(b.get("/checkout").text)]
    check(names == sorted(names), "English names in order")
    check(orders["en"] != orders["fr"], "each language's own order")
    # A refused form keeps the country the shopper chose.
    page, form = b.form()
    r = b.place({"name": "A", "email": "not-an-email", "phone": "20000000",
                 "country": "MA"}, form)
    opts = country_options(r.text)
    check([c for c, sel, l in opts if sel] == ["MA"], "the choice kept")
    opts = country_options(b.get("/checkout").text)
    check([c for c, sel, l in opts if sel] == ["TN"], "the default again")


@test
def checkout_journey_mobile_money_with_proof():
    s = shop()
    b = Shopper(s)
    b.add("iptv-gold-4k")
    b.add("hdmi-2-1-cable-2m", qty=2)
    stock = one(s, "SELECT stock FROM products WHERE slug = "
                "'hdmi-2-1-cable-2m'")
    page, form = b.form()
    t = page.text
    check('name="address"' in t and 'name="city"' in t, "address asked")
    check('value="bank"' in t and 'value="mobile"' in t and
          'value="cod"' not in t, "no cash on delivery for a mixed cart")
    check('<option value="TN" selected>Tunisia (+216)</option>' in t,
          "default country")
    check("88.000\xa0TND" in t, "total 30 + 2 x 29")
    r = b.place(ADDRESS, form, payment="mobile")
    token = order_token(r)
    check(r.header("Location").endswith("?placed=1"), "thank-you banner")
    check(re.fullmatch(r"[A-Za-z0-9_-]{24}", token), "token shape")
    page = b.get("/order/%s?placed=1" % token)
    t = page.text
    ref = reference(s, token)
    check(re.fullmatch(r"SK-[2-9A-HJ-NP-Z]{8}", ref), "reference " + ref)
    for want in ("Thank you! Your order is placed.", ref, "Awaiting payment",
                 "Mobile money", "Orange Money", "+216 20 000 000", "D17",
                 "88.000\xa0TND", "Delivery (Standard, 2–4 working days)",
                 "9.000\xa0TND", "97.000\xa0TND", "Gold 4K IPTV",
                 "HDMI 2.1 cable, 2 m",
                 "× 2", "+21620123456", "12 rue de Marseille", "1000 Tunis",
                 'enctype="multipart/form-data"', "Order placed, to be paid "
                 "by mobile money"):
        check(want in t, "order page lacks %r" % want)
    check('data-cart-count>0<' in t, "the cart is empty after the order")
    check(one(s, "SELECT stock FROM products WHERE slug = "
              "'hdmi-2-1-cable-2m'") == stock - 2, "stock taken")
    o = one(s, "SELECT status, payment_method, subtotal_minor, total_minor, "
            "email, phone, country, address FROM orders WHERE token = ?", token)
    # Delivery in Tunisia (demo: Standard, 7 + 2 per further unit shipped).
    check(o == ("awaiting_payment", "mobile", 88000, 97000,
                "amira@example.com", "+21620123456", "TN",
                "12 rue de Marseille"), "order row %r" % (o,))
    lines = db(s).execute("SELECT i.name, i.price_minor, i.qty, i.plan_months "
                          "FROM order_items i JOIN orders o ON o.id = "
                          "i.order_id WHERE o.token = ? ORDER BY i.line",
                          (token,)).fetchall()
    check(lines == [("Gold 4K IPTV", 30000, 1, 1),
                    ("HDMI 2.1 cable, 2 m", 29000, 2, 0)], lines)
    m = mails(s, ref)
    check(len(m) == 2, "two mails queued: %r" % [x[0] for x in m])
    to, name, reply, subject, text, body_html = m[0]
    # An unverified address: no name in To: (docs/mail-safety.md).
    check(to == "amira@example.com" and name == "" and
          reply == "shop@example.com", "confirmation recipient")
    check(subject == "Your order %s — Souk Test" % ref, subject)
    check("Amira" not in text and "Amira" not in body_html,
          "the shopper's name is not echoed to their unverified address")
    for want in ("Hello,", ref, "88.000\xa0TND", "97.000\xa0TND",
                 "Delivery (Standard, 2-4 working days): 9.000\xa0TND",
                 "Orange Money: +216 20 000 000", "Reference: " + ref,
                 "%s/order/%s" % (s.base, token), "HDMI 2.1 cable, 2 m x 2"):
        check(want in text, "confirmation text lacks %r" % want)
    check(body_html and "%s/order/%s" % (s.base, token) in body_html,
          "HTML part links the order")
    to, _, reply, subject, text, _ = m[1]
    check(to == "shop@example.com" and reply == "amira@example.com" and
          subject.startswith("New order " + ref), "shop mail %r" % (subject,))
    check("+21620123456" in text and "12 rue de Marseille" in text and
          "Mobile money" in text, "shop mail body")
    # The screenshot of the payment.
    r = upload(b, token, [("proof", "payment.png", "image/png", PNG)])
    check(r.status == 303 and r.header("Location").endswith(
        "/order/%s?proof=1" % token), "proof accepted: %r" % r)
    t = b.get("/order/%s?proof=1" % token).text
    check("Proof received: we will confirm your payment shortly." in t and
          "Payment proof sent" in t, "proof received shown with history")
    check(one(s, "SELECT status FROM orders WHERE token = ?", token) ==
          "proof_received", "status moved")
    name, ctype, size = one(s, "SELECT stored_name, content_type, size FROM "
                            "payment_proofs")
    path = os.path.join(s.env["SOUK_DATA_DIR"], "proofs", name)
    check(re.fullmatch(r"[0-9a-f]{32}", name) and ctype == "image/png" and
          size == len(PNG), "proof row %r" % ((name, ctype, size),))
    with open(path, "rb") as f:
        check(f.read() == PNG, "stored as sent")
    check(stat.S_IMODE(os.stat(path).st_mode) == 0o600, "0600")
    check(name not in t, "the stored name is never shown")
    for where in ("/files/proofs/" + name, "/proofs/" + name,
                  "/static/../files/proofs/" + name):
        check(s.get(where).status == 404, where + " is not served")
    check(len(mails(s, ref)) == 3 and mails(s, ref)[2][0] ==
          "shop@example.com" and "Payment proof" in mails(s, ref)[2][3],
          "the shop is told about the proof")
    # The operator's view.
    out = s.ctl("orders", "list", "--status", "proof_received").stdout
    check(ref in out and "97.000\xa0TND" in out and "amira@example.com" in out,
          "soukctl orders list: " + out)
    oid = one(s, "SELECT id FROM orders WHERE token = ?", token)
    out = s.ctl("order", "show", str(oid)).stdout
    for want in (ref, "Gold 4K IPTV (1 month)  1 x 30.000\xa0TND",
                 "HDMI 2.1 cable, 2 m  2 x 29.000\xa0TND = 58.000\xa0TND",
                 "placed_mobile", "proof_received", name, "payment.png",
                 "12 rue de Marseille", "/order/" + token):
        check(want in out, "soukctl order show lacks %r" % want)
    check(s.ctl("order", "show", "999999", check_rc=False).returncode == 1,
          "unknown order")


@test
def digital_only_checkout_asks_no_address_and_offers_no_cash():
    s = shop()
    b = Shopper(s)
    b.add("the-last-caravan-film")
    page, form = b.form()
    check('name="address"' not in page.text and 'value="cod"' not in
          page.text, "no address, no cash on delivery")
    r = b.place(None, form, payment="cod")
    check(r.status == 422 and "cannot be used for this order" in r.text,
          "cod refused for downloads")
    token = order_token(b.place(None, form))
    o = one(s, "SELECT address, city, payment_method FROM orders WHERE "
            "token = ?", token)
    check(o == (None, None, "bank"), "no address stored %r" % (o,))
    t = b.get("/order/" + token).text
    for want in ("Bank transfer", "TN59 1000 6035 1835 9847 8831",
                 "Banque de Test", "Souk Test SARL", "Reference"):
        check(want in t, "bank instructions lack " + want)


@test
def cash_on_delivery_when_everything_ships():
    s = shop()
    b = Shopper(s)
    b.add("cat6-cable-10m")
    page, form = b.form()
    check('value="cod"' in page.text, "cod offered")
    token = order_token(b.place(ADDRESS, form, payment="cod"))
    t = b.get("/order/" + token).text
    check("Cash on delivery" in t and "Pay the amount in cash" in t, "cod")
    check('type="file"' not in t, "no proof upload for cash on delivery")
    r = upload(b, token, [("proof", "x.png", "image/png", PNG)])
    check(r.status == 409 and "takes no proof" in r.text, "proof refused")


@test
def errors_are_shown_next_to_fields_with_values_kept():
    s = shop()
    b = Shopper(s)
    b.add("cat6-cable-10m")
    _, form = b.form()
    r = b.place(None, form, name="", email="not-an-address", phone="12345",
                terms="", city="Sfax", postal="3000")
    check(r.status == 422, r)
    t = r.text
    # Whole sentences next to the fields...
    check(re.search(r'id="err-name"[^>]*>Enter your full name\.<', t) and
          re.search(r'id="err-email"[^>]*>Enter your e-mail address, like '
                    r'name@example\.com\.<', t) and
          re.search(r'id="err-phone"[^>]*>Enter a mobile number of the '
                    r'country chosen', t) and
          re.search(r'id="err-terms"[^>]*>Accept the terms of sale to place '
                    r'your order\.<', t) and
          re.search(r'id="err-address"[^>]*>Enter your delivery address\.<',
                    t), "errors by fields: " + strip(t)[:800])
    # ...and the summary in the form's order, each line a link to its field
    # (phone is checked after the address by the program: the order is the
    # form's, not the checks').
    summary = t[t.index('id="checkout-errors"'):]
    summary = summary[:summary.index("</div>")]
    links = re.findall(r'<a href="#f-([a-z]+)">([^<]+)</a>', summary)
    check([f for f, _ in links] == ["name", "email", "phone", "address",
                                    "terms"], "summary order %r" % links)
    check(links[0][1] == "Enter your full name." and
          "is required" not in summary, "summary sentences %r" % links)
    check('value="not-an-address"' in t and 'value="12345"' in t and
          'value="Sfax"' in t and 'value="3000"' in t, "values kept")
    check('aria-invalid="true" aria-describedby="err-email"' in t, "a11y")
    check(one(s, "SELECT count(*) FROM orders WHERE email = "
              "'not-an-address'") == 0, "nothing written")
    r = b.place(ADDRESS, form, country="XX")
    check(r.status == 422 and 'id="err-country"' in r.text, "bad country")


@test
def phone_numbers_are_stored_in_e164():
    s = shop()
    for country, typed, want in (("FR", "06 12 34 56 78", "+33612345678"),
                                 ("TN", "+33 6 12 34 56 78", "+33612345678"),
                                 ("SN", "77 123 45 67", "+221771234567")):
        b = Shopper(s)
        b.add("the-last-caravan-film")
        token = order_token(b.place(country=country, phone=typed))
        got = one(s, "SELECT phone, country FROM orders WHERE token = ?",
                  token)
        check(got == (want, country), "%s %r -> %r" % (country, typed, got))


@test
def proofs_are_accepted_or_refused_by_content():
    s = shop()
    b = Shopper(s)
    b.add("the-last-caravan-film")
    token = order_token(b.place())
    refused = [
        ("proof", "receipt.png", "image/png", b"just some text, not a PNG"),
        ("proof", "x.svg", "image/svg+xml",
         b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
        ("proof", "page.html", "text/html", b"<html><script>x</script></html>"),
        ("proof", "a.gif", "image/gif", b"GIF89a" + b"\0" * 40),
    ]
    for f in refused:
        r = upload(b, token, [f])
        check(r.status == 415 and "is not a JPEG, PNG or WebP image or a PDF"
              in r.text, "%s -> %d" % (f[1], r.status))
    r = upload(b, token, [])
    check(r.status == 422 and "Choose a file" in r.text, "no file")
    r = upload(b, token, [("proof", "", "application/octet-stream", b"")])
    check(r.status == 422, "empty file input")
    check(one(s, "SELECT count(*) FROM payment_proofs p JOIN orders o ON "
              "o.id = p.order_id WHERE o.token = ?", token) == 0,
          "nothing stored")
    pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    jpeg = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 64 + b"\xff\xd9"
    webp = b"RIFF\x24\x00\x00\x00WEBPVP8 " + b"\x00" * 32
    for name, ctype, data, want in (
            ("scan.png", "image/png", pdf, "application/pdf"),
            ("photo", "application/octet-stream", jpeg, "image/jpeg"),
            ("shot.webp", "image/webp", webp, "image/webp")):
        r = upload(b, token, [("proof", name, ctype, data)])
        check(r.status == 303, "%s refused" % want)
    types = [x[0] for x in db(s).execute(
        "SELECT p.content_type FROM payment_proofs p JOIN orders o ON "
        "o.id = p.order_id WHERE o.token = ? ORDER BY p.id", (token,))]
    check(types == ["application/pdf", "image/jpeg", "image/webp"], types)
    proofs = os.listdir(os.path.join(s.env["SOUK_DATA_DIR"], "proofs"))
    check(not any(n.endswith((".png", ".pdf")) for n in proofs),
          "stored names do not come from the browser")
    # Another visitor's token does not work on this order.
    other = Shopper(s)
    other.add("the-last-caravan-film")
    f = {"csrf": other.token("/order/" + token)}
    from shop import multipart
    body, ctype = multipart(f, [("proof", "p.png", "image/png", PNG)])
    r = b.post("/order/" + token, raw=body, content_type=ctype)
    check(r.status == 403, "a token bound to another visitor")


@test
def other_tokens_and_numbers_are_not_found():
    s = shop()
    b = Shopper(s)
    b.add("the-last-caravan-film")
    token = order_token(b.place())
    oid, ref = one(s, "SELECT id, reference FROM orders WHERE token = ?",
                   token)
    flip = token[:-1] + ("A" if token[-1] != "A" else "B")
    for path in ("/order/" + flip, "/order/%d" % oid, "/order/1",
                 "/order/" + token.lower() if token.lower() != token else
                 "/order/x" * 2, "/order/", "/order/%s/extra" % token,
                 "/order/" + token + "A", "/order/" + "%00" * 24):
        r = s.get(path)
        check(r.status in (404, 400), "%s -> %d" % (path, r.status))
        check(ref not in r.text and "Amira" not in r.text,
              "no order data at " + path)
    r = Shopper(s).get("/order/" + token)
    check(r.status == 200, "the link works for anyone who has it (mail)")


@test
def coupons_discount_and_respect_their_limits():
    s = shop()
    s.ctl("coupon", "add", "WELCOME10", "percent", "10", "--per-email", "1")
    s.ctl("coupon", "add", "MINUS5", "fixed", "5", "--min", "20")
    s.ctl("coupon", "add", "OLD", "percent", "50", "--expires", "2020-01-01")
    s.ctl("coupon", "add", "SOON", "percent", "50", "--starts", "2099-01-01")
    b = Shopper(s)
    b.add("iptv-gold-4k")
    _, form = b.form()
    r = b.place(None, form, coupon="welcome10", op="apply")
    check(r.status == 200 and "Coupon applied: − 3.000\xa0TND" in r.text and
          "27.000\xa0TND" in r.text, "preview of the discount")
    check(one(s, "SELECT count(*) FROM orders WHERE email = "
              "'amira@example.com' AND coupon_code IS NOT NULL") == 0,
          "apply places nothing")
    # Apply checks the coupon alone: empty fields say nothing yet.
    r = b.place(None, form, coupon="welcome10", op="apply", name="",
                phone="", terms="")
    check(r.status == 200 and "Coupon applied" in r.text and
          'id="err-' not in r.text and "checkout-errors" not in r.text,
          "apply with an unfinished form: %d %s" % (r.status,
                                                   strip(r.text)[:300]))
    r = b.place(None, form, coupon="nope", op="apply", name="")
    check(r.status == 422 and 'id="err-coupon"' in r.text and
          'id="err-name"' not in r.text and
          "This coupon is not a valid code" in r.text, "apply: bad code")
    token = order_token(b.place(None, form, coupon="welcome10"))
    o = one(s, "SELECT subtotal_minor, discount_minor, total_minor, "
            "coupon_code FROM orders WHERE token = ?", token)
    check(o == (30000, 3000, 27000, "welcome10"), "discounted %r" % (o,))
    check("27.000\xa0TND" in b.get("/order/" + token).text, "order total")
    check(one(s, "SELECT count(*) FROM coupon_redemptions") == 1, "redeemed")
    ref = reference(s, token)
    check("Discount (welcome10): -3.000\xa0TND" in mails(s, ref)[0][4],
          "discount in the mail")
    # Once per e-mail address (any case), fine for another address.
    b.add("iptv-gold-4k")
    _, form = b.form()
    r = b.place(None, form, coupon="WELCOME10", email="AMIRA@example.com")
    check(r.status == 409 and "has already been used with this e-mail" in
          r.text and 'value="WELCOME10"' in r.text, "per-email limit")
    order_token(b.place(None, form, coupon="WELCOME10",
                        email="sami@example.com"))
    for code, err in (("OLD", "has expired"), ("SOON", "is not valid yet"),
                      ("NOPE", "is not a valid code")):
        b.add("iptv-gold-4k")
        _, form = b.form()
        r = b.place(None, form, coupon=code)
        check(r.status == 409 and err in r.text, "%s: %d" % (code, r.status))
    b2 = Shopper(s)
    b2.add("usb-c-power-adapter")
    _, form = b2.form()
    r = b2.place(ADDRESS, form, coupon="MINUS5")
    check(r.status == 409 and "needs a larger order" in r.text, "minimum")
    b2.add("usb-c-power-adapter")
    _, form = b2.form()
    token = order_token(b2.place(ADDRESS, form, coupon="MINUS5"))
    check(one(s, "SELECT total_minor FROM orders WHERE token = ?", token) ==
          42000, "38 - 5 + 9 delivery (2 units)")


@test
def double_submit_in_parallel_places_one_order():
    s = shop()
    b = Shopper(s)
    b.add("the-last-caravan-film")
    _, form = b.form()
    _, again = b.form()
    check(form == again, "a second tab shows the same key")
    results, errors = [], []

    def submit():
        try:
            results.append(b.place(None, form))
        except Exception as e:  # noqa: BLE001 (reported below)
            errors.append(e)
    threads = [threading.Thread(target=submit) for _ in range(12)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    check(not errors, "requests failed: %r" % errors)
    tokens = {order_token(r) for r in results}
    check(len(tokens) == 1, "one order for one key: %r" % tokens)
    cart_id = one(s, "SELECT cart_id FROM orders WHERE token = ?",
                  tokens.pop())
    check(one(s, "SELECT count(*) FROM orders WHERE cart_id = ?", cart_id)
          == 1, "one row")
    r = b.place(None, form)
    check(r.status == 303, "a late retry finds the order again")


@test
def a_changed_cart_is_never_ordered_blind():
    s = shop()
    b = Shopper(s)
    b.add("the-last-caravan-film")
    _, form = b.form()
    b.add("iptv-gold-4k")          # in another tab
    r = b.place(None, form)
    check(r.status == 409 and "Your cart changed since this page was shown"
          in r.text and "Gold 4K IPTV" in r.text, "changed cart: %r" % r)
    _, fresh = b.form()
    check(fresh["rev"] != form["rev"] and fresh["idem"] != form["idem"],
          "a new revision, a new key")
    order_token(b.place(None, fresh))
    # A price change between the form and the order is caught too.
    b.add("the-olive-press-film")
    _, form = b.form()
    execute(s, "UPDATE products SET price_minor = price_minor + 1000 WHERE "
            "slug = 'the-olive-press-film'")
    r = b.place(None, form)
    check(r.status == 409 and "Your cart changed" in r.text and
          "6.000\xa0TND" in r.text, "the new price is shown, not charged")
    _, fresh = b.form()
    token = order_token(b.place(None, fresh))
    check(one(s, "SELECT total_minor FROM orders WHERE token = ?", token) ==
          6000, "ordered at the price shown")
    r = b.place(None, dict(fresh, seen="1"))
    check(r.status == 409, "a made-up subtotal breaks the key")


@test
def posted_prices_totals_statuses_and_ids_are_ignored():
    s = shop()
    b = Shopper(s)
    b.add("iptv-gold-4k")
    _, form = b.form()
    token = order_token(b.place(None, form, price="0", total="0",
                                total_minor="1", subtotal="0",
                                discount="30000", status="paid",
                                product="1", qty="99", line="1",
                                currency="XAF", reference="SK-AAAAAAAA"))
    o = one(s, "SELECT total_minor, status, currency, reference FROM orders "
            "WHERE token = ?", token)
    check(o[0] == 30000 and o[1] == "awaiting_payment" and o[2] == "TND" and
          o[3] != "SK-AAAAAAAA", "ignored %r" % (o,))
    # Another cart's signed key or token is refused.
    a, c = Shopper(s), Shopper(s)
    a.add("the-last-caravan-film")
    c.add("the-last-caravan-film")
    _, fa = a.form()
    _, fc = c.form()
    r = a.place(None, dict(fa, idem=fc["idem"]))
    check(r.status == 409, "another cart's key")
    r = a.place(None, dict(fa, csrf=fc["csrf"]))
    check(r.status == 403, "another cart's token")
    r = a.place(None, dict(fa, rev=str(int(fa["rev"]) + 1)))
    check(r.status == 409, "a revision the key was not signed for")
    r = a.place(None, dict(fa, seen="0"))
    check(r.status == 409, "a subtotal the key was not signed for")
    n = one(s, "SELECT count(*) FROM orders")
    r = Shopper(s).place(None, fa)
    check(r.status in (303, 403, 409) and
          one(s, "SELECT count(*) FROM orders") == n, "no cart, no order")


XSS = '<script>alert(1)</script>"><img src=x onerror=alert(2)>'


@test
def xss_in_every_field_is_escaped_in_the_order_page_and_mails():
    s = shop()
    b = Shopper(s)
    b.add("cat6-cable-10m")
    _, form = b.form()
    fields = {"name": "Eve " + XSS, "address": XSS + "\n2nd " + XSS,
              "city": "Tunis" + XSS[:40], "postal": "<b>1</b>",
              "coupon": ""}
    token = order_token(b.place(fields, form, payment="cod"))
    t = b.get("/order/" + token).text
    check("<script>alert" not in t and "onerror=alert" not in
          t.replace("onerror=alert(2)&gt;", "") and "<b>1</b>" not in t,
          "escaped on the order page")
    check("&lt;script&gt;alert(1)&lt;/script&gt;" in t, "shown as text")
    ref = reference(s, token)
    m = mails(s, ref)
    to_name, body_html = m[0][1], m[0][5]
    # The shopper's own mail goes to an unverified address: none of the
    # text typed reaches it, escaped or not (docs/mail-safety.md).
    check("<script>" not in body_html and "<img" not in body_html and
          "&lt;script&gt;" not in body_html and "script" not in m[0][4],
          "nothing typed in the shopper's mail")
    check(to_name == "" and "<script>" not in m[0][3] and
          "<script>" not in m[1][3], "headers hold no markup or line breaks")
    check(XSS in m[1][4], "the shop's text part is plain text, kept as typed")
    b.add("the-last-caravan-film")
    _, form = b.form()
    r = b.place({"name": "Eve\r\nBcc: victim@example.com"}, form)
    check(r.status in (409, 422), "header injection through the name")
    r = b.place({"email": "a@example.com\r\nBcc: v@example.com"}, form)
    check(r.status in (409, 422), "header injection through the e-mail")
    for v in ("x' OR 1=1 --", "'); DROP TABLE orders; --"):
        b.add("the-last-caravan-film")
        _, form = b.form()
        tk = order_token(b.place({"name": v, "coupon": ""}, form))
        check(one(s, "SELECT customer_name FROM orders WHERE token = ?",
                  tk) == v, "SQL text stored as text")


@test
def hostile_bodies_are_refused():
    s = shop()
    b = Shopper(s)
    b.add("the-last-caravan-film")
    token = order_token(b.place())
    path = "/order/" + token
    csrf = b.token(path)
    boundary = "b0undary"
    ct = "multipart/form-data; boundary=" + boundary
    for body in (b"no boundary here",
                 ("--%s\r\nContent-Disposition: form-data; name=\"csrf\""
                  "\r\n\r\n%s\r\n--%s\r\nContent-Disposition: form-data; "
                  "name=\"proof\"; filename=\"p.png\"\r\n\r\n" %
                  (boundary, csrf, boundary)).encode() + PNG,   # truncated
                 ("--%s\r\nContent-Type: text/plain\r\n\r\nx\r\n--%s--" %
                  (boundary, boundary)).encode()):
        r = b.post(path, raw=body, content_type=ct)
        check(r.status == 400, "broken multipart -> %d" % r.status)
    r = b.post(path, raw=b"--x--", content_type="multipart/form-data")
    check(r.status == 400, "no boundary parameter")
    many = b"".join(b"--%s\r\nContent-Disposition: form-data; name=\"f%d\""
                    b"\r\n\r\nv\r\n" % (boundary.encode(), i)
                    for i in range(10000)) + b"--%s--\r\n" % boundary.encode()
    r = b.post(path, raw=many, content_type=ct)
    check(r.status == 400, "10,000 parts -> %d" % r.status)
    big = ("--%s\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n%s"
           "\r\n--%s\r\nContent-Disposition: form-data; name=\"proof\"; "
           "filename=\"big.png\"\r\n\r\n" % (boundary, csrf, boundary)
           ).encode() + PNG + b"\0" * (9 << 20) + b"\r\n--%s--\r\n" % \
        boundary.encode()
    r = b.post(path, raw=big, content_type=ct)
    check(r.status == 413, "9 MB upload -> %d" % r.status)
    bad = ("--%s\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n"
           % boundary).encode() + b"\xc3\x28\xff" + (
        "\r\n--%s--\r\n" % boundary).encode()
    r = b.post(path, raw=bad, content_type=ct)
    check(r.status == 400, "bad UTF-8 in a part -> %d" % r.status)
    b.add("the-last-caravan-film")
    _, form = b.form()
    raw = "&".join("%s=%s" % kv for kv in form.items()) + \
        "&name=%C3%28&email=a%40example.com&country=TN&phone=20123456" \
        "&payment=bank&terms=1"
    r = b.post("/checkout", raw=raw)
    check(r.status == 400, "bad UTF-8 in the checkout form")
    r = b.post("/checkout", raw="a=" + "x" * (2 << 20))
    check(r.status == 413, "2 MB form -> %d" % r.status)
    check(one(s, "SELECT count(*) FROM payment_proofs p JOIN orders o ON "
              "o.id = p.order_id WHERE o.token = ?", token) == 0,
          "nothing stored")


@test
def checkout_in_french():
    s = shop()
    b = Shopper(s)
    b.cookies["souk_lang"] = "fr"
    b.add("iptv-gold-4k")
    page, form = b.form()
    check("Passer la commande" in b.get("/cart").text, "fr cart")
    check("Commander" in page.text and "Tunisie (+216)" in page.text and
          "Paiement mobile" in page.text, "fr checkout")
    names = re.findall(r'<option value="[A-Z]{2}"[^>]*>([^<(]+) \(',
                       page.text)
    check(names.index("Égypte") < names.index("Espagne") <
          names.index("États-Unis") < names.index("France"),
          "countries sorted by their French names")
    token = order_token(b.place(None, form, payment="mobile"))
    t = b.get("/order/%s?placed=1" % token).text
    check("Merci\u202f! Votre commande est enregistrée." in t and
          "En attente de paiement" in t and "30,000\xa0TND" in t, "fr order")
    m = mails(s, reference(s, token))
    check(m[0][3].startswith("Votre commande ") and "Bonjour" in m[0][4],
          "the shopper's mail in French")
    check(m[1][3].startswith("New order"), "the shop's mail in its language")


@test
def checkout_without_a_cart_goes_to_the_cart():
    s = shop()
    r = s.get("/checkout")
    check(r.status == 303 and r.header("Location").endswith("/cart"), r)
    r = s.post("/checkout", {"name": "x"})
    check(r.status == 403, "no token, no POST")


@test
def checkout_store_stops_cleanly():
    reports = shop_stop()
    if reports:
        raise Fail("\n".join(reports)[:4000])
