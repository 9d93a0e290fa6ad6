"""Shopper experience (issue 13): catalog text per language with a fallback
to the default one, CSV import of translations, French typography and
dates."""
import os
import re
import sqlite3


from harness import test, check, stack, Stack, strip_tags
from shop import ADDRESS, Shopper, shop, order_token

NNBSP = "\u202f"


def texts(s, lang):
    """{english name or description: french one} of every translated
    product and category of the demo."""
    c = sqlite3.connect(s.env["SOUK_DB_PATH"])
    try:
        out = list(c.execute(
            "SELECT p.slug, p.name, p.description, t.name, t.description "
            "FROM product_text t JOIN products p ON p.id = t.product_id "
            "WHERE t.lang = ?", (lang,)))
        cats = list(c.execute(
            "SELECT c.slug, c.name, c.description, t.name, t.description "
            "FROM category_text t JOIN categories c ON c.id = t.category_id "
            "WHERE t.lang = ?", (lang,)))
    finally:
        c.close()
    return out, cats


def page_text(html):
    return strip_tags(html).replace("&amp;", "&").replace("&#39;", "'")


@test
def french_pages_have_no_english_catalog_text_when_translated():
    s = stack()
    products, cats = texts(s, "fr")
    check(len(products) >= 2 and len(cats) >= 5, "demo has translations")
    pages = ["/?lang=fr", "/c/accessories?lang=fr", "/c/iptv?lang=fr",
             "/search?q=hdmi&lang=fr"]
    pages += ["/p/%s?lang=fr" % slug for slug, *_ in products]
    for path in pages:
        r = s.get(path)
        check(r.status == 200, "%s: %d" % (path, r.status))
        body = page_text(r.text)
        for slug, en_name, en_desc, fr_name, fr_desc in products + cats:
            if en_name != fr_name:
                check(en_name not in body,
                      "%s shows the English %r" % (path, en_name))
    r = s.get("/p/iptv-gold-4k?lang=fr")
    check("IPTV Or 4K" in r.text, "the French name")
    check("Une question" + NNBSP + "? Écrivez-nous" + NNBSP + "!" in r.text,
          "French description with narrow no-break spaces")
    check("IPTV Premium" in r.text, "the category in French (crumbs)")
    check("12 mois" + NNBSP + ": le meilleur prix" in r.text,
          "the plan label in French")
    # English pages keep the default text; untranslated products fall back.
    r = s.get("/p/iptv-gold-4k?lang=en")
    check("Gold 4K IPTV" in r.text and "IPTV Or 4K" not in r.text, "English")
    check("12 months: best value" in r.text, "English plan label")
    r = s.get("/p/hdmi-2-1-cable-5m?lang=fr")
    check("HDMI 2.1 cable, 5 m" in r.text, "fallback to the default text")


@test
def french_cart_names_the_product_in_french():
    s = stack()
    b = Shopper(s)
    b.get("/?lang=fr")
    b.add("hdmi-2-1-cable-2m", qty=1)
    r = b.get("/cart")
    check("Câble HDMI 2.1, 2 m" in r.text, "French cart line")
    check("HDMI 2.1 cable, 2 m" not in r.text, "no English name in the cart")


@test
def import_products_reads_translations_and_plan_labels():
    s = Stack(demo=False).start()
    try:
        s.ctl("demo")
        path = os.path.join(s.dir, "t.csv")
        with open(path, "w") as f:
            f.write("slug,name,kind,price,plans,name_fr,description_fr,"
                    "plan_labels_en,plan_labels_fr\n"
                    "tv-basic,Basic TV,subscription,,1m=10;3m=27,"
                    "TV de base,Les chaînes essentielles !,"
                    "3m=Three months,3m=Trois mois\n")
        s.ctl("import-products", path)
        r = s.get("/p/tv-basic?lang=fr")
        check("TV de base" in r.text and "Basic TV" not in r.text,
              "French name")
        check("Les chaînes essentielles" + NNBSP + "!" in r.text, "desc")
        check("Trois mois" in r.text, "French plan label")
        check("Three months" in s.get("/p/tv-basic?lang=en").text, "en label")
        # A file without the columns keeps the translations; the default
        # language's own column is refused.
        with open(path, "w") as f:
            f.write("slug,name,kind,plans\ntv-basic,Basic TV 2,subscription,"
                    "1m=10;3m=27\n")
        s.ctl("import-products", path)
        check("TV de base" in s.get("/p/tv-basic?lang=fr").text, "kept")
        with open(path, "w") as f:
            f.write("slug,name,kind,plans,name_en,plan_labels_fr\n"
                    "tv-basic,Basic TV,subscription,1m=10,Other,6m=Six\n")
        p = s.ctl("import-products", path, check_rc=False)
        check(p.returncode != 0 and "name_en" in p.stderr and
              "plan_labels_fr" in p.stderr, "refused: %r" % p.stderr)
    finally:
        s.stop()


@test
def dates_read_as_people_write_them():
    s = shop()
    for lang, pattern in (("en", r"\d{1,2} (January|February|March|April|May|"
                           r"June|July|August|September|October|November|"
                           r"December) 20\d\d, \d\d:\d\d"),
                          ("fr", r"\d{1,2}(er)? (janvier|février|mars|avril|"
                           r"mai|juin|juillet|août|septembre|octobre|"
                           r"novembre|décembre) 20\d\d à \d\d:\d\d")):
        b = Shopper(s)
        b.get("/?lang=" + lang)
        b.add("hdmi-2-1-cable-2m", qty=1)
        r = b.place(ADDRESS, payment="bank")
        token = order_token(r)
        check(token, "order placed (%s): %d" % (lang, r.status))
        r = b.get("/order/" + token)
        check(re.search(pattern, r.text), "%s date on the order page: %s" % (
              lang, re.findall(r"<time[^>]*>([^<]*)<", r.text)[:2]))
        check(not re.search(r"20\d\d-\d\d-\d\d \d\d:\d\d", r.text),
              "no ISO stamp left on the page")
    # French strings from the language file carry narrow spaces too.
    r = s.get("/contact?lang=fr")
    body = page_text(r.text)
    check(" :" not in body and " ?" not in body and NNBSP + ":" in r.text,
          "no plain space before : or ? in French pages")



@test
def emptying_the_cart_asks_first():
    s = stack()
    b = Shopper(s)
    b.add("hdmi-2-1-cable-2m", qty=2)
    cart = b.get("/cart").text
    check('href="/cart/empty"' in cart and 'action="/cart/empty"' not in cart,
          "the cart page links to the question instead of emptying")
    r = b.get("/cart/empty")
    check(r.status == 200 and "Empty your cart?" in r.text and
          "HDMI 2.1 cable, 2 m" in r.text and 'action="/cart/empty"' in r.text,
          "the question names what goes")
    check("HDMI 2.1 cable, 2 m" in b.get("/cart").text, "asking empties nothing")
    r = b.post("/cart/empty", {"csrf": b.token("/cart/empty")})
    check(r.status == 303, "emptied: %d" % r.status)
    check("Your cart is empty." in b.get("/cart").text, "empty now")
    # Nothing to empty: the question is not asked.
    r = b.get("/cart/empty")
    check(r.status == 303 and r.header("Location").endswith("/cart"),
          "an empty cart goes to the cart page")
    r = b.get("/cart/empty?lang=fr")
    b.add("hdmi-2-1-cable-2m", qty=1)
    check("Vider votre panier\u202f?" in b.get("/cart/empty").text,
          "the question in French")


@test
def add_to_cart_json_names_item_plan_and_subtotal():
    s = stack()
    b = Shopper(s)
    b.get("/?lang=fr")
    r = b.add("iptv-gold-4k", json=True)
    import json
    d = json.loads(r.text)
    check(d["ok"] and d["item"]["name"] == "IPTV Or 4K" and
          d["item"]["plan"] == "1 mois\u202f: pour essayer" and
          d["subtotal"] == "30,000\xa0TND" and
          d["item"]["checkout"] == "Commander", "JSON: %r" % d)
    r = b.add("hdmi-2-1-cable-2m", qty=2, json=True)
    d = json.loads(r.text)
    check(d["item"]["plan"] == "" and d["qty"] == 2 and
          d["subtotal"] == "88,000\xa0TND", "second item: %r" % d)


def find(b, reference, email):
    return b.post("/find-order", {"csrf": b.token("/find-order"),
                                  "reference": reference, "email": email})


def without_token(text):
    """The page without its CSRF tokens and the values typed back."""
    text = re.sub(r'(name="csrf" value|name="csrf-token" content)="[^"]*"',
                  "", text)
    return re.sub(r'(name="(reference|email)" [^>]*value)="[^"]*"', r"\1",
                  text)


@test
def find_my_order_by_reference_and_email_reveals_no_other_order():
    s = Stack(env={"SOUK_FIND_ORDER_RATE_LIMIT": "6"}).start()
    try:
        owner = Shopper(s)
        owner.add("hdmi-2-1-cable-2m", qty=1)
        token = order_token(owner.place(ADDRESS))
        ref = one_ref(s, token)
        check(token and ref, "an order to find")
        b = Shopper(s)
        r = b.get("/find-order")
        check(r.status == 200 and 'name="reference"' in r.text, "the form")
        # Both right (any case, spaces around): the order's page.
        r = find(b, "  " + ref.lower() + " ", "AMIRA@example.com")
        check(r.status == 303 and r.header("Location").endswith(
              "/order/" + token), "found: %d %r" % (r.status,
                                                    r.header("Location")))
        # The right reference with another address, and a reference that
        # does not exist: the same answer, naming nothing.
        wrong_mail = find(b, ref, "someone@example.com")
        no_order = find(b, "SK-NOSUCH", "amira@example.com")
        check(wrong_mail.status == 404 and no_order.status == 404,
              "misses: %d %d" % (wrong_mail.status, no_order.status))
        check(without_token(wrong_mail.text) == without_token(no_order.text),
              "a miss says the same whatever did not match")
        for miss in (wrong_mail, no_order):
            check(token not in miss.text and "HDMI" not in miss.text and
                  "Amira" not in miss.text and "/order/" not in miss.text,
                  "a miss shows nothing of the order")
        # No token, another origin: refused, not counted as a lookup.
        r = s.post("/find-order", {"reference": ref,
                                   "email": "amira@example.com"})
        check(r.status == 403, "no CSRF token: %d" % r.status)
        # Every attempt counts per client address: three so far, three more
        # allowed, then 429 with Retry-After, even for the right pair.
        for i in range(3):
            check(find(b, "SK-GUESS%d" % i, "x@example.com").status == 404,
                  "attempt %d" % (4 + i))
        r = find(b, ref, "amira@example.com")
        check(r.status == 429 and int(r.header("Retry-After")) > 0 and
              token not in r.text, "rate limited: %d" % r.status)
        # Bad input: a helpful 400, not a 500.
        r = b.post("/find-order", {"csrf": b.token("/find-order"),
                                   "reference": "", "email": "nope"})
        check(r.status in (400, 429), "bad input: %d" % r.status)
    finally:
        s.stop()


def one_ref(s, token):
    c = sqlite3.connect(s.env["SOUK_DB_PATH"])
    try:
        row = c.execute("SELECT reference FROM orders WHERE token = ?",
                        (token,)).fetchone()
    finally:
        c.close()
    return row[0] if row else None


@test
def empty_states_suggest_popular_products():
    s = stack()
    r = s.get("/search?q=zzzqqqxx")
    check(r.status == 200 and "Nothing matches your search." in r.text and
          "Popular right now" in r.text and r.text.count('class="card"') >= 2,
          "no results suggests products")
    r = s.get("/search?q=zzzqqqxx&lang=fr")
    check("Populaire en ce moment" in r.text and "IPTV Or 4K" in r.text,
          "suggestions in French")
    r = Shopper(s).get("/cart")
    check("Your cart is empty." in r.text and "Popular right now" in r.text
          and 'class="card"' in r.text, "the empty cart suggests products")
    r = s.get("/search?q=hdmi")
    check("Popular right now" not in r.text, "results: no suggestions")
