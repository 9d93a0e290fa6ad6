"""Digital delivery (docs/delivery.md): files added with soukctl media add
outside htdocs, entitlements granted when an order is paid and revoked by
a refund, series and seasons covering their episodes (added later too),
and /download/<token>: bytes through nginx's internal location (the
worker sends none), Range, the refusal page for forged, expired, other
customers' and revoked links, limits under 20 parallel downloads, plain
CGI streaming, and a bare page that sets no cookie and looks up no
session."""
import os
import re
import threading
import time
import urllib.parse

import harness
from harness import Stack, test, check
from shop import Shopper, db, one, order_token
from test_modes import fcgi

FILM = "the-last-caravan-film"
SEASON = "carthage-code-s1"


def store(env=None):
    e = {"SOUK_DOWNLOAD_LIMIT": "3", "SOUK_TEST_CLOCK": "1"}
    e.update(env or {})
    return Stack(env=e).start()


def add_file(s, slug, data, name):
    path = os.path.join(s.dir, name)
    with open(path, "wb") as f:
        f.write(data)
    out = s.ctl("media", "add", path, "--product", slug).stdout
    m = re.match(r"file (\d+):", out)
    check(m, "media add: %r" % out)
    return int(m.group(1))


def buy(s, *slugs, email="amira@example.com"):
    """Places and pays an order for slugs; returns (order id, token)."""
    b = Shopper(s)
    for slug in slugs:
        check(b.add(slug).status == 303, "add " + slug)
    tok = order_token(b.place({"email": email}))
    oid = one(s, "SELECT id FROM orders WHERE token = ?", tok)
    s.ctl("order", "set", str(oid), "paid")
    return oid, tok


def ent_of(s, oid, slug):
    return one(s, "SELECT e.id FROM entitlements e JOIN products p ON "
               "p.id = e.product_id WHERE e.order_id = ? AND p.slug = ?",
               oid, slug)


def link(s, ent, file, env=None):
    e = dict(s.env)
    e.update(env or {})
    saved, s.env = s.env, e
    try:
        url = s.ctl("entitlement", "link", str(ent), str(file)).stdout.strip()
    finally:
        s.env = saved
    check(url.startswith(s.base + "/download/"), "link: %r" % url)
    return url[len(s.base):]


def refused(r, why):
    check(r.status == 403, "want 403, got %d" % r.status)
    check("does not work" in r.text and "fresh link" in r.text,
          "friendly page: %r" % r.text[:300])
    check(why in r.text, "reason %r missing: %r" % (why, r.text[:400]))


@test
def paid_order_entitles_and_nginx_serves_the_file():
    with store() as s:
        data = os.urandom(300000)
        fid = add_file(s, FILM, data, "caravan.mp4")
        stored = one(s, "SELECT stored_name FROM media_files WHERE id = ?", fid)
        dl = os.path.join(s.env["SOUK_DATA_DIR"], "downloads", stored)
        check(os.path.isfile(dl), "stored under data_dir/downloads")
        check(not any(stored in f for _, _, fs in os.walk(
            os.path.join(harness.ROOT, "htdocs")) for f in fs), "not htdocs")
        b = Shopper(s)
        b.add(FILM)
        tok = order_token(b.place())
        oid = one(s, "SELECT id FROM orders WHERE token = ?", tok)
        check(one(s, "SELECT count(*) FROM entitlements") == 0,
              "nothing before payment")
        s.ctl("order", "set", str(oid), "paid")
        ent = ent_of(s, oid, FILM)
        check(ent, "entitlement after payment")
        path = link(s, ent, fid)
        r = s.get(path)
        check(r.status == 200 and r.body == data, "bytes through nginx: %r" % r)
        check(r.header("Content-Type") == "video/mp4", r.header("Content-Type"))
        cd = r.header("Content-Disposition")
        check(cd == "attachment; filename=\"The Last Caravan.mp4\"; "
              "filename*=UTF-8''The%20Last%20Caravan.mp4", cd)
        check(r.header("Set-Cookie") is None, "no cookie")
        # Range is nginx's, on the same link (counts once).
        r = s.get(path, headers={"Range": "bytes=1000-1999"})
        check(r.status == 206 and r.body == data[1000:2000], "range %r" % r)
        check(one(s, "SELECT count(*), sum(requests) FROM downloads") ==
              (1, 2), "one download, two requests")
        # The worker answers with the redirect only, never the bytes.
        w = fcgi(os.path.join(s.dir, "run", "sock", "download.sock"),
                 urllib.parse.unquote(path))
        check(w.header("X-Accel-Redirect") == "/_souk_downloads/" + stored,
              "X-Accel-Redirect: %r" % w.headers)
        check(w.body == b"", "worker body: %d bytes" % len(w.body))
        # The internal location is not reachable from outside.
        check(s.get("/_souk_downloads/" + stored).status == 404, "internal")


@test
def series_and_season_cover_their_episodes_even_added_later():
    with store() as s:
        ep = add_file(s, SEASON + "e01", b"episode one", "e01.mkv")
        oid, _ = buy(s, SEASON)
        ent = ent_of(s, oid, SEASON)
        check(s.get(link(s, ent, ep)).body == b"episode one", "episode 1")
        # A new episode of the season, after the purchase.
        c = db(s)
        season = c.execute("SELECT id, category_id FROM products WHERE slug = ?",
                           (SEASON,)).fetchone()
        c.execute("INSERT INTO products(slug, name, kind, media_type, "
                  "category_id, parent_id, position, price_minor, created_at, "
                  "updated_at) VALUES ('carthage-code-s1e99', 'Bonus', "
                  "'digital', 'episode', ?, ?, 99, 1000, 0, 0)",
                  (season[1], season[0]))
        c.close()
        late = add_file(s, "carthage-code-s1e99", b"bonus bytes", "bonus.mkv")
        check(s.get(link(s, ent, late)).body == b"bonus bytes", "later episode")
        # A file of another season is not covered.
        other = add_file(s, "carthage-code-s2e01", b"s2", "s2.mkv")
        p = s.ctl("entitlement", "link", str(ent), str(other), check_rc=False)
        check(p.returncode == 1 and "does not cover" in p.stderr, p.stderr)


@test
def forged_expired_other_and_revoked_links_get_the_friendly_page():
    with store() as s:
        fid = add_file(s, FILM, b"film bytes", "film.mp4")
        a, _ = buy(s, FILM, email="a@example.com")
        bo, _ = buy(s, FILM, email="b@example.com")
        ea, eb = ent_of(s, a, FILM), ent_of(s, bo, FILM)
        good = link(s, ea, fid)
        head, sig = good.rsplit(".", 1)
        forged = head + "." + ("A" if sig[0] != "A" else "B") + sig[1:]
        refused(s.get(forged), "not one of ours")
        # Customer A's link pointed at customer B's purchase.
        other = good.replace("/download/%d." % ea, "/download/%d." % eb, 1)
        refused(s.get(other), "not one of ours")
        # Made two days ago: past download_link_ttl.
        old = link(s, ea, fid, {"SOUK_NOW": str(int(time.time()) - 172800)})
        refused(s.get(old), "expired")
        check(s.get("/download/nonsense").status == 404, "malformed")
        check(s.get(good).body == b"film bytes", "the real link works")
        s.ctl("order", "set", str(a), "refunded")
        check(one(s, "SELECT revoke_reason FROM entitlements WHERE id = ?",
                  ea) == "refunded", "revoked by the refund")
        refused(s.get(good), "refunded or cancelled")
        check(s.get(link(s, eb, fid)).status == 200, "B still downloads")


@test
def limits_hold_under_20_parallel_downloads():
    with store() as s:
        fid = add_file(s, FILM, os.urandom(50000), "film.mp4")
        oid, _ = buy(s, FILM)
        ent = ent_of(s, oid, FILM)
        links = [link(s, ent, fid) for _ in range(20)]
        out = [None] * 20
        gate = threading.Barrier(20)

        def go(i):
            gate.wait()
            out[i] = s.get(links[i]).status
        ts = [threading.Thread(target=go, args=(i,)) for i in range(20)]
        for t in ts:
            t.start()
        for t in ts:
            t.join()
        check(out.count(200) == 3 and out.count(403) == 17, "statuses %r" % out)
        check(one(s, "SELECT count(*) FROM downloads") == 3, "3 logged")
        refused(s.get(links[0] if out[0] == 403 else links[out.index(403)]),
                "as many times")


@test
def plain_cgi_streams_the_file_with_range():
    with store({"SOUK_DOWNLOAD_HANDOFF": "stream"}) as s:
        data = bytes(range(256)) * 100
        fid = add_file(s, FILM, data, "film.mp4")
        oid, _ = buy(s, FILM)
        path = urllib.parse.unquote(link(s, ent_of(s, oid, FILM), fid))
        r = harness.cgi("download", path, stack_env=s.env)
        check(r.status == 200 and r.body == data, "whole file %r" % r)
        check(r.header("Content-Length") == str(len(data)), "length")
        r = harness.cgi("download", path, stack_env=s.env,
                        env={"HTTP_RANGE": "bytes=100-"})
        check(r.status == 206 and r.body == data[100:], "range %r" % r)
        check(r.header("Content-Range") == "bytes 100-%d/%d" %
              (len(data) - 1, len(data)), r.header("Content-Range"))
        r = harness.cgi("download", path, stack_env=s.env,
                        env={"HTTP_RANGE": "bytes=-10"})
        check(r.status == 206 and r.body == data[-10:], "suffix %r" % r)
        r = harness.cgi("download", path, stack_env=s.env,
                        env={"HTTP_RANGE": "bytes=999999-"})
        check(r.status == 416, "unsatisfiable %r" % r)


@test
def bare_page_sets_no_cookie_and_looks_up_no_session():
    s = harness.stack()
    bogus = {"Cookie": "souk_sess=" + "A" * 43 + "; souk_cart=" + "B" * 24}
    # A page with the layout looks the session up and clears a bad one.
    r = s.get("/contact", headers=bogus)
    check(any("souk_sess=;" in c or "souk_sess=" in c and "Max-Age=0" in c
              for c in r.headers_all("Set-Cookie")), "contact clears it")
    for headers in (None, bogus):
        r = s.get("/download/1.1.1.AAAAAAAAAAAA." + "A" * 43, headers=headers)
        check(r.status == 403, "status %d" % r.status)
        check(r.headers_all("Set-Cookie") == [], "cookies %r" %
              r.headers_all("Set-Cookie"))
        check("souk_csrf" not in r.text and 'name="csrf' not in r.text,
              "no CSRF token")
        check("Cache-Control" in dict(r.headers) and
              "no-store" in r.header("Cache-Control"), "not cached")


def customer(s, email):
    """A verified customer (soukctl user add) signed in; the Shopper."""
    pw = "tangerine-orbit-42"
    s.ctl("user", "add", "--email", email, "--stdin", input=pw + "\n")
    from shop import hidden
    b = Shopper(s)
    r = b.get("/account/login")
    r = b.post("/account/login", {"email": email, "password": pw,
                                  "csrf": hidden(r.text, "csrf")})
    check(r.status == 303, "login %r %s" % (r, r.text[:200]))
    return b


def links_in(text):
    return re.findall(r'href="(/download/[^"]+)"', text)


@test
def library_lists_series_by_season_and_the_product_page_knows():
    with store() as s:
        e1 = add_file(s, SEASON + "e01", b"ep1", "e01.mkv")
        e2 = add_file(s, SEASON + "e02", b"ep2", "e02.mkv")
        add_file(s, FILM, b"film", "film.mp4")
        b = customer(s, "lina@example.com")
        r = b.get("/account/library")
        check(r.status == 200 and "acct-empty" in r.text, "empty library")
        check(b.add(SEASON).status == 303, "add")
        tok = order_token(b.place({"email": "lina@example.com"}))
        oid = one(s, "SELECT id FROM orders WHERE token = ?", tok)
        s.ctl("order", "set", str(oid), "paid")
        r = b.get("/account/library")
        t = r.text
        check(r.status == 200 and "Carthage Code" in t and
              'class="lib-season"' in t, "headings: %s" % t[:2000])
        check(t.index("S1E01") < t.index("S1E02"), "episode order")
        check("The Last Caravan" not in t, "only what was bought")
        ls = links_in(t)
        check(len(ls) == 2, "two links %r" % ls)
        check(s.get(ls[0]).body == b"ep1" and s.get(ls[1]).body == b"ep2",
              "both download")
        check(len(set(links_in(b.get("/account/library").text)) & set(ls))
              == 0, "fresh links on each visit")
        p = b.get("/p/" + SEASON + "e02")
        check("in-library" in p.text and 'action="/cart/add"' not in p.text,
              "product page says in your library")
        p = b.get("/p/" + FILM)
        check("in-library" not in p.text, "not owned")
        check("in-library" not in s.get("/p/" + SEASON).text, "anonymous")
        check(e1 and e2, "files")


@test
def guest_downloads_from_the_order_page():
    with store() as s:
        add_file(s, FILM, b"guest film", "film.mp4")
        b = Shopper(s)
        b.add(FILM)
        tok = order_token(b.place())
        check(links_in(b.get("/order/" + tok).text) == [], "none before paid")
        oid = one(s, "SELECT id FROM orders WHERE token = ?", tok)
        s.ctl("order", "set", str(oid), "paid")
        # Anyone holding the order link (the confirmation mail) downloads.
        ls = links_in(Shopper(s).get("/order/" + tok).text)
        check(len(ls) == 1 and s.get(ls[0]).body == b"guest film", ls)
        s.ctl("order", "set", str(oid), "refunded")
        check(links_in(s.get("/order/" + tok).text) == [], "gone after refund")
