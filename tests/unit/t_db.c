/* t_db.c — the database helpers of t.h: a fresh store per test on a
 * temporary SQLite file, and raw SQL for fixtures and for changing the
 * data behind the library's back. */
#include <stdio.h>
#include <unistd.h>

#include "csrf.h"
#include "db.h"
#include "db_internal.h"
#include "t.h"

#define TEST_SECRET "000102030405060708090a0b0c0d0e0f" \
	"101112131415161718191a1b1c1d1e1f"

struct db *
t_db_new(void)
{
	static int serial;
	char path[4096];
	struct db *db;

	snprintf(path, sizeof(path), "%s/db-%d-%d.sqlite", t_tmpdir(),
	    (int)getpid(), ++serial);
	if ((db = db_open(path, DB_CREATE)) == NULL)
		return NULL;
	if (db_schema_create(db) < 0 ||
	    db_setting_set(db, "secret_key", TEST_SECRET) < 0 ||
	    csrf_set_secret_hex(TEST_SECRET) < 0) {
		db_close(db);
		return NULL;
	}
	return db;
}

int
t_exec(struct db *db, const char *sql)
{
	char *err = NULL;

	if (sqlite3_exec(db_sqlite(db), sql, NULL, NULL, &err) != SQLITE_OK) {
		printf("    t_exec: %s\n", err ? err : "?");
		sqlite3_free(err);
		return -1;
	}
	return 0;
}

long long
t_int(struct db *db, const char *sql)
{
	sqlite3_stmt *st;
	long long v = -1;

	if (sqlite3_prepare_v2(db_sqlite(db), sql, -1, &st, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}
