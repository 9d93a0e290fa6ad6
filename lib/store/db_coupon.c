/* db_coupon.c — see db_coupon.h. */
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
};

#define COUPON_COLS "c.id, c.code, c.kind, c.value, c.min_subtotal_minor, " \
	"coalesce(c.starts_at, 0), coalesce(c.expires_at, 0), "		\
	"coalesce(c.max_uses, 0), coalesce(c.max_uses_per_email, 0), "	\
	"c.active, (SELECT count(*) FROM coupon_redemptions r "		\
	"WHERE r.coupon_id = c.id)"

enum { Q_GET, Q_USES_EMAIL, Q_REDEEM, Q_RELEASE, Q_CREATE, Q_LIST, Q__MAX };

static const char *const sql[Q__MAX] = {
	[Q_GET] = "SELECT " COUPON_COLS " FROM coupons c "
	    "WHERE c.code = ? AND c.active = 1",
	[Q_USES_EMAIL] = "SELECT count(*) FROM coupon_redemptions "
	    "WHERE coupon_id = ? AND email_norm = ?",
	[Q_REDEEM] = "INSERT INTO coupon_redemptions(coupon_id, order_id, "
	    "email_norm, discount_minor, created_at) VALUES (?, ?, ?, ?, ?)",
	[Q_RELEASE] = "DELETE FROM coupon_redemptions WHERE order_id = ?",
	[Q_CREATE] = "INSERT INTO coupons(code, kind, value, min_subtotal_minor, "
	    "starts_at, expires_at, max_uses, max_uses_per_email, active, "
	    "created_at) VALUES (?, ?, ?, ?, nullif(?, 0), nullif(?, 0), "
	    "nullif(?, 0), nullif(?, 0), 1, ?)",
	[Q_LIST] = "SELECT " COUPON_COLS " FROM coupons c ORDER BY c.id",
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
}

/* The body of db_coupon_check once the coupon is read. */
static enum coupon_check
check(struct db *db, const struct coupon *c, const char *email_norm,
    long long subtotal, long long now)
{
	sqlite3_stmt *st;
	long long mine = -1;

	if (c->starts_at && now < c->starts_at)
		return COUPON_NOT_YET;
	if (c->expires_at && now >= c->expires_at)
		return COUPON_EXPIRED;
	if (subtotal < c->min_subtotal_minor)
		return COUPON_MIN_TOTAL;
	if (c->max_uses && c->uses >= c->max_uses)
		return COUPON_USED_UP;
	if (c->max_per_email == 0)
		return COUPON_OK;
	if ((st = db_stmt(db, &stmts, Q_USES_EMAIL)) == NULL)
		return COUPON_ERROR;
	db_bind_int(st, 1, c->id);
	db_bind_text(st, 2, email_norm);
	if (db_step_row(db, st, "coupon uses") == 0)
		mine = db_col_int(st, 0);
	db_done(st);
	if (mine < 0)
		return COUPON_ERROR;
	return mine >= c->max_per_email ? COUPON_USED_BY_YOU : COUPON_OK;
}

enum coupon_check
db_coupon_check(struct db *db, struct arena *a, const char *code,
    const char *email_norm, long long subtotal, long long now, long long *id,
    long long *discount)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_GET);
	struct coupon c;
	enum coupon_check r;
	int rc;

	if (st == NULL)
		return COUPON_ERROR;
	db_bind_text(st, 1, code);
	if ((rc = db_step_row(db, st, "coupon")) == 0)
		read_coupon(a, st, &c);
	db_done(st);
	if (rc != 0)
		return rc == DB_NONE ? COUPON_UNKNOWN : COUPON_ERROR;
	if ((r = check(db, &c, email_norm, subtotal, now)) == COUPON_OK) {
		*id = c.id;
		*discount = order_discount(c.kind, c.value, subtotal);
	}
	return r;
}

int
db_coupon_redeem(struct db *db, long long coupon, long long order,
    const char *email_norm, long long discount, long long now)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_REDEEM);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, coupon);
	db_bind_int(st, 2, order);
	db_bind_text(st, 3, email_norm);
	db_bind_int(st, 4, discount);
	db_bind_int(st, 5, now);
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

long long
db_coupon_create(struct db *db, const struct coupon *c)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_CREATE);

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, c->code);
	db_bind_text(st, 2, c->kind);
	db_bind_int(st, 3, c->value);
	db_bind_int(st, 4, c->min_subtotal_minor);
	db_bind_int(st, 5, c->starts_at);
	db_bind_int(st, 6, c->expires_at);
	db_bind_int(st, 7, c->max_uses);
	db_bind_int(st, 8, c->max_per_email);
	db_bind_int(st, 9, (long long)time(NULL));
	return db_insert(db, st, "coupon create");
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
