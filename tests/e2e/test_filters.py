"""Category filters (type, plan duration, in stock) with their counts,
sold-out products last in every sort, and search within a category
(docs/catalog.md "Filters on category pages")."""
import html
import re
import time

from harness import test, check, stack, Stack
from shop import db, execute, one

SORTS = ("new", "price", "price-desc", "name")


def total(text):
    """The N of "Showing a–b of N" (0 when nothing is listed)."""
    m = re.search(r"Showing \d+–\d+ of (\d+)", text)
    return int(m.group(1)) if m else 0


def slugs(text):
    return re.findall(r'<li class="card">\s*<a href="/p/([^"]+)"', text)


def options(text, name):
    """{value: count} of the filter select `name`."""
    m = re.search(r'<select name="%s">(.*?)</select>' % name, text, re.S)
    check(m is not None, "no %s select" % name)
    return {v: int(n) for v, n in re.findall(
        r'<option value="([^"]+)"[^>]*>[^<]*\((\d+)\)</option>', m.group(1))}


def in_stock_count(text):
    m = re.search(r'name="stock" value="1"[^>]*>[^(]*\((\d+)\)', text)
    check(m is not None, "no in-stock checkbox with a count")
    return int(m.group(1))


def listed(s, slug, where="1", *args):
    """Products listed in category `slug` meeting an SQL condition on
    p (products) and c (category_listing)."""
    return one(s, "SELECT count(*) FROM category_listing c JOIN products p "
               "ON p.id = c.product_id JOIN categories k ON k.id = "
               "c.category_id WHERE k.slug = ? AND " + where, slug, *args)


@test
def type_counts_match_the_filtered_pages():
    s = stack()
    t = s.get("/c/software").text
    types = options(t, "type")
    check(types == {"software": listed(s, "software", "p.kind = 'digital'"),
                    "subscription": listed(s, "software",
                                           "p.kind = 'subscription'")},
          "software types: %r" % types)
    for value, n in types.items():
        r = s.get("/c/software?type=" + value)
        check(r.status == 200 and total(r.text) == n,
              "type=%s: %d, count said %d" % (value, total(r.text), n))
        check('<option value="%s" selected>' % value in r.text,
              "type=%s not shown as chosen" % value)
        # The type's own options still count under the other filters.
        check(options(r.text, "type") == types, "type counts moved")


@test
def months_and_stock_counts_under_the_other_filters():
    s = stack()
    t = s.get("/c/iptv").text
    months = options(t, "months")
    check(set(months) >= {"1", "12"}, "iptv durations: %r" % months)
    for m, n in months.items():
        want = listed(s, "iptv", "EXISTS (SELECT 1 FROM subscription_plans "
                      "sp WHERE sp.product_id = p.id AND sp.active = 1 AND "
                      "sp.duration_days = 0 AND sp.duration_months = ?)",
                      int(m))
        check(n == want, "%s months: count %d, database %d" % (m, n, want))
        r = s.get("/c/iptv?months=" + m)
        check(total(r.text) == n, "months=%s lists %d" % (m, total(r.text)))
    d = s.get("/c/devices").text
    n = in_stock_count(d)
    check(n == listed(s, "devices", "coalesce(p.stock, -1) <> 0") and
          n == total(d) - listed(s, "devices", "p.stock = 0") and n > 0,
          "devices in stock: %d of %d" % (n, total(d)))
    r = s.get("/c/devices?stock=1")
    check(total(r.text) == n and 'name="stock" value="1" checked' in r.text,
          "stock=1 lists %d" % total(r.text))
    # Types count under the stock filter, in stock under the type.
    check(options(r.text, "type") == {"physical": n} and
          options(d, "type") == {"physical": total(d)} and n < total(d),
          "devices types: %r %r" % (options(r.text, "type"), options(d, "type")))
    r = s.get("/c/software?type=subscription")
    check(in_stock_count(r.text) == listed(s, "software", "p.kind = "
          "'subscription' AND coalesce(p.stock, -1) <> 0"), "in stock by type")


@test
def filters_combine_with_each_other_and_the_price():
    s = stack()
    want = listed(s, "software", "p.kind = 'subscription' AND "
                  "p.price_minor BETWEEN 0 AND 20000")
    r = s.get("/c/software?type=subscription&max=20&stock=1&sort=price")
    check(r.status == 200 and total(r.text) == want and want > 0,
          "combined: %d, want %d" % (total(r.text), want))
    # Counts follow the price too; paging links keep every filter.
    types = options(r.text, "type")
    check(types.get("software", 0) == listed(
        s, "software", "p.kind = 'digital' AND p.price_minor <= 20000"),
        "type counts ignore the price: %r" % types)
    r = s.get("/c/films?type=film&sort=name")
    check(total(r.text) == 48, "films: %d" % total(r.text))
    nxt = re.search(r'rel="next" href="([^"]+)"', r.text)
    check(nxt is not None, "no next page")
    href = html.unescape(nxt.group(1))
    check("type=film" in href and "page=2" in href and "after=" not in href,
          "next link: %s" % href)
    p2 = s.get(href).text
    check(not set(slugs(p2)) & set(slugs(r.text)) and
          len(slugs(p2)) == 24, "page 2 repeats page 1")
    r = s.get("/c/films?type=music")
    check(r.status == 200 and total(r.text) == 0 and
          "No products match these filters." in r.text, "no match page")


@test
def sold_out_products_come_last_in_every_sort():
    with Stack() as s:
        s.start()
        cheap = one(s, "SELECT p.slug FROM products p JOIN categories c ON "
                    "c.id = p.category_id WHERE c.slug = 'accessories' "
                    "ORDER BY p.price_minor, p.id LIMIT 1")
        dear = one(s, "SELECT p.slug FROM products p JOIN categories c ON "
                   "c.id = p.category_id WHERE c.slug = 'accessories' "
                   "ORDER BY p.price_minor DESC, p.id DESC LIMIT 1")
        execute(s, "UPDATE products SET stock = 0 WHERE slug IN (?, ?)",
                cheap, dear)
        for sort in SORTS:
            got = slugs(s.get("/c/accessories?sort=" + sort).text)
            check(len(got) == 12 and set(got[-2:]) == {cheap, dear},
                  "sort=%s: sold out not last: %r" % (sort, got))
        got = slugs(s.get("/c/accessories?sort=price-desc").text)
        check(got[-2:] == [dear, cheap], "sold out among themselves")
        got = slugs(s.get("/c/accessories?sort=price-desc&stock=1").text)
        check(len(got) == 10 and cheap not in got, "stock=1: %r" % got)
        # Back in stock: back in its place.
        execute(s, "UPDATE products SET stock = 5 WHERE slug = ?", dear)
        time.sleep(2.1)		# page_cache (1 s, whole seconds) runs out
        got = slugs(s.get("/c/accessories?sort=price-desc").text)
        check(got[0] == dear and got[-1] == cheap, "restocked: %r" % got)
        # Search too.
        name = one(s, "SELECT name FROM products WHERE slug = ?", cheap)
        word = name.split()[0]
        for sort in ("relevance",) + SORTS:
            got = slugs(s.get("/search?q=%s&sort=%s" % (word, sort)).text)
            check(cheap in got and got[-1] == cheap,
                  "search sort=%s: %r" % (sort, got))


@test
def search_within_a_category():
    s = stack()
    q = "family"
    everywhere = s.get("/search?q=" + q).text
    check(total(everywhere) > 0 and '<select name="cat">' in everywhere,
          "no category select on search")
    r = s.get("/search?q=%s&cat=iptv" % q)
    check(r.status == 200 and '<option value="iptv" selected>' in r.text,
          "cat not chosen")
    got = slugs(r.text)
    c = db(s)
    try:
        inside = {row[0] for row in c.execute(
            "SELECT p.slug FROM products p JOIN category_listing l ON "
            "l.product_id = p.id JOIN categories k ON k.id = l.category_id "
            "WHERE k.slug = 'iptv'")}
    finally:
        c.close()
    check(total(r.text) == len(got) > 0 and set(got) <= inside,
          "outside iptv: %r" % got)
    check(len(got) < total(everywhere), "the category filtered nothing")
    for sort in SORTS:
        r = s.get("/search?q=%s&cat=iptv&sort=%s" % (q, sort))
        check(set(slugs(r.text)) == set(got), "sort=%s differs" % sort)


@test
def bad_filter_values_get_a_clear_page():
    s = stack()
    for qs in ("type=tractor", "months=0", "months=abc", "months=999",
               "stock=maybe", "type=%27%3Bdrop"):
        r = s.get("/c/software?" + qs)
        check(r.status == 400, "%s -> %d" % (qs, r.status))
        check("<form" in r.text and "invalid" not in r.text[:200],
              "%s: not a page" % qs)
    r = s.get("/search?q=premium&cat=no-such-thing")
    check(r.status == 400 and
          "This category does not exist" in r.text, "bad cat: %d" % r.status)
    r = s.get("/search?q=premium&cat=Bad%20Slug")
    check(r.status == 400, "bad cat syntax: %d" % r.status)
    # French strings.
    r = s.get("/c/iptv?lang=fr")
    check("Durée de l’abonnement" in r.text and "En stock seulement" in
          r.text and "Abonnements (" in r.text,
          "French filter labels missing")
