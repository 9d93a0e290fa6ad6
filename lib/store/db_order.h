/* db_order.h — orders in the database.  Strings live in the caller's
 * arena.
 *
 * Placing an order is one transaction the caller holds (db_begin ...
 * db_commit), so what it queues with it (mail_enqueue) commits or rolls
 * back with the order:
 *
 *	db_begin(db);
 *	r = db_order_place(db, arena, cart_token, &o, &why);
 *	if (r == PLACE_OK) mail_enqueue(db, ...);
 *	r == PLACE_OK ? db_commit(db) : db_rollback(db);
 *
 * db_order_place() re-reads the cart and the catalog under the write lock
 * and writes only if they are still what the shopper saw. */
#ifndef SOUK_DB_ORDER_H
#define SOUK_DB_ORDER_H
#include "arena.h"
#include "db.h"
#include "order.h"

enum place_result {
	PLACE_ERROR = -1,
	PLACE_OK = 0,
	PLACE_DUPLICATE,	/* o->token (so the idempotency key) seen: o->id
				 * is that order */
	PLACE_CHANGED,		/* the cart or a price changed since the form */
	PLACE_UNAVAILABLE,	/* a line's product or plan was withdrawn */
	PLACE_STOCK,		/* not enough left of a line */
	PLACE_COUPON,		/* the coupon was refused (why->coupon) */
	PLACE_LIMIT,		/* a line holds more than cart_max_qty() allows
				   (why->line, why->available: the most) */
	PLACE_UNITS,		/* more units than cart_max_units() in all
				   (why->available: the most) */
	PLACE_RETRY,		/* the reference is taken: draw another */
};

struct place_why {
	size_t		 line;		/* PLACE_UNAVAILABLE, PLACE_STOCK,
					   PLACE_LIMIT */
	long long	 available;	/* PLACE_STOCK: units left; PLACE_LIMIT,
					   PLACE_UNITS: the most allowed */
	int		 coupon;	/* PLACE_COUPON: enum coupon_check */
};

/* Inside the caller's transaction: checks that the order token (the HMAC
 * of the idempotency key, order_token()) is new,
 * that the cart with cart_token is at o->cart_rev with the lines and unit
 * prices of o->lines, that every line is on sale, in stock and within the
 * quantity caps of cart.h (per line and per order: the store's rule,
 * whatever the cart or the form hold), and that the
 * coupon (o->coupon_code) still gives o->discount_minor; then decrements
 * stock (conditional updates, never below zero), writes the order, its
 * lines, its first history entry and the coupon redemption, and empties
 * the cart.  o->id is set on PLACE_OK.  Nothing is written otherwise. */
enum place_result db_order_place(struct db *, struct arena *,
		    const char *cart_token, struct order *o, struct place_why *);
/* Whether an order has this token: 1 (*id and *cart_id set), 0, -1. */
int		 db_order_find(struct db *, const char *token, long long *id,
		    long long *cart_id);
/* The whole order (lines, history, proof count) by token or id: 0, 1 when
 * there is none, -1. */
int		 db_order_by_token(struct db *, struct arena *, const char *token,
		    struct order *);
int		 db_order_by_id(struct db *, struct arena *, long long id,
		    struct order *);
/* Inside the caller's transaction: records a payment proof stored as
 * `name` and, when the order was awaiting payment, moves it to
 * proof_received with a history entry.  Returns 0 or -1. */
int		 db_order_add_proof(struct db *, struct order *, const char *name,
		    const char *type, long long size, const char *sha256_hex,
		    const char *original_name);

/* Cancelling an order (the one place that does it, so the order
 * lifecycle can call it from its transition table). */
enum cancel_result {
	CANCEL_ERROR = -1,
	CANCEL_OK = 0,
	CANCEL_STATE,		/* not in a status it can be cancelled from:
				   nothing written */
};
/* Inside the caller's transaction (so a mail queued with it commits or
 * rolls back with it): when order id is awaiting_payment or
 * proof_received, moves it to cancelled (updated_at = now), adds a history
 * entry with note `reason` (a Lang.order.note key) and actor `who`
 * ("cron", "staff:<name>"...), and puts the units of its lines back into
 * the stock of the products that count stock.  The status change is a
 * conditional update, so two cancellations of one order, at once or one
 * after the other, restock once.  A paid, completed, cancelled or
 * refunded order gives CANCEL_STATE (a paid order is refunded, not
 * cancelled). */
enum cancel_result db_order_cancel(struct db *, long long id,
		    const char *reason, const char *who, long long now);
/* Orders `soukctl cron` may expire: awaiting payment, no proof, paid by
 * `method`, placed at or before cutoff; oldest first, at most limit ids
 * into *ids (arena), their number into *n.  0 or -1. */
int		 db_order_unpaid(struct db *, struct arena *, const char *method,
		    long long cutoff, size_t limit, long long **ids, size_t *n);
/* Inside the caller's transaction: cancels order id with reason
 * "expired" (db_order_cancel) when it is still awaiting payment with no
 * proof and was placed at or before cutoff; CANCEL_STATE when it is not
 * (paid meanwhile, a proof arrived, another run was first). */
enum cancel_result db_order_expire(struct db *, long long id,
		    long long cutoff, const char *who, long long now);

/* Bytes of payment proofs order id holds, or -1. */
long long	 db_order_proof_bytes(struct db *, long long order_id);

/* soukctl: the newest orders (status "" for all), lines not loaded. */
int		 db_order_list(struct db *, struct arena *, const char *status,
		    long long limit, struct order **, size_t *);

struct proof_info {
	const char	*name, *type, *original_name;
	long long	 size, at;
};
/* The proofs of an order, oldest first. */
int		 db_order_proofs(struct db *, struct arena *, long long order_id,
		    struct proof_info **, size_t *);

#endif
