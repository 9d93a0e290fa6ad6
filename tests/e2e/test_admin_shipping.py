"""The back office's delivery pages (/admin/shipping: zones, their
methods, the quote preview; /admin/details/<id>: a product's weight and
the details it asks at checkout) through the real nginx and a real SQLite
file: admins only (anonymous -> login, customer and employee -> 403),
CSRF on every POST, each change audited in its transaction (the same
store functions as soukctl's, whose changes are audited too), broken
rules refused with a sentence (400), markup in names escaped, a method
created in the admin changing checkout's delivery line and total (the
total equal to a recomputation), and a detail created in the admin asked
and checked at checkout."""
import html
import json
import re

from harness import test, check
from mailtest import Stacks, query
from shop import Shopper, hidden, order_token, strip
from staff import mail_store, login, post_form, check_admin_only

stacks = Stacks()
XSS = "<script>alert(1)</script>"
SN = {"country": "SN", "phone": "77 123 45 67", "address": "Rue 10",
      "city": "Dakar", "postal": "10000"}


def ship_stack():
    return stacks.get("shipping", lambda: mail_store(stacks))


def post(sh, path, fields, page="/admin/shipping/zone"):
    return post_form(sh, path, fields, page)


def zone(adm, name, areas):
    """Creates a zone from the admin form; returns its id."""
    r = post(adm, "/admin/shipping/zone/save", {"name": name,
                                                 "areas": areas})
    m = re.search(r"/admin/shipping/zone/(\d+)\?notice=zone_saved$",
                  r.header("Location") or "")
    check(r.status == 303 and m, "zone %s: %r %s" % (
        name, r, strip(r.text)[:400]))
    return int(m.group(1))


def rate(adm, zid, name, **kw):
    """Adds a method to zone zid from the admin form; returns its id."""
    f = {"zone": str(zid), "name": name, "kind": "flat", "base": "10",
         "min_days": "2", "max_days": "3", "active": "1"}
    f.update(kw)
    r = post(adm, "/admin/shipping/rate/save", f)
    check(r.status == 303 and "notice=rate_saved" in
          (r.header("Location") or ""), "rate %s: %r %s" % (
              name, r, strip(r.text)[:400]))
    return query(adm.s, "SELECT id FROM ship_rates WHERE zone_id = ? AND "
                 "name = ?", (zid, name))[0][0]


def audit(s, kind, oid):
    return [r[0] for r in query(s, "SELECT action FROM audit_log WHERE "
                                "object_kind = ? AND object_id = ? ORDER BY "
                                "id", (kind, str(oid)))]


def product_id(s, slug):
    return query(s, "SELECT id FROM products WHERE slug = ?", (slug,))[0][0]


def options(b, country, city=""):
    """The checkout's methods for a destination (GET /checkout/ship)."""
    r = b.get("/checkout/ship?country=%s&city=%s" % (country, city),
              headers={"Accept": "application/json"})
    check(r.status == 200, "ship json %r %s" % (r, r.text[:300]))
    return json.loads(r.text)


@test
def admin_delivery_pages_are_for_admins_only_and_need_csrf():
    s = ship_stack()
    anon = Shopper(s)
    cust, emp, adm = (login(s, "customer"), login(s, "employee"),
                      login(s, "admin"))
    zid = zone(adm, "Gate zone", "GA")
    rid = rate(adm, zid, "Gate rate")
    pid = product_id(s, "hdmi-2-1-cable-2m")
    gets = ("/admin/shipping", "/admin/shipping/zone",
            "/admin/shipping/zone/%d" % zid,
            "/admin/shipping/rate?zone=%d" % zid,
            "/admin/shipping/rate/%d" % rid, "/admin/details/%d" % pid,
            "/admin/shipping?country=GA&units=2")
    check_admin_only(gets, anon, cust, emp, adm)
    check('href="/admin/shipping"' in adm.get("/admin").text, "admin menu")
    check('href="/admin/shipping"' not in emp.get("/admin").text,
          "no link for employees")
    check('href="/admin/details/%d"' % pid in
          adm.get("/admin/product/%d" % pid).text, "linked from the product")
    posts = (("/admin/shipping/zone/save", {"name": "Nope", "areas": "GN"}),
             ("/admin/shipping/zone/delete", {"id": str(zid)}),
             ("/admin/shipping/rate/save", {"zone": str(zid), "name": "N",
                                            "kind": "flat", "base": "1",
                                            "min_days": "1"}),
             ("/admin/shipping/rate/delete", {"id": str(rid)}),
             ("/admin/details/weight", {"id": str(pid), "grams": "5"}),
             ("/admin/details/save", {"id": str(pid), "field": "n",
                                      "type": "text", "label": "N"}),
             ("/admin/details/remove", {"id": str(pid), "field": "n"}))
    tok = hidden(emp.get("/admin/orders").text, "csrf")
    ctok = cust.token("/cart")
    for path, f in posts:
        r = anon.post(path, f)
        check(r.status in (303, 403), "anonymous POST %s: %r" % (path, r))
        check(cust.post(path, dict(f, csrf=ctok)).status == 403,
              "customer POST " + path)
        check(emp.post(path, dict(f, csrf=tok)).status == 403,
              "employee POST " + path)
        for bad in ({}, {"csrf": "x" * 43}):
            r = adm.post(path, dict(f, **bad))
            check(r.status == 403, "admin POST %s without CSRF: %r" % (
                path, r))
    check(query(s, "SELECT count(*) FROM ship_zones WHERE name = 'Nope'")
          [0][0] == 0, "no zone created")
    check(query(s, "SELECT count(*) FROM ship_rates WHERE zone_id = ?",
                (zid,))[0][0] == 1, "no rate created or deleted")
    check(query(s, "SELECT coalesce(weight_grams, 0) FROM products WHERE "
                "id = ?", (pid,))[0][0] != 5, "no weight set")
    check(query(s, "SELECT count(*) FROM product_fields WHERE product_id = "
                "?", (pid,))[0][0] == 0, "no field")
    for path in ("/admin/shipping/zone/999999", "/admin/shipping/rate/999999",
                 "/admin/shipping/zone/abc", "/admin/details/999999"):
        check(adm.get(path).status == 404, "404 " + path)
    check(adm.get("/admin/shipping/rate").status == 400, "a new rate needs "
          "its zone")


@test
def admin_creates_edits_and_deletes_zones_and_rates_audited():
    s = ship_stack()
    adm = login(s, "admin")
    zid = zone(adm, "West Africa", "SN\nml, CI:Abidjan")
    check(query(s, "SELECT country, region FROM ship_zone_areas WHERE "
                "zone_id = ? ORDER BY country", (zid,)) ==
          [("CI", "Abidjan"), ("ML", ""), ("SN", "")], "areas normalised")
    check(audit(s, "ship_zone", zid) == ["ship_zone_create"], "audited")
    rid = rate(adm, zid, "Road", kind="quantity", base="12", step="3",
               free_from="500", name_fr="Route", min_days="4",
               max_days="9")
    check(query(s, "SELECT kind, base_minor, step_minor, free_from_minor, "
                "min_days, max_days, name_fr, active FROM ship_rates WHERE "
                "id = ?", (rid,)) == [("quantity", 12000, 3000, 500000, 4, 9,
                                       "Route", 1)], "rate row")
    t = strip(adm.get("/admin/shipping").text)
    check("West Africa" in t and "CI:Abidjan, ML, SN" in t and
          "By quantity: 12.000 TND + 3.000 TND per further unit, free "
          "from 500.000 TND" in t and "4–9 working days" in t,
          "list: " + t[t.find("West Africa"):][:500])
    t = strip(adm.get("/admin/shipping?lang=fr").text)
    check("Livraison" in t and "Route" in t and "À la quantité" in t,
          "French: " + t[:600])
    adm.get("/admin/shipping?lang=en")      # the language is remembered
    # The edit form shows what is stored; saving changes it.
    t = adm.get("/admin/shipping/rate/%d" % rid).text
    check('value="12.000"' in t and 'value="Route"' in t and
          re.search(r'id="r-kind-quantity"[^>]*checked', t), "edit form")
    r = post(adm, "/admin/shipping/rate/save", {
        "id": str(rid), "name": "Road", "kind": "flat", "base": "8",
        "min_days": "3", "name_fr": "Route"}, "/admin/shipping/rate/%d" % rid)
    check(r.status == 303, "edit %r %s" % (r, strip(r.text)[:300]))
    check(query(s, "SELECT kind, base_minor, step_minor, free_from_minor, "
                "min_days, max_days, active FROM ship_rates WHERE id = ?",
                (rid,)) == [("flat", 8000, 0, None, 3, 3, 0)],
          "edited: unchecked is off")
    r = post(adm, "/admin/shipping/zone/save", {
        "id": str(zid), "name": "West Africa", "areas": "SN, GN"})
    check(r.status == 303, "zone edit %r" % r)
    check(query(s, "SELECT country FROM ship_zone_areas WHERE zone_id = ? "
                "ORDER BY country", (zid,)) == [("GN",), ("SN",)],
          "areas replaced")
    # Taken names and areas: 409, nothing changed.
    r = post(adm, "/admin/shipping/zone/save", {"name": "Other", "areas":
                                                 "GN"})
    check(r.status == 409 and "Another zone already has this name or one "
          "of these areas." in html.unescape(r.text), "area taken %r %s" % (
              r, strip(r.text)[-900:]))
    check("GN" in r.text, "the area named")
    r = post(adm, "/admin/shipping/rate/save", {
        "zone": str(zid), "name": "Road", "kind": "flat", "base": "1",
        "min_days": "1"})
    check(r.status == 409 and "This zone already has a method of that name."
          in html.unescape(r.text), "rate name taken %r" % r)
    rid2 = rate(adm, zid, "Air")
    r = post(adm, "/admin/shipping/rate/delete", {"id": str(rid2)})
    check(r.status == 303 and "notice=rate_deleted" in r.header("Location"),
          "rate delete %r" % r)
    check(query(s, "SELECT count(*) FROM ship_rates WHERE id = ?", (rid2,))
          [0][0] == 0, "rate gone")
    check(audit(s, "ship_rate", rid) == ["ship_rate_create",
                                         "ship_rate_edit"] and
          audit(s, "ship_rate", rid2) == ["ship_rate_create",
                                          "ship_rate_delete"],
          "rates audited")
    r = post(adm, "/admin/shipping/zone/delete", {"id": str(zid)})
    check(r.status == 303 and "notice=zone_deleted" in r.header("Location"),
          "zone delete %r" % r)
    check(query(s, "SELECT count(*) FROM ship_rates WHERE zone_id = ?",
                (zid,))[0][0] == 0, "its rates go with it")
    check(audit(s, "ship_zone", zid)[-1] == "ship_zone_delete", "audited")
    check(query(s, "SELECT actor FROM audit_log WHERE object_kind = "
                "'ship_zone' AND object_id = ?", (str(zid),))[0][0] ==
          "admin@example.com", "who")
    # soukctl goes through the same functions: audited too.
    s.ctl("shipping", "zone", "add", "Cli zone", "TD")
    check(query(s, "SELECT actor, action FROM audit_log WHERE object_kind "
                "= 'ship_zone' ORDER BY id DESC LIMIT 1")[0] ==
          ("soukctl", "ship_zone_create"), "soukctl audited")
    s.ctl("shipping", "zone", "remove", "Cli zone")


@test
def admin_delivery_forms_refuse_broken_rules_with_a_sentence():
    s = ship_stack()
    adm = login(s, "admin")
    zid = zone(adm, "Rules zone", "BJ")
    for fields, want in (
            ({"name": "", "areas": "BF"}, "A zone's name is 1 to 60"),
            ({"name": "x" * 61, "areas": "BF"}, "A zone's name is 1 to 60"),
            ({"name": "Z", "areas": "XX"}, "XX is not an area"),
            ({"name": "Z", "areas": "TN:" + "y" * 61}, "is not an area"),
            ({"name": "Z", "areas": " , "}, "add at least one")):
        r = post(adm, "/admin/shipping/zone/save", fields)
        t = strip(html.unescape(r.text))
        check(r.status == 400 and want in t, "%r -> %d %s" % (
            fields, r.status, t[:500]))
        check('value="%s"' % html.escape(fields["name"]) in
              html.unescape(r.text) or fields["name"] == "", "typed kept")
    for fields, want in (
            ({"base": "abc"}, "The price must be an amount"),
            ({"base": "-1"}, "The price must be an amount"),
            ({"kind": "air"}, "Choose how the method is priced"),
            ({"step": "2"}, "A flat price has no further price"),
            ({"kind": "weight", "grams": "0"}, "The weight step is a whole"),
            ({"free_from": "lots"}, "The free-from amount must be"),
            ({"min_days": ""}, "least number of working days"),
            ({"min_days": "5", "max_days": "2"}, "most working days"),
            ({"name": ""}, "A method's name is 1 to 60"),
            ({"name_fr": "z" * 61}, "The French name is at most 60")):
        f = {"zone": str(zid), "name": "R", "kind": "flat", "base": "1",
             "min_days": "1"}
        f.update(fields)
        r = post(adm, "/admin/shipping/rate/save", f)
        t = strip(html.unescape(r.text))
        check(r.status == 400 and want in t, "%r -> %d %s" % (
            fields, r.status, t[:500]))
    check(query(s, "SELECT count(*) FROM ship_rates WHERE zone_id = ?",
                (zid,))[0][0] == 0, "nothing saved")
    for q, want in (("country=ZZ", "Choose a country from the list."),
                    ("country=BJ&units=x", "The units are a whole number"),
                    ("country=BJ&amount=x", "The goods total must be")):
        r = adm.get("/admin/shipping?" + q)
        check(r.status == 400 and want in html.unescape(r.text),
              "%s -> %d" % (q, r.status))
    pid = product_id(s, "hdmi-2-1-cable-2m")
    page = "/admin/details/%d" % pid
    for fields, want in (
            ({"field": "Bad-Name"}, "A detail's key is 1 to 32"),
            ({"type": "color"}, "Choose the kind of detail"),
            ({"label": ""}, "The label is 1 to 80"),
            ({"max": "900"}, "The longest answer is a whole number")):
        f = {"id": str(pid), "field": "note", "type": "text", "label": "N"}
        f.update(fields)
        r = post(adm, "/admin/details/save", f, page)
        check(r.status == 400 and want in strip(html.unescape(r.text)),
              "%r -> %d" % (fields, r.status))
    r = post(adm, "/admin/details/weight", {"id": str(pid), "grams": "-3"},
             page)
    check(r.status == 400 and "The weight is a whole number of grams" in
          r.text, "weight %r" % r)
    r = post(adm, "/admin/details/weight", {"id": str(pid), "grams": "340"},
             page)
    check(r.status == 303 and query(s, "SELECT weight_grams FROM products "
                                    "WHERE id = ?", (pid,))[0][0] == 340,
          "weight saved %r" % r)
    check(audit(s, "product", pid)[-1] == "product_weight", "audited")
    check('value="340"' in adm.get(page).text, "weight shown")


@test
def zone_and_rate_names_with_markup_are_escaped():
    s = ship_stack()
    adm = login(s, "admin")
    zid = zone(adm, "Z " + XSS, "NE:" + XSS)
    rid = rate(adm, zid, "R " + XSS, name_en="E " + XSS)
    for path in ("/admin/shipping", "/admin/shipping/zone/%d" % zid,
                 "/admin/shipping/rate/%d" % rid, "/admin/audit"):
        t = adm.get(path).text
        check(XSS not in t and "&lt;script&gt;" in t, "escaped on " + path)
    t = adm.get("/admin/shipping?country=NE&region=" + XSS).text
    check(XSS not in t and "E &lt;script&gt;" in t, "quote escaped")
    b = Shopper(s)
    b.add("hdmi-2-1-cable-2m")
    r = b.post("/checkout", dict(b.form()[1], op="ship", country="NE",
                                 city=XSS))
    check(XSS not in r.text and "E &lt;script&gt;" in r.text,
          "checkout escaped %r %s" % (r, strip(r.text)[:300]))
    post(adm, "/admin/shipping/zone/delete", {"id": str(zid)})


@test
def rate_from_the_admin_prices_checkout_and_the_quote():
    s = ship_stack()
    adm = login(s, "admin")
    zid = zone(adm, "Senegal", "SN")
    rid = rate(adm, zid, "Dakar courier", kind="quantity", base="12",
               step="4", free_from="200", name_fr="Coursier Dakar",
               min_days="3", max_days="5")
    # The quote preview: the same rule checkout applies.
    t = strip(adm.get("/admin/shipping?country=SN&units=3&amount=60").text)
    check("Delivery to Senegal" in t and "Dakar courier : 20.000 TND · "
          "3–5 working days" in t, "quote: " + t[t.find("Show the price"):][:400])
    t = strip(adm.get("/admin/shipping?country=SN&units=3&amount=200").text)
    check("Dakar courier : Free" in t, "free from 200: " + t[-400:])
    t = strip(adm.get("/admin/shipping?country=US").text)
    check("No zone delivers there" in t, "no zone")
    q = s.ctl("shipping", "quote", "SN", "--units", "3", "--amount",
              "60").stdout
    check("Dakar courier (Senegal) 20000 " in q, "soukctl agrees: " + q)
    # Checkout: the method, its price, the delivery line and the total.
    b = Shopper(s)
    b.add("hdmi-2-1-cable-2m", qty=2)           # 2 x 29.000
    d = options(b, "SN")
    check([(o["name"], o["price"]) for o in d["options"]] ==
          [("Dakar courier", "16.000\xa0TND")] and
          d["delivery"] == "16.000\xa0TND" and d["total"] ==
          "74.000\xa0TND", "json: %r" % d)
    _, form = b.form()
    r = b.post("/checkout", dict(form, op="ship", **SN))
    t = strip(r.text)
    check(r.status == 200 and "Dakar courier" in t and
          "16.000 TND" in t and "74.000 TND" in t,
          "form for SN: " + t[t.find("Delivery"):][:400])
    form["ship"] = d["options"][0]["value"]
    token = order_token(b.place(SN, form))
    sub, disc, deliv, total, rate_id, name = query(s, (
        "SELECT subtotal_minor, discount_minor, delivery_minor, total_minor, "
        "delivery_rate_id, delivery_name FROM orders WHERE token = ?"),
        (token,))[0]
    units = query(s, "SELECT sum(qty) FROM order_items i JOIN orders o ON "
                  "o.id = i.order_id WHERE o.token = ? AND i.kind = "
                  "'physical'", (token,))[0][0]
    want = 12000 + (units - 1) * 4000 if sub - disc < 200000 else 0
    check(rate_id == rid and name == "Dakar courier" and deliv == want and
          total == sub - disc + deliv and total == 74000,
          "order %r" % ((sub, disc, deliv, total, rate_id, name),))
    t = strip(b.get("/order/" + token).text)
    check("Dakar courier" in t and "16.000 TND" in t, "order page")
    # A change in the admin changes what the next shopper is offered.
    b.add("hdmi-2-1-cable-2m", qty=2)           # the order emptied the cart
    post(adm, "/admin/shipping/rate/save", {
        "id": str(rid), "name": "Dakar courier", "kind": "flat",
        "base": "9.5", "min_days": "1", "max_days": "2", "active": "1"})
    d = options(b, "SN")
    check(d["options"][0]["price"] == "9.500\xa0TND" and
          d["options"][0]["days"] == "1–2 working days", "edited %r" % d)
    post(adm, "/admin/shipping/rate/save", {
        "id": str(rid), "name": "Dakar courier", "kind": "flat",
        "base": "9.5", "min_days": "1"})
    check(options(b, "SN")["state"] == "empty", "off: not offered")
    post(adm, "/admin/shipping/zone/delete", {"id": str(zid)})
    check(options(b, "SN")["state"] == "no_zone", "zone deleted")
    check(query(s, "SELECT delivery_minor, delivery_rate_id FROM orders "
                "WHERE token = ?", (token,))[0] == (16000, None),
          "the order keeps its delivery")


@test
def detail_created_in_the_admin_is_asked_and_checked_at_checkout():
    s = ship_stack()
    adm = login(s, "admin")
    pid = product_id(s, "iptv-gold-4k")
    page = "/admin/details/%d" % pid
    r = post(adm, "/admin/details/save", {
        "id": str(pid), "field": "box_mac", "type": "mac", "label":
        "Box MAC", "label_fr": "Adresse MAC du boîtier", "required": "1"},
        page)
    check(r.status == 303 and "notice=field_saved" in r.header("Location"),
          "save %r %s" % (r, strip(r.text)[:300]))
    r = post(adm, "/admin/details/save", {
        "id": str(pid), "field": "app", "type": "text", "label": "App " +
        XSS, "max": "12"}, page)
    check(r.status == 303, "optional text %r" % r)
    check(query(s, "SELECT name, type, required, max_len, label_fr FROM "
                "product_fields WHERE product_id = ? ORDER BY position",
                (pid,)) == [("box_mac", "mac", 1, 100,
                             "Adresse MAC du boîtier"),
                            ("app", "text", 0, 12, "")], "rows")
    check(audit(s, "product", pid)[-2:] == ["product_field",
                                            "product_field"], "audited")
    t = adm.get(page).text
    check("Box MAC" in t and "&lt;script&gt;" in t and XSS not in t,
          "listed, escaped")
    out = s.ctl("product-field", "list", "iptv-gold-4k").stdout
    check("box_mac" in out and "Box MAC" in out, "soukctl sees it: " + out)
    b = Shopper(s)
    b.add("iptv-gold-4k")
    r, form = b.form()
    check("Box MAC" in r.text and "App &lt;script&gt;" in r.text and
          XSS not in r.text, "asked at checkout")
    check(re.search(r'id="f-d0"[^>]*required', r.text) and
          not re.search(r'id="f-d1"[^>]*required', r.text), "required flags")
    r = b.place(None, form, d0="00:1a:79:zz:cd:ef", d1="")
    check(r.status == 422 and "six pairs of the digits" in
          html.unescape(r.text), "bad MAC refused %r" % r)
    r = b.place(None, form, d0="001a79abcdef", d1="x" * 13)
    check(r.status == 422 and "too long" in html.unescape(r.text),
          "too long refused")
    t = b.get("/checkout?lang=fr").text
    check("Adresse MAC du boîtier" in t, "French label")
    token = order_token(b.place(None, form, d0="001a79abcdef", d1="Smarters"))
    check(query(s, "SELECT f.name, f.value FROM order_item_fields f JOIN "
                "orders o ON o.id = f.order_id WHERE o.token = ? ORDER BY "
                "f.position", (token,)) == [("box_mac", "00:1A:79:AB:CD:EF"),
                                            ("app", "Smarters")], "kept")
    # Removing it in the admin: checkout stops asking.
    r = post(adm, "/admin/details/remove", {"id": str(pid), "field":
                                            "box_mac"}, page)
    check(r.status == 303 and "notice=field_removed" in r.header("Location"),
          "remove %r" % r)
    post(adm, "/admin/details/remove", {"id": str(pid), "field": "app"}, page)
    r = post(adm, "/admin/details/remove", {"id": str(pid), "field": "app"},
             page)
    check(r.status == 404, "removing twice %r" % r)
    b.add("iptv-gold-4k")
    check("Box MAC" not in b.form()[0].text, "no longer asked")


@test
def admin_shipping_stop():
    stacks.stop_all()
