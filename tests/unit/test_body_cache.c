/* test_body_cache.c — the page table of the worker-side page cache
 * (body_table.h): holes cut at the markers and filled per visitor, keys
 * compared in full, the byte bound; the exact keys of hdf_key.h; and the
 * catalog version (catalog_version.h) moving at every write of what the
 * pages show, this connection's or another's, and at nothing else. */
#include <sqlite3.h>
#include <stdlib.h>

#include "body_table.h"
#include "catalog_version.h"
#include "db.h"
#include "db_internal.h"
#include "hdf_key.h"
#include "t.h"

#define MK "soukslotTEST"

/* A page parsed from text (markers MK followed by a slot digit). */
static int
parse(struct body_page *p, const char *text)
{
	struct buf b = { 0 };

	buf_puts(&b, text);
	return body_page_parse(p, &b, MK);
}

/* p spliced with vals into a string (static buffer, next call reuses). */
static const char *
splice(const struct body_page *p, const char *v0, const char *v1)
{
	static struct buf out;
	const char *vals[BODY_SLOTS] = { v0, v1, NULL, NULL };

	buf_reset(&out);
	buf_puts(&out, "");
	body_page_splice(p, vals, &out);
	return out.data;
}

TEST(body_page_cuts_holes_and_fills_them_per_visitor)
{
	struct body_page p;

	CHECK_INT(parse(&p, "<meta content=\"" MK "0\"><b>" MK "1</b>"
	    "<i>" MK "0</i>"), 0);
	CHECK_INT(p.nholes, 3);
	CHECK_STR(p.text, "<meta content=\"\"><b></b><i></i>");
	CHECK_STR(splice(&p, "tokA", "3"),
	    "<meta content=\"tokA\"><b>3</b><i>tokA</i>");
	CHECK_STR(splice(&p, "tokB", "0"),
	    "<meta content=\"tokB\"><b>0</b><i>tokB</i>");
	/* A visitor without a value gets nothing there. */
	CHECK_STR(splice(&p, NULL, "1"), "<meta content=\"\"><b>1</b><i></i>");
	body_page_free(&p);
	/* The marker without a slot digit, at the end, or with a digit past
	 * the slots stays text. */
	CHECK_INT(parse(&p, "a" MK "x b" MK "9 " MK), 0);
	CHECK_INT(p.nholes, 0);
	CHECK_STR(splice(&p, "t", "1"), "a" MK "x b" MK "9 " MK);
	body_page_free(&p);
	/* No marker: the page as it is; holes at both ends. */
	CHECK_INT(parse(&p, MK "1plain" MK "1"), 0);
	CHECK_STR(splice(&p, NULL, "7"), "7plain7");
	body_page_free(&p);
}

TEST(body_page_refuses_more_holes_than_it_holds)
{
	struct buf b = { 0 };
	struct body_page p;

	for (int i = 0; i <= BODY_HOLES_MAX; i++)
		buf_puts(&b, "x" MK "0");
	CHECK_INT(body_page_parse(&p, &b, MK), -1);
	CHECK(b.data == NULL && p.text == NULL);
}

TEST(body_table_matches_the_whole_key_and_the_version)
{
	struct body_entry e[1];
	struct body_table t = { e, 1, 0, 1 << 20, 0 };
	const struct body_page *got;
	struct body_page p;

	memset(e, 0, sizeof(e));
	/* One entry: every key lands in it, so only the comparison of the
	 * whole key tells them apart. */
	CHECK_INT(parse(&p, "page A " MK "1"), 0);
	CHECK_INT(body_keep(&t, "path=/c/x;lang=0", 16, 7, &p), 0);
	CHECK(p.text == NULL);
	CHECK((got = body_find(&t, "path=/c/x;lang=0", 16, 7)) != NULL);
	if (got != NULL)
		CHECK_STR(splice(got, NULL, "2"), "page A 2");
	CHECK(body_find(&t, "path=/c/x;lang=1", 16, 7) == NULL);
	CHECK(body_find(&t, "path=/c/y;lang=0", 16, 7) == NULL);
	CHECK(body_find(&t, "path=/c/x;lang=", 15, 7) == NULL);
	CHECK(body_find(&t, "path=/c/x;lang=0\0", 17, 7) == NULL);
	/* Another catalog version: not that page. */
	CHECK(body_find(&t, "path=/c/x;lang=0", 16, 8) == NULL);
	/* A new key takes the entry over. */
	CHECK_INT(parse(&p, "page B"), 0);
	CHECK_INT(body_keep(&t, "path=/c/y;lang=0", 16, 7, &p), 0);
	CHECK(body_find(&t, "path=/c/x;lang=0", 16, 7) == NULL);
	CHECK(body_find(&t, "path=/c/y;lang=0", 16, 7) != NULL);
	CHECK_INT(t.bytes, 16 + 6);
	body_table_clear(&t);
	CHECK_INT(t.bytes, 0);
	CHECK(body_find(&t, "path=/c/y;lang=0", 16, 7) == NULL);
}

TEST(body_table_stays_within_its_bytes)
{
	struct body_entry e[64];
	struct body_table t = { e, 64, 0, 4000, 0 };
	char key[32], page[900];
	struct body_page p;
	int kept = 0;

	memset(e, 0, sizeof(e));
	memset(page, 'x', sizeof(page) - 1);
	page[sizeof(page) - 1] = '\0';
	for (int i = 0; i < 200; i++) {
		snprintf(key, sizeof(key), "k%d", i);
		CHECK_INT(parse(&p, page), 0);
		CHECK_INT(body_keep(&t, key, strlen(key), 1, &p), 0);
		CHECK(t.bytes <= t.max_bytes);
		/* The page just kept is there. */
		CHECK(body_find(&t, key, strlen(key), 1) != NULL);
	}
	for (int i = 0; i < 200; i++) {
		snprintf(key, sizeof(key), "k%d", i);
		kept += body_find(&t, key, strlen(key), 1) != NULL;
	}
	CHECK(kept >= 2 && kept <= 4);
	/* A page bigger than a quarter of the table is not kept. */
	{
		char big[1100];

		memset(big, 'y', sizeof(big) - 1);
		big[sizeof(big) - 1] = '\0';
		CHECK_INT(parse(&p, big), 0);
		CHECK_INT(body_keep(&t, "big", 3, 1, &p), -1);
		CHECK(p.text == NULL);
		CHECK(body_find(&t, "big", 3, 1) == NULL);
	}
	body_table_clear(&t);
	CHECK_INT(t.bytes, 0);
}

TEST(hdf_key_tells_every_tree_apart)
{
	struct buf a = { 0 }, b = { 0 };
	HDF *h;

	CHECK(hdf_init(&h) == STATUS_OK);
	/* "ab" + "c" and "a" + "bc"; NULL and "". */
	hdf_key_str(&a, "ab");
	hdf_key_str(&a, "c");
	hdf_key_str(&b, "a");
	hdf_key_str(&b, "bc");
	CHECK(a.len != b.len || memcmp(a.data, b.data, a.len) != 0);
	buf_reset(&a);
	buf_reset(&b);
	hdf_key_str(&a, NULL);
	hdf_key_str(&b, "");
	CHECK(a.len != b.len || memcmp(a.data, b.data, a.len) != 0);
	/* A value, a child of the same name and text, an absent subtree. */
	hdf_set_value(h, "S.logged_in", "1");
	buf_reset(&a);
	hdf_key_at(&a, h, "S");
	hdf_set_value(h, "S.name", "Amira");
	buf_reset(&b);
	hdf_key_at(&b, h, "S");
	CHECK(a.len != b.len || memcmp(a.data, b.data, a.len) != 0);
	buf_reset(&a);
	hdf_key_at(&a, h, "S");
	CHECK(a.len == b.len && memcmp(a.data, b.data, a.len) == 0);
	hdf_set_value(h, "S.name", "Amir");
	buf_reset(&a);
	hdf_key_at(&a, h, "S");
	CHECK(a.len != b.len || memcmp(a.data, b.data, a.len) != 0);
	buf_reset(&a);
	buf_reset(&b);
	hdf_key_at(&a, h, "T");
	hdf_set_value(h, "T", "");
	hdf_key_at(&b, h, "T");
	CHECK(a.len != b.len || memcmp(a.data, b.data, a.len) != 0);
	buf_free(&a);
	buf_free(&b);
	hdf_destroy(&h);
}

/* Runs sql on the other connection; 1 when it succeeded. */
static int
other_exec(sqlite3 *o, const char *sql)
{
	return sqlite3_exec(o, sql, NULL, NULL, NULL) == SQLITE_OK;
}

TEST(catalog_version_moves_with_what_pages_show)
{
	struct db *db = t_db_new();
	sqlite3 *other = NULL;
	long long v;

	CHECK(db != NULL);
	if (db == NULL)
		return;
	CHECK(sqlite3_open(sqlite3_db_filename(db_sqlite(db), "main"),
	    &other) == SQLITE_OK);
	CHECK_INT(catalog_version_refresh(db, db_data_version(db)), 1);	/* first call */
	v = catalog_version();
	CHECK(v >= 1);
	CHECK_INT(catalog_version_refresh(db, db_data_version(db)), 0);
	/* A cart, a session, a rate hit: not the catalog. */
	CHECK(other_exec(other, "INSERT INTO rate_hits(bucket, client, at) "
	    "VALUES ('t', 'a', 1)"));
	CHECK_INT(catalog_version_refresh(db, db_data_version(db)), 0);
	CHECK_INT(catalog_version(), v);
	/* A new account shows nowhere in the catalog. */
	CHECK(other_exec(other, "INSERT INTO users(id, email, email_norm, "
	    "name, pw_hash, created_at, updated_at) VALUES (1, 'a@x.tn', "
	    "'a@x.tn', 'A', 'x', 1, 1)"));
	CHECK_INT(catalog_version_refresh(db, db_data_version(db)), 0);
	/* Another connection's product, price, stock (an order's), text,
	 * category, review and setting, each by hand. */
	{
		static const char *const writes[] = {
			"INSERT INTO products(id, slug, name, kind, price_minor, "
			"stock, created_at, updated_at) VALUES (1, 'lamp', "
			"'Lamp', 'physical', 100, 5, 1, 1)",
			"UPDATE products SET price_minor = 90 WHERE id = 1",
			"UPDATE products SET stock = stock - 1 WHERE id = 1",
			"UPDATE products SET name = 'Lampe' WHERE id = 1",
			"INSERT INTO categories(id, slug, name, created_at, "
			"updated_at) VALUES (1, 'home', 'Home', 1, 1)",
			"UPDATE categories SET name = 'House' WHERE id = 1",
			"INSERT INTO posts(id, kind, product_id, user_id, "
			"rating, body, status, created_at, updated_at) VALUES "
			"(1, 'review', 1, 1, 5, 'Good lamp', 'pending', 1, 1)",
			"UPDATE posts SET status = 'published' WHERE id = 1",
			"UPDATE users SET name = 'B' WHERE id = 1",
			"INSERT INTO settings VALUES ('store_name', 'Shop')",
		};
		for (size_t i = 0; i < sizeof(writes) / sizeof(writes[0]);
		    i++) {
			int ok = other_exec(other, writes[i]);

			CHECK(ok);
			if (!ok)
				printf("    %s: %s\n", writes[i],
				    sqlite3_errmsg(other));
			if (catalog_version_refresh(db, db_data_version(db)) != 1 ||
			    catalog_version() <= v) {
				CHECK(!"the version moved");
				printf("    not after: %s\n", writes[i]);
			}
			v = catalog_version();
		}
	}
	/* A login (users' other columns) is not. */
	CHECK(other_exec(other, "UPDATE users SET pw_hash = 'y' WHERE id = 1"));
	CHECK_INT(catalog_version_refresh(db, db_data_version(db)), 0);
	/* This connection's own write: data_version does not move, the
	 * change count does. */
	CHECK_INT(t_exec(db, "UPDATE products SET stock = 2 WHERE id = 1"), 0);
	CHECK_INT(catalog_version_refresh(db, db_data_version(db)), 1);
	CHECK(catalog_version() > v);
	v = catalog_version();
	CHECK_INT(t_exec(db, "INSERT INTO rate_hits(bucket, client, at) "
	    "VALUES ('t', 'b', 1)"), 0);
	CHECK_INT(catalog_version_refresh(db, db_data_version(db)), 0);
	CHECK_INT(catalog_version(), v);
	sqlite3_close(other);
	db_close(db);
}
