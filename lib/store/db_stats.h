/* db_stats.h — the order figures (order_stats per day, order_stats_month,
 * order_stats_sold per product and day, block of days, month and year;
 * migrations 017, 034, 035, 037 and 038) and the dashboard's reads of
 * them.  The rules of when they change are in order_stats.h; days are
 * 'YYYY-MM-DD' in the store's time zone (the process's TZ, from the
 * timezone setting). */
#ifndef SOUK_DB_STATS_H
#define SOUK_DB_STATS_H
#include <stddef.h>

#include "arena.h"
#include "db.h"
#include "order.h"

/* The statuses whose orders count as revenue ("paid", "completed", NULL);
 * the top products count only these (order_stats_sold). */
extern const char *const stats_revenue_statuses[];

/* Inside the caller's transaction: adds new order o's figures under
 * o->status, from o as it was written (its created_at, method and total,
 * its lines with the category_id they were filed under; nothing is read
 * back).  Outside a batch (db_batch_open) they are written now.  Inside
 * a request's savepoint of one, they are summed with the figures of the
 * batch's other orders and each row is written once, just before the
 * batch commits (db_batch_hook): the order's rows join the sum only when
 * its savepoint is released (a refused order's never do), and the sum
 * goes with the batch if it is lost.  0 or -1. */
int		 db_stats_placed(struct db *, const struct order *o);
/* Inside the caller's transaction: adds (sign 1) or takes away (sign -1)
 * order id's figures under status (rows brought to zero stay, the
 * reads leave them out); 0 or -1. */
int		 db_stats_order(struct db *, long long id, int sign,
		    const char *status);
/* Empties the tables and recomputes them from every order, inside the
 * caller's transaction; 0 or -1. */
int		 db_stats_rebuild(struct db *);

/* What the dashboard asks: days [from, to] ('YYYY-MM-DD', inclusive),
 * kind ("" all) and category (0 all, -1 none). */
struct stats_query {
	const char	*from, *to;
	const char	*kind;
	long long	 category;
};

/* One row of a grouped read: key (a day, week or month start, a
 * status, a method, a product or category name) and its sums. */
struct stats_row {
	const char	*key;
	long long	 id;		/* product or category id, else 0 */
	long long	 orders, units, revenue_minor;
};

/* How a read groups its rows. */
enum stats_group {
	STATS_BY_DAY,
	STATS_BY_WEEK,		/* key: the Monday of the week */
	STATS_BY_MONTH,		/* key: 'YYYY-MM-01' */
	STATS_BY_STATUS,
	STATS_BY_METHOD,
	STATS_BY_CATEGORY,	/* key: the category's name ('' for none) */
	STATS_BY_PRODUCT,	/* key: the product's name ('' when gone) */
	STATS_GROUP__MAX
};

/* Rows of q grouped by g (arena), only statuses in `statuses` (a
 * NULL-terminated list, NULL for all; STATS_BY_PRODUCT: always the
 * revenue statuses): days, weeks and months in time
 * order, the others by revenue then orders, most first, at most limit
 * rows (0: no limit).  *out, *n; 0 or -1. */
int		 db_stats_read(struct db *, struct arena *,
		    const struct stats_query *q, enum stats_group g,
		    const char *const *statuses, size_t limit,
		    struct stats_row **out, size_t *n);

/* The highest order id (0: none), or -1. */
long long	 db_stats_last_order(struct db *);
/* Number of customer accounts, or -1. */
long long	 db_stats_customers(struct db *);
/* Active products counting stock with at most at_most units left, fewest
 * first, at most limit (key: name, id: product id, units: stock). */
int		 db_stats_low_stock(struct db *, struct arena *,
		    long long at_most, size_t limit, struct stats_row **out,
		    size_t *n);

#endif
