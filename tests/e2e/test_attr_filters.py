"""Attributes the admin defines (brand, resolution) as category filters
with counts (docs/catalog.md "Attribute filters", docs/admin.md
"Attributes"): counts equal a recomputation from the database under the
other filters, filtering, paging and sorting with them, bad values 400;
the back office's pages (access matrix, CSRF, validation in whole
sentences, markup escaped, audit rows), a product's values on its form,
and the CSV column."""
import html
import re

from harness import test, check, stack
from shop import Shopper, one, db, execute, multipart
from test_admin import adm_stack, login, csrf_of
from test_admin_catalog import new_product
from test_filters import total, slugs, options, listed

XSS = "<script>alert(1)</script>"


def with_option(s, cat, attr, opt, where="1", *args):
    """Products listed in category `cat` whose value of attribute `attr`
    is option `opt`, meeting an SQL condition on p and c too."""
    return listed(s, cat, "EXISTS (SELECT 1 FROM product_attributes pa "
                  "JOIN attributes a ON a.id = pa.attribute_id JOIN "
                  "attribute_options o ON o.id = pa.option_id WHERE "
                  "pa.product_id = p.id AND a.slug = ? AND o.slug = ?) AND "
                  + where, attr, opt, *args)


def values_in(s, cat, attr, where="1", *args):
    """{option slug: count} recomputed from the database."""
    c = db(s)
    try:
        opts = [r[0] for r in c.execute(
            "SELECT o.slug FROM attribute_options o JOIN attributes a ON "
            "a.id = o.attribute_id WHERE a.slug = ?", (attr,))]
    finally:
        c.close()
    got = {o: with_option(s, cat, attr, o, where, *args) for o in opts}
    return {o: n for o, n in got.items() if n > 0}


@test
def attribute_counts_match_the_database():
    s = stack()
    t = s.get("/c/devices").text
    brands = options(t, "a.brand")
    check(brands == values_in(s, "devices", "brand") and len(brands) >= 5,
          "brand counts %r" % brands)
    res = options(t, "a.resolution")
    check(res == values_in(s, "devices", "resolution") and res,
          "resolution counts %r" % res)
    check(t.index('name="a.brand"') < t.index('name="a.resolution"'),
          "attributes in the admin's order")
    for b, n in brands.items():
        r = s.get("/c/devices?a.brand=" + b)
        check(r.status == 200 and total(r.text) == n and len(slugs(r.text))
              == n, "brand=%s lists %d, count said %d" % (b, total(r.text), n))
        check('<option value="%s" selected>' % b in r.text, "not chosen")
        # Its own counts under the other filters; the others under it.
        check(options(r.text, "a.brand") == brands, "brand counts moved")
        want = values_in(s, "devices", "resolution", "EXISTS (SELECT 1 FROM "
                         "product_attributes x JOIN attribute_options y ON "
                         "y.id = x.option_id WHERE x.product_id = p.id AND "
                         "y.slug = ?)", b)
        got = (options(r.text, "a.resolution") if want else
               'name="a.resolution"' in r.text)
        check(got == (want or False), "resolution under brand=%s: %r, "
              "want %r" % (b, got, want))
        check('class="clear"' in r.text, "no clear link")
    # A category none of whose products has a value: no attribute group.
    t = s.get("/c/accessories").text
    check('name="a.' not in t, "attribute group without values")
    # French names and labels.
    t = s.get("/c/devices?lang=fr").text
    check(re.search(r"Marque\s*<select", t) and
          re.search(r"Résolution\s*<select", t), "French attribute names")


@test
def attribute_filters_combine_with_the_others():
    s = stack()
    r = s.get("/c/iptv?a.resolution=4k&months=12&sort=price")
    want = with_option(s, "iptv", "resolution", "4k", "EXISTS (SELECT 1 "
                       "FROM subscription_plans sp WHERE sp.product_id = "
                       "p.id AND sp.active = 1 AND sp.duration_days = 0 AND "
                       "sp.duration_months = 12)")
    check(r.status == 200 and total(r.text) == want and want > 0,
          "4k + 12 months: %d, want %d" % (total(r.text), want))
    months = options(r.text, "months")
    for m, n in months.items():
        check(n == with_option(s, "iptv", "resolution", "4k", "EXISTS (SELECT "
                               "1 FROM subscription_plans sp WHERE "
                               "sp.product_id = p.id AND sp.active = 1 AND "
                               "sp.duration_days = 0 AND sp.duration_months "
                               "= ?)", int(m)), "months %s under 4k" % m)
    c = db(s)
    try:
        prices = [c.execute("SELECT price_minor FROM products WHERE slug = ?",
                            (x,)).fetchone()[0] for x in slugs(r.text)]
    finally:
        c.close()
    check(prices == sorted(prices), "sort=price: %r" % prices)
    # With type and stock: counts and list.
    r = s.get("/c/devices?a.resolution=4k&stock=1")
    want = with_option(s, "devices", "resolution", "4k",
                       "coalesce(p.stock, -1) <> 0")
    check(total(r.text) == want and want > 0, "4k in stock: %d, want %d" %
          (total(r.text), want))
    check(options(r.text, "a.brand") == values_in(
        s, "devices", "brand", "coalesce(p.stock, -1) <> 0 AND EXISTS "
        "(SELECT 1 FROM product_attributes x JOIN attribute_options y ON "
        "y.id = x.option_id WHERE x.product_id = p.id AND y.slug = '4k')"),
        "brand counts under stock and 4k")
    # Two attributes at once: each counts under the other (the first's
    # filter left out while the second stays, and the reverse).
    r = s.get("/c/devices?a.brand=xiaomi&a.resolution=4k")
    check(total(r.text) == with_option(s, "devices", "brand", "xiaomi",
          "EXISTS (SELECT 1 FROM product_attributes x JOIN attribute_options "
          "y ON y.id = x.option_id WHERE x.product_id = p.id AND y.slug = "
          "'4k')") == 1, "brand and resolution")
    check(options(r.text, "a.brand") == values_in(
        s, "devices", "brand", "EXISTS (SELECT 1 FROM product_attributes x "
        "JOIN attribute_options y ON y.id = x.option_id WHERE x.product_id "
        "= p.id AND y.slug = '4k')"), "brands under 4k")
    check(options(r.text, "a.resolution") == values_in(
        s, "devices", "resolution", "EXISTS (SELECT 1 FROM product_attributes "
        "x JOIN attribute_options y ON y.id = x.option_id WHERE x.product_id "
        "= p.id AND y.slug = 'xiaomi')"), "resolutions under xiaomi")
    r2 = s.get("/c/devices?a.resolution=4k&a.brand=xiaomi")
    check(options(r2.text, "a.brand") == options(r.text, "a.brand") and
          total(r2.text) == 1, "order of the fields does not matter")
    # The price range counts too.
    r = s.get("/c/devices?a.resolution=4k&max=300")
    check(total(r.text) == with_option(s, "devices", "resolution", "4k",
                                       "p.price_minor <= 300000"), "max=300")
    # A chosen option nothing is left of stays, with 0, and the page says
    # so; the sort and paging links keep the filter.
    r = s.get("/c/devices?a.brand=nvidia&max=10")
    check(r.status == 200 and total(r.text) == 0 and
          '<option value="nvidia" selected>' in r.text, "empty choice")
    r = s.get("/c/iptv?a.resolution=full-hd")
    sb = re.search(r'<form class="filters" action="([^"]+)"', r.text)
    check(sb is not None, "filter form")
    # Search's category filter still works beside them.
    r = s.get("/search?q=box&cat=devices")
    check(r.status == 200 and total(r.text) > 0, "search in devices")


@test
def attribute_filters_page_by_number():
    with __import__("harness").Stack() as s:
        s.start()
        c = db(s)
        try:
            ids = [r[0] for r in c.execute(
                "SELECT p.id FROM products p JOIN categories k ON k.id = "
                "p.category_id WHERE k.slug LIKE 'films%' AND p.media_type "
                "= 'film'")]
            a = c.execute("SELECT a.id, o.id FROM attributes a JOIN "
                          "attribute_options o ON o.attribute_id = a.id "
                          "WHERE a.slug = 'resolution' AND o.slug = "
                          "'full-hd'").fetchone()
            for i in ids:
                c.execute("INSERT INTO product_attributes VALUES (?, ?, ?)",
                          (i, a[0], a[1]))
        finally:
            c.close()
        r = s.get("/c/films?a.resolution=full-hd&sort=name")
        check(total(r.text) == len(ids) > 24, "films full hd: %d" %
              total(r.text))
        nxt = re.search(r'rel="next" href="([^"]+)"', r.text)
        check(nxt is not None, "no next page")
        href = html.unescape(nxt.group(1))
        check("a.resolution=full-hd" in href and "page=2" in href and
              "after=" not in href, "next link: %s" % href)
        p2 = s.get(href).text
        check(not set(slugs(p2)) & set(slugs(r.text)), "page 2 repeats")


@test
def bad_attribute_values_get_400():
    s = stack()
    for qs in ("a.brand=no-such-brand", "a.nothing=x", "a.brand=Bad%20Slug",
               "a.Brand=xiaomi", "a.brand=xiaomi&a.brand=amazon",
               "a.resolution=xiaomi", "a.brand=%27%3Bdrop"):
        r = s.get("/c/devices?" + qs)
        check(r.status == 400, "%s -> %d" % (qs, r.status))
        check("names no attribute" in r.text, "%s: no sentence" % qs)
    # Empty values choose nothing.
    r = s.get("/c/devices?a.brand=&a.resolution=")
    check(r.status == 200 and total(r.text) == listed(s, "devices"),
          "empty choice filtered")


def attr_post(sh, path, fields, page="/admin/attributes"):
    f = dict(fields)
    f["csrf"] = csrf_of(sh, page)
    return sh.post(path, f)


@test
def attribute_admin_access():
    s = adm_stack()
    emp, adm, cust = login(s, "employee"), login(s, "admin"), login(s, "customer")
    anon = Shopper(s)
    pid = new_product(s, adm, slug="attr-access-lamp")
    r = anon.get("/admin/attributes")
    check(r.status == 303 and "/account/login" in r.header("Location"),
          "anonymous: %r" % r)
    check(cust.get("/admin/attributes").status == 403, "customer")
    check(emp.get("/admin/attributes").status == 403, "employee")
    check(adm.get("/admin/attributes").status == 200, "admin")
    tok = csrf_of(emp, "/admin")
    atok = csrf_of(adm, "/admin/attributes")
    before = one(s, "SELECT count(*) FROM attributes")
    for path in ("/admin/attribute/save", "/admin/attribute/delete",
                 "/admin/attribute/option", "/admin/attribute/option/delete",
                 "/admin/product/attrs"):
        f = {"id": str(pid), "slug": "hacked", "name_en": "Hacked",
             "attribute": "1", "option": "1"}
        r = emp.post(path, dict(f, csrf=tok))
        check(r.status == 403, "employee POST %s: %r" % (path, r))
        r = anon.post(path, f)
        check(r.status in (303, 403), "anonymous POST %s: %r" % (path, r))
        r = adm.post(path, f)
        check(r.status == 403, "admin POST %s without CSRF: %r" % (path, r))
        r = adm.post(path, dict(f, csrf=("y" if atok[0] == "x" else "x") + atok[1:]))
        check(r.status == 403, "admin POST %s forged CSRF: %r" % (path, r))
    check(one(s, "SELECT count(*) FROM attributes") == before and
          one(s, "SELECT count(*) FROM attribute_options WHERE slug = "
              "'hacked'") == 0, "nothing changed")


@test
def attribute_admin_create_edit_delete():
    s = adm_stack()
    adm = login(s, "admin")
    lights = one(s, "SELECT id FROM categories WHERE slug = 'accessories'")
    bad = [
        (dict(slug="Bad Slug"), "lower-case letters"),
        (dict(slug="x" * 61), "at most 60"),
        (dict(name_en=""), "default language is required"),
        (dict(name_en="a\nb"), None),
        (dict(slug="brand"), "already uses"),
        (dict(category="999999"), "category does not exist"),
        (dict(position="abc"), None),
    ]
    before = one(s, "SELECT count(*) FROM attributes")
    for kw, text in bad:
        f = {"slug": "colour", "name_en": "Colour", "name_fr": "Couleur",
             "category": str(lights), "position": "5"}
        f.update(kw)
        r = attr_post(adm, "/admin/attribute/save", f)
        check(r.status == 400, "%r: %r" % (kw, r))
        if text:
            check(text in r.text, "%r: %r not in %s" % (kw, text, r.text[:2000]))
    check(one(s, "SELECT count(*) FROM attributes") == before, "none saved")
    r = attr_post(adm, "/admin/attribute/save", {
        "slug": "colour", "name_en": "Colour " + XSS, "name_fr": "Couleur",
        "category": str(lights), "position": "5"})
    check(r.status == 303 and "notice=attribute" in r.header("Location"),
          "create: %r %s" % (r, r.text[:1000]))
    aid = one(s, "SELECT id FROM attributes WHERE slug = 'colour'")
    check(one(s, "SELECT count(*) FROM audit_log WHERE object_kind = "
              "'attribute' AND object_id = ? AND action = 'create'",
              str(aid)) == 1, "audit row")
    for slug, en in (("black", "Black " + XSS), ("white", "White")):
        r = attr_post(adm, "/admin/attribute/option", {
            "attribute": str(aid), "slug": slug, "name_en": en,
            "name_fr": "", "position": "0"})
        check(r.status == 303, "option %s: %r %s" % (slug, r, r.text[:800]))
    r = attr_post(adm, "/admin/attribute/option", {
        "attribute": str(aid), "slug": "black", "name_en": "Again"})
    check(r.status == 400 and "already uses" in r.text, "option slug taken")
    r = attr_post(adm, "/admin/attribute/option", {
        "attribute": "999999", "slug": "red", "name_en": "Red"})
    check(r.status == 404, "option of no attribute: %r" % r)
    page = adm.get("/admin/attributes").text
    check(XSS not in page and "&lt;script&gt;" in page, "admin escapes")
    # A product of the category gets values on its form.
    pid = new_product(s, adm, slug="black-cable", category=str(lights))
    form = adm.get("/admin/product/%d" % pid).text
    check('name="a.colour"' in form and 'name="a.brand"' not in form,
          "form offers the category's attributes only")
    check('name="a.resolution"' in form, "global attribute offered")
    tok = csrf_of(adm, "/admin/product/%d" % pid)
    r = adm.post("/admin/product/attrs", {"csrf": tok, "id": str(pid),
                                          "a.colour": "black",
                                          "a.resolution": "4k"})
    check(r.status == 303, "values: %r %s" % (r, r.text[:800]))
    check(one(s, "SELECT count(*) FROM product_attributes WHERE product_id "
              "= ?", pid) == 2, "two values")
    check(one(s, "SELECT detail FROM audit_log WHERE object_kind = 'product' "
              "AND object_id = ? AND action = 'attributes' ORDER BY id DESC",
              str(pid)) == "colour=black;resolution=4k", "audit of values")
    form = adm.get("/admin/product/%d" % pid).text
    check('<option value="black" selected>' in form, "value shown")
    flag = "SELECT group_concat(has_attrs) FROM category_listing WHERE " \
           "product_id = ?"
    check(one(s, flag, pid) == "1", "listing flag set")
    execute(s, "UPDATE products SET price_minor = price_minor + 1 WHERE "
            "id = ?", pid)
    check(one(s, flag, pid) == "1", "flag kept when the listing is rewritten")
    for bad in ({"a.colour": "purple"}, {"a.brand": "xiaomi"},
                {"a.nothing": "x"}):
        r = adm.post("/admin/product/attrs", dict(bad, csrf=tok, id=str(pid)))
        check(r.status == 400, "%r: %r" % (bad, r))
    check(one(s, "SELECT count(*) FROM product_attributes WHERE product_id "
              "= ?", pid) == 2, "refused changes kept the values")
    r = adm.post("/admin/product/attrs", {"csrf": tok, "id": "999999",
                                          "a.colour": "black"})
    check(r.status == 404, "unknown product: %r" % r)
    # A copy of the product keeps its values.
    r = adm.post("/admin/product/act", {"csrf": tok, "id": str(pid),
                                        "op": "duplicate"})
    cid = int(re.search(r"/admin/product/(\d+)", r.header("Location")).group(1))
    check(one(s, "SELECT count(*) FROM product_attributes WHERE product_id "
              "= ?", cid) == 2, "the copy's values")
    # The storefront: escaped, counted.
    t = Shopper(s).get("/c/accessories").text
    check(options(t, "a.colour") == {"black": 1}, "storefront counts")
    check(XSS not in t and "Black &lt;script&gt;" in t, "storefront escapes")
    # Edit, delete an option, delete the attribute.
    r = attr_post(adm, "/admin/attribute/save", {
        "id": str(aid), "slug": "color", "name_en": "Colour",
        "name_fr": "Couleur", "category": "0", "position": "1"})
    check(r.status == 303 and one(s, "SELECT slug || '|' || coalesce("
          "category_id, 0) FROM attributes WHERE id = ?", aid) == "color|0",
          "edited: %r" % r)
    white = one(s, "SELECT id FROM attribute_options WHERE slug = 'white' "
                "AND attribute_id = ?", aid)
    black = one(s, "SELECT id FROM attribute_options WHERE slug = 'black' "
                "AND attribute_id = ?", aid)
    r = attr_post(adm, "/admin/attribute/option/delete",
                  {"attribute": str(aid), "option": str(black)})
    check(r.status == 303 and one(s, "SELECT count(*) FROM product_attributes "
          "WHERE option_id = ?", black) == 0, "option and its values gone")
    r = attr_post(adm, "/admin/attribute/delete", {"id": str(aid)})
    check(r.status == 303 and one(s, "SELECT count(*) FROM attribute_options "
          "WHERE id = ?", white) == 0, "attribute deleted")
    r = attr_post(adm, "/admin/attribute/delete", {"id": str(aid)})
    check(r.status == 404, "deleted twice: %r" % r)
    check(one(s, "SELECT count(*) FROM audit_log WHERE object_kind = "
              "'attribute' AND object_id = ?", str(aid)) >= 5, "audit rows")
    r = adm.post("/admin/product/attrs", {"csrf": tok, "id": str(pid)})
    check(r.status == 303 and one(s, flag, pid) == "0",
          "no values left: flag cleared")
    # French pages.
    t = adm.get("/admin/attributes?lang=fr").text
    check("Nouvel attribut" in t and "Attributs" in t, "French admin page")


@test
def attribute_values_in_the_csv():
    s = adm_stack()
    adm = login(s, "admin")
    r = adm.get("/admin/products/export")
    check(r.status == 200, "export: %r" % r)
    head, *rows = r.text.split("\r\n")
    check(head.endswith(",attributes"), "header: %s" % head)
    mi = [x for x in rows if x.startswith("mi-box-s-2,")]
    check(mi and mi[0].endswith(",brand=xiaomi;resolution=4k"),
          "mi box row: %r" % mi)
    csv = ("slug,name,kind,category,price,attributes\r\n"
           "csv-box,CSV box,physical,devices,10,brand=amazon;resolution=hd\r\n"
           "csv-cable,CSV cable,physical,accessories,5,\r\n")
    body, ct = multipart({"csrf": csrf_of(adm, "/admin/products/import"),
                          "mode": "apply"},
                         [("csv", "p.csv", "text/csv", csv.encode())])
    r = adm.post("/admin/products/import", raw=body, content_type=ct)
    check(r.status in (200, 303), "import: %r %s" % (r, r.text[:800]))
    check(one(s, "SELECT group_concat(o.slug, ',') FROM (SELECT o.slug FROM "
              "product_attributes pa JOIN attribute_options o ON o.id = "
              "pa.option_id JOIN products p ON p.id = pa.product_id WHERE "
              "p.slug = 'csv-box' ORDER BY o.slug) o") == "amazon,hd",
          "imported values")
    for cell, msg in (("brand=nope", "no such option"),
                      ("colour=red", "no attribute has this slug"),
                      ("brand", "ATTRIBUTE=OPTION"),
                      ("brand=xiaomi", "another category")):
        csv = ("slug,name,kind,category,price,attributes\r\n"
               "csv-bad,Bad,physical,accessories,5,%s\r\n" % cell)
        body, ct = multipart({"csrf": csrf_of(adm, "/admin/products/import"),
                              "mode": "apply"},
                             [("csv", "p.csv", "text/csv", csv.encode())])
        r = adm.post("/admin/products/import", raw=body, content_type=ct)
        check(r.status == 400 and msg in r.text, "%s: %r %s" % (
            cell, r, r.text[:1500]))
    check(one(s, "SELECT count(*) FROM products WHERE slug = 'csv-bad'") == 0,
          "bad file wrote nothing")
