/* order_flow.h — the order lifecycle in one place: which status may follow
 * which, who may make the change, and what else the change does.
 *
 * Every change of orders.status goes through order_transition(), inside
 * the caller's transaction (db_begin ... db_commit), so the mail the
 * caller queues with it commits or rolls back with it.  The database
 * holds the same table (order_transitions, schema.sql) and a trigger that
 * refuses any other UPDATE of orders.status, so a program that forgot
 * this module still cannot move an order where the table does not allow.
 * The unit tests check that both tables are the same.
 *
 *   from              to                who               effects
 *   (placement)       awaiting_payment  shopper
 *   awaiting_payment  proof_received    shopper
 *   proof_received    awaiting_payment  staff             (proof rejected)
 *   awaiting_payment  paid              staff, system
 *   proof_received    paid              staff, system
 *   awaiting_payment  cancelled         staff, system     restock, coupon
 *   proof_received    cancelled         staff, system     restock, coupon
 *   paid              completed         staff, system
 *   paid              refunded          staff, system     restock, coupon
 *   completed         refunded          staff, system
 *
 * "system" is soukctl cron (unpaid-order expiry) and payment gateways;
 * "staff" the admin pages and soukctl.  A paid order is refunded, not
 * cancelled; a completed order has been delivered, so refunding it puts
 * nothing back on the shelf (docs/checkout.md, "Order lifecycle").  Every
 * change also runs delivery's reaction (docs/delivery.md). */
#ifndef SOUK_ORDER_FLOW_H
#define SOUK_ORDER_FLOW_H
#include <stddef.h>

#include "arena.h"
#include "db.h"
#include "order.h"

/* Who asks for a change (a bit set in struct order_move.who). */
enum order_actor {
	ACTOR_SHOPPER = 1 << 0,	/* the order's own pages */
	ACTOR_STAFF = 1 << 1,	/* admin pages, soukctl */
	ACTOR_SYSTEM = 1 << 2,	/* soukctl cron, payment gateways */
};

/* What a change does besides the status and its history entry. */
enum order_effect {
	EFFECT_RESTOCK = 1 << 0,	/* each line's units back into stock */
	EFFECT_COUPON = 1 << 1,		/* the coupon use is released */
};

/* The "from" of the placement row: no order yet. */
#define ORDER_NEW ORDER__MAX

struct order_move {
	enum order_status	 from, to;	/* from ORDER_NEW: placement */
	unsigned		 who;		/* enum order_actor bits */
	unsigned		 effects;	/* enum order_effect bits */
};

/* The table above; order_nmoves rows. */
extern const struct order_move order_moves[];
extern const size_t order_nmoves;

/* The row for from -> to, whoever may make it, or NULL. */
const struct order_move *order_move_find(enum order_status from,
		    enum order_status to);
/* "shopper", "staff", "system" (one bit), for logs and messages. */
const char	*order_actor_name(enum order_actor);

enum transition_result {
	TRANSITION_ERROR = -1,
	TRANSITION_OK = 0,
	TRANSITION_REFUSED,	/* from -> to is not in the table */
	TRANSITION_NOT_YOURS,	/* it is, but not for this actor */
	TRANSITION_STALE,	/* the order is no longer in o->status (another
				 * change came first): nothing written */
};

/* Inside the caller's transaction: moves order o (o->id and o->status
 * are read) to status `to` on behalf of actor, with history note `note`
 * (a Lang.order.note key) at time now, and does the row's effects:
 * EFFECT_RESTOCK puts the units of every line whose product still counts
 * stock back, EFFECT_COUPON deletes the order's coupon redemption (the
 * code's limits count one use less; the order keeps its discount), then
 * delivery_on_status() (delivery.h: downloads and subscriptions granted
 * on paid, taken back on cancelled or refunded).  The
 * status change is conditional on the status read, so two changes of one
 * order, at once or one after the other, take effect once.  On
 * TRANSITION_OK o->status is the new status; otherwise nothing is
 * written and the caller rolls back or answers the refusal. */
enum transition_result order_transition(struct db *, struct order *o,
		    enum order_status to, enum order_actor actor,
		    const char *note, long long now);

/* Loads order id and cancels it through order_transition (restock and
 * coupon release come from the table); TRANSITION_REFUSED also when there
 * is no such order. */
enum transition_result order_cancel(struct db *, struct arena *, long long id,
		    enum order_actor actor, const char *note, long long now);

#endif
