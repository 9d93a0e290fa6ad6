/* test_db_group.c — group commit (db_begin_grouped / db_commit_grouped /
 * db_sync, lib/db/db.h): what it commits is there, nothing of a rolled
 * back one, and the connection is back to its own synchronous level
 * (FULL = 2, NORMAL = 1 after db_relaxed) whichever way it ended. */
#include "db.h"
#include "t.h"

TEST(group_commit_commits_syncs_and_restores_the_level)
{
	struct db *db = t_db_new();

	CHECK(db != NULL);
	CHECK_INT(t_exec(db, "CREATE TABLE g(x)"), 0);
	CHECK_INT(t_int(db, "PRAGMA synchronous"), 2);
	CHECK_INT(db_begin_grouped(db), 0);
	CHECK_INT(t_int(db, "PRAGMA synchronous"), 1);	/* inside: NORMAL */
	CHECK_INT(t_exec(db, "INSERT INTO g VALUES (1)"), 0);
	CHECK_INT(db_commit_grouped(db), 0);
	CHECK_INT(t_int(db, "PRAGMA synchronous"), 2);
	CHECK_INT(t_int(db, "SELECT count(*) FROM g"), 1);
	/* A rolled-back one leaves nothing and restores FULL too. */
	CHECK_INT(db_begin_grouped(db), 0);
	CHECK_INT(t_exec(db, "INSERT INTO g VALUES (2)"), 0);
	db_rollback(db);
	CHECK_INT(t_int(db, "PRAGMA synchronous"), 2);
	CHECK_INT(t_int(db, "SELECT count(*) FROM g"), 1);
	/* A plain commit after it is FULL again (not left NORMAL). */
	CHECK_INT(db_begin(db), 0);
	CHECK_INT(t_int(db, "PRAGMA synchronous"), 2);
	CHECK_INT(db_commit(db), 0);
	CHECK_INT(db_sync(db), 0);
	/* A relaxed connection (carts) goes back to NORMAL, not FULL. */
	CHECK_INT(db_relaxed(db), 0);
	CHECK_INT(db_begin_grouped(db), 0);
	CHECK_INT(db_commit_grouped(db), 0);
	CHECK_INT(t_int(db, "PRAGMA synchronous"), 1);
	db_close(db);
}
