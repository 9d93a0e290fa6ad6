/* db_customer.c — see db_customer.h. */
#include <string.h>

#include "db_customer.h"
#include "db_internal.h"

enum {
	Q_STATS, Q_ORDERS, Q_MESSAGES, Q_NOTE_ADD, Q_NOTES, Q__MAX
};

/* The account's orders: by user_id (index orders_user), and guest orders
 * of its verified address (index orders_email). */
#define CUSTOMER_ORDERS \
	"SELECT * FROM orders WHERE user_id = ?1 UNION ALL " \
	"SELECT * FROM orders WHERE ?2 IS NOT NULL AND email_norm = ?2 " \
	"AND user_id IS NULL"

static const char *const sql[Q__MAX] = {
	[Q_STATS] = "SELECT count(*), coalesce(sum(CASE WHEN o.status IN "
	    "('paid', 'completed') AND o.currency = ?3 THEN o.total_minor - "
	    "max((SELECT coalesce(sum(r.amount_minor), 0) FROM order_refunds r "
	    "WHERE r.order_id = o.id AND r.status IN ('done', 'pending') AND "
	    "NOT EXISTS (SELECT 1 FROM payment_refunds w WHERE w.idem_key = "
	    "r.idem_key AND w.status = 'pending')), "
	    "(SELECT coalesce(sum(r.amount_minor), 0) FROM payment_refunds r "
	    "JOIN payments p ON p.id = r.payment_id WHERE p.order_id = o.id "
	    "AND r.status = 'done')) ELSE 0 END), 0), "
	    "coalesce(max(o.created_at), 0) FROM (" CUSTOMER_ORDERS ") o",
	[Q_ORDERS] = "SELECT o.id, o.total_minor, o.created_at, o.reference, "
	    "o.status, o.currency, o.payment_method, o.user_id IS NULL FROM ("
	    CUSTOMER_ORDERS ") o ORDER BY o.id DESC LIMIT ?3",
	[Q_MESSAGES] = "SELECT id, created_at, subject, status FROM messages "
	    "WHERE lower(email) = ?1 ORDER BY id DESC LIMIT ?2",
	[Q_NOTE_ADD] = "INSERT INTO customer_notes(user_id, author_id, author, "
	    "body, created_at) VALUES (?, nullif(?, 0), ?, ?, ?)",
	[Q_NOTES] = "SELECT id, created_at, author, body FROM customer_notes "
	    "WHERE user_id = ? ORDER BY id",
};
DB_STMTS(stmts, sql, Q__MAX);

/* Binds the account (?1) and its verified address (?2, NULL: none). */
static void
bind_owner(sqlite3_stmt *st, long long id, const char *vnorm)
{
	db_bind_int(st, 1, id);
	if (vnorm != NULL)
		db_bind_text(st, 2, vnorm);
	else
		db_bind_null(st, 2);
}

int
db_customer_stats(struct db *db, long long id, const char *vnorm,
    const char *currency, struct customer_stats *s)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_STATS);
	int rc;

	memset(s, 0, sizeof(*s));
	if (st == NULL)
		return -1;
	bind_owner(st, id, vnorm);
	db_bind_text(st, 3, currency);
	if ((rc = db_step_row(db, st, "customer stats")) != 0)
		return rc < 0 ? -1 : 0;
	s->orders = db_col_int(st, 0);
	s->ltv_minor = db_col_int(st, 1);
	s->last_order_at = db_col_int(st, 2);
	db_done(st);
	return 0;
}

/* db_row_fn of Q_ORDERS. */
static void
read_order(struct arena *a, sqlite3_stmt *st, void *row)
{
	struct customer_order *o = row;

	o->id = db_col_int(st, 0);
	o->total_minor = db_col_int(st, 1);
	o->created_at = db_col_int(st, 2);
	o->reference = db_col_text(a, st, 3);
	o->status = db_col_text(a, st, 4);
	o->currency = db_col_text(a, st, 5);
	o->method = db_col_text(a, st, 6);
	o->guest = (int)db_col_int(st, 7);
}

/* db_row_fn of Q_MESSAGES. */
static void
read_message(struct arena *a, sqlite3_stmt *st, void *row)
{
	struct customer_message *m = row;

	m->id = db_col_int(st, 0);
	m->created_at = db_col_int(st, 1);
	m->subject = db_col_text(a, st, 2);
	m->status = db_col_text(a, st, 3);
}

/* db_row_fn of Q_NOTES. */
static void
read_note(struct arena *a, sqlite3_stmt *st, void *row)
{
	struct customer_note *m = row;

	m->id = db_col_int(st, 0);
	m->created_at = db_col_int(st, 1);
	m->author = db_col_text(a, st, 2);
	m->body = db_col_text(a, st, 3);
}

int
db_customer_orders(struct db *db, struct arena *a, long long id,
    const char *vnorm, long long limit, struct customer_order **out,
    size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_ORDERS);

	*out = NULL;
	*n = 0;
	if (st == NULL)
		return -1;
	bind_owner(st, id, vnorm);
	db_bind_int(st, 3, limit);
	return db_rows(db, st, "customer orders", a, sizeof(**out), read_order,
	    out, n) < 0 ? -1 : 0;
}

int
db_customer_messages(struct db *db, struct arena *a, const char *norm,
    long long limit, struct customer_message **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_MESSAGES);

	*out = NULL;
	*n = 0;
	if (st == NULL)
		return -1;
	db_bind_text(st, 1, norm);
	db_bind_int(st, 2, limit);
	return db_rows(db, st, "customer messages", a, sizeof(**out),
	    read_message, out, n) < 0 ? -1 : 0;
}

long long
db_customer_note_add(struct db *db, long long user_id, long long author_id,
    const char *author, const char *body, long long now)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_NOTE_ADD);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, user_id);
	db_bind_int(st, 2, author_id);
	db_bind_text(st, 3, author);
	db_bind_text(st, 4, body);
	db_bind_int(st, 5, now);
	return db_insert(db, st, "customer note");
}

int
db_customer_notes(struct db *db, struct arena *a, long long user_id,
    struct customer_note **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_NOTES);

	*out = NULL;
	*n = 0;
	if (st == NULL)
		return -1;
	db_bind_int(st, 1, user_id);
	return db_rows(db, st, "customer notes", a, sizeof(**out), read_note,
	    out, n) < 0 ? -1 : 0;
}
