/* db_customer.h — what the back office shows of an account (store
 * layer): its figures (orders, lifetime value, last order), its orders,
 * the contact messages from its address and the staff's private notes on
 * it (customer_notes, migration 020).  An account's orders are those
 * placed with it and, once its address is verified, the guest orders
 * placed with that address (as db_user_orders counts them).  Strings
 * live in the caller's arena; writes run inside the caller's
 * transaction. */
#ifndef SOUK_DB_CUSTOMER_H
#define SOUK_DB_CUSTOMER_H
#include <stddef.h>

#include "arena.h"
#include "db.h"

struct customer_stats {
	long long	 orders;	/* every status */
	long long	 ltv_minor;	/* lifetime value, see below */
	long long	 last_order_at;	/* 0: none */
};

/* The figures of account id (vnorm: its verified normalised e-mail, or
 * NULL).  The lifetime value is the total of its paid and completed
 * orders in `currency` (the store's), less the refunds recorded on them
 * (order_refunds accepted, or the gateway payment's own refunds when
 * larger, as refund_left() counts); refunded, cancelled and unpaid orders
 * count nothing.  0 or -1. */
int	db_customer_stats(struct db *, long long id, const char *vnorm,
	    const char *currency, struct customer_stats *);

struct customer_order {
	long long	 id, total_minor, created_at;
	const char	*reference, *status, *currency, *method;
	int		 guest;		/* placed without the account */
};
/* The account's orders, newest first, at most limit.  0 or -1. */
int	db_customer_orders(struct db *, struct arena *, long long id,
	    const char *vnorm, long long limit, struct customer_order **out,
	    size_t *n);

struct customer_message {
	long long	 id, created_at;
	const char	*subject, *status;
};
/* Contact messages written from the address norm (lower case), newest
 * first, at most limit.  0 or -1. */
int	db_customer_messages(struct db *, struct arena *, const char *norm,
	    long long limit, struct customer_message **out, size_t *n);

struct customer_note {
	long long	 id, created_at;
	const char	*author, *body;
};
/* Adds a staff note on account user_id by author_id (0: none) named
 * author; its id or -1. */
long long db_customer_note_add(struct db *, long long user_id,
	    long long author_id, const char *author, const char *body,
	    long long now);
/* The notes on account user_id, oldest first.  0 or -1. */
int	db_customer_notes(struct db *, struct arena *, long long user_id,
	    struct customer_note **out, size_t *n);

#endif
