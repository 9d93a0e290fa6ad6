/* test_settings.c — settings_refresh() reloads when the settings table
 * changed, whoever changed it, and only then. */
#include <sqlite3.h>

#include "db.h"
#include "db_internal.h"
#include "settings.h"
#include "t.h"

TEST(settings_reload_only_when_the_settings_changed)
{
	struct db *db = t_db_new();
	sqlite3 *other = NULL;

	CHECK(db != NULL);
	if (db == NULL)
		return;
	CHECK(sqlite3_open(sqlite3_db_filename(db_sqlite(db), "main"),
	    &other) == SQLITE_OK);
	CHECK(settings_refresh(db) >= 0);
	CHECK_INT(settings_on(SET_STAFF_TOTP), 0);
	/* Another connection's order, cart or session: no reload. */
	CHECK(sqlite3_exec(other, "INSERT INTO rate_hits(bucket, client, at) "
	    "VALUES ('t', 'a', 1)", NULL, NULL, NULL) == SQLITE_OK);
	CHECK_INT(settings_refresh(db), 0);
	/* A settings row written with the version put back is not seen:
	 * the version alone decides. */
	CHECK(sqlite3_exec(other, "BEGIN; CREATE TEMP TABLE v AS SELECT n "
	    "FROM settings_version; INSERT INTO settings VALUES "
	    "('staff_totp_required', '1'); UPDATE settings_version SET n = "
	    "(SELECT n FROM v); COMMIT", NULL, NULL, NULL) == SQLITE_OK);
	CHECK_INT(settings_refresh(db), 0);
	CHECK_INT(settings_on(SET_STAFF_TOTP), 0);
	/* A change by another connection, even by hand: reloaded at once. */
	CHECK(sqlite3_exec(other, "UPDATE settings SET value = '1' WHERE key "
	    "= 'staff_totp_required'", NULL, NULL, NULL) == SQLITE_OK);
	CHECK_INT(settings_refresh(db), 1);
	CHECK_INT(settings_on(SET_STAFF_TOTP), 1);
	CHECK(sqlite3_exec(other, "DELETE FROM settings WHERE key = "
	    "'staff_totp_required'", NULL, NULL, NULL) == SQLITE_OK);
	CHECK_INT(settings_refresh(db), 1);
	CHECK_INT(settings_on(SET_STAFF_TOTP), 0);
	sqlite3_close(other);
	db_close(db);
}
