/* test_sorts.c — every sort of a broad search and of a category page:
 * sold-out products last, the pages in the order of the whole list, and
 * each page read from an index in its order, no sorter (migration 040,
 * docs/performance.md "Search"). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "db.h"
#include "db_catalog.h"
#include "db_internal.h"
#include "db_products.h"
#include "search.h"
#include "t.h"

#define NPROD 600	/* past DB_LISTING_SKIP_MAX + a page: pages from the end */
#define PAGE 24

/* The whole order of each sort, as the definition says (sold out: stock
 * 0, NULL unlimited), not as the indexes hold it. */
static const char *const want_order[SORT__MAX] = {
	[SORT_NEWEST] = "created_at DESC, id DESC",
	[SORT_PRICE_ASC] = "price_minor, id",
	[SORT_PRICE_DESC] = "price_minor DESC, id DESC",
	[SORT_NAME] = "name COLLATE NOCASE, id",
};

/* A store with one category of NPROD products named "... premium ...",
 * every seventh sold out, every fifth unlimited, every eleventh inactive,
 * prices and names in no order of their ids, a few sharing a price and a
 * name. */
static struct db *
sorts_db(long long *cat)
{
	struct db *db = t_db_new();
	char slug[32], name[64];

	if (db == NULL)
		return NULL;
	*cat = db_category_create(db, 0, "all", "All", "", 0);
	db_begin(db);
	for (int i = 0; i < NPROD; i++) {
		struct product_in p = { .slug = slug, .name = name,
		    .description = "", .kind = "physical", .category_id = *cat,
		    .price_minor = 100 + (i * 7919) % 97,
		    .compare_at_minor = -1, .active = i % 11 != 5,
		    .stock = i % 7 == 3 ? 0 : i % 5 == 0 ? -1 : 1 + i % 9,
		    .created_at = 1700000000 + (i * 389) % 211 };

		snprintf(slug, sizeof(slug), "p%d", i);
		snprintf(name, sizeof(name), "%s premium %03d",
		    i % 2 ? "Gold" : "gold", (i * 613) % 149);
		CHECK(db_product_create(db, &p) > 0);
	}
	db_commit(db);
	return db;
}

/* The ids the query sql reads (first column), into ids (room for
 * NPROD); their number. */
static size_t
ids_of(struct db *db, const char *sql, long long *ids)
{
	sqlite3_stmt *st;
	size_t n = 0;

	if (sqlite3_prepare_v2(db_sqlite(db), sql, -1, &st, NULL) != SQLITE_OK)
		return 0;
	while (n < NPROD && sqlite3_step(st) == SQLITE_ROW)
		ids[n++] = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

/* Ids of the active products matching "premium" (cat: of that category)
 * priced min..max, in sort s with sold-out last, into ids (room for
 * NPROD); their number. */
static size_t
want_ids(struct db *db, enum sort s, int cat, long long min, long long max,
    long long *ids)
{
	char sql[512];

	snprintf(sql, sizeof(sql), "SELECT id FROM products WHERE active = 1 "
	    "AND price_minor BETWEEN %lld AND %lld AND %s ORDER BY "
	    "coalesce(stock, -1) = 0, %s", min, max, cat ? "parent_id IS NULL" :
	    "id IN (SELECT rowid FROM products_fts WHERE products_fts MATCH "
	    "'premium')", want_order[s]);
	return ids_of(db, sql, ids);
}

/* Checks that `got` (n cards) is want[from, from + n) and that no
 * in-stock card follows a sold-out one. */
static void
check_page(const struct listing *l, const long long *want, size_t from,
    size_t nwant, const char *what)
{
	int seen_out = 0;

	for (size_t i = 0; i < l->n; i++) {
		if (from + i >= nwant || l->items[i].id != want[from + i]) {
			t_fail(__FILE__, __LINE__, what);
			return;
		}
		if (seen_out && l->items[i].stock != 0)
			t_fail(__FILE__, __LINE__, what);
		seen_out |= l->items[i].stock == 0;
	}
}

/* Every prepared statement of db's connection whose SQL holds `marker`:
 * none may have sorted since it was prepared, and its plan must hold
 * `walk` (the index it reads) and no temporary b-tree.  Returns how many
 * were checked. */
static int
check_plans(struct db *db, const char *marker, const char *walk)
{
	sqlite3 *h = db_sqlite(db);
	int checked = 0;

	for (sqlite3_stmt *st = sqlite3_next_stmt(h, NULL); st != NULL;
	    st = sqlite3_next_stmt(h, st)) {
		const char *sql = sqlite3_sql(st);
		char plan[2048] = "", q[8192];
		sqlite3_stmt *e;

		if (sql == NULL || strstr(sql, marker) == NULL)
			continue;
		checked++;
		if (sqlite3_stmt_status(st, SQLITE_STMTSTATUS_SORT, 0) != 0)
			t_fail(__FILE__, __LINE__, sql);
		snprintf(q, sizeof(q), "EXPLAIN QUERY PLAN %s", sql);
		if (sqlite3_prepare_v2(h, q, -1, &e, NULL) != SQLITE_OK) {
			t_fail(__FILE__, __LINE__, q);
			continue;
		}
		while (sqlite3_step(e) == SQLITE_ROW) {
			const char *d = (const char *)sqlite3_column_text(e, 3);
			if (d != NULL && strlen(plan) + strlen(d) + 2 < sizeof(plan)) {
				strcat(plan, d);
				strcat(plan, "; ");
			}
		}
		sqlite3_finalize(e);
		if (strstr(plan, "TEMP B-TREE") != NULL ||
		    strstr(plan, walk) == NULL) {
			printf("    plan: %s\n    of: %s\n", plan, sql);
			t_fail(__FILE__, __LINE__, "sorted or no index");
		}
	}
	return checked;
}

/* A broad search (every product matches "premium", the active ones are
 * found), page by page in each sort, also within a price range: the whole
 * order, sold-out last; the pages that take the broad path walk their
 * sort's index. */
TEST(search_sorts_walk_an_index)
{
	static const enum sort sorts[] = { SORT_NEWEST, SORT_PRICE_ASC,
	    SORT_PRICE_DESC, SORT_NAME };
	struct search_fts f = { .all = "\"premium\"" };
	long long want[NPROD], cat;
	struct db *db = sorts_db(&cat);
	struct arena a;

	CHECK(db != NULL);
	if (db == NULL)
		return;
	arena_init(&a, 0);
	for (size_t s = 0; s < 2 * sizeof(sorts) / sizeof(*sorts); s++) {
		enum sort sort = sorts[s / 2];
		long long min = s % 2 ? 110 : 0, max = s % 2 ? 170 : DB_PRICE_MAX;
		size_t n = want_ids(db, sort, 0, min, max, want);
		char what[64];

		CHECK(n > 4 * PAGE && n < NPROD);
		for (long long off = 0; off < (long long)n; off += PAGE) {
			struct listing_query q = { .sort = sort, .limit = PAGE,
			    .offset = off, .min_price = min, .max_price = max };
			struct listing l;

			snprintf(what, sizeof(what), "search sort %d price %lld "
			    "offset %lld", (int)sort, min, off);
			CHECK_INT(db_search(db, &a, &q, &f, &l), 0);
			CHECK_INT(l.total, n);
			CHECK_INT(l.n, (long long)n - off < PAGE ? (long long)n - off :
			    PAGE);
			check_page(&l, want, (size_t)off, n, what);
		}
	}
	/* WALK (db_catalog.c): one statement per sort, all run above. */
	CHECK_INT(check_plans(db, "SELECT p.id FROM products p ORDER BY ",
	    "SCAN p USING COVERING INDEX products_sold_"), 4);
	arena_free(&a);
	db_close(db);
}

/* Ids of the top-level active products matching "premium" listed in
 * category cat, priced min..max, in sort s (SORT_RELEVANCE: by id) with
 * sold-out last, into ids (room for NPROD); their number. */
static size_t
want_in(struct db *db, enum sort s, long long cat, long long min,
    long long max, long long *ids)
{
	char sql[512];

	snprintf(sql, sizeof(sql), "SELECT id FROM products WHERE active = 1 "
	    "AND parent_id IS NULL AND price_minor BETWEEN %lld AND %lld AND "
	    "id IN (SELECT product_id FROM category_listing WHERE category_id "
	    "= %lld) ORDER BY coalesce(stock, -1) = 0, %s", min, max, cat,
	    s == SORT_RELEVANCE ? "id" : want_order[s]);
	return ids_of(db, sql, ids);
}

/* qsort order of ids. */
static int
id_cmp(const void *a, const void *b)
{
	long long x = *(const long long *)a, y = *(const long long *)b;

	return x < y ? -1 : x > y;
}

/* A search within a category (the whole store's, one of a third of it),
 * with and without a price range (one price alone: few matches), in
 * every sort: the count, and the pages in order (relevance: every match
 * once, past the ranked ones too).  The filters are read as sets
 * (db_catalog.c FILTERS), not from each match's row. */
TEST(search_filters_count_and_order)
{
	static const enum sort sorts[] = { SORT_RELEVANCE, SORT_NEWEST,
	    SORT_PRICE_ASC, SORT_PRICE_DESC, SORT_NAME };
	struct search_fts f = { .all = "\"premium\"" };
	long long want[NPROD], got[NPROD], cat, third;
	struct db *db = sorts_db(&cat);
	struct arena a;

	CHECK(db != NULL);
	if (db == NULL)
		return;
	arena_init(&a, 0);
	third = db_category_create(db, cat, "third", "Third", "", 0);
	CHECK(third > 0);
	CHECK(sqlite3_exec(db_sqlite(db), "UPDATE products SET category_id = "
	    "(SELECT id FROM categories WHERE slug = 'third') WHERE id % 3 = 0",
	    NULL, NULL, NULL) == SQLITE_OK);
	for (size_t s = 0; s < sizeof(sorts) / sizeof(*sorts); s++)
		for (int v = 0; v < 4; v++) {
			long long c = v % 2 ? third : cat;
			long long min = v < 2 ? 0 : 150, max = v < 2 ?
			    DB_PRICE_MAX : 150;
			size_t n = want_in(db, sorts[s], c, min, max, want), k = 0;
			char what[80];

			CHECK(n > 0);
			CHECK(v > 0 || n > 500);	/* past the ranked rows */
			for (long long off = 0; off < (long long)n; off += PAGE) {
				struct listing_query q = { .sort = sorts[s],
				    .limit = PAGE, .offset = off, .category_id = c,
				    .min_price = min, .max_price = max };
				struct listing l;

				snprintf(what, sizeof(what), "sort %d cat %lld "
				    "price %lld offset %lld", (int)sorts[s], c,
				    min, off);
				CHECK_INT(db_search(db, &a, &q, &f, &l), 0);
				CHECK_INT(l.total, n);
				if (sorts[s] != SORT_RELEVANCE)
					check_page(&l, want, (size_t)off, n, what);
				for (size_t i = 0; i < l.n && k < NPROD; i++)
					got[k++] = l.items[i].id;
				arena_reset(&a);
			}
			CHECK_INT(k, n);
			qsort(got, k, sizeof(*got), id_cmp);
			qsort(want, n, sizeof(*want), id_cmp);
			CHECK(k == n && memcmp(got, want, n * sizeof(*got)) == 0);
		}
	arena_free(&a);
	db_close(db);
}

/* A category in each sort: pages by number from the start and from the
 * end, and by the neighbour's key both ways; each first page, seek and
 * page from the end walks its index (CAT_FIRST, CAT_SEEK). */
TEST(category_sorts_walk_an_index)
{
	static const enum sort sorts[] = { SORT_NEWEST, SORT_PRICE_ASC,
	    SORT_PRICE_DESC, SORT_NAME };
	long long want[NPROD], cat;
	struct db *db = sorts_db(&cat);
	struct arena a;

	CHECK(db != NULL);
	if (db == NULL)
		return;
	arena_init(&a, 0);
	for (size_t s = 0; s < sizeof(sorts) / sizeof(*sorts); s++) {
		size_t n = want_ids(db, sorts[s], 1, 0, DB_PRICE_MAX, want);
		long long after = 0;
		char what[64];

		CHECK(n > DB_LISTING_SKIP_MAX + PAGE);
		for (long long off = 0; off + PAGE <= (long long)n; off += PAGE) {
			struct listing_query q = { .category_id = cat,
			    .sort = sorts[s], .limit = PAGE, .offset = off,
			    .max_price = DB_PRICE_MAX };
			struct listing l, k;

			snprintf(what, sizeof(what), "category sort %d offset %lld",
			    (int)sorts[s], off);
			/* By number (2: too deep for that, from both ends). */
			if (db_listing_direct((long long)n, off, PAGE)) {
				CHECK_INT(db_listing(db, &a, &q, &l), 0);
				check_page(&l, want, (size_t)off, n, what);
			}
			/* By the key of the page before, and back. */
			q.offset = 0;
			q.after = after;
			CHECK_INT(db_listing(db, &a, &q, &k), 0);
			CHECK_INT(k.n, PAGE);
			check_page(&k, want, (size_t)off, n, what);
			if (off + PAGE < (long long)n) {
				struct listing b;

				q.after = 0;
				q.before = want[off + PAGE];
				CHECK_INT(db_listing(db, &a, &q, &b), 0);
				check_page(&b, want, (size_t)off, n, what);
			}
			after = want[off + PAGE - 1];
		}
	}
	/* CAT_FIRST and the three CAT_SEEK of each sort. */
	CHECK_INT(check_plans(db, "FROM category_listing c JOIN products p",
	    "SEARCH c USING COVERING INDEX category_listing_"), 16);
	arena_free(&a);
	db_close(db);
}

/* products.sold_out follows the stock, however it is written. */
TEST(sold_out_follows_the_stock)
{
	long long cat;
	struct db *db = sorts_db(&cat);

	CHECK(db != NULL);
	if (db == NULL)
		return;
	CHECK_INT(t_int(db, "SELECT count(*) FROM products WHERE sold_out <> "
	    "(coalesce(stock, -1) = 0)"), 0);
	CHECK_INT(t_int(db, "SELECT sold_out FROM products WHERE slug = 'p3'"), 1);
	CHECK_INT(t_exec(db, "UPDATE products SET stock = 4 WHERE slug = 'p3'"), 0);
	CHECK_INT(t_int(db, "SELECT sold_out FROM products WHERE slug = 'p3'"), 0);
	CHECK_INT(t_exec(db, "UPDATE products SET stock = stock - 4 "
	    "WHERE slug = 'p3' AND stock >= 4"), 0);
	CHECK_INT(t_int(db, "SELECT sold_out FROM products WHERE slug = 'p3'"), 1);
	CHECK_INT(t_exec(db, "UPDATE products SET stock = NULL WHERE slug = 'p3'"), 0);
	CHECK_INT(t_int(db, "SELECT sold_out FROM products WHERE slug = 'p3'"), 0);
	/* Written by hand, it is put back. */
	CHECK_INT(t_exec(db, "UPDATE products SET sold_out = 1 WHERE slug = 'p3'"), 0);
	CHECK_INT(t_int(db, "SELECT sold_out FROM products WHERE slug = 'p3'"), 0);
	CHECK_INT(t_exec(db, "INSERT INTO products(slug, name, kind, price_minor, "
	    "stock, created_at, updated_at, sold_out) VALUES ('z', 'Z', "
	    "'physical', 1, 0, 1, 1, 0)"), 0);
	CHECK_INT(t_int(db, "SELECT sold_out FROM products WHERE slug = 'z'"), 1);
	CHECK_INT(t_int(db, "SELECT count(*) FROM products WHERE sold_out <> "
	    "(coalesce(stock, -1) = 0)"), 0);
	db_close(db);
}
