"""The catalog in the back office through the real nginx: products
created, edited, duplicated and archived (bad input: 400 with whole
sentences, never a 500), employees refused (403) on every catalog route,
CSRF, names with markup escaped in the admin and the storefront, the
category tree refusing cycles, and images: a PNG/HTML polyglot and an
oversized picture are never served as sent (re-encoded WebP or refused)."""
import re
import struct
import time
import zlib

from harness import test, check
from shop import Shopper, hidden, one, multipart
from test_admin import adm_stack, login, csrf_of

XSS = "<script>alert(1)</script>"


def png(w, h, rgb=(200, 40, 40)):
    """A real PNG of w x h pixels of one colour."""
    def chunk(t, d):
        return (struct.pack(">I", len(d)) + t + d +
                struct.pack(">I", zlib.crc32(t + d) & 0xffffffff))
    row = b"\x00" + bytes(rgb) * w
    return (b"\x89PNG\r\n\x1a\n" +
            chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) +
            chunk(b"IDAT", zlib.compress(row * h, 9)) + chunk(b"IEND", b""))


def fields(**kw):
    f = {"name": "Test lamp", "slug": "test-lamp", "product_kind": "physical",
         "price": "12.500", "stock": "7", "active": "1"}
    f.update(kw)
    return f


def save(sh, f, page="/admin/product"):
    f = dict(f)
    f["csrf"] = csrf_of(sh, page)
    return sh.post("/admin/product/save", f)


def new_product(s, sh, **kw):
    r = save(sh, fields(**kw))
    check(r.status == 303, "create: %r %s" % (r, r.text[:500]))
    return int(re.search(r"/admin/product/(\d+)", r.header("Location")).group(1))


@test
def catalog_access():
    s = adm_stack()
    emp, adm, anon = login(s, "employee"), login(s, "admin"), Shopper(s)
    pid = new_product(s, adm, slug="access-lamp")
    for path in ("/admin/products", "/admin/product", "/admin/product/%d" % pid,
                 "/admin/categories"):
        check(emp.get(path).status == 403, "employee GET %s" % path)
        check(adm.get(path).status == 200, "admin GET %s" % path)
        r = anon.get(path)
        check(r.status == 303 and "/account/login" in r.header("Location"),
              "anonymous %s: %r" % (path, r))
    tok = csrf_of(emp, "/admin")
    for path in ("/admin/product/save", "/admin/product/act",
                 "/admin/products/bulk", "/admin/product/plan",
                 "/admin/product/image", "/admin/product/image/act",
                 "/admin/category/save"):
        r = emp.post(path, {"csrf": tok, "id": str(pid), "op": "archive",
                            "name": "x", "slug": "x", "price": "1"})
        check(r.status == 403, "employee POST %s: %r" % (path, r))
        r = adm.post(path, {"id": str(pid), "op": "archive", "name": "x",
                            "slug": "x", "price": "1"})
        check(r.status == 403, "admin POST %s without CSRF: %r" % (path, r))
    check(one(s, "SELECT active FROM products WHERE id = ?", pid) == 1,
          "nothing was archived")
    for path in ("/admin/product/999999", "/admin/product/abc",
                 "/admin/product/0", "/admin/product/%d/x" % pid):
        check(adm.get(path).status == 404, "%s is 404" % path)


@test
def catalog_create_edit_bad_input():
    s = adm_stack()
    adm = login(s, "admin")
    bad = [
        (dict(name=""), "name"),
        (dict(slug="Bad Slug!"), "catalog_slug"),
        (dict(slug="hdmi-2-1-cable-2m"), "already uses"),
        (dict(price="-3"), "price"),
        (dict(price="abc"), "price"),
        (dict(compare_at="5"), "former price"),
        (dict(product_kind="digital", stock="4"), "digital products have no stock"),
        (dict(product_kind="physical", media_type="film"), "only for digital"),
        (dict(product_kind="digital", media_type="episode", stock=""),
         "episode to a season"),
        (dict(category="999999"), "category does not exist"),
        (dict(product_kind="spaceship"), None),
        (dict(stock="-2"), None),
        (dict(name="a\nb"), None),
    ]
    before = one(s, "SELECT count(*) FROM products")
    for kw, text in bad:
        r = save(adm, fields(**kw))
        check(400 <= r.status < 500, "%r: %r" % (kw, r))
        if text and text != "catalog_slug":
            check(text.lower() in r.text.lower(), "%r: message %r in %s" %
                  (kw, text, r.text[:3000]))
    check(one(s, "SELECT count(*) FROM products") == before, "nothing saved")
    pid = new_product(s, adm, slug="edit-lamp", name_fr="Lampe à tester")
    r = save(adm, fields(id=str(pid), slug="edit-lamp-2", name="Edited lamp",
                         price="20", compare_at="25", stock="3",
                         name_fr="Lampe modifiée"), "/admin/product/%d" % pid)
    check(r.status == 303, "edit: %r %s" % (r, r.text[:500]))
    check(one(s, "SELECT slug || ' ' || name || ' ' || price_minor || ' ' || "
              "compare_at_minor || ' ' || stock FROM products WHERE id = ?",
              pid) == "edit-lamp-2 Edited lamp 20000 25000 3", "edited")
    check(one(s, "SELECT name FROM product_text WHERE product_id = ? AND "
              "lang = 'fr'", pid) == "Lampe modifiée", "French name")
    r = adm.get("/admin/product/%d" % pid)
    check("Lampe modifiée" in r.text, "the French name is in the form")
    # Unknown id on save: 404.
    r = save(adm, fields(id="999999", slug="nope-lamp"))
    check(r.status == 404, "save unknown: %r" % r)


@test
def catalog_duplicate_archive_bulk():
    s = adm_stack()
    adm = login(s, "admin")
    pid = new_product(s, adm, slug="dup-lamp")
    tok = csrf_of(adm, "/admin/product/%d" % pid)
    r = adm.post("/admin/product/act", {"csrf": tok, "id": str(pid),
                                        "op": "duplicate"})
    check(r.status == 303, "duplicate: %r" % r)
    cid = int(re.search(r"/admin/product/(\d+)", r.header("Location")).group(1))
    check(one(s, "SELECT slug || '|' || active FROM products WHERE id = ?",
              cid) == "dup-lamp-copy|0", "copy is an inactive draft")
    r = adm.post("/admin/product/act", {"csrf": tok, "id": str(pid),
                                        "op": "duplicate"})
    cid2 = int(re.search(r"/admin/product/(\d+)", r.header("Location")).group(1))
    check(one(s, "SELECT slug FROM products WHERE id = ?", cid2) ==
          "dup-lamp-copy-2", "second copy gets a free slug")
    r = adm.post("/admin/product/act", {"csrf": tok, "id": str(pid),
                                        "op": "archive"})
    check(r.status == 303 and one(s, "SELECT active FROM products WHERE id = ?",
                                  pid) == 0, "archived")
    check(Shopper(s).get("/p/dup-lamp").status == 404,
          "archived product not in the store")
    for bad in ({"op": "explode"}, {}):
        f = {"csrf": tok, "id": str(pid)}
        f.update(bad)
        check(adm.post("/admin/product/act", f).status == 400, "bad op %r" % bad)
    r = adm.post("/admin/product/act", {"csrf": tok, "id": "999999",
                                        "op": "archive"})
    check(r.status == 404, "act on unknown: %r" % r)
    cat = one(s, "SELECT id FROM categories ORDER BY id LIMIT 1")
    r = adm.post("/admin/products/bulk", {"csrf": tok, "ids": "%d, %d %d" % (
        pid, cid, cid2), "bulk": "activate"})
    check(r.status == 303, "bulk: %r" % r)
    check(one(s, "SELECT sum(active) FROM products WHERE id IN (?, ?, ?)",
              pid, cid, cid2) == 3, "bulk activated")
    r = adm.post("/admin/products/bulk", {"csrf": tok, "ids": "%d %d" % (
        pid, cid), "bulk": "move", "category": str(cat)})
    check(r.status == 303 and one(s, "SELECT count(*) FROM products WHERE "
          "category_id = ? AND id IN (?, ?)", cat, pid, cid) == 2, "moved")
    for ids in ("12x", "", "1;2"):
        r = adm.post("/admin/products/bulk", {"csrf": tok, "ids": ids,
                                              "bulk": "archive"})
        check(r.status == 400, "bulk ids %r: %r" % (ids, r))
    r = adm.post("/admin/products/bulk", {"csrf": tok, "ids": "999999",
                                          "bulk": "archive"})
    check(r.status == 404, "bulk unknown id: %r" % r)
    # List: search, filter and keyset.
    r = adm.get("/admin/products?q=dup-lamp&state=active")
    check(r.status == 200 and "dup-lamp-copy-2" in r.text, "search finds")
    r = adm.get("/admin/products?product_kind=spaceship")
    check(r.status == 400, "bad filter: %r" % r)
    r = adm.get("/admin/products?before=%d" % cid2)
    check("dup-lamp-copy-2" not in r.text, "keyset page excludes newer")


@test
def catalog_xss_escaped():
    s = adm_stack()
    adm = login(s, "admin")
    pid = new_product(s, adm, slug="xss-lamp", name=XSS + " lamp")
    for page in ("/admin/products", "/admin/product/%d" % pid):
        r = adm.get(page)
        check(XSS not in r.text and "&lt;script&gt;" in r.text,
              "escaped in %s" % page)
    r = Shopper(s).get("/p/xss-lamp")
    check(r.status == 200 and XSS not in r.text, "escaped in the store")


@test
def catalog_categories_no_cycle():
    s = adm_stack()
    adm = login(s, "admin")
    tok = csrf_of(adm, "/admin/categories")

    def cat(**f):
        f["csrf"] = tok
        return adm.post("/admin/category/save", f)
    check(cat(name="Top test", slug="top-test").status == 303, "create top")
    top = one(s, "SELECT id FROM categories WHERE slug = 'top-test'")
    check(cat(name="Child", slug="child-test", parent=str(top)).status == 303,
          "create child")
    child = one(s, "SELECT id FROM categories WHERE slug = 'child-test'")
    check(cat(name="Grandchild", slug="gc-test", parent=str(child)).status
          == 303, "create grandchild")
    gc = one(s, "SELECT id FROM categories WHERE slug = 'gc-test'")
    for parent in (top, gc, child):
        r = cat(id=str(top), name="Top test", slug="top-test",
                parent=str(parent))
        if parent == top or parent in (gc, child):
            check(r.status == 400 and "inside itself" in r.text,
                  "cycle under %d refused: %r %s" % (parent, r, r.text[:300]))
    check(one(s, "SELECT parent_id FROM categories WHERE id = ?", top) is None,
          "top did not move")
    r = cat(id=str(gc), name="Renamed", slug="gc-test", parent="0",
            position="5")
    check(r.status == 303 and one(s, "SELECT name || '|' || coalesce("
          "parent_id, 0) || '|' || position FROM categories WHERE id = ?",
          gc) == "Renamed|0|5", "renamed, moved to top, reordered")
    check(cat(name="Dup", slug="top-test").status == 400, "slug taken")
    check(cat(name="", slug="x-test").status == 400, "no name")
    check(cat(id="999999", name="X", slug="x-test").status == 404, "unknown")
    check(cat(name="Orphan", slug="orphan-test", parent="999999").status
          == 400, "unknown parent")
    r = cat(name=XSS, slug="xss-cat")
    r = adm.get("/admin/categories")
    check(XSS not in r.text, "category names escaped")


@test
def category_bar_follows_the_tree():
    """The header's category bar is a fragment kept per worker (tmpl.h):
    a new or renamed top category shows within a second, escaped, and
    the pages below it mark it."""
    s = adm_stack()
    adm = login(s, "admin")
    tok = csrf_of(adm, "/admin/categories")

    def bar(path="/"):
        r = Shopper(s).get(path + "?n=%d" % time.time_ns())
        m = re.search(r'<nav class="cats"[^>]*>(.*?)</nav>', r.text, re.S)
        check(r.status == 200 and m, "category bar on %s: %r" % (path, r))
        return m.group(1)

    check("/c/bar-test" not in bar(), "not there yet")
    check(adm.post("/admin/category/save", {
        "csrf": tok, "name": "Bar <i>test</i>", "slug": "bar-test"}).status
        == 303, "created")
    time.sleep(1.2)		# the tree is re-read once a second
    home = bar()
    check('<a href="/c/bar-test">Bar &lt;i&gt;test&lt;/i&gt;</a>' in home,
          "new category in the bar, escaped: %s" % home)
    check("aria-current" not in home, "no current category on the home page")
    cid = one(s, "SELECT id FROM categories WHERE slug = 'bar-test'")
    check(adm.post("/admin/category/save", {
        "csrf": tok, "name": "Bar child", "slug": "bar-child",
        "parent": str(cid)}).status == 303, "child created")
    time.sleep(1.2)
    own = bar("/c/bar-child")
    check('<a href="/c/bar-test" aria-current="true">' in own and
          own.count("aria-current") == 1, "its pages mark it: %s" % own)
    check("aria-current" not in bar("/c/bar-test"), "not on its own page")
    check(adm.post("/admin/category/save", {
        "csrf": tok, "id": str(cid), "name": "Bar renamed",
        "slug": "bar-test"}).status == 303, "renamed")
    time.sleep(1.2)
    check(">Bar renamed</a>" in bar() and
          'aria-current="true">Bar renamed</a>' in bar("/c/bar-child"),
          "renamed in the bar, marked below it")


def upload_image(adm, pid, data, name="pic.png", ctype="image/png", alt=""):
    tok = csrf_of(adm, "/admin/product/%d" % pid)
    body, ct = multipart({"csrf": tok, "id": str(pid), "alt": alt},
                         [("file", name, ctype, data)])
    return adm.post("/admin/product/image", raw=body, content_type=ct)


@test
def catalog_images_reencoded():
    s = adm_stack()
    adm = login(s, "admin")
    pid = new_product(s, adm, slug="img-lamp")
    poly = png(40, 30) + b"<html><script>alert(1)</script></html>"
    r = upload_image(adm, pid, poly, alt="A red " + XSS)
    check(r.status == 303, "polyglot re-encoded: %r %s" % (r, r.text[:300]))
    path = one(s, "SELECT image FROM products WHERE id = ?", pid)
    check(re.fullmatch(r"/media/p/[0-9a-f]{32}-640\.webp", path or ""),
          "random name: %r" % path)
    for size in (320, 640, 1280):
        r = Shopper(s).get(path.replace("-640.", "-%d." % size))
        check(r.status == 200, "served %d: %r" % (size, r))
        check(r.body[:4] == b"RIFF" and r.body[8:12] == b"WEBP",
              "a WebP file")
        check(b"<script" not in r.body and r.body != poly, "not as sent")
    # Oversized: 10000 x 10000 declared is refused before any decoding.
    big = png(1, 1)
    big = big[:16] + struct.pack(">II", 10000, 10000) + big[24:]
    r = upload_image(adm, pid, big)
    check(r.status in (413, 415), "oversized refused: %r" % r)
    # A large real picture is shrunk.
    r = upload_image(adm, pid, png(2000, 1500, (10, 120, 200)))
    check(r.status == 303, "large re-encoded: %r" % r)
    check(one(s, "SELECT count(*) FROM product_images WHERE product_id = ?",
              pid) == 2, "two images")
    for data, ct in ((b"<html>hello</html>", "image/png"),
                     (b"GIF89a" + b"\x00" * 40, "image/gif"), (b"", "image/png")):
        r = upload_image(adm, pid, data, ctype=ct)
        check(r.status in (400, 415), "refused %r: %r" % (data[:10], r))
    r = adm.get("/admin/product/%d" % pid)
    check(XSS not in r.text, "alt escaped")
    # Order and removal.
    ids = [int(x) for x in re.findall(r'name="image" value="(\d+)"', r.text)]
    check(len(ids) == 2, "two image forms")
    tok = csrf_of(adm, "/admin/product/%d" % pid)
    r = adm.post("/admin/product/image/act", {"csrf": tok, "id": str(pid),
                 "image": str(ids[1]), "image_op": "up", "alt": "Blue"})
    check(r.status == 303, "move up: %r" % r)
    first = one(s, "SELECT id FROM product_images WHERE product_id = ? "
                "ORDER BY position, id LIMIT 1", pid)
    check(first == ids[1], "order changed")
    r = adm.post("/admin/product/image/act", {"csrf": tok, "id": str(pid),
                 "image": str(ids[0]), "image_op": "delete"})
    check(r.status == 303 and one(s, "SELECT count(*) FROM product_images "
          "WHERE product_id = ?", pid) == 1, "removed")
    r = adm.post("/admin/product/image/act", {"csrf": tok, "id": str(pid),
                 "image": "999999", "image_op": "delete"})
    check(r.status == 404, "unknown image: %r" % r)
    # The store shows it on the product page and the cards.
    r = Shopper(s).get("/p/img-lamp")
    shown = one(s, "SELECT image FROM products WHERE id = ?", pid)
    check(shown in r.text, "image on the product page")
