/* db_rate.h — per-client rate limits kept in SQLite (table rate_hits), so
 * every worker, program and machine sharing the database counts together
 * and a restart forgets nothing.  A sliding window: an action is allowed
 * when fewer than `limit` were recorded for the same bucket and client in
 * the last `window` seconds.  A byte budget is the same window where each
 * hit weighs what it spent (db_rate_spend).  A check costs the same
 * however many hits the client has in the window: the window's total is
 * one row of rate_sums (kept by triggers), and the prune seeks on the
 * expired hits only. */
#ifndef SOUK_DB_RATE_H
#define SOUK_DB_RATE_H
#include <stddef.h>

#include "db.h"

/* Inside the caller's transaction (BEGIN IMMEDIATE makes the count and the
 * record one step for all workers): when (bucket, client) has fewer than
 * limit hits in the last window seconds, records one and returns 0; else
 * returns 1 with *retry_after set to the seconds until one expires.
 * Prunes the bucket's hits older than the window.  -1 on error. */
int	db_rate_hit(struct db *, const char *bucket, const char *client,
	    long long limit, long long window, long long now,
	    long long *retry_after);
/* The same with a weight: when the hits of (bucket, client) in the last
 * window seconds weigh at most budget - amount, records one of weight
 * amount (>= 1) and returns 0; else returns 1 with *retry_after set to the
 * seconds until enough of them expire for amount to fit (the whole window
 * when amount alone is over budget: the caller should refuse that with
 * its own answer).  -1 on error. */
int	db_rate_spend(struct db *, const char *bucket, const char *client,
	    long long budget, long long amount, long long window,
	    long long now, long long *retry_after);
/* The client key for a REMOTE_ADDR: an IPv4 address as it is (also when
 * IPv4-mapped), an IPv6 address as its /64 network (one customer line
 * usually holds a whole /64), anything else as "unknown". */
void	rate_client_key(char *out, size_t n, const char *addr);

#endif
