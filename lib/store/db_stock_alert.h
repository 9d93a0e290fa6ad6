/* db_stock_alert.h — what the low-stock alert (stock_alert.h) reads:
 * the products an order has just taken below the threshold, and the
 * admins it tells.  Strings live in the caller's arena. */
#ifndef SOUK_DB_STOCK_ALERT_H
#define SOUK_DB_STOCK_ALERT_H
#include <stddef.h>

#include "arena.h"
#include "db.h"

struct low_stock {
	long long	 product_id, stock;
	const char	*name, *slug;
};

/* Inside the placement's transaction, after order_id took its units: the
 * products counting stock that now have at most `at_most` units and had
 * more before this order (stock + the order's units > at_most). */
int	db_stock_crossed(struct db *, struct arena *, long long order_id,
	    long long at_most, struct low_stock **, size_t *);

struct staff_addr {
	const char	*email, *lang;
};
/* The addresses of the active admin accounts, oldest first. */
int	db_stock_admins(struct db *, struct arena *, struct staff_addr **,
	    size_t *);

#endif
