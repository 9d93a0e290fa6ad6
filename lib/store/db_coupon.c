/* db_coupon.c — see db_coupon.h. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "db_coupon.h"
#include "db_internal.h"
#include "order.h"

const char *const coupon_errs[COUPON__MAX] = {
	[COUPON_OK] = "",
	[COUPON_UNKNOWN] = "coupon_unknown",
	[COUPON_NOT_YET] = "coupon_not_yet",
	[COUPON_EXPIRED] = "coupon_expired",
	[COUPON_MIN_TOTAL] = "coupon_min_total",
	[COUPON_USED_UP] = "coupon_used_up",
	[COUPON_USED_BY_YOU] = "coupon_used_by_you",
	[COUPON_SCOPE] = "coupon_scope",
};

#define COUPON_COLS "c.id, c.code, c.kind, c.value, c.min_subtotal_minor, " \
	"coalesce(c.starts_at, 0), coalesce(c.expires_at, 0), "		\
	"coalesce(c.max_uses, 0), coalesce(c.max_uses_per_email, 0), "	\
	"c.active, (SELECT count(*) FROM coupon_redemptions r "		\
	"WHERE r.coupon_id = c.id), (SELECT coalesce(sum(r.discount_minor), " \
	"0) FROM coupon_redemptions r WHERE r.coupon_id = c.id), "	\
	"(SELECT count(*) FROM coupon_scope s WHERE s.coupon_id = c.id)"

enum {
	Q_GET, Q_USES_MINE, Q_IN_SCOPE, Q_REDEEM, Q_RELEASE, Q_CREATE,
	Q_UPDATE, Q_ACTIVE, Q_BY_ID, Q_LIST, Q_SCOPE, Q_SCOPE_CLEAR,
	Q_SCOPE_ADD, Q_PRODUCT_ID, Q_CATEGORY_ID, Q_USES, Q_NSCOPE, Q__MAX
};

static const char *const sql[Q__MAX] = {
	[Q_GET] = "SELECT " COUPON_COLS " FROM coupons c "
	    "WHERE c.code = ? AND c.active = 1",
	/* The uses of an e-mail, or of an account (?3 > 0). */
	[Q_USES_MINE] = "SELECT count(*) FROM coupon_redemptions "
	    "WHERE coupon_id = ?1 AND (email_norm = ?2 OR "
	    "(?3 > 0 AND user_id = ?3))",
	/* 1 when product ?2, a product above it (season, series), or one of
	 * their categories or the categories above those is in ?1's scope. */
	[Q_IN_SCOPE] = "WITH RECURSIVE up(id, cat, parent) AS ("
	    "SELECT id, category_id, parent_id FROM products WHERE id = ?2 "
	    "UNION SELECT p.id, p.category_id, p.parent_id FROM products p "
	    "JOIN up ON p.id = up.parent), "
	    "cats(id) AS (SELECT cat FROM up WHERE cat IS NOT NULL "
	    "UNION SELECT k.parent_id FROM categories k JOIN cats "
	    "ON k.id = cats.id WHERE k.parent_id IS NOT NULL) "
	    "SELECT EXISTS (SELECT 1 FROM coupon_scope s WHERE s.coupon_id = ?1 "
	    "AND (s.product_id IN (SELECT id FROM up) OR "
	    "s.category_id IN (SELECT id FROM cats)))",
	[Q_REDEEM] = "INSERT INTO coupon_redemptions(coupon_id, order_id, "
	    "email_norm, discount_minor, created_at, user_id) "
	    "VALUES (?, ?, ?, ?, ?, nullif(?, 0))",
	[Q_RELEASE] = "DELETE FROM coupon_redemptions WHERE order_id = ?",
	[Q_CREATE] = "INSERT INTO coupons(code, kind, value, min_subtotal_minor, "
	    "starts_at, expires_at, max_uses, max_uses_per_email, active, "
	    "created_at) VALUES (?, ?, ?, ?, nullif(?, 0), nullif(?, 0), "
	    "nullif(?, 0), nullif(?, 0), 1, ?)",
	[Q_UPDATE] = "UPDATE coupons SET code = ?2, kind = ?3, value = ?4, "
	    "min_subtotal_minor = ?5, starts_at = nullif(?6, 0), "
	    "expires_at = nullif(?7, 0), max_uses = nullif(?8, 0), "
	    "max_uses_per_email = nullif(?9, 0) WHERE id = ?1 RETURNING id",
	[Q_ACTIVE] = "UPDATE coupons SET active = ?2 WHERE id = ?1 "
	    "RETURNING id",
	[Q_BY_ID] = "SELECT " COUPON_COLS " FROM coupons c WHERE c.id = ?",
	[Q_LIST] = "SELECT " COUPON_COLS " FROM coupons c ORDER BY c.id",
	[Q_SCOPE] = "SELECT coalesce(s.product_id, 0), "
	    "coalesce(s.category_id, 0), coalesce(p.slug, k.slug), "
	    "coalesce(p.name, k.name) FROM coupon_scope s "
	    "LEFT JOIN products p ON p.id = s.product_id "
	    "LEFT JOIN categories k ON k.id = s.category_id "
	    "WHERE s.coupon_id = ? ORDER BY s.category_id IS NOT NULL, 3",
	[Q_SCOPE_CLEAR] = "DELETE FROM coupon_scope WHERE coupon_id = ?",
	[Q_SCOPE_ADD] = "INSERT OR IGNORE INTO coupon_scope(coupon_id, "
	    "product_id, category_id) VALUES (?, nullif(?, 0), nullif(?, 0))",
	[Q_PRODUCT_ID] = "SELECT id FROM products WHERE slug = ?",
	[Q_CATEGORY_ID] = "SELECT id FROM categories WHERE slug = ?",
	[Q_USES] = "SELECT o.id, r.discount_minor, r.created_at, o.reference, "
	    "o.email, o.status FROM coupon_redemptions r "
	    "JOIN orders o ON o.id = r.order_id WHERE r.coupon_id = ? "
	    "ORDER BY r.id DESC LIMIT ?",
	[Q_NSCOPE] = "SELECT count(*) FROM coupon_scope WHERE coupon_id = ?",
};
DB_STMTS(stmts, sql, Q__MAX);

/* db_row_fn: the coupon columns (COUPON_COLS) of the current row. */
static void
read_coupon(struct arena *a, sqlite3_stmt *st, void *row)
{
	struct coupon *c = row;

	c->id = db_col_int(st, 0);
	c->code = db_col_text(a, st, 1);
	c->kind = db_col_text(a, st, 2);
	c->value = db_col_int(st, 3);
	c->min_subtotal_minor = db_col_int(st, 4);
	c->starts_at = db_col_int(st, 5);
	c->expires_at = db_col_int(st, 6);
	c->max_uses = db_col_int(st, 7);
	c->max_per_email = db_col_int(st, 8);
	c->active = (int)db_col_int(st, 9);
	c->uses = db_col_int(st, 10);
	c->discount_total = db_col_int(st, 11);
	c->nscope = db_col_int(st, 12);
}

/* The uses of coupon c by o's account or e-mail, or -1. */
static long long
uses_mine(struct db *db, const struct coupon *c, const struct order *o)
{
	sqlite3_stmt *st;

	if ((st = db_stmt(db, &stmts, Q_USES_MINE)) == NULL)
		return -1;
	db_bind_int(st, 1, c->id);
	db_bind_text(st, 2, o->email_norm != NULL ? o->email_norm : "");
	db_bind_int(st, 3, o->user_id);
	return db_one_int(db, st, "coupon uses");
}

/* 1 when product id (0: gone) is in coupon id's scope, 0 when not, -1. */
static int
line_in(struct db *db, long long id, long long product)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_IN_SCOPE);
	long long in;

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, product);
	if ((in = db_one_int(db, st, "coupon scope")) < 0)
		return -1;
	return in != 0;
}

/* The part of o's subtotal coupon c discounts: the subtotal when c has
 * no scope, else the sum of the lines in it; -1 on error. */
static long long
in_scope(struct db *db, const struct coupon *c, const struct order *o)
{
	long long sum = 0;
	int in;

	if (c->nscope == 0)
		return o->subtotal_minor;
	for (size_t i = 0; i < o->nlines; i++) {
		if ((in = line_in(db, c->id, o->lines[i].product_id)) < 0)
			return -1;
		if (in)
			sum += o->lines[i].line_minor;
	}
	return sum;
}

int
db_coupon_spread(struct db *db, struct order *o)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_NSCOPE);
	long long nscope, base = 0, left = o->discount_minor;
	char *in;
	int r;

	for (size_t i = 0; i < o->nlines; i++)
		o->lines[i].discount_minor = 0;
	if (o->coupon_id == 0 || o->discount_minor <= 0 || o->nlines == 0)
		return 0;
	if (st == NULL)
		return -1;
	db_bind_int(st, 1, o->coupon_id);
	if ((nscope = db_one_int(db, st, "coupon scope count")) < 0)
		return -1;
	if ((in = calloc(o->nlines, 1)) == NULL)
		return -1;
	for (size_t i = 0; i < o->nlines; i++) {
		if ((r = nscope == 0 ? 1 : line_in(db, o->coupon_id,
		    o->lines[i].product_id)) < 0) {
			free(in);
			return -1;
		}
		in[i] = (char)r;
		base += r ? o->lines[i].line_minor : 0;
	}
	/* No line in scope any more (the scope changed since the check):
	 * every line shares it. */
	for (size_t i = 0; base <= 0 && i < o->nlines; i++) {
		in[i] = 1;
		base += o->lines[i].line_minor;
	}
	for (size_t i = 0; base > 0 && i < o->nlines; i++)
		if (in[i]) {
			o->lines[i].discount_minor = (long long)((__int128)
			    o->lines[i].line_minor * o->discount_minor / base);
			left -= o->lines[i].discount_minor;
		}
	/* What the rounding left: the first lines in scope, a unit each
	 * (never more than a line's total). */
	for (size_t i = 0; left > 0 && i < o->nlines; i++)
		if (in[i] && o->lines[i].discount_minor <
		    o->lines[i].line_minor) {
			o->lines[i].discount_minor++;
			left--;
		}
	free(in);
	return 0;
}

/* The body of db_coupon_check once the coupon is read: the refusal, and
 * on COUPON_OK the discount in *discount. */
static enum coupon_check
check(struct db *db, const struct coupon *c, const struct order *o,
    long long now, long long *discount)
{
	long long mine, base;

	if (c->starts_at && now < c->starts_at)
		return COUPON_NOT_YET;
	if (c->expires_at && now >= c->expires_at)
		return COUPON_EXPIRED;
	if (o->subtotal_minor < c->min_subtotal_minor)
		return COUPON_MIN_TOTAL;
	if (c->max_uses && c->uses >= c->max_uses)
		return COUPON_USED_UP;
	if ((base = in_scope(db, c, o)) < 0)
		return COUPON_ERROR;
	if (base == 0 && c->nscope > 0)
		return COUPON_SCOPE;
	if (c->max_per_email > 0) {
		if ((mine = uses_mine(db, c, o)) < 0)
			return COUPON_ERROR;
		if (mine >= c->max_per_email)
			return COUPON_USED_BY_YOU;
	}
	*discount = order_discount(c->kind, c->value, base);
	return COUPON_OK;
}

enum coupon_check
db_coupon_check(struct db *db, struct arena *a, const struct order *o,
    long long now, long long *id, long long *discount)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_GET);
	struct coupon c;
	enum coupon_check r;
	int rc;

	if (st == NULL)
		return COUPON_ERROR;
	db_bind_text(st, 1, o->coupon_code);
	if ((rc = db_step_row(db, st, "coupon")) == 0)
		read_coupon(a, st, &c);
	db_done(st);
	if (rc != 0)
		return rc == DB_NONE ? COUPON_UNKNOWN : COUPON_ERROR;
	if ((r = check(db, &c, o, now, discount)) == COUPON_OK)
		*id = c.id;
	return r;
}

int
db_coupon_redeem(struct db *db, const struct order *o)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_REDEEM);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, o->coupon_id);
	db_bind_int(st, 2, o->id);
	db_bind_text(st, 3, o->email_norm);
	db_bind_int(st, 4, o->discount_minor);
	db_bind_int(st, 5, o->created_at);
	db_bind_int(st, 6, o->user_id);
	return db_step_done(db, st, "coupon redeem") == 0 ? 0 : -1;
}

int
db_coupon_release(struct db *db, long long order)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_RELEASE);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, order);
	return db_step_done(db, st, "coupon release") == 0 ? 0 : -1;
}

/* Binds c's fields from column `from` on: code, kind, value, minimum,
 * starts, expires, max uses, per customer. */
static void
bind_fields(sqlite3_stmt *st, int from, const struct coupon *c)
{
	db_bind_text(st, from, c->code);
	db_bind_text(st, from + 1, c->kind);
	db_bind_int(st, from + 2, c->value);
	db_bind_int(st, from + 3, c->min_subtotal_minor);
	db_bind_int(st, from + 4, c->starts_at);
	db_bind_int(st, from + 5, c->expires_at);
	db_bind_int(st, from + 6, c->max_uses);
	db_bind_int(st, from + 7, c->max_per_email);
}

long long
db_coupon_create(struct db *db, const struct coupon *c)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_CREATE);

	if (st == NULL)
		return -1;
	bind_fields(st, 1, c);
	db_bind_int(st, 9, (long long)time(NULL));
	return db_insert(db, st, "coupon create");
}

/* The result of an UPDATE ... RETURNING id as 0, DB_NONE, -2 or -1. */
static int
updated(struct db *db, sqlite3_stmt *st, const char *what)
{
	long long r = db_one_int(db, st, what);

	return r > 0 ? 0 : r == 0 ? DB_NONE : (int)r;
}

int
db_coupon_update(struct db *db, const struct coupon *c)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_UPDATE);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, c->id);
	bind_fields(st, 2, c);
	return updated(db, st, "coupon update");
}

int
db_coupon_set_active(struct db *db, long long id, int active)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_ACTIVE);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, active ? 1 : 0);
	return updated(db, st, "coupon active");
}

int
db_coupon_get(struct db *db, struct arena *a, long long id, struct coupon *c)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_BY_ID);
	int rc;

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, id);
	if ((rc = db_step_row(db, st, "coupon get")) == 0)
		read_coupon(a, st, c);
	db_done(st);
	return rc;
}

int
db_coupon_list(struct db *db, struct arena *a, struct coupon **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_LIST);

	if (st == NULL)
		return -1;
	return db_rows(db, st, "coupon list", a, sizeof(**out), read_coupon,
	    out, n) < 0 ? -1 : 0;
}

/* db_row_fn: a struct coupon_scope from Q_SCOPE's columns. */
static void
read_scope(struct arena *a, sqlite3_stmt *st, void *row)
{
	struct coupon_scope *s = row;

	s->product_id = db_col_int(st, 0);
	s->category_id = db_col_int(st, 1);
	s->slug = db_col_text(a, st, 2);
	s->name = db_col_text(a, st, 3);
}

int
db_coupon_scope(struct db *db, struct arena *a, long long id,
    struct coupon_scope **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_SCOPE);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, id);
	return db_rows(db, st, "coupon scope", a, sizeof(**out), read_scope,
	    out, n) < 0 ? -1 : 0;
}

int
db_coupon_scope_clear(struct db *db, long long id)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_SCOPE_CLEAR);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, id);
	return db_step_done(db, st, "coupon scope clear") == 0 ? 0 : -1;
}

int
db_coupon_scope_add(struct db *db, long long id, long long product,
    long long category)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_SCOPE_ADD);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, product);
	db_bind_int(st, 3, category);
	return db_step_done(db, st, "coupon scope add") == 0 ? 0 : -1;
}

long long
db_coupon_scope_id(struct db *db, const char *slug, int is_category)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, is_category ? Q_CATEGORY_ID :
	    Q_PRODUCT_ID);

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, slug);
	return db_one_int(db, st, "coupon scope id");
}

/* db_row_fn: a struct coupon_use from Q_USES's columns. */
static void
read_use(struct arena *a, sqlite3_stmt *st, void *row)
{
	struct coupon_use *u = row;

	u->order_id = db_col_int(st, 0);
	u->discount_minor = db_col_int(st, 1);
	u->created_at = db_col_int(st, 2);
	u->reference = db_col_text(a, st, 3);
	u->email = db_col_text(a, st, 4);
	u->status = db_col_text(a, st, 5);
}

int
db_coupon_uses(struct db *db, struct arena *a, long long id, int max,
    struct coupon_use **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_USES);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, max);
	return db_rows(db, st, "coupon uses", a, sizeof(**out), read_use,
	    out, n) < 0 ? -1 : 0;
}
