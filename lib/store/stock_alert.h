/* stock_alert.h — the low-stock alert mail (docs/admin.md "Low stock").
 *
 * When an order takes a product's stock from above the low_stock
 * threshold to at most it, every active admin account (none: the shop's
 * own address, shop_email) gets one mail in its language, queued in the
 * placement's transaction.  The check compares the stock before and after
 * this order inside that BEGIN IMMEDIATE transaction, so each crossing
 * mails once: later orders find the stock already at or below the
 * threshold and mail nothing, until a restock (a cancelled order, staff)
 * takes it above again. */
#ifndef SOUK_STOCK_ALERT_H
#define SOUK_STOCK_ALERT_H
#include "arena.h"
#include "db.h"

/* Inside the placement's transaction of order_id, after its stock was
 * taken: queues the alert of each product it took below the threshold.
 * The number of products alerted, or -1 (the caller rolls back). */
int	stock_alert_order(struct db *, struct arena *, long long order_id);

#endif
