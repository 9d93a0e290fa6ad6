/* db_payment.c — see db_payment.h. */
#include <string.h>

#include "db_internal.h"
#include "db_payment.h"

#define PCOLS "id, order_id, attempt, provider, provider_id, currency, mode, " \
	"status, url, charge_ref, note, amount_minor, refunded_minor, " \
	"expires_at, created_at"

#define RFCOLS "r.id, r.payment_id, p.order_id, r.amount_minor, " \
	"r.idem_key, r.status, r.provider_refund_id, r.reason, r.created_at"

enum {
	Q_ADD, Q_OPEN, Q_ATTEMPT, Q_COUNT, Q_BY_PID, Q_BY_CHARGE, Q_LIST,
	Q_OPEN_ALL, Q_CLOSE, Q_REFUNDED, Q_EV_ADD, Q_EV_RESULT, Q_RF_ADD,
	Q_RF_GET, Q_RF_SET, Q_RF_TOTAL, Q_NOTE, Q_UNPAID,
	Q_ORDER_ID, Q_RF_REFUSED,
	Q_RF_SETTLE, Q_RF_BY_KEY, Q__MAX
};
static const char *const sql[Q__MAX] = {
	[Q_ADD] = "INSERT INTO payments(provider, provider_id, order_id, "
	    "attempt, amount_minor, currency, mode, status, url, charge_ref, "
	    "expires_at, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, "
	    "?6, ?7, 'open', ?8, ?9, ?10, ?11, ?11)",
	[Q_OPEN] = "SELECT " PCOLS " FROM payments WHERE order_id = ?1 AND "
	    "provider = ?2 AND status = 'open' AND expires_at > ?3 "
	    "ORDER BY attempt DESC LIMIT 1",
	[Q_ATTEMPT] = "SELECT " PCOLS " FROM payments WHERE order_id = ?1 AND "
	    "provider = ?2 AND attempt = ?3",
	[Q_COUNT] = "SELECT count(*) FROM payments WHERE order_id = ?1 AND "
	    "provider = ?2",
	[Q_BY_PID] = "SELECT " PCOLS " FROM payments WHERE provider = ?1 AND "
	    "provider_id = ?2",
	[Q_BY_CHARGE] = "SELECT " PCOLS " FROM payments WHERE provider = ?1 "
	    "AND charge_ref = ?2 AND charge_ref <> ''",
	[Q_LIST] = "SELECT " PCOLS " FROM payments WHERE order_id = ?1 "
	    "ORDER BY id",
	[Q_OPEN_ALL] = "SELECT " PCOLS " FROM payments WHERE status = 'open' "
	    "AND created_at <= ?1 ORDER BY created_at LIMIT ?2",
	[Q_CLOSE] = "UPDATE payments SET status = ?2, charge_ref = CASE WHEN "
	    "?3 = '' THEN charge_ref ELSE ?3 END, note = ?4, updated_at = ?5 "
	    "WHERE id = ?1 AND status = 'open'",
	[Q_REFUNDED] = "UPDATE payments SET refunded_minor = refunded_minor + "
	    "?2, status = coalesce(?3, status), updated_at = ?4 WHERE id = ?1",
	[Q_EV_ADD] = "INSERT INTO payment_events(provider, event_id, type, "
	    "provider_id, received_at) VALUES (?1, ?2, ?3, ?4, ?5) "
	    "ON CONFLICT (provider, event_id) DO NOTHING",
	[Q_EV_RESULT] = "UPDATE payment_events SET result = ?2 WHERE id = ?1",
	[Q_RF_ADD] = "INSERT INTO payment_refunds(payment_id, amount_minor, "
	    "idem_key, status, created_at) VALUES (?1, ?2, ?3, 'pending', ?4) "
	    "ON CONFLICT (idem_key) DO NOTHING",
	[Q_RF_GET] = "SELECT status, provider_refund_id, reason, id FROM "
	    "payment_refunds WHERE idem_key = ?1",
	[Q_RF_SET] = "UPDATE payment_refunds SET status = ?2, "
	    "provider_refund_id = ?3, reason = ?4 WHERE id = ?1",
	[Q_RF_TOTAL] = "SELECT coalesce(sum(amount_minor), 0) FROM "
	    "payment_refunds WHERE payment_id = ?1 AND status = 'done'",
	[Q_NOTE] = "INSERT INTO order_events(order_id, seq, status, note, "
	    "created_at) SELECT ?1, coalesce(max(e.seq), 0) + 1, o.status, "
	    "?2, ?3 FROM orders o LEFT JOIN order_events e ON e.order_id = "
	    "o.id WHERE o.id = ?1 GROUP BY o.id",
	[Q_UNPAID] = "SELECT o.id FROM orders o WHERE o.status = "
	    "'awaiting_payment' AND o.payment_method IN ('card', 'wallet') "
	    "AND o.created_at <= ?1 AND NOT EXISTS (SELECT 1 FROM payments p "
	    "WHERE p.order_id = o.id AND p.status IN ('open', 'paid', "
	    "'mismatch')) ORDER BY o.id LIMIT ?2",
	[Q_ORDER_ID] = "SELECT id FROM orders WHERE reference = ?1",
	[Q_RF_REFUSED] = "SELECT count(*) FROM payment_refunds WHERE "
	    "payment_id = ?1 AND status = 'refused'",
	[Q_RF_SETTLE] = "UPDATE payment_refunds SET status = ?2, "
	    "provider_refund_id = ?3, reason = ?4 WHERE id = ?1 AND "
	    "status = 'pending'",
	[Q_RF_BY_KEY] = "SELECT " RFCOLS " FROM payment_refunds r JOIN "
	    "payments p ON p.id = r.payment_id WHERE r.idem_key = ?1",
};
DB_STMTS(stmts, sql, Q__MAX);

/* The row at st into p. */
static void
row(struct arena *a, sqlite3_stmt *st, void *row)
{
	struct payment *p = row;

	p->id = db_col_int(st, 0);
	p->order_id = db_col_int(st, 1);
	p->attempt = db_col_int(st, 2);
	p->provider = db_col_text(a, st, 3);
	p->provider_id = db_col_text(a, st, 4);
	p->currency = db_col_text(a, st, 5);
	p->mode = db_col_text(a, st, 6);
	p->status = db_col_text(a, st, 7);
	p->url = db_col_text(a, st, 8);
	p->charge_ref = db_col_text(a, st, 9);
	p->note = db_col_text(a, st, 10);
	p->amount_minor = db_col_int(st, 11);
	p->refunded_minor = db_col_int(st, 12);
	p->expires_at = db_col_int(st, 13);
	p->created_at = db_col_int(st, 14);
}

/* Steps a bound one-row query into p: 0, 1 (none), -1. */
static int
one(struct db *db, struct arena *a, sqlite3_stmt *st, struct payment *p,
    const char *what)
{
	int rc = sqlite3_step(st);

	if (rc == SQLITE_ROW) {
		row(a, st, p);
		db_done(st);
		return 0;
	}
	db_done(st);
	return rc == SQLITE_DONE ? 1 : db_fail(db, what);
}

/* Steps a bound query into an arena array. */
static int
many(struct db *db, struct arena *a, sqlite3_stmt *st, struct payment **out,
    size_t *n, const char *what)
{

	*out = NULL;
	*n = 0;
	return db_rows(db, st, what, a, sizeof(**out), row, out,
	    n) < 0 ? -1 : 0;
}

int
db_payment_add(struct db *db, struct payment *p, long long now)
{
	sqlite3_stmt *st;
	long long id;

	if ((st = db_stmt(db, &stmts, Q_ADD)) == NULL)
		return -1;
	db_bind_text(st, 1, p->provider);
	db_bind_text(st, 2, p->provider_id);
	db_bind_int(st, 3, p->order_id);
	db_bind_int(st, 4, p->attempt);
	db_bind_int(st, 5, p->amount_minor);
	db_bind_text(st, 6, p->currency);
	db_bind_text(st, 7, p->mode);
	db_bind_text(st, 8, p->url);
	db_bind_text(st, 9, p->charge_ref ? p->charge_ref : "");
	db_bind_int(st, 10, p->expires_at);
	db_bind_int(st, 11, now);
	if ((id = db_insert(db, st, "payment add")) == -2)
		return 1;
	if (id < 0)
		return -1;
	p->id = id;
	p->status = "open";
	return 0;
}

int
db_payment_open(struct db *db, struct arena *a, long long order_id,
    const char *provider, long long now, struct payment *p)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_OPEN);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, order_id);
	db_bind_text(st, 2, provider);
	db_bind_int(st, 3, now);
	return one(db, a, st, p, "payment open");
}

int
db_payment_attempt(struct db *db, struct arena *a, long long order_id,
    const char *provider, long long attempt, struct payment *p)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_ATTEMPT);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, order_id);
	db_bind_text(st, 2, provider);
	db_bind_int(st, 3, attempt);
	return one(db, a, st, p, "payment attempt");
}

long long
db_payment_count(struct db *db, long long order_id, const char *provider)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_COUNT);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, order_id);
	db_bind_text(st, 2, provider);
	return db_one_int(db, st, "payment count");
}

int
db_payment_by_pid(struct db *db, struct arena *a, const char *provider,
    const char *pid, struct payment *p)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_BY_PID);

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, provider);
	db_bind_text(st, 2, pid);
	return one(db, a, st, p, "payment by id");
}

int
db_payment_by_charge(struct db *db, struct arena *a, const char *provider,
    const char *charge_ref, struct payment *p)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_BY_CHARGE);

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, provider);
	db_bind_text(st, 2, charge_ref);
	return one(db, a, st, p, "payment by charge");
}

int
db_payment_list(struct db *db, struct arena *a, long long order_id,
    struct payment **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_LIST);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, order_id);
	return many(db, a, st, out, n, "payment list");
}

int
db_payment_open_all(struct db *db, struct arena *a, long long before,
    size_t limit, struct payment **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_OPEN_ALL);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, before);
	db_bind_int(st, 2, (long long)limit);
	return many(db, a, st, out, n, "payments open");
}

int
db_payment_close(struct db *db, long long id, const char *status,
    const char *charge_ref, const char *note, long long now)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_CLOSE);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, id);
	db_bind_text(st, 2, status);
	db_bind_text(st, 3, charge_ref ? charge_ref : "");
	db_bind_text(st, 4, note ? note : "");
	db_bind_int(st, 5, now);
	if (db_step_done(db, st, "payment close") < 0)
		return -1;
	return sqlite3_changes(db_sqlite(db)) > 0;
}

int
db_payment_refunded(struct db *db, long long id, long long amount,
    const char *status, long long now)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_REFUNDED);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, amount);
	if (status)
		db_bind_text(st, 3, status);
	else
		db_bind_null(st, 3);
	db_bind_int(st, 4, now);
	return db_step_done(db, st, "payment refunded") < 0 ? -1 : 0;
}

long long
db_payment_event_add(struct db *db, const char *provider, const char *event_id,
    const char *type, const char *pid, long long now)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_EV_ADD);

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, provider);
	db_bind_text(st, 2, event_id);
	db_bind_text(st, 3, type);
	db_bind_text(st, 4, pid);
	db_bind_int(st, 5, now);
	if (db_step_done(db, st, "payment event") < 0)
		return -1;
	if (sqlite3_changes(db_sqlite(db)) == 0)
		return 0;
	return sqlite3_last_insert_rowid(db_sqlite(db));
}

int
db_payment_event_result(struct db *db, long long id, const char *result)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_EV_RESULT);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, id);
	db_bind_text(st, 2, result);
	return db_step_done(db, st, "payment event result") < 0 ? -1 : 0;
}

int
db_refund_add(struct db *db, struct arena *a, long long payment_id,
    long long amount, const char *idem, long long now, long long *row,
    const char **status, const char **rid, const char **reason)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_RF_ADD);
	int rc;

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, payment_id);
	db_bind_int(st, 2, amount);
	db_bind_text(st, 3, idem);
	db_bind_int(st, 4, now);
	if (db_step_done(db, st, "refund add") < 0)
		return -1;
	if (sqlite3_changes(db_sqlite(db)) > 0) {
		*row = sqlite3_last_insert_rowid(db_sqlite(db));
		*status = "pending";
		return 1;
	}
	if ((st = db_stmt(db, &stmts, Q_RF_GET)) == NULL)
		return -1;
	db_bind_text(st, 1, idem);
	if ((rc = sqlite3_step(st)) != SQLITE_ROW) {
		db_done(st);
		return db_fail(db, "refund get");
	}
	*status = db_col_text(a, st, 0);
	*rid = db_col_text(a, st, 1);
	*reason = db_col_text(a, st, 2);
	*row = db_col_int(st, 3);
	db_done(st);
	return 0;
}

int
db_refund_set(struct db *db, long long id, const char *status,
    const char *rid, const char *reason)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_RF_SET);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, id);
	db_bind_text(st, 2, status);
	db_bind_text(st, 3, rid ? rid : "");
	db_bind_text(st, 4, reason ? reason : "");
	return db_step_done(db, st, "refund set") < 0 ? -1 : 0;
}

int
db_refund_settle(struct db *db, long long id, const char *status,
    const char *rid, const char *reason)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_RF_SETTLE);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, id);
	db_bind_text(st, 2, status);
	db_bind_text(st, 3, rid ? rid : "");
	db_bind_text(st, 4, reason ? reason : "");
	if (db_step_done(db, st, "refund settle") < 0)
		return -1;
	return sqlite3_changes(db_sqlite(db)) > 0 ? 1 : 0;
}

long long
db_refund_total(struct db *db, long long payment_id)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_RF_TOTAL);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, payment_id);
	return db_one_int(db, st, "refund total");
}


int
db_pay_order_note(struct db *db, long long order_id, const char *note,
    long long now)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_NOTE);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, order_id);
	db_bind_text(st, 2, note);
	db_bind_int(st, 3, now);
	return db_step_done(db, st, "order note") < 0 ? -1 : 0;
}

int
db_pay_unpaid_orders(struct db *db, struct arena *a, long long cutoff,
    size_t limit, long long **ids, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_UNPAID);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, cutoff);
	db_bind_int(st, 2, (long long)limit);
	*ids = NULL;
	*n = 0;
	return db_rows(db, st, "unpaid orders", a, sizeof(**ids), db_read_id,
	    ids, n) < 0 ? -1 : 0;
}

long long
db_pay_order_id(struct db *db, const char *reference)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_ORDER_ID);

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, reference);
	return db_one_int(db, st, "order by reference");
}

long long
db_refund_refused(struct db *db, long long payment_id)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_RF_REFUSED);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, payment_id);
	return db_one_int(db, st, "refunds refused");
}

/* db_row_fn: a pay_refund from RFCOLS. */
static void
rf_row(struct arena *a, sqlite3_stmt *st, void *row)
{
	struct pay_refund *r = row;

	r->id = db_col_int(st, 0);
	r->payment_id = db_col_int(st, 1);
	r->order_id = db_col_int(st, 2);
	r->amount_minor = db_col_int(st, 3);
	r->idem_key = db_col_text(a, st, 4);
	r->status = db_col_text(a, st, 5);
	r->provider_refund_id = db_col_text(a, st, 6);
	r->reason = db_col_text(a, st, 7);
	r->created_at = db_col_int(st, 8);
}

int
db_refund_by_key(struct db *db, struct arena *a, const char *idem_key,
    struct pay_refund *r)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_RF_BY_KEY);
	int rc;

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, idem_key);
	if ((rc = db_step_row(db, st, "refund by key")) == 0) {
		rf_row(a, st, r);
		db_done(st);
	}
	return rc;
}
