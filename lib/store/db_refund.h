/* db_refund.h — refunds staff record from the admin order page (tables
 * order_refunds and order_refund_lines, migration 022; the rules are in
 * refund.h).  Strings live in the caller's arena.  Writes marked "inside
 * the caller's transaction" expect db_begin() ... db_commit() around
 * them. */
#ifndef SOUK_DB_REFUND_H
#define SOUK_DB_REFUND_H
#include <stddef.h>

#include "arena.h"
#include "db.h"

struct order_refund {
	long long	 id, order_id;
	const char	*kind;		/* full, lines */
	const char	*method;	/* gateway, manual */
	const char	*status;	/* done, pending, refused */
	long long	 amount_minor;
	const char	*reason, *staff, *idem_key;
	long long	 user_id;	/* 0: none (or deleted) */
	const char	*provider, *provider_refund_id, *answer;
	long long	 created_at;
	int		 waiting;	/* 1: a gateway refund the gateway has
					 * not answered yet (its payment_refunds
					 * row is pending; status pending) */
};

/* Units of one order line a refund paid back. */
struct order_refund_line {
	long long	 refund_id, line, qty, amount_minor;
};

/* Inside the caller's transaction: inserts r (r->id is set).  1 when
 * added, 0 when r->idem_key was used before (nothing written), -1. */
int	db_order_refund_add(struct db *, struct order_refund *r);
/* Inside the caller's transaction: one line of refund r.  0 or -1. */
int	db_order_refund_line_add(struct db *, long long refund_id,
	    long long order_id, const struct order_refund_line *l);
/* The refund recorded under idem_key: 0, 1 (DB_NONE), -1. */
int	db_order_refund_by_key(struct db *, struct arena *,
	    const char *idem_key, struct order_refund *r);
/* The refunds of order_id, oldest first (every status). */
int	db_order_refund_list(struct db *, struct arena *, long long order_id,
	    struct order_refund **, size_t *);
/* The lines of the accepted (done or pending) refunds of order_id. */
int	db_order_refund_lines(struct db *, struct arena *, long long order_id,
	    struct order_refund_line **, size_t *);
/* Inside the caller's transaction: the refund under idem_key gets the
 * gateway's answer (status, its refund id, its words).  0 or -1. */
int	db_order_refund_settle(struct db *, const char *idem_key,
	    const char *status, const char *refund_id, const char *answer);
/* The refunds waiting for their gateway's answer (waiting 1) asked from
 * `after` to `before`, oldest first, at most limit. */
int	db_order_refund_waiting(struct db *, struct arena *, long long after,
	    long long before, size_t limit, struct order_refund **, size_t *);
/* The sum of the accepted refunds of order_id, or -1. */
long long db_order_refunded(struct db *, long long order_id);

#endif
