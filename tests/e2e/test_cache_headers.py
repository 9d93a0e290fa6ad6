"""The headers of micro-cached pages (issue 16): the cached locations add
the constant security headers themselves (souk-cache.conf) and the
programs leave them out there (SOUK_HEADERS_ADDED), so that nginx's stored
copy is short.  What a client receives must not change: a hit carries the
headers of the first miss, which are the program's own; every other
response keeps exactly one of each."""
import os

import harness
import shop
from harness import Stack, test, check

SECURITY = ("Content-Security-Policy", "X-Content-Type-Options",
            "X-Frame-Options", "Referrer-Policy")
# What a hit must repeat from its miss (and Strict-Transport-Security,
# which never moves: nginx does not know the store's scheme).
KEPT = SECURITY + ("Content-Type", "Content-Length", "Content-Encoding",
                   "Cache-Control", "Vary", "Strict-Transport-Security")
GZIP = {"Accept-Encoding": "gzip, deflate, br"}


def headers_of(r, names):
    return {n: r.headers_all(n) for n in names}


def own_headers(s, program, path, gzip=False):
    """The page's headers as the program sends them when no web server
    adds any (FastCGI straight to its socket, as Apache would ask)."""
    sock = os.path.join(s.dir, "run", "sock", program + ".sock")
    uri, _, query = path.partition("?")
    return harness.fcgi_request(sock, {
        "REQUEST_METHOD": "GET", "DOCUMENT_URI": uri, "REQUEST_URI": path,
        "QUERY_STRING": query, "REMOTE_ADDR": "127.0.0.1",
        "SOUK_CACHE_LANG": "", "SOUK_CACHE_GZIP": "gzip" if gzip else ""})


def one_of_each(r, what):
    for n in SECURITY:
        check(len(r.headers_all(n)) == 1, "%s: %s %r" %
              (what, n, r.headers_all(n)))


@test
def a_cached_hit_has_the_headers_of_its_miss_and_of_the_program():
    # A minute of cache: the miss and the hit cannot straddle an expiry.
    with Stack(env={"SOUK_PAGE_CACHE": "60"}) as s:
        s.start()
        for program, path, hdr in (
                ("catalog", "/", {}),
                ("catalog", "/c/music", {}),
                ("catalog", "/c/music", GZIP),
                ("catalog", "/p/iptv-gold-4k", {}),
                ("catalog", "/search?q=iptv", {}),
                ("catalog", "/p/no-such-product", {}),
                ("pages", "/faq", {})):
            what = "%s %r" % (path, hdr)
            miss = s.get(path, hdr)
            hit = s.get(path, hdr)
            check(miss.header("X-Cache") == "MISS" and
                  hit.header("X-Cache") == "HIT", "%s: X-Cache %r then %r" %
                  (what, miss.header("X-Cache"), hit.header("X-Cache")))
            check(hit.status == miss.status and hit.body == miss.body,
                  "%s: the hit differs from the miss" % what)
            one_of_each(hit, what)
            check(headers_of(hit, KEPT) == headers_of(miss, KEPT),
                  "%s: hit %r, miss %r" % (what, headers_of(hit, KEPT),
                                          headers_of(miss, KEPT)))
            own = own_headers(s, program, path, gzip=bool(hdr))
            check(own.status == miss.status, "%s: own status %d" %
                  (what, own.status))
            for n in SECURITY + ("Cache-Control", "Vary", "Content-Encoding"):
                check(own.headers_all(n) == hit.headers_all(n),
                      "%s: the program sends %s %r, nginx %r" %
                      (what, n, own.headers_all(n), hit.headers_all(n)))
        # Not stored, but through the same locations: a visitor with a
        # cart (BYPASS) and a language switch (Set-Cookie) get one of each
        # header too, the same as the program's own.
        shopper = shop.Shopper(s)
        shopper.add("iptv-gold-4k")
        check(shopper.cart, "no cart cookie")
        own = own_headers(s, "catalog", "/c/music")
        for path, hdr, status in (
                ("/c/music", {"Cookie": "souk_cart=" + shopper.cart},
                 "BYPASS"),
                ("/c/music?lang=fr", {}, "MISS")):
            r = s.get(path, hdr)
            check(r.status == 200 and r.header("X-Cache") == status,
                  "%s: %d X-Cache %r" % (path, r.status, r.header("X-Cache")))
            one_of_each(r, path)
            check(headers_of(r, SECURITY) == headers_of(own, SECURITY),
                  "%s: %r" % (path, headers_of(r, SECURITY)))
        # Locations without the micro-cache keep the program's headers.
        for path in ("/cart", "/account/login"):
            r = s.get(path)
            one_of_each(r, path)
            check(headers_of(r, SECURITY) == headers_of(own, SECURITY),
                  "%s: %r" % (path, headers_of(r, SECURITY)))


@test
def the_program_leaves_out_only_what_the_server_adds():
    with Stack(env={"SOUK_BASE_URL": "https://shop.example"}) as s:
        s.start()
        sock = os.path.join(s.dir, "run", "sock", "catalog.sock")
        base = {"REQUEST_METHOD": "GET", "DOCUMENT_URI": "/c/music",
                "REQUEST_URI": "/c/music", "QUERY_STRING": "",
                "REMOTE_ADDR": "127.0.0.1", "SOUK_CACHE_LANG": ""}
        for flag, added in ((None, False), ("", False), ("0", False),
                            ("1", True)):
            p = dict(base)
            if flag is not None:
                p["SOUK_HEADERS_ADDED"] = flag
            r = harness.fcgi_request(sock, p)
            what = "SOUK_HEADERS_ADDED %r" % flag
            check(r.status == 200, "%s: status %d" % (what, r.status))
            for n in SECURITY:
                check(len(r.headers_all(n)) == (0 if added else 1),
                      "%s: %s %r" % (what, n, r.headers_all(n)))
            # Kept whatever the server adds: HSTS (nginx does not know
            # the scheme) and the cache policy.
            check(r.header("Strict-Transport-Security") == "max-age=31536000",
                  "%s: HSTS %r" % (what, r.header("Strict-Transport-Security")))
            check(r.header("X-Accel-Expires") == "1" and
                  "public" in (r.header("Cache-Control") or ""),
                  "%s: cache policy %r" % (what, r.header("Cache-Control")))


@test
def a_head_request_never_fills_the_cache_for_get():
    with Stack(env={"SOUK_PAGE_CACHE": "60"}) as s:
        s.start()
        for path in ("/c/music", "/p/iptv-gold-4k"):
            h = s.request("HEAD", path)
            check(h.status == 200 and h.body == b"", "HEAD %s: %d %d bytes" %
                  (path, h.status, len(h.body)))
            r = s.get(path)
            n = int(r.header("Content-Length") or -1)
            check(r.status == 200 and n == len(r.body) and
                  b"</html>" in r.body, "GET %s after HEAD: %d bytes of %d" %
                  (path, len(r.body), n))
