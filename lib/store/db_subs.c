/* db_subs.c — see db_subs.h. */
#include <string.h>

#include "db_internal.h"
#include "db_subs.h"

#define SUB_COLS							\
	"SELECT s.id, s.product_id, coalesce(s.plan_id, 0), s.order_id, "	\
	"coalesce(s.user_id, 0), s.starts_at, s.ends_at, s.state, "	\
	"s.state_reason, s.access, s.email_norm, s.lang, p.name, p.slug, "	\
	"o.token, o.email, coalesce(pl.duration_months, 0), "		\
	"coalesce(pl.duration_days, 0) FROM subscriptions s "		\
	"JOIN products p ON p.id = s.product_id "			\
	"JOIN orders o ON o.id = s.order_id "				\
	"LEFT JOIN subscription_plans pl ON pl.id = s.plan_id "

enum {
	Q_LINES, Q_FIND_USER, Q_FIND_EMAIL, Q_GET, Q_CREATE, Q_EXTEND,
	Q_PERIOD, Q_STATE, Q_ACCESS, Q_OF_ORDER, Q_OF_USER, Q_ENDING,
	Q_WAITING, Q_DACCESS, Q_DREMIND, Q_DPOOL, Q_CRED_ADD, Q_CRED_ASSIGN,
	Q_CRED_FREE, Q_CRED_OF, Q_REMIND, Q_CRED_GIVE, Q_CRED_DROP, Q_POOL,
	Q_LIST,
	Q_CANCEL_LINE,
	Q_CRED_HELD, Q_CRED_RELEASE, Q_CRED_OTHER, Q_REMINDED,
	Q__MAX
};

static const char *const sql[Q__MAX] = {
	[Q_LINES] = "SELECT i.line, i.product_id, coalesce(i.plan_id, 0), "
	    "coalesce(o.user_id, 0), i.plan_months, i.plan_days, i.qty, "
	    "o.email_norm, o.lang, o.email, o.token FROM order_items i "
	    "JOIN orders o ON o.id = i.order_id WHERE i.order_id = ? AND "
	    "i.kind = 'subscription' AND i.product_id IS NOT NULL AND NOT "
	    "EXISTS (SELECT 1 FROM subscription_periods sp WHERE sp.order_id = "
	    "i.order_id AND sp.line = i.line) ORDER BY i.line",
	[Q_FIND_USER] = SUB_COLS "WHERE s.user_id = ?1 AND s.product_id = ?2 "
	    "AND s.state <> 'cancelled' ORDER BY s.ends_at DESC LIMIT 1",
	[Q_FIND_EMAIL] = SUB_COLS "WHERE s.email_norm = ?1 AND s.product_id = ?2 "
	    "AND s.state <> 'cancelled' ORDER BY s.ends_at DESC LIMIT 1",
	[Q_GET] = SUB_COLS "WHERE s.id = ?",
	[Q_CREATE] = "INSERT INTO subscriptions(product_id, plan_id, order_id, "
	    "line, user_id, email_norm, lang, starts_at, ends_at, created_at, "
	    "updated_at) VALUES (?, nullif(?, 0), ?, ?, nullif(?, 0), ?, ?, ?, ?, "
	    "?10, ?10)",
	[Q_EXTEND] = "UPDATE subscriptions SET ends_at = ?2, updated_at = ?3 "
	    "WHERE id = ?1",
	[Q_PERIOD] = "INSERT INTO subscription_periods(subscription_id, "
	    "order_id, line, starts_at, ends_at) VALUES (?, ?, ?, ?, ?)",
	[Q_STATE] = "UPDATE subscriptions SET state = ?2, state_reason = ?3, "
	    "updated_at = ?4 WHERE id = ?1",
	[Q_CANCEL_LINE] = "UPDATE subscriptions SET state = 'cancelled', "
	    "state_reason = ?3, updated_at = ?4 WHERE order_id = ?1 AND "
	    "line = ?2 AND state <> 'cancelled'",
	[Q_ACCESS] = "UPDATE subscriptions SET access = ?2, updated_at = ?3 "
	    "WHERE id = ?1",
	[Q_OF_ORDER] = SUB_COLS "WHERE s.id IN (SELECT subscription_id FROM "
	    "subscription_periods WHERE order_id = ?) ORDER BY s.id",
	[Q_OF_USER] = SUB_COLS "WHERE s.user_id = ?1 OR (?2 IS NOT NULL AND "
	    "s.email_norm = ?2) ORDER BY s.ends_at DESC LIMIT 200",
	/* In the order of the index subscriptions_ends: no sort, and each
	 * batch starts where the last one ended. */
	[Q_ENDING] = SUB_COLS "WHERE s.state = 'live' AND s.ends_at >= ?1 AND "
	    "s.ends_at <= ?2 AND (s.ends_at > ?1 OR s.id > ?3) "
	    "ORDER BY s.ends_at, s.id LIMIT ?4",
	[Q_WAITING] = SUB_COLS "WHERE s.product_id = ? AND s.access = "
	    "'waiting' ORDER BY s.id",
	[Q_DACCESS] = "SELECT access FROM product_delivery WHERE product_id = ?",
	[Q_DREMIND] = "SELECT reminder_days FROM product_delivery WHERE "
	    "product_id = ?",
	[Q_DPOOL] = "INSERT INTO product_delivery(product_id, access) VALUES "
	    "(?, 'pool') ON CONFLICT (product_id) DO UPDATE SET access = 'pool'",
	[Q_CRED_ADD] = "INSERT INTO credentials(product_id, nonce, box, "
	    "created_at) VALUES (?, ?, ?, ?)",
	[Q_CRED_ASSIGN] = "UPDATE credentials SET subscription_id = ?2, "
	    "assigned_at = ?3 WHERE id = (SELECT id FROM credentials WHERE "
	    "product_id = ?1 AND subscription_id IS NULL ORDER BY id LIMIT 1) "
	    "RETURNING id",
	[Q_CRED_FREE] = "SELECT count(*) FROM credentials WHERE product_id = ? "
	    "AND subscription_id IS NULL",
	[Q_CRED_OF] = "SELECT nonce, box FROM credentials WHERE "
	    "subscription_id = ?",
	[Q_REMINDED] = "SELECT 1 FROM subscription_reminders WHERE "
	    "subscription_id = ? AND kind = ? AND ends_at = ?",
	[Q_REMIND] = "INSERT OR IGNORE INTO subscription_reminders("
	    "subscription_id, kind, ends_at, sent_at) VALUES (?, ?, ?, ?)",
	[Q_LIST] = SUB_COLS "WHERE (?1 = 0 OR s.product_id = ?1) ORDER BY "
	    "s.ends_at, s.id LIMIT ?2",
	[Q_CRED_GIVE] = "UPDATE credentials SET subscription_id = ?2, "
	    "assigned_at = ?3 WHERE id = ?1 AND subscription_id IS NULL",
	[Q_CRED_DROP] = "DELETE FROM credentials WHERE subscription_id = ?",
	[Q_CRED_HELD] = "SELECT id FROM credentials WHERE subscription_id = ?",
	[Q_CRED_RELEASE] = "UPDATE credentials SET subscription_id = NULL, "
	    "assigned_at = NULL WHERE subscription_id = ?",
	[Q_CRED_OTHER] = "UPDATE credentials SET subscription_id = ?2, "
	    "assigned_at = ?3 WHERE id = (SELECT id FROM credentials WHERE "
	    "product_id = ?1 AND subscription_id IS NULL AND id <> ?4 ORDER BY "
	    "id LIMIT 1) AND subscription_id IS NULL RETURNING id",
	[Q_POOL] = "SELECT p.id, p.slug, p.name, coalesce(d.access, 'staff'), "
	    "(SELECT count(*) FROM credentials c WHERE c.product_id = p.id AND "
	    "c.subscription_id IS NULL), (SELECT count(*) FROM credentials c "
	    "WHERE c.product_id = p.id AND c.subscription_id IS NOT NULL), "
	    "(SELECT count(*) FROM subscriptions s WHERE s.product_id = p.id "
	    "AND s.access = 'waiting') FROM products p LEFT JOIN "
	    "product_delivery d ON d.product_id = p.id WHERE p.kind = "
	    "'subscription' ORDER BY p.name",
};
DB_STMTS(stmts, sql, Q__MAX);

/* db_row_fn: a sub_line from the statement's columns. */
static void
read_sub_line(struct arena *a, sqlite3_stmt *st, void *row)
{
	struct sub_line *r = row;

	r->line = db_col_int(st, 0);
	r->product_id = db_col_int(st, 1);
	r->plan_id = db_col_int(st, 2);
	r->user_id = db_col_int(st, 3);
	r->months = (int)db_col_int(st, 4);
	r->days = (int)db_col_int(st, 5);
	r->qty = (int)db_col_int(st, 6);
	r->email_norm = db_col_text(a, st, 7);
	r->lang = db_col_text(a, st, 8);
	r->email = db_col_text(a, st, 9);
	r->order_token = db_col_text(a, st, 10);
}

int
db_sub_lines(struct db *db, struct arena *a, long long order_id,
    struct sub_line **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_LINES);

	*n = 0;
	if (st == NULL)
		return -1;
	db_bind_int(st, 1, order_id);
	return db_rows(db, st, "subscription lines", a, sizeof(**out),
	    read_sub_line, out, n) < 0 ? -1 : 0;
}

/* db_row_fn: a subscription from the statement's columns. */
static void
sub_row(struct arena *a, sqlite3_stmt *st, void *row)
{
	struct subscription *s = row;

	s->id = db_col_int(st, 0);
	s->product_id = db_col_int(st, 1);
	s->plan_id = db_col_int(st, 2);
	s->order_id = db_col_int(st, 3);
	s->user_id = db_col_int(st, 4);
	s->starts_at = db_col_int(st, 5);
	s->ends_at = db_col_int(st, 6);
	s->state = db_col_text(a, st, 7);
	s->reason = db_col_text(a, st, 8);
	s->access = db_col_text(a, st, 9);
	s->email_norm = db_col_text(a, st, 10);
	s->lang = db_col_text(a, st, 11);
	s->product_name = db_col_text(a, st, 12);
	s->product_slug = db_col_text(a, st, 13);
	s->order_token = db_col_text(a, st, 14);
	s->email = db_col_text(a, st, 15);
	s->months = (int)db_col_int(st, 16);
	s->days = (int)db_col_int(st, 17);
}

/* Runs a one-row subscription query: 0, DB_NONE or -1. */
static int
sub_one(struct db *db, struct arena *a, sqlite3_stmt *st,
    struct subscription *s)
{
	int rc = sqlite3_step(st);

	if (rc == SQLITE_ROW)
		sub_row(a, st, s);
	db_done(st);
	if (rc == SQLITE_DONE)
		return 1;
	return rc == SQLITE_ROW ? 0 : db_fail(db, "subscription");
}

/* Runs a many-row subscription query into *out: 0 or -1. */
static int
sub_many(struct db *db, struct arena *a, sqlite3_stmt *st,
    struct subscription **out, size_t *n)
{
	return db_rows(db, st, "subscriptions", a, sizeof(**out), sub_row, out,
	    n) < 0 ? -1 : 0;
}

int
db_sub_find(struct db *db, struct arena *a, long long user_id,
    const char *email_norm, long long product_id, struct subscription *s)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, user_id ? Q_FIND_USER :
	    Q_FIND_EMAIL);

	if (st == NULL)
		return -1;
	if (user_id)
		db_bind_int(st, 1, user_id);
	else
		db_bind_text(st, 1, email_norm);
	db_bind_int(st, 2, product_id);
	return sub_one(db, a, st, s);
}

int
db_sub_get(struct db *db, struct arena *a, long long id, struct subscription *s)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_GET);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, id);
	return sub_one(db, a, st, s);
}

long long
db_sub_create(struct db *db, const struct sub_line *l, long long order_id,
    long long starts, long long ends, long long now)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_CREATE);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, l->product_id);
	db_bind_int(st, 2, l->plan_id);
	db_bind_int(st, 3, order_id);
	db_bind_int(st, 4, l->line);
	db_bind_int(st, 5, l->user_id);
	db_bind_text(st, 6, l->email_norm);
	db_bind_text(st, 7, l->lang);
	db_bind_int(st, 8, starts);
	db_bind_int(st, 9, ends);
	db_bind_int(st, 10, now);
	return db_insert(db, st, "subscription create");
}

int
db_sub_extend(struct db *db, long long id, long long ends, long long now)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_EXTEND);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, ends);
	db_bind_int(st, 3, now);
	return db_step_done(db, st, "subscription extend") < 0 ? -1 : 0;
}

int
db_sub_period(struct db *db, long long id, long long order_id, long long line,
    long long starts, long long ends)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_PERIOD);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, order_id);
	db_bind_int(st, 3, line);
	db_bind_int(st, 4, starts);
	db_bind_int(st, 5, ends);
	return db_step_done(db, st, "subscription period") < 0 ? -1 : 0;
}

int
db_sub_state(struct db *db, long long id, const char *state,
    const char *reason, long long now)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_STATE);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, id);
	db_bind_text(st, 2, state);
	db_bind_text(st, 3, reason);
	db_bind_int(st, 4, now);
	return db_step_done(db, st, "subscription state") < 0 ? -1 : 0;
}

int
db_sub_cancel_line(struct db *db, long long order_id, long long line,
    const char *reason, long long now)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_CANCEL_LINE);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, order_id);
	db_bind_int(st, 2, line);
	db_bind_text(st, 3, reason);
	db_bind_int(st, 4, now);
	if (db_step_done(db, st, "subscription cancel line") < 0)
		return -1;
	return sqlite3_changes(db_sqlite(db));
}

int
db_sub_access(struct db *db, long long id, const char *access, long long now)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_ACCESS);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, id);
	db_bind_text(st, 2, access);
	db_bind_int(st, 3, now);
	return db_step_done(db, st, "subscription access") < 0 ? -1 : 0;
}

int
db_sub_of_order(struct db *db, struct arena *a, long long order_id,
    struct subscription **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_OF_ORDER);

	*n = 0;
	if (st == NULL)
		return -1;
	db_bind_int(st, 1, order_id);
	return sub_many(db, a, st, out, n);
}

int
db_sub_of_user(struct db *db, struct arena *a, long long user_id,
    const char *email_norm, struct subscription **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_OF_USER);

	*n = 0;
	if (st == NULL)
		return -1;
	db_bind_int(st, 1, user_id);
	if (email_norm != NULL)
		db_bind_text(st, 2, email_norm);
	return sub_many(db, a, st, out, n);
}

int
db_sub_ending(struct db *db, struct arena *a, long long from, long long to,
    long long after, long long limit, struct subscription **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_ENDING);

	*n = 0;
	if (st == NULL)
		return -1;
	db_bind_int(st, 1, from);
	db_bind_int(st, 2, to);
	db_bind_int(st, 3, after);
	db_bind_int(st, 4, limit);
	return sub_many(db, a, st, out, n);
}

int
db_sub_waiting(struct db *db, struct arena *a, long long product_id,
    struct subscription **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_WAITING);

	*n = 0;
	if (st == NULL)
		return -1;
	db_bind_int(st, 1, product_id);
	return sub_many(db, a, st, out, n);
}

/* One text column of product_delivery, or dflt. */
static const char *
delivery_col(struct db *db, struct arena *a, int q, long long product_id,
    const char *dflt)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, q);
	const char *v = dflt;

	if (st == NULL)
		return dflt;
	db_bind_int(st, 1, product_id);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = db_col_text(a, st, 0);
	db_done(st);
	return v;
}

const char *
db_delivery_access(struct db *db, struct arena *a, long long product_id)
{
	return delivery_col(db, a, Q_DACCESS, product_id, "staff");
}

const char *
db_delivery_reminders(struct db *db, struct arena *a, long long product_id)
{
	return delivery_col(db, a, Q_DREMIND, product_id, "");
}

int
db_delivery_set_pool(struct db *db, long long product_id)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_DPOOL);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, product_id);
	return db_step_done(db, st, "delivery pool") < 0 ? -1 : 0;
}

long long
db_cred_add(struct db *db, long long product_id, const void *nonce,
    size_t nlen, const void *box, size_t blen, long long now)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_CRED_ADD);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, product_id);
	sqlite3_bind_blob(st, 2, nonce, (int)nlen, SQLITE_TRANSIENT);
	sqlite3_bind_blob(st, 3, box, (int)blen, SQLITE_TRANSIENT);
	db_bind_int(st, 4, now);
	return db_insert(db, st, "credential add");
}

long long
db_cred_assign(struct db *db, long long product_id, long long sub,
    long long now)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_CRED_ASSIGN);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, product_id);
	db_bind_int(st, 2, sub);
	db_bind_int(st, 3, now);
	return db_one_int(db, st, "credential assign");
}

long long
db_cred_free(struct db *db, long long product_id)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_CRED_FREE);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, product_id);
	return db_one_int(db, st, "credentials free");
}

/* A copy of blob column i in the arena. */
static const unsigned char *
blob(struct arena *a, sqlite3_stmt *st, int i, size_t *len)
{
	const void *p = sqlite3_column_blob(st, i);
	unsigned char *out;

	*len = (size_t)sqlite3_column_bytes(st, i);
	out = arena_alloc(a, *len + 1);
	if (*len)
		memcpy(out, p, *len);
	return out;
}

int
db_cred_of(struct db *db, struct arena *a, long long sub,
    const unsigned char **nonce, size_t *nlen, const unsigned char **box,
    size_t *blen)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_CRED_OF);
	int rc;

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, sub);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*nonce = blob(a, st, 0, nlen);
		*box = blob(a, st, 1, blen);
	}
	db_done(st);
	if (rc == SQLITE_DONE)
		return 1;
	return rc == SQLITE_ROW ? 0 : db_fail(db, "credential of");
}

int
db_reminder_claim(struct db *db, long long sub, const char *kind,
    long long ends_at, long long now)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_REMIND);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, sub);
	db_bind_text(st, 2, kind);
	db_bind_int(st, 3, ends_at);
	db_bind_int(st, 4, now);
	if (db_step_done(db, st, "reminder claim") < 0)
		return -1;
	return sqlite3_changes(db_sqlite(db)) > 0;
}

int
db_reminder_sent(struct db *db, long long sub, const char *kind,
    long long ends_at)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_REMINDED);
	int rc;

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, sub);
	db_bind_text(st, 2, kind);
	db_bind_int(st, 3, ends_at);
	rc = sqlite3_step(st);
	db_done(st);
	if (rc == SQLITE_DONE)
		return 0;
	return rc == SQLITE_ROW ? 1 : db_fail(db, "reminder sent");
}

int
db_cred_give(struct db *db, long long cred, long long sub, long long now)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_CRED_GIVE);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, cred);
	db_bind_int(st, 2, sub);
	db_bind_int(st, 3, now);
	if (db_step_done(db, st, "credential give") < 0)
		return -1;
	return sqlite3_changes(db_sqlite(db)) == 1 ? 0 : -1;
}

int
db_cred_drop(struct db *db, long long sub)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_CRED_DROP);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, sub);
	return db_step_done(db, st, "credential drop");
}

/* db_row_fn: a cred_pool from the statement's columns. */
static void
read_pool(struct arena *a, sqlite3_stmt *st, void *row)
{
	struct cred_pool *r = row;

	r->product_id = db_col_int(st, 0);
	r->slug = db_col_text(a, st, 1);
	r->name = db_col_text(a, st, 2);
	r->access = db_col_text(a, st, 3);
	r->free = db_col_int(st, 4);
	r->given = db_col_int(st, 5);
	r->waiting = db_col_int(st, 6);
}

int
db_cred_pools(struct db *db, struct arena *a, struct cred_pool **out,
    size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_POOL);

	*out = NULL;
	*n = 0;
	if (st == NULL)
		return -1;
	return db_rows(db, st, "credential pools", a, sizeof(**out), read_pool,
	    out, n) < 0 ? -1 : 0;
}

int
db_sub_list(struct db *db, struct arena *a, long long product_id, int limit,
    struct subscription **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_LIST);

	*n = 0;
	if (st == NULL)
		return -1;
	db_bind_int(st, 1, product_id);
	db_bind_int(st, 2, limit);
	return sub_many(db, a, st, out, n);
}

long long
db_cred_held(struct db *db, long long sub)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_CRED_HELD);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, sub);
	return db_one_int(db, st, "credential held");
}

int
db_cred_release(struct db *db, long long sub)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_CRED_RELEASE);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, sub);
	return db_step_done(db, st, "credential release") < 0 ? -1 : 0;
}

long long
db_cred_assign_other(struct db *db, long long product_id, long long sub,
    long long except, long long now)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_CRED_OTHER);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, product_id);
	db_bind_int(st, 2, sub);
	db_bind_int(st, 3, now);
	db_bind_int(st, 4, except);
	return db_one_int(db, st, "credential assign other");
}
