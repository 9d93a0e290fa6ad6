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

/* db_row_fn of Q_ALL. */
static void
read_setting(struct arena *a, sqlite3_stmt *st, void *row)
{
	struct setting_row *r = row;

	r->key = db_col_text(a, st, 0);
	r->value = db_col_text(a, st, 1);
}

int
db_settings_all(struct db *db, struct arena *a, struct setting_row **out,
    size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_ALL);

	*out = NULL;
	*n = 0;
	if (st == NULL)
		return -1;
	return db_rows(db, st, "settings", a, sizeof(**out), read_setting, out,
	    n) < 0 ? -1 : 0;
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
