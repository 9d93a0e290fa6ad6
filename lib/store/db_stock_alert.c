/* db_stock_alert.c — see db_stock_alert.h. */
#include "db_internal.h"
#include "db_stock_alert.h"

enum { Q_CROSSED, Q_ADMINS, Q__MAX };
static const char *const sql[Q__MAX] = {
	[Q_CROSSED] = "SELECT p.id, p.stock, p.name, p.slug FROM products p "
	    "JOIN (SELECT product_id, sum(qty) AS q FROM order_items WHERE "
	    "order_id = ?1 AND product_id IS NOT NULL GROUP BY product_id) i "
	    "ON i.product_id = p.id WHERE p.stock IS NOT NULL AND "
	    "p.stock <= ?2 AND p.stock + i.q > ?2 ORDER BY p.id",
	[Q_ADMINS] = "SELECT email, lang FROM users WHERE role = 'admin' AND "
	    "disabled = 0 AND deleted_at IS NULL ORDER BY id",
};
DB_STMTS(stmts, sql, Q__MAX);

int
db_stock_crossed(struct db *db, struct arena *a, long long order_id,
    long long at_most, struct low_stock **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_CROSSED);
	size_t cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (st == NULL)
		return -1;
	db_bind_int(st, 1, order_id);
	db_bind_int(st, 2, at_most);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct low_stock *l;
		*out = db_grow(a, *out, *n, &cap, sizeof(**out));
		l = &(*out)[(*n)++];
		l->product_id = db_col_int(st, 0);
		l->stock = db_col_int(st, 1);
		l->name = db_col_text(a, st, 2);
		l->slug = db_col_text(a, st, 3);
	}
	db_done(st);
	return rc == SQLITE_DONE ? 0 : db_fail(db, "stock crossed");
}

int
db_stock_admins(struct db *db, struct arena *a, struct staff_addr **out,
    size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_ADMINS);
	size_t cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (st == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*out = db_grow(a, *out, *n, &cap, sizeof(**out));
		(*out)[*n].email = db_col_text(a, st, 0);
		(*out)[*n].lang = db_col_text(a, st, 1);
		(*n)++;
	}
	db_done(st);
	return rc == SQLITE_DONE ? 0 : db_fail(db, "stock admins");
}
