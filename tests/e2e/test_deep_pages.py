"""Deep category pages (keyset paging) and the typo index through the real
stack: on a generated catalog of 5,000 products (one department holds
about 1,250: 53 pages), every page of every sort is walked forwards and
backwards through the pager's links, with no product twice and none
missed; pages too deep to open by number say how to get there."""
import atexit
import html
import re

from harness import test, check, Stack, strip_tags
from shop import execute

SORTS = ("", "sort=price", "sort=price-desc", "sort=name")
_deep = None


def deep():
    """One store with `soukctl bench-data 5000` for this module."""
    global _deep
    if _deep is None:
        _deep = Stack(demo=False)
        _deep.ctl("bench-data", "5000")
        _deep.start()
        atexit.register(_stop)
    return _deep


def slugs(text):
    return re.findall(r'<li class="card">\s*<a href="/p/([^"]+)"', text)


def link(text, rel):
    m = re.search(r'rel="%s" href="([^"]*)"' % rel, text)
    return html.unescape(m.group(1)) if m else None


def showing(text):
    m = re.search(r"Showing ([0-9,]+)–([0-9,]+) of ([0-9,]+)", strip_tags(text))
    return tuple(int(g.replace(",", "")) for g in m.groups()) if m else None


def walk(s, url, rel):
    """The pages from url following rel links: [(url, text)]."""
    out = []
    while url:
        r = s.get(url)
        check(r.status == 200, "%s -> %d" % (url, r.status))
        out.append((url, r.text))
        url = link(r.text, rel)
        check(len(out) < 200, "the pager goes round in circles")
    return out


@test
def every_sort_pages_without_duplicates_or_gaps():
    s = deep()
    for sort in SORTS:
        base = "/c/bench-1" + ("?" + sort if sort else "")
        pages = walk(s, base, "next")
        seen = [slug for _, t in pages for slug in slugs(t)]
        total = showing(pages[0][1])[2]
        check(total > 41 * 24, "the catalog must have deep pages (%d)" % total)
        check(len(seen) == total and len(set(seen)) == total,
              "%s: %d cards, %d distinct, %d products" %
              (base, len(seen), len(set(seen)), total))
        for n, (url, t) in enumerate(pages, 1):
            first, last, _ = showing(t)
            check(first == (n - 1) * 24 + 1 and last == min(n * 24, total),
                  "%s: page %d shows %d-%d" % (url, n, first, last))
            check('aria-current="page">%d<' % n in t, "%s: current page" % url)
        deep_urls = [u for u, _ in pages[21:-21]]
        check(deep_urls and all("after=" in u for u in deep_urls),
              "deep pages go by keyset: %r" % deep_urls[:2])
        # Backwards from the last page: the same products, reversed.
        back = walk(s, pages[-1][0], "prev")
        check([slug for _, t in reversed(back) for slug in slugs(t)] == seen,
              "%s: prev links give another order" % base)
        check(any("before=" in u for u, _ in back), "prev links use before=")
        # The window's links two pages away land where two next clicks do.
        mid = pages[25][1]
        m = re.search(r'href="([^"]*)" aria-label="Page 28"', mid)
        check(m is not None, "page 26 links page 28")
        t28 = s.get(html.unescape(m.group(1))).text
        check(slugs(t28) == slugs(pages[27][1]), "page 28 link")
        m = re.search(r'href="([^"]*)" aria-label="Page 24"', mid)
        t24 = s.get(html.unescape(m.group(1))).text
        check(slugs(t24) == slugs(pages[23][1]), "page 24 link")


@test
def pages_by_number_near_the_ends_deep_ones_explained():
    s = deep()
    t = s.get("/c/bench-1").text
    total = showing(t)[2]
    npages = (total + 23) // 24
    r = s.get("/c/bench-1?page=3")
    check(r.status == 200 and showing(r.text)[0] == 49, "page 3 by number")
    r = s.get("/c/bench-1?page=%d" % npages)
    check(r.status == 200 and showing(r.text)[1] == total, "last page by number")
    check(len(slugs(r.text)) == total - (npages - 1) * 24, "last page rows")
    r = s.get("/c/bench-1?page=%d&sort=name" % (npages - 3))
    check(r.status == 200 and len(slugs(r.text)) == 24, "near the end, by name")
    r = s.get("/c/bench-1?page=30")
    check(r.status == 400 and 'id="too-deep"' in r.text, "deep page by number")
    check('href="/c/bench-1?page=%d"' % npages in r.text, "link to the last page")
    check("narrow the list" in r.text, "advice")
    check(s.get("/c/bench-1?page=%d" % (npages + 1)).status == 404, "past the end")
    check(s.get("/c/bench-1?page=30&after=999999999").status == 404,
          "unknown cursor product")
    check(s.get("/c/bench-1?page=30&after=abc").status == 400, "bad cursor")


@test
def typo_index_follows_catalog_changes():
    s = deep()
    t = s.get("/search?q=zorblaxx").text
    check("Nothing matches your search" in t, "no such word yet")
    # Written with a plain SQLite client: the triggers queue the change,
    # the next search folds it into the typo index.
    # (Each step searches other text: pages are micro-cached by URL.)
    execute(s, "UPDATE products SET name = 'Zorblax Turbo Box' "
               "WHERE slug = 'bench-77'")
    t = s.get("/search?q=zorblaks").text
    check("Showing results for" in t and "<strong>zorblax</strong>" in t,
          "renamed product's word not suggested: %s" % strip_tags(t)[:300])
    check("<mark>Zorblax</mark> Turbo Box" in t, "corrected results")
    execute(s, "UPDATE products SET active = 0 WHERE slug = 'bench-77'")
    t = s.get("/search?q=zorbalax").text
    check("Nothing matches your search" in t and "zorblax</strong>" not in t,
          "deactivated product's word still suggested")
    execute(s, "UPDATE products SET active = 1 WHERE slug = 'bench-77'")
    check("<mark>Zorblax</mark>" in s.get("/search?q=zorblacs").text,
          "reactivated")


@test
def long_queries_are_cut_to_eight_words():
    s = deep()
    # Eight words find the product; the ninth and later are dropped.
    execute(s, "UPDATE products SET name = 'Quux Alpha Bravo Charlie Delta "
               "Echo Foxtrot Golf' WHERE slug = 'bench-78'")
    words = "quux alpha bravo charlie delta echo foxtrot golf"
    t = s.get("/search?q=" + words.replace(" ", "+") + "+nomatchhere").text
    check("bench-78" in t, "the ninth word should be ignored")
    t = s.get("/search?q=nomatchhere+" + words.replace(" ", "+")).text
    check("bench-78" not in t, "the first eight words are the ones kept")


def _stop():
    global _deep
    if _deep is not None:
        _deep.stop()
        _deep.cleanup()
        _deep = None
