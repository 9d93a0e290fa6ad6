/* db_cart.c — see db_cart.h. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "cart.h"
#include "db_cart.h"
#include "db_internal.h"

enum {
	Q_FIND, Q_LINES, Q_COUNT, Q_CREATE, Q_EXPIRE, Q_PRODUCT, Q_PLAN,
	Q_LINE_FIND, Q_LINE_COUNT, Q_LINE_INSERT, Q_LINE_SET, Q_LINE_GET,
	Q_LINE_DELETE, Q_EMPTY, Q_TOUCH, Q_BUMP, Q_OTHER_UNITS, Q_USER_CART,
	Q_ADOPT, Q_MERGE_QTY, Q_MERGE_NEW, Q_DROP, Q_RETOKEN, Q_OWN, Q__MAX
};

static const char *const sql[Q__MAX] = {
	[Q_FIND] = "SELECT id, rev FROM carts WHERE token_hash = ?",
	[Q_LINES] = "SELECT i.line, i.product_id, coalesce(i.plan_id, 0), p.slug, "
	    "p.name, p.kind, coalesce(pl.duration_months, 0), "
	    "coalesce(pl.duration_days, 0), i.qty, "
	    "coalesce(pl.price_minor, p.price_minor), coalesce(p.stock, -1), "
	    "p.active = 1 AND (i.plan_id IS NULL OR pl.active = 1), "
	    "coalesce(p.weight_grams, 0), coalesce(p.category_id, -1) "
	    "FROM cart_items i JOIN products p ON p.id = i.product_id "
	    "LEFT JOIN subscription_plans pl ON pl.id = i.plan_id "
	    "WHERE i.cart_id = ? ORDER BY i.line",
	[Q_COUNT] = "SELECT coalesce(sum(i.qty), 0) FROM carts c "
	    "JOIN cart_items i ON i.cart_id = c.id WHERE c.token_hash = ?",
	[Q_CREATE] = "INSERT INTO carts(token_hash, created_at, updated_at) "
	    "VALUES (?1, ?2, ?2)",
	/* Idle carts go a few at a time whenever a cart is created. */
	[Q_EXPIRE] = "DELETE FROM carts WHERE id IN (SELECT id FROM carts "
	    "WHERE updated_at < ? ORDER BY updated_at LIMIT 20)",
	[Q_PRODUCT] = "SELECT kind, coalesce(stock, -1) FROM products "
	    "WHERE id = ? AND active = 1",
	[Q_PLAN] = "SELECT 1 FROM subscription_plans WHERE id = ? AND "
	    "product_id = ? AND active = 1",
	/* One line per product and plan: the transactions keep it so. */
	[Q_LINE_FIND] = "SELECT line, qty FROM cart_items WHERE cart_id = ? AND "
	    "product_id = ? AND coalesce(plan_id, 0) = ?",
	[Q_LINE_COUNT] = "SELECT count(*), coalesce(max(line), 0) FROM cart_items "
	    "WHERE cart_id = ?",
	[Q_LINE_INSERT] = "INSERT INTO cart_items(cart_id, line, product_id, "
	    "plan_id, qty, added_at) VALUES (?, ?, ?, ?, ?, ?)",
	[Q_LINE_SET] = "UPDATE cart_items SET qty = ? WHERE cart_id = ? AND line = ?",
	[Q_LINE_GET] = "SELECT i.product_id, p.kind, coalesce(p.stock, -1) "
	    "FROM cart_items i JOIN products p ON p.id = i.product_id "
	    "WHERE i.cart_id = ? AND i.line = ?",
	[Q_LINE_DELETE] = "DELETE FROM cart_items WHERE cart_id = ? AND line = ?",
	[Q_EMPTY] = "DELETE FROM cart_items WHERE cart_id = ?",
	[Q_TOUCH] = "UPDATE carts SET rev = rev + 1, updated_at = ? WHERE id = ?",
	/* At placement: a new revision, updated_at (indexed) left alone. */
	[Q_BUMP] = "UPDATE carts SET rev = rev + 1 WHERE id = ?",
	/* Units in the other lines (cart_max_units). */
	[Q_OTHER_UNITS] = "SELECT coalesce(sum(qty), 0) FROM cart_items "
	    "WHERE cart_id = ? AND line <> ?",
	[Q_USER_CART] = "SELECT id FROM carts WHERE user_id = ? "
	    "ORDER BY updated_at DESC LIMIT 1",
	[Q_ADOPT] = "UPDATE carts SET user_id = ?2 WHERE id = ?1",
	[Q_OWN] = "UPDATE carts SET user_id = ?2 WHERE token_hash = ?1 "
	    "AND user_id IS NULL",
	/* ?1 the account's cart, ?2 the guest's. */
	[Q_MERGE_QTY] = "UPDATE cart_items AS u SET qty = max(u.qty, g.qty) "
	    "FROM cart_items AS g WHERE u.cart_id = ?1 AND g.cart_id = ?2 AND "
	    "g.product_id = u.product_id AND "
	    "coalesce(g.plan_id, 0) = coalesce(u.plan_id, 0)",
	[Q_MERGE_NEW] = "INSERT INTO cart_items(cart_id, line, product_id, "
	    "plan_id, qty, added_at) SELECT ?1, (SELECT coalesce(max(line), 0) "
	    "FROM cart_items WHERE cart_id = ?1) + row_number() OVER "
	    "(ORDER BY g.line), g.product_id, g.plan_id, g.qty, g.added_at "
	    "FROM cart_items g WHERE g.cart_id = ?2 AND NOT EXISTS (SELECT 1 "
	    "FROM cart_items u WHERE u.cart_id = ?1 AND u.product_id = "
	    "g.product_id AND coalesce(u.plan_id, 0) = coalesce(g.plan_id, 0))",
	[Q_DROP] = "DELETE FROM carts WHERE id = ?",
	[Q_RETOKEN] = "UPDATE carts SET token_hash = ?2, rev = rev + 1, "
	    "updated_at = ?3 WHERE id = ?1",
};
DB_STMTS(stmts, sql, Q__MAX);

/* The id (and rev) of the cart with this token: 1 found, 0 none, -1. */
static int
find(struct db *db, const char *token, long long *id, long long *rev)
{
	char hash[65];
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_FIND);
	int rc;

	if (st == NULL)
		return -1;
	cart_token_hash(token, hash);
	db_bind_text(st, 1, hash);
	if ((rc = db_step_row(db, st, "cart find")) == 0) {
		*id = db_col_int(st, 0);
		if (rev != NULL)
			*rev = db_col_int(st, 1);
	}
	db_done(st);
	return rc < 0 ? -1 : rc == 0;
}

/* db_row_fn: a cart_line from Q_LINES's columns. */
static void
read_line(struct arena *a, sqlite3_stmt *st, void *row)
{
	struct cart_line *l = row;

	l->id = db_col_int(st, 0);
	l->product_id = db_col_int(st, 1);
	l->plan_id = db_col_int(st, 2);
	l->slug = db_col_text(a, st, 3);
	l->name = db_col_text(a, st, 4);
	l->kind = db_col_text(a, st, 5);
	l->months = (int)db_col_int(st, 6);
	l->days = (int)db_col_int(st, 7);
	l->qty = db_col_int(st, 8);
	l->unit_minor = db_col_int(st, 9);
	l->stock = db_col_int(st, 10);
	l->on_sale = (int)db_col_int(st, 11);
	l->grams = db_col_int(st, 12);
	l->category_id = db_col_int(st, 13);
	l->max_qty = cart_max_qty(l->kind, l->stock);
	l->line_minor = l->unit_minor * l->qty;
}

/* Reads the lines of cart c->id (catalog prices now) and their sums. */
static int
load_lines(struct db *db, struct arena *a, struct cart *c)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_LINES);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, c->id);
	if (db_rows(db, st, "cart lines", a, sizeof(*c->lines), read_line,
	    &c->lines, &c->n) < 0)
		return -1;
	for (size_t i = 0; i < c->n; i++) {
		const struct cart_line *l = &c->lines[i];

		c->count += l->qty;
		c->subtotal_minor += l->line_minor;
		if (strcmp(l->kind, "physical") == 0)
			c->nphysical++;
		if (!l->on_sale || (l->stock >= 0 && l->qty > l->stock))
			c->problems++;
		if (l->qty > cart_max_qty(l->kind, -1))
			c->over_caps = 1;
	}
	c->max_units = cart_max_units();
	if (c->count > c->max_units)
		c->over_caps = 1;
	return 0;
}

int
db_cart_load(struct db *db, struct arena *a, const char *token,
    struct cart *c)
{
	int rc;

	memset(c, 0, sizeof(*c));
	if ((rc = find(db, token, &c->id, &c->rev)) <= 0)
		return rc;
	return load_lines(db, a, c);
}

long long
db_cart_count(struct db *db, const char *token)
{
	char hash[65];
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_COUNT);
	long long n = -1;

	if (st == NULL)
		return -1;
	cart_token_hash(token, hash);
	db_bind_text(st, 1, hash);
	if (db_step_row(db, st, "cart count") == 0)
		n = db_col_int(st, 0);
	db_done(st);
	return n;
}

/* Runs a statement taking the first nargs of (a, b, c) as int binds; 0 or
 * -1. */
static int
run3(struct db *db, int q, long long a, long long b, long long c, int nargs)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, q);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, a);
	if (nargs > 1)
		db_bind_int(st, 2, b);
	if (nargs > 2)
		db_bind_int(st, 3, c);
	return db_step_done(db, st, sql[q]) == 0 ? 0 : -1;
}

/* A new cart for token; its id, or -1. */
static long long
create(struct db *db, const char *token, long long now)
{
	long long id;
	char hash[65];
	sqlite3_stmt *st;

	if ((st = db_stmt(db, &stmts, Q_EXPIRE)) == NULL)
		return -1;
	db_bind_int(st, 1, now - CART_COOKIE_AGE);
	if (db_step_done(db, st, "cart expire") < 0)
		return -1;
	if ((st = db_stmt(db, &stmts, Q_CREATE)) == NULL)
		return -1;
	cart_token_hash(token, hash);
	db_bind_text(st, 1, hash);
	db_bind_int(st, 2, now);
	/* -1 for every failure: callers roll back either way. */
	return (id = db_insert(db, st, "cart create")) > 0 ? id : -1;
}

#define KIND_LEN 16	/* "subscription" and its NUL fit */

/* Copies text column i of st into out[KIND_LEN]. */
static void
col_kind(sqlite3_stmt *st, int i, char *out)
{
	const unsigned char *t = sqlite3_column_text(st, i);

	snprintf(out, KIND_LEN, "%s", t ? (const char *)t : "");
}

/* The product's kind and stock when on sale: 1, 0 when not, -1. */
static int
product(struct db *db, long long id, char *kind, long long *stock)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_PRODUCT);
	int rc;

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, id);
	if ((rc = db_step_row(db, st, "cart product")) == 0) {
		col_kind(st, 0, kind);
		*stock = db_col_int(st, 1);
	}
	db_done(st);
	return rc < 0 ? -1 : rc == 0;
}

/* Steps a statement expected to return at most one row of integers into
 * out[0..n); 1 row, 0 none, -1 error. */
static int
row_ints(struct db *db, sqlite3_stmt *st, long long *out, int n)
{
	int rc = db_step_row(db, st, "cart row");

	if (rc == 0)
		for (int i = 0; i < n; i++)
			out[i] = db_col_int(st, i);
	db_done(st);
	return rc < 0 ? -1 : rc == 0;
}

/* Lowers ch->max_qty to the units cart_max_units() leaves line `line` of
 * cart beside its other lines (line 0: a new line); 0 or -1. */
static int
units_room(struct db *db, long long cart, long long line,
    struct cart_change *ch)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_OTHER_UNITS);
	long long other, room;

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, cart);
	db_bind_int(st, 2, line);
	if ((other = db_one_int(db, st, "cart units")) < 0)
		return -1;
	room = cart_max_units() - other;
	if (room < 0)
		room = 0;
	if (room < ch->max_qty) {
		ch->max_qty = room;
		ch->by_stock = 0;
		ch->by_units = 1;
	}
	return 0;
}

/* Ends the transaction: commit when r is not an error, else roll back. */
static enum cart_result
finish(struct db *db, enum cart_result r)
{
	if (r == CART_ERROR || db_commit(db) < 0) {
		db_rollback(db);
		return CART_ERROR;
	}
	return r;
}

/* The body of db_cart_add, inside its transaction. */
static enum cart_result
add(struct db *db, char *token, long long pid, long long plan,
    long long qty, struct cart_change *ch)
{
	char kind[KIND_LEN];
	long long cart, stock = -1, line[2] = { 0, 0 }, lines[2] = { 0, 0 }, one,
	    now = time(NULL);
	sqlite3_stmt *st;
	enum cart_result r;
	int found;

	if ((found = product(db, pid, kind, &stock)) <= 0)
		return found < 0 ? CART_ERROR : CART_NO_PRODUCT;
	if ((strcmp(kind, "subscription") == 0) != (plan != 0))
		return CART_BAD_PLAN;
	if (plan != 0) {
		if ((st = db_stmt(db, &stmts, Q_PLAN)) == NULL)
			return CART_ERROR;
		db_bind_int(st, 1, plan);
		db_bind_int(st, 2, pid);
		if ((found = row_ints(db, st, &one, 1)) <= 0)
			return found < 0 ? CART_ERROR : CART_BAD_PLAN;
	}
	ch->max_qty = cart_max_qty(kind, stock);
	ch->by_stock = ch->max_qty < cart_max_qty(kind, -1);
	if (ch->max_qty == 0)
		return CART_SOLD_OUT;
	found = *token ? find(db, token, &cart, NULL) : 0;
	if (found < 0)
		return CART_ERROR;
	if (found == 0) {
		cart_token_new(token);
		if ((cart = create(db, token, now)) < 0)
			return CART_ERROR;
		ch->created = 1;
	}
	/* The line for this product and plan, if the cart has one. */
	found = 0;
	if (!ch->created) {
		if ((st = db_stmt(db, &stmts, Q_LINE_FIND)) == NULL)
			return CART_ERROR;
		db_bind_int(st, 1, cart);
		db_bind_int(st, 2, pid);
		db_bind_int(st, 3, plan);
		if ((found = row_ints(db, st, line, 2)) < 0)
			return CART_ERROR;
	}
	if (units_room(db, cart, found ? line[0] : 0, ch) < 0)
		return CART_ERROR;
	if (ch->max_qty == 0)
		return CART_UNITS;
	ch->qty = line[1] + qty;
	r = CART_OK;
	if (ch->qty > ch->max_qty) {
		ch->qty = ch->max_qty;
		r = strcmp(kind, "digital") == 0 ? CART_ALREADY : CART_LIMITED;
	}
	if (found) {
		ch->line_id = line[0];
		if (ch->qty == line[1])
			return r;	/* nothing to change */
		if (run3(db, Q_LINE_SET, ch->qty, cart, line[0], 3) < 0)
			return CART_ERROR;
	} else {
		/* lines[]: how many, and the highest line number. */
		if (!ch->created) {
			if ((st = db_stmt(db, &stmts, Q_LINE_COUNT)) == NULL)
				return CART_ERROR;
			db_bind_int(st, 1, cart);
			if (row_ints(db, st, lines, 2) < 0)
				return CART_ERROR;
		}
		if (lines[0] >= CART_MAX_LINES)
			return CART_FULL;
		if ((st = db_stmt(db, &stmts, Q_LINE_INSERT)) == NULL)
			return CART_ERROR;
		ch->line_id = lines[1] + 1;
		db_bind_int(st, 1, cart);
		db_bind_int(st, 2, ch->line_id);
		db_bind_int(st, 3, pid);
		if (plan != 0)
			db_bind_int(st, 4, plan);
		db_bind_int(st, 5, ch->qty);
		db_bind_int(st, 6, now);
		if (db_step_done(db, st, "cart line insert") < 0)
			return CART_ERROR;
	}
	/* A cart made just now is already at its first revision and time. */
	if (!ch->created && run3(db, Q_TOUCH, now, cart, 0, 2) < 0)
		return CART_ERROR;
	return r;
}

enum cart_result
db_cart_add(struct db *db, char *token, long long product_id,
    long long plan, long long qty, struct cart_change *ch)
{
	memset(ch, 0, sizeof(*ch));
	ch->product_id = product_id;
	if (qty < 1)
		qty = 1;
	if (db_begin(db) < 0)
		return CART_ERROR;
	return finish(db, add(db, token, product_id, plan, qty, ch));
}

/* The body of db_cart_set, inside its transaction. */
static enum cart_result
set(struct db *db, const char *token, long long line, long long qty,
    struct cart_change *ch)
{
	char kind[KIND_LEN];
	sqlite3_stmt *st;
	long long cart;
	enum cart_result r;
	int rc;

	if ((rc = find(db, token, &cart, NULL)) <= 0)
		return rc < 0 ? CART_ERROR : CART_NO_LINE;
	if ((st = db_stmt(db, &stmts, Q_LINE_GET)) == NULL)
		return CART_ERROR;
	db_bind_int(st, 1, cart);
	db_bind_int(st, 2, line);
	if ((rc = db_step_row(db, st, "cart line")) == 0) {
		ch->product_id = db_col_int(st, 0);
		col_kind(st, 1, kind);
		ch->max_qty = cart_max_qty(kind, db_col_int(st, 2));
		ch->by_stock = ch->max_qty < cart_max_qty(kind, -1);
	}
	db_done(st);
	if (rc != 0)
		return rc == DB_NONE ? CART_NO_LINE : CART_ERROR;
	ch->line_id = line;
	ch->qty = qty;
	r = CART_OK;
	if (ch->max_qty > 0 && units_room(db, cart, line, ch) < 0)
		return CART_ERROR;
	if (qty > ch->max_qty) {
		if (ch->by_units && ch->max_qty == 0)
			return CART_UNITS;	/* the line stays as it is */
		ch->qty = ch->max_qty;
		r = ch->max_qty == 0 ? CART_SOLD_OUT : CART_LIMITED;
	}
	if (ch->qty == 0)
		rc = run3(db, Q_LINE_DELETE, cart, line, 0, 2);
	else
		rc = run3(db, Q_LINE_SET, ch->qty, cart, line, 3);
	if (rc < 0 || run3(db, Q_TOUCH, time(NULL), cart, 0, 2) < 0)
		return CART_ERROR;
	return r;
}

enum cart_result
db_cart_set(struct db *db, const char *token, long long line, long long qty,
    struct cart_change *ch)
{
	memset(ch, 0, sizeof(*ch));
	if (db_begin(db) < 0)
		return CART_ERROR;
	return finish(db, set(db, token, line, qty, ch));
}

enum cart_result
db_cart_empty(struct db *db, const char *token)
{
	long long cart;
	int rc;

	if (db_begin(db) < 0)
		return CART_ERROR;
	if ((rc = find(db, token, &cart, NULL)) <= 0)
		return finish(db, rc < 0 ? CART_ERROR : CART_NO_LINE);
	if (run3(db, Q_EMPTY, cart, 0, 0, 1) < 0 ||
	    run3(db, Q_TOUCH, time(NULL), cart, 0, 2) < 0)
		return finish(db, CART_ERROR);
	return finish(db, CART_OK);
}

int
db_cart_clear(struct db *db, long long cart)
{
	if (run3(db, Q_EMPTY, cart, 0, 0, 1) < 0)
		return -1;
	return run3(db, Q_BUMP, cart, 0, 0, 1);
}

/* Runs statement q with integer binds a and b (b < 0: not bound). */
static int
run2(struct db *db, int q, long long a, long long b, const char *what)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, q);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, a);
	if (b >= 0)
		db_bind_int(st, 2, b);
	return db_step_done(db, st, what) < 0 ? -1 : 0;
}

int
db_cart_attach(struct db *db, const char *guest, long long uid, char *out)
{
	long long gid = 0, mine, now = (long long)time(NULL);
	char hash[65];
	sqlite3_stmt *st;

	if (guest != NULL && find(db, guest, &gid, NULL) < 0)
		return -1;
	if ((st = db_stmt(db, &stmts, Q_USER_CART)) == NULL)
		return -1;
	db_bind_int(st, 1, uid);
	if ((mine = db_one_int(db, st, "cart of user")) < 0)
		return -1;
	if (mine == 0 || mine == gid) {
		if (gid == 0)
			return 0;
		return run2(db, Q_ADOPT, gid, uid, "cart adopt");
	}
	if (gid != 0 && (run2(db, Q_MERGE_QTY, mine, gid, "cart merge") < 0 ||
	    run2(db, Q_MERGE_NEW, mine, gid, "cart merge") < 0 ||
	    run2(db, Q_DROP, gid, -1, "cart drop") < 0))
		return -1;
	cart_token_new(out);
	cart_token_hash(out, hash);
	if ((st = db_stmt(db, &stmts, Q_RETOKEN)) == NULL)
		return -1;
	db_bind_int(st, 1, mine);
	db_bind_text(st, 2, hash);
	db_bind_int(st, 3, now);
	return db_step_done(db, st, "cart retoken") < 0 ? -1 : 1;
}

int
db_cart_own(struct db *db, const char *token, long long uid)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_OWN);
	char hash[65];

	if (st == NULL)
		return -1;
	cart_token_hash(token, hash);
	db_bind_text(st, 1, hash);
	db_bind_int(st, 2, uid);
	return db_step_done(db, st, "cart own");
}
