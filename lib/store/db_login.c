/* db_login.c — see db_login.h. */
#include "store_conf.h"
#include "db_internal.h"
#include "db_login.h"

enum { Q_GET, Q_FAIL, Q_CLEAR, Q__MAX };

static const char *const sql[Q__MAX] = {
	[Q_GET] = "SELECT failures, last_at, locked FROM login_failures "
	    "WHERE kind = ?1 AND key = ?2",
	/* ?3 now, ?4 quiet, ?5 lock_after (0: never lock). */
	[Q_FAIL] = "INSERT INTO login_failures(kind, key, failures, last_at, "
	    "locked) VALUES (?1, ?2, 1, ?3, ?5 = 1) "
	    "ON CONFLICT(kind, key) DO UPDATE SET "
	    "failures = CASE WHEN locked = 0 AND last_at < ?3 - ?4 THEN 1 "
	    "ELSE failures + 1 END, last_at = ?3, "
	    "locked = locked OR (?5 > 0 AND (CASE WHEN locked = 0 AND "
	    "last_at < ?3 - ?4 THEN 1 ELSE failures + 1 END) >= ?5) "
	    "RETURNING locked",
	[Q_CLEAR] = "DELETE FROM login_failures WHERE kind = 'account' AND key = ?",
};
DB_STMTS(stmts, sql, Q__MAX);

void
login_rules_conf(struct login_rules *r)
{
	r->delay_after = conf_int(CONF_LOGIN_DELAY_AFTER);
	r->lock_after = conf_int(CONF_LOGIN_LOCK_AFTER);
	r->delay_base = conf_int(CONF_LOGIN_DELAY_BASE);
	r->delay_max = conf_int(CONF_LOGIN_DELAY_MAX);
	r->client_after = conf_int(CONF_LOGIN_CLIENT_AFTER);
	r->quiet = 86400;
}

/* Seconds still to wait after `failures` with a delay from `after` on. */
static long long
wait_for(const struct login_rules *r, long long failures, long long after,
    long long last_at, long long now)
{
	long long d = r->delay_base;

	if (after <= 0 || failures < after)
		return 0;
	for (long long i = after; i < failures && d < r->delay_max; i++)
		d *= 2;
	if (d > r->delay_max)
		d = r->delay_max;
	return last_at + d > now ? last_at + d - now : 0;
}

/* The row of (kind, key): 1 found, 0 none, -1. */
static int
get(struct db *db, const char *kind, const char *key, long long *failures,
    long long *last_at, int *locked)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_GET);
	int rc;

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, kind);
	db_bind_text(st, 2, key);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*failures = db_col_int(st, 0);
		*last_at = db_col_int(st, 1);
		*locked = (int)db_col_int(st, 2);
	}
	db_done(st);
	if (rc == SQLITE_ROW)
		return 1;
	return rc == SQLITE_DONE ? 0 : db_fail(db, "login get");
}

enum login_gate
db_login_gate(struct db *db, const struct login_rules *r, const char *account,
    const char *client, long long now, long long *retry)
{
	long long f, at, w = 0;
	int locked = 0, rc;

	*retry = 0;
	if ((rc = get(db, "account", account, &f, &at, &locked)) < 0)
		return LOGIN_ERROR;
	if (rc == 1) {
		if (locked)
			return LOGIN_LOCKED;
		if (at >= now - r->quiet)
			w = wait_for(r, f, r->delay_after, at, now);
	}
	if ((rc = get(db, "client", client, &f, &at, &locked)) < 0)
		return LOGIN_ERROR;
	if (rc == 1 && at >= now - r->quiet) {
		long long cw = wait_for(r, f, r->client_after, at, now);
		if (cw > w)
			w = cw;
	}
	*retry = w;
	return w > 0 ? LOGIN_WAIT : LOGIN_OPEN;
}

/* Counts one failure for (kind, key); *locked set from the row. */
static int
fail(struct db *db, const char *kind, const char *key, long long now,
    long long quiet, long long lock_after, int *locked)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_FAIL);
	long long v;

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, kind);
	db_bind_text(st, 2, key);
	db_bind_int(st, 3, now);
	db_bind_int(st, 4, quiet);
	db_bind_int(st, 5, lock_after);
	if ((v = db_one_int(db, st, "login fail")) < 0)
		return -1;
	*locked = (int)v;
	return 0;
}

int
db_login_failed(struct db *db, const struct login_rules *r,
    const char *account, const char *client, long long now, int *locked_now)
{
	long long f = 0, at = 0;
	int was = 0, is = 0, ignored;

	*locked_now = 0;
	if (get(db, "account", account, &f, &at, &was) < 0 ||
	    fail(db, "account", account, now, r->quiet, r->lock_after, &is) < 0 ||
	    fail(db, "client", client, now, r->quiet, 0, &ignored) < 0)
		return -1;
	*locked_now = is && !was;
	return 0;
}

int
db_login_clear(struct db *db, const char *account)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_CLEAR);

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, account);
	return db_step_done(db, st, "login clear") < 0 ? -1 : 0;
}
