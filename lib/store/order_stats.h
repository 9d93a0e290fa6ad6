/* order_stats.h — the rules of the dashboard's figures (docs/admin.md
 * "Dashboard"): what counts as revenue, the date ranges, the buckets.
 * The figures themselves are pre-aggregated per day (db_stats.h) in the
 * same transaction as each order change: order_place() files a new
 * order, order_transition() moves its figures to the new status, so
 * every path (checkout, gateways, admin, soukctl, cron) keeps them
 * right; `soukctl stats rebuild` recomputes them from the orders. */
#ifndef SOUK_ORDER_STATS_H
#define SOUK_ORDER_STATS_H

#include "db.h"
#include "order.h"

/* The statuses whose totals are revenue (paid, completed), and those of
 * orders still waiting for their money (awaiting payment, proof
 * received); NULL-terminated. */
extern const char *const stats_waiting_statuses[];

/* Inside the placement's transaction: new order o's figures under
 * o->status (db_stats_placed: o as written, its lines filed in their
 * categories by db_order_place or db_order_insert; in a batch, summed
 * with the batch's and written before it commits); 0 or -1. */
int		 order_stats_placed(struct db *, const struct order *o);
/* Inside order_transition's transaction: moves order id's figures from
 * status `from` to status `to`; 0 or -1. */
int		 order_stats_moved(struct db *, long long id, const char *from,
		    const char *to);
/* Recomputes every figure from the orders in one transaction; 0 or -1. */
int		 order_stats_rebuild(struct db *);
/* For bulk writers of this process only (soukctl bench-data): from now
 * on order_stats_placed() and
 * order_stats_moved() file nothing, until
 * order_stats_resume() recomputes every figure (order_stats_rebuild(),
 * its own transaction; 0 or -1).  No program serving requests calls
 * them: the figures are stale between the two. */
void		 order_stats_defer(void);
int		 order_stats_resume(struct db *);

/* The range presets, in the store's time zone. */
enum stats_preset {
	RANGE_TODAY,
	RANGE_7D,	/* today and the 6 days before */
	RANGE_30D,
	RANGE_MONTH,	/* this month up to today */
	RANGE_LAST_MONTH,
	RANGE_YEAR,	/* this year up to today */
	RANGE_CUSTOM,
	RANGE__MAX
};
/* Their names ("today", "7d", "30d", "month", "last_month", "year",
 * "custom"), NULL-terminated. */
extern const char *const stats_presets[];

#define STATS_DAY_LEN 10	/* "YYYY-MM-DD" */

/* Days of preset p at unix time now into from and to
 * (char[STATS_DAY_LEN + 1]); RANGE_CUSTOM checks and keeps from and to
 * as given.  0, or -1 when a custom day is not a date or from > to. */
int		 stats_range(enum stats_preset p, long long now, char *from,
		    char *to);
/* Number of days from `from` to `to` inclusive (valid days), >= 1. */
long long	 stats_days(const char *from, const char *to);

/* The bucket a chart of a range of `days` days uses: 0 day, 1 week,
 * 2 month (at most about 62 bars). */
int		 stats_bucket(long long days);

#endif
