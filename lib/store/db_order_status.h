/* db_order_status.h — the status change of an order, until the lifecycle
 * branch's order_transition() replaces it (order_status.h). */
#ifndef SOUK_DB_ORDER_STATUS_H
#define SOUK_DB_ORDER_STATUS_H
#include "db.h"

/* Inside the caller's transaction: order id from status `from` to `to`
 * with a history entry (note: a Lang.order.note key).  0, 1 when the
 * order is no longer in `from` (nothing written), -1 on error. */
int	db_order_status_move(struct db *, long long id, const char *from,
	    const char *to, const char *note, long long now);

#endif
