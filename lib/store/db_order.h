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
	PLACE_LIMITED,		/* order_place's check refused it */
	PLACE_SHIPPING,		/* the order's delivery method is no longer
				   offered for its destination (ship.h) */
	PLACE_BUSY,		/* no write lock within the busy timeout
				   (db_begin: -2): nothing written, the
				   same form may be sent again */
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
 * coupon (o->coupon_code) still gives o->discount_minor, and that the
 * delivery (o->delivery_*) is still what ship.h prices for the cart's
 * shipped lines, the destination and the chosen rate (nothing shipped:
 * no delivery); then decrements
 * stock (conditional updates, never below zero), writes the order, its
 * lines, its first history entry and the coupon redemption, and empties
 * the cart.  o->id and each line's category_id (its product's now, where
 * the dashboard files it) are set on PLACE_OK.  Nothing is written
 * otherwise. */
/* Generated data (soukctl bench-data): writes order o as it is (row,
 * lines, first history entry by "system"), without a cart, stock or
 * coupon; inside the caller's transaction; o->id and the lines'
 * category_id (their products' now) set.  0, or -1 (also when token or
 * reference is taken). */
int		 db_order_insert(struct db *, struct order *o);
enum place_result db_order_place(struct db *, struct arena *,
		    const char *cart_token, struct order *o, struct place_why *);
/* The order with this token: 0 (*id and *cart_id set), DB_NONE, -1. */
int		 db_order_find(struct db *, const char *token, long long *id,
		    long long *cart_id);
/* The whole order (lines, history, proof count) by token or id: 0, 1 when
 * there is none, -1. */
int		 db_order_by_token(struct db *, struct arena *, const char *token,
		    struct order *);
int		 db_order_by_id(struct db *, struct arena *, long long id,
		    struct order *);
/* Inside the caller's transaction: records a payment proof stored as
 * `name` (o->nproofs grows).  The status change a first proof makes is
 * order_flow.h's (order_proof.h runs both).  Returns 0 or -1. */
int		 db_order_add_proof(struct db *, struct order *, const char *name,
		    const char *type, long long size, const char *sha256_hex,
		    const char *original_name, long long now);
/* For order_flow.c only (every status change goes through
 * order_transition): inside the caller's transaction, sets order id's
 * status from `from` to `to` and adds the history entry (note, who: the
 * actor's name, now).
 * 0, DB_NONE when the order is not in `from` (nothing written), -1 (also
 * when the database's order_transitions refuses it). */
int		 db_order_move(struct db *, long long id, const char *from,
		    const char *to, const char *note, const char *who,
		    long long now);
/* Puts the units of order id's lines back into the stock of the products
 * that count stock.  0 or -1. */
int		 db_order_restock(struct db *, long long id);

/* Orders `soukctl cron` may expire: awaiting payment, no proof, paid by
 * `method`, placed at or before cutoff; oldest first, at most limit ids
 * into *ids (arena), their number into *n.  0 or -1. */
int		 db_order_unpaid(struct db *, struct arena *, const char *method,
		    long long cutoff, size_t limit, long long **ids, size_t *n);
/* Inside the caller's transaction: 1 when order id is still awaiting
 * payment with no proof and was placed at or before cutoff (so `soukctl
 * cron` may cancel it through order_transition), 0 when not (paid
 * meanwhile, a proof arrived, another run was first), -1 on error. */
int		 db_order_expirable(struct db *, long long id, long long cutoff);

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
