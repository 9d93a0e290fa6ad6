/* orders.c — the order list with its filters and keyset pages, and its
 * CSV export streamed in constant memory. */
#include <stdio.h>
#include <string.h>

#include "admin.h"
#include "csv.h"
#include "log.h"
#include "money.h"
#include "pay.h"
#include "site.h"
#include "store_conf.h"
#include "url.h"

#define LIST_ROWS	50	/* orders per page */

/* The order actions, their target status, history note and audit name. */
const char *const adm_order_acts[] = {
	"confirm", "reject", "complete", "cancel", NULL
};
const struct adm_order_move adm_order_moves[] = {
	{ ORDER_PAID, "staff_paid" },
	{ ORDER_AWAITING_PAYMENT, "proof_rejected" },
	{ ORDER_COMPLETED, "staff_completed" },
	{ ORDER_CANCELLED, "staff_cancelled" },
};

/* The order list's filters from the query (also into Page.f.* for the
 * form and the links).  Returns 0, or 400 when a filter is malformed. */
static int
read_filter(struct ctx *c, struct staff_order_filter *f)
{
	static const int shown[] = { KEY_STATUS, KEY_METHOD, KEY_FROM, KEY_TO,
	    KEY_Q };

	memset(f, 0, sizeof(*f));
	for (size_t i = 0; i < sizeof(shown) / sizeof(shown[0]); i++) {
		const struct val *v = app_val(c, shown[i]);
		if (v->state == VAL_INVALID && v->raw != NULL && *v->raw != '\0')
			return app_error(c, 400, v->err);
		if (v->state == VAL_OK)
			hdf_putf(c->hdf, v->s, "Page.f.%s", adm_keys[shown[i]].name);
	}
	f->status = adm_opt(c, KEY_STATUS);
	f->method = adm_opt(c, KEY_METHOD);
	f->q = adm_opt(c, KEY_Q);
	if (adm_opt(c, KEY_FROM) && (f->from = adm_local_day(adm_opt(c, KEY_FROM), 0)) == 0)
		return app_error(c, 400, "date");
	if (adm_opt(c, KEY_TO) && (f->to = adm_local_day(adm_opt(c, KEY_TO), 1)) == 0)
		return app_error(c, 400, "date");
	if (app_val(c, KEY_BEFORE)->state == VAL_OK)
		f->before = app_val(c, KEY_BEFORE)->i;
	return 0;
}

/* The query string of the current filters (for "next page" and export). */
static const char *
filter_query(struct ctx *c)
{
	static const int shown[] = { KEY_STATUS, KEY_METHOD, KEY_FROM, KEY_TO,
	    KEY_Q };
	struct buf b = { 0 };
	const char *out;

	for (size_t i = 0; i < sizeof(shown) / sizeof(shown[0]); i++)
		if (adm_opt(c, shown[i]) != NULL) {
			buf_printf(&b, "%s%s=", b.len ? "&" : "",
			    adm_keys[shown[i]].name);
			url_encode(&b, adm_opt(c, shown[i]));
		}
	out = arena_strdup(&c->arena, b.data ? b.data : "");
	buf_free(&b);
	return out;
}

struct list_put {
	struct ctx	*c;
	const char	*prefix;
	size_t		 n;
	long long	 last;
};

/* db_staff_orders_each callback: row n into <prefix>.<n>.*. */
static int
put_row(const struct staff_order_row *r, void *arg)
{
	struct list_put *lp = arg;
	struct ctx *c = lp->c;
	const char *p = arena_printf(&c->arena, "%s.%zu", lp->prefix, lp->n++);

	hdf_putf(c->hdf, arena_printf(&c->arena, "%lld", r->id), "%s.id", p);
	hdf_putf(c->hdf, r->reference, "%s.reference", p);
	hdf_putf(c->hdf, r->status, "%s.status", p);
	hdf_putf(c->hdf, r->method, "%s.method", p);
	hdf_putf(c->hdf, r->name, "%s.name", p);
	hdf_putf(c->hdf, r->email, "%s.email", p);
	hdf_putf(c->hdf, r->phone, "%s.phone", p);
	hdf_putf(c->hdf, site_money(c, r->total_minor), "%s.total", p);
	hdf_putf(c->hdf, adm_when(c, r->created_at), "%s.created", p);
	hdf_putf(c->hdf, arena_printf(&c->arena, "%lld", r->nproofs),
	    "%s.proofs", p);
	lp->last = r->id;
	return 0;
}

/* Orders matching f into prefix; the number put, or -1. */
long long
adm_put_orders(struct ctx *c, const char *prefix, struct staff_order_filter *f)
{
	struct list_put lp = { c, prefix, 0, 0 };

	if (db_staff_orders_each(c->db, &c->arena, f, put_row, &lp) < 0)
		return -1;
	if (f->limit > 0 && lp.n == (size_t)f->limit)
		hdf_putf(c->hdf, arena_printf(&c->arena, "%lld", lp.last),
		    "%s_next", prefix);
	return (long long)lp.n;
}

int
page_orders(struct ctx *c)
{
	struct staff_order_filter f;
	int st;

	if ((st = read_filter(c, &f)) != 0)
		return st;
	f.limit = LIST_ROWS;
	if (adm_put_orders(c, "Page.orders", &f) < 0)
		return 500;
	hdf_put(c->hdf, "Page.query", filter_query(c));
	for (int i = 0; order_statuses[i] != NULL; i++)
		hdf_putf(c->hdf, order_statuses[i], "Page.statuses.%d", i);
	for (int i = 0; pay_ids[i] != NULL; i++)
		hdf_putf(c->hdf, pay_ids[i], "Page.methods.%d", i);
	return app_render(c, 200, "admin/orders");
}

struct csv_out {
	struct ctx	*c;
	struct buf	 b;
	struct arena	*scratch;
	int		 failed;
};

/* db_staff_orders_each callback: one CSV record, flushed every 32 kB. */
static int
csv_row(const struct staff_order_row *r, void *arg)
{
	struct csv_out *o = arg;
	char total[64], when[32];
	struct tm tm;
	time_t t = (time_t)r->created_at;
	const char *f[8];

	localtime_r(&t, &tm);
	strftime(when, sizeof(when), "%Y-%m-%d %H:%M", &tm);
	money_plain(total, sizeof(total), r->total_minor,
	    conf_currency_decimals(r->currency));
	f[0] = r->reference; f[1] = when; f[2] = r->status; f[3] = r->method;
	f[4] = total; f[5] = r->name; f[6] = r->email; f[7] = r->phone;
	for (int i = 0; i < 8; i++) {
		if (i)
			buf_putc(&o->b, ',');
		csv_put_field(&o->b, f[i]);
	}
	buf_puts(&o->b, "\r\n");
	arena_reset(o->scratch);
	if (o->b.len >= 32768) {
		if (io_write(o->c->req.io, o->b.data, o->b.len) < 0)
			return o->failed = 1;
		buf_reset(&o->b);
	}
	return 0;
}

/* The filtered list as CSV, streamed in constant memory. */
int
page_export(struct ctx *c)
{
	struct staff_order_filter f;
	struct arena scratch;
	struct csv_out o = { c, { 0 }, &scratch, 0 };
	int st, rc;

	if ((st = read_filter(c, &f)) != 0)
		return st;
	c->resp.status = 200;
	c->resp.content_type = "text/csv; charset=utf-8";
	resp_header(&c->resp, "Content-Disposition",
	    "attachment; filename=\"orders.csv\"");
	if (resp_stream(&c->resp, c->req.io) < 0)
		return 500;
	if (c->req.method == METHOD_HEAD)
		return 200;
	arena_init(&scratch, 4096);
	buf_puts(&o.b, "reference,created,status,method,total,name,email,"
	    "phone\r\n");
	rc = db_staff_orders_each(c->db, &scratch, &f, csv_row, &o);
	if (rc == 0 && !o.failed && o.b.len)
		rc = io_write(c->req.io, o.b.data, o.b.len);
	buf_free(&o.b);
	arena_free(&scratch);
	if (rc < 0 || o.failed)
		log_error("export: the CSV stopped early");
	return 200;
}

