/* db_sess.c — see db_sess.h. */
#include <string.h>

#include "db_internal.h"
#include "db_sess.h"

enum { Q_ADD, Q_GET, Q_TOUCH, Q_DEL, Q_DEL_USER, Q_LIST, Q_PRUNE, Q__MAX };

static const char *const sql[Q__MAX] = {
	[Q_ADD] = "INSERT INTO sessions(id_hash, user_id, mfa_pending, client, "
	    "user_agent, created_at, seen_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
	[Q_GET] = "SELECT id_hash, user_id, mfa_pending, client, user_agent, "
	    "created_at, seen_at FROM sessions WHERE id_hash = ?",
	[Q_TOUCH] = "UPDATE sessions SET seen_at = ?2 WHERE id_hash = ?1",
	[Q_DEL] = "DELETE FROM sessions WHERE id_hash = ?",
	[Q_DEL_USER] = "DELETE FROM sessions WHERE user_id = ?1 AND "
	    "id_hash IS NOT ?2",
	[Q_LIST] = "SELECT id_hash, user_id, mfa_pending, client, user_agent, "
	    "created_at, seen_at FROM sessions WHERE user_id = ? AND "
	    "mfa_pending = 0 ORDER BY seen_at DESC LIMIT 100",
	[Q_PRUNE] = "DELETE FROM sessions WHERE id_hash IN (SELECT id_hash FROM "
	    "sessions WHERE seen_at < ?1 OR created_at < ?2 LIMIT 50)",
};
DB_STMTS(stmts, sql, Q__MAX);

static void
row(struct arena *a, sqlite3_stmt *st, void *row)
{
	struct sess_row *r = row;

	r->id_hash = db_col_text(a, st, 0);
	r->user_id = db_col_int(st, 1);
	r->mfa_pending = (int)db_col_int(st, 2);
	r->client = db_col_text(a, st, 3);
	r->user_agent = db_col_text(a, st, 4);
	r->created_at = db_col_int(st, 5);
	r->seen_at = db_col_int(st, 6);
}

int
db_sess_add(struct db *db, const char *h, long long uid, int mfa,
    const char *client, const char *ua, long long now)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_ADD);

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, h);
	db_bind_int(st, 2, uid);
	db_bind_int(st, 3, mfa ? 1 : 0);
	db_bind_text(st, 4, client ? client : "");
	db_bind_text(st, 5, ua ? ua : "");
	db_bind_int(st, 6, now);
	return db_step_done(db, st, "session add") < 0 ? -1 : 0;
}

int
db_sess_get(struct db *db, struct arena *a, const char *h, struct sess_row *r)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_GET);
	int rc;

	memset(r, 0, sizeof(*r));
	if (st == NULL)
		return -1;
	db_bind_text(st, 1, h);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		row(a, st, r);
	db_done(st);
	if (rc == SQLITE_ROW)
		return 0;
	return rc == SQLITE_DONE ? 1 : db_fail(db, "session get");
}

int
db_sess_touch(struct db *db, const char *h, long long now)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_TOUCH);

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, h);
	db_bind_int(st, 2, now);
	return db_step_done(db, st, "session touch") < 0 ? -1 : 0;
}

int
db_sess_delete(struct db *db, const char *h)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_DEL);

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, h);
	return db_step_done(db, st, "session delete") < 0 ? -1 : 0;
}

long long
db_sess_delete_user(struct db *db, long long uid, const char *keep)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_DEL_USER);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, uid);
	if (keep != NULL)
		db_bind_text(st, 2, keep);
	else
		db_bind_null(st, 2);
	if (db_step_done(db, st, "session delete user") < 0)
		return -1;
	return sqlite3_changes(db_sqlite(db));
}

int
db_sess_list(struct db *db, struct arena *a, long long uid,
    struct sess_row **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_LIST);

	*out = NULL;
	*n = 0;
	if (st == NULL)
		return -1;
	db_bind_int(st, 1, uid);
	return db_rows(db, st, "session list", a, sizeof(**out), row, out,
	    n) < 0 ? -1 : 0;
}

int
db_sess_prune(struct db *db, long long idle_before, long long created_before)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_PRUNE);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, idle_before);
	db_bind_int(st, 2, created_before);
	return db_step_done(db, st, "session prune") < 0 ? -1 : 0;
}
