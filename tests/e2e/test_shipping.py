"""Delivery costs and times, and payment instructions (docs/shipping.md,
docs/checkout.md), through the real nginx on a private store seeded by
`soukctl demo` (Tunisia: Standard 7 + 2 per further unit, free from 300,
2-4 days; Express 15 flat, 1-2 days; Maghreb and Europe by weight):
totals through checkout equal a recomputation from the rows for a
physical and a digital-only cart, the delivery line on the cart, checkout,
order page and both mails, the refusal for a country without a zone and
for a price changed under the form, cash on delivery's wording in both
languages, one wallet list everywhere, and `soukctl shipping`."""
import re

from harness import test, check
from staff import add_staff, login
from shop import (ADDRESS, Shopper, db, execute, one, order_token, shop,
                  strip)


def mails(s, ref):
    return db(s).execute("SELECT to_addr, subject, body_text, body_html "
                         "FROM mail_outbox WHERE subject LIKE ? ORDER BY id",
                         ("%" + ref + "%",)).fetchall()


def ship_values(text):
    """{rate name: (radio value, shown text)} of the checkout's methods."""
    out = {}
    for m in re.finditer(r'<input type="radio" name="ship"[^>]*value="'
                         r'(\d+-\d+)"[^>]*>\s*<span class="method-name">'
                         r'([^<]+)</span>', text):
        out[m.group(2).split(" — ")[0]] = (m.group(1), m.group(2))
    return out


def rate_id(s, zone, name):
    return one(s, "SELECT r.id FROM ship_rates r JOIN ship_zones z ON "
               "z.id = r.zone_id WHERE z.name = ? AND r.name = ?", zone, name)


def recompute(s, token):
    """(subtotal, total, delivery) of an order recomputed from its rows:
    lines, the coupon redemption, and the rate the order names priced by
    the rules of docs/shipping.md for its physical lines."""
    c = db(s)
    oid, total, delivery, rate, disc = c.execute(
        "SELECT id, total_minor, delivery_minor, delivery_rate_id, "
        "discount_minor FROM orders WHERE token = ?", (token,)).fetchone()
    lines = c.execute("SELECT i.line_minor, i.qty, i.kind, "
                      "coalesce(p.weight_grams, 0) FROM order_items i LEFT "
                      "JOIN products p ON p.id = i.product_id WHERE "
                      "i.order_id = ?", (oid,)).fetchall()
    sub = sum(x[0] for x in lines)
    units = sum(x[1] for x in lines if x[2] == "physical")
    grams = sum(x[1] * x[3] for x in lines if x[2] == "physical")
    want = 0
    if rate is not None and units:
        kind, base, step, sg, free = c.execute(
            "SELECT kind, base_minor, step_minor, step_grams, "
            "free_from_minor FROM ship_rates WHERE id = ?", (rate,)).fetchone()
        steps = {"flat": 0, "quantity": units - 1,
                 "weight": max(0, (grams - 1) // sg)}[kind]
        want = base + steps * step
        if free is not None and sub - disc >= free:
            want = 0
    c.close()
    check(delivery == want, "delivery %d, rule says %d" % (delivery, want))
    check(total == sub - disc + want, "total %d != %d - %d + %d" % (
        total, sub, disc, want))
    return sub, total, delivery


@test
def physical_cart_pays_the_chosen_delivery_everywhere():
    s = shop()
    b = Shopper(s)
    b.add("hdmi-2-1-cable-2m", qty=2)       # 2 x 29.000
    cart = strip(b.get("/cart").text)
    check("Delivery (Tunisia): from 9.000 TND · 1–4 working days" in cart,
          "cart estimate: " + cart[cart.find("Subtotal"):][:200])
    page, form = b.form()
    t = page.text
    methods = ship_values(t)
    check(set(methods) == {"Standard", "Express"}, methods)
    check("9.000\xa0TND" in methods["Standard"][1] and "15.000\xa0TND" in
          methods["Express"][1], methods)
    check(form.get("ship") == methods["Standard"][0], "first method checked")
    check("2–4 working days" in t and "1–2 working days" in t, "estimates")
    check(re.search(r'id="sum-total">67\.000\xa0TND<', t), "total 58 + 9")
    # The shopper picks Express.
    r = b.place(ADDRESS, form, payment="bank", ship=methods["Express"][0])
    token = order_token(r)
    sub, total, delivery = recompute(s, token)
    check((sub, total, delivery) == (58000, 73000, 15000), (sub, total))
    check(one(s, "SELECT delivery_name || ' ' || delivery_min_days || '-' || "
              "delivery_max_days FROM orders WHERE token = ?", token) ==
          "Express 1-2", "name and estimate kept")
    t = strip(b.get("/order/" + token).text)
    for want in ("Delivery (Express, 1–2 working days) 15.000 TND",
                 "Total 73.000 TND", "Delivery method Express · 1–2 "
                 "working days", "Amount to pay 73.000 TND"):
        check(want in t, "order page lacks %r" % want)
    ref = one(s, "SELECT reference FROM orders WHERE token = ?", token)
    m = mails(s, ref)
    check(len(m) == 2, "two mails")
    for want in ("Delivery (Express, 1-2 working days): 15.000\xa0TND",
                 "Total: 73.000\xa0TND"):
        check(want in m[0][2], "shopper mail lacks %r" % want)
        check(want in m[1][2], "shop mail lacks %r" % want)
    check("Express" in m[0][3] and "73.000\xa0TND" in m[0][3], "html mail")
    # The operator sees the same total.
    check("73.000\xa0TND" in s.ctl("orders", "list").stdout, "soukctl")


@test
def free_delivery_from_the_threshold_and_weight_abroad():
    s = shop()
    b = Shopper(s)
    b.add("nvidia-shield-pro")          # 899.000 > 300: Standard is free
    page, form = b.form()
    methods = ship_values(page.text)
    check("Free" in methods["Standard"][1], methods)
    token = order_token(b.place(ADDRESS, form, payment="bank"))
    check(recompute(s, token)[2] == 0, "free")
    # To Morocco, by weight: 1.4 kg -> 25 up to 1 kg + 10.
    b.add("tp-link-deco-m4")
    _, form = b.form()
    r = b.place(ADDRESS, form, payment="bank", country="MA",
                phone="612345678")
    check(r.status == 422 and "Choose one of the delivery methods for this "
          "address" in r.text, "a Tunisian method is not offered in MA")
    methods = ship_values(r.text)
    check(list(methods) == ["International"] and "35.000\xa0TND" in
          methods["International"][1], methods)
    form = {k: re.search(r'name="%s" value="([^"]*)"' % k, r.text).group(1)
            for k in ("csrf", "idem", "rev", "seen")}
    token = order_token(b.place(ADDRESS, form, payment="bank", country="MA",
                                phone="612345678",
                                ship=methods["International"][0]))
    check(recompute(s, token)[2] == 35000, "by weight")


@test
def no_zone_and_changed_prices_are_refused_clearly():
    s = shop()
    b = Shopper(s)
    b.add("cat6-cable-10m")
    _, form = b.form()
    n = one(s, "SELECT count(*) FROM orders")
    r = b.place(ADDRESS, form, payment="bank", country="US",
                phone="2125550123")
    t = strip(r.text)
    check(r.status == 422 and "We do not deliver to this country yet "
          "(United States)" in t, "no zone: %d %s" % (r.status, t[:300]))
    check('name="ship"' not in r.text, "no method offered")
    # The shop raises the rate after the form was shown: refused, and the
    # form shows the new price.
    execute(s, "UPDATE ship_rates SET base_minor = 8000 WHERE id = ?",
            rate_id(s, "Tunisia", "Standard"))
    try:
        r = b.place(ADDRESS, form, payment="bank")
        check(r.status == 409 and "The delivery price changed" in r.text and
              "8.000\xa0TND" in r.text, "changed: %d" % r.status)
        check(one(s, "SELECT count(*) FROM orders") == n, "nothing placed")
        # A made-up choice (another price) is refused the same way.
        rid = rate_id(s, "Tunisia", "Standard")
        r = b.place(ADDRESS, form, payment="bank", ship="%d-1" % rid)
        check(r.status == 409, "forged price %d" % r.status)
        r = b.place(ADDRESS, form, payment="bank", ship="garbage")
        check(r.status == 422, "malformed choice %d" % r.status)
        r = b.place(ADDRESS, form, payment="bank", ship="")
        check(r.status == 422 and "Choose a delivery method." in r.text,
              "missing choice %d" % r.status)
    finally:
        execute(s, "UPDATE ship_rates SET base_minor = 7000 WHERE id = ?",
                rate_id(s, "Tunisia", "Standard"))
    check(one(s, "SELECT count(*) FROM orders") == n, "nothing placed")


@test
def digital_only_cart_never_asks_an_address_or_pays_delivery():
    s = shop()
    b = Shopper(s)
    b.add("iptv-gold-4k")
    cart = b.get("/cart").text
    check("delivery-estimate" not in cart, "no delivery line in the cart")
    page, form = b.form()
    check('name="address"' not in page.text and 'name="ship"' not in
          page.text and "sum-delivery" not in page.text, "no address")
    # Even a country without a zone, and a forged delivery choice.
    rid = rate_id(s, "Tunisia", "Express")
    token = order_token(b.place(None, form, payment="bank", country="US",
                                phone="2125550123", ship="%d-15000" % rid))
    sub, total, delivery = recompute(s, token)
    check(delivery == 0 and total == sub == 30000, (sub, total, delivery))
    check(one(s, "SELECT delivery_rate_id IS NULL AND delivery_name = '' "
              "FROM orders WHERE token = ?", token) == 1, "no rate stored")
    t = b.get("/order/" + token).text
    check("order-delivery" not in t and "Delivery method" not in t,
          "no delivery on the order page")


@test
def cash_on_delivery_says_confirmed_pay_the_courier():
    s = shop()
    for lang, want, unwanted in (
            ("en", "Confirmed, pay the courier", "Awaiting payment"),
            ("fr", "Confirmée, payez le livreur", "En attente de paiement")):
        b = Shopper(s)
        b.cookies["souk_lang"] = lang
        b.add("cat6-cable-10m")
        _, form = b.form()
        token = order_token(b.place(ADDRESS, form, payment="cod"))
        t = b.get("/order/" + token).text
        check(t.count(want) >= 2, "%s: status and history say %r" % (lang,
                                                                     want))
        check(unwanted not in t, "%s: no %r" % (lang, unwanted))
        check("pay-deadline" not in t, "no pay-by time: cod never expires")
    ref = one(s, "SELECT reference FROM orders ORDER BY id DESC LIMIT 1")
    got = mails(s, ref)
    check(len(got) == 2, "two mails for %s: %r" % (ref, [m[:2] for m in got]))
    check("Status: Confirmed, pay the courier" in got[1][2],
          "the shop's mail (%s, %s): %s" % (got[1][0], got[1][1],
                                            got[1][2][:600]))


@test
def one_wallet_list_with_holders_copy_and_pay_by_time():
    s = shop()
    wallets = [x.split("=")[0].strip() for x in
               s.env["SOUK_PAY_MOBILE"].split(";") if x.strip()]
    b = Shopper(s)
    b.add("iptv-gold-4k")
    page, form = b.form()
    m = re.search(r'<span class="wallet-list">([^<]*)</span>', page.text)
    check(m, "checkout lists the wallets")
    listed = [x.strip(" .") for x in m.group(1).split(":", 1)[1].split(",")]
    check(listed == wallets, "checkout %r != configured %r" % (listed,
                                                               wallets))
    check("Flouci" not in m.group(1) and "MTN" not in page.text,
          "no wallet the shop does not have")
    check("Pay within 48 hours" in page.text, "hold shown at checkout")
    token = order_token(b.place(None, form, payment="mobile"))
    t = b.get("/order/" + token).text
    rows = re.findall(r'<div><dt>([^<]+)</dt><dd><span class="pay-value" '
                      r'id="(pay-value-\d+)">([^<]+)</span> <button '
                      r'type="button" class="small copy" data-copy="(\2)"',
                      t)
    shown = [r[0] for r in rows if r[0] != "Reference"]
    check(shown == listed, "order page %r != checkout %r" % (shown, listed))
    check(len(rows) == len(wallets) + 1, "copy buttons: %r" % rows)
    check(t.count("Account holder: Souk Test") == len(wallets),
          "holder (store_name by default)")
    check(' hidden>Copy</button>' in t, "the button waits for JS")
    created = one(s, "SELECT created_at FROM orders WHERE token = ?", token)
    check(re.search(r'id="pay-deadline"><strong>Pay by [^<]+</strong>', t),
          "pay-by time on the order page")
    ref = one(s, "SELECT reference FROM orders WHERE token = ?", token)
    text = mails(s, ref)[0][2]
    for w in wallets:
        check(re.search(r"%s: \+[0-9 ]+ \(Account holder: Souk Test\)" %
                        re.escape(w), text), "mail wallet %s" % w)
    check("Pay by " in text and "cancelled" in text, "mail pay-by time")
    check(created > 0, "created")


@test
def sold_out_product_page_promises_no_shipping():
    s = shop()
    t = strip(s.get("/p/cat6-cable-10m").text)
    check("Delivery (Tunisia): 1–4 working days." in t, "estimate: " +
          t[t.find("Add to cart"):][:300])
    execute(s, "UPDATE products SET stock = 0 WHERE slug = 'hdmi-switch-3in'")
    t = strip(s.get("/p/hdmi-switch-3in").text)
    check("Ships in" not in t and "working days" not in t and
          "Sold out for now" in t, "sold-out page: " + t[:200])


@test
def soukctl_shipping_manages_zones_rates_and_weights():
    s = shop()
    ok = s.ctl("shipping", "zone", "add", "Gulf", "AE", "sa", "QA:Doha")
    check("zone Gulf added" in ok.stdout, ok.stdout)
    check(s.ctl("shipping", "rate", "add", "Gulf", "Air", "weight", "30",
                "--step", "12.5", "--grams", "500", "--free-from", "1000",
                "--days", "3-6").returncode == 0, "rate add")
    out = s.ctl("shipping", "list").stdout
    check("zone Gulf: AE, QA:Doha, SA" in out and "Air" in out and
          "30.000\xa0TND up to 500 g + 12.500\xa0TND per further 500 g, free "
          "from 1,000.000\xa0TND" in out, out)
    q = s.ctl("shipping", "quote", "SA", "--grams", "1200", "--amount",
              "10").stdout
    check("Air (Gulf) 55000 " in q, q)      # 30 + 2 x 12.5
    q = s.ctl("shipping", "quote", "SA", "--grams", "1200", "--amount",
              "1000").stdout
    check("Air (Gulf) 0 " in q, q)
    for args, err in ((("zone", "add", "Again", "AE"), "belongs to a zone"),
                      (("zone", "add", "Bad", "XX"), "is not an area"),
                      (("rate", "add", "Nope", "A", "flat", "1", "--days",
                        "1-2"), "no zone named"),
                      (("rate", "add", "Gulf", "A", "flat", "1"), "--days"),
                      (("rate", "add", "Gulf", "A", "flat", "1", "--days",
                        "4-2"), "most working days is a whole number from "
                       "the least"),
                      (("quote", "US"), "no zone delivers to US"),
                      (("weight", "no-such-product", "10"), "no product"),
                      (("rate", "remove", "999999"), "no rate")):
        p = s.ctl("shipping", *args, check_rc=False)
        check(p.returncode != 0 and err in p.stderr, "%r: %d %s" % (
            args, p.returncode, p.stderr))
    check(one(s, "SELECT count(*) FROM ship_zones WHERE name = 'Again'") == 0,
          "a refused zone is not half written")
    s.ctl("shipping", "weight", "cat6-cable-10m", "750")
    check(one(s, "SELECT weight_grams FROM products WHERE slug = "
              "'cat6-cable-10m'") == 750, "weight set")
    rid = rate_id(s, "Gulf", "Air")
    s.ctl("shipping", "rate", "off", str(rid))
    check("the zone has no active rate" in s.ctl("shipping", "quote",
                                                 "AE").stdout, "off")
    s.ctl("shipping", "zone", "remove", "Gulf")
    check(one(s, "SELECT count(*) FROM ship_rates WHERE id = ?", rid) == 0,
          "rates go with their zone")


def ship_json(b, query, lang=None):
    """GET /checkout/ship?query as the shopper b (optionally in lang)."""
    h = {"Accept": "application/json"}
    if lang:
        h["Cookie"] = "; ".join("%s=%s" % kv for kv in
                                dict(b.cookies, souk_lang=lang).items())
    return b.get("/checkout/ship?" + query, headers=h)


@test
def delivery_method_names_follow_the_shoppers_language():
    s = shop()
    b = Shopper(s)
    b.cookies["souk_lang"] = "fr"
    b.add("hdmi-2-1-cable-2m")
    page, form = b.form()
    methods = ship_values(page.text)
    check(set(methods) == {"Livraison standard", "Livraison express"},
          "French names: %r" % methods)
    r = b.place(ADDRESS, form, payment="bank",
                ship=methods["Livraison express"][0])
    token = order_token(r)
    check(one(s, "SELECT delivery_name || '/' || delivery_name_en || '/' || "
              "delivery_name_fr FROM orders WHERE token = ?", token) ==
          "Express//Livraison express", "names kept as shown")
    fr = strip(b.get("/order/" + token).text)
    check("Livraison (Livraison express, 1–2 jours ouvrés)" in fr,
          "French order page: " + fr[fr.find("Sous-total"):][:300])
    b.cookies["souk_lang"] = "en"
    en = strip(b.get("/order/" + token).text)
    check("Delivery (Express, 1–2 working days)" in en and
          "Livraison express" not in en, "English order page falls back")
    # The back office in the staff's language.
    staff = login(add_staff(s, ("employee",)), "employee")
    oid = one(s, "SELECT id FROM orders WHERE token = ?", token)
    for lang, want, other in (("fr", "Livraison (Livraison express, 1–2 "
                               "jours ouvrés) 15,000 TND", "Express,"),
                              ("en", "Delivery (Express, 1–2 working days) "
                               "15.000 TND", "Livraison express")):
        staff.cookies["souk_lang"] = lang
        a = strip(staff.get("/admin/order/%d" % oid).text)
        check(want in a and other not in a, "admin (%s): %s" % (
            lang, a[a.find("Subtotal" if lang == "en" else "Sous-total"):]
            [:300]))
    ref = one(s, "SELECT reference FROM orders WHERE token = ?", token)
    shopper, shop_copy = mails(s, ref)
    check("Livraison express" in shopper[2] and "Livraison express" in
          shopper[3], "the shopper's French mail")
    check("(Express, 1-2 working days)" in shop_copy[2] and
          "Livraison express" not in shop_copy[2], "the shop's mail: "
          + shop_copy[2])
    # soukctl: a name per language on a new rate, changed and removed.
    b.add("hdmi-2-1-cable-2m")
    s.ctl("shipping", "zone", "add", "Levant", "LB")
    out = s.ctl("shipping", "rate", "add", "Levant", "Courier", "flat", "40",
                "--days", "4-6", "--fr", "Coursier").stdout
    rid = rate_id(s, "Levant", "Courier")
    try:
        check("rate Courier added" in out, out)
        check("    fr: Coursier" in s.ctl("shipping", "list").stdout, "list")
        s.ctl("shipping", "rate", "name", str(rid), "en", "Air courier")
        d = ship_json(b, "country=LB").json()
        check([o["name"] for o in d["options"]] == ["Air courier"], d)
        d = ship_json(b, "country=LB", lang="fr").json()
        check([o["name"] for o in d["options"]] == ["Coursier"], d)
        s.ctl("shipping", "rate", "name", str(rid), "fr", "")
        d = ship_json(b, "country=LB", lang="fr").json()
        check([o["name"] for o in d["options"]] == ["Air courier"],
              "no French name: the default language's %r" % d)
        for args in (("rate", "name", str(rid), "de", "X"),
                     ("rate", "name", str(rid), "fr-CA", "X"),
                     ("rate", "name", "999999", "fr", "X"),
                     ("rate", "name", str(rid), "fr", "x" * 61),
                     ("rate", "add", "Levant", "B", "flat", "1", "--days",
                      "1-2", "--fr", "two\nlines")):
            p = s.ctl("shipping", *args, check_rc=False)
            check(p.returncode != 0, "accepted %r" % (args,))
    finally:
        s.ctl("shipping", "zone", "remove", "Levant")


@test
def update_delivery_options_without_placing_the_order():
    s = shop()
    b = Shopper(s)
    b.add("hdmi-2-1-cable-2m")              # 29.000, no weight
    _, form = b.form()
    n = one(s, "SELECT count(*) FROM orders")
    typed = dict(ADDRESS, name="Amira Ben Salah", email="amira@example.com",
                 phone="612345678", coupon="")
    # No JavaScript: the Update button shows Morocco's methods and total.
    r = b.post("/checkout", dict(form, country="MA", op="ship", **typed))
    t = strip(r.text)
    methods = ship_values(r.text)
    check(r.status == 200 and list(methods) == ["International"] and
          "25.000\xa0TND" in methods["International"][1],
          "%d %r" % (r.status, methods))
    check(re.search(r'id="sum-total">54\.000\xa0TND<', r.text),
          "total 29 + 25: " + t[t.find("Subtotal"):][:200])
    for k in ("name", "email", "phone", "city", "postal"):
        check(re.search(r'name="%s" type="[a-z]+" value="%s"' % (
            k, re.escape(typed[k])), r.text), "%s kept" % k)
    check("12 rue de Marseille</textarea>" in r.text, "address kept")
    check('<option value="MA" selected' in r.text, "country kept")
    check('id="checkout-errors"' not in r.text, "no field checked")
    check(one(s, "SELECT count(*) FROM orders") == n, "nothing placed")
    check('name="op" value="ship"' in r.text and "Update delivery options"
          in r.text, "the button")
    # A country without a zone: said, no method, nothing placed.
    r = b.post("/checkout", dict(form, country="US", op="ship", **typed))
    check(r.status == 200 and "We do not deliver to this country yet "
          "(United States)" in strip(r.text) and 'name="ship"' not in r.text,
          "US: %d" % r.status)
    check('id="sum-delivery" hidden' in r.text, "no delivery line")
    # Not a country of the list: the field says so.
    r = b.post("/checkout", dict(form, country="ZZ", op="ship", **typed))
    check(r.status == 422 and "Choose your country from the list." in
          r.text, "ZZ: %d" % r.status)
    check(one(s, "SELECT count(*) FROM orders") == n, "still nothing placed")
    # The method chosen for Morocco then places as shown.
    r = b.post("/checkout", dict(form, country="MA", op="ship", **typed))
    token = order_token(b.place(ADDRESS, form, country="MA",
                                phone="612345678",
                                ship=ship_values(r.text)["International"][0]))
    check(recompute(s, token)[1:] == (54000, 25000), "placed as shown")


@test
def delivery_options_json_for_a_country():
    s = shop()
    b = Shopper(s)
    b.add("hdmi-2-1-cable-2m", qty=2)       # 58.000
    r = ship_json(b, "country=MA")
    check(r.status == 200 and r.header("Content-Type").startswith(
        "application/json"), "%d %s" % (r.status, r.body[:200]))
    check(not r.headers_all("Set-Cookie"), "bare: no cookie set")
    d = r.json()
    check(d["ok"] and d["state"] == "ok" and len(d["options"]) == 1, d)
    o = d["options"][0]
    rid = rate_id(s, "Maghreb", "International")
    check(o == {"value": "%d-25000" % rid, "name": "International",
                "price": "25.000\xa0TND", "days": "5–10 working days",
                "checked": True}, o)
    check(d["delivery"] == "25.000\xa0TND" and d["total"] == "83.000\xa0TND"
          and d["for"] == "Delivery methods and prices for Morocco.", d)
    # Tunisia, the second method chosen; in French.
    express = rate_id(s, "Tunisia", "Express")
    d = ship_json(b, "country=TN&city=Sfax&ship=%d-15000" % express,
                  lang="fr").json()
    check([(x["name"], x["checked"]) for x in d["options"]] ==
          [("Livraison standard", False), ("Livraison express", True)], d)
    check(d["delivery"] == "15,000\xa0TND" and d["total"] == "73,000\xa0TND"
          and d["options"][0]["days"] == "2–4 jours ouvrés" and
          "Tunisie (Sfax)" in d["for"], d)
    # A country without a zone, then input that is not valid.
    d = ship_json(b, "country=US").json()
    check(d["state"] == "no_zone" and d["options"] == [] and
          "(United States)" in d["none"] and d["total"] == "58.000\xa0TND", d)
    for q in ("country=ZZ", "", "country=tunisia", "country=TN&city=a%01b",
              "country=TN&ship=garbage"):
        r = ship_json(b, q)
        check(r.status == 400 and r.header("Content-Type").startswith(
            "application/json") and r.json()["ok"] is False and
            r.json()["error"], "%r: %d %s" % (q, r.status, r.body[:200]))
    check(ship_json(b, "country=ZZ").json()["error"] ==
          "Choose your country from the list.", "the field's message")
    # No cart: nothing ships, no method.
    d = ship_json(Shopper(s), "country=TN").json()
    check(d["state"] == "none" and d["options"] == [], d)
    check(s.post("/checkout/ship", {"country": "TN"}).status == 405, "GET only")
