/* db_export.c — see db_export.h. */
#include "db_export.h"
#include "db_internal.h"

enum { Q_PRODUCTS, Q_PLANS, Q_FULL, Q_PLANS_OF, Q__MAX };

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
	[Q_FULL] = "SELECT p.id, p.position, p.price_minor, coalesce(p.stock, -1), "
	    "coalesce(p.compare_at_minor, -1), p.featured, p.active, p.slug, "
	    "p.name, p.kind, coalesce(p.media_type, ''), coalesce(c.slug, ''), "
	    "coalesce(a.slug, ''), p.description, coalesce(p.sku, ''), "
	    "coalesce(t.name, ''), coalesce(t.description, '') FROM products p "
	    "LEFT JOIN categories c ON c.id = p.category_id LEFT JOIN products a "
	    "ON a.id = p.parent_id LEFT JOIN product_text t ON t.product_id = "
	    "p.id AND t.lang = ?1 ORDER BY (p.parent_id IS NOT NULL) + "
	    "(a.parent_id IS NOT NULL), p.position, p.id",
	[Q_PLANS_OF] = "SELECT duration_months, duration_days, price_minor FROM "
	    "subscription_plans WHERE product_id = ?1 AND active = 1 ORDER BY "
	    "position, id",
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

int
db_export_full(struct db *db, const char *other,
    int (*fn)(const struct export_full *, void *), void *arg)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_FULL);
	struct arena a;
	int rc, bad = 0;

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, other);
	arena_init(&a, 0);
	while (!bad && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct export_full r = {
			.id = db_col_int(st, 0), .position = db_col_int(st, 1),
			.price_minor = db_col_int(st, 2), .stock = db_col_int(st, 3),
			.compare_at_minor = db_col_int(st, 4),
			.featured = (int)db_col_int(st, 5),
			.active = (int)db_col_int(st, 6),
			.slug = db_col_text(&a, st, 7), .name = db_col_text(&a, st, 8),
			.kind = db_col_text(&a, st, 9),
			.media_type = db_col_text(&a, st, 10),
			.category = db_col_text(&a, st, 11),
			.parent = db_col_text(&a, st, 12),
			.description = db_col_text(&a, st, 13),
			.sku = db_col_text(&a, st, 14),
			.name_t = db_col_text(&a, st, 15),
			.description_t = db_col_text(&a, st, 16),
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
db_export_plans_of(struct db *db, long long product,
    int (*fn)(int, int, long long, void *), void *arg)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_PLANS_OF);
	int rc, bad = 0;

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, product);
	while (!bad && (rc = sqlite3_step(st)) == SQLITE_ROW)
		bad = fn((int)db_col_int(st, 0), (int)db_col_int(st, 1),
		    db_col_int(st, 2), arg) < 0;
	db_done(st);
	if (bad)
		return -1;
	return rc == SQLITE_DONE ? 0 : db_fail(db, "export plans");
}
