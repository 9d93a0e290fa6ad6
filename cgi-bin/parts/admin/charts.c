/* charts.c — the dashboard's charts: each one SVG (chart_svg.h) in
 * Page.chart.<id>.svg and the same figures as rows (Page.chart.<id>.rows)
 * for its table; a chart without data puts no SVG (the page says so). */
#include <string.h>

#include "admin.h"
#include "chart_svg.h"
#include "db_stats.h"
#include "order_stats.h"
#include "site.h"

/* One chart's description. */
struct chart_def {
	const char		*id;
	enum stats_group	 group;
	int			 money;		/* values: revenue, else orders */
	int			 revenue_only;	/* paid and completed orders */
	size_t			 limit;
	enum chart_kind		 kind;
	const char		*label_of;	/* Lang node naming keys, or NULL */
	const char		*label_leaf;	/* below each key ("name"), or "" */
};

/* A row's label: a Lang name for statuses and methods, a name (or the
 * words for "none") for products and categories, the day otherwise. */
static const char *
label(struct ctx *c, const struct chart_def *d, const struct stats_row *r)
{
	if (d->label_of != NULL)
		return hdf_get_value(c->hdf, arena_printf(&c->arena, "%s.%s%s",
		    d->label_of, r->key, d->label_leaf), r->key);
	if (*r->key == '\0')
		return hdf_get_value(c->hdf, d->group == STATS_BY_PRODUCT ?
		    "Lang.dash.gone" : "Lang.dash.no_category", "-");
	return r->key;
}

/* Draws chart d of q; 0 or -1. */
static int
put_chart(struct ctx *c, const struct chart_def *d,
    const struct stats_query *q)
{
	const char *pre = arena_printf(&c->arena, "Page.chart.%s", d->id);
	struct chart_point *pt;
	struct stats_row *r;
	struct buf svg = { 0 };
	size_t n;
	const char *title;

	if (db_stats_read(c->db, &c->arena, q, d->group, d->revenue_only ?
	    stats_revenue_statuses : NULL, d->limit, &r, &n) < 0)
		return -1;
	if (n == 0)
		return 0;
	if ((pt = arena_alloc(&c->arena, n * sizeof(*pt))) == NULL)
		return -1;
	for (size_t i = 0; i < n; i++) {
		const char *p = arena_printf(&c->arena, "%s.rows.%zu", pre, i);
		pt[i].label = label(c, d, &r[i]);
		pt[i].value = d->money ? r[i].revenue_minor : r[i].orders;
		pt[i].value_text = d->money ? site_money(c, pt[i].value) :
		    arena_printf(&c->arena, "%lld", pt[i].value);
		hdf_putf(c->hdf, pt[i].label, "%s.label", p);
		hdf_putf(c->hdf, pt[i].value_text, "%s.value", p);
		if (d->group == STATS_BY_PRODUCT)
			hdf_putf(c->hdf, arena_printf(&c->arena, "%lld",
			    r[i].units), "%s.units", p);
	}
	title = hdf_get_value(c->hdf, arena_printf(&c->arena,
	    "Lang.dash.chart.%s", d->id), d->id);
	if (chart_svg(&svg, d->kind, title, arena_printf(&c->arena, "%s: %s – %s",
	    title, q->from, q->to), pt, n) < 0 || svg.data == NULL) {
		buf_free(&svg);
		return -1;
	}
	hdf_putf(c->hdf, svg.data, "%s.svg", pre);
	buf_free(&svg);
	return 0;
}

int
adm_put_charts(struct ctx *c, const struct stats_query *q)
{
	static const enum stats_group buckets[] = { STATS_BY_DAY,
	    STATS_BY_WEEK, STATS_BY_MONTH };
	static const char *const bucket_names[] = { "day", "week", "month" };
	int b = stats_bucket(stats_days(q->from, q->to));
	const struct chart_def defs[] = {
		{ "revenue", buckets[b], 1, 1, 0, CHART_COLUMNS, NULL, "" },
		{ "status", STATS_BY_STATUS, 0, 0, 0, CHART_BARS,
		    "Lang.order.status", "" },
		{ "products", STATS_BY_PRODUCT, 1, 1, 10, CHART_BARS, NULL, "" },
		{ "categories", STATS_BY_CATEGORY, 1, 1, 10, CHART_BARS, NULL,
		    "" },
		{ "methods", STATS_BY_METHOD, 1, 1, 0, CHART_BARS, "Lang.pay",
		    ".name" },
	};

	hdf_put(c->hdf, "Page.bucket", bucket_names[b]);
	for (size_t i = 0; i < sizeof(defs) / sizeof(defs[0]); i++)
		if (put_chart(c, &defs[i], q) < 0)
			return -1;
	return 0;
}
