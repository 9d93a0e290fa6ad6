/* db_rate.c — see db_rate.h. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>

#include "db_internal.h"
#include "db_rate.h"

enum { Q_COUNT, Q_ADD, Q_PRUNE, Q__MAX };
static const char *const sql[Q__MAX] = {
	[Q_COUNT] = ("SELECT count(*), min(at) FROM rate_hits "
	    "WHERE bucket = ?1 AND client = ?2 AND at > ?3"),
	[Q_ADD] = "INSERT INTO rate_hits(bucket, client, at) VALUES (?1, ?2, ?3)",
	[Q_PRUNE] = "DELETE FROM rate_hits WHERE at <= ?1 AND bucket = ?2",
};
DB_STMTS(stmts, sql, Q__MAX);

int
db_rate_hit(struct db *db, const char *bucket, const char *client,
    long long limit, long long window, long long now, long long *retry_after)
{
	sqlite3_stmt *st;
	long long count, oldest;

	if ((st = db_stmt(db, &stmts, Q_PRUNE)) == NULL)
		return -1;
	db_bind_int(st, 1, now - window);
	db_bind_text(st, 2, bucket);
	if (db_step_done(db, st, "rate prune") < 0)
		return -1;
	if ((st = db_stmt(db, &stmts, Q_COUNT)) == NULL)
		return -1;
	db_bind_text(st, 1, bucket);
	db_bind_text(st, 2, client);
	db_bind_int(st, 3, now - window);
	if (db_step_row(db, st, "rate count") != 0) {
		db_done(st);
		return -1;
	}
	count = db_col_int(st, 0);
	oldest = db_col_int(st, 1);
	db_done(st);
	if (count >= limit) {
		*retry_after = oldest + window - now;
		if (*retry_after < 1)
			*retry_after = 1;
		return 1;
	}
	if ((st = db_stmt(db, &stmts, Q_ADD)) == NULL)
		return -1;
	db_bind_text(st, 1, bucket);
	db_bind_text(st, 2, client);
	db_bind_int(st, 3, now);
	return db_step_done(db, st, "rate add") < 0 ? -1 : 0;
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
