/* test_typo.c — the typo index: keys that find every close term, and the
 * vocabulary the schema's triggers keep as products come and go. */
#include <stdlib.h>

#include "db.h"
#include "db_catalog.h"
#include "db_products.h"
#include "db_text.h"
#include "search.h"
#include "t.h"

/* 1 when a and b share a key made with at most d deletions on each side. */
static int
share_key(const char *a, const char *b, int d)
{
	struct db_typo_key ka[DB_TYPO_KEYS], kb[DB_TYPO_KEYS];
	size_t na = db_typo_keys(a, d, ka), nb = db_typo_keys(b, d, kb);

	for (size_t i = 0; i < na; i++)
		for (size_t j = 0; j < nb; j++)
			if (strcmp(ka[i].key, kb[j].key) == 0)
				return 1;
	return 0;
}

TEST(typo_keys_cases)
{
	struct db_typo_key k[DB_TYPO_KEYS];

	CHECK_INT(db_typo_keys("ab", 2, k), 0);		/* too short */
	CHECK_INT(db_typo_keys("2024", 2, k), 0);	/* a number */
	CHECK_INT(db_typo_keys("abc\xff", 2, k), 0);	/* not UTF-8 */
	CHECK_INT(db_typo_keys("abc", 0, k), 1);
	CHECK_STR(k[0].key, "abc");
	/* abc, bc, ac, ab */
	CHECK_INT(db_typo_keys("abc", 1, k), 4);
	CHECK_STR(k[1].key, "bc");
	CHECK_INT(k[1].dels, 1);
	/* Repeated letters give one key each: aab, ab, aa. */
	CHECK_INT(db_typo_keys("aab", 1, k), 3);
	/* Only the first 7 characters count: 1 + 7 + 21 keys. */
	CHECK_INT(db_typo_keys("abcdefghijkl", 2, k), DB_TYPO_KEYS);
	CHECK_STR(k[0].key, "abcdefg");
	/* Characters, not bytes, are deleted: "é" stays whole. */
	CHECK_INT(db_typo_keys("\xc3\xa9t\xc3\xa9", 1, k), 4);
	CHECK_STR(k[1].key, "t\xc3\xa9");
	CHECK_STR(k[2].key, "\xc3\xa9\xc3\xa9");
}

/* A random word of n letters over a small alphabet (so neighbours are
 * common). */
static void
rand_word(char *w, size_t n)
{
	for (size_t i = 0; i < n; i++)
		w[i] = (char)('a' + rand() % 5);
	w[n] = '\0';
}

/* One random edit of w (insert, delete, substitute, swap) into out. */
static void
rand_edit(const char *w, char *out)
{
	size_t n = strlen(w), i = (size_t)rand() % (n + 1);
	int op = rand() % 4;

	if (op == 0) {			/* insert at i */
		memcpy(out, w, i);
		out[i] = (char)('a' + rand() % 5);
		strcpy(out + i + 1, w + i);
	} else if (op == 1 && n > 0) {	/* delete at i */
		i %= n;
		memcpy(out, w, i);
		strcpy(out + i, w + i + 1);
	} else if (op == 2 && n > 0) {	/* substitute at i */
		strcpy(out, w);
		out[i % n] = (char)('a' + rand() % 5);
	} else {			/* swap i, i + 1 */
		strcpy(out, w);
		if (n >= 2) {
			char c;
			i %= n - 1;
			c = out[i];
			out[i] = out[i + 1];
			out[i + 1] = c;
		}
	}
}

/* The lookup must find every term within the distance typo correction
 * allows, whatever the length (words past the 7-character prefix too). */
TEST(typo_keys_find_every_close_word)
{
	char w[80], e1[80], e2[80];

	srand(16);
	for (int round = 0; round < 20000; round++) {
		size_t len = 4 + (size_t)rand() % 12;
		size_t d;

		rand_word(w, len);
		rand_edit(w, e1);
		rand_edit(e1, e2);
		if (strlen(e2) < DB_TYPO_MINLEN)
			continue;
		d = edit_distance(w, e2, 2);
		if (d <= 2 && !share_key(w, e2, (int)d)) {
			t_fail(__FILE__, __LINE__, w);
			t_fail(__FILE__, __LINE__, e2);
			return;
		}
		d = edit_distance(w, e1, 2);
		if (d <= 1 && !share_key(w, e1, (int)d)) {
			t_fail(__FILE__, __LINE__, e1);
			return;
		}
	}
}

/* -- the vocabulary kept from the triggers' queue ---------------------- */

static struct db *
fresh_db(const char *name)
{
	char path[512];
	struct db *db;

	snprintf(path, sizeof(path), "%s/%s", t_tmpdir(), name);
	if ((db = db_open(path, DB_CREATE)) == NULL)
		return NULL;
	if (db_schema_create(db) < 0) {
		db_close(db);
		return NULL;
	}
	return db;
}

static long long
add(struct db *db, long long cat, const char *slug, const char *name,
    const char *desc, int active)
{
	struct product_in p = { .slug = slug, .name = name, .description = desc,
	    .kind = "digital", .category_id = cat, .price_minor = 1000,
	    .compare_at_minor = -1, .stock = -1, .active = active };

	return db_product_create(db, &p);
}

static long long
update(struct db *db, long long cat, const char *slug, const char *name,
    const char *desc, int active)
{
	struct product_in p = { .slug = slug, .name = name, .description = desc,
	    .kind = "digital", .category_id = cat, .price_minor = 1000,
	    .compare_at_minor = -1, .stock = -1, .active = active };

	return db_product_update(db, &p);
}

/* What search_correct makes of text: the words joined by ' ', or "-"
 * when nothing was corrected. */
static const char *
corrected(struct arena *a, struct db *db, const char *text)
{
	struct search_words w;
	static char out[256];
	int n;

	search_split(a, text, &w);
	if ((n = search_correct(db, a, &w)) < 0)
		return "error";
	if (n == 0)
		return "-";
	*out = '\0';
	for (size_t i = 0; i < w.n; i++) {
		if (i)
			strcat(out, " ");
		strcat(out, w.w[i]);
	}
	return out;
}

TEST(typo_vocabulary_follows_products)
{
	struct db *db = fresh_db("typo.db");
	struct arena a;
	long long cat;

	CHECK(db != NULL);
	if (db == NULL)
		return;
	arena_init(&a, 0);
	cat = db_category_create(db, 0, "films", "Films", "", 0);
	CHECK(cat > 0);
	CHECK(add(db, cat, "nf", "Netflix Premium", "Cinema at home", 1) > 0);
	CHECK_STR(corrected(&a, db, "netflx"), "netflix");
	CHECK_STR(corrected(&a, db, "cinemma"), "cinema");	/* description */
	CHECK_STR(corrected(&a, db, "spotfy"), "-");
	/* Inactive products are not in the vocabulary. */
	CHECK(add(db, cat, "sp", "Spotify Family", "Music", 0) > 0);
	CHECK_STR(corrected(&a, db, "spotfy"), "-");
	/* Activated: its words arrive. */
	CHECK(update(db, cat, "sp", "Spotify Family", "Music", 1) > 0);
	CHECK_STR(corrected(&a, db, "spotfy"), "spotify");
	/* Renamed: the old name's words leave, the new ones arrive. */
	CHECK(update(db, cat, "nf", "Deezer Premium", "Cinema at home", 1) > 0);
	CHECK_STR(corrected(&a, db, "netflx"), "-");
	CHECK_STR(corrected(&a, db, "dezeer"), "deezer");
	CHECK_STR(corrected(&a, db, "premum"), "premium");
	/* A word two products share stays until both have gone. */
	CHECK(add(db, cat, "pp", "Premium Pass", "", 1) > 0);
	CHECK(update(db, cat, "nf", "Deezer Premium", "Cinema at home", 0) > 0);
	CHECK_STR(corrected(&a, db, "premum"), "premium");
	CHECK_STR(corrected(&a, db, "dezeer"), "-");
	CHECK_STR(corrected(&a, db, "cinemma"), "-");
	CHECK(update(db, cat, "pp", "Gold Pass", "", 1) > 0);
	CHECK_STR(corrected(&a, db, "premum"), "-");
	/* A word typed correctly but found in no product is left alone, so
	 * is a word some term starts with; numbers are never corrected. */
	CHECK_STR(corrected(&a, db, "spot"), "-");
	CHECK(add(db, cat, "y", "Year 2024", "", 1) > 0);
	CHECK_STR(corrected(&a, db, "2025"), "-");
	/* The vocabulary holds the index's own terms: accents folded. */
	CHECK(add(db, cat, "se", "S\xc3\xa9rie \xc3\x89t\xc3\xa9", "", 1) > 0);
	CHECK_INT(db_vocab_sync(db, 0), 0);
	CHECK_INT(db_vocab_has_prefix(db, "serie"), 1);
	CHECK_INT(db_vocab_has_prefix(db, "ete"), 1);
	CHECK_STR(corrected(&a, db, "seire"), "serie");
	arena_free(&a);
	db_close(db);
}

/* After a bulk load the full-text index is one segment, and finds what
 * it found before. */
TEST(search_optimize_merges_the_index)
{
	struct db *db = fresh_db("optimize.db");
	long long cat;

	CHECK(db != NULL);
	if (db == NULL)
		return;
	cat = db_category_create(db, 0, "films", "Films", "", 0);
	/* Each product in its own transaction: a segment each. */
	CHECK(add(db, cat, "a", "Premium Stream", "", 1) > 0);
	CHECK(add(db, cat, "b", "Premium Music", "", 1) > 0);
	CHECK(add(db, cat, "c", "Basic Stream", "", 1) > 0);
	CHECK(t_int(db, "SELECT count(DISTINCT segid) FROM products_fts_idx") > 1);
	CHECK_INT(db_search_optimize(db), 0);
	CHECK_INT(t_int(db, "SELECT count(DISTINCT segid) FROM products_fts_idx"), 1);
	CHECK_INT(t_int(db, "SELECT count(*) FROM products_fts WHERE "
	    "products_fts MATCH '\"premium\" \"stream\"*'"), 1);
	CHECK_INT(t_int(db, "SELECT count(*) FROM products_fts WHERE "
	    "products_fts MATCH '\"stream\"'"), 2);
	db_close(db);
}

/* The candidates of one word are capped, whatever the vocabulary. */
TEST(typo_candidates_are_capped)
{
	struct db *db = fresh_db("typocap.db");
	struct vocab_term *terms;
	const char *keys[1] = { "abcd" };
	struct arena a;
	long long cat;
	size_t n;
	char name[64], slug[16];

	CHECK(db != NULL);
	if (db == NULL)
		return;
	arena_init(&a, 0);
	cat = db_category_create(db, 0, "c", "C", "", 0);
	/* 40 terms abcdX (X a different letter pair each): all have key
	 * "abcd" with one deletion. */
	db_begin(db);
	for (int i = 0; i < 40; i++) {
		snprintf(slug, sizeof(slug), "p%d", i);
		snprintf(name, sizeof(name), "abcd%c%c", 'a' + i / 26, 'a' + i % 26);
		add(db, cat, slug, name, "", 1);
	}
	db_commit(db);
	/* The queue of changes first (search_correct does it itself). */
	CHECK_INT(db_vocab_close(db, &a, keys, 1, 2, 1000, &terms, &n), 0);
	CHECK_INT(n, 0);
	CHECK_INT(db_vocab_sync(db, 0), 0);
	/* abcdXY gives abcd with 2 deletions, not with 1. */
	CHECK_INT(db_vocab_close(db, &a, keys, 1, 1, 1000, &terms, &n), 0);
	CHECK_INT(n, 0);
	CHECK_INT(db_vocab_close(db, &a, keys, 1, 2, 1000, &terms, &n), 0);
	CHECK_INT(n, 40);
	/* abcdaa..abcdaz, and abcdba (less its b). */
	keys[0] = "abcda";
	CHECK_INT(db_vocab_close(db, &a, keys, 1, 1, 1000, &terms, &n), 0);
	CHECK_INT(n, 27);
	CHECK_INT(db_vocab_close(db, &a, keys, 1, 1, 10, &terms, &n), 0);
	CHECK_INT(n, 10);
	arena_free(&a);
	db_close(db);
}
