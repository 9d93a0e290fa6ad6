/* db_refund.c — see db_refund.h. */
#include "db_internal.h"
#include "db_refund.h"

#define RCOLS "id, order_id, kind, method, status, amount_minor, reason, " \
	"coalesce(user_id, 0), staff, idem_key, provider, " \
	"provider_refund_id, answer, created_at, EXISTS (SELECT 1 FROM " \
	"payment_refunds x WHERE x.idem_key = order_refunds.idem_key AND " \
	"x.status = 'pending')"
#define ACCEPTED "status IN ('done', 'pending')"

enum {
	Q_ADD, Q_LINE, Q_BY_KEY, Q_LIST, Q_LINES, Q_TOTAL, Q_SETTLE, Q_WAITING, Q__MAX
};
static const char *const sql[Q__MAX] = {
	[Q_ADD] = "INSERT INTO order_refunds(order_id, kind, method, status, "
	    "amount_minor, reason, user_id, staff, idem_key, provider, "
	    "provider_refund_id, answer, created_at) VALUES (?1, ?2, ?3, ?4, "
	    "?5, ?6, nullif(?7, 0), ?8, ?9, ?10, ?11, ?12, ?13) "
	    "ON CONFLICT (idem_key) DO NOTHING",
	[Q_LINE] = "INSERT INTO order_refund_lines(refund_id, order_id, line, "
	    "qty, amount_minor) VALUES (?1, ?2, ?3, ?4, ?5)",
	[Q_BY_KEY] = "SELECT " RCOLS " FROM order_refunds WHERE idem_key = ?1",
	[Q_LIST] = "SELECT " RCOLS " FROM order_refunds WHERE order_id = ?1 "
	    "ORDER BY id",
	[Q_LINES] = "SELECT l.refund_id, l.line, l.qty, l.amount_minor FROM "
	    "order_refund_lines l JOIN order_refunds r ON r.id = l.refund_id "
	    "WHERE l.order_id = ?1 AND r." ACCEPTED " ORDER BY l.refund_id, "
	    "l.line",
	[Q_TOTAL] = "SELECT coalesce(sum(amount_minor), 0) FROM order_refunds "
	    "WHERE order_id = ?1 AND " ACCEPTED,
	[Q_SETTLE] = "UPDATE order_refunds SET status = ?2, provider_refund_id "
	    "= ?3, answer = ?4 WHERE idem_key = ?1",
	[Q_WAITING] = "SELECT " RCOLS " FROM order_refunds WHERE status = "
	    "'pending' AND created_at BETWEEN ?3 AND ?1 AND EXISTS (SELECT 1 FROM "
	    "payment_refunds x WHERE x.idem_key = order_refunds.idem_key AND "
	    "x.status = 'pending') ORDER BY id LIMIT ?2",
};
DB_STMTS(stmts, sql, Q__MAX);

/* The row at st into r. */
static void
row(struct arena *a, sqlite3_stmt *st, void *row)
{
	struct order_refund *r = row;

	r->id = db_col_int(st, 0);
	r->order_id = db_col_int(st, 1);
	r->kind = db_col_text(a, st, 2);
	r->method = db_col_text(a, st, 3);
	r->status = db_col_text(a, st, 4);
	r->amount_minor = db_col_int(st, 5);
	r->reason = db_col_text(a, st, 6);
	r->user_id = db_col_int(st, 7);
	r->staff = db_col_text(a, st, 8);
	r->idem_key = db_col_text(a, st, 9);
	r->provider = db_col_text(a, st, 10);
	r->provider_refund_id = db_col_text(a, st, 11);
	r->answer = db_col_text(a, st, 12);
	r->created_at = db_col_int(st, 13);
	r->waiting = (int)db_col_int(st, 14);
}

int
db_order_refund_add(struct db *db, struct order_refund *r)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_ADD);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, r->order_id);
	db_bind_text(st, 2, r->kind);
	db_bind_text(st, 3, r->method);
	db_bind_text(st, 4, r->status);
	db_bind_int(st, 5, r->amount_minor);
	db_bind_text(st, 6, r->reason ? r->reason : "");
	db_bind_int(st, 7, r->user_id);
	db_bind_text(st, 8, r->staff);
	db_bind_text(st, 9, r->idem_key);
	db_bind_text(st, 10, r->provider ? r->provider : "");
	db_bind_text(st, 11, r->provider_refund_id ? r->provider_refund_id :
	    "");
	db_bind_text(st, 12, r->answer ? r->answer : "");
	db_bind_int(st, 13, r->created_at);
	if (db_step_done(db, st, "order refund add") < 0)
		return -1;
	if (sqlite3_changes(db_sqlite(db)) == 0)
		return 0;
	r->id = sqlite3_last_insert_rowid(db_sqlite(db));
	return 1;
}

int
db_order_refund_line_add(struct db *db, long long refund_id,
    long long order_id, const struct order_refund_line *l)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_LINE);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, refund_id);
	db_bind_int(st, 2, order_id);
	db_bind_int(st, 3, l->line);
	db_bind_int(st, 4, l->qty);
	db_bind_int(st, 5, l->amount_minor);
	return db_step_done(db, st, "order refund line") < 0 ? -1 : 0;
}

int
db_order_refund_by_key(struct db *db, struct arena *a, const char *idem_key,
    struct order_refund *r)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_BY_KEY);
	int rc;

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, idem_key);
	if ((rc = db_step_row(db, st, "order refund by key")) == 0) {
		row(a, st, r);
		db_done(st);
	}
	return rc;
}

int
db_order_refund_list(struct db *db, struct arena *a, long long order_id,
    struct order_refund **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_LIST);

	*out = NULL;
	*n = 0;
	if (st == NULL)
		return -1;
	db_bind_int(st, 1, order_id);
	return db_rows(db, st, "order refund list", a, sizeof(**out), row, out,
	    n) < 0 ? -1 : 0;
}

/* db_row_fn: an order_refund_line from the statement's columns. */
static void
read_order_refund_lines(struct arena *a, sqlite3_stmt *st, void *row)
{
	struct order_refund_line *l = row;

	l->refund_id = db_col_int(st, 0);
	l->line = db_col_int(st, 1);
	l->qty = db_col_int(st, 2);
	l->amount_minor = db_col_int(st, 3);
}

int
db_order_refund_lines(struct db *db, struct arena *a, long long order_id,
    struct order_refund_line **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_LINES);

	*out = NULL;
	*n = 0;
	if (st == NULL)
		return -1;
	db_bind_int(st, 1, order_id);
	return db_rows(db, st, "order refund lines", a, sizeof(**out),
	    read_order_refund_lines, out, n) < 0 ? -1 : 0;
}

long long
db_order_refunded(struct db *db, long long order_id)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_TOTAL);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, order_id);
	return db_one_int(db, st, "order refunded");
}

int
db_order_refund_settle(struct db *db, const char *idem_key,
    const char *status, const char *rid, const char *answer)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_SETTLE);

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, idem_key);
	db_bind_text(st, 2, status);
	db_bind_text(st, 3, rid ? rid : "");
	db_bind_text(st, 4, answer ? answer : "");
	return db_step_done(db, st, "order refund settle") < 0 ? -1 : 0;
}

int
db_order_refund_waiting(struct db *db, struct arena *a, long long after,
    long long before, size_t limit, struct order_refund **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_WAITING);

	*out = NULL;
	*n = 0;
	if (st == NULL)
		return -1;
	db_bind_int(st, 1, before);
	db_bind_int(st, 2, (long long)limit);
	db_bind_int(st, 3, after);
	return db_rows(db, st, "order refunds waiting", a, sizeof(**out), row,
	    out, n) < 0 ? -1 : 0;
}
