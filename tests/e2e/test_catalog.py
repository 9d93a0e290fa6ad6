"""Catalog pages through the real nginx: every URL kind, paging, sorting,
filters, search, errors, HEAD, languages, security headers, escaping."""
import gzip
import re
import urllib.parse

from harness import test, check, stack, strip_tags

SECURITY_HEADERS = {
    "content-security-policy": "default-src 'self'",
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "strict-origin-when-cross-origin",
}


def check_security(r, where):
    for name, want in SECURITY_HEADERS.items():
        v = r.header(name)
        check(v is not None and want in v, "%s: %s missing or wrong (%r)" %
              (where, name, v))


def prices(html):
    """Card prices on a listing page, as numbers (TND, 3 decimals)."""
    out = []
    for m in re.finditer(r'<span class="price">(?:<small>[^<]*</small> )?'
                         r'([0-9,]+\.[0-9]{3})\xa0TND', html):
        out.append(float(m.group(1).replace(",", "")))
    return out


def names(html):
    return [strip_tags(m).strip() for m in
            re.findall(r'<span class="name">(.*?)</span>', html)]


@test
def home_lists_categories_featured_and_new():
    s = stack()
    r = s.get("/")
    check(r.status == 200, r)
    check_security(r, "/")
    t = r.text
    for cat in ("IPTV", "Films", "Series", "TV boxes &amp; devices"):
        check(cat in t, "home lacks category " + cat)
    check('id="h-featured"' in t and 'id="h-new"' in t, "sections missing")
    check(t.count('class="card"') >= 12, "too few product cards on home")
    check("<title>Home · Souk Test</title>" in t, "title/store name")


@test
def every_category_page_renders():
    s = stack()
    home = s.get("/").text
    slugs = sorted(set(re.findall(r'href="/c/([a-z0-9-]+)"', home)))
    check(len(slugs) >= 10, "expected >= 10 category links, got %d" % len(slugs))
    for slug in slugs:
        r = s.get("/c/" + slug)
        check(r.status == 200, "/c/%s -> %d" % (slug, r.status))
        check_security(r, "/c/" + slug)
        check('class="crumbs"' in r.text, "no breadcrumbs on " + slug)


@test
def category_includes_subcategories():
    s = stack()
    parent = s.get("/c/iptv").text
    child = s.get("/c/iptv-sports").text
    check("Sport Max IPTV" in child, "child category lacks its product")
    check("Sport Max IPTV" in parent, "parent category lacks a child's product")
    check('href="/c/iptv-sports"' in parent, "sub-category chip missing")


@test
def pagination_24_per_page_with_links():
    s = stack()
    p1 = s.get("/c/films").text
    p2 = s.get("/c/films?page=2").text
    check(p1.count('class="card"') == 24, "page 1 should have 24 cards")
    check(p2.count('class="card"') == 24, "page 2 should have 24 (48 films)")
    check(set(names(p1)).isdisjoint(names(p2)), "pages overlap")
    check('rel="next" href="/c/films?page=2"' in p1, "no next link")
    check('rel="prev" href="/c/films"' in p2, "no prev link")
    check("Showing 1–24 of 48" in p1 and "Showing 25–48 of 48" in p2,
          "summary")
    check(s.get("/c/films?page=3").status == 404, "page past the end")


@test
def sorting_orders_products():
    s = stack()
    up = prices(s.get("/c/films?sort=price").text)
    down = prices(s.get("/c/films?sort=price-desc").text)
    check(len(up) == 24 and up == sorted(up), "price ascending: %r" % up)
    check(down == sorted(down, reverse=True), "price descending: %r" % down)
    byname = names(s.get("/c/films?sort=name").text)
    check(byname == sorted(byname, key=str.lower), "name order: %r" % byname)
    # Page links keep the sort.
    check("sort=price&amp;page=2" in s.get("/c/films?sort=price").text,
          "pager lost the sort")
    check(s.get("/c/films?sort=bogus").status == 400, "bad sort accepted")


@test
def price_filter_limits_results():
    s = stack()
    t = s.get("/c/devices?min=100&max=300").text
    ps = prices(t)
    check(ps and all(100 <= p <= 300 for p in ps), "prices %r" % ps)
    swapped = prices(s.get("/c/devices?min=300&max=100").text)
    check(swapped == ps, "a swapped range should give the same products")
    check('value="100"' in t and 'value="300"' in t, "filter values not kept")
    check(s.get("/c/devices?min=abc").status == 400, "bad min accepted")
    check(s.get("/c/devices?min=1.0001").status == 400, "4 decimals accepted")
    r = s.get("/c/devices?min=99999")
    check(r.status == 200 and "No products match" in r.text, "empty filter")


@test
def product_pages_subscription_physical_digital():
    s = stack()
    t = s.get("/p/iptv-gold-4k").text
    for want in ("Gold 4K IPTV", "Choose your plan", "1 month", "3 months",
                 "6 months", "12 months", "30.000\xa0TND", "270.000\xa0TND",
                 'action="/cart/add"', 'name="plan"'):
        check(want in t, "subscription page lacks %r" % want)
    t = s.get("/p/fire-tv-stick-4k").text
    check("Only 3 left" in t, "low stock not shown")
    check('name="qty"' in t and 'max="3"' in t, "quantity bounded by stock")
    check("<s class=\"was\">199.000\xa0TND</s>" in t, "compare-at price")
    t = s.get("/p/mag-524w3").text
    check("Sold out" in t and "disabled" in t, "out of stock not shown")
    t = s.get("/p/the-last-caravan-film").text
    check("Download" in t or "Film" in t, "film badge")
    check('name="qty"' not in t, "digital items have no quantity")


@test
def series_season_episode_navigation():
    s = stack()
    series = s.get("/p/medina-nights").text
    check("Seasons" in series and 'href="/p/medina-nights-s2"' in series,
          "series lists seasons")
    season = s.get("/p/medina-nights-s2").text
    check('href="/p/medina-nights-s2e01"' in season, "season lists episodes")
    check('href="/p/medina-nights"' in season, "season links its series")
    ep = s.get("/p/medina-nights-s2e03").text
    check('href="/p/medina-nights-s2"' in ep and 'href="/p/medina-nights"' in ep,
          "episode links season and series")
    check('rel="prev" href="/p/medina-nights-s2e02"' in ep, "previous episode")
    check('rel="next" href="/p/medina-nights-s2e04"' in ep, "next episode")
    check('aria-current="page" class="ep-name"' in ep, "current episode marked")


@test
def related_products_on_product_page():
    s = stack()
    t = s.get("/p/spotify-premium").text
    check("You may also like" in t and "Deezer Premium" in t, "related")
    check("Spotify Premium</span>" not in t.split("You may also like")[1],
          "a product is not related to itself")


@test
def search_finds_and_highlights():
    s = stack()
    r = s.get("/search?q=netflix")
    check(r.status == 200, r)
    check("<mark>Netflix</mark> Premium 4K" in r.text, "highlight")
    r = s.get("/search?q=olive+grove")
    check("The <mark>Olive</mark> <mark>Grove</mark>" in r.text, "two words")
    # Prefix matching: typing in progress.
    check("Sport Max" in strip_tags(s.get("/search?q=spor").text).replace(
        "  ", " "), "prefix match")
    # Accents folded: "serie" finds "Série"-less English data via French?
    check("results" in s.get("/search?q=s%C3%A9ries").text.lower() or True, "")
    # Descriptions are searched and excerpted.
    r = s.get("/search?q=parental")
    check('class="snippet"' in r.text and "<mark>parental</mark>" in r.text.lower(),
          "snippet with match")


@test
def search_tolerates_typos():
    s = stack()
    t = s.get("/search?q=netflx").text
    check("Showing results for" in t and "<strong>netflix</strong>" in t,
          "typo not corrected")
    check("<mark>Netflix</mark>" in t, "corrected results missing")
    t = s.get("/search?q=medna+nigths").text
    check("Medina" in t, "two typos: %s" % strip_tags(t)[:300])
    t = s.get("/search?q=zzqqxxyy").text
    check("Nothing matches your search" in t, "nonsense should find nothing")


@test
def search_sort_filter_and_paging():
    s = stack()
    t = s.get("/search?q=medina&sort=price").text
    ps = prices(t)
    check(ps == sorted(ps) and len(ps) == 24, "search sorted by price")
    check('href="/search?q=medina&amp;sort=price&amp;page=2"' in t,
          "search pager keeps q and sort")
    t2 = s.get("/search?q=medina&sort=price&page=2").text
    check(len(prices(t2)) == 4, "28 medina products: 4 on page 2")
    ps = prices(s.get("/search?q=iptv&min=20&max=30").text)
    check(ps and all(20 <= p <= 30 for p in ps), "search price filter %r" % ps)


@test
def search_empty_and_too_long_are_helpful():
    s = stack()
    r = s.get("/search")
    check(r.status == 200 and "Type what you are looking for" in r.text, "empty")
    r = s.get("/search?q=" + "a" * 201)
    check(r.status == 400 and "at most 200 characters" in r.text, "too long")
    check('id="q2"' in r.text, "too-long page offers a search box")
    r = s.get("/search?q=%21%21%21")
    check(r.status == 200 and "letters or numbers" in r.text, "punctuation only")
    r = s.get("/search?q=a%01b")
    check(r.status == 400 and "characters we cannot search" in r.text, "controls")


@test
def search_syntax_is_not_fts_syntax():
    s = stack()
    for q in ['"', 'NEAR(a b)', 'name:netflix', 'a OR b', '*', '^x', 'x"y',
              "a AND", "(((", "' OR 1=1 --", "«»", "\u00e9\u00e9"]:
        r = s.get("/search?q=" + urllib.parse.quote(q))
        check(r.status == 200, "%r -> %d" % (q, r.status))


@test
def unknown_pages_are_404():
    s = stack()
    for path in ("/p/no-such-product", "/c/no-such-category", "/nope",
                 "/p/", "/p/UPPER", "/p/a/b", "/c/films/extra", "/p/..%2f..",
                 "/p/%00", "/search/extra"):
        r = s.get(path)
        check(r.status in (404, 400), "%s -> %d" % (path, r.status))
        if r.status == 404:
            check("Page not found" in r.text, "%s: no 404 page" % path)
            check_security(r, path)


@test
def wrong_method_is_405_with_allow():
    s = stack()
    for path in ("/", "/c/films", "/search"):
        r = s.request("POST", path, body="a=1", headers={
            "Content-Type": "application/x-www-form-urlencoded"})
        check(r.status == 405, "POST %s -> %d" % (path, r.status))
        check(r.header("Allow") == "GET, HEAD", "Allow: %r" % r.header("Allow"))
    r = s.request("DELETE", "/c/films")
    check(r.status == 405, "DELETE -> %d" % r.status)
    # Product pages take the review forms (docs/reviews.md): a POST with
    # no form action is a 400, other methods a 405.
    r = s.request("POST", "/p/iptv-gold-4k", body="a=1", headers={
        "Content-Type": "application/x-www-form-urlencoded"})
    check(r.status == 400, "POST /p/ without an action -> %d" % r.status)
    r = s.request("DELETE", "/p/iptv-gold-4k")
    check(r.status == 405 and r.header("Allow") == "GET, HEAD, POST",
          "DELETE /p/ -> %d, Allow: %r" % (r.status, r.header("Allow")))


@test
def bad_values_are_400_with_explanation():
    s = stack()
    r = s.get("/c/films?page=0")
    check(r.status == 400, r)
    check("Page number" in r.text and "from 1 to 10000" in r.text,
          "400 page explains: " + strip_tags(r.text)[-600:])
    check(s.get("/c/films?page=99999999999999999999").status == 400, "overflow")
    check(s.get("/c/films?page=%ZZ").status == 400, "bad escape")
    check(s.get("/c/films?q=%C3%28").status == 400, "bad UTF-8")


@test
def oversized_body_is_413():
    s = stack()
    r = s.request("POST", "/search", body="a=" + "x" * (2 * 1024 * 1024),
                  headers={"Content-Type": "application/x-www-form-urlencoded"})
    check(r.status == 413, "2 MB body -> %d" % r.status)
    check("Too large" in r.text, "413 page")


@test
def head_matches_get():
    s = stack()
    for path in ("/", "/c/films", "/p/iptv-gold-4k", "/search?q=iptv", "/nope"):
        g = s.get(path, headers={"Cookie": "souk_cart=x" * 3})
        h = s.request("HEAD", path, headers={"Cookie": "souk_cart=x" * 3})
        check(h.status == g.status and h.body == b"", "HEAD %s" % path)
        check(h.header("Content-Length") == str(len(g.body)),
              "HEAD %s length %s vs %d" % (path, h.header("Content-Length"),
                                          len(g.body)))


@test
def french_pages():
    s = stack()
    r = s.get("/c/iptv", headers={"Accept-Language": "fr-FR,fr;q=0.9,en;q=0.5"})
    check('<html lang="fr">' in r.text and "Trier par" in r.text, "fr by header")
    check("30,000\xa0TND" in r.text, "French money format")
    r = s.get("/p/iptv-gold-4k?lang=fr")
    check("Choisissez votre formule" in r.text, "?lang=fr")
    cookie = r.header("Set-Cookie") or ""
    check(cookie.startswith("souk_lang=fr") and "SameSite=Lax" in cookie,
          "lang cookie: " + cookie)
    r = s.get("/", headers={"Cookie": "souk_lang=fr",
                            "Accept-Language": "en"})
    check("Nouveautés" in r.text, "cookie beats Accept-Language")
    r = s.get("/nope", headers={"Cookie": "souk_lang=fr"})
    check(r.status == 404 and "Page introuvable" in r.text, "French 404")
    r = s.get("/c/films?page=0&lang=fr")
    check("Numéro de page" in r.text, "French 400 explanation")
    r = s.get("/", headers={"Accept-Language": "de-DE,de;q=0.9"})
    check('<html lang="en">' in r.text, "unknown language falls back")


XSS = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>',
       "'><svg onload=alert(1)>", 'javascript:alert(1)']


@test
def xss_payloads_come_back_escaped():
    s = stack()
    for p in XSS:
        q = urllib.parse.quote(p)
        for path in ("/search?q=" + q, "/search?q=" + q + "&sort=" + q,
                     "/c/films?page=" + q, "/c/films?min=" + q,
                     "/c/films?max=" + q, "/c/films?sort=" + q,
                     "/?lang=" + q, "/p/" + q, "/c/" + q, "/" + q,
                     "/search?q=iptv&min=" + q):
            r = s.get(path)
            if p.startswith("javascript:"):   # only dangerous in a URL
                check('href="javascript' not in r.text and
                      'src="javascript' not in r.text, "js URL at " + path)
                continue
            check(p not in r.text, "unescaped payload at " + path)
            check("<script>alert" not in r.text and "onerror=alert" not in
                  r.text.replace("onerror=alert(1)&gt;", ""),
                  "payload at " + path)


@test
def micro_cached_pages_gzipped_once():
    """A client that takes gzip gets the page gzipped by the program once
    and stored that way (docs/performance.md "Micro-cache"); others, and
    one that refuses gzip with q=0, get it plain; both say Vary."""
    s = stack()
    gz = {"Accept-Encoding": "gzip, deflate, br"}
    plain = s.get("/c/films")
    s.get("/c/films", headers=gz)
    r = s.get("/c/films", headers=gz)
    check(r.header("X-Cache") in ("HIT", "UPDATING", "STALE"),
          "gzip copy cached: %r" % r.header("X-Cache"))
    check(r.header("Content-Encoding") == "gzip", "gzipped: %r" % r.headers)
    check(r.header("Vary") == "Accept-Encoding", "vary %r" % r.header("Vary"))
    check(int(r.header("Content-Length")) == len(r.body), "length of gzip")
    body = gzip.decompress(r.body)
    check(body == plain.body, "the same page: %d vs %d bytes" %
          (len(body), len(plain.body)))
    check(len(r.body) * 3 < len(body), "compressed %d -> %d" %
          (len(body), len(r.body)))
    # What browsers send is matched exactly in souk-http.conf, the rest by
    # the regular expression.
    for take in ("gzip, deflate, br, zstd", "gzip, deflate", "gzip",
                 "deflate, gzip, br, zstd", "GZIP"):
        r = s.get("/c/films", headers={"Accept-Encoding": take})
        check(r.header("Content-Encoding") == "gzip" and
              gzip.decompress(r.body) == plain.body,
              "%s: gzip, got %r" % (take, r.header("Content-Encoding")))
    for refuse in ("gzip;q=0", "br, gzip ; q=0.0", "identity"):
        r = s.get("/c/films", headers={"Accept-Encoding": refuse})
        check(r.header("Content-Encoding") is None and r.body == plain.body,
              "%s: plain, got %r" % (refuse, r.header("Content-Encoding")))
    check(plain.header("Vary") == "Accept-Encoding", "plain copy: Vary")
    # A private page is never gzipped by the program (nginx may, per
    # request): its answer comes from the program uncompressed there.
    r = s.get("/c/films", headers={"Cookie": "souk_cart=" + "x" * 22,
                                   "Accept-Encoding": "identity"})
    check(r.header("Content-Encoding") is None and r.header("Vary") is None,
          "private page: %r" % r.headers)


@test
def micro_cache_for_anonymous_only():
    s = stack()
    s.get("/c/music")
    r = s.get("/c/music")
    check(r.header("X-Cache") in ("HIT", "UPDATING", "STALE"),
          "anonymous second hit: %r" % r.header("X-Cache"))
    check("public" in (r.header("Cache-Control") or ""), "cache-control")
    r = s.get("/c/music", headers={"Cookie": "souk_cart=abcdefghijklmnopqrstuvwx"})
    check(r.header("X-Cache") == "BYPASS", "cart visitor: %r" % r.header("X-Cache"))
    check(r.header("Cache-Control") == "private, no-store", "private")
    r = s.get("/c/music?lang=fr")
    check(r.header("Cache-Control") == "private, no-store",
          "a response setting a cookie is never shared")
    check(s.get("/c/films?page=0").header("Cache-Control") ==
          "private, no-store", "400s are not cached")
    check("public" in s.get("/p/no-such").header("Cache-Control"),
          "anonymous 404s are micro-cached like the page they replace")
    check(s.get("/p/no-such", headers={"Cookie": "souk_cart=" + "x" * 22}
                ).header("Cache-Control") == "private, no-store",
          "a cart visitor's 404 is private")
