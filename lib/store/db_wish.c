/* db_wish.c — see db_wish.h. */
#include <sqlite3.h>

#include "db_internal.h"
#include "db_wish.h"

enum {
	Q_ADD, Q_REMOVE, Q_HAS, Q_LIST, Q_OPTOUT, Q_PRODUCT, Q_DUE, Q_SEEN,
	Q_ALERT_ADD, Q_ALERT_DUE, Q_ALERT_DEL, Q_ORDER_PRODUCTS, Q__MAX
};

#define IN_STOCK(p) "(" p ".active = 1 AND (" p ".stock IS NULL OR " p \
	".stock > 0))"

static const char *const sql[Q__MAX] = {
	[Q_ADD] = "INSERT INTO wishlist(user_id, product_id, seen_price, "
	    "seen_in_stock, created_at) SELECT ?1, p.id, p.price_minor, "
	    IN_STOCK("p") ", ?3 FROM products p WHERE p.id = ?2 AND "
	    "p.active = 1 ON CONFLICT(user_id, product_id) DO NOTHING",
	[Q_REMOVE] = "DELETE FROM wishlist WHERE user_id = ? AND "
	    "product_id = ? RETURNING 1",
	[Q_HAS] = "SELECT 1 FROM wishlist WHERE user_id = ? AND product_id = ?",
	[Q_LIST] = "SELECT p.id, p.slug, p.name, p.kind, p.price_minor, "
	    "coalesce(p.stock, -1), " IN_STOCK("p") ", EXISTS (SELECT 1 FROM "
	    "subscription_plans s WHERE s.product_id = p.id AND s.active = 1), "
	    "w.created_at FROM wishlist w JOIN products p ON p.id = "
	    "w.product_id WHERE w.user_id = ? AND p.active = 1 "
	    "ORDER BY w.created_at DESC, p.id DESC",
	[Q_OPTOUT] = "INSERT INTO wish_optout(user_id, created_at) "
	    "VALUES (?, ?) ON CONFLICT(user_id) DO NOTHING",
	[Q_PRODUCT] = "SELECT p.id, p.slug, p.name, p.price_minor, p.active, "
	    IN_STOCK("p") " FROM products p WHERE p.id = ?",
	[Q_DUE] = "SELECT w.user_id, w.seen_price, w.seen_in_stock, u.email, "
	    "u.lang FROM wishlist w JOIN users u ON u.id = w.user_id "
	    "WHERE w.product_id = ?1 AND ((?2 = 1 AND w.seen_in_stock = 0) "
	    "OR (?2 = 1 AND w.seen_price > ?3)) AND u.verified_at IS NOT NULL "
	    "AND u.disabled = 0 AND u.deleted_at IS NULL AND NOT EXISTS "
	    "(SELECT 1 FROM wish_optout o WHERE o.user_id = u.id)",
	[Q_SEEN] = "UPDATE wishlist SET seen_price = min(seen_price, ?3), "
	    "seen_in_stock = ?4 WHERE user_id = ?1 AND product_id = ?2",
	[Q_ALERT_ADD] = "INSERT INTO stock_alerts(product_id, email, "
	    "email_norm, lang, created_at) VALUES (?, ?, ?, ?, ?) "
	    "ON CONFLICT(product_id, email_norm) DO NOTHING",
	[Q_ALERT_DUE] = "SELECT id, email, lang FROM stock_alerts "
	    "WHERE product_id = ? ORDER BY id",
	[Q_ALERT_DEL] = "DELETE FROM stock_alerts WHERE id = ? RETURNING 1",
	[Q_ORDER_PRODUCTS] = "SELECT DISTINCT product_id FROM order_items "
	    "WHERE order_id = ? AND product_id IS NOT NULL",
};
DB_STMTS(stmts, sql, Q__MAX);

/* Runs st and returns 0 when it changed a row, DB_NONE when none, -1. */
static int
changed(struct db *db, sqlite3_stmt *st, const char *what)
{
	if (db_step_done(db, st, what) < 0)
		return -1;
	return sqlite3_changes(db_sqlite(db)) > 0 ? 0 : DB_NONE;
}

int
db_wish_add(struct db *db, long long user, long long product, long long now)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_ADD);
	int rc;

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, user);
	db_bind_int(st, 2, product);
	db_bind_int(st, 3, now);
	if ((rc = changed(db, st, "wish add")) != DB_NONE)
		return rc;
	/* Nothing inserted: already there, or no such product. */
	return db_wish_has(db, user, product) == 1 ? 0 : DB_NONE;
}

int
db_wish_remove(struct db *db, long long user, long long product)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_REMOVE);
	long long got;

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, user);
	db_bind_int(st, 2, product);
	got = db_one_int(db, st, "wish remove");
	return got < 0 ? -1 : got == 0 ? DB_NONE : 0;
}

int
db_wish_has(struct db *db, long long user, long long product)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_HAS);
	long long got;

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, user);
	db_bind_int(st, 2, product);
	got = db_one_int(db, st, "wish has");
	return got < 0 ? -1 : got > 0;
}

/* db_row_fn: a wish_item from Q_LIST's columns. */
static void
read_wish(struct arena *a, sqlite3_stmt *st, void *row)
{
	struct wish_item *w = row;

	w->product_id = db_col_int(st, 0);
	w->slug = db_col_text(a, st, 1);
	w->name = db_col_text(a, st, 2);
	w->kind = db_col_text(a, st, 3);
	w->price_minor = db_col_int(st, 4);
	w->stock = db_col_int(st, 5);
	w->in_stock = (int)db_col_int(st, 6);
	w->has_plans = (int)db_col_int(st, 7);
	w->created_at = db_col_int(st, 8);
}

long long
db_wish_list(struct db *db, struct arena *a, long long user,
    struct wish_item **out)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_LIST);

	*out = NULL;
	if (st == NULL)
		return -1;
	db_bind_int(st, 1, user);
	return db_rows(db, st, "wish list", a, sizeof(**out), read_wish,
	    out, NULL);
}

int
db_wish_optout(struct db *db, long long user, long long now)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_OPTOUT);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, user);
	db_bind_int(st, 2, now);
	return db_step_done(db, st, "wish optout");
}

int
db_watch_product(struct db *db, struct arena *a, long long id,
    struct watch_product *out)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_PRODUCT);
	int rc;

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, id);
	if ((rc = db_step_row(db, st, "watch product")) == 0) {
		out->id = db_col_int(st, 0);
		out->slug = db_col_text(a, st, 1);
		out->name = db_col_text(a, st, 2);
		out->price_minor = db_col_int(st, 3);
		out->active = (int)db_col_int(st, 4);
		out->in_stock = (int)db_col_int(st, 5);
		db_done(st);
	}
	return rc;
}

/* db_row_fn: a watch_due from Q_DUE's columns. */
static void
read_due(struct arena *a, sqlite3_stmt *st, void *row)
{
	struct watch_due *d = row;

	d->user_id = db_col_int(st, 0);
	d->seen_price = db_col_int(st, 1);
	d->seen_in_stock = (int)db_col_int(st, 2);
	d->email = db_col_text(a, st, 3);
	d->lang = db_col_text(a, st, 4);
}

long long
db_watch_due(struct db *db, struct arena *a, const struct watch_product *p,
    struct watch_due **out)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_DUE);

	*out = NULL;
	if (st == NULL)
		return -1;
	db_bind_int(st, 1, p->id);
	db_bind_int(st, 2, p->in_stock);
	db_bind_int(st, 3, p->price_minor);
	return db_rows(db, st, "watch due", a, sizeof(**out), read_due,
	    out, NULL);
}

int
db_watch_seen(struct db *db, long long user, long long product,
    long long price, int in_stock)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_SEEN);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, user);
	db_bind_int(st, 2, product);
	db_bind_int(st, 3, price);
	db_bind_int(st, 4, in_stock);
	return db_step_done(db, st, "watch seen");
}

int
db_alert_add(struct db *db, long long product, const char *email,
    const char *email_norm, const char *lang, long long now)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_ALERT_ADD);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, product);
	db_bind_text(st, 2, email);
	db_bind_text(st, 3, email_norm);
	db_bind_text(st, 4, lang);
	db_bind_int(st, 5, now);
	return changed(db, st, "alert add");
}

/* db_row_fn: an alert_due from Q_ALERT_DUE's columns. */
static void
read_alert(struct arena *a, sqlite3_stmt *st, void *row)
{
	struct alert_due *d = row;

	d->id = db_col_int(st, 0);
	d->email = db_col_text(a, st, 1);
	d->lang = db_col_text(a, st, 2);
}

long long
db_alert_due(struct db *db, struct arena *a, long long product,
    struct alert_due **out)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_ALERT_DUE);

	*out = NULL;
	if (st == NULL)
		return -1;
	db_bind_int(st, 1, product);
	return db_rows(db, st, "alert due", a, sizeof(**out), read_alert,
	    out, NULL);
}

int
db_alert_delete(struct db *db, long long id)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_ALERT_DEL);
	long long got;

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, id);
	got = db_one_int(db, st, "alert delete");
	return got < 0 ? -1 : got == 0 ? DB_NONE : 0;
}

long long
db_watch_order_products(struct db *db, struct arena *a, long long order_id,
    long long **out)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_ORDER_PRODUCTS);

	*out = NULL;
	if (st == NULL)
		return -1;
	db_bind_int(st, 1, order_id);
	return db_rows(db, st, "order products", a, sizeof(**out), db_read_id,
	    out, NULL);
}
