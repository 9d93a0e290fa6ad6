/* order_hdf.c — see order_hdf.h. */
#include <stddef.h>
#include <string.h>

#include "cart.h"
#include "db_catalog_text.h"
#include "detail.h"
#include "l10n.h"
#include "store_conf.h"
#include "money.h"
#include "order_hdf.h"
#include "pay.h"

/* <pre>.lines.<i>.<field> = v */
static void
put_num(HDF *h, struct arena *a, const char *pre, size_t i, const char *field,
    long long v)
{
	hdf_putf(h, arena_printf(a, "%lld", v), "%s.lines.%zu.%s", pre, i, field);
}

/* Why a cart line cannot be bought as it is, or NULL. */
static const char *
line_problem(const struct cart_line *l)
{
	if (!l->on_sale)
		return "withdrawn";
	if (l->max_qty == 0)
		return "sold_out";
	if (l->stock >= 0 && l->qty > l->stock)
		return "left";
	return l->qty > l->max_qty ? "max" : NULL;
}

void
cart_put(struct ctx *c, const char *pre, const struct cart *cart)
{
	HDF *h = c->hdf;
	struct arena *a = &c->arena;

	for (size_t i = 0; i < cart->n; i++) {
		const struct cart_line *l = &cart->lines[i];
		const char *problem = line_problem(l), *name = l->name;

		if (db_text_name(c->db, a, c->lang, l->product_id, &name) < 0)
			name = l->name;	/* logged; the default text will do */

		put_num(h, a, pre, i, "id", l->id);
		put_num(h, a, pre, i, "product", l->product_id);
		hdf_putf(h, l->slug, "%s.lines.%zu.slug", pre, i);
		hdf_putf(h, name, "%s.lines.%zu.name", pre, i);
		hdf_putf(h, l->kind, "%s.lines.%zu.kind", pre, i);
		put_num(h, a, pre, i, "months", l->months);
		put_num(h, a, pre, i, "days", l->days);
		put_num(h, a, pre, i, "qty", l->qty);
		put_num(h, a, pre, i, "max", l->max_qty);
		put_num(h, a, pre, i, "cap", cart_max_qty(l->kind, -1));
		put_num(h, a, pre, i, "stock", l->stock);
		hdf_putf(h, money_arena(a, l->unit_minor, c->lang), "%s.lines.%zu.unit",
		    pre, i);
		hdf_putf(h, money_arena(a, l->line_minor, c->lang), "%s.lines.%zu.total",
		    pre, i);
		if (problem != NULL)
			hdf_putf(h, problem, "%s.lines.%zu.problem", pre, i);
	}
	hdf_putf(h, arena_printf(a, "%lld", cart->count), "%s.count", pre);
	hdf_putf(h, arena_printf(a, "%zu", cart->n), "%s.nlines", pre);
	hdf_putf(h, money_arena(a, cart->subtotal_minor, c->lang), "%s.subtotal", pre);
	hdf_putf(h, cart->nphysical ? "1" : "0", "%s.physical", pre);
	hdf_putf(h, arena_printf(a, "%zu", cart->problems), "%s.problems", pre);
	hdf_putf(h, arena_printf(a, "%lld", cart->max_units), "%s.max_units", pre);
	if (cart->count > cart->max_units)
		hdf_putf(h, "1", "%s.over_units", pre);
}

/* The node name under h, made when missing; NULL on error (logged).
 * Values set on it are found from it: no walk from the tree's root and
 * no formatted path per value (order_put was most of the order mails'
 * HDF work). */
static HDF *
node(HDF *h, const char *name)
{
	HDF *n;

	return neo_check(hdf_get_node(h, name, &n), name) < 0 ? NULL : n;
}

/* The node <i> under h (node()). */
static HDF *
item(HDF *h, size_t i)
{
	char num[BUF_INT_MAX];

	fmt_int(num, (long long)i);
	return node(h, num);
}

/* next.*: what happens after this order is placed, for the kinds of
 * line it holds (the timeline of the order page and mail): .physical,
 * .subscription, .digital (1 when the order has such a line), .cod,
 * .check_hours and .ship_days (store settings), and .stage: 0 before the
 * payment is checked, 1 once it is (paid), 2 once delivered (completed);
 * no .next for a cancelled or refunded order.  top: the order's node. */
static void
put_next(HDF *top, const struct order *o)
{
	int st = order_status_parse(o->status), stage;
	HDF *n;

	if (st == ORDER_CANCELLED || st == ORDER_REFUNDED || st < 0 ||
	    (n = node(top, "next")) == NULL)
		return;
	stage = st == ORDER_COMPLETED ? 2 : st == ORDER_PAID ? 1 : 0;
	for (size_t i = 0; i < o->nlines; i++)
		hdf_put(n, o->lines[i].kind, "1");
	hdf_put(n, "cod", strcmp(o->method, "cod") == 0 ? "1" : "0");
	hdf_put_int(n, "check_hours", conf_int(CONF_ORDER_CHECK_HOURS));
	hdf_put_int(n, "ship_days", conf_int(CONF_ORDER_SHIP_DAYS));
	hdf_put_int(n, "stage", stage);
}

/* lines.N.* of order o under top, amounts in language l. */
static void
put_lines(HDF *top, struct arena *a, enum lang l, const struct order *o)
{
	HDF *lines = o->nlines ? node(top, "lines") : NULL;

	for (size_t i = 0; lines != NULL && i < o->nlines; i++) {
		const struct order_line *ol = &o->lines[i];
		HDF *n = item(lines, i), *details;

		if (n == NULL)
			return;
		hdf_put(n, "name", ol->name);
		hdf_put(n, "kind", ol->kind);
		hdf_put_int(n, "months", ol->months);
		hdf_put_int(n, "days", ol->days);
		hdf_put_int(n, "qty", ol->qty);
		hdf_put(n, "unit", money_arena(a, ol->unit_minor, l));
		hdf_put(n, "total", money_arena(a, ol->line_minor, l));
		details = ol->ndetails ? node(n, "details") : NULL;
		for (size_t k = 0; details != NULL && k < ol->ndetails; k++) {
			const struct order_detail *d = &ol->details[k];
			HDF *dn = item(details, k);

			if (dn == NULL)
				return;
			hdf_put(dn, "label", lang_text(d->labels, l, d->label));
			hdf_put(dn, "value", d->value);
		}
	}
}

/* events.N.* of order o under top, times in language l. */
static void
put_events(HDF *top, struct arena *a, enum lang l, const struct order *o)
{
	HDF *events = o->nevents ? node(top, "events") : NULL;

	for (size_t i = 0; events != NULL && i < o->nevents; i++) {
		const struct order_event *e = &o->events[i];
		HDF *n = item(events, i);

		if (n == NULL)
			return;
		hdf_put(n, "status", e->status);
		hdf_put(n, "note", e->note);
		hdf_put(n, "status_text", pay_status_text(o->method, e->status));
		hdf_put(n, "at", l10n_time_a(a, e->at, l, L10N_DATETIME));
	}
}

/* pay.rows.N.* under top: the instructions of o's method m, each row's
 * label in language l (Lang.pay.label.<key>, "" when missing, or the
 * row's own name): templates print r.label, where looking the key up
 * per row was the rows' dearest part (callgrind). */
static void
put_pay_rows(HDF *top, enum lang l, const struct pay_method *m,
    const struct order *o)
{
	HDF *labels = hdf_get_obj(tmpl_hdf(l), "Lang.pay.label");
	struct pay_rows rows = { .n = 0 };
	HDF *list;

	m->instructions(o, &rows);
	if (rows.n == 0 || (list = node(top, "pay.rows")) == NULL)
		return;
	for (size_t i = 0; i < rows.n; i++) {
		HDF *n = item(list, i);

		if (n == NULL)
			return;
		hdf_put(n, "label", rows.row[i].key == NULL ? rows.row[i].name :
		    labels == NULL ? "" : hdf_get_value(labels, rows.row[i].key,
		    ""));
		hdf_put(n, "value", rows.row[i].value);
		if (rows.row[i].holder[0] != '\0')
			hdf_put(n, "holder", rows.row[i].holder);
		if (rows.row[i].copy)
			hdf_put(n, "copy", "1");
	}
}

void
order_put(HDF *h, struct arena *a, enum lang l, const char *pre,
    const struct order *o)
{
	const struct pay_method *m = pay_get(o->method);
	static const struct { const char *name; size_t off; } text[] = {
		{ "reference", offsetof(struct order, reference) },
		{ "token", offsetof(struct order, token) },
		{ "status", offsetof(struct order, status) },
		{ "method", offsetof(struct order, method) },
		{ "coupon", offsetof(struct order, coupon_code) },
		{ "name", offsetof(struct order, name) },
		{ "email", offsetof(struct order, email) },
		{ "phone", offsetof(struct order, phone) },
		{ "country", offsetof(struct order, country) },
		{ "address", offsetof(struct order, address) },
		{ "city", offsetof(struct order, city) },
		{ "postal", offsetof(struct order, postal) },
	};
	HDF *top = node(h, pre);

	if (top == NULL)
		return;
	for (size_t i = 0; i < sizeof(text) / sizeof(text[0]); i++)
		hdf_put(top, text[i].name,
		    *(const char *const *)((const char *)o + text[i].off));
	hdf_put_int(top, "id", o->id);
	hdf_put(top, "url", arena_printf(a, "%s/order/%s",
	    conf_str(CONF_BASE_URL), o->token));
	hdf_put(top, "subtotal", money_arena(a, o->subtotal_minor, l));
	hdf_put(top, "discount", money_arena(a, o->discount_minor, l));
	hdf_put(top, "total", money_arena(a, o->total_minor, l));
	hdf_put(top, "has_discount", o->discount_minor > 0 ? "1" : "0");
	hdf_put(top, "status_text", pay_status_text(o->method, o->status));
	if (*o->delivery_name != '\0') {
		hdf_put(top, "has_delivery", "1");
		hdf_put(top, "delivery", money_arena(a, o->delivery_minor, l));
		hdf_put(top, "delivery_free", o->delivery_minor == 0 ? "1" : "0");
		hdf_put(top, "delivery_name",
		    lang_text(o->delivery_names, l, o->delivery_name));
		hdf_put_int(top, "delivery_min", o->delivery_min_days);
		hdf_put_int(top, "delivery_max", o->delivery_max_days);
	}
	if (pay_deadline_after(o->method) > 0)
		hdf_put(top, "pay.deadline", l10n_time_a(a, o->created_at +
		    pay_deadline_after(o->method), l, L10N_DATETIME));
	hdf_put(top, "created", l10n_time_a(a, o->created_at, l,
	    L10N_DATETIME));
	hdf_put_int(top, "proofs", (long long)o->nproofs);
	hdf_put(top, "takes_proof", m && m->takes_proof ? "1" : "0");
	put_lines(top, a, l, o);
	put_next(top, o);
	put_events(top, a, l, o);
	if (m != NULL)
		put_pay_rows(top, l, m, o);
}
