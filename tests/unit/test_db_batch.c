/* test_db_batch.c — batches (db_batch_open / db_batch_close, lib/db/db.h):
 * several requests' transactions as savepoints of one, a rolled-back one
 * leaving the others, nothing on disk (nor visible to another connection)
 * before the close, reads inside, and a lost transaction reported. */
#include "db.h"
#include "db_internal.h"
#include "t.h"

/* Another connection's view of table b (what another worker sees). */
static long long
others_count(struct db *db)
{
	sqlite3 *h;
	sqlite3_stmt *st;
	long long n = -1;

	if (sqlite3_open_v2(sqlite3_db_filename(db_sqlite(db), "main"), &h,
	    SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_prepare_v2(h, "SELECT count(*) FROM b", -1, &st, NULL) ==
	    SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(h);
	return n;
}

TEST(batch_commits_kept_savepoints_once_and_undoes_one)
{
	struct db *db = t_db_new();

	CHECK(db != NULL);
	CHECK_INT(t_exec(db, "CREATE TABLE b(x UNIQUE)"), 0);
	CHECK_INT(db_batch_open(db), 0);
	CHECK_INT(db_batch_open(db), -1);	/* not twice */
	/* Request 1: kept. */
	CHECK_INT(db_begin_grouped(db), 0);
	CHECK_INT(t_int(db, "PRAGMA synchronous"), 1);	/* grouped */
	CHECK_INT(db_begin(db), -1);		/* nested: refused */
	CHECK_INT(t_exec(db, "INSERT INTO b VALUES (1)"), 0);
	CHECK_INT(db_commit_grouped(db), 0);
	/* Request 2: undone, request 1's row stays. */
	CHECK_INT(db_begin(db), 0);
	CHECK_INT(t_exec(db, "INSERT INTO b VALUES (2)"), 0);
	CHECK_INT(t_int(db, "SELECT count(*) FROM b"), 2);
	db_rollback(db);
	CHECK_INT(t_int(db, "SELECT count(*) FROM b"), 1);
	/* A rollback with no request open undoes nothing of the others. */
	db_rollback(db);
	CHECK_INT(t_int(db, "SELECT count(*) FROM b"), 1);
	/* Request 3 sees request 1's row (a repeated form finds its order)
	 * and a read transaction is a no-op. */
	CHECK_INT(db_read_begin(db), 0);
	CHECK_INT(t_int(db, "SELECT count(*) FROM b WHERE x = 1"), 1);
	db_read_end(db);
	CHECK_INT(db_begin(db), 0);
	CHECK_INT(t_exec(db, "INSERT INTO b VALUES (3)"), 0);
	CHECK_INT(db_commit(db), 0);
	CHECK_INT(db_sync(db), 0);		/* owed to the close */
	/* Nothing is visible to another connection before the close. */
	CHECK_INT(others_count(db), 0);
	CHECK_INT(db_batch_close(db), 0);
	CHECK_INT(others_count(db), 2);
	CHECK_INT(t_int(db, "PRAGMA synchronous"), 2);	/* FULL again */
	/* Out of the batch: plain transactions again. */
	CHECK_INT(db_begin(db), 0);
	CHECK_INT(t_exec(db, "INSERT INTO b VALUES (4)"), 0);
	db_rollback(db);
	CHECK_INT(others_count(db), 2);
	CHECK_INT(db_batch_close(db), 0);	/* none open: nothing to do */
	db_close(db);
}

TEST(batch_without_writes_and_inside_a_transaction)
{
	struct db *db = t_db_new();

	CHECK(db != NULL);
	CHECK_INT(t_exec(db, "CREATE TABLE b(x)"), 0);
	/* A batch whose requests wrote nothing closes at once. */
	CHECK_INT(db_batch_open(db), 0);
	CHECK_INT(db_sync(db), 0);
	CHECK_INT(db_batch_close(db), 0);
	/* Not inside an open transaction. */
	CHECK_INT(db_begin(db), 0);
	CHECK_INT(db_batch_open(db), -1);
	CHECK_INT(db_commit(db), 0);
	/* A request that leaves its savepoint open is undone at the close;
	 * the others are kept. */
	CHECK_INT(db_batch_open(db), 0);
	CHECK_INT(db_begin(db), 0);
	CHECK_INT(t_exec(db, "INSERT INTO b VALUES (1)"), 0);
	CHECK_INT(db_commit(db), 0);
	CHECK_INT(db_begin(db), 0);
	CHECK_INT(t_exec(db, "INSERT INTO b VALUES (2)"), 0);
	CHECK_INT(db_batch_close(db), 0);
	CHECK_INT(others_count(db), 1);
	CHECK_INT(t_int(db, "SELECT x FROM b"), 1);
	db_close(db);
}

TEST(batch_lost_transaction_fails_the_close_and_keeps_nothing)
{
	struct db *db = t_db_new();

	CHECK(db != NULL);
	CHECK_INT(t_exec(db, "CREATE TABLE b(x)"), 0);
	CHECK_INT(db_batch_open(db), 0);
	CHECK_INT(db_begin(db), 0);
	CHECK_INT(t_exec(db, "INSERT INTO b VALUES (1)"), 0);
	CHECK_INT(db_commit(db), 0);
	/* What SQLite does on an I/O error or a full disk: the whole
	 * transaction rolled back under the batch. */
	CHECK_INT(t_exec(db, "ROLLBACK"), 0);
	CHECK_INT(db_batch_spent(db), 1);	/* seen before the next begin */
	CHECK_INT(db_begin(db), -1);		/* nothing more in it */
	CHECK_INT(db_batch_spent(db), 1);
	CHECK_INT(db_batch_close(db), -1);
	CHECK_INT(others_count(db), 0);
	/* The connection works again, FULL, out of the queue. */
	CHECK_INT(t_int(db, "PRAGMA synchronous"), 2);
	CHECK_INT(db_begin(db), 0);
	CHECK_INT(t_exec(db, "INSERT INTO b VALUES (5)"), 0);
	CHECK_INT(db_commit(db), 0);
	CHECK_INT(others_count(db), 1);
	/* Closed inside a batch: rolled back, not committed. */
	CHECK_INT(db_batch_open(db), 0);
	CHECK_INT(db_begin(db), 0);
	CHECK_INT(t_exec(db, "INSERT INTO b VALUES (6)"), 0);
	CHECK_INT(db_commit(db), 0);
	{
		char path[4096];
		snprintf(path, sizeof(path), "%s",
		    sqlite3_db_filename(db_sqlite(db), "main"));
		db_close(db);
		db = db_open(path, 0);
	}
	CHECK(db != NULL);
	CHECK_INT(t_int(db, "SELECT count(*) FROM b"), 1);
	db_close(db);
}

TEST(batch_spent_when_the_writers_queue_was_too_busy)
{
	struct db *a = t_db_new(), *b;

	CHECK(a != NULL);
	CHECK_INT(t_exec(a, "CREATE TABLE b(x)"), 0);
	b = db_open(sqlite3_db_filename(db_sqlite(a), "main"), 0);
	CHECK(b != NULL);
	db_busy_timeout(b, 50);
	CHECK_INT(db_batch_spent(b), 0);	/* no batch */
	CHECK_INT(db_batch_open(b), 0);
	CHECK_INT(db_batch_spent(b), 0);
	CHECK_INT(db_begin(a), 0);		/* another writer holds it */
	CHECK_INT(db_begin(b), -2);
	/* The next request would wait its own timeout while the answers
	 * before it are held: the batch takes no more. */
	CHECK_INT(db_batch_spent(b), 1);
	CHECK_INT(db_busy_take(b), 1);		/* the request's busy answer */
	CHECK_INT(db_batch_close(b), 0);	/* nothing was written */
	CHECK_INT(db_batch_spent(b), 0);
	db_rollback(a);
	/* A new batch starts fresh, and one that got its lock is not
	 * spent by its later savepoints. */
	CHECK_INT(db_batch_open(b), 0);
	CHECK_INT(db_begin(b), 0);
	CHECK_INT(t_exec(b, "INSERT INTO b VALUES (1)"), 0);
	CHECK_INT(db_commit(b), 0);
	CHECK_INT(db_begin(b), 0);
	CHECK_INT(db_commit(b), 0);
	CHECK_INT(db_batch_spent(b), 0);
	CHECK_INT(db_batch_close(b), 0);
	CHECK_INT(others_count(b), 1);
	db_close(b);
	db_close(a);
}

/* What a db_batch_hook() was told, and what its flush answers. */
struct hook_log {
	char	 seen[64];
	int	 flush_rc;
};

static void
log_event(struct hook_log *l, char c)
{
	size_t n = strlen(l->seen);

	if (n + 1 < sizeof(l->seen)) {
		l->seen[n] = c;
		l->seen[n + 1] = '\0';
	}
}

static void hook_kept(void *arg) { log_event(arg, 'k'); }
static void hook_undone(void *arg) { log_event(arg, 'u'); }
static void hook_dropped(void *arg) { log_event(arg, 'd'); }

/* flush: writes a row in the batch's transaction (then answers as
 * told). */
static int
hook_flush(struct db *db, void *arg)
{
	struct hook_log *l = arg;

	log_event(l, 'f');
	if (t_exec(db, "INSERT INTO b VALUES ('flushed')") < 0)
		return -1;
	return l->flush_rc;
}

static const struct db_batch_hooks test_hooks = { hook_kept, hook_undone,
	hook_flush, hook_dropped };

/* db_batch_hook: only inside a request's savepoint of a batch; told of
 * each request kept or undone after it, flushed inside the transaction
 * before the COMMIT (a failing flush loses the batch), dropped when the
 * batch is lost; forgotten when the batch ends. */
TEST(batch_hooks_follow_the_savepoints_and_the_commit)
{
	struct db *db = t_db_new();
	struct hook_log l = { "", 0 };

	CHECK(db != NULL);
	CHECK_INT(t_exec(db, "CREATE TABLE b(x)"), 0);
	CHECK_INT(db_batch_hook(db, &test_hooks, &l), 1);	/* no batch */
	CHECK_INT(db_batch_open(db), 0);
	CHECK_INT(db_batch_hook(db, &test_hooks, &l), 1);	/* no request */
	CHECK_INT(db_begin(db), 0);
	CHECK_INT(db_batch_hook(db, &test_hooks, &l), 0);
	CHECK_INT(db_batch_hook(db, &test_hooks, &l), 0);	/* once */
	CHECK_INT(db_commit(db), 0);
	CHECK_INT(db_begin(db), 0);
	db_rollback(db);
	CHECK_STR(l.seen, "ku");
	CHECK_INT(db_batch_close(db), 0);
	CHECK_STR(l.seen, "kuf");
	CHECK_INT(others_count(db), 1);		/* the flush's row, committed */
	/* Forgotten: the next batch does not call it. */
	CHECK_INT(db_batch_open(db), 0);
	CHECK_INT(db_begin(db), 0);
	CHECK_INT(t_exec(db, "INSERT INTO b VALUES (1)"), 0);
	CHECK_INT(db_commit(db), 0);
	CHECK_INT(db_batch_close(db), 0);
	CHECK_STR(l.seen, "kuf");
	CHECK_INT(others_count(db), 2);
	/* A flush that fails loses the batch: nothing of it kept. */
	l.flush_rc = -1;
	CHECK_INT(db_batch_open(db), 0);
	CHECK_INT(db_begin(db), 0);
	CHECK_INT(t_exec(db, "INSERT INTO b VALUES (2)"), 0);
	CHECK_INT(db_batch_hook(db, &test_hooks, &l), 0);
	CHECK_INT(db_commit(db), 0);
	CHECK_INT(db_batch_close(db), -1);
	CHECK_STR(l.seen, "kufkf");
	CHECK_INT(others_count(db), 2);
	/* A lost transaction: dropped, never flushed. */
	CHECK_INT(db_batch_open(db), 0);
	CHECK_INT(db_begin(db), 0);
	CHECK_INT(db_batch_hook(db, &test_hooks, &l), 0);
	CHECK_INT(db_commit(db), 0);
	CHECK_INT(t_exec(db, "ROLLBACK"), 0);
	CHECK_INT(db_batch_close(db), -1);
	CHECK_STR(l.seen, "kufkfkd");
	db_close(db);
}
