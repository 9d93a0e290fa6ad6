/* dashboard.c — the dashboard (docs/admin.md "Dashboard"): the figures
 * of a date range (presets or from/to, in the store's time zone) and a
 * product kind or category, read from the daily figures (db_stats.h),
 * charts drawn as SVG (charts.c) each with its table; the orders to
 * treat, the recent ones and the products low on stock. */
#include <string.h>
#include <time.h>

#include "admin.h"
#include "db_catalog.h"
#include "db_products.h"
#include "db_stats.h"
#include "order_stats.h"
#include "site.h"
#include "store_conf.h"

#define TOP_ROWS	10

/* The range, kind and category asked for into q (days in from/to);
 * 0, or -1 when they make no range (400). */
static int
read_query(struct ctx *c, struct stats_query *q, char *from, char *to)
{
	const struct val *r = app_val(c, KEY_RANGE);
	const char *f = adm_opt(c, KEY_FROM), *t = adm_opt(c, KEY_TO);
	enum stats_preset p = RANGE_30D;

	if (r->state == VAL_INVALID || app_val(c, KEY_DASH_KIND)->state ==
	    VAL_INVALID || app_val(c, KEY_DASH_CATEGORY)->state == VAL_INVALID ||
	    app_val(c, KEY_FROM)->state == VAL_INVALID ||
	    app_val(c, KEY_TO)->state == VAL_INVALID)
		return -1;
	if (r->state == VAL_OK)
		p = (enum stats_preset)r->i;
	if (f != NULL || t != NULL || p == RANGE_CUSTOM) {
		if (f == NULL || t == NULL)
			return -1;
		p = RANGE_CUSTOM;
		memcpy(from, f, STATS_DAY_LEN + 1);
		memcpy(to, t, STATS_DAY_LEN + 1);
	}
	if (stats_range(p, (long long)time(NULL), from, to) < 0)
		return -1;
	hdf_put(c->hdf, "Page.range", stats_presets[p]);
	hdf_put(c->hdf, "Page.from", from);
	hdf_put(c->hdf, "Page.to", to);
	q->from = from;
	q->to = to;
	q->kind = adm_opt(c, KEY_DASH_KIND) ? adm_opt(c, KEY_DASH_KIND) : "";
	q->category = app_val(c, KEY_DASH_CATEGORY)->state == VAL_OK ?
	    app_val(c, KEY_DASH_CATEGORY)->i : 0;
	hdf_put(c->hdf, "Page.kind", q->kind);
	hdf_put_int(c->hdf, "Page.category", q->category);
	return 0;
}

/* The category choices of the filter. */
static int
put_categories(struct ctx *c)
{
	struct category *cat;
	size_t n;

	if (db_category_all(c->db, &c->arena, &cat, &n) < 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		const char *p = arena_printf(&c->arena, "Page.cats.%zu", i);
		hdf_putf(c->hdf, cat[i].name, "%s.name", p);
		hdf_putf(c->hdf, arena_printf(&c->arena, "%lld", cat[i].id),
		    "%s.id", p);
	}
	return 0;
}

/* The figures of the range: revenue, orders, and the counts of today's
 * store (waiting orders, products, customers, low stock). */
static int
put_figures(struct ctx *c, const struct stats_query *q)
{
	static const struct stats_query ever = { "0000-00-00", "9999-99-99",
	    "", 0 };
	struct stats_row *r;
	size_t n;
	long long rev = 0, orders = 0, paid = 0, x;

	if (db_stats_read(c->db, &c->arena, q, STATS_BY_STATUS, NULL, 0, &r,
	    &n) < 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		orders += r[i].orders;
		for (size_t s = 0; stats_revenue_statuses[s]; s++)
			if (strcmp(r[i].key, stats_revenue_statuses[s]) == 0) {
				rev += r[i].revenue_minor;
				paid += r[i].orders;
			}
	}
	hdf_put(c->hdf, "Page.fig.revenue", site_money(c, rev));
	hdf_put_int(c->hdf, "Page.fig.revenue_minor", rev);
	hdf_put_int(c->hdf, "Page.fig.orders", orders);
	hdf_put_int(c->hdf, "Page.fig.paid", paid);
	if (db_stats_read(c->db, &c->arena, &ever, STATS_BY_STATUS,
	    stats_waiting_statuses, 0, &r, &n) < 0)
		return -1;
	for (size_t i = 0; i < n; i++)
		hdf_put_int(c->hdf, arena_printf(&c->arena, "Page.fig.%s",
		    r[i].key), r[i].orders);
	if ((x = db_count_products(c->db)) < 0)
		return -1;
	hdf_put_int(c->hdf, "Page.fig.products", x);
	if ((x = db_stats_customers(c->db)) < 0)
		return -1;
	hdf_put_int(c->hdf, "Page.fig.customers", x);
	if (db_stats_low_stock(c->db, &c->arena, conf_int(CONF_LOW_STOCK),
	    TOP_ROWS, &r, &n) < 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		const char *p = arena_printf(&c->arena, "Page.low.%zu", i);
		hdf_putf(c->hdf, r[i].key, "%s.name", p);
		hdf_putf(c->hdf, arena_printf(&c->arena, "%lld", r[i].units),
		    "%s.stock", p);
	}
	return 0;
}

int
page_dashboard(struct ctx *c)
{
	static const enum order_status todo[] = { ORDER_PROOF_RECEIVED,
	    ORDER_AWAITING_PAYMENT };
	struct staff_order_filter f = { .limit = 10 };
	struct stats_query q;
	char from[STATS_DAY_LEN + 1], to[STATS_DAY_LEN + 1];

	if (read_query(c, &q, from, to) < 0)
		return app_error(c, 400, "bad_range");
	if (put_categories(c) < 0 || put_figures(c, &q) < 0 ||
	    adm_put_charts(c, &q) < 0)
		return 500;
	for (size_t i = 0; i < sizeof(todo) / sizeof(todo[0]); i++) {
		f.status = order_statuses[todo[i]];
		if (adm_put_orders(c, arena_printf(&c->arena, "Page.todo.%s",
		    f.status), &f) < 0)
			return 500;
	}
	f.status = NULL;
	if (adm_put_orders(c, "Page.recent", &f) < 0)
		return 500;
	return app_render(c, 200, "admin/dashboard");
}
