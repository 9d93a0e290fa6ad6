"""soukctl: init, demo, import-products (all or nothing), migrate --dir,
the built-in migrations 038, 039 and 040 against schema.sql, bench-data,
config; each on its own store."""
import hashlib
import os
import sqlite3
import subprocess

from harness import test, check, Stack


def db(s):
    return sqlite3.connect(s.env["SOUK_DB_PATH"], timeout=10)


def one(s, sql, *args):
    c = db(s)
    try:
        return c.execute(sql, args).fetchone()
    finally:
        c.close()


def rows(s):
    """The catalog's rows as the CSV round trip should keep them."""
    c = db(s)
    out = []
    for sql in ("SELECT slug, name, kind, category_id, price_minor, stock, "
                "description, parent_id, position, media_type, featured, "
                "active, compare_at_minor, sku FROM products ORDER BY id",
                "SELECT product_id, duration_months, duration_days, "
                "price_minor FROM subscription_plans WHERE active = 1 "
                "ORDER BY product_id, position, id", "SELECT * FROM product_text ORDER BY 1, 2"):
        out += c.execute(sql).fetchall()
    c.close()
    return out


def snapshot(s):
    """A digest of everything import-products may touch."""
    c = db(s)
    h = hashlib.sha256()
    for table in ("products", "subscription_plans", "product_images",
                  "categories"):
        for row in c.execute("SELECT * FROM %s ORDER BY id" % table):
            h.update(repr(row).encode())
    c.close()
    return h.hexdigest()


def write(s, name, text):
    path = os.path.join(s.dir, name)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(text)
    return path


@test
def init_twice_refuses():
    with Stack(demo=False) as s:
        check(one(s, "PRAGMA user_version")[0] >= 1, "no schema version")
        key = one(s, "SELECT value FROM settings WHERE key = 'secret_key'")
        check(key and len(key[0]) == 64, "secret key: %r" % (key,))
        p = s.ctl("init", check_rc=False)
        check(p.returncode == 1, "second init exit %d" % p.returncode)
        check("already exists" in p.stderr, "message: %r" % p.stderr)
        check(one(s, "SELECT value FROM settings WHERE key = 'secret_key'") ==
              key, "the secret key changed")
        p = s.ctl("init", "extra", check_rc=False)
        check(p.returncode == 2 and "usage" in p.stderr,
              "usage: %r" % p.stderr)
        p = s.ctl("no-such-command", check_rc=False)
        check(p.returncode == 2 and "unknown command" in p.stderr, p.stderr)
        p = s.ctl(check_rc=False)
        check(p.returncode == 2 and "import-products" in p.stderr,
              "usage list")


@test
def demo_draws_an_image_for_every_product():
    with Stack() as s:
        check(one(s, "SELECT count(*) FROM products WHERE image IS NULL OR "
                  "image NOT LIKE '/media/p/%-640.webp'")[0] == 0,
              "a product without a drawn cover")
        check(one(s, "SELECT count(*) FROM product_images")[0] ==
              one(s, "SELECT count(*) FROM products")[0], "one image each")
        media = s.env["SOUK_MEDIA_DIR"]
        for (path, alt) in db(s).execute(
                "SELECT i.path, i.alt FROM product_images i JOIN products p "
                "ON p.id = i.product_id WHERE p.slug IN ('iptv-gold-4k', "
                "'spotify-premium') ORDER BY p.slug"):
            base = os.path.join(media, "p", os.path.basename(path)[:-9])
            for px in (320, 640, 1280):
                with open("%s-%d.webp" % (base, px), "rb") as f:
                    head = f.read(16)
                check(head[:4] == b"RIFF" and head[8:12] == b"WEBP",
                      "%s-%d is not WebP" % (base, px))
            check(alt in ("Gold 4K IPTV", "Spotify Premium"), "alt %r" % alt)


@test
def demo_refuses_a_non_empty_catalog():
    with Stack() as s:
        n = one(s, "SELECT count(*) FROM products")[0]
        check(n >= 200, "demo has %d products" % n)
        check(one(s, "SELECT count(*) FROM categories")[0] >= 10, "categories")
        before = snapshot(s)
        p = s.ctl("demo", check_rc=False)
        check(p.returncode == 1 and "not empty" in p.stderr,
              "second demo: %d %r" % (p.returncode, p.stderr))
        check(snapshot(s) == before, "the second demo changed the catalog")


GOOD_CSV = (
    "\ufeffslug,name,kind,category,price,stock,description,parent,position,"
    "media_type,featured,active,plans,compare_at,sku,image\r\n"
    "test-iptv-max,\"Test IPTV Max, 4K\",subscription,iptv,,,\"All channels.\n"
    "Second paragraph.\",,,,1,1,1m=12.500;3m=33;12m=99.900,,TIM-1,"
    "/static/favicon.svg\r\n"
    "test-series,Test Series,digital,series,5,,A series.,,,series,0,1,,,,\r\n"
    "test-series-s1,Test Series Season 1,digital,series,4,,,test-series,1,"
    "season,,,,,,\r\n"
    "test-series-s1e01,Pilot Episode,digital,series,1.5,,,test-series-s1,1,"
    "episode,,,,,,\r\n"
    "test-series-s1e02,Second Episode,digital,series,1.5,,,test-series-s1,2,"
    "episode,,,,,,\r\n"
    # An existing product (from the demo), updated by slug.
    "spotify-premium,Spotify Premium Imported,subscription,music,,,"
    "Updated by import.,,,,0,1,1m=9.000,,,\r\n"
    "test-box,Test Box,physical,devices,149.900,7,A box.,,,,,,,199,,\r\n"
)


@test
def export_products_imports_back_unchanged():
    with Stack() as s:
        c = db(s)
        c.execute("UPDATE products SET name = '=1+1', sku = '@sum' WHERE "
                  "slug = 'spotify-premium'")
        c.commit()
        c.close()
        before = rows(s)
        path = os.path.join(s.dir, "out.csv")
        p = s.ctl("export-products", path, check_rc=False)
        check(p.returncode == 0, "export failed: %s" % p.stderr)
        with open(path, encoding="utf-8", newline="") as f:
            text = f.read()
        check(text.startswith("slug,name,kind,category,price,"), text[:200])
        n = one(s, "SELECT count(*) FROM products")[0]
        check(text.count("\r\n") >= n + 1, "a row per product")
        check("spotify-premium,'=1+1,subscription," in text, "guarded cell")
        p = s.ctl("import-products", path, check_rc=False)
        check(p.returncode == 0, "re-import failed: %s" % p.stderr[:2000])
        check("0 created, %d updated" % n in p.stdout, p.stdout)
        check(one(s, "SELECT name, sku FROM products WHERE slug = "
                  "'spotify-premium'") == ("=1+1", "@sum"), "guard dropped")
        after = rows(s)
        check(after == before, "the round trip changed the catalog:\n%s" %
              "\n".join("%r\n%r" % ab for ab in zip(before, after)
                        if ab[0] != ab[1])[:3000])
        p = s.ctl("export-products", check_rc=False)
        check(p.returncode == 2, "usage")


@test
def import_products_creates_updates_and_shows():
    with Stack() as s:
        before = one(s, "SELECT count(*) FROM products")[0]
        spotify_id = one(s, "SELECT id FROM products WHERE slug = "
                         "'spotify-premium'")[0]
        path = write(s, "good.csv", GOOD_CSV)
        p = s.ctl("import-products", path, check_rc=False)
        check(p.returncode == 0, "import failed: %s" % p.stderr)
        check("imported 7 products: 6 created, 1 updated" in p.stdout,
              "summary: %r" % p.stdout)
        check(one(s, "SELECT count(*) FROM products")[0] == before + 6,
              "product count")
        row = one(s, "SELECT id, name, description FROM products WHERE slug = "
                  "'spotify-premium'")
        check(row[0] == spotify_id, "the update created a new product")
        check(row[1] == "Spotify Premium Imported", "name not updated: %r" %
              (row,))
        plans = db(s).execute(
            "SELECT duration_months, duration_days, p.price_minor FROM "
            "subscription_plans p JOIN products x ON x.id = p.product_id "
            "WHERE x.slug = 'test-iptv-max' ORDER BY duration_months"
        ).fetchall()
        check(plans == [(1, 0, 12500), (3, 0, 33000), (12, 0, 99900)],
              "plans: %r" % plans)
        # Subscription price follows its cheapest plan (trigger).
        check(one(s, "SELECT price_minor FROM products WHERE slug = "
                  "'test-iptv-max'")[0] == 12500, "subscription price")
        # An update replaces the plans (old ones are deactivated, not
        # deleted: orders may point at them).
        check(db(s).execute(
            "SELECT count(*) FROM subscription_plans p JOIN products x ON "
            "x.id = p.product_id WHERE x.slug = 'spotify-premium' AND "
            "p.active = 1").fetchone()[0] == 1, "an update replaces the plans")
        parent = one(s, "SELECT p.slug FROM products c JOIN products p ON "
                     "p.id = c.parent_id WHERE c.slug = 'test-series-s1e02'")
        check(parent == ("test-series-s1",), "parent: %r" % (parent,))
        check(one(s, "SELECT stock, compare_at_minor FROM products WHERE "
                  "slug = 'test-box'") == (7, 199000), "stock, compare_at")
        # Visible on the site.
        s.start()
        t = s.get("/p/test-iptv-max").text
        for want in ("Test IPTV Max, 4K", "12.500\xa0TND", "99.900\xa0TND",
                     "Second paragraph.", "12 months"):
            check(want in t, "imported product page lacks %r" % want)
        t = s.get("/p/test-series-s1e01").text
        check('rel="next" href="/p/test-series-s1e02"' in t, "episode nav")
        check('href="/p/test-series"' in t, "series link")
        t = s.get("/p/spotify-premium").text
        check("Spotify Premium Imported" in t, "updated name on the site")
        check(t.count('name="plan"') == 1 and "9.000\xa0TND" in t,
              "old plans still offered")
        t = s.get("/search?q=test+box").text
        check("<mark>Test</mark> <mark>Box</mark>" in t, "search index")
        t = s.get("/p/test-box").text
        check('max="7"' in t and "199.000\xa0TND</s>" in t,
              "stock and compare-at price on the page")


BAD_CSV = (
    "slug,name,kind,price,plans,stock,category\n"
    "fine-one,Fine One,physical,10,,,\n"                 # line 2: good
    "Bad Slug,Name,physical,10,,,\n"                     # line 3
    "no-kind,Name,gadget,10,,,\n"                        # line 4
    "bad-price,Name,physical,12.3456,,,\n"               # line 5
    "sub-no-plans,Name,subscription,10,,,\n"             # line 6
    "bad-plans,Name,subscription,,1x=5,,\n"              # line 7
    "\"multi\nline\",Name,physical,1,,,\n"               # lines 8-9
    "bad-stock,Name,physical,1,,-4,\n"                   # line 10
    ",,physical,1,,,\n"                                  # line 11
    "a\"quote,Name,physical,1,,,\n"                      # line 12
    "fine-two,Fine Two,physical,10,,,\n"                 # line 13: good
)


@test
def import_products_reports_every_error_and_writes_nothing():
    with Stack() as s:
        before = snapshot(s)
        count = one(s, "SELECT count(*) FROM products")[0]
        p = s.ctl("import-products", write(s, "bad.csv", BAD_CSV),
                  check_rc=False)
        check(p.returncode == 1, "exit %d" % p.returncode)
        err = p.stderr
        for line, col in ((3, "slug"), (4, "kind"), (5, "price"), (6, "plans"),
                          (7, "plans"), (8, "slug"), (10, "stock"),
                          (11, "slug"), (11, "name"), (12, "csv")):
            check("line %d: %s:" % (line, col) in err,
                  "no report for line %d (%s) in:\n%s" % (line, col, err))
        check("line 2:" not in err and "line 13:" not in err,
              "good rows reported: " + err)
        check("nothing imported" in err, "summary: " + err)
        check(snapshot(s) == before, "something was written")
        check(one(s, "SELECT count(*) FROM products")[0] == count, "count")
        # Rows that are fine on their own but fail when written (an unknown
        # category, after a good row) roll the whole file back.
        p = s.ctl("import-products", write(s, "late.csv",
                  "slug,name,kind,price,category\n"
                  "late-good,Late Good,physical,1,music\n"
                  "late-bad,Late Bad,physical,1,no-such-category\n"),
                  check_rc=False)
        check(p.returncode == 1 and "line 3: category:" in p.stderr,
              "late failure: %d %r" % (p.returncode, p.stderr))
        check(one(s, "SELECT count(*) FROM products WHERE slug = 'late-good'")
              [0] == 0, "the good row before the failure was kept")
        check(snapshot(s) == before, "something was written (late failure)")
        # A parent must come before its children.
        p = s.ctl("import-products", write(s, "order.csv",
                  "slug,name,kind,price,parent\n"
                  "kid,Kid,digital,1,later-parent\n"
                  "later-parent,Parent,digital,1,\n"), check_rc=False)
        check(p.returncode == 1 and "line 2: parent:" in p.stderr,
              "parent order: %r" % p.stderr)
        # Header problems.
        for text, want in (("name,kind,price\nx,physical,1\n",
                            "slug: required column missing"),
                           ("slug,name,kind,colour\nx,X,physical,red\n",
                            "colour"),
                           ("slug,name,kind,slug\nx,X,physical,y\n",
                            "twice"),
                           ("slug,name,kind\n", "no products"),
                           ("", "no header")):
            p = s.ctl("import-products", write(s, "h.csv", text),
                      check_rc=False)
            check(p.returncode == 1 and want in p.stderr,
                  "header %r: %d %r" % (text, p.returncode, p.stderr))
        p = s.ctl("import-products", os.path.join(s.dir, "missing.csv"),
                  check_rc=False)
        check(p.returncode == 1 and "cannot read" in p.stderr, p.stderr)
        p = s.ctl("import-products", check_rc=False)
        check(p.returncode == 2, "no file: usage")
        check(snapshot(s) == before, "something was written (headers)")


@test
def import_products_refuses_nul_bytes():
    with Stack() as s:
        before = snapshot(s)
        path = os.path.join(s.dir, "nul.csv")
        with open(path, "wb") as f:
            f.write(b"slug,name,kind,price\nnul-name,Cut\0Here,physical,1\n")
        p = s.ctl("import-products", path, check_rc=False)
        check(p.returncode == 1 and "line 2:" in p.stderr and
              "NUL" in p.stderr, "NUL byte: %d %r" % (p.returncode, p.stderr))
        check(snapshot(s) == before, "a truncated name was stored")


@test
def migrate_dir_applies_in_order_and_rolls_back():
    with Stack(demo=False) as s:
        mdir = os.path.join(s.dir, "migrations")
        os.makedirs(mdir)
        base = one(s, "PRAGMA user_version")[0]
        # base + 10 sorts before base + 1 as text: order by number.
        a, b = base + 1, base + 9
        write(s, "migrations/%d_first.sql" % a,
              "CREATE TABLE mig_t (id INTEGER PRIMARY KEY);\n"
              "INSERT INTO mig_t VALUES (1);\n")
        write(s, "migrations/%d_second.sql" % (b + 1),
              "ALTER TABLE mig_t ADD COLUMN note TEXT;\n"
              "UPDATE mig_t SET note = 'two';\n")
        write(s, "migrations/README.txt", "not a migration\n")
        write(s, "migrations/draft.sql", "this is not SQL;\n")
        p = s.ctl("migrate", "--dir", mdir, check_rc=False)
        check(p.returncode == 0, "migrate: %s" % p.stderr)
        check("2 migrations applied; schema version %d" % (b + 1) in p.stdout,
              "summary: %r" % p.stdout)
        check(one(s, "PRAGMA user_version")[0] == b + 1, "user_version")
        check(one(s, "SELECT note FROM mig_t") == ("two",), "applied in order")
        # Idempotent.
        p = s.ctl("migrate", "--dir", mdir, check_rc=False)
        check(p.returncode == 0 and "0 migrations applied" in p.stdout,
              "second run: %r %r" % (p.stdout, p.stderr))
        # A failing migration rolls back entirely and keeps the version.
        write(s, "migrations/%d_broken.sql" % (b + 2),
              "CREATE TABLE mig_half (id INTEGER);\n"
              "INSERT INTO mig_t (id, note) VALUES (2, 'half');\n"
              "THIS IS NOT SQL;\n")
        p = s.ctl("migrate", "--dir", mdir, check_rc=False)
        check(p.returncode == 1, "broken migration exit %d" % p.returncode)
        check("still at version %d" % (b + 1) in p.stderr, p.stderr)
        check(one(s, "PRAGMA user_version")[0] == b + 1, "version moved")
        check(one(s, "SELECT count(*) FROM sqlite_master WHERE name = "
                  "'mig_half'")[0] == 0, "half a migration stayed")
        check(one(s, "SELECT count(*) FROM mig_t")[0] == 1, "rows stayed")
        # Two files with one number are refused before anything runs.
        os.remove(os.path.join(mdir, "%d_broken.sql" % (b + 2)))
        write(s, "migrations/%d_a.sql" % (b + 3), "CREATE TABLE dup_a (x);\n")
        write(s, "migrations/%d_b.sql" % (b + 3), "CREATE TABLE dup_b (x);\n")
        p = s.ctl("migrate", "--dir", mdir, check_rc=False)
        check(p.returncode == 1 and "two migrations numbered" in p.stderr,
              "duplicate numbers: %r" % p.stderr)
        p = s.ctl("migrate", "--dir", os.path.join(s.dir, "nope"),
                  check_rc=False)
        check(p.returncode == 1, "missing dir exit %d" % p.returncode)
        p = s.ctl("migrate", "--bogus", check_rc=False)
        check(p.returncode == 2, "bad flag exit %d" % p.returncode)
        # The built-in migrations on a current database: nothing to do.
        with Stack(demo=False) as s2:
            p = s2.ctl("migrate", check_rc=False)
            check(p.returncode == 0 and "0 migrations applied" in p.stdout,
                  "built-in: %r" % p.stdout)


def schema_objects(s):
    """Every table, index and trigger of the store as (type, name,
    table, its SQL with the blanks squeezed)."""
    c = db(s)
    try:
        return sorted((t, n, tbl, " ".join((q or "").split())) for
                      t, n, tbl, q in c.execute(
                          "SELECT type, name, tbl_name, sql FROM "
                          "sqlite_master WHERE name NOT LIKE 'sqlite_%'"))
    finally:
        c.close()


def sold_per_year(s):
    """order_stats_sold summed per calendar year, as the year table's
    rows (kind, category, product, year, units, revenue)."""
    c = db(s)
    try:
        return c.execute(
            "SELECT kind, category_id, product_id, substr(day, 1, 4), "
            "sum(units), sum(revenue_minor) FROM order_stats_sold GROUP BY "
            "1, 2, 3, 4 ORDER BY 4, 1, 2, 3").fetchall()
    finally:
        c.close()


# What migration 040 adds, dropped: a store as 039 left it.
UNDO_040 = ("DROP TRIGGER products_sold_out_ai; "
            "DROP TRIGGER products_sold_out_au; "
            "DROP INDEX products_sold_new; DROP INDEX products_sold_price; "
            "DROP INDEX products_sold_price_desc; "
            "DROP INDEX products_sold_name; "
            "ALTER TABLE products DROP COLUMN sold_out; "
            "CREATE INDEX products_active_new ON products(created_at DESC, "
            "id DESC) WHERE active = 1; "
            "CREATE INDEX products_active_price ON products(price_minor, id) "
            "WHERE active = 1; ")


@test
def migrate_038_adds_the_year_table_as_schema_sql():
    """A store at 037 (what 038 adds dropped) migrated to 038 has the
    schema of schema.sql, and the products sold per year filled from its
    months, equal to the days summed and to a rebuild."""
    with Stack(demo=False) as s:
        s.ctl("bench-data", "20", "--orders", "600")
        fresh = schema_objects(s)
        check(any(n == "order_stats_sold_year" for _, n, _, _ in fresh),
              "schema.sql has no order_stats_sold_year")
        want = sold_per_year(s)
        check(len({r[3] for r in want}) >= 2, "sales in fewer than 2 years")
        c = db(s)
        c.executescript(UNDO_040 + undo_039(fresh) +
                        "DROP TRIGGER order_stats_sold_year_ai; "
                        "DROP TRIGGER order_stats_sold_year_au; "
                        "DROP TABLE order_stats_sold_year; "
                        "PRAGMA user_version = 37;")
        c.close()
        p = s.ctl("migrate", check_rc=False)
        check(p.returncode == 0 and "3 migrations applied; schema version 40"
              in p.stdout, "migrate: %r %r" % (p.stdout, p.stderr))
        check(schema_objects(s) == fresh, "migrated schema differs from "
              "schema.sql")

        def years():
            c = db(s)
            try:
                return c.execute("SELECT * FROM order_stats_sold_year "
                                 "ORDER BY 4, 1, 2, 3").fetchall()
            finally:
                c.close()
        check(years() == want, "the year table is not the days per year")
        s.ctl("stats", "rebuild")
        check(years() == want, "the year table differs from a rebuild")


def undo_039(objects):
    """SQL taking a store's schema (schema_objects) back before 039."""
    return "".join("DROP TRIGGER %s; " % n for t, n, _, _ in objects
                   if t == "trigger" and n.startswith("catalog_version_")
                   ) + "DROP TABLE catalog_version; "


@test
def migrate_039_adds_the_catalog_version_as_schema_sql():
    """A store at 038 (the catalog version and its triggers dropped)
    migrated to 039 has the schema of schema.sql, a version row, and
    its triggers bump it: a product's price by hand, a setting."""
    with Stack(demo=False) as s:
        fresh = schema_objects(s)
        names = [n for t, n, _, _ in fresh if t == "trigger" and
                 n.startswith("catalog_version_")]
        check(len(names) >= 60, "schema.sql has %d catalog_version "
              "triggers" % len(names))
        c = db(s)
        c.executescript(UNDO_040 + undo_039(fresh) +
                        "PRAGMA user_version = 38;")
        c.close()
        p = s.ctl("migrate", check_rc=False)
        check(p.returncode == 0 and "2 migrations applied; schema version 40"
              in p.stdout, "migrate: %r %r" % (p.stdout, p.stderr))
        check(schema_objects(s) == fresh, "migrated schema differs from "
              "schema.sql")
        v = one(s, "SELECT n FROM catalog_version")[0]
        check(v >= 1, "no version row")
        s.ctl("bench-data", "3")
        v2 = one(s, "SELECT n FROM catalog_version")[0]
        check(v2 > v, "new products did not move the version")
        s.ctl("setting", "store_name", "Migrated")
        check(one(s, "SELECT n FROM catalog_version")[0] > v2,
              "a setting did not move the version")


@test
def migrate_040_adds_sold_out_as_schema_sql():
    """A store at 039 (what 040 adds dropped) migrated to 040 has the
    schema of schema.sql, products.sold_out filled from the stock, and
    the triggers keeping it."""
    with Stack(demo=False) as s:
        s.ctl("bench-data", "30")
        fresh = schema_objects(s)
        c = db(s)
        c.execute("UPDATE products SET stock = 0 WHERE id % 3 = 0")
        c.execute("UPDATE products SET stock = NULL WHERE id % 3 = 1")
        c.commit()
        c.executescript(UNDO_040 + "PRAGMA user_version = 39;")
        c.close()
        p = s.ctl("migrate", check_rc=False)
        check(p.returncode == 0 and "1 migration applied; schema version 40"
              in p.stdout, "migrate: %r %r" % (p.stdout, p.stderr))
        check(schema_objects(s) == fresh, "migrated schema differs from "
              "schema.sql")
        check(one(s, "SELECT count(*) FROM products WHERE sold_out = 1")[0]
              == one(s, "SELECT count(*) FROM products WHERE stock = 0")[0]
              > 0, "sold_out not filled")
        check(one(s, "SELECT count(*) FROM products WHERE sold_out <> "
                  "(coalesce(stock, -1) = 0)")[0] == 0, "sold_out wrong")
        c = db(s)
        c.execute("UPDATE products SET stock = 5 WHERE id % 3 = 0")
        c.commit()
        c.close()
        check(one(s, "SELECT count(*) FROM products WHERE sold_out = 1")[0]
              == 0, "sold_out does not follow the stock")


@test
def bench_data_fills_the_bench_categories():
    with Stack(demo=False) as s:
        p = s.ctl("bench-data", "500", check_rc=False)
        check(p.returncode == 0 and "added 500 products" in p.stdout,
              "bench-data: %r %r" % (p.stdout, p.stderr))
        check(one(s, "SELECT count(*) FROM products")[0] == 500, "count")
        check(one(s, "SELECT count(*) FROM categories WHERE slug LIKE "
                  "'bench-%'")[0] == 24, "4 departments x 5 aisles")
        for bad in ("0", "-5", "abc", "10x"):
            p = s.ctl("bench-data", bad, check_rc=False)
            check(p.returncode == 1, "bench-data %s: exit %d" %
                  (bad, p.returncode))
        s.start()
        home = s.get("/").text
        for i in range(1, 5):
            check("Bench department %d" % i in home, "home lacks dept %d" % i)
        t = s.get("/c/bench-1").text
        check("Showing 1–24 of" in t and 'class="card"' in t,
              "bench category page: " + t[:300])
        check(s.get("/c/bench-2-3").status == 200, "aisle page")
        check(s.get("/search?q=premium").status == 200, "search")
        # Running it again adds more, with new slugs.
        p = s.ctl("bench-data", "20", check_rc=False)
        check(p.returncode == 0 and "catalog now 520" in p.stdout, p.stdout)


@test
def config_shows_environment_overrides():
    with Stack(demo=False, env={"SOUK_SMTP_PASSWORD": "hunter2",
                               "SOUK_PAGE_CACHE": "7"}) as s:
        p = s.ctl("config", check_rc=False)
        check(p.returncode == 0, p.stderr)
        lines = {}
        for line in p.stdout.splitlines():
            k, _, v = line.partition("=")
            lines[k.strip()] = v.strip()
        check(lines.get("store_name") == "Souk Test", "store_name %r" %
              lines.get("store_name"))
        check(lines.get("currency") == "TND", "currency")
        check(lines.get("currency_decimals") == "3", "decimals from TND")
        check(lines.get("page_cache") == "7", "page_cache override")
        check(lines.get("db_path") == s.env["SOUK_DB_PATH"], "db_path")
        check(lines.get("smtp_password") == "(set)", "password shown: %r" %
              lines.get("smtp_password"))
        check("hunter2" not in p.stdout, "the password is printed")
        # A file, overridden by the environment.
        conf = write(s, "souk.conf", "store_name = From File\n"
                     "timezone = Africa/Tunis\n")
        env = dict(s.env, SOUK_CONF=conf)
        del env["SOUK_STORE_NAME"]
        r = subprocess.run([os.path.join(s.bin, "soukctl"), "config"], env=env,
                           capture_output=True, text=True, timeout=30)
        check("From File" in r.stdout and "Africa/Tunis" in r.stdout,
              "file values: " + r.stdout)
        env["SOUK_TIMEZONE"] = "Europe/Paris"
        r = subprocess.run([os.path.join(s.bin, "soukctl"), "config"], env=env,
                           capture_output=True, text=True, timeout=30)
        check("Europe/Paris" in r.stdout and "Africa/Tunis" not in r.stdout,
              "environment over file: " + r.stdout)
        with open(conf, "a") as f:
            f.write("colour = blue\n")
        r = subprocess.run([os.path.join(s.bin, "soukctl"), "config"], env=env,
                           capture_output=True, text=True, timeout=30)
        check(r.returncode == 1 and "unknown key 'colour'" in r.stderr,
              "bad key: %d %r" % (r.returncode, r.stderr))


# Issue 7, finding 7: C1 controls (CSI U+009B), U+2028/U+2029 and C0 in
# anything soukctl prints become '?'.
NASTY = ["\x1b[2J", "\x9b2J", "\x85", "\u2028", "\u2029", "\x07", "\r"]


def no_controls(where, text):
    """Fails when text (decoded output) holds a control soukctl must not
    print: C0 but LF, DEL, C1, U+2028, U+2029."""
    for ch in text:
        c = ord(ch)
        check(not ((c < 0x20 and ch != "\n") or 0x7F <= c <= 0x9F or
                   ch in "\u2028\u2029"),
              "%s prints U+%04X raw: %r" % (where, c, text[:400]))


def ctl_bytes(s, *args, env=None):
    """Runs soukctl; (stdout + stderr) decoded, bytes kept exact."""
    e = dict(s.env)
    e.update(env or {})
    p = subprocess.run([os.path.join(s.bin, "soukctl")] + list(args),
                       env=e, capture_output=True, timeout=60)
    return (p.stdout + p.stderr).decode("utf-8", "replace")


@test
def soukctl_prints_no_control_characters():
    from shop import ADDRESS, PNG, Shopper, order_token, upload
    with Stack() as s:
        s.start()
        b = Shopper(s)
        check(b.add("hdmi-2-1-cable-2m").status == 303, "added")
        token = order_token(b.place(ADDRESS, payment="bank"))
        # The proof's file name is whatever the browser sent.
        r = upload(b, token, [("proof", "shot\x9b2J\x1b[31m\u2028.png",
                               "image/png", PNG)])
        check(r.status == 303, "proof -> %d" % r.status)
        s.stop()
        # Rows written by older versions or other tools: every text column
        # soukctl shows, holding each nasty character.
        bad = "".join(NASTY)
        c = db(s)
        c.execute("UPDATE orders SET customer_name = ?, address = ?, "
                  "city = ? WHERE token = ?", ("Eve" + bad, "St" + bad,
                                               "Ci" + bad, token))
        c.execute("UPDATE order_items SET name = ?", ("Item" + bad,))
        c.execute("UPDATE mail_outbox SET subject = ?, last_error = ?",
                  ("Subj" + bad, "550 " + bad))
        c.commit()
        c.close()
        oid = str(one(s, "SELECT id FROM orders WHERE token = ?", token)[0])
        env = {"SOUK_STORE_NAME": "Shop" + bad}
        for args in (("order", "show", oid), ("orders", "list"),
                     ("mail", "list"), ("mail", "show", "1"), ("config",),
                     ("order", "show", "\x9b2J"), ("\x9b2J\u2028",)):
            out = ctl_bytes(s, *args, env=env)
            no_controls("soukctl " + " ".join(args), out)
        out = ctl_bytes(s, "order", "show", oid)
        check("shot?2J?[31m?.png" in out and "Eve?[2J?2J????" in out,
              "replaced with '?': " + out[:600])
        # The rule holds by construction: no soukctl source prints any
        # other way than through ctl_write() (ctl/ctl.h).
        import re
        ctl = os.path.join(os.path.dirname(__file__), "..", "..", "ctl")
        for name in sorted(os.listdir(ctl)):
            if not name.endswith(".c") or name == "ctl_out.c":
                continue
            with open(os.path.join(ctl, name)) as f:
                src = f.read()
            m = re.search(r"(?<![\w])(printf|fprintf|vfprintf|puts|fputs|"
                          r"putchar|fputc|putc|fwrite|write)\s*\(", src)
            check(m is None, "ctl/%s prints with %s()" % (
                name, m and m.group(1)))
