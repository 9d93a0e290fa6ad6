/* db_rate.c — see db_rate.h. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>

#include "db_internal.h"
#include "db_rate.h"

enum { Q_SUM, Q_OLDEST, Q_ADD, Q_PRUNE, Q__MAX };
static const char *const sql[Q__MAX] = {
	/* The running total kept by triggers on rate_hits (schema.sql
	 * rate_sums): once the bucket is pruned, the window's sum, read
	 * in one row however many hits the client has. */
	[Q_SUM] = ("SELECT coalesce((SELECT used FROM rate_sums "
	    "WHERE bucket = ?1 AND client = ?2), 0)"),
	/* Oldest first: when the budget frees up again. */
	[Q_OLDEST] = ("SELECT at, weight FROM rate_hits "
	    "WHERE bucket = ?1 AND client = ?2 AND at > ?3 ORDER BY at"),
	[Q_ADD] = ("INSERT INTO rate_hits(bucket, client, at, weight) "
	    "VALUES (?1, ?2, ?3, ?4)"),
	/* A seek on rate_hits_bucket_at: only the expired hits. */
	[Q_PRUNE] = "DELETE FROM rate_hits WHERE at <= ?1 AND bucket = ?2",
};
DB_STMTS(stmts, sql, Q__MAX);

/* Binds bucket, client and the window's start to st. */
static void
bind_window(sqlite3_stmt *st, const char *bucket, const char *client,
    long long since)
{
	db_bind_text(st, 1, bucket);
	db_bind_text(st, 2, client);
	db_bind_int(st, 3, since);
}

/* Seconds until the hits in the window weigh at most budget - amount,
 * given they weigh `used` now; at least 1.  -1 on error. */
static long long
wait_for(struct db *db, const char *bucket, const char *client,
    long long budget, long long amount, long long used, long long window,
    long long now)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_OLDEST);
	long long wait = window;
	int rc;

	if (st == NULL)
		return -1;
	bind_window(st, bucket, client, now - window);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		used -= db_col_int(st, 1);
		if (used + amount <= budget) {
			wait = db_col_int(st, 0) + window - now;
			break;
		}
	}
	db_done(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(db, "rate oldest");
	return wait < 1 ? 1 : wait;
}

int
db_rate_spend(struct db *db, const char *bucket, const char *client,
    long long budget, long long amount, long long window, long long now,
    long long *retry_after)
{
	sqlite3_stmt *st;
	long long used;

	if ((st = db_stmt(db, &stmts, Q_PRUNE)) == NULL)
		return -1;
	db_bind_int(st, 1, now - window);
	db_bind_text(st, 2, bucket);
	if (db_step_done(db, st, "rate prune") < 0)
		return -1;
	if ((st = db_stmt(db, &stmts, Q_SUM)) == NULL)
		return -1;
	db_bind_text(st, 1, bucket);
	db_bind_text(st, 2, client);
	if ((used = db_one_int(db, st, "rate sum")) < 0)
		return -1;
	if (used + amount > budget) {
		*retry_after = amount > budget ? window : wait_for(db, bucket,
		    client, budget, amount, used, window, now);
		return *retry_after < 0 ? -1 : 1;
	}
	if ((st = db_stmt(db, &stmts, Q_ADD)) == NULL)
		return -1;
	bind_window(st, bucket, client, now);
	db_bind_int(st, 4, amount);
	return db_step_done(db, st, "rate add") < 0 ? -1 : 0;
}

int
db_rate_hit(struct db *db, const char *bucket, const char *client,
    long long limit, long long window, long long now, long long *retry_after)
{
	return db_rate_spend(db, bucket, client, limit, 1, window, now,
	    retry_after);
}

void
rate_client_key(char *out, size_t n, const char *addr)
{
	struct in_addr v4;
	struct in6_addr v6;
	char text[INET6_ADDRSTRLEN];

	if (addr != NULL && inet_pton(AF_INET, addr, &v4) == 1) {
		inet_ntop(AF_INET, &v4, out, (socklen_t)n);
		return;
	}
	if (addr == NULL || inet_pton(AF_INET6, addr, &v6) != 1) {
		snprintf(out, n, "unknown");
		return;
	}
	if (IN6_IS_ADDR_V4MAPPED(&v6)) {
		memcpy(&v4, &v6.s6_addr[12], 4);
		inet_ntop(AF_INET, &v4, out, (socklen_t)n);
		return;
	}
	memset(&v6.s6_addr[8], 0, 8);
	inet_ntop(AF_INET6, &v6, text, sizeof(text));
	snprintf(out, n, "%s/64", text);
}
