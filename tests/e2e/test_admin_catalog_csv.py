"""The catalog as CSV in the back office through the real nginx: the
export (the import's columns, formula cells neutralised, an exported file
previews as pure updates), the import's preview (nothing written) and
apply (one transaction, audited), bad rows reported by line with nothing
written, and the refusals: no CSRF, employees, a missing or too large
file, an unknown mode."""
import html
import re

from harness import test, check
from shop import Shopper, one, multipart
from test_admin import adm_stack, login, csrf_of
from test_admin_catalog import new_product

HEADER = ("slug,name,kind,category,price,stock,description,parent,position,"
          "media_type,featured,active,plans,compare_at,sku,name_fr,"
          "description_fr,attributes")


def send(sh, data, mode="preview", csrf=True, name="products.csv"):
    f = {"mode": mode} if mode else {}
    if csrf:
        f["csrf"] = csrf_of(sh, "/admin/products/import")
    body, ct = multipart(f, [("csv", name, "text/csv", data)])
    return sh.post("/admin/products/import", raw=body, content_type=ct)


def count(s, where, *args):
    return one(s, "SELECT count(*) FROM products WHERE " + where, *args)


def lines_reported(text):
    return {int(n) for n in re.findall(r'class="import-problem" '
                                       r'data-line="(\d+)"', text)}


@test
def catalog_csv_export():
    s = adm_stack()
    adm = login(s, "admin")
    new_product(s, adm, slug="csv-formula", name="=HYPERLINK(\"http://x\")",
                sku="+41", description="-2+3\nsecond line, with a comma")
    r = adm.get("/admin/products/export")
    check(r.status == 200, "export: %r" % r)
    check(r.header("Content-Type").startswith("text/csv"), "content type")
    check("attachment" in r.header("Content-Disposition"), "a download")
    rows = r.text.split("\r\n")
    check(rows[0] == HEADER, "header row: %r" % rows[0])
    check(any(l.startswith("spotify-premium,Spotify Premium,subscription,")
              and re.search(r",1m=[0-9.]+", l) for l in rows),
          "a demo subscription with its plans")
    check("csv-formula,\"'=HYPERLINK(\"\"http://x\"\")\",physical," in r.text,
          "the formula name is neutralised: %r" % [l for l in rows
                                                  if "csv-formula" in l])
    check("\"'-2+3\nsecond line, with a comma\"" in r.text, "description")
    check(",'+41," in r.text, "the SKU is neutralised")
    # The export is the import's format: it previews as pure updates and
    # the guarded cells come back as they were.
    n = count(s, "1")
    p = send(adm, r.text.encode())
    check(p.status == 200, "preview of the export: %r %s" % (p, p.text[:800]))
    check("0 " in html.unescape(re.search(r'id="import-result"[^>]*>(.*?)</p>',
                                          p.text, re.S).group(1)), "no creation")
    check(count(s, "1") == n, "the preview wrote nothing")
    check(not lines_reported(p.text), "no problems")
    p = send(adm, r.text.encode(), mode="apply")
    check(p.status == 200, "apply the export: %r" % p)
    row = one(s, "SELECT name, sku, description FROM products WHERE slug = "
              "'csv-formula'")
    check(row == ("=HYPERLINK(\"http://x\")", "+41",
                  "-2+3\nsecond line, with a comma"), "round trip: %r" % (row,))
    check(adm.get("/admin/products").text.count("/admin/products/export") >= 1,
          "the list links the export")


GOOD = (b"slug,name,kind,price,stock,category,plans,name_fr\n"
        b"csv-lamp,CSV Lamp,physical,12.500,4,,,Lampe CSV\n"
        b"csv-tv,CSV TV,subscription,,,,1m=9.000;3m=25.000,\n")


@test
def catalog_csv_import_preview_then_apply():
    s = adm_stack()
    adm = login(s, "admin")
    r = adm.get("/admin/products/import")
    check(r.status == 200 and 'enctype="multipart/form-data"' in r.text,
          "the import form")
    r = send(adm, GOOD)
    check(r.status == 200, "preview: %r %s" % (r, r.text[:800]))
    check(count(s, "slug IN ('csv-lamp', 'csv-tv')") == 0,
          "the preview wrote nothing")
    check(re.search(r'class="import-created"><td[^>]*>2</td><td[^>]*>csv-lamp',
                    r.text) and 'CSV TV' in r.text, "the rows it would create")
    r = send(adm, GOOD, mode="apply")
    check(r.status == 200 and 'id="import-result"' in r.text, "apply: %r" % r)
    row = one(s, "SELECT name, price_minor, stock FROM products WHERE slug = "
              "'csv-lamp'")
    check(row == ("CSV Lamp", 12500, 4), "lamp: %r" % (row,))
    check(one(s, "SELECT count(*) FROM subscription_plans p JOIN products q "
              "ON q.id = p.product_id WHERE q.slug = 'csv-tv'") == 2, "plans")
    check(one(s, "SELECT t.name FROM product_text t JOIN products p ON p.id = "
              "t.product_id WHERE p.slug = 'csv-lamp' AND t.lang = 'fr'") ==
          "Lampe CSV", "French name")
    a = one(s, "SELECT actor, detail FROM audit_log WHERE action = "
            "'products_imported' ORDER BY id DESC LIMIT 1")
    check(a is not None and a[0].startswith("admin") and
          a[1] == "2 created, 0 updated", "audit: %r" % (a,))
    # Again: the same slugs are updates.
    r = send(adm, GOOD.replace(b"CSV Lamp", b"CSV Lamp 2"), mode="apply")
    check(r.status == 200 and 'class="import-updated"' in r.text, "update")
    check(count(s, "slug = 'csv-lamp' AND name = 'CSV Lamp 2'") == 1, "renamed")


BAD = (b"slug,name,kind,price,stock\n"
       b"csv-ok,Fine,physical,1,\n"
       b"Bad Slug,Bad,physical,1,\n"
       b"csv-kind,Kind,vegetable,1,\n"
       b"csv-price,Price,physical,abc,\n"
       b"csv-ok2,Fine too,physical,1,\n"
       b"csv-stock,Stock,physical,1,-3\n")


@test
def catalog_csv_import_bad_rows():
    s = adm_stack()
    adm = login(s, "admin")
    for mode in ("preview", "apply"):
        r = send(adm, BAD, mode=mode)
        check(r.status == 400, "%s: %r" % (mode, r))
        check(lines_reported(r.text) == {3, 4, 5, 7}, "lines: %r" %
              lines_reported(r.text))
        check("<code>kind</code>" in r.text and "<code>price</code>" in
              r.text, "columns named")
        check(count(s, "slug LIKE 'csv-ok%'") == 0, "nothing written")
    # Fine on its own, refused when written: the good row before it goes too.
    r = send(adm, b"slug,name,kind,price,category\n"
             b"csv-late-ok,Late,physical,1,\n"
             b"csv-late,Late,physical,1,no-such-category\n", mode="apply")
    check(r.status == 400 and lines_reported(r.text) == {3}, "late: %r" % r)
    check(count(s, "slug LIKE 'csv-late%'") == 0, "rolled back")
    r = send(adm, b"slug,name,colour\n", mode="apply")
    check(r.status == 400 and lines_reported(r.text) == {1} and
          "colour" in r.text, "bad header: %r" % r)
    r = send(adm, "slug,name,kind\ncsv-x,<script>alert(1)</script>,box\n"
              .encode(), mode="apply")
    check(r.status == 400 and "<script>alert" not in r.text, "escaped")


@test
def catalog_csv_refusals():
    s = adm_stack()
    adm, emp, anon = login(s, "admin"), login(s, "employee"), Shopper(s)
    for path in ("/admin/products/export", "/admin/products/import"):
        check(emp.get(path).status == 403, "employee GET %s" % path)
        r = anon.get(path)
        check(r.status == 303 and "/account/login" in r.header("Location"),
              "anonymous %s" % path)
    r = emp.get("/admin")
    tok = re.search(r'name="csrf-token" content="([^"]+)"', r.text).group(1)
    body, ct = multipart({"csrf": tok, "mode": "apply"},
                         [("csv", "p.csv", "text/csv", GOOD)])
    r = emp.post("/admin/products/import", raw=body, content_type=ct)
    check(r.status == 403, "employee POST: %r" % r)
    r = send(adm, GOOD.replace(b"csv-", b"csv-nocsrf-"), mode="apply",
             csrf=False)
    check(r.status == 403, "no CSRF: %r" % r)
    check(count(s, "slug LIKE 'csv-nocsrf-%'") == 0, "nothing without CSRF")
    r = send(adm, b"", mode="apply")
    check(r.status == 400 and 'id="import-error"' in r.text, "empty: %r" % r)
    r = send(adm, GOOD, mode="sideways")
    check(r.status == 400, "bad mode: %r" % r)
    big = b"slug,name,kind,description\n" + (
        b"csv-big,Big,physical," + b"x" * 1000 + b"\n") * 2200
    r = send(adm, big, mode="apply")
    check(r.status == 413 and 'id="import-error"' in r.text, "2 MB: %r" % r)
    r = send(adm, b"slug,name,kind\n" + b"y" * (9 << 20), mode="apply")
    check(r.status == 413, "over max_upload: %r" % r)
    check(count(s, "slug = 'csv-big'") == 0, "nothing from large files")
