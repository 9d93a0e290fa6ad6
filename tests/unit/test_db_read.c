/* test_db_read.c — db_read_begin()/db_read_end(): one snapshot for a
 * page's reads, and back to autocommit after it. */
#include <stdio.h>
#include <string.h>

#include "db.h"
#include "db_internal.h"
#include "t.h"

TEST(db_read_transaction_reads_one_snapshot)
{
	struct db *db = t_db_new(), *other;
	long long before;

	CHECK(db != NULL);
	if (db == NULL)
		return;
	other = db_open(sqlite3_db_filename(db_sqlite(db), "main"), 0);
	CHECK(other != NULL);
	if (other == NULL) {
		db_close(db);
		return;
	}
	before = t_int(db, "SELECT count(*) FROM settings");
	CHECK(before >= 1);
	CHECK_INT(db_read_begin(db), 0);
	CHECK_INT(t_int(db, "SELECT count(*) FROM settings"), before);
	/* Another connection commits while the snapshot is open. */
	CHECK_INT(t_exec(other, "INSERT INTO settings (key, value) "
	    "VALUES ('t_read_snapshot', 'x')"), 0);
	CHECK_INT(t_int(db, "SELECT count(*) FROM settings"), before);
	db_read_end(db);
	CHECK(sqlite3_get_autocommit(db_sqlite(db)));
	CHECK_INT(t_int(db, "SELECT count(*) FROM settings"), before + 1);
	db_read_end(db);	/* none open: nothing happens */
	CHECK(sqlite3_get_autocommit(db_sqlite(db)));
	/* Again, with the kept statements. */
	CHECK_INT(db_read_begin(db), 0);
	CHECK(!sqlite3_get_autocommit(db_sqlite(db)));
	db_read_end(db);
	CHECK(sqlite3_get_autocommit(db_sqlite(db)));
	db_close(other);
	db_close(db);
}
