/* db_export.c — see db_export.h. */
#include "db_export.h"
#include "db_internal.h"

enum { Q_PRODUCTS, Q_PLANS, Q__MAX };

static const char *const sql[Q__MAX] = {
	/* Depth first: series, then seasons, then episodes. */
	[Q_PRODUCTS] = "SELECT p.id, coalesce(p.parent_id, 0), p.position, "
	    "p.price_minor, p.slug, p.name, p.kind, coalesce(p.media_type, ''), "
	    "coalesce(c.slug, '') FROM products p LEFT JOIN categories c ON "
	    "c.id = p.category_id LEFT JOIN products a ON a.id = p.parent_id "
	    "WHERE p.active = 1 ORDER BY (p.parent_id IS NOT NULL) + "
	    "(a.parent_id IS NOT NULL), p.position, p.id",
	[Q_PLANS] = "SELECT id, product_id, duration_months, duration_days, "
	    "price_minor FROM subscription_plans WHERE active = 1 ORDER BY "
	    "product_id, position, id",
};
DB_STMTS(stmts, sql, Q__MAX);

int
db_export_products(struct db *db, int (*fn)(const struct export_row *, void *),
    void *arg)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_PRODUCTS);
	struct arena a;
	int rc, bad = 0;

	if (st == NULL)
		return -1;
	arena_init(&a, 0);
	while (!bad && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct export_row r = {
			.id = db_col_int(st, 0), .parent_id = db_col_int(st, 1),
			.position = db_col_int(st, 2),
			.price_minor = db_col_int(st, 3),
			.slug = db_col_text(&a, st, 4), .name = db_col_text(&a, st, 5),
			.kind = db_col_text(&a, st, 6),
			.media_type = db_col_text(&a, st, 7),
			.category = db_col_text(&a, st, 8),
		};
		bad = fn(&r, arg) < 0;
		arena_reset(&a);
	}
	db_done(st);
	arena_free(&a);
	if (bad)
		return -1;
	return rc == SQLITE_DONE ? 0 : db_fail(db, "export products");
}

int
db_export_plans(struct db *db, int (*fn)(const struct export_plan *, void *),
    void *arg)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_PLANS);
	int rc, bad = 0;

	if (st == NULL)
		return -1;
	while (!bad && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct export_plan p = {
			.id = db_col_int(st, 0), .product_id = db_col_int(st, 1),
			.months = (int)db_col_int(st, 2),
			.days = (int)db_col_int(st, 3),
			.price_minor = db_col_int(st, 4),
		};
		bad = fn(&p, arg) < 0;
	}
	db_done(st);
	if (bad)
		return -1;
	return rc == SQLITE_DONE ? 0 : db_fail(db, "export plans");
}
