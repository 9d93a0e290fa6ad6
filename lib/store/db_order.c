/* db_order.c — see db_order.h. */
#include <string.h>

#include "cart.h"
#include "db_cart.h"
#include "db_coupon.h"
#include "db_detail.h"
#include "db_internal.h"
#include "db_order.h"
#include "ship.h"

#define ORDER_COLS							\
	"o.id, o.token, o.reference, o.idem_key, o.status, "		\
	"o.payment_method, o.currency, o.subtotal_minor, "		\
	"o.discount_minor, o.total_minor, coalesce(o.coupon_id, 0), "	\
	"coalesce(o.coupon_code, ''), o.customer_name, o.email, "	\
	"o.email_norm, o.phone, o.country, coalesce(o.address, ''), "	\
	"coalesce(o.city, ''), coalesce(o.postal_code, ''), o.lang, "	\
	"coalesce(o.cart_id, 0), o.created_at, o.updated_at, "		\
	"(SELECT count(*) FROM payment_proofs p WHERE p.order_id = o.id), " \
	"(SELECT count(*) FROM order_items i WHERE i.order_id = o.id), " \
	"o.delivery_minor, coalesce(o.delivery_rate_id, 0), o.delivery_name, " \
	"o.delivery_min_days, o.delivery_max_days, o.delivery_name_en, "	\
	"o.delivery_name_fr"

enum {
	Q_FIND, Q_STOCK, Q_STOCK_GET, Q_INSERT, Q_ITEM, Q_EVENT, Q_BY_TOKEN,
	Q_BY_ID, Q_ITEMS, Q_EVENTS, Q_PROOF_INSERT, Q_LIST,
	Q_LIST_STATUS, Q_PROOFS, Q_PROOF_BYTES, Q_MOVE, Q_RESTOCK, Q_UNPAID,
	Q_EXPIRABLE, Q_CATEGORY, Q__MAX
};

static const char *const sql[Q__MAX] = {
	[Q_FIND] = "SELECT id, coalesce(cart_id, 0) FROM orders WHERE token = ?",
	/* The sale itself: never below zero, whatever else happens. */
	[Q_STOCK] = "UPDATE products SET stock = stock - ?1 WHERE id = ?2 "
	    "AND stock >= ?1 RETURNING stock",
	[Q_STOCK_GET] = "SELECT coalesce(stock, -1) FROM products WHERE id = ?",
	[Q_INSERT] = "INSERT INTO orders(token, reference, idem_key, status, "
	    "payment_method, currency, subtotal_minor, discount_minor, "
	    "total_minor, coupon_id, coupon_code, customer_name, email, "
	    "email_norm, phone, country, address, city, postal_code, lang, "
	    "cart_id, cart_rev, user_id, created_at, updated_at, "
	    "delivery_minor, delivery_rate_id, delivery_name, "
	    "delivery_min_days, delivery_max_days, delivery_name_en, "
	    "delivery_name_fr) VALUES (?, ?, "
	    "?, ?, ?, ?, ?, ?, ?, nullif(?, 0), nullif(?, ''), ?, ?, ?, ?, ?, "
	    "nullif(?, ''), nullif(?, ''), nullif(?, ''), ?, ?, ?, "
	    "nullif(?, 0), ?24, ?24, ?25, nullif(?26, 0), ?27, ?28, ?29, ?30, "
	    "?31)",
	/* category_id: the dashboard files the line there (order_stats). */
	[Q_ITEM] = "INSERT INTO order_items(order_id, line, product_id, plan_id, "
	    "kind, name, plan_months, plan_days, price_minor, qty, line_minor, "
	    "discount_minor, category_id) VALUES (?, ?, ?, nullif(?, 0), ?, ?, "
	    "?, ?, ?, ?, ?, ?, ?)",
	[Q_EVENT] = "INSERT INTO order_events(order_id, seq, status, note, "
	    "created_at, actor) SELECT ?1, coalesce(max(seq), 0) + 1, ?2, ?3, "
	    "?4, ?5 FROM order_events WHERE order_id = ?1",
	[Q_BY_TOKEN] = "SELECT " ORDER_COLS " FROM orders o WHERE o.token = ?",
	[Q_BY_ID] = "SELECT " ORDER_COLS " FROM orders o WHERE o.id = ?",
	[Q_ITEMS] = "SELECT coalesce(product_id, 0), coalesce(plan_id, 0), kind, "
	    "name, plan_months, plan_days, price_minor, qty, line_minor, "
	    "discount_minor, category_id FROM order_items WHERE order_id = ? "
	    "ORDER BY line",
	[Q_EVENTS] = "SELECT status, note, created_at FROM order_events "
	    "WHERE order_id = ? ORDER BY seq",
	[Q_PROOF_INSERT] = "INSERT INTO payment_proofs(order_id, stored_name, "
	    "content_type, size, sha256, original_name, created_at) "
	    "VALUES (?, ?, ?, ?, ?, ?, ?)",
	/* Ids grow with time: newest first without an index of dates. */
	[Q_LIST] = "SELECT " ORDER_COLS " FROM orders o ORDER BY o.id DESC LIMIT ?",
	[Q_LIST_STATUS] = "SELECT " ORDER_COLS " FROM orders o WHERE o.status = ? "
	    "ORDER BY o.id DESC LIMIT ?",
	[Q_PROOFS] = "SELECT stored_name, content_type, size, original_name, "
	    "created_at FROM payment_proofs WHERE order_id = ? ORDER BY id",
	[Q_PROOF_BYTES] = "SELECT coalesce(sum(size), 0) FROM payment_proofs "
	    "WHERE order_id = ?",
	/* Only from the status the caller read: a second change finds none. */
	[Q_MOVE] = "UPDATE orders SET status = ?3, updated_at = ?4 WHERE id = ?1 "
	    "AND status = ?2 RETURNING id",
	/* Products counting stock get their units back (unlimited ones,
	 * stock NULL, were never decremented; deleted ones are gone). */
	[Q_RESTOCK] = "UPDATE products SET stock = stock + (SELECT sum(i.qty) "
	    "FROM order_items i WHERE i.order_id = ?1 AND i.product_id = "
	    "products.id) WHERE stock IS NOT NULL AND id IN (SELECT product_id "
	    "FROM order_items WHERE order_id = ?1)",
	/* The partial index orders_unpaid holds exactly the candidates. */
	[Q_UNPAID] = "SELECT o.id FROM orders o WHERE o.status = "
	    "'awaiting_payment' AND o.created_at <= ?2 AND o.payment_method = ?1 "
	    "AND NOT EXISTS (SELECT 1 FROM payment_proofs p WHERE p.order_id = "
	    "o.id) ORDER BY o.created_at LIMIT ?3",
	[Q_EXPIRABLE] = "SELECT count(*) FROM orders o WHERE o.id = ?1 AND "
	    "o.status = 'awaiting_payment' AND o.created_at <= ?2 AND NOT EXISTS "
	    "(SELECT 1 FROM payment_proofs p WHERE p.order_id = o.id)",
	[Q_CATEGORY] = "SELECT coalesce((SELECT category_id FROM products "
	    "WHERE id = ?), -1)",
};
DB_STMTS(stmts, sql, Q__MAX);

/* The order columns (ORDER_COLS) of the current row into o. */
static void
read_order(struct arena *a, sqlite3_stmt *st, void *row)
{
	struct order *o = row;

	int c = 0;

	memset(o, 0, sizeof(*o));
	o->id = db_col_int(st, c++);
	o->token = db_col_text(a, st, c++);
	o->reference = db_col_text(a, st, c++);
	o->idem_key = db_col_text(a, st, c++);
	o->status = db_col_text(a, st, c++);
	o->method = db_col_text(a, st, c++);
	o->currency = db_col_text(a, st, c++);
	o->subtotal_minor = db_col_int(st, c++);
	o->discount_minor = db_col_int(st, c++);
	o->total_minor = db_col_int(st, c++);
	o->coupon_id = db_col_int(st, c++);
	o->coupon_code = db_col_text(a, st, c++);
	o->name = db_col_text(a, st, c++);
	o->email = db_col_text(a, st, c++);
	o->email_norm = db_col_text(a, st, c++);
	o->phone = db_col_text(a, st, c++);
	o->country = db_col_text(a, st, c++);
	o->address = db_col_text(a, st, c++);
	o->city = db_col_text(a, st, c++);
	o->postal = db_col_text(a, st, c++);
	o->lang = db_col_text(a, st, c++);
	o->cart_id = db_col_int(st, c++);
	o->created_at = db_col_int(st, c++);
	o->updated_at = db_col_int(st, c++);
	o->nproofs = (size_t)db_col_int(st, c++);
	o->nlines = (size_t)db_col_int(st, c++);
	o->delivery_minor = db_col_int(st, c++);
	o->delivery_rate_id = db_col_int(st, c++);
	o->delivery_name = db_col_text(a, st, c++);
	o->delivery_min_days = (int)db_col_int(st, c++);
	o->delivery_max_days = (int)db_col_int(st, c++);
	o->delivery_names[LANG_EN] = db_col_text(a, st, c++);
	o->delivery_names[LANG_FR] = db_col_text(a, st, c++);
}

/* Adds a history entry made by `who`; 0 or -1. */
static int
insert_event(struct db *db, long long order, const char *status,
    const char *note, const char *who, long long now)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_EVENT);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, order);
	db_bind_text(st, 2, status);
	db_bind_text(st, 3, note ? note : "");
	db_bind_int(st, 4, now);
	db_bind_text(st, 5, who);
	return db_step_done(db, st, "order event") == 0 ? 0 : -1;
}

int
db_order_find(struct db *db, const char *token, long long *id,
    long long *cart_id)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_FIND);
	int rc;

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, token);
	if ((rc = db_step_row(db, st, "order find")) == 0) {
		*id = db_col_int(st, 0);
		*cart_id = db_col_int(st, 1);
	}
	db_done(st);
	return rc;
}

/* Takes qty of product out of stock: 0, 1 when there is not enough
 * (*left: what there is), -1. */
static int
take_stock(struct db *db, long long product, long long qty, long long *left)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_STOCK);
	int rc;

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, qty);
	db_bind_int(st, 2, product);
	rc = db_step_row(db, st, "stock");
	db_done(st);
	if (rc != DB_NONE)
		return rc;
	if ((st = db_stmt(db, &stmts, Q_STOCK_GET)) == NULL)
		return -1;
	db_bind_int(st, 1, product);
	rc = db_step_row(db, st, "stock left");
	*left = rc == 0 ? db_col_int(st, 0) : 0;
	db_done(st);
	return rc < 0 ? -1 : 1;
}

/* Compares the cart as it is now with the lines the shopper saw. */
static enum place_result
check_cart(const struct cart *cart, const struct order *o,
    struct place_why *why)
{
	if (cart->id == 0 || cart->id != o->cart_id || cart->rev != o->cart_rev ||
	    cart->n != o->nlines || cart->n == 0)
		return PLACE_CHANGED;
	for (size_t i = 0; i < cart->n; i++) {
		const struct cart_line *l = &cart->lines[i];
		const struct order_line *ol = &o->lines[i];

		if (l->product_id != ol->product_id || l->plan_id != ol->plan_id ||
		    l->qty != ol->qty || l->unit_minor != ol->unit_minor)
			return PLACE_CHANGED;
		why->line = i;
		if (!l->on_sale)
			return PLACE_UNAVAILABLE;
		if (l->stock >= 0 && l->qty > l->stock) {
			why->available = l->stock;
			return PLACE_STOCK;
		}
		if (l->qty > cart_max_qty(l->kind, -1)) {
			why->available = cart_max_qty(l->kind, -1);
			return PLACE_LIMIT;
		}
	}
	if (cart->count > cart_max_units()) {
		why->available = cart_max_units();
		return PLACE_UNITS;
	}
	return PLACE_OK;
}

/* Prices the delivery of o again for the cart as it is now (the same
 * rule the checkout showed, ship.h): PLACE_OK when it is what o holds,
 * PLACE_CHANGED (price, name, estimate or total), PLACE_SHIPPING (no
 * longer offered), PLACE_ERROR. */
static enum place_result
check_delivery(struct db *db, struct arena *a, const struct cart *cart,
    const struct order *o)
{
	struct ship_goods g;
	struct ship_option opt;
	enum ship_result sr;

	if (o->total_minor != o->subtotal_minor - o->discount_minor +
	    o->delivery_minor)
		return PLACE_CHANGED;
	ship_goods_cart(cart, o->subtotal_minor - o->discount_minor, &g);
	if (g.units == 0)
		return o->delivery_minor == 0 && o->delivery_rate_id == 0 ?
		    PLACE_OK : PLACE_CHANGED;
	sr = ship_quote(db, a, o->country, o->city, o->delivery_rate_id, &g,
	    &opt);
	if (sr == SHIP_ERROR)
		return PLACE_ERROR;
	if (sr != SHIP_OK)
		return PLACE_SHIPPING;
	if (opt.price_minor != o->delivery_minor || o->delivery_name == NULL ||
	    strcmp(opt.rate.name, o->delivery_name) != 0 ||
	    opt.rate.min_days != o->delivery_min_days ||
	    opt.rate.max_days != o->delivery_max_days)
		return PLACE_CHANGED;
	return PLACE_OK;
}

/* Writes the order row; 0, -2 when token or reference is taken, -1. */
static int
insert_order(struct db *db, struct order *o)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_INSERT);
	int i = 1, rc;

	if (st == NULL)
		return -1;
	db_bind_text(st, i++, o->token);
	db_bind_text(st, i++, o->reference);
	db_bind_text(st, i++, o->idem_key);
	db_bind_text(st, i++, o->status);
	db_bind_text(st, i++, o->method);
	db_bind_text(st, i++, o->currency);
	db_bind_int(st, i++, o->subtotal_minor);
	db_bind_int(st, i++, o->discount_minor);
	db_bind_int(st, i++, o->total_minor);
	db_bind_int(st, i++, o->coupon_id);
	db_bind_text(st, i++, o->coupon_code);
	db_bind_text(st, i++, o->name);
	db_bind_text(st, i++, o->email);
	db_bind_text(st, i++, o->email_norm);
	db_bind_text(st, i++, o->phone);
	db_bind_text(st, i++, o->country);
	db_bind_text(st, i++, o->address);
	db_bind_text(st, i++, o->city);
	db_bind_text(st, i++, o->postal);
	db_bind_text(st, i++, o->lang);
	db_bind_int(st, i++, o->cart_id);
	db_bind_int(st, i++, o->cart_rev);
	db_bind_int(st, i++, o->user_id);
	db_bind_int(st, i++, o->created_at);
	db_bind_int(st, i++, o->delivery_minor);
	db_bind_int(st, i++, o->delivery_rate_id);
	db_bind_text(st, i++, o->delivery_name ? o->delivery_name : "");
	db_bind_int(st, i++, o->delivery_min_days);
	db_bind_int(st, i++, o->delivery_max_days);
	for (int l = 0; l < LANG__MAX; l++)
		db_bind_text(st, i++, o->delivery_names[l] ?
		    o->delivery_names[l] : "");
	if ((rc = db_step_done(db, st, "order insert")) < 0)
		return rc;
	o->id = sqlite3_last_insert_rowid(db_sqlite(db));
	return 0;
}

/* Writes line number `line` of an order; 0 or -1. */
static int
insert_line(struct db *db, long long order, size_t line,
    const struct order_line *l)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_ITEM);
	int i = 1;

	if (st == NULL)
		return -1;
	db_bind_int(st, i++, order);
	db_bind_int(st, i++, (long long)line);
	db_bind_int(st, i++, l->product_id);
	db_bind_int(st, i++, l->plan_id);
	db_bind_text(st, i++, l->kind);
	db_bind_text(st, i++, l->name);
	db_bind_int(st, i++, l->months);
	db_bind_int(st, i++, l->days);
	db_bind_int(st, i++, l->unit_minor);
	db_bind_int(st, i++, l->qty);
	db_bind_int(st, i++, l->line_minor);
	db_bind_int(st, i++, l->discount_minor);
	db_bind_int(st, i, l->category_id);
	return db_step_done(db, st, "order line") == 0 ? 0 : -1;
}

/* l->category_id: its product's category now (-1: none); 0 or -1. */
static int
file_line(struct db *db, struct order_line *l)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_CATEGORY);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, l->product_id);
	l->category_id = db_one_int(db, st, "line category");
	return l->category_id < -1 ? -1 : 0;
}

int
db_order_insert(struct db *db, struct order *o)
{
	if (insert_order(db, o) != 0 || db_coupon_spread(db, o) < 0)
		return -1;
	for (size_t i = 0; i < o->nlines; i++)
		if (file_line(db, &o->lines[i]) < 0 ||
		    insert_line(db, o->id, i + 1, &o->lines[i]) < 0)
			return -1;
	return insert_event(db, o->id, o->status, o->note, "system",
	    o->created_at);
}

enum place_result
db_order_place(struct db *db, struct arena *a, const char *token,
    struct order *o, struct place_why *why)
{
	struct cart cart;
	enum place_result r;
	long long cart_id;
	int rc;

	memset(why, 0, sizeof(*why));
	/* The token comes from the idempotency key: seen, it is a repeat. */
	if ((rc = db_order_find(db, o->token, &o->id, &cart_id)) != DB_NONE)
		return rc < 0 ? PLACE_ERROR : PLACE_DUPLICATE;
	if (db_cart_load(db, a, token, &cart) < 0)
		return PLACE_ERROR;
	if ((r = check_cart(&cart, o, why)) != PLACE_OK)
		return r;
	if (*o->coupon_code) {
		long long id = 0, discount = 0;
		enum coupon_check cc = db_coupon_check(db, a, o,
		    o->created_at, &id, &discount);
		if (cc == COUPON_ERROR)
			return PLACE_ERROR;
		if (cc != COUPON_OK) {
			why->coupon = cc;
			return PLACE_COUPON;
		}
		if (id != o->coupon_id || discount != o->discount_minor)
			return PLACE_CHANGED;
	}
	if ((r = check_delivery(db, a, &cart, o)) != PLACE_OK)
		return r;
	for (size_t i = 0; i < cart.n; i++) {
		if (cart.lines[i].stock < 0)
			continue;
		rc = take_stock(db, cart.lines[i].product_id, cart.lines[i].qty,
		    &why->available);
		if (rc != 0) {
			why->line = i;
			return rc < 0 ? PLACE_ERROR : PLACE_STOCK;
		}
	}
	if ((rc = insert_order(db, o)) < 0)
		return rc == -2 ? PLACE_RETRY : PLACE_ERROR;
	if (db_coupon_spread(db, o) < 0)
		return PLACE_ERROR;
	for (size_t i = 0; i < o->nlines; i++) {
		/* Filed where its product is now (check_cart: the same
		 * products, line by line). */
		o->lines[i].category_id = cart.lines[i].category_id;
		if (insert_line(db, o->id, i + 1, &o->lines[i]) < 0 ||
		    db_detail_insert(db, o->id, i + 1, o->lines[i].details,
		    o->lines[i].ndetails) < 0)
			return PLACE_ERROR;
	}
	if (insert_event(db, o->id, o->status, o->note, "shopper",
	    o->created_at) < 0)
		return PLACE_ERROR;
	if (o->coupon_id && db_coupon_redeem(db, o) < 0)
		return PLACE_ERROR;
	if (db_cart_clear(db, cart.id) < 0)
		return PLACE_ERROR;
	return PLACE_OK;
}

/* db_row_fn: an order_line from Q_ITEMS's columns. */
static void
read_line(struct arena *a, sqlite3_stmt *st, void *row)
{
	struct order_line *l = row;

	l->product_id = db_col_int(st, 0);
	l->plan_id = db_col_int(st, 1);
	l->kind = db_col_text(a, st, 2);
	l->name = db_col_text(a, st, 3);
	l->months = (int)db_col_int(st, 4);
	l->days = (int)db_col_int(st, 5);
	l->unit_minor = db_col_int(st, 6);
	l->qty = db_col_int(st, 7);
	l->line_minor = db_col_int(st, 8);
	l->discount_minor = db_col_int(st, 9);
	l->category_id = db_col_int(st, 10);
}

/* db_row_fn: an order_event from Q_EVENTS's columns. */
static void
read_event(struct arena *a, sqlite3_stmt *st, void *row)
{
	struct order_event *e = row;

	e->status = db_col_text(a, st, 0);
	e->note = db_col_text(a, st, 1);
	e->at = db_col_int(st, 2);
}

/* Lines and history of o. */
static int
load_details(struct db *db, struct arena *a, struct order *o)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_ITEMS);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, o->id);
	if (db_rows(db, st, "order lines", a, sizeof(*o->lines), read_line,
	    &o->lines, &o->nlines) < 0)
		return -1;
	for (size_t i = 0; i < o->nlines; i++) {
		struct order_detail *d;
		int n = db_detail_of_line(db, a, o->id, i + 1, &d);
		if (n < 0)
			return -1;
		o->lines[i].details = d;
		o->lines[i].ndetails = (size_t)n;
	}
	if ((st = db_stmt(db, &stmts, Q_EVENTS)) == NULL)
		return -1;
	db_bind_int(st, 1, o->id);
	return db_rows(db, st, "order events", a, sizeof(*o->events),
	    read_event, &o->events, &o->nevents) < 0 ? -1 : 0;
}

/* Reads one order with st (bound); 0, 1 none, -1. */
static int
load_one(struct db *db, struct arena *a, sqlite3_stmt *st, struct order *o)
{
	int rc = db_step_row(db, st, "order");

	if (rc == 0)
		read_order(a, st, o);
	db_done(st);
	return rc != 0 ? rc : load_details(db, a, o);
}

int
db_order_by_token(struct db *db, struct arena *a, const char *token,
    struct order *o)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_BY_TOKEN);

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, token);
	return load_one(db, a, st, o);
}

int
db_order_by_id(struct db *db, struct arena *a, long long id, struct order *o)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_BY_ID);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, id);
	return load_one(db, a, st, o);
}

int
db_order_add_proof(struct db *db, struct order *o, const char *name,
    const char *type, long long size, const char *sha, const char *original,
    long long now)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_PROOF_INSERT);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, o->id);
	db_bind_text(st, 2, name);
	db_bind_text(st, 3, type);
	db_bind_int(st, 4, size);
	db_bind_text(st, 5, sha);
	db_bind_text(st, 6, original);
	db_bind_int(st, 7, now);
	if (db_step_done(db, st, "proof insert") < 0)
		return -1;
	o->nproofs++;
	return 0;
}

int
db_order_unpaid(struct db *db, struct arena *a, const char *method,
    long long cutoff, size_t limit, long long **ids, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_UNPAID);

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, method);
	db_bind_int(st, 2, cutoff);
	db_bind_int(st, 3, (long long)limit);
	*ids = NULL;
	*n = 0;
	return db_rows(db, st, "unpaid orders", a, sizeof(**ids), db_read_id,
	    ids, n) < 0 ? -1 : 0;
}

int
db_order_expirable(struct db *db, long long id, long long cutoff)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_EXPIRABLE);
	long long still;

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, cutoff);
	if ((still = db_one_int(db, st, "order expirable")) < 0)
		return -1;
	return still > 0;
}

long long
db_order_proof_bytes(struct db *db, long long order)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_PROOF_BYTES);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, order);
	return db_one_int(db, st, "proof bytes");
}

int
db_order_move(struct db *db, long long id, const char *from, const char *to,
    const char *note, const char *who, long long now)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_MOVE);
	int rc;

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, id);
	db_bind_text(st, 2, from);
	db_bind_text(st, 3, to);
	db_bind_int(st, 4, now);
	rc = db_step_row(db, st, "order status");
	db_done(st);
	if (rc != 0)
		return rc;
	return insert_event(db, id, to, note, who, now);
}

int
db_order_restock(struct db *db, long long id)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_RESTOCK);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, id);
	return db_step_done(db, st, "order restock") == 0 ? 0 : -1;
}

int
db_order_list(struct db *db, struct arena *a, const char *status,
    long long limit, struct order **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, *status ? Q_LIST_STATUS : Q_LIST);
	int i = 1;

	if (st == NULL)
		return -1;
	if (*status)
		db_bind_text(st, i++, status);
	db_bind_int(st, i, limit);
	*out = NULL;
	*n = 0;
	return db_rows(db, st, "order list", a, sizeof(**out), read_order, out,
	    n) < 0 ? -1 : 0;
}

/* db_row_fn: a proof_info from the statement's columns. */
static void
read_order_proofs(struct arena *a, sqlite3_stmt *st, void *row)
{
	struct proof_info *p = row;

	p->name = db_col_text(a, st, 0);
	p->type = db_col_text(a, st, 1);
	p->size = db_col_int(st, 2);
	p->original_name = db_col_text(a, st, 3);
	p->at = db_col_int(st, 4);
}

int
db_order_proofs(struct db *db, struct arena *a, long long order,
    struct proof_info **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_PROOFS);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, order);
	*out = NULL;
	*n = 0;
	return db_rows(db, st, "order proofs", a, sizeof(**out),
	    read_order_proofs, out, n) < 0 ? -1 : 0;
}
