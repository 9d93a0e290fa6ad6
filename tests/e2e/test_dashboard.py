"""The dashboard (/admin) through the real nginx: its figures equal a
recomputation from the orders for several ranges in two time zones; the
top products equal it for ranges on and around every edge of the
blocks of days (1-8, 9-16, 17-24, 25-end) of months of 28, 29, 30 and 31
days, and for ranges over whole calendar years, parts of years and year
ends, before and after orders of those days move; the daily figures stay
equal to `soukctl stats rebuild` through placement, payment, cancel and
refund; an empty range says "no data"; every chart is well-formed XML
with stored XSS escaped; who may open it."""
import re
import sqlite3
import xml.etree.ElementTree as ET
from calendar import monthrange
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import harness
from harness import test, check
from mailtest import Stacks
from shop import execute
from test_admin import login, place, act, PW  # noqa: F401
from staff import add_staff

stacks = Stacks()
XSS = "<script>alert(1)</script>&\"'"


def dash_stack(tz):
    def make():
        s = harness.Stack(env={"SOUK_TIMEZONE": tz})
        s.start()
        add_staff(s)
        s.ctl("bench-data", "30", "--orders", "400")
        return s
    return stacks.get("dash-" + tz, make)


def rows(s, sql, *args):
    c = sqlite3.connect(s.env["SOUK_DB_PATH"])
    try:
        return c.execute(sql, args).fetchall()
    finally:
        c.close()


def recompute(s, tz, d0, d1):
    """Orders placed in [d0, d1] (local dates) and revenue of the paid and
    completed ones, straight from the orders table."""
    z = ZoneInfo(tz)
    n = rev = 0
    for created, status, total in rows(
            s, "SELECT created_at, status, total_minor FROM orders"):
        d = datetime.fromtimestamp(created, z).date().isoformat()
        if d0 <= d <= d1:
            n += 1
            if status in ("paid", "completed"):
                rev += total
    return n, rev


def paid_lines(s, tz, d0, d1, kind="", cat=0):
    """The lines of the paid and completed orders placed in [d0, d1]
    (local dates) of kind and category (as filed; "" and 0: all), as
    (local date, order id, category id, category name, product name,
    line total, order total)."""
    z = ZoneInfo(tz)
    out = []
    for created, oid, cid, cname, pname, rev, total, k in rows(
            s, "SELECT o.created_at, o.id, i.category_id, c.name, p.name, "
            "i.line_minor, o.total_minor, i.kind FROM orders o JOIN "
            "order_items i ON i.order_id = o.id LEFT JOIN products p ON "
            "p.id = i.product_id LEFT JOIN categories c ON c.id = "
            "i.category_id WHERE o.status IN ('paid', 'completed')"):
        d = datetime.fromtimestamp(created, z).date().isoformat()
        if d0 <= d <= d1 and kind in ("", k) and cat in (0, cid):
            out.append((d, oid, cid, cname, pname, rev, total))
    return out


def recompute_top(s, tz, d0, d1, kind="", cat=0):
    """The ten best-selling products of [d0, d1] (local dates), paid and
    completed orders, as [line totals] by revenue."""
    by = {}
    for _, _, _, _, name, rev, _ in paid_lines(s, tz, d0, d1, kind, cat):
        by[name] = by.get(name, 0) + rev
    best = sorted(by.items(), key=lambda kv: (-kv[1], kv[0]))[:10]
    return [v for _, v in best]


def recompute_categories(s, tz, d0, d1, kind="", cat=0):
    """The ten categories of [d0, d1] with the most revenue (their lines'
    totals; ties: more orders first) as [(name, line totals)]."""
    rev, orders = {}, {}
    for _, oid, cid, cname, _, r, _ in paid_lines(s, tz, d0, d1, kind, cat):
        rev[cid] = rev.get(cid, 0) + r
        orders.setdefault(cid, set()).add(oid)
    names = {cid: n for _, _, cid, n, _, _, _ in
             paid_lines(s, tz, d0, d1, kind, cat)}
    best = sorted(rev, key=lambda c: (-rev[c], -len(orders[c]),
                                      names[c] or ""))[:10]
    return [rev[c] for c in best]


def recompute_revenue(s, tz, d0, d1, kind="", cat=0):
    """Revenue per day (ranges up to 62 days), week (Monday; up to 434)
    or month ('YYYY-MM-01') of [d0, d1]: the orders' totals, or with a
    kind or category the matching lines' totals; [(bucket, minor)]."""
    days = (datetime.fromisoformat(d1) - datetime.fromisoformat(d0)).days + 1
    by, seen = {}, set()
    for d, oid, _, _, _, r, total in paid_lines(s, tz, d0, d1, kind, cat):
        day = datetime.fromisoformat(d).date()
        key = d if days <= 62 else (
            (day - timedelta(days=day.weekday())).isoformat() if days <= 434
            else d[:8] + "01")
        if kind or cat:
            by[key] = by.get(key, 0) + r
        elif oid not in seen:
            seen.add(oid)
            by[key] = by.get(key, 0) + total
    return sorted(by.items())


def chart_rows(page, cid):
    """The rows of chart cid's table as [(label, value in minor units)]
    ([] when it says no data)."""
    table = re.search(r'id="chart-%s".*?</section>' % cid, page, re.S)
    check(table, "no %s chart" % cid)
    return [(k, money_minor(v)) for k, v in re.findall(
        r'<tr><th scope="row">([^<]*)</th><td>([^<]*)</td></tr>',
        table.group(0))]


def top_products(page):
    """The line totals of the top products chart's table, in order."""
    return [v for _, v in chart_rows(page, "products")]


def check_charts(s, sh, tz, a, b, kind="", cat=0):
    """The top products, categories and revenue charts of [a, b] with
    the kind and category filters equal a recomputation."""
    q = "from=%s&to=%s" % (a, b)
    if kind:
        q += "&kind=" + kind
    if cat:
        q += "&category=%d" % cat
    r = sh.get("/admin?" + q)
    check(r.status == 200, "%s: %r" % (q, r))
    what = "%s %s" % (tz, q)
    got, want = top_products(r.text), recompute_top(s, tz, a, b, kind, cat)
    check(got == want, "%s: top products %r, want %r" % (what, got, want))
    got = [v for _, v in chart_rows(r.text, "categories")]
    want = recompute_categories(s, tz, a, b, kind, cat)
    check(got == want, "%s: categories %r, want %r" % (what, got, want))
    got = chart_rows(r.text, "revenue")
    want = recompute_revenue(s, tz, a, b, kind, cat)
    check(got == want, "%s: revenue %r, want %r" % (what, got, want))


def stats_equal_rebuild(s):
    """Every table of the figures, as kept order by order, equals a
    rebuild from the orders (rows brought to zero aside)."""
    tables = {"order_stats": ("orders", 5), "order_stats_month": ("orders", 5),
              "order_stats_sold": ("units", 4),
              "order_stats_sold_month": ("units", 4),
              "order_stats_sold_block": ("units", 4),
              "order_stats_sold_year": ("units", 4),
              "order_stats_paid": ("orders", 3),
              "order_stats_paid_month": ("orders", 3)}
    kept = {t: rows(s, "SELECT * FROM %s WHERE %s != 0 ORDER BY %s" % (
        t, col, ",".join(str(i + 1) for i in range(n))))
        for t, (col, n) in tables.items()}
    s.ctl("stats", "rebuild")
    for t, (col, n) in tables.items():
        again = rows(s, "SELECT * FROM %s ORDER BY %s" % (
            t, ",".join(str(i + 1) for i in range(n))))
        check(kept[t] == again, "%s differs from a rebuild" % t)


def figures(sh, q):
    r = sh.get("/admin?" + q)
    check(r.status == 200, "%s: %r %s" % (q, r, r.text[:300]))
    n = int(re.search(r'id="fig-orders">(\d+)<', r.text).group(1))
    rev = re.search(r'id="fig-revenue">([^<]*)<', r.text).group(1)
    return r, n, rev


def money_minor(text):
    digits = re.sub(r"[^0-9]", "", text)
    return int(digits)


def check_tz(tz):
    s = dash_stack(tz)
    sh = login(s, "admin")
    today = datetime.now(ZoneInfo(tz)).date()
    ranges = [(today - timedelta(days=29), today),
              (today - timedelta(days=400), today - timedelta(days=100)),
              (today - timedelta(days=729), today)]
    for d0, d1 in ranges:
        a, b = d0.isoformat(), d1.isoformat()
        r, n, rev = figures(sh, "from=%s&to=%s" % (a, b))
        want_n, want_rev = recompute(s, tz, a, b)
        check(n == want_n, "%s %s..%s: %d orders, want %d" % (tz, a, b, n,
                                                               want_n))
        check(money_minor(rev) == want_rev, "%s %s..%s: revenue %s, want %d"
              % (tz, a, b, rev, want_rev))
        got, want = top_products(r.text), recompute_top(s, tz, a, b)
        check(got == want, "%s %s..%s: top products %r, want %r" % (
            tz, a, b, got, want))
    r, n, rev = figures(sh, "range=30d")
    check(n == recompute(s, tz, (today - timedelta(days=29)).isoformat(),
                         today.isoformat())[0], "30d preset")
    # The charts read whole months and the days of the first and last
    # ones, either those inside the range or the month less those
    # outside, and the top products whole years: ranges for each way,
    # within a month, across months, a calendar year, a year and the
    # edges around it, most of a year (the year less its months
    # outside), a new year's eve and day, with and without filters.
    cat = rows(s, "SELECT category_id FROM order_items WHERE category_id "
               "> 0 GROUP BY 1 ORDER BY count(*) DESC LIMIT 1")[0][0]
    y = today.year - 1
    for a, b in (("%d-03-02" % y, "%d-03-29" % y),
                 ("%d-03-10" % y, "%d-03-14" % y),
                 ("%d-01-16" % y, "%d-11-15" % y),
                 ("%d-01-20" % y, "%d-02-20" % y),
                 ("%d-01-01" % y, "%d-12-31" % y),
                 ("%d-12-20" % (y - 1), "%d-01-10" % (y + 1)),
                 ("%d-02-10" % y, "%d-11-20" % y),
                 ("%d-12-31" % y, "%d-01-01" % (y + 1)),
                 ((today - timedelta(days=400)).isoformat(),
                  today.isoformat()),
                 ((today - timedelta(days=729)).isoformat(),
                  today.isoformat())):
        check_charts(s, sh, tz, a, b)
        check_charts(s, sh, tz, a, b, kind="physical")
        check_charts(s, sh, tz, a, b, cat=cat)


@test
def dashboard_figures_equal_orders_tunis():
    check_tz("Africa/Tunis")


@test
def dashboard_figures_equal_orders_auckland():
    check_tz("Pacific/Auckland")


# Months of 29, 31, 28, 31 and 30 days holding every order of the block
# store.
BLOCK_MONTHS = ((2024, 2), (2025, 1), (2025, 2), (2025, 3), (2025, 4))


def spread_stack(tz, name, orders, days):
    """A store of 8 products with `orders` generated orders, all moved to
    local noon of the given days, the paid and completed ones
    round-robin so that every day has some: a day counted twice or
    missed changes the top products' totals (all 8 products are in the
    chart).  Kept under name for the module."""
    def make():
        s = harness.Stack(env={"SOUK_TIMEZONE": tz}, demo=False)
        s.start()
        add_staff(s)
        s.ctl("bench-data", "8", "--orders", str(orders))
        z = ZoneInfo(tz)
        c = sqlite3.connect(s.env["SOUK_DB_PATH"])
        try:
            for paid in (1, 0):
                ids = [r[0] for r in c.execute(
                    "SELECT id FROM orders WHERE (status IN ('paid', "
                    "'completed')) = ? ORDER BY id", (paid,))]
                if paid:
                    check(len(ids) >= 2 * len(days), "%d paid orders for "
                          "%d days" % (len(ids), len(days)))
                c.executemany(
                    "UPDATE orders SET created_at = ? WHERE id = ?",
                    [(int(datetime.combine(days[i % len(days)], time(12),
                                           z).timestamp()) + i, oid)
                     for i, oid in enumerate(ids)])
            c.commit()
        finally:
            c.close()
        s.ctl("stats", "rebuild")
        return s
    return stacks.get(name + "-" + tz, make)


def block_stack(tz):
    """The store of BLOCK_MONTHS (spread_stack)."""
    return spread_stack(tz, "dash-blocks", 900,
                        [date(y, m, d) for y, m in BLOCK_MONTHS
                         for d in range(1, monthrange(y, m)[1] + 1)])


def block_edge_ranges():
    """Ranges of BLOCK_MONTHS: starting on each side of every block edge
    (to the 13th of the next month), ending on each side of every edge
    (from the 20th of the month before), and inside one month: inside one
    block, a block whole, one day, across one or several edges."""
    out = []
    for y, m in BLOCK_MONTHS:
        n = monthrange(y, m)[1]
        nxt = date(y + m // 12, m % 12 + 1, 13)
        prev = date(y - (m == 1), (m - 2) % 12 + 1, 20)
        edges = sorted({1, 2, 7, 8, 9, 10, 15, 16, 17, 18, 23, 24, 25, 26,
                        n - 1, n})
        out += [(date(y, m, d), nxt) for d in edges]
        out += [(prev, date(y, m, d)) for d in edges]
        inside = [(2, 7), (1, 8), (9, 16), (10, 15), (11, 16), (9, 14),
                  (17, 24), (18, 23), (25, n), (26, n - 1), (25, n - 1),
                  (26, n), (12, 13), (1, 1), (8, 8), (9, 9), (16, 16),
                  (17, 17), (24, 24), (25, 25), (n, n), (8, 9), (16, 17),
                  (24, 25), (7, 10), (15, 18), (23, 26), (1, n), (2, n - 1),
                  (9, 24), (10, 23), (8, 25), (13, 19), (3, n - 2)]
        out += [(date(y, m, a), date(y, m, b)) for a, b in inside]
    # Both edges mid-month, and a leap day's month to one of 28 days.
    out += [(date(2025, 1, 16), date(2025, 4, 15)),
            (date(2025, 1, 13), date(2025, 3, 21)),
            (date(2024, 2, 12), date(2025, 2, 12))]
    return out


@test
def dashboard_top_products_on_block_edges():
    tz = "Africa/Tunis"
    s = block_stack(tz)
    sh = login(s, "admin")
    check_top_ranges(s, sh, tz, [(d0.isoformat(), d1.isoformat())
                                 for d0, d1 in block_edge_ranges()])
    # The filters and the other charts over mid-month edges.
    cat = rows(s, "SELECT category_id FROM order_items WHERE category_id "
               "> 0 GROUP BY 1 ORDER BY count(*) DESC LIMIT 1")[0][0]
    for a, b in (("2025-01-16", "2025-04-15"), ("2025-02-10", "2025-02-20")):
        check_charts(s, sh, tz, a, b)
        check_charts(s, sh, tz, a, b, kind="physical")
        check_charts(s, sh, tz, a, b, cat=cat)
    stats_equal_rebuild(s)


# The days of the year store's orders: December 2023, the calendar
# years 2024 (with a leap day) and 2025, January 2026.
YEARS = (date(2023, 12, 1), date(2026, 1, 31))


def year_stack(tz):
    """The store of YEARS, every day of them (spread_stack)."""
    return spread_stack(tz, "dash-years", 2400,
                        [YEARS[0] + timedelta(days=i)
                         for i in range((YEARS[1] - YEARS[0]).days + 1)])


# Ranges of the year store: whole years, a year and edge months either
# way, two years with mid-month edges, most of one year (the year less
# its months outside) and half of one (its months), December to January
# (days, months), leap days, the bench's two years' shape.
YEAR_RANGES = (("2024-01-01", "2024-12-31"), ("2025-01-01", "2025-12-31"),
               ("2024-01-01", "2025-12-31"), ("2023-12-01", "2026-01-31"),
               ("2023-12-16", "2026-01-15"), ("2023-12-31", "2025-01-01"),
               ("2023-12-03", "2025-12-03"), ("2024-01-13", "2025-11-13"),
               ("2024-12-31", "2025-01-01"), ("2024-12-01", "2025-01-31"),
               ("2024-12-20", "2025-01-10"), ("2024-02-10", "2024-11-20"),
               ("2025-02-01", "2025-11-30"), ("2025-03-01", "2025-08-31"),
               ("2024-03-01", "2025-02-28"), ("2024-02-29", "2025-02-28"),
               ("2024-02-28", "2024-03-01"), ("2024-02-29", "2024-02-29"),
               ("2023-12-01", "2023-12-31"), ("2026-01-01", "2026-01-31"))


def check_year_ranges(s, sh, tz):
    check_top_ranges(s, sh, tz, YEAR_RANGES)


def check_top_ranges(s, sh, tz, ranges):
    """The dashboard's top products for each (from, to) in ranges equal a
    recomputation from the orders (and there are some)."""
    for a, b in ranges:
        r = sh.get("/admin?from=%s&to=%s" % (a, b))
        check(r.status == 200, "%s..%s: %r" % (a, b, r))
        got, want = top_products(r.text), recompute_top(s, tz, a, b)
        check(want, "%s..%s: no sales to compare" % (a, b))
        check(got == want, "%s..%s: top products %r, want %r" % (
            a, b, got, want))


@test
def dashboard_top_products_over_years():
    tz = "Pacific/Auckland"     # local noon is the UTC day before
    s = year_stack(tz)
    sh = login(s, "admin")
    check_year_ranges(s, sh, tz)
    cat = rows(s, "SELECT category_id FROM order_items WHERE category_id "
               "> 0 GROUP BY 1 ORDER BY count(*) DESC LIMIT 1")[0][0]
    for a, b in (("2023-12-16", "2026-01-15"), ("2024-02-10", "2024-11-20")):
        check_charts(s, sh, tz, a, b)
        check_charts(s, sh, tz, a, b, kind="physical")
        check_charts(s, sh, tz, a, b, cat=cat)
    # Paid or completed orders of New Year's Eve and Day, a leap day and
    # a summer day refunded, and paid ones completed (the days', blocks',
    # months' and years' rows updated by the triggers): the same ranges
    # again.
    z = ZoneInfo(tz)
    by_day, paid = {}, []
    for oid, status, created in rows(
            s, "SELECT id, status, created_at FROM orders WHERE status IN "
            "('paid', 'completed') ORDER BY id"):
        d = datetime.fromtimestamp(created, z).date().isoformat()
        by_day.setdefault(d, []).append(oid)
        if status == "paid":
            paid.append(oid)
    days = ("2024-12-31", "2025-01-01", "2024-02-29", "2024-07-15",
            "2023-12-31", "2026-01-01")
    refunded = [by_day[d][0] for d in days if d in by_day]
    check(len(refunded) == len(days), "a day without sales: %r" % refunded)
    for oid in refunded:
        s.ctl("order", "set", str(oid), "refunded")
    completed = [oid for oid in paid if oid not in refunded][:4]
    check(len(completed) == 4, "paid orders: %r" % completed)
    for oid in completed:
        s.ctl("order", "set", str(oid), "completed")
    check_year_ranges(s, sh, tz)
    stats_equal_rebuild(s)


@test
def dashboard_stats_follow_the_lifecycle():
    s = dash_stack("Africa/Tunis")
    stats_equal_rebuild(s)
    sh = login(s, "admin")
    _, _, a = place(s)
    stats_equal_rebuild(s)
    check(act(sh, a, "confirm").status == 303, "confirm")
    stats_equal_rebuild(s)
    _, _, b = place(s)
    check(act(sh, b, "cancel").status == 303, "cancel")
    stats_equal_rebuild(s)
    s.ctl("order", "set", str(a), "refunded")
    stats_equal_rebuild(s)


@test
def dashboard_empty_range_says_no_data():
    s = dash_stack("Africa/Tunis")
    sh = login(s, "employee")
    r = sh.get("/admin?from=2001-01-01&to=2001-01-31")
    check(r.status == 200, "empty range: %r" % r)
    check('id="dash-no-data"' in r.text, "no 'no data' notice")
    check("<svg" not in r.text, "a chart drawn for no data")
    check('id="chart-revenue-empty"' in r.text, "revenue: no 'no data'")
    for q in ("from=2026-02-30&to=2026-03-01", "from=2026-03-02&to=2026-03-01",
              "range=forever", "from=2026-01-01", "category=x"):
        check(sh.get("/admin?" + q).status == 400, "%s not refused" % q)


@test
def dashboard_svg_is_xml_with_names_escaped():
    s = dash_stack("Africa/Tunis")
    pid = rows(s, "SELECT product_id FROM order_stats_sold GROUP BY "
               "product_id ORDER BY sum(revenue_minor) DESC LIMIT 1")[0][0]
    execute(s, "UPDATE products SET name = ? WHERE id = ?", XSS, pid)
    sh = login(s, "admin")
    r = sh.get("/admin?range=year&from=%s&to=%s" % (
        (datetime.now() - timedelta(days=729)).date().isoformat(),
        datetime.now().date().isoformat()))
    check(r.status == 200, "wide range: %r" % r)
    check("<script>alert(1)" not in r.text, "XSS name unescaped")
    svgs = re.findall(r"<svg.*?</svg>", r.text, re.S)
    check(len(svgs) == 5, "%d charts" % len(svgs))
    for x in svgs:
        ET.fromstring(x)
    check(any("&lt;script&gt;" in x for x in svgs), "name not in a chart")
    check("<table" in r.text and "chart-table" in r.text, "no text tables")


@test
def dashboard_access():
    s = dash_stack("Africa/Tunis")
    anon = harness.Stack.get(s, "/admin")
    check(anon.status == 303 and "/account/login" in
          (anon.header("Location") or ""), "anonymous: %r" % anon)
    check(login(s, "customer").get("/admin").status == 403, "customer")
    for who in ("employee", "admin"):
        check(login(s, who).get("/admin?range=7d").status == 200, who)
