/* bench_reviews.h — generated reviews for the benchmarks (bench_reviews.c). */
#ifndef SOUK_BENCH_REVIEWS_H
#define SOUK_BENCH_REVIEWS_H
#include "arena.h"
#include "db.h"

/* Gives product_id r published, verified reviews from r new customer
 * accounts (bench-reviewer-P-K@example.invalid, no password: they cannot
 * log in), ratings and texts drawn repeatably, dates spread over the
 * last year, then recomputes the product's ratings; one transaction;
 * 0 or -1 (nothing written). */
int	bench_reviews(struct db *, struct arena *, long long product_id,
	    long long r, long long now);

#endif
