/* db_catalog.c — see db_catalog.h. */
#include <stdlib.h>
#include <string.h>

#include "db_catalog.h"
#include "db_idset.h"
#include "db_internal.h"
#include "search.h"

/* The columns of a struct product_card, read by read_card(). */
#define CARD_COLS							\
	"p.id, p.slug, p.name, p.kind, coalesce(p.media_type, ''), "	\
	"p.price_minor, coalesce(p.compare_at_minor, -1), "		\
	"coalesce(p.stock, -1), coalesce(p.image, '')"
#define CARD_NCOLS 9

/* Category listing: ?1 category, ?2..?3 price range, ?4 limit, ?5 offset.
 * category_listing (schema.sql) already holds every listed product of the
 * category and its descendants with the sort keys: an index range scan. */
#define CAT_WHERE							\
	" FROM category_listing c WHERE c.category_id = ?1 "		\
	"AND c.price_minor BETWEEN ?2 AND ?3"
/* The same, with "+" keeping SQLite from choosing the price index for the
 * range: pages then read the index of their sort order and stop after one
 * page (price is in each index, so filtering needs no table lookup). */
#define CAT_WHERE_ORDERED						\
	" FROM category_listing c WHERE c.category_id = ?1 "		\
	"AND +c.price_minor BETWEEN ?2 AND ?3"
/* First page (the hot path): a join read in the sort index's order, which
 * stops after 24 rows.  Later pages skip rows inside the covering index
 * first (a join would look up every skipped product), then sort the page's
 * 24 rows again since a join promises no order. */
#define CAT_FIRST(order)						\
	"SELECT " CARD_COLS " FROM category_listing c JOIN products p "	\
	"ON p.id = c.product_id WHERE c.category_id = ?1 "		\
	"AND +c.price_minor BETWEEN ?2 AND ?3 ORDER BY " order		\
	" LIMIT ?4 OFFSET ?5"
#define CAT_LATER(inner, outer)						\
	"SELECT " CARD_COLS " FROM (SELECT c.product_id AS id, "	\
	"c.created_at AS created_at, c.price_minor AS price_minor, "	\
	"c.name AS name, c.sold_out AS sold_out, c.in_stock AS in_stock"	\
	CAT_WHERE_ORDERED " ORDER BY " inner		\
	" LIMIT ?4 OFFSET ?5) l JOIN products p ON p.id = l.id "	\
	"ORDER BY " outer
/* Sold-out products last in every order (schema.sql: sold_out, in_stock);
 * each order and its exact reverse read one index. */
#define CAT_NEWEST(t, id)	t "in_stock DESC, " t "created_at DESC, " t id " DESC"
#define CAT_OLDEST(t, id)	t "in_stock, " t "created_at, " t id
#define CAT_PRICE_ASC(t, id)	t "sold_out, " t "price_minor, " t id
#define CAT_PRICE_ASC_REV(t, id) t "sold_out DESC, " t "price_minor DESC, " t id " DESC"
#define CAT_PRICE_DESC(t, id)	t "in_stock DESC, " t "price_minor DESC, " t id " DESC"
#define CAT_PRICE_DESC_REV(t, id) t "in_stock, " t "price_minor, " t id
#define CAT_NAME(t, id)		t "sold_out, " t "name, " t id
#define CAT_NAME_DESC(t, id)	t "sold_out DESC, " t "name DESC, " t id " DESC"
/* Deep pages (keyset): the rows after or before a product's sort key
 * (?8 sold_out or in_stock, ?6 key, ?7 id) in the sort index's order, skipping ?5 of them; and the
 * rows from the end of the order (reversed), for the last pages. */
#define CAT_SEEK(order, cmp)						\
	"SELECT " CARD_COLS " FROM category_listing c JOIN products p "	\
	"ON p.id = c.product_id WHERE c.category_id = ?1 "		\
	"AND +c.price_minor BETWEEN ?2 AND ?3 AND " cmp " ORDER BY "	\
	order " LIMIT ?4 OFFSET ?5"
/* Each sort: its order, the reverse order, the key, and the comparison
 * that means "after" in its order. */
#define CAT_LISTS(ORDER, REVERSE, KEY, AFTER, BEFORE)			\
	CAT_FIRST(ORDER("c.", "product_id")),				\
	CAT_LATER(ORDER("c.", "product_id"), ORDER("l.", "id")),	\
	CAT_SEEK(ORDER("c.", "product_id"), "(" KEY ", c.product_id) "	\
	    AFTER " (?8, ?6, ?7)"),					\
	CAT_SEEK(REVERSE("c.", "product_id"), "(" KEY ", c.product_id) "	\
	    BEFORE " (?8, ?6, ?7)"),					\
	CAT_SEEK(REVERSE("c.", "product_id"), "1")

/* Filtered category pages (type ?8 or NULL, ?9 in stock only, ?10 plan
 * months or 0): the sort index is walked with each row's product looked
 * up, by offset only (the filters leave a part of one category).  The
 * counts read the listing alone (its type and sold_out columns), and
 * plans only for subscriptions. */
#define F_PLAN								\
	"SELECT 1 FROM subscription_plans s WHERE s.product_id = "	\
	"c.product_id AND s.active = 1 AND s.duration_days = 0 "	\
	"AND s.duration_months = ?10"
/* Attribute filters: ?11/?12, ?13/?14... an attribute (0: none) and its
 * option, filled in order (bind_filters), nested so that a page without
 * them pays one comparison a row; one primary-key probe of
 * product_attributes per row and filter. */
#define F_HAS(a, o)							\
	"EXISTS (SELECT 1 FROM product_attributes px WHERE px.product_id "	\
	"= c.product_id AND px.attribute_id = ?" a " AND px.option_id = ?" o ")"
#define F_ATTRS								\
	" AND (?11 = 0 OR (" F_HAS("11", "12") " AND (?13 = 0 OR ("		\
	F_HAS("13", "14") " AND (?15 = 0 OR (" F_HAS("15", "16") " AND ("	\
	"?17 = 0 OR " F_HAS("17", "18") ")))))))"
#define F_WHERE								\
	" WHERE c.category_id = ?1 AND +c.price_minor BETWEEN ?2 AND ?3 "	\
	"AND (?8 IS NULL OR c.type = ?8) AND (?9 = 0 OR c.sold_out = 0) "	\
	"AND (?10 = 0 OR (c.type = 'subscription' AND EXISTS (" F_PLAN ")))"	\
	F_ATTRS
_Static_assert(DB_ATTR_FILTERS == 4, "F_WHERE has four attribute filters");
#define F_LIST(order)							\
	"SELECT " CARD_COLS " FROM category_listing c JOIN products p "	\
	"ON p.id = c.product_id" F_WHERE " ORDER BY "			\
	order("c.", "product_id") " LIMIT ?4 OFFSET ?5"

/* Search (see db_search): ?1 an FTS5 expression, ?2..?3 price range,
 * ?4 limit, ?5 offset, ?7 a category (0: any), ?8 a set of product ids
 * (db_idset.h).  The FTS index holds active products only.
 *   FILTERS: a search within a price range or a category reads its
 *   matches (MATCH_IDS) and the products of the filter (SET_CAT or
 *   SET_PRICE: one range of an index, no row read) into bitmaps and
 *   intersects them in C: their number is the count, and the statements
 *   below test a row against the set (souk_in) instead of reading its
 *   product.  Counting with a product lookup per match cost 30 - 90 ms
 *   for a word of every product within a category at 100k products.
 *   RELEVANCE: one pass over the newest SEARCH_RANK_ROWS matches gives
 *   each its rank (souk_rank, lib/db_text.c: the rows whose name holds
 *   every word first, by BM25, then the others) and whether it is sold
 *   out; search_relevance() sorts them in C (sold out last, then the rank,
 *   then newest, highest id, first), their number is the count, and only
 *   the page's rows are read from products, by id (SEARCH_CARD).  Sorting
 *   and counting in SQL (a window count over the ranked rows, two sorters)
 *   was a fifth of the statement (callgrind).  A search with more matches
 *   than that (a word nearly every product has) is counted apart and its
 *   older matches follow newest first: the work of any search stays
 *   bounded.  (FTS5 hands its auxiliary functions the match only in a
 *   plain scan of the table, as here.)
 *   NARROW: few matches: their ids (json_each of the set), each looked
 *   up, sorted;
 *   WALK: many matches (search_broad): the matches are read once from
 *   the full-text index into a bitmap of product ids (MATCH_IDS, which
 *   counts them too; it holds active products only), then C steps the
 *   products in the sort order's index (products_sold_*: led by
 *   products.sold_out like the ORDER BY, read forwards), keeps those in
 *   the bitmap (the filters' one when filtered), stops after one page, and
 *   reads the page's rows by id
 *   (SEARCH_CARD).  An IN (subquery) probe built a b-tree of every match
 *   at each search, as much as the walk itself (docs/performance.md).
 *   Each ORDER BY must stay the exact key of its index: tests/unit
 *   search_sorts_walk_an_index checks the plans. */
#define SEARCH_COLS CARD_COLS ", p.description"
/* Sold-out products last in every order (products.sold_out, migration
 * 040; the relevance sort asks the small index products_sold_out instead
 * of reading each match's row); ?7 a category (0: any) whose
 * listing (category_listing: top-level products) the match must be in. */
#define SOLD_OUT(t) t ".sold_out"
#define IN_SET(t) " AND souk_in(?8, " t ")"
#define SET_CAT "SELECT product_id FROM category_listing WHERE "	\
	"category_id = ?7 AND price_minor BETWEEN ?2 AND ?3"
#define SET_PRICE "SELECT id FROM products WHERE sold_out IN (0, 1) AND "	\
	"price_minor BETWEEN ?2 AND ?3"
#define SEARCH_RANK_ROWS 500	/* newest matches ranked by souk_rank */
#define RELEVANCE(where)						\
	"SELECT products_fts.rowid, souk_rank(products_fts), "		\
	"products_fts.rowid IN (SELECT id FROM products WHERE stock = 0) "\
	"FROM products_fts WHERE products_fts MATCH ?1" where		\
	" ORDER BY products_fts.rowid DESC LIMIT ?6"
#define SEARCH_CARD "SELECT " SEARCH_COLS " FROM products p WHERE p.id = ?1"
/* Matches past the ranked ones, newest first (FTS5 walks its index
 * backwards and stops after the page). */
#define NEWEST_MATCHES(where)						\
	"SELECT " SEARCH_COLS " FROM products_fts JOIN products p "	\
	"ON p.id = products_fts.rowid WHERE products_fts MATCH ?1" where	\
	" ORDER BY products_fts.rowid DESC LIMIT ?4 OFFSET ?5"
#define NARROW(order)							\
	"SELECT " SEARCH_COLS " FROM products p WHERE p.id IN (SELECT "	\
	"value FROM json_each(?8)) ORDER BY " SOLD_OUT("p") ", " order	\
	" LIMIT ?4 OFFSET ?5"
#define WALK(order)							\
	"SELECT p.id FROM products p ORDER BY " SOLD_OUT("p") ", " order
#define MATCH_IDS "SELECT rowid FROM products_fts WHERE products_fts MATCH ?1"

#define ORDER_NEWEST	"p.created_at DESC, p.id DESC"
#define ORDER_PRICE_ASC	"p.price_minor, p.id"
#define ORDER_PRICE_DESC "p.price_minor DESC, p.id DESC"
#define ORDER_NAME	"p.name COLLATE NOCASE, p.id"

enum {
	Q_CAT_ALL, Q_CAT_GET,
	/* Each sort: first page, later pages (see CAT_FIRST), then after a
	 * key, before a key, from the end (see CAT_SEEK). */
	Q_CAT_NEWEST, Q_CAT_PRICE_ASC = Q_CAT_NEWEST + 5,
	Q_CAT_PRICE_DESC = Q_CAT_PRICE_ASC + 5, Q_CAT_NAME = Q_CAT_PRICE_DESC + 5,
	Q_CAT_KEY = Q_CAT_NAME + 5,
	Q_CAT_COUNT,
	Q_CAT_LISTED,
	Q_F_NEWEST, Q_F_PRICE_ASC, Q_F_PRICE_DESC, Q_F_NAME, Q_F_COUNT,
	Q_F_TYPES, Q_F_MONTHS, Q_F_ATTRS,
	Q_S_COUNT, Q_S_RELEVANCE, Q_S_RELEVANCE_SET,
	Q_S_CARD, Q_S_OLDER, Q_S_OLDER_SET, Q_S_MAX_ID, Q_S_MATCH_IDS,
	Q_S_SET_CAT, Q_S_SET_PRICE,
	/* Each sort: NARROW then WALK. */
	Q_S_NEWEST, Q_S_NEWEST_WALK, Q_S_PRICE_ASC, Q_S_PRICE_ASC_WALK,
	Q_S_PRICE_DESC, Q_S_PRICE_DESC_WALK, Q_S_NAME, Q_S_NAME_WALK,
	Q_NEW, Q_FEATURED, Q_PRODUCT, Q_PRODUCT_ID, Q_PLANS, Q_CHILDREN, Q_RELATED,
	Q_VOCAB_PREFIX, Q_TYPO, Q_VQ_ANY, Q_VQ_UPTO, Q_VQ_APPLY, Q_VQ_DONE,
	Q_FTS_OPTIMIZE,
	Q__MAX
};

static const char *const sql[Q__MAX] = {
	[Q_CAT_ALL] =
	    "WITH RECURSIVE t(id, parent_id, slug, name, description, "
	    "position, path) AS ("
	    "SELECT id, parent_id, slug, name, description, position, "
	    "printf('%08d.', position) || name FROM categories "
	    "WHERE parent_id IS NULL AND active = 1 UNION ALL "
	    "SELECT c.id, c.parent_id, c.slug, c.name, c.description, "
	    "c.position, t.path || '/' || printf('%08d.', c.position) || c.name "
	    "FROM categories c JOIN t ON c.parent_id = t.id WHERE c.active = 1) "
	    "SELECT id, coalesce(parent_id, 0), slug, name, description "
	    "FROM t ORDER BY path",
	[Q_CAT_GET] = "SELECT id, coalesce(parent_id, 0), slug, name, description "
	    "FROM categories WHERE slug = ? AND active = 1",
	[Q_CAT_NEWEST] = CAT_LISTS(CAT_NEWEST, CAT_OLDEST,
	    "c.in_stock, c.created_at", "<", ">"),
	[Q_CAT_PRICE_ASC] = CAT_LISTS(CAT_PRICE_ASC, CAT_PRICE_ASC_REV,
	    "c.sold_out, c.price_minor", ">", "<"),
	[Q_CAT_PRICE_DESC] = CAT_LISTS(CAT_PRICE_DESC, CAT_PRICE_DESC_REV,
	    "c.in_stock, c.price_minor", "<", ">"),
	[Q_CAT_NAME] = CAT_LISTS(CAT_NAME, CAT_NAME_DESC, "c.sold_out, c.name",
	    ">", "<"),
	/* The sort keys of a product, for a seek from it. */
	[Q_CAT_KEY] = "SELECT created_at, price_minor, name, "
	    "coalesce(stock, -1) = 0 FROM products WHERE id = ?1",
	[Q_CAT_COUNT] = "SELECT count(*)" CAT_WHERE,
	[Q_CAT_LISTED] = "SELECT listed FROM categories WHERE id = ?1",
	[Q_F_NEWEST] = F_LIST(CAT_NEWEST),
	[Q_F_PRICE_ASC] = F_LIST(CAT_PRICE_ASC),
	[Q_F_PRICE_DESC] = F_LIST(CAT_PRICE_DESC),
	[Q_F_NAME] = F_LIST(CAT_NAME),
	[Q_F_COUNT] = "SELECT count(*) FROM category_listing c" F_WHERE,
	/* With the type and stock filters left out: both facets in one pass. */
	[Q_F_TYPES] = "SELECT c.type, c.sold_out, count(*) FROM "
	    "category_listing c" F_WHERE " GROUP BY 1, 2",
	/* Plans are unique per (product, months, days): one row a product. */
	[Q_F_MONTHS] = "SELECT s.duration_months, count(*) FROM "
	    "category_listing c JOIN subscription_plans s ON s.product_id = "
	    "c.product_id AND s.active = 1 AND s.duration_days = 0 AND "
	    "s.duration_months > 0" F_WHERE " AND c.type = 'subscription' "
	    "GROUP BY 1 ORDER BY 1",
	/* Products per attribute option (?19: of that attribute only, 0:
	 * every one): the listing's rows of products having values (the
	 * partial index category_listing_attrs), each looked up by its key. */
	[Q_F_ATTRS] = "SELECT pv.option_id, pv.attribute_id, count(*) FROM "
	    "category_listing c INDEXED BY category_listing_attrs JOIN "
	    "product_attributes pv ON pv.product_id = c.product_id" F_WHERE
	    " AND c.has_attrs = 1 AND (?19 = 0 OR "
	    "pv.attribute_id = ?19) GROUP BY pv.option_id",
	[Q_S_COUNT] = "SELECT count(*) FROM products_fts WHERE products_fts MATCH ?1",
	[Q_S_RELEVANCE] = RELEVANCE(""),
	[Q_S_RELEVANCE_SET] = RELEVANCE(IN_SET("products_fts.rowid")),
	[Q_S_CARD] = SEARCH_CARD,
	[Q_S_OLDER] = NEWEST_MATCHES(""),
	[Q_S_OLDER_SET] = NEWEST_MATCHES(IN_SET("products_fts.rowid")),
	[Q_S_MAX_ID] = "SELECT coalesce(max(id), 0) FROM products",
	[Q_S_MATCH_IDS] = MATCH_IDS,
	[Q_S_SET_CAT] = SET_CAT,
	[Q_S_SET_PRICE] = SET_PRICE,
	[Q_S_NEWEST] = NARROW(ORDER_NEWEST), WALK(ORDER_NEWEST),
	[Q_S_PRICE_ASC] = NARROW(ORDER_PRICE_ASC), WALK(ORDER_PRICE_ASC),
	[Q_S_PRICE_DESC] = NARROW(ORDER_PRICE_DESC), WALK(ORDER_PRICE_DESC),
	[Q_S_NAME] = NARROW(ORDER_NAME), WALK(ORDER_NAME),
	[Q_NEW] = "SELECT " CARD_COLS " FROM products p WHERE p.active = 1 "
	    "AND p.parent_id IS NULL ORDER BY " ORDER_NEWEST " LIMIT ?",
	[Q_FEATURED] = "SELECT " CARD_COLS " FROM products p WHERE "
	    "p.featured = 1 AND p.active = 1 ORDER BY p.created_at DESC LIMIT ?",
	[Q_PRODUCT] = "SELECT " CARD_COLS ", p.description, coalesce(p.sku, ''), "
	    "coalesce(p.category_id, 0), coalesce(p.parent_id, 0), p.position, "
	    "p.created_at, p.updated_at, coalesce(c.slug, ''), "
	    "coalesce(c.name, ''), coalesce(pp.slug, ''), coalesce(pp.name, ''), "
	    "coalesce(pp.media_type, ''), coalesce(pp.parent_id, 0) "
	    "FROM products p LEFT JOIN categories c ON c.id = p.category_id "
	    "LEFT JOIN products pp ON pp.id = p.parent_id AND pp.active = 1 "
	    "WHERE p.slug = ? AND p.active = 1",
	[Q_PRODUCT_ID] = "SELECT " CARD_COLS " FROM products p "
	    "WHERE p.id = ? AND p.active = 1",
	[Q_PLANS] = "SELECT id, duration_months, duration_days, price_minor "
	    "FROM subscription_plans WHERE product_id = ? AND active = 1 "
	    "ORDER BY position, duration_months, duration_days",
	[Q_CHILDREN] = "SELECT " CARD_COLS " FROM products p WHERE "
	    "p.parent_id = ? AND p.active = 1 ORDER BY p.position, p.id",
	[Q_RELATED] = "SELECT " CARD_COLS " FROM products p WHERE "
	    "p.category_id = ?1 AND p.id <> ?2 AND p.active = 1 "
	    "AND p.parent_id IS NULL ORDER BY " ORDER_NEWEST " LIMIT ?3",
	[Q_VOCAB_PREFIX] = "SELECT 1 FROM search_vocab "
	    "WHERE term >= ?1 AND term < ?1 || char(1114111) LIMIT 1",
	/* Terms with typo key ?1 made with at most ?2 deletions. */
	[Q_TYPO] = "SELECT t.term, v.docs FROM search_typo t JOIN search_vocab v "
	    "ON v.term = t.term WHERE t.key = ?1 AND t.dels <= ?2 LIMIT ?3",
	/* Folding the queue of text changes into the vocabulary (schema.sql). */
	[Q_VQ_ANY] = "SELECT 1 FROM search_vocab_queue LIMIT 1",
	[Q_VQ_UPTO] = "SELECT coalesce(max(id), 0) FROM (SELECT id FROM "
	    "search_vocab_queue ORDER BY id LIMIT ?1)",
	[Q_VQ_APPLY] = "INSERT INTO search_vocab(term, docs) "
	    "SELECT j.value, sum(q.sign) FROM search_vocab_queue q, "
	    "json_each(souk_terms(q.text)) j WHERE q.id <= ?1 "
	    "GROUP BY j.value HAVING sum(q.sign) <> 0 "
	    "ON CONFLICT (term) DO UPDATE SET docs = docs + excluded.docs",
	[Q_VQ_DONE] = "DELETE FROM search_vocab_queue WHERE id <= ?1",
	/* FTS5's own merge of every segment of the index into one. */
	[Q_FTS_OPTIMIZE] = "INSERT INTO products_fts(products_fts) "
	    "VALUES ('optimize')",
};
DB_STMTS(stmts, sql, Q__MAX);

static int filtered_listing(struct db *, struct arena *,
    const struct listing_query *, struct listing *);

static void
read_card(struct arena *a, sqlite3_stmt *st, struct product_card *c)
{
	c->id = db_col_int(st, 0);
	c->slug = db_col_text(a, st, 1);
	c->name = db_col_text(a, st, 2);
	c->kind = db_col_text(a, st, 3);
	c->media_type = db_col_text(a, st, 4);
	c->price_minor = db_col_int(st, 5);
	c->compare_at_minor = db_col_int(st, 6);
	c->stock = db_col_int(st, 7);
	c->image = db_col_text(a, st, 8);
	c->name_hl = c->name;
	c->snippet = "";
	c->description = NULL;
}

/* Steps st into out->items (appending after out->n, which has room for
 * `max` cards when it is not NULL), at most `max` cards
 * in all; search rows carry the description too, and with `total` the
 * column after it is the number of matches, stored in out->total (left
 * alone when there is no row).  Resets st. */
static int
read_cards(struct db *db, struct arena *a, sqlite3_stmt *st, size_t max,
    int search, int total, struct listing *out)
{
	int rc = SQLITE_DONE;
	size_t cap = max;

	/* Without items the array grows with the rows: a product's
	 * children are up to 500, and zeroing room for 500 cards was a
	 * twelfth of a product page without any (callgrind). */
	if (out->items == NULL) {
		cap = max < 16 ? (max ? max : 1) : 16;
		out->items = arena_alloc(a, cap * sizeof(*out->items));
		out->n = 0;
	}
	while (out->n < max && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct product_card *c;

		if (out->n == cap) {
			struct product_card *more;

			cap = cap * 2 < max ? cap * 2 : max;
			more = arena_alloc(a, cap * sizeof(*more));
			memcpy(more, out->items, out->n * sizeof(*more));
			out->items = more;
		}
		c = &out->items[out->n++];
		read_card(a, st, c);
		if (search)
			c->description = db_col_text(a, st, CARD_NCOLS);
		if (total)
			out->total = db_col_int(st, CARD_NCOLS + 1);
	}
	db_done(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(db, "listing");
	return 0;
}

static void
read_category(struct arena *a, sqlite3_stmt *st, struct category *c)
{
	c->id = db_col_int(st, 0);
	c->parent_id = db_col_int(st, 1);
	c->slug = db_col_text(a, st, 2);
	c->name = db_col_text(a, st, 3);
	c->description = db_col_text(a, st, 4);
}

int
db_category_all(struct db *db, struct arena *a, struct category **out,
    size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_CAT_ALL);
	size_t cap = 64;
	int rc;

	if (st == NULL)
		return -1;
	*out = arena_alloc(a, cap * sizeof(**out));
	*n = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			struct category *bigger = arena_alloc(a, 2 * cap * sizeof(**out));
			memcpy(bigger, *out, cap * sizeof(**out));
			*out = bigger;
			cap *= 2;
		}
		read_category(a, st, &(*out)[(*n)++]);
	}
	db_done(st);
	return rc == SQLITE_DONE ? 0 : db_fail(db, "categories");
}

int
db_category_get(struct db *db, struct arena *a, const char *slug,
    struct category *c)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_CAT_GET);
	int rc;

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, slug);
	if ((rc = db_step_row(db, st, "category")) == 0)
		read_category(a, st, c);
	db_done(st);
	return rc;
}

/* Binds ?1 (category id or FTS expression), the price range and, when
 * paged, ?4 limit and ?5 offset. */
static void
bind_listing(sqlite3_stmt *st, const struct listing_query *q, long long cat,
    const char *fts, int paged)
{
	if (fts != NULL)
		db_bind_text(st, 1, fts);
	else
		db_bind_int(st, 1, cat);
	db_bind_int(st, 2, q->min_price);
	db_bind_int(st, 3, q->max_price);
	if (fts != NULL && sqlite3_bind_parameter_count(st) >= 7)
		db_bind_int(st, 7, q->category_id);
	if (paged) {
		db_bind_int(st, 4, q->limit);
		db_bind_int(st, 5, q->offset);
	}
}

/* The statement of q's sort (offset 0: first page, 1: later pages, 2: after
 * a key, 3: before a key, 4: from the end), bound but for ?4..?7. */
static sqlite3_stmt *
listing_stmt(struct db *db, const struct listing_query *q, int kind)
{
	static const int cat_q[SORT__MAX] = {
		[SORT_NEWEST] = Q_CAT_NEWEST, [SORT_PRICE_ASC] = Q_CAT_PRICE_ASC,
		[SORT_PRICE_DESC] = Q_CAT_PRICE_DESC, [SORT_NAME] = Q_CAT_NAME,
		[SORT_RELEVANCE] = Q_CAT_NEWEST,
	};
	sqlite3_stmt *st = db_stmt(db, &stmts, cat_q[q->sort] + kind);

	if (st != NULL)
		bind_listing(st, q, q->category_id, NULL, 0);
	return st;
}

/* Binds ?6, ?7 to the sort key of product id.  Returns 0, 1 when there is
 * no such product, -1 on error. */
static int
bind_key(struct db *db, sqlite3_stmt *st, const struct listing_query *q,
    long long id)
{
	sqlite3_stmt *k = db_stmt(db, &stmts, Q_CAT_KEY);
	int rc, col = q->sort == SORT_NAME ? 2 : q->sort == SORT_PRICE_ASC ||
	    q->sort == SORT_PRICE_DESC ? 1 : 0;

	if (k == NULL)
		return -1;
	db_bind_int(k, 1, id);
	if ((rc = sqlite3_step(k)) == SQLITE_ROW) {
		if (col == 2)
			sqlite3_bind_value(st, 6, sqlite3_column_value(k, col));
		else
			db_bind_int(st, 6, db_col_int(k, col));
		db_bind_int(st, 7, id);
		/* ?8: sold_out for ascending orders, in_stock for the others. */
		db_bind_int(st, 8, q->sort == SORT_NAME ||
		    q->sort == SORT_PRICE_ASC ? db_col_int(k, 3) :
		    !db_col_int(k, 3));
	}
	db_done(k);
	if (rc == SQLITE_ROW)
		return 0;
	return rc == SQLITE_DONE ? 1 : db_fail(db, "listing key");
}

/* Reverses items[from, n). */
static void
reverse_cards(struct listing *l, size_t from)
{
	for (size_t i = from, j = l->n; i + 1 < j; i++, j--) {
		struct product_card t = l->items[i];
		l->items[i] = l->items[j - 1];
		l->items[j - 1] = t;
	}
}

int
db_listing_direct(long long total, long long offset, long long limit)
{
	return offset <= DB_LISTING_SKIP_MAX ||
	    total - offset - limit <= DB_LISTING_SKIP_MAX;
}

int
db_listing(struct db *db, struct arena *a, const struct listing_query *q,
    struct listing *out)
{
	sqlite3_stmt *st;
	int kind, rc;

	out->items = NULL;
	out->n = 0;
	if (db_listing_filtered(q))
		return filtered_listing(db, a, q, out);
	/* An unfiltered category knows its size (categories.listed). */
	if (q->min_price <= 0 && q->max_price >= DB_PRICE_MAX) {
		if ((st = db_stmt(db, &stmts, Q_CAT_LISTED)) == NULL)
			return -1;
		db_bind_int(st, 1, q->category_id);
	} else {
		if ((st = db_stmt(db, &stmts, Q_CAT_COUNT)) == NULL)
			return -1;
		bind_listing(st, q, q->category_id, NULL, 0);
	}
	if ((out->total = db_one_int(db, st, "count")) < 0)
		return -1;
	if (q->after == 0 && q->before == 0 && out->total <= q->offset)
		return 0;
	if (q->after != 0 || q->before != 0)
		kind = q->after != 0 ? 2 : 3;
	else if (q->offset <= DB_LISTING_SKIP_MAX)
		kind = q->offset > 0;
	else if (db_listing_direct(out->total, q->offset, q->limit))
		kind = 4;
	else
		return 2;
	if ((st = listing_stmt(db, q, kind)) == NULL)
		return -1;
	db_bind_int(st, 4, q->limit);
	if (kind >= 2 && kind <= 3) {
		db_bind_int(st, 5, q->offset);
		if ((rc = bind_key(db, st, q, kind == 2 ? q->after : q->before)) != 0) {
			db_done(st);
			return rc;
		}
	} else if (kind == 4) {
		/* The page's rows counted from the end: skip those after it. */
		long long after = out->total - q->offset - q->limit;
		if (after < 0) {
			db_bind_int(st, 4, q->limit + after);
			after = 0;
		}
		db_bind_int(st, 5, after);
	} else
		db_bind_int(st, 5, q->offset);
	if (read_cards(db, a, st, (size_t)q->limit, 0, 0, out) < 0)
		return -1;
	if (kind >= 3)
		reverse_cards(out, 0);
	return 0;
}

/* Runs one page-producing search statement, appending to out; ?8 is
 * set, when there is one: its ids as JSON for a NARROW statement (json
 * 1), else the set itself (souk_in). */
static int
search_page(struct db *db, struct arena *a, int id, const struct listing_query *q,
    const char *fts, const struct db_idset *set, int json, long long limit,
    long long offset, struct listing *out)
{
	struct listing_query page = *q;
	sqlite3_stmt *st = db_stmt(db, &stmts, id);

	if (st == NULL)
		return -1;
	page.limit = limit;
	page.offset = offset;
	bind_listing(st, &page, 0, fts, 1);
	if (set != NULL && json)
		db_bind_text(st, 8, db_idset_json(set, a));
	else if (set != NULL)
		db_idset_bind(st, 8, set);
	return read_cards(db, a, st, out->n + (size_t)limit, 1, 0, out);
}

/* 1 when q filters a search by price or category (see FILTERS). */
static int
search_filtered(const struct listing_query *q)
{
	return q->min_price > 0 || q->max_price < DB_PRICE_MAX ||
	    q->category_id != 0;
}

/* The highest product id, the bound of every set of a search; -1 on
 * error. */
static long long
search_max_id(struct db *db)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_S_MAX_ID);

	return st == NULL ? -1 : db_one_int(db, st, "count");
}

/* Reads the matches of fts into s (ids 0..maxid, in a); 0 or -1. */
static int
match_set_read(struct db *db, struct arena *a, const char *fts,
    long long maxid, struct db_idset *s)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_S_MATCH_IDS);

	db_idset_init(s, a, maxid);
	if (st == NULL)
		return -1;
	db_bind_text(st, 1, fts);
	return db_idset_read(s, st, "search matches");
}

/* Reads into s the products of q's filters (its category's listing
 * within the price range, or every product within it; see FILTERS);
 * 0 or -1. */
static int
filter_set_read(struct db *db, struct arena *a, const struct listing_query *q,
    long long maxid, struct db_idset *s)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, q->category_id != 0 ?
	    Q_S_SET_CAT : Q_S_SET_PRICE);

	db_idset_init(s, a, maxid);
	if (st == NULL)
		return -1;
	db_bind_int(st, 2, q->min_price);
	db_bind_int(st, 3, q->max_price);
	if (q->category_id != 0)
		db_bind_int(st, 7, q->category_id);
	return db_idset_read(s, st, "search filter");
}

/* The matches of fts that pass q's filters into s (every match when q
 * has none), and the filter's own set into f when q has one; 0 or -1. */
static int
search_sets(struct db *db, struct arena *a, const struct listing_query *q,
    const char *fts, long long maxid, struct db_idset *s, struct db_idset *f)
{
	if (match_set_read(db, a, fts, maxid, s) < 0)
		return -1;
	if (!search_filtered(q))
		return 0;
	if (filter_set_read(db, a, q, maxid, f) < 0)
		return -1;
	db_idset_and(s, f);
	return 0;
}

/* Number of matches of fts (unfiltered). */
static long long
search_count(struct db *db, const char *fts)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_S_COUNT);

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, fts);
	return db_one_int(db, st, "count");
}

/* A match of the relevance pass (see RELEVANCE). */
struct ranked {
	long long	 id;
	double		 rank;
	int		 sold_out;
};

/* qsort order of the relevance sort: in stock first, then by rank
 * (lower first), then newest (highest id) first. */
static int
ranked_cmp(const void *pa, const void *pb)
{
	const struct ranked *a = pa, *b = pb;

	if (a->sold_out != b->sold_out)
		return a->sold_out - b->sold_out;
	if (a->rank != b->rank)
		return a->rank < b->rank ? -1 : 1;
	return a->id < b->id ? 1 : a->id > b->id ? -1 : 0;
}

/* Steps the relevance pass st (bound) into r (room for SEARCH_RANK_ROWS)
 * and sorts it.  Returns the number of matches read, or -1. */
static long long
rank_matches(struct db *db, sqlite3_stmt *st, struct ranked *r)
{
	long long n = 0;
	int rc;

	while (n < SEARCH_RANK_ROWS && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		r[n].id = db_col_int(st, 0);
		r[n].rank = sqlite3_column_double(st, 1);
		r[n].sold_out = db_col_int(st, 2) != 0;
		n++;
	}
	db_done(st);
	if (n < SEARCH_RANK_ROWS && rc != SQLITE_DONE)
		return db_fail(db, "search rank");
	qsort(r, (size_t)n, sizeof(*r), ranked_cmp);
	return n;
}

/* Appends to out the card of product id (none when it is gone since
 * the pass that found it). */
static int
card_by_id(struct db *db, struct arena *a, long long id, struct listing *out)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_S_CARD);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, id);
	return read_cards(db, a, st, out->n + 1, 1, 0, out);
}

/* Appends to out the cards of r[from, to), read by id. */
static int
ranked_cards(struct db *db, struct arena *a, const struct ranked *r,
    long long from, long long to, struct listing *out)
{
	for (long long i = from; i < to; i++)
		if (card_by_id(db, a, r[i].id, out) < 0)
			return -1;
	return 0;
}

/* SORT_RELEVANCE (see RELEVANCE): the ranked newest matches, then, when
 * there are more, the older ones.  Filtered (see FILTERS), the matches
 * within the filters are read first: their number is the count. */
static int
search_relevance(struct db *db, struct arena *a, const struct listing_query *q,
    const char *fts, struct listing *out)
{
	int filtered = search_filtered(q);
	sqlite3_stmt *st = db_stmt(db, &stmts, filtered ? Q_S_RELEVANCE_SET :
	    Q_S_RELEVANCE);
	struct ranked *r = arena_alloc(a, SEARCH_RANK_ROWS * sizeof(*r));
	struct db_idset set = { NULL, 0, 0 }, filter;
	long long ranked, want, end, maxid;

	if (st == NULL)
		return -1;
	if (filtered && ((maxid = search_max_id(db)) < 0 ||
	    search_sets(db, a, q, fts, maxid, &set, &filter) < 0))
		return -1;
	if (filtered && set.n == 0)
		return 0;
	bind_listing(st, q, 0, fts, 0);
	db_bind_int(st, 6, SEARCH_RANK_ROWS);
	if (filtered)
		db_idset_bind(st, 8, &filter);
	if ((ranked = rank_matches(db, st, r)) < 0)
		return -1;
	end = q->offset + q->limit < ranked ? q->offset + q->limit : ranked;
	if (q->offset < end && ranked_cards(db, a, r, q->offset, end, out) < 0)
		return -1;
	out->total = filtered ? set.n : ranked;
	if (ranked < SEARCH_RANK_ROWS)
		return 0;	/* the usual case: one pass */
	if (!filtered && (out->total = search_count(db, fts)) < 0)
		return -1;
	want = q->limit - (long long)out->n;
	if (want <= 0 || out->total <= ranked || out->total <= q->offset)
		return 0;
	return search_page(db, a, filtered ? Q_S_OLDER_SET : Q_S_OLDER, q, fts,
	    filtered ? &filter : NULL, 0, want,
	    ranked + (q->offset > ranked ? q->offset - ranked : 0), out);
}

/* A page of a broad search (WALK statement `id`): steps the sort
 * index, skips q->offset matches, keeps q->limit, then reads their cards
 * by id. */
static int
search_walk(struct db *db, struct arena *a, int id,
    const struct listing_query *q, const struct db_idset *m,
    struct listing *out)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, id);
	long long *ids = arena_alloc(a, (size_t)(q->limit ? q->limit : 1) *
	    sizeof(*ids));
	long long skip = q->offset, n = 0;
	int rc = SQLITE_DONE;

	if (st == NULL)
		return -1;
	while (n < q->limit && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		long long pid = db_col_int(st, 0);

		if (!db_idset_has(m, pid))
			continue;
		if (skip > 0)
			skip--;
		else
			ids[n++] = pid;
	}
	db_done(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(db, "search walk");
	for (long long i = 0; i < n; i++)
		if (card_by_id(db, a, ids[i], out) < 0)
			return -1;
	return 0;
}

int
db_search(struct db *db, struct arena *a, const struct listing_query *q,
    const struct search_fts *f, struct listing *out)
{
	static const int sorted[SORT__MAX] = {
		[SORT_NEWEST] = Q_S_NEWEST, [SORT_PRICE_ASC] = Q_S_PRICE_ASC,
		[SORT_PRICE_DESC] = Q_S_PRICE_DESC, [SORT_NAME] = Q_S_NAME,
	};
	struct db_idset set, filter;
	long long maxid;

	out->items = arena_alloc(a, (size_t)(q->limit ? q->limit : 1) *
	    sizeof(*out->items));
	out->n = 0;
	out->total = 0;
	if (q->sort == SORT_RELEVANCE)
		return search_relevance(db, a, q, f->all, out);
	if ((maxid = search_max_id(db)) < 0 ||
	    search_sets(db, a, q, f->all, maxid, &set, &filter) < 0)
		return -1;
	out->total = set.n;
	if (out->total <= q->offset)
		return 0;
	/* Walking an index pays about (offset + limit) * products / matches
	 * steps; looking the matches up pays about `matches` lookups. */
	if (out->total * out->total <= (q->offset + q->limit) * maxid)
		return search_page(db, a, sorted[q->sort], q, f->all, &set, 1,
		    q->limit, q->offset, out);
	return search_walk(db, a, sorted[q->sort] + 1, q, &set, out);
}

static int
simple_listing(struct db *db, struct arena *a, int id, long long arg,
    long long limit, struct listing *out)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, id);

	out->items = NULL;
	out->n = 0;
	if (st == NULL)
		return -1;
	db_bind_int(st, 1, arg);
	return read_cards(db, a, st, (size_t)limit, 0, 0, out);
}

int
db_products_new(struct db *db, struct arena *a, long long limit,
    struct listing *out)
{
	return simple_listing(db, a, Q_NEW, limit, limit, out);
}

int
db_products_featured(struct db *db, struct arena *a, long long limit,
    struct listing *out)
{
	return simple_listing(db, a, Q_FEATURED, limit, limit, out);
}

int
db_product_children(struct db *db, struct arena *a, long long id,
    struct listing *out)
{
	return simple_listing(db, a, Q_CHILDREN, id, 500, out);
}

int
db_product_related(struct db *db, struct arena *a, const struct product *p,
    long long limit, struct listing *out)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_RELATED);

	out->items = NULL;
	out->n = 0;
	if (st == NULL)
		return -1;
	db_bind_int(st, 1, p->category_id);
	db_bind_int(st, 2, p->card.id);
	db_bind_int(st, 3, limit);
	return read_cards(db, a, st, (size_t)limit, 0, 0, out);
}

int
db_product_get(struct db *db, struct arena *a, const char *slug,
    struct product *p)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_PRODUCT);
	int rc, c = CARD_NCOLS;

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, slug);
	if ((rc = db_step_row(db, st, "product")) == 0) {
		read_card(a, st, &p->card);
		p->description = db_col_text(a, st, c++);
		p->sku = db_col_text(a, st, c++);
		p->category_id = db_col_int(st, c++);
		p->parent_id = db_col_int(st, c++);
		p->position = db_col_int(st, c++);
		p->created_at = db_col_int(st, c++);
		p->updated_at = db_col_int(st, c++);
		p->category_slug = db_col_text(a, st, c++);
		p->category_name = db_col_text(a, st, c++);
		p->parent_slug = db_col_text(a, st, c++);
		p->parent_name = db_col_text(a, st, c++);
		p->parent_media_type = db_col_text(a, st, c++);
		p->parent_parent_id = db_col_int(st, c++);
	}
	db_done(st);
	return rc;
}

int
db_product_by_id(struct db *db, struct arena *a, long long id,
    struct product_card *card)
{
	struct listing l;

	if (simple_listing(db, a, Q_PRODUCT_ID, id, 1, &l) < 0)
		return -1;
	if (l.n == 0)
		return 1;
	*card = l.items[0];
	return 0;
}

int
db_product_plans(struct db *db, struct arena *a, long long id,
    struct plan **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_PLANS);
	const size_t max = 32;
	int rc;

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, id);
	*out = arena_alloc(a, max * sizeof(**out));
	*n = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && *n < max) {
		struct plan *pl = &(*out)[(*n)++];
		pl->id = db_col_int(st, 0);
		pl->months = (int)db_col_int(st, 1);
		pl->days = (int)db_col_int(st, 2);
		pl->price_minor = db_col_int(st, 3);
	}
	db_done(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : db_fail(db, "plans");
}

int
db_vocab_close(struct db *db, struct arena *a, const char *const *keys,
    size_t nkeys, int maxdel, size_t cap, struct vocab_term **out, size_t *n)
{
	sqlite3_stmt *st;
	int rc = SQLITE_DONE;

	*out = arena_alloc(a, (cap ? cap : 1) * sizeof(**out));
	*n = 0;
	for (size_t k = 0; k < nkeys && *n < cap; k++) {
		if ((st = db_stmt(db, &stmts, Q_TYPO)) == NULL)
			return -1;
		db_bind_text(st, 1, keys[k]);
		db_bind_int(st, 2, maxdel);
		db_bind_int(st, 3, (long long)(cap - *n));
		while (*n < cap && (rc = sqlite3_step(st)) == SQLITE_ROW) {
			const char *t = (const char *)sqlite3_column_text(st, 0);
			size_t i = 0;

			while (i < *n && strcmp((*out)[i].term, t) != 0)
				i++;
			if (i < *n)
				continue;	/* found through another key */
			(*out)[*n].term = db_col_text(a, st, 0);
			(*out)[*n].docs = db_col_int(st, 1);
			(*n)++;
		}
		db_done(st);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			return db_fail(db, "typo keys");
	}
	return 0;
}

int
db_search_optimize(struct db *db)
{
	sqlite3_stmt *st;

	if (db_begin(db) < 0)
		return -1;
	if ((st = db_stmt(db, &stmts, Q_FTS_OPTIMIZE)) == NULL ||
	    db_step_done(db, st, "search index optimize") < 0) {
		db_rollback(db);
		return -1;
	}
	return db_commit(db);
}

int
db_vocab_has_prefix(struct db *db, const char *prefix)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_VOCAB_PREFIX);
	int rc;

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, prefix);
	rc = db_step_row(db, st, "vocab prefix");
	db_done(st);
	return rc < 0 ? -1 : rc == 0;
}

int
db_vocab_sync(struct db *db, long long max)
{
	sqlite3_stmt *st;
	long long upto, any;

	if ((st = db_stmt(db, &stmts, Q_VQ_ANY)) == NULL ||
	    (any = db_one_int(db, st, "vocab queue")) < 0)
		return -1;
	if (any == 0)
		return 0;
	if (db_begin(db) < 0)
		return -1;
	if ((st = db_stmt(db, &stmts, Q_VQ_UPTO)) == NULL)
		goto fail;
	db_bind_int(st, 1, max > 0 ? max : -1);
	if ((upto = db_one_int(db, st, "vocab queue")) < 0 ||
	    (st = db_stmt(db, &stmts, Q_VQ_APPLY)) == NULL)
		goto fail;
	db_bind_int(st, 1, upto);
	if (db_step_done(db, st, "vocab sync") < 0 ||
	    (st = db_stmt(db, &stmts, Q_VQ_DONE)) == NULL)
		goto fail;
	db_bind_int(st, 1, upto);
	if (db_step_done(db, st, "vocab queue") < 0)
		goto fail;
	return db_commit(db);
fail:
	db_rollback(db);
	return -1;
}

const char *const db_product_types[DB_TYPES + 1] = {
	"physical", "subscription", "digital", "film", "series", "software",
	"ebook", "music", NULL,
};

int
db_listing_filtered(const struct listing_query *q)
{
	return q->type != NULL || q->in_stock || q->months > 0 ||
	    q->nattrs > 0;
}

/* Binds q's category, price range and filters (?8..?10) to st. */
static void
bind_filters(sqlite3_stmt *st, const struct listing_query *q)
{
	bind_listing(st, q, q->category_id, NULL, 0);
	if (q->type != NULL)
		db_bind_text(st, 8, q->type);
	else
		db_bind_null(st, 8);
	db_bind_int(st, 9, q->in_stock);
	db_bind_int(st, 10, q->months);
	for (int i = 0; i < DB_ATTR_FILTERS; i++) {
		int on = i < q->nattrs;
		db_bind_int(st, 11 + 2 * i, on ? q->attr_id[i] : 0);
		db_bind_int(st, 12 + 2 * i, on ? q->attr_opt[i] : 0);
	}
}

/* The number of products of q's category under its filters, or -1. */
static long long
filtered_count(struct db *db, const struct listing_query *q)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_F_COUNT);

	if (st == NULL)
		return -1;
	bind_filters(st, q);
	return db_one_int(db, st, "filter count");
}

/* A page of a filtered category (db_listing when q has filters). */
static int
filtered_listing(struct db *db, struct arena *a, const struct listing_query *q,
    struct listing *out)
{
	static const int f_q[SORT__MAX] = {
		[SORT_NEWEST] = Q_F_NEWEST, [SORT_PRICE_ASC] = Q_F_PRICE_ASC,
		[SORT_PRICE_DESC] = Q_F_PRICE_DESC, [SORT_NAME] = Q_F_NAME,
		[SORT_RELEVANCE] = Q_F_NEWEST,
	};
	sqlite3_stmt *st;

	if ((out->total = filtered_count(db, q)) < 0)
		return -1;
	if (out->total <= q->offset)
		return 0;
	if ((st = db_stmt(db, &stmts, f_q[q->sort])) == NULL)
		return -1;
	bind_filters(st, q);
	db_bind_int(st, 4, q->limit);
	db_bind_int(st, 5, q->offset);
	return read_cards(db, a, st, (size_t)q->limit, 0, 0, out);
}

/* Adds to f the option counts of attribute attr (0: of every attribute
 * q does not filter on) under q's filters.  0 or -1. */
static int
attr_facet(struct db *db, const struct listing_query *q, long long attr,
    struct listing_facets *f)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_F_ATTRS);
	int rc;

	if (st == NULL)
		return -1;
	bind_filters(st, q);
	db_bind_int(st, 19, attr);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW &&
	    f->nopts < DB_FACET_OPTS) {
		long long a = db_col_int(st, 1);
		int i = 0;
		while (attr == 0 && i < q->nattrs && q->attr_id[i] != a)
			i++;
		if (attr == 0 && i < q->nattrs)
			continue;	/* counted under the others below */
		f->opt_id[f->nopts] = db_col_int(st, 0);
		f->opt_n[f->nopts++] = db_col_int(st, 2);
	}
	db_done(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return db_fail(db, "attribute facet");
	return 0;
}

int
db_listing_facets(struct db *db, const struct listing_query *q,
    struct listing_facets *f)
{
	struct listing_query other = *q;
	sqlite3_stmt *st;
	int rc;

	memset(f, 0, sizeof(*f));
	other.type = NULL;
	other.in_stock = 0;
	if ((st = db_stmt(db, &stmts, Q_F_TYPES)) == NULL)
		return -1;
	bind_filters(st, &other);
	/* A type counts under the stock filter, in stock under the type. */
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(st, 0);
		int sold_out = (int)db_col_int(st, 1);
		long long n = db_col_int(st, 2);
		for (int i = 0; i < DB_TYPES; i++)
			if (t != NULL && strcmp(t, db_product_types[i]) == 0 &&
			    (!q->in_stock || !sold_out))
				f->types[i] += n;
		if (!sold_out && t != NULL && (q->type == NULL ||
		    strcmp(t, q->type) == 0))
			f->in_stock += n;
	}
	db_done(st);
	if (rc != SQLITE_DONE)
		return db_fail(db, "type facet");
	other = *q;
	other.months = 0;
	if ((st = db_stmt(db, &stmts, Q_F_MONTHS)) == NULL)
		return -1;
	bind_filters(st, &other);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW &&
	    f->nmonths < DB_MONTHS_MAX) {
		f->months[f->nmonths] = (int)db_col_int(st, 0);
		f->months_n[f->nmonths++] = db_col_int(st, 1);
	}
	db_done(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return db_fail(db, "plan facet");
	/* Every attribute not filtered on, under all the filters; then each
	 * filtered one under the others. */
	if (attr_facet(db, q, 0, f) < 0)
		return -1;
	for (int i = 0; i < q->nattrs; i++) {
		other = *q;	/* without filter i; the others stay in order */
		other.nattrs--;
		other.attr_id[i] = q->attr_id[other.nattrs];
		other.attr_opt[i] = q->attr_opt[other.nattrs];
		if (attr_facet(db, &other, q->attr_id[i], f) < 0)
			return -1;
	}
	return 0;
}
