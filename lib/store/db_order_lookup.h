/* db_order_lookup.h — "find my order": an order by its reference and the
 * e-mail address it was placed with (issue 13).  Both must match; the
 * answer for a reference that exists with another address is the same as
 * for one that does not exist, so the lookup reveals nothing about orders
 * that do not match.  Callers rate-limit it (db_rate.h). */
#ifndef SOUK_DB_ORDER_LOOKUP_H
#define SOUK_DB_ORDER_LOOKUP_H
#include "arena.h"
#include "db.h"

/* The token of the order with this reference (any case, spaces around
 * ignored) placed with this e-mail address (any case): 0 with *token set
 * (arena), 1 when no order has both, -1 on error (logged). */
int	db_order_lookup(struct db *, struct arena *, const char *reference,
	    const char *email, const char **token);

#endif
