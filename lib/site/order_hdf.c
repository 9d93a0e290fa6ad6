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

/* <pre>.next: what happens after this order is placed, for the kinds of
 * line it holds (the timeline of the order page and mail): .physical,
 * .subscription, .digital (1 when the order has such a line), .cod,
 * .check_hours and .ship_days (store settings), and .stage: 0 before the
 * payment is checked, 1 once it is (paid), 2 once delivered (completed);
 * no .next for a cancelled or refunded order. */
static void
put_next(HDF *h, struct arena *a, const char *pre, const struct order *o)
{
	int st = order_status_parse(o->status), stage;

	if (st == ORDER_CANCELLED || st == ORDER_REFUNDED || st < 0)
		return;
	stage = st == ORDER_COMPLETED ? 2 : st == ORDER_PAID ? 1 : 0;
	for (size_t i = 0; i < o->nlines; i++)
		hdf_putf(h, "1", "%s.next.%s", pre, o->lines[i].kind);
	hdf_putf(h, strcmp(o->method, "cod") == 0 ? "1" : "0", "%s.next.cod",
	    pre);
	hdf_putf(h, arena_printf(a, "%lld", conf_int(CONF_ORDER_CHECK_HOURS)),
	    "%s.next.check_hours", pre);
	hdf_putf(h, arena_printf(a, "%lld", conf_int(CONF_ORDER_SHIP_DAYS)),
	    "%s.next.ship_days", pre);
	hdf_putf(h, arena_printf(a, "%d", stage), "%s.next.stage", pre);
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

	for (size_t i = 0; i < sizeof(text) / sizeof(text[0]); i++)
		hdf_putf(h, *(const char *const *)((const char *)o + text[i].off),
		    "%s.%s", pre, text[i].name);
	hdf_putf(h, arena_printf(a, "%lld", o->id), "%s.id", pre);
	hdf_putf(h, arena_printf(a, "%s/order/%s", conf_str(CONF_BASE_URL),
	    o->token), "%s.url", pre);
	hdf_putf(h, money_arena(a, o->subtotal_minor, l), "%s.subtotal", pre);
	hdf_putf(h, money_arena(a, o->discount_minor, l), "%s.discount", pre);
	hdf_putf(h, money_arena(a, o->total_minor, l), "%s.total", pre);
	hdf_putf(h, o->discount_minor > 0 ? "1" : "0", "%s.has_discount", pre);
	hdf_putf(h, pay_status_text(o->method, o->status), "%s.status_text", pre);
	if (*o->delivery_name != '\0') {
		hdf_putf(h, "1", "%s.has_delivery", pre);
		hdf_putf(h, money_arena(a, o->delivery_minor, l), "%s.delivery",
		    pre);
		hdf_putf(h, o->delivery_minor == 0 ? "1" : "0",
		    "%s.delivery_free", pre);
		hdf_putf(h, lang_text(o->delivery_names, l, o->delivery_name),
		    "%s.delivery_name", pre);
		hdf_putf(h, arena_printf(a, "%d", o->delivery_min_days),
		    "%s.delivery_min", pre);
		hdf_putf(h, arena_printf(a, "%d", o->delivery_max_days),
		    "%s.delivery_max", pre);
	}
	if (pay_deadline_after(o->method) > 0)
		hdf_putf(h, l10n_time_a(a, o->created_at +
		    pay_deadline_after(o->method), l, L10N_DATETIME),
		    "%s.pay.deadline", pre);
	hdf_putf(h, l10n_time_a(a, o->created_at, l, L10N_DATETIME), "%s.created", pre);
	hdf_putf(h, arena_printf(a, "%zu", o->nproofs), "%s.proofs", pre);
	hdf_putf(h, m && m->takes_proof ? "1" : "0", "%s.takes_proof", pre);
	for (size_t i = 0; i < o->nlines; i++) {
		const struct order_line *ol = &o->lines[i];
		hdf_putf(h, ol->name, "%s.lines.%zu.name", pre, i);
		hdf_putf(h, ol->kind, "%s.lines.%zu.kind", pre, i);
		put_num(h, a, pre, i, "months", ol->months);
		put_num(h, a, pre, i, "days", ol->days);
		put_num(h, a, pre, i, "qty", ol->qty);
		hdf_putf(h, money_arena(a, ol->unit_minor, l), "%s.lines.%zu.unit", pre, i);
		hdf_putf(h, money_arena(a, ol->line_minor, l), "%s.lines.%zu.total",
		    pre, i);
		for (size_t k = 0; k < ol->ndetails; k++) {
			const struct order_detail *d = &ol->details[k];
			hdf_putf(h, lang_text(d->labels, l, d->label),
			    "%s.lines.%zu.details.%zu.label", pre, i, k);
			hdf_putf(h, ol->details[k].value,
			    "%s.lines.%zu.details.%zu.value", pre, i, k);
		}
	}
	put_next(h, a, pre, o);
	for (size_t i = 0; i < o->nevents; i++) {
		hdf_putf(h, o->events[i].status, "%s.events.%zu.status", pre, i);
		hdf_putf(h, o->events[i].note, "%s.events.%zu.note", pre, i);
		hdf_putf(h, pay_status_text(o->method, o->events[i].status),
		    "%s.events.%zu.status_text", pre, i);
		hdf_putf(h, l10n_time_a(a, o->events[i].at, l,
		    L10N_DATETIME), "%s.events.%zu.at",
		    pre, i);
	}
	if (m != NULL) {
		struct pay_rows rows = { .n = 0 };
		m->instructions(o, &rows);
		for (size_t i = 0; i < rows.n; i++) {
			if (rows.row[i].key != NULL)
				hdf_putf(h, rows.row[i].key,
				    "%s.pay.rows.%zu.key", pre, i);
			else
				hdf_putf(h, rows.row[i].name,
				    "%s.pay.rows.%zu.name", pre, i);
			hdf_putf(h, rows.row[i].value, "%s.pay.rows.%zu.value",
			    pre, i);
			if (rows.row[i].holder[0] != '\0')
				hdf_putf(h, rows.row[i].holder,
				    "%s.pay.rows.%zu.holder", pre, i);
			if (rows.row[i].copy)
				hdf_putf(h, "1", "%s.pay.rows.%zu.copy", pre, i);
		}
	}
}
