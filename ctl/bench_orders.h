/* bench_orders.h — generated orders for the benchmarks (bench_orders.c). */
#ifndef SOUK_BENCH_ORDERS_H
#define SOUK_BENCH_ORDERS_H
#include <stddef.h>

#include "arena.h"
#include "db.h"

/* A product orders may buy (copied when generated). */
struct bench_product {
	long long	 id, price_minor;
	const char	*name, *kind;	/* static or long-lived storage */
};

/* Writes m orders numbered from `first` over the 730 days before now,
 * BATCH per transaction, each through the lifecycle, then recomputes
 * the dashboard's figures; 0 or -1 (the batch in progress rolled back,
 * the figures of those committed recomputed).  The arena is reset as it
 * goes. */
int		 bench_orders(struct db *, struct arena *, long long m,
		    const struct bench_product *p, size_t np, long long first,
		    long long now);

/* Writes m paid orders numbered from `first`, each of one plan of the
 * product bench-iptv (made with its 1- and 12-month plans if missing)
 * for its own customer, so m subscriptions start, ending from 60 days
 * ago to a year ahead; BATCH per transaction.  0 or -1. */
int		 bench_subs(struct db *, struct arena *, long long m,
		    long long first, long long now);

#endif
