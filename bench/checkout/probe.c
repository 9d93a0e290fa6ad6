/* probe.c — the reference bench/checkout.sh puts beside souk's place-order
 * figure: the same disk and SQLite as the store, none of souk.  PROCS
 * processes (the store's checkout workers: SOUK_WORKERS) each loop for
 * SECONDS: BEGIN IMMEDIATE, three stock updates that never go below zero,
 * an order row and three line rows, COMMIT, in WAL mode with
 * synchronous=FULL (one fsync of the WAL per order, as the store), and
 * the same busy handler as lib/db (poll every 50 us).  The database is
 * made fresh at DB (its -wal and -shm too).
 *
 *   probe DB PROCS SECONDS
 * prints: "N orders/s (P processes, S s; CPU per order U us)"
 * Not part of souk: a yardstick, built by checkout.sh with cc -lsqlite3. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static const char schema[] =
    "PRAGMA journal_mode=WAL;"
    "CREATE TABLE products(id INTEGER PRIMARY KEY, stock INTEGER);"
    "CREATE TABLE orders(id INTEGER PRIMARY KEY, token TEXT NOT NULL UNIQUE,"
    " reference TEXT NOT NULL UNIQUE, status TEXT NOT NULL, email TEXT,"
    " name TEXT, total_minor INTEGER, created_at INTEGER);"
    "CREATE TABLE order_items(order_id INTEGER NOT NULL REFERENCES"
    " orders(id), line INTEGER NOT NULL, product_id INTEGER, qty INTEGER,"
    " line_minor INTEGER, PRIMARY KEY(order_id, line)) WITHOUT ROWID;"
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n"
    " WHERE i < 100) INSERT INTO products SELECT i, 1000000000 FROM n;";

static int
busy(void *arg, int count)
{
	(void)arg;
	if (count >= 5100)
		return 0;
	usleep(count < 100 ? 50 : 1000);
	return 1;
}

static double
now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec + t.tv_nsec / 1e9;
}

static void
die(sqlite3 *h, const char *what)
{
	fprintf(stderr, "probe: %s: %s\n", what, sqlite3_errmsg(h));
	exit(1);
}

/* One process's loop until `end`: the orders it committed. */
static long
loop(const char *path, int proc, double end)
{
	sqlite3 *h;
	sqlite3_stmt *begin, *commit, *stock, *order, *item;
	long n = 0;
	char token[64];

	if (sqlite3_open(path, &h) != SQLITE_OK)
		die(h, "open");
	sqlite3_busy_handler(h, busy, NULL);
	if (sqlite3_exec(h, "PRAGMA synchronous=FULL", NULL, NULL, NULL) !=
	    SQLITE_OK)
		die(h, "pragma");
	if (sqlite3_prepare_v2(h, "BEGIN IMMEDIATE", -1, &begin, NULL) ||
	    sqlite3_prepare_v2(h, "COMMIT", -1, &commit, NULL) ||
	    sqlite3_prepare_v2(h, "UPDATE products SET stock = stock - ?1 "
	    "WHERE id = ?2 AND stock >= ?1", -1, &stock, NULL) ||
	    sqlite3_prepare_v2(h, "INSERT INTO orders(token, reference, "
	    "status, email, name, total_minor, created_at) VALUES (?1, ?1, "
	    "'awaiting_payment', 'bench@example.com', 'Bench Shopper', 4500, "
	    "?2)", -1, &order, NULL) ||
	    sqlite3_prepare_v2(h, "INSERT INTO order_items VALUES (?1, ?2, "
	    "?3, 1, 1500)", -1, &item, NULL))
		die(h, "prepare");
	while (now() < end) {
		long long id;

		if (sqlite3_step(begin) != SQLITE_DONE)
			die(h, "begin");
		sqlite3_reset(begin);
		for (int i = 0; i < 3; i++) {
			sqlite3_bind_int(stock, 1, 1);
			sqlite3_bind_int(stock, 2, (int)((n * 3 + i) % 100) + 1);
			if (sqlite3_step(stock) != SQLITE_DONE)
				die(h, "stock");
			sqlite3_reset(stock);
		}
		snprintf(token, sizeof(token), "p%d-%ld", proc, n);
		sqlite3_bind_text(order, 1, token, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(order, 2, (long long)time(NULL));
		if (sqlite3_step(order) != SQLITE_DONE)
			die(h, "order");
		sqlite3_reset(order);
		id = sqlite3_last_insert_rowid(h);
		for (int i = 0; i < 3; i++) {
			sqlite3_bind_int64(item, 1, id);
			sqlite3_bind_int(item, 2, i + 1);
			sqlite3_bind_int(item, 3, i + 1);
			if (sqlite3_step(item) != SQLITE_DONE)
				die(h, "item");
			sqlite3_reset(item);
		}
		if (sqlite3_step(commit) != SQLITE_DONE)
			die(h, "commit");
		sqlite3_reset(commit);
		n++;
	}
	return n;
}

int
main(int argc, char **argv)
{
	sqlite3 *h;
	int procs, pipefd[2];
	double secs, end;
	long total = 0;
	struct rusage ru;
	char path[4096];

	if (argc != 4 || (procs = atoi(argv[2])) < 1 ||
	    (secs = atof(argv[3])) <= 0) {
		fprintf(stderr, "usage: probe DB PROCS SECONDS\n");
		return 2;
	}
	for (const char *suf = ""; suf != NULL;
	    suf = *suf == '\0' ? "-wal" : strcmp(suf, "-wal") == 0 ? "-shm" :
	    NULL) {
		snprintf(path, sizeof(path), "%s%s", argv[1], suf);
		unlink(path);
	}
	if (sqlite3_open(argv[1], &h) != SQLITE_OK ||
	    sqlite3_exec(h, schema, NULL, NULL, NULL) != SQLITE_OK)
		die(h, "schema");
	sqlite3_close(h);
	if (pipe(pipefd) < 0)
		return 1;
	end = now() + secs;
	for (int p = 0; p < procs; p++) {
		if (fork() == 0) {
			long n = loop(argv[1], p, end);
			if (write(pipefd[1], &n, sizeof(n)) != sizeof(n))
				_exit(1);
			_exit(0);
		}
	}
	close(pipefd[1]);
	for (long n; read(pipefd[0], &n, sizeof(n)) == sizeof(n);)
		total += n;
	while (wait(NULL) > 0)
		;
	getrusage(RUSAGE_CHILDREN, &ru);
	printf("%ld orders/s (%d processes, %g s; CPU per order %.0f us)\n",
	    (long)(total / secs), procs, secs, total ? (ru.ru_utime.tv_sec +
	    ru.ru_stime.tv_sec + (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) /
	    1e6) * 1e6 / (double)total : 0.0);
	return 0;
}
