/* db_token.c — see db_token.h. */
#include "db_internal.h"
#include "db_token.h"

enum { Q_ADD, Q_FIND, Q_USE, Q_VOID, Q_PRUNE, Q__MAX };

static const char *const sql[Q__MAX] = {
	[Q_ADD] = "INSERT INTO user_tokens(hash, user_id, purpose, new_email, "
	    "expires_at, created_at) VALUES (?, ?, ?, ?, ?, ?)",
	[Q_FIND] = "SELECT user_id, coalesce(new_email, '') FROM user_tokens "
	    "WHERE hash = ?1 AND purpose = ?2 AND used_at IS NULL AND "
	    "expires_at > ?3",
	[Q_USE] = "UPDATE user_tokens SET used_at = ?2 WHERE hash = ?1",
	[Q_VOID] = "UPDATE user_tokens SET used_at = ?3 WHERE user_id = ?1 AND "
	    "purpose = ?2 AND used_at IS NULL",
	/* Tokens a week past their end go as new ones are made. */
	[Q_PRUNE] = "DELETE FROM user_tokens WHERE expires_at < ?",
};
DB_STMTS(stmts, sql, Q__MAX);

int
db_token_add(struct db *db, const char *hash, long long uid,
    const char *purpose, const char *new_email, long long expires,
    long long now)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_PRUNE);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, now - 7 * 86400);
	if (db_step_done(db, st, "token prune") < 0)
		return -1;
	if ((st = db_stmt(db, &stmts, Q_ADD)) == NULL)
		return -1;
	db_bind_text(st, 1, hash);
	db_bind_int(st, 2, uid);
	db_bind_text(st, 3, purpose);
	if (new_email != NULL)
		db_bind_text(st, 4, new_email);
	else
		db_bind_null(st, 4);
	db_bind_int(st, 5, expires);
	db_bind_int(st, 6, now);
	return db_step_done(db, st, "token add") < 0 ? -1 : 0;
}

int
db_token_use(struct db *db, struct arena *a, const char *hash,
    const char *purpose, long long now, long long *uid, const char **new_email)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_FIND);
	int rc;

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, hash);
	db_bind_text(st, 2, purpose);
	db_bind_int(st, 3, now);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*uid = db_col_int(st, 0);
		if (new_email != NULL)
			*new_email = db_col_text(a, st, 1);
	}
	db_done(st);
	if (rc == SQLITE_DONE)
		return 1;
	if (rc != SQLITE_ROW)
		return db_fail(db, "token find");
	if ((st = db_stmt(db, &stmts, Q_USE)) == NULL)
		return -1;
	db_bind_text(st, 1, hash);
	db_bind_int(st, 2, now);
	return db_step_done(db, st, "token use") < 0 ? -1 : 0;
}

int
db_token_void(struct db *db, long long uid, const char *purpose, long long now)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_VOID);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, uid);
	db_bind_text(st, 2, purpose);
	db_bind_int(st, 3, now);
	return db_step_done(db, st, "token void") < 0 ? -1 : 0;
}
