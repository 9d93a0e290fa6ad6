/* db_settings.c — see db_settings.h. */
#include "db_internal.h"
#include "db_settings.h"

enum { Q_ALL, Q_DELETE, Q_VERSION, Q__MAX };
static const char *const sql[Q__MAX] = {
	[Q_ALL] = "SELECT key, value FROM settings ORDER BY key",
	[Q_DELETE] = "DELETE FROM settings WHERE key = ?",
	/* Bumped by triggers on settings (schema.sql settings_version). */
	[Q_VERSION] = ("SELECT coalesce((SELECT n FROM settings_version "
	    "WHERE id = 1), 0)"),
};
DB_STMTS(stmts, sql, Q__MAX);

int
db_settings_all(struct db *db, struct arena *a, struct setting_row **out,
    size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_ALL);
	size_t cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (st == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*out = db_grow(a, *out, *n, &cap, sizeof(**out));
		(*out)[*n].key = db_col_text(a, st, 0);
		(*out)[(*n)++].value = db_col_text(a, st, 1);
	}
	db_done(st);
	return rc == SQLITE_DONE ? 0 : db_fail(db, "settings");
}

int
db_setting_delete(struct db *db, const char *key)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_DELETE);

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, key);
	return db_step_done(db, st, "setting delete") == 0 ? 0 : -1;
}

long long
db_settings_version(struct db *db)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_VERSION);

	return st == NULL ? -1 : db_one_int(db, st, "settings version");
}
