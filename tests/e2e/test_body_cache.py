"""The catalog workers' page cache (lib/site/body_cache.h, docs/
performance.md "Worker-side page cache") through the real nginx with
page_cache = 0, so every page comes from a worker: a kept page is the page,
every change staff or an order make to what it shows is there at the next
request, and no visitor ever gets another's CSRF token, cart count or
logged-in header."""
import re
import time

import harness
from harness import test, check
from mailtest import Stacks
from shop import Shopper, hidden, one, execute, order_token, ADDRESS
from staff import add_staff, login

stacks = Stacks()
SLUG = "hdmi-2-1-cable-2m"      # a physical demo product with stock
# One catalog worker: which of several answers a request is nginx's
# choice, so "every worker kept it" could not be proven; what one worker
# keeps and drops is what each does.  The admin, cart and checkout are
# other processes, as in production.
WORKERS = 1
TOKEN = re.compile(r'<meta name="csrf-token" content="([^"]+)">')
COUNT = re.compile(r'data-cart-count>(\d+)</span>')


def body_stack():
    def make():
        s = harness.Stack(env={"SOUK_PAGE_CACHE": "0"}, workers=WORKERS)
        s.start()
        return add_staff(s)
    return stacks.get("body", make)


def cat_of(s, slug=SLUG):
    """The slug of slug's category."""
    return one(s, "SELECT c.slug FROM products p JOIN categories c ON "
               "c.id = p.category_id WHERE p.slug = ?", slug)


def pages(sh, path, n=3 * WORKERS):
    """n answers to GET path, each checked 200; their bodies."""
    out = []
    for _ in range(n):
        r = sh.get(path)
        check(r.status == 200, "%s: %r" % (path, r))
        out.append(r.text)
    return out


def quietly(s, sql, *args):
    """Runs a write by hand and puts catalog_version back: the pages'
    version does not move, so a kept page stays what it was.  IMMEDIATE:
    a deferred transaction whose snapshot a worker's write made stale
    fails at once (SQLITE_BUSY_SNAPSHOT), past any busy timeout."""
    c = harness_db(s)
    try:
        c.execute("BEGIN IMMEDIATE")
        v = c.execute("SELECT n FROM catalog_version").fetchone()[0]
        c.execute(sql, args)
        c.execute("UPDATE catalog_version SET n = ?", (v,))
        c.execute("COMMIT")
    finally:
        c.close()


def harness_db(s):
    import sqlite3
    return sqlite3.connect(s.env["SOUK_DB_PATH"], timeout=30,
                           isolation_level=None)


def admin_save(adm, pid, **kw):
    """Saves product pid through /admin/product/save with its current
    values and kw over them."""
    s = adm.s
    row = one(s, "SELECT slug, name, kind, price_minor, stock, "
              "coalesce(category_id, 0) FROM products WHERE id = ?", pid)
    f = {"id": str(pid), "slug": row[0], "name": row[1],
         "product_kind": row[2], "price": "%d.%03d" % divmod(row[3], 1000),
         "stock": "" if row[4] is None else str(row[4]), "active": "1",
         "category": str(row[5])}
    f.update(kw)
    page = adm.get("/admin/product/%d" % pid)
    check(page.status == 200, "product form: %r" % page)
    f["csrf"] = hidden(page.text, "csrf")
    r = adm.post("/admin/product/save", f)
    check(r.status == 303, "save %r: %r %s" % (kw, r, r.text[:400]))


@test
def a_kept_page_is_served_until_the_version_moves():
    """Served from the workers' tables: a name changed by hand with the
    catalog version put back is not seen; the same change with the
    version moving is, at once, on the product and the category page."""
    s = body_stack()
    anon = Shopper(s)
    cat = "/c/" + cat_of(s)
    time.sleep(1.2)     # the header's once-a-second caches catch up
    first = pages(anon, "/p/" + SLUG) + pages(anon, cat)
    pid = one(s, "SELECT id FROM products WHERE slug = ?", SLUG)
    old = one(s, "SELECT name FROM products WHERE id = ?", pid)
    quietly(s, "UPDATE products SET name = 'Quiet Cable' WHERE id = ?", pid)
    again = pages(anon, "/p/" + SLUG) + pages(anon, cat)
    check(all("Quiet Cable" not in t for t in again),
          "a page was rendered again though the version did not move")
    check(again == first, "kept pages differ from the first ones")
    execute(s, "UPDATE products SET name = ? WHERE id = ?", "Loud Cable", pid)
    for t in pages(anon, "/p/" + SLUG) + pages(anon, cat):
        check("Loud Cable" in t and "Quiet Cable" not in t,
              "the new name is not on every page at once")
    execute(s, "UPDATE products SET name = ? WHERE id = ?", old, pid)


@test
def a_page_served_twice_is_the_same_page():
    """Kept pages are byte for byte what a rendering gives: anonymous,
    with a cart, logged in, in French, HEAD as GET."""
    s = body_stack()
    cat = "/c/" + cat_of(s)
    cart = Shopper(s)
    check(cart.add(SLUG).status in (200, 303), "added")
    who = [Shopper(s), cart, login(s, "customer")]
    for sh in who:
        for path in ("/p/" + SLUG, cat, cat + "?sort=price", "/p/%s/reviews"
                     % SLUG, "/p/" + SLUG + "?lang=fr"):
            got = pages(sh, path)
            check(len(set(got)) == 1, "%s differs between requests" % path)
    r = s.request("HEAD", "/p/" + SLUG)
    g = s.get("/p/" + SLUG)
    check(r.status == 200 and r.body == b"" and r.header("Content-Length")
          == g.header("Content-Length"), "HEAD: %r %s" % (
              r, r.header("Content-Length")))


@test
def a_visitor_never_gets_anothers_header():
    """Two carts and a logged-in customer take turns on the same pages:
    each sees their own token and count in every page, never the
    other's; an anonymous visitor sees no token and 0; the customer's
    header and product page are theirs."""
    s = body_stack()
    cat = "/c/" + cat_of(s)
    a, b, anon = Shopper(s), Shopper(s), Shopper(s)
    a.add(SLUG)
    b.add(SLUG, qty=2)
    b.add("the-last-caravan-film")
    cust = login(s, "customer")
    tok = {}
    for name, sh in (("a", a), ("b", b), ("c", cust)):
        m = TOKEN.search(sh.get(cat).text)
        check(m, "%s has a token" % name)
        tok[name] = m.group(1)
    check(len(set(tok.values())) == 3, "three different tokens")
    want = {"a": "1", "b": "3", "c": "0"}
    time.sleep(1.2)     # pages are kept from now on (kept())
    for _ in range(3):
        for path in (cat, "/p/" + SLUG):
            for name, sh in (("a", a), ("b", b), ("c", cust), ("-", anon)):
                t = sh.get(path).text
                seen = TOKEN.findall(t)
                count = COUNT.search(t).group(1)
                if name == "-":
                    check(seen == [] and count == "0" and 'id="login-link"'
                          in t, "anonymous header on %s: %r %s" % (
                              path, seen, count))
                    check('id="wish-add"' not in t, "a customer's wishlist "
                          "form on an anonymous page")
                    continue
                check(seen == [tok[name]], "%s on %s: tokens %r" % (
                    name, path, seen))
                check(count == want[name], "%s on %s: count %s" % (
                    name, path, count))
                for other, v in tok.items():
                    check(other == name or v not in t,
                          "%s's token on %s's page" % (other, name))
                check(('id="account-link"' in t) == (name == "c") and
                      ('id="login-link"' in t) == (name != "c"),
                      "%s's account link on %s" % (name, path))
                if name == "c" and path.startswith("/p/"):
                    check('id="wish-add"' in t and hidden(t, "csrf") ==
                          tok["c"], "the customer's own product page")


SOLD_OUT = '<p class="availability"><span class="stock out">'


def card(t, slug):
    """The HTML of slug's card on a listing page (checked there)."""
    m = re.search(r'<li class="card">\s*<a href="/p/%s">.*?</li>' %
                  re.escape(slug), t, re.S)
    check(m, "no card of %s on the page" % slug)
    return m.group(0)


def kept(s, anon, paths, slug=SLUG):
    """Makes every worker keep each of paths, and proves it: after the
    once-a-second caches (header, footer, counts) caught up with the
    catalog version (a page using older ones is not kept), the pages are
    fetched, then slug's name is changed by hand with the version put
    back, which no kept page shows; the name is then put back the same
    way."""
    time.sleep(1.2)
    for p in paths:
        pages(anon, p)
    name = one(s, "SELECT name FROM products WHERE slug = ?", slug)
    quietly(s, "UPDATE products SET name = name || ' (quiet)' WHERE slug "
            "= ?", slug)
    for p in paths:
        check(all(" (quiet)" not in t for t in pages(anon, p)),
              "%s was not kept" % p)
    quietly(s, "UPDATE products SET name = ? WHERE slug = ?", name, slug)



@test
def parameters_a_page_never_reads_share_its_entry():
    """The key holds what the page reads of the query, not the query
    string: with a tracking parameter, a cache-buster or its parameters
    in another order, a kept page is served from its entry (a name
    changed by hand with the version put back is not seen); a parameter
    it reads (another sort) is a page of its own, rendered (the change
    is seen)."""
    s = body_stack()
    anon = Shopper(s)
    cat = "/c/" + cat_of(s)
    time.sleep(1.2)     # the header's once-a-second caches catch up
    first = pages(anon, cat + "?sort=price&page=1")
    name = one(s, "SELECT name FROM products WHERE slug = ?", SLUG)
    check(name in first[0], "the product is on the page")
    quietly(s, "UPDATE products SET name = name || ' (quiet)' WHERE slug "
            "= ?", SLUG)
    try:
        for q in ("?page=1&sort=price", "?sort=price&page=1&utm_source=x",
                  "?fbclid=1&sort=price&page=1&_=123&sort=name"):
            check(pages(anon, cat + q) == first,
                  "%s was not served from the page's entry" % q)
        t = pages(anon, cat + "?sort=name&page=1")[0]
        check(name + " (quiet)" in t, "another sort shared the entry")
    finally:
        quietly(s, "UPDATE products SET name = ? WHERE slug = ?", name,
                SLUG)

def changed(s, anon, paths, what, before, after):
    """Every worker answers each of paths with `after` in it and without
    `before` (when not None)."""
    for p in paths:
        for t in pages(anon, p):
            check(after in t and (before is None or before not in t),
                  "%s: %s not shown at once on %s" % (what, after, p))


@test
def staff_changes_show_at_the_next_request():
    """Price, name, stock through the admin; a category renamed; a review
    approved; the store's name: each is on the kept pages at the next
    request of every worker."""
    s = body_stack()
    adm = login(s, "admin")
    anon = Shopper(s)
    pid = one(s, "SELECT id FROM products WHERE slug = ?", SLUG)
    cslug = cat_of(s)
    prod, cat = "/p/" + SLUG, "/c/" + cslug
    both = (prod, cat)
    kept(s, anon, both)
    admin_save(adm, pid, price="23.450")
    changed(s, anon, both, "price", None, "23.450")
    kept(s, anon, both)
    admin_save(adm, pid, name="Cable renamed by staff")
    changed(s, anon, both, "name", None, "Cable renamed by staff")
    kept(s, anon, both)
    admin_save(adm, pid, stock="0")
    changed(s, anon, (prod,), "stock", None, SOLD_OUT)
    for t in pages(anon, cat):
        check('class="stock out"' in card(t, SLUG), "card not sold out")
    kept(s, anon, both)
    admin_save(adm, pid, stock="7")
    changed(s, anon, (prod,), "stock back", SOLD_OUT, "In stock")
    # The category's own name (its page; the header's bar is re-read
    # once a second).
    cid = one(s, "SELECT id FROM categories WHERE slug = ?", cslug)
    page = adm.get("/admin/categories")
    r = adm.post("/admin/category/save", {
        "csrf": hidden(page.text, "csrf"), "id": str(cid), "slug": cslug,
        "name": "Renamed aisle", "parent": str(one(
            s, "SELECT coalesce(parent_id, 0) FROM categories WHERE id = ?",
            cid))})
    check(r.status == 303, "category saved: %r %s" % (r, r.text[:300]))
    changed(s, anon, (cat,), "category", None, "<h1>Renamed aisle</h1>")
    kept(s, anon, (cat,))
    execute(s, "UPDATE categories SET name = 'Aisle by hand' WHERE id = ?",
            cid)
    changed(s, anon, (cat,), "category by hand", None,
            "<h1>Aisle by hand</h1>")
    # A review waiting for moderation, approved by staff.
    s.ctl("user", "add", "--email", "writer@example.com", "--name",
          "Rita Writer", "--role", "customer")
    uid = one(s, "SELECT id FROM users WHERE email = 'writer@example.com'")
    execute(s, "INSERT INTO posts(kind, product_id, user_id, rating, body, "
            "status, held, created_at, updated_at) VALUES ('review', ?, ?, "
            "5, 'Kept pages never lie', 'pending', 'moderation', 1, 1)",
            pid, uid)
    rid = one(s, "SELECT id FROM posts WHERE user_id = ?", uid)
    check(all("Kept pages never lie" not in t for t in pages(anon, prod)),
          "a pending review is shown")
    kept(s, anon, both)
    page = adm.get("/admin/reviews")
    r = adm.post("/admin/reviews/act", {"id": str(rid), "do": "approve",
                                        "csrf": hidden(page.text, "csrf")})
    check(r.status == 303, "approved: %r" % r)
    changed(s, anon, (prod,), "review", None, "Kept pages never lie")
    kept(s, anon, both)
    # The store's name, a setting.
    page = adm.get("/admin/settings")
    r = adm.post("/admin/settings/save", {
        "csrf": hidden(page.text, "csrf"), "setting": "store_name",
        "value": "Kept Bazaar", "action": "save"})
    check(r.status == 303, "setting saved: %r" % r)
    changed(s, anon, both, "store name", "Souk Test", "Kept Bazaar")


@test
def an_order_taking_the_last_unit_shows_sold_out_at_once():
    """Stock changed by a shopper's order (checkout), not by staff: the
    product page and its category's card say sold out at the next
    request."""
    s = body_stack()
    slug = "mi-box-s-2"
    check(one(s, "SELECT count(*) FROM products WHERE slug = ?", slug) == 1,
          "demo product %s" % slug)
    execute(s, "UPDATE products SET stock = 1 WHERE slug = ?", slug)
    anon = Shopper(s)
    prod, cat = "/p/" + slug, "/c/" + cat_of(s, slug)
    for t in pages(anon, prod):
        check(SOLD_OUT not in t, "in stock before the order")
    for t in pages(anon, cat):
        check('class="stock out"' not in card(t, slug), "card sold out")
    buyer = Shopper(s)
    check(buyer.add(slug).status in (200, 303), "added")
    kept(s, anon, (prod, cat), slug)
    f = dict(ADDRESS)
    f["email"] = "last-unit@example.com"
    order_token(buyer.place(f))
    check(one(s, "SELECT stock FROM products WHERE slug = ?", slug) == 0,
          "the order took the last unit")
    changed(s, anon, (prod,), "sold out", None, SOLD_OUT)
    for t in pages(anon, cat):
        check('class="stock out"' in card(t, slug),
              "the category's card is not sold out")


@test
def body_cache_zero_renders_every_page():
    """body_cache = 0 (souk.conf; what make bench's '-rendered' lines
    use): nothing is kept, so a change made with the version put back
    shows at once."""
    with harness.Stack(env={"SOUK_PAGE_CACHE": "0", "SOUK_BODY_CACHE": "0"},
                       workers=1) as s:
        s.start()
        anon = Shopper(s)
        pages(anon, "/p/" + SLUG)
        pid = one(s, "SELECT id FROM products WHERE slug = ?", SLUG)
        quietly(s, "UPDATE products SET name = 'Quiet Cable' WHERE id = ?",
                pid)
        check(all("Quiet Cable" in t for t in pages(anon, "/p/" + SLUG)),
              "a page was kept with body_cache = 0")


@test
def a_restore_drops_every_kept_page():
    """soukctl restore copies another file's pages in, and no trigger runs:
    even when the backup's catalog version equals the live one, the
    restore moves the version past both, so a running worker shows the
    restored catalog at its next answer rather than what it kept."""
    import sqlite3
    with harness.Stack(env={"SOUK_PAGE_CACHE": "0"}, workers=1) as s:
        s.start()
        anon = Shopper(s)
        kept(s, anon, ["/p/" + SLUG])
        backup = s.dir + "/edited-backup.db"
        s.ctl("backup", backup)
        live = one(s, "SELECT n FROM catalog_version")
        c = sqlite3.connect(backup, isolation_level=None)
        c.execute("UPDATE products SET name = 'Restored Cable' WHERE slug "
                  "= ?", (SLUG,))
        c.execute("UPDATE catalog_version SET n = ?", (live,))
        c.close()
        s.ctl("restore", backup)
        check(one(s, "SELECT n FROM catalog_version") > live,
              "the version did not move past the live one")
        check(all("Restored Cable" in t for t in pages(anon, "/p/" + SLUG)),
              "a page kept before the restore was served after it")


@test
def zz_stop_body_stacks():
    reports = stacks.stop_all()
    check(not reports, "sanitizer reports:\n" + "\n".join(reports)[:3000])
