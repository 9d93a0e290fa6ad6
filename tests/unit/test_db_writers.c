/* test_db_writers.c — the writers queue of db_begin() (lib/db/db.h,
 * db_writers.h): a second connection waits for the first one's COMMIT,
 * gives up with -2 (busy) after its busy timeout, and the queue held by a
 * process that dies (kill -9, no ROLLBACK) is free at once. */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "db.h"
#include "db_internal.h"
#include "t.h"

/* Milliseconds of CLOCK_MONOTONIC. */
static long long
ms_now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* 1 when the queue file of db's database is locked by another holder. */
static int
queue_held(struct db *db)
{
	char path[4096];
	int fd, held;

	snprintf(path, sizeof(path), "%s-writers",
	    sqlite3_db_filename(db_sqlite(db), "main"));
	if ((fd = open(path, O_RDONLY)) < 0)
		return -1;
	held = flock(fd, LOCK_EX | LOCK_NB) < 0;
	close(fd);
	return held;
}

TEST(writers_queue_busy_after_the_timeout_then_free_after_commit)
{
	struct db *a = t_db_new(), *b;
	long long t0;

	CHECK(a != NULL);
	CHECK_INT(t_exec(a, "CREATE TABLE w(x)"), 0);
	b = db_open(sqlite3_db_filename(db_sqlite(a), "main"), 0);
	CHECK(b != NULL);
	db_busy_timeout(b, 100);
	CHECK_INT(db_begin(a), 0);
	CHECK_INT(queue_held(a), 1);		/* from BEGIN ... */
	t0 = ms_now();
	CHECK_INT(db_begin(b), -2);		/* busy, not an error */
	CHECK(ms_now() - t0 >= 90);		/* it waited its bound */
	CHECK(ms_now() - t0 < 3000);		/* ... and no longer */
	CHECK_INT(t_exec(a, "INSERT INTO w VALUES (1)"), 0);
	CHECK_INT(db_commit(a), 0);
	CHECK_INT(queue_held(a), 0);		/* ... to COMMIT */
	CHECK_INT(db_begin(b), 0);		/* released by the COMMIT */
	CHECK_INT(t_exec(b, "INSERT INTO w VALUES (2)"), 0);
	db_rollback(b);
	CHECK_INT(queue_held(a), 0);
	CHECK_INT(db_begin_grouped(a), 0);	/* ... and by the ROLLBACK */
	CHECK_INT(db_commit_grouped(a), 0);
	CHECK_INT(t_int(a, "SELECT count(*) FROM w"), 1);
	db_close(b);
	db_close(a);
}

TEST(writers_queue_waiter_wakes_when_a_holder_is_killed)
{
	struct db *a = t_db_new();
	int ready[2];
	char c;
	pid_t pid;
	long long t0;

	CHECK(a != NULL);
	CHECK_INT(pipe(ready), 0);
	if ((pid = fork()) == 0) {
		/* Its own connection, in the queue, then killed in it. */
		struct db *k = db_open(sqlite3_db_filename(db_sqlite(a),
		    "main"), 0);
		if (k == NULL || db_begin(k) < 0)
			_exit(1);
		if (write(ready[1], "x", 1) != 1)
			_exit(1);
		pause();
		_exit(0);
	}
	CHECK(pid > 0);
	CHECK_INT(read(ready[0], &c, 1), 1);
	db_busy_timeout(a, 50);
	CHECK_INT(db_begin(a), -2);		/* the child holds it */
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
	db_busy_timeout(a, 5000);
	t0 = ms_now();
	CHECK_INT(db_begin(a), 0);		/* the kernel dropped it */
	CHECK(ms_now() - t0 < 1000);
	CHECK_INT(db_commit(a), 0);
	close(ready[0]);
	close(ready[1]);
	db_close(a);
}

TEST(writers_queue_nested_begin_refused_and_the_outer_hold_kept)
{
	struct db *a = t_db_new();

	CHECK(a != NULL);
	CHECK_INT(t_exec(a, "CREATE TABLE w(x)"), 0);
	CHECK_INT(db_begin(a), 0);
	CHECK_INT(db_begin(a), -1);		/* nested: refused ... */
	CHECK_INT(queue_held(a), 1);		/* ... the outer still queued */
	CHECK_INT(t_exec(a, "INSERT INTO w VALUES (1)"), 0);
	CHECK_INT(db_commit(a), 0);
	CHECK_INT(queue_held(a), 0);
	CHECK_INT(db_read_begin(a), 0);		/* a read transaction open */
	CHECK_INT(db_begin(a), -1);
	CHECK_INT(queue_held(a), 0);		/* never queued for it */
	db_read_end(a);
	CHECK_INT(t_int(a, "SELECT count(*) FROM w"), 1);
	db_close(a);
}

TEST(writers_queue_freed_by_closing_mid_transaction)
{
	struct db *a = t_db_new(), *b;

	CHECK(a != NULL);
	CHECK_INT(t_exec(a, "CREATE TABLE w(x)"), 0);
	b = db_open(sqlite3_db_filename(db_sqlite(a), "main"), 0);
	CHECK(b != NULL);
	CHECK_INT(db_begin(b), 0);
	CHECK_INT(t_exec(b, "INSERT INTO w VALUES (1)"), 0);
	CHECK_INT(queue_held(a), 1);
	db_close(b);				/* mid-transaction */
	CHECK_INT(queue_held(a), 0);		/* the hold went with it */
	CHECK_INT(t_int(a, "SELECT count(*) FROM w"), 0);	/* rolled back */
	db_close(a);
}
