/* order_flow.c — the order lifecycle; see order_flow.h.  The table here
 * and order_transitions in schema.sql are the same (tests/unit/test_db.c
 * checks it). */
#include "db_coupon.h"
#include "db_order.h"
#include "delivery.h"
#include "log.h"
#include "order_flow.h"
#include "watch.h"
#include "order_stats.h"

#define STAFF_SYSTEM (ACTOR_STAFF | ACTOR_SYSTEM)
#define GIVE_BACK (EFFECT_RESTOCK | EFFECT_COUPON)

const struct order_move order_moves[] = {
	{ ORDER_NEW, ORDER_AWAITING_PAYMENT, ACTOR_SHOPPER, 0 },
	{ ORDER_AWAITING_PAYMENT, ORDER_PROOF_RECEIVED, ACTOR_SHOPPER, 0 },
	/* The proof shows no payment: the shopper may send another. */
	{ ORDER_PROOF_RECEIVED, ORDER_AWAITING_PAYMENT, ACTOR_STAFF, 0 },
	{ ORDER_AWAITING_PAYMENT, ORDER_PAID, STAFF_SYSTEM, 0 },
	{ ORDER_PROOF_RECEIVED, ORDER_PAID, STAFF_SYSTEM, 0 },
	{ ORDER_AWAITING_PAYMENT, ORDER_CANCELLED, STAFF_SYSTEM, GIVE_BACK },
	{ ORDER_PROOF_RECEIVED, ORDER_CANCELLED, STAFF_SYSTEM, GIVE_BACK },
	{ ORDER_PAID, ORDER_COMPLETED, STAFF_SYSTEM, 0 },
	/* Paid but not delivered: nothing left the shelf. */
	{ ORDER_PAID, ORDER_REFUNDED, STAFF_SYSTEM, GIVE_BACK },
	/* Delivered: what comes back (if anything) is counted by staff. */
	{ ORDER_COMPLETED, ORDER_REFUNDED, STAFF_SYSTEM, 0 },
};
const size_t order_nmoves = sizeof(order_moves) / sizeof(order_moves[0]);

const struct order_move *
order_move_find(enum order_status from, enum order_status to)
{
	for (size_t i = 0; i < order_nmoves; i++)
		if (order_moves[i].from == from && order_moves[i].to == to)
			return &order_moves[i];
	return NULL;
}

const char *
order_actor_name(enum order_actor a)
{
	switch (a) {
	case ACTOR_SHOPPER:
		return "shopper";
	case ACTOR_STAFF:
		return "staff";
	case ACTOR_SYSTEM:
		return "system";
	}
	return "?";
}

/* Undoes what placing the order took: the cancel/refund side effects of
 * a table row.  0 or -1. */
static int
give_back(struct db *db, long long id, unsigned effects, long long now)
{
	/* Units back on the shelf may be what a wishlist waits for. */
	if ((effects & EFFECT_RESTOCK) && (db_order_restock(db, id) < 0 ||
	    watch_order(db, id, now) < 0))
		return -1;
	if ((effects & EFFECT_COUPON) && db_coupon_release(db, id) < 0)
		return -1;
	return 0;
}

enum transition_result
order_transition(struct db *db, struct order *o, enum order_status to,
    enum order_actor actor, const char *note, long long now)
{
	const struct order_move *m;
	int from = order_status_parse(o->status), rc;

	if (from < 0 || (int)to < 0 || to >= ORDER__MAX ||
	    (m = order_move_find((enum order_status)from, to)) == NULL) {
		log_info("order %lld: %s -> %s is not a transition of the "
		    "lifecycle", o->id, o->status,
		    (int)to >= 0 && to < ORDER__MAX ? order_statuses[to] : "?");
		return TRANSITION_REFUSED;
	}
	if (!(m->who & (unsigned)actor)) {
		log_info("order %lld: %s -> %s is not the %s's to make", o->id,
		    o->status, order_statuses[to], order_actor_name(actor));
		return TRANSITION_NOT_YOURS;
	}
	rc = db_order_move(db, o->id, o->status, order_statuses[to], note,
	    order_actor_name(actor), now);
	if (rc != 0)
		return rc < 0 ? TRANSITION_ERROR : TRANSITION_STALE;
	/* The dashboard's figures move with the order, in its transaction. */
	if (order_stats_moved(db, o->id, o->status, order_statuses[to]) < 0)
		return TRANSITION_ERROR;
	if (give_back(db, o->id, m->effects, now) < 0 ||
	    delivery_on_status(db, o->id, to, now) < 0)
		return TRANSITION_ERROR;
	o->status = order_statuses[to];
	o->updated_at = now;
	return TRANSITION_OK;
}

enum transition_result
order_cancel(struct db *db, struct arena *a, long long id,
    enum order_actor actor, const char *note, long long now)
{
	struct order o;
	int rc;

	if ((rc = db_order_by_id(db, a, id, &o)) != 0)
		return rc < 0 ? TRANSITION_ERROR : TRANSITION_REFUSED;
	return order_transition(db, &o, ORDER_CANCELLED, actor, note, now);
}
