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

/* db_row_fn: a low_stock from Q_CROSSED's columns. */
static void
read_low(struct arena *a, sqlite3_stmt *st, void *row)
{
	struct low_stock *l = row;

	l->product_id = db_col_int(st, 0);
	l->stock = db_col_int(st, 1);
	l->name = db_col_text(a, st, 2);
	l->slug = db_col_text(a, st, 3);
}

/* db_row_fn: a staff_addr from Q_ADMINS's columns. */
static void
read_admin(struct arena *a, sqlite3_stmt *st, void *row)
{
	struct staff_addr *s = row;

	s->email = db_col_text(a, st, 0);
	s->lang = db_col_text(a, st, 1);
}

int
db_stock_crossed(struct db *db, struct arena *a, long long order_id,
    long long at_most, struct low_stock **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_CROSSED);

	*out = NULL;
	*n = 0;
	if (st == NULL)
		return -1;
	db_bind_int(st, 1, order_id);
	db_bind_int(st, 2, at_most);
	return db_rows(db, st, "stock crossed", a, sizeof(**out), read_low,
	    out, n) < 0 ? -1 : 0;
}

int
db_stock_admins(struct db *db, struct arena *a, struct staff_addr **out,
    size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_ADMINS);

	*out = NULL;
	*n = 0;
	if (st == NULL)
		return -1;
	return db_rows(db, st, "stock admins", a, sizeof(**out), read_admin,
	    out, n) < 0 ? -1 : 0;
}
