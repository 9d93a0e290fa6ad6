/* db_check.h — the store's invariants, checked by `soukctl check` (store
 * layer: business rules over the tables).
 *
 * Each invariant is one counting query in a statement table: how many rows
 * break it.  A store that passes holds orders whose totals match their
 * lines, an order history that ends in the order's status, stock that never
 * went negative, and an outbox whose rows are in coherent states. */
#ifndef SOUK_DB_CHECK_H
#define SOUK_DB_CHECK_H

struct db;

enum check_level { CHECK_ERROR, CHECK_WARN };

/* Calls report(name, description, level, n, arg) for every invariant, with
 * n the number of rows breaking it (0: holds).  Returns the number of
 * CHECK_ERROR invariants broken, or -1 on a database error (logged). */
int	db_check_invariants(struct db *,
	    void (*report)(const char *name, const char *what,
	    enum check_level, long long n, void *), void *arg);

#endif
