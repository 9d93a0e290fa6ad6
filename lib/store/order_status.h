/* order_status.h — what delivery does when an order's status changes, and
 * (until the lifecycle branch lands) the one function that changes it.
 *
 * delivery_on_status() is the hook: called inside the transaction of every
 * status change, after the change, it grants entitlements and starts or
 * extends subscriptions (assigning pool credentials) when the order
 * becomes paid, and revokes them when it is cancelled or refunded.  With
 * the lifecycle's order_transition(), call it there after db_order_move()
 * and drop order_status_set(). */
#ifndef SOUK_ORDER_STATUS_H
#define SOUK_ORDER_STATUS_H
#include "db.h"

/* Inside the caller's transaction; 0 or -1 (the caller rolls back). */
int	delivery_on_status(struct db *, long long order_id, const char *to);

enum status_set {
	STATUS_SET_ERROR = -1,
	STATUS_SET_OK = 0,
	STATUS_SET_NONE,	/* no such order */
	STATUS_SET_REFUSED,	/* not a change the lifecycle allows */
	STATUS_SET_STALE,	/* changed by someone else meanwhile */
};
/* Staff (soukctl order set): moves order id to status `to` in one BEGIN
 * IMMEDIATE transaction with its history entry and delivery_on_status().
 * Allowed: awaiting_payment/proof_received -> paid/cancelled, paid ->
 * completed/refunded, completed -> refunded. */
enum status_set order_status_set(struct db *, long long id, const char *to);

#endif
