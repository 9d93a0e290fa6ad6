/* checkout — from the cart to a placed order, and the order's own page.
 *
 *   GET  /checkout          the form: name, e-mail, country + phone, the
 *                           address when something is shipped, coupon,
 *                           payment method, consent to the terms
 *   POST /checkout          op=apply: shows the coupon's discount;
 *                           op=ship: shows the delivery options of the
 *                           country and city typed (no JavaScript);
 *                           otherwise places the order -> 303 /order/<token>
 *   GET  /checkout/ship     bare JSON: the delivery options and totals of
 *                           a destination for the cart (souk.js)
 *   GET  /order/<token>     lines, totals, status and history, payment
 *                           instructions and reference, proof upload
 *   POST /order/<token>     multipart: a payment proof (field "proof")
 *   POST /pay/<token>       method=card|wallet: (re)open the online
 *                           payment -> 303 to the gateway's hosted page
 *   GET  /pay/<token>/return  back from the hosted page: asks the gateway
 *                           (never believes the URL) -> 303 /order/<token>
 *
 * Placing an order (docs/checkout.md): the form carries
 * the cart revision it showed and an idempotency key signed for that revision
 * (cart_checkout_key); the order's token is derived from the key
 * (order_token), so a double click, a second tab or a retried POST finds
 * the order the first one placed.  Mails are rendered first, then
 * one BEGIN IMMEDIATE transaction re-reads cart, prices, stock and coupon
 * limits (db_order_place), writes the order and queues the shopper's
 * confirmation and the shop's "new order" mail, and commits; if anything
 * changed, nothing is written and the form says why.  Every POST needs
 * the visitor's CSRF token and the same origin. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "clock.h"
#include "db_delivery.h"
#include "library_hdf.h"
#include "db_subs.h"
#include "subs_hdf.h"
#include "cart.h"
#include "store_conf.h"
#include "csrf.h"
#include "db_cart.h"
#include "db_user.h"
#include "db_catalog_text.h"
#include "db_coupon.h"
#include "db_detail.h"
#include "db_order.h"
#include "db_staff.h"
#include "db_rate.h"
#include "form_err.h"
#include "json.h"
#include "l10n.h"
#include "log.h"
#include "mail.h"
#include "mail_format.h"
#include "order_hdf.h"
#include "order_place.h"
#include "order_proof.h"
#include "pay.h"
#include "payment.h"
#include "phone.h"
#include "ship.h"
#include "ship_hdf.h"
#include "site.h"
#include "site_hooks.h"
#include "store_mail.h"

#define HOUR	3600	/* order_rate_limit and proof_rate_limit count per hour */
#define DAY	86400	/* proof_address_bytes counts per day */

enum key {
	KEY_NAME, KEY_EMAIL, KEY_COUNTRY, KEY_PHONE, KEY_ADDRESS, KEY_CITY,
	KEY_POSTAL, KEY_COUPON, KEY_PAYMENT, KEY_TERMS, KEY_IDEM, KEY_REV,
	KEY_SEEN, KEY_OP, KEY_PLACED, KEY_PROOF, KEY_PAID, KEY_PAYFAIL,
	KEY_METHOD,
	KEY_FAILED,
	KEY_SHIP,
	/* The details products ask (detail.h): slot n is the n-th field of
	 * the cart's lines in order, as show() numbered them for this cart
	 * revision (the form's key pins the revision). */
	KEY_D0, KEY_DLAST = KEY_D0 + DETAIL_MAX_PER_ORDER - 1,
	KEY__MAX
};

#define DKEY(n) [KEY_D0 + (n)] = { "d" #n, V_LINE, 0, DETAIL_VALUE_MAX, \
	NULL, 0, NULL }

/* The form's buttons: Place order, the coupon's Apply, and Update
 * delivery options (preview()). */
enum op { OP_PLACE, OP_APPLY, OP_SHIP };
static const char *const ops[] = { "place", "apply", "ship", NULL };

static const struct valid_key keys[KEY__MAX] = {
	[KEY_NAME] = { "name", V_LINE, 2, MAIL_NAME_CHARS, NULL, 1, NULL },
	[KEY_EMAIL] = { "email", V_EMAIL, 0, 0, NULL, 1, NULL },
	[KEY_COUNTRY] = { "country", V_TOKEN, 2, 2, NULL, 1, NULL },
	[KEY_PHONE] = { "phone", V_LINE, 4, 32, NULL, 1, NULL },
	[KEY_ADDRESS] = { "address", V_TEXT, 5, 300, NULL, 0, NULL },
	[KEY_CITY] = { "city", V_LINE, 2, 100, NULL, 0, NULL },
	[KEY_POSTAL] = { "postal", V_LINE, 0, 20, NULL, 0, NULL },
	[KEY_COUPON] = { "coupon", V_LINE, 0, 40, NULL, 0, NULL },
	[KEY_PAYMENT] = { "payment", V_ENUM, 0, 0, pay_ids, 1 },
	[KEY_TERMS] = { "terms", V_BOOL, 0, 0, NULL, 1, NULL },
	[KEY_IDEM] = { "idem", V_TOKEN, CART_KEY_LEN, CART_KEY_LEN, NULL, 0, NULL },
	[KEY_REV] = { "rev", V_INT, 0, 1LL << 53, NULL, 0, NULL },
	/* The subtotal the form showed: only checked against the key. */
	[KEY_SEEN] = { "seen", V_INT, 0, 1LL << 62, NULL, 0, NULL },
	[KEY_OP] = { "op", V_ENUM, 0, 0, ops, 0 },
	[KEY_PLACED] = { "placed", V_BOOL, 0, 0, NULL, 0, NULL },
	[KEY_PROOF] = { "proof", V_BOOL, 0, 0, NULL, 0, NULL },
	[KEY_PAID] = { "paid", V_BOOL, 0, 0, NULL, 0, NULL },
	[KEY_PAYFAIL] = { "payfail", V_BOOL, 0, 0, NULL, 0, NULL },
	[KEY_METHOD] = { "method", V_ENUM, 0, 0, pay_ids, 1, NULL },
	/* On the return URL: the shopper left by the hosted page's cancel
	 * link (a hint only: the gateway decides). */
	[KEY_FAILED] = { "failed", V_BOOL, 0, 0, NULL, 0, NULL },
	DKEY(0), DKEY(1), DKEY(2), DKEY(3), DKEY(4), DKEY(5), DKEY(6),
	DKEY(7), DKEY(8), DKEY(9), DKEY(10), DKEY(11), DKEY(12), DKEY(13),
	DKEY(14), DKEY(15),
	/* The delivery method chosen, with the price the form showed. */
	[KEY_SHIP] = { "ship", V_FUNC, 0, 0, NULL, 0, ship_choice_field },
};

/* The form's fields, in the order errors are listed. */
static const int form_keys[] = {
	KEY_NAME, KEY_EMAIL, KEY_COUNTRY, KEY_PHONE, KEY_ADDRESS, KEY_CITY,
	KEY_POSTAL, KEY_SHIP, KEY_D0 + 0, KEY_D0 + 1, KEY_D0 + 2, KEY_D0 + 3,
	KEY_D0 + 4, KEY_D0 + 5, KEY_D0 + 6, KEY_D0 + 7, KEY_D0 + 8,
	KEY_D0 + 9, KEY_D0 + 10, KEY_D0 + 11, KEY_D0 + 12, KEY_D0 + 13,
	KEY_D0 + 14, KEY_D0 + 15, KEY_COUPON, KEY_PAYMENT, KEY_TERMS,
};
#define NFORM (sizeof(form_keys) / sizeof(form_keys[0]))

/* What a checkout request works on. */
struct checkout {
	const char		*token;		/* cart cookie, NULL: none */
	struct cart		 cart;
	struct pay_cart		 pc;
	const struct pay_method	*methods[PAY_MAX];
	size_t			 nmethods;
	struct form_err		 fe;		/* the fields' errors */
	/* What the lines ask (detail.h), slot by slot across the lines. */
	struct {
		size_t			 line;
		const struct detail_field *f;
		const char		*value;	/* checked, to keep */
	}			 slot[DETAIL_MAX_PER_ORDER];
	size_t			 nslots;
	int			 too_many;	/* more fields than slots */
	long long		 discount_minor;	/* the coupon's, once priced */
	int			 bad;		/* fields with an error */
};

/* Reads the visitor's cart and the payment methods it can use. */
static int
load(struct ctx *c, struct checkout *co)
{
	co->token = site_cart_token(c);
	memset(&co->cart, 0, sizeof(co->cart));
	if (co->token != NULL &&
	    db_cart_load(c->db, &c->arena, co->token, &co->cart) < 0)
		return -1;
	co->nslots = 0;
	for (size_t i = 0; i < co->cart.n; i++) {
		struct detail_field *f;
		int n = db_detail_fields(c->db, &c->arena,
		    co->cart.lines[i].product_id, &f);
		if (n < 0)
			return -1;
		for (int k = 0; k < n; k++) {
			if (co->nslots == DETAIL_MAX_PER_ORDER) {
				co->too_many = 1;
				break;
			}
			co->slot[co->nslots].line = i;
			co->slot[co->nslots].f = &f[k];
			co->slot[co->nslots++].value = "";
		}
	}
	co->pc.total_minor = co->cart.subtotal_minor;
	co->pc.nlines = co->cart.n;
	co->pc.nphysical = co->cart.nphysical;
	co->nmethods = pay_offered(&co->pc, co->methods);
	return 0;
}

/* Field k's error err (the first one of a field stays); show() lists
 * them in the form's order. */
static void
field_err(struct ctx *c, struct checkout *co, enum key k, const char *err)
{
	if (co->fe.err == NULL)
		form_err_init(c, &co->fe, NULL, 0);
	form_err_set(&co->fe, k, err);
}

/* A first view of the form for a logged-in shopper: name, e-mail, phone
 * and the first saved address from the account. */
static void
prefill(struct ctx *c)
{
	const struct user *u = c->site->user;
	struct user_address *a;
	size_t n;

	hdf_put(c->hdf, "Page.form.name", u->name);
	hdf_put(c->hdf, "Page.form.email", u->email);
	hdf_put(c->hdf, "Page.form.phone", u->phone);
	if (db_addr_list(c->db, &c->arena, u->id, &a, &n) == 0 && n > 0) {
		hdf_put(c->hdf, "Page.form.address", a[0].address);
		hdf_put(c->hdf, "Page.form.city", a[0].city);
		hdf_put(c->hdf, "Page.form.postal", a[0].postal_code);
		hdf_put(c->hdf, "Page.form.country", a[0].country);
	}
}

/* Page.details.N.{key,line,label,type,required,max,value}: the details
 * the cart's lines ask, in slot order (Page.detail_label.<key> for the
 * error summary). */
static void
put_details(struct ctx *c, struct checkout *co)
{
	for (size_t i = 0; i < co->nslots; i++) {
		const struct detail_field *f = co->slot[i].f;
		const struct val *v = app_val(c, KEY_D0 + (int)i);
		const char *key = keys[KEY_D0 + i].name;
		const char *name = co->cart.lines[co->slot[i].line].name,
		    *label = lang_text(f->labels, c->lang, f->label);

		if (db_text_name(c->db, &c->arena, c->lang,
		    co->cart.lines[co->slot[i].line].product_id, &name) < 0)
			name = co->cart.lines[co->slot[i].line].name;
		hdf_putf(c->hdf, key, "Page.details.%zu.key", i);
		hdf_putf(c->hdf, name, "Page.details.%zu.line", i);
		hdf_putf(c->hdf, arena_printf(&c->arena, "%zu",
		    co->slot[i].line), "Page.details.%zu.line_index", i);
		hdf_putf(c->hdf, label, "Page.details.%zu.label", i);
		hdf_putf(c->hdf, detail_types[f->type], "Page.details.%zu.type", i);
		hdf_putf(c->hdf, f->required ? "1" : "0",
		    "Page.details.%zu.required", i);
		hdf_putf(c->hdf, arena_printf(&c->arena, "%d",
		    f->type == DETAIL_MAC ? 17 + 6 : f->max_len),
		    "Page.details.%zu.max", i);
		hdf_putf(c->hdf, v->s ? v->s : "", "Page.details.%zu.value", i);
		hdf_putf(c->hdf, label, "Page.detail_label.%s", key);
	}
}

/* Page.wallets.N.{op,number,holder}: the wallets the mobile-money method
 * pays to, the same list the order page and the mails show. */
static void
put_wallets(struct ctx *c)
{
	struct pay_wallet w[PAY_MAX_WALLETS];
	size_t n = pay_wallets(w);

	for (size_t i = 0; i < n; i++) {
		hdf_putf(c->hdf, w[i].op, "Page.wallets.%zu.op", i);
		hdf_putf(c->hdf, w[i].number, "Page.wallets.%zu.number", i);
		hdf_putf(c->hdf, w[i].holder, "Page.wallets.%zu.holder", i);
	}
}

/* The delivery methods of one destination for a cart. */
struct ship_view {
	struct ship_option	*o;		/* priced, in the zone's order */
	size_t			 n, pick;	/* pick: the chosen one */
	const char		*state;		/* "none": nothing shipped,
						   "no_zone", "empty": no
						   active method, "ok" */
	long long		 delivery_minor, total_minor;
};

/* The delivery methods to country and city (the region) for cart after
 * discount, priced, with the one whose rate is `chosen` picked (else the
 * first), and the totals, into v.  0 or -1. */
static int
ship_view(struct ctx *c, const struct cart *cart, long long discount,
    const char *country, const char *city, long long chosen,
    struct ship_view *v)
{
	long long goods = cart->subtotal_minor - discount;
	struct ship_goods g;

	memset(v, 0, sizeof(*v));
	v->state = "none";
	ship_goods_cart(cart, goods, &g);
	if (g.units > 0) {
		switch (ship_options(c->db, &c->arena, country, city, &g, &v->o,
		    &v->n)) {
		case SHIP_ERROR:
			return -1;
		case SHIP_OK:
			v->state = v->n ? "ok" : "empty";
			break;
		default:
			v->state = "no_zone";
		}
		for (size_t i = 0; i < v->n; i++)
			if (v->o[i].rate.id == chosen)
				v->pick = i;
		if (v->n > 0)
			v->delivery_minor = v->o[v->pick].price_minor;
	}
	v->total_minor = goods + v->delivery_minor;
	return 0;
}

/* The delivery options for the destination the form holds
 * (Page.form.country and .city), priced for the cart after the coupon
 * (Page.ship.N, ship_hdf.h; the posted choice kept), and the totals:
 * Page.totals.{discount,delivery,delivery_free,total}, Page.ship_state
 * (ship_view's state).  0 or -1. */
static int
put_delivery(struct ctx *c, struct checkout *co)
{
	const struct val *ship = app_val(c, KEY_SHIP);
	struct ship_view v;

	if (ship_view(c, &co->cart, co->discount_minor,
	    hdf_get_value(c->hdf, "Page.form.country", ""),
	    hdf_get_value(c->hdf, "Page.form.city", ""),
	    ship->state == VAL_OK ? ship->i : 0, &v) < 0)
		return -1;
	if (v.n > 0)
		ship_options_put(c, "Page.ship", v.o, v.n, v.o[v.pick].rate.id);
	hdf_put(c->hdf, "Page.ship_state", v.state);
	hdf_put(c->hdf, "Page.totals.delivery", site_money(c, v.delivery_minor));
	hdf_put(c->hdf, "Page.totals.delivery_free", v.delivery_minor == 0 ?
	    "1" : "0");
	hdf_put(c->hdf, "Page.totals.total", site_money(c, v.total_minor));
	return 0;
}

/* The checkout form with the cart, the choices and the values kept. */
static int
show(struct ctx *c, struct checkout *co, int status)
{
	const struct val *pay = app_val(c, KEY_PAYMENT);
	const struct val *country = app_val(c, KEY_COUNTRY);
	char key[CART_KEY_LEN + 1];
	int posted = c->req.method == METHOD_POST;

	if (co->fe.err != NULL)
		form_err_put(c, &co->fe, form_keys, NFORM);
	cart_put(c, "Page.cart", &co->cart);
	hdf_put_int(c->hdf, "Req.cart_count", co->cart.count);
	for (size_t i = 0; i < NFORM; i++) {
		const struct val *v = app_val(c, form_keys[i]);
		hdf_putf(c->hdf, v->s ? v->s : "", "Page.form.%s",
		    keys[form_keys[i]].name);
	}
	hdf_put(c->hdf, "Page.form.country", posted && country->s && *country->s ?
	    country->s : conf_str(CONF_DEFAULT_COUNTRY));
	if (!posted && c->site->user != NULL)
		prefill(c);
	put_details(c, co);
	site_countries_keep();	/* partials/country_options */
	if (put_delivery(c, co) < 0)
		return 500;
	for (size_t i = 0; i < co->nmethods; i++) {
		long long hold = pay_deadline_after(co->methods[i]->id);
		hdf_putf(c->hdf, co->methods[i]->id, "Page.methods.%zu.id", i);
		if (hold > 0)
			hdf_putf(c->hdf, arena_printf(&c->arena, "%lld",
			    (hold + 3599) / 3600), "Page.methods.%zu.hold_hours", i);
		if (!posted && i == 0)
			hdf_put(c->hdf, "Page.form.payment", co->methods[i]->id);
	}
	put_wallets(c);
	if (posted && pay->state == VAL_OK)
		hdf_put(c->hdf, "Page.form.payment", pay_ids[pay->i]);
	if (co->token != NULL) {
		cart_checkout_key(co->token, co->cart.rev,
		    co->cart.subtotal_minor, key);
		hdf_put(c->hdf, "Page.idem", key);
		hdf_put_int(c->hdf, "Page.rev", co->cart.rev);
		hdf_put_int(c->hdf, "Page.seen", co->cart.subtotal_minor);
	}
	app_csrf_token(c);
	for (size_t i = 0; i < co->nmethods; i++)
		if (co->methods[i]->gateway != NULL)
			c->resp.form_action = conf_str(CONF_PAY_PAGE_ORIGINS);
	return app_render(c, status, "checkout/checkout");
}

/* Validates the posted form into o (strings in the arena); returns the
 * number of fields in error (shown next to them). */
static int
read_form(struct ctx *c, struct checkout *co, struct order *o)
{
	char phone[PHONE_E164_BUF] = "", *norm;
	const struct country *country = NULL;
	const struct val *v;
	const char *err;
	int ship = co->cart.nphysical > 0;

	form_err_init(c, &co->fe, form_keys, NFORM);
	for (size_t i = 0; i < co->nslots; i++) {
		v = app_val(c, KEY_D0 + (int)i);
		if (v->state == VAL_INVALID)
			continue;	/* its validator's error is in fe */
		if (detail_check(&c->arena, co->slot[i].f, v->s, &co->slot[i].value,
		    &err) < 0)
			field_err(c, co, KEY_D0 + (int)i, err);
	}
	if (app_val(c, KEY_TERMS)->state == VAL_OK && !app_val(c, KEY_TERMS)->i)
		field_err(c, co, KEY_TERMS, "required");
	v = app_val(c, KEY_COUNTRY);
	if (v->state == VAL_OK && (country = phone_country(v->s)) == NULL)
		field_err(c, co, KEY_COUNTRY, "bad_choice");
	v = app_val(c, KEY_PHONE);
	if (v->state == VAL_OK && country != NULL &&
	    phone_e164(v->s, country, phone, &err) < 0)
		field_err(c, co, KEY_PHONE, err);
	if (ship && app_val(c, KEY_ADDRESS)->state == VAL_ABSENT)
		field_err(c, co, KEY_ADDRESS, "required");
	if (ship && app_val(c, KEY_CITY)->state == VAL_ABSENT)
		field_err(c, co, KEY_CITY, "required");
	if (ship && app_val(c, KEY_SHIP)->state == VAL_ABSENT)
		field_err(c, co, KEY_SHIP, "ship_required");
	v = app_val(c, KEY_PAYMENT);
	if (v->state == VAL_OK) {
		const struct pay_method *m = pay_get(pay_ids[v->i]);
		size_t i;
		for (i = 0; i < co->nmethods && co->methods[i] != m; i++)
			;
		if (i == co->nmethods)
			field_err(c, co, KEY_PAYMENT, "pay_unavailable");
		o->method = m->id;
	}
	if (co->fe.n)
		return (int)co->fe.n;
	o->name = app_val(c, KEY_NAME)->s;
	o->email = app_val(c, KEY_EMAIL)->s;
	norm = arena_strdup(&c->arena, o->email);
	order_email_norm(norm);
	o->email_norm = norm;
	o->phone = arena_strdup(&c->arena, phone);
	o->country = country->code;
	o->address = ship ? app_val(c, KEY_ADDRESS)->s : "";
	o->city = ship ? app_val(c, KEY_CITY)->s : "";
	o->postal = ship ? app_val(c, KEY_POSTAL)->s : "";
	o->coupon_code = app_val(c, KEY_COUPON)->s;
	return 0;
}

/* Prices the coupon of o (outside the transaction, to show the discount
 * or the reason; order_price).  Returns 0, or -1 after marking the field
 * (or on a database error: *fatal). */
static int
apply_coupon(struct ctx *c, struct checkout *co, struct order *o, int *fatal)
{
	enum coupon_check cc;

	order_from_cart(&c->arena, &co->cart, o);
	cc = order_price(c->db, &c->arena, o, (long long)time(NULL));
	if (cc == COUPON_ERROR) {
		*fatal = 1;
		return -1;
	}
	if (cc != COUPON_OK) {
		field_err(c, co, KEY_COUPON, coupon_errs[cc]);
		return -1;
	}
	co->discount_minor = o->discount_minor;
	if (o->coupon_code != NULL && *o->coupon_code) {
		hdf_put(c->hdf, "Page.coupon.code", o->coupon_code);
		hdf_put(c->hdf, "Page.coupon.discount", site_money(c,
		    o->discount_minor));
	}
	return 0;
}

/* Prices the delivery method chosen for the destination of o
 * (order_ship): 0, or the status of the form shown again saying why (no
 * delivery to the country, a method not offered there, or a price that
 * is no longer the one the form showed). */
static int
delivery(struct ctx *c, struct checkout *co, struct order *o)
{
	const struct val *ship = app_val(c, KEY_SHIP);
	long long id = 0, seen = 0;
	struct ship_option opt;

	if (ship->state == VAL_OK && ship_choice_parse(ship->s, &id, &seen) < 0)
		return 500;
	switch (order_ship(c->db, &c->arena, &co->cart, o, id, &opt)) {
	case SHIP_OK:
		break;
	case SHIP_NO_ZONE:
		field_err(c, co, KEY_SHIP, "ship_no_zone");
		return show(c, co, 422);
	case SHIP_NO_RATE:
		field_err(c, co, KEY_SHIP, "ship_choose");
		return show(c, co, 422);
	case SHIP_ERROR:
		return 500;
	}
	if (o->delivery_rate_id != 0 && opt.price_minor != seen) {
		hdf_put(c->hdf, "Page.notice", "ship_changed");
		return show(c, co, 409);
	}
	return 0;
}

/* Page.notice for a placement that could not be done. */
static void
place_notice(struct ctx *c, enum place_result r, const struct place_why *why,
    const struct order *o)
{
	static const char *const names[] = {
		[PLACE_CHANGED] = "changed", [PLACE_UNAVAILABLE] = "withdrawn",
		[PLACE_STOCK] = "stock", [PLACE_LIMIT] = "max",
		[PLACE_UNITS] = "units",
	};

	hdf_put(c->hdf, "Page.notice", names[r]);
	if (r == PLACE_STOCK || r == PLACE_UNAVAILABLE || r == PLACE_LIMIT)
		hdf_put(c->hdf, "Page.notice_line", o->lines[why->line].name);
	if (r != PLACE_CHANGED)
		hdf_put_int(c->hdf, "Page.notice_n", why->available);
}

/* The checkout form again, saying which line cannot be bought as it is
 * (sold out since the form was shown, fewer left, withdrawn). */
static int
show_problem(struct ctx *c, struct checkout *co)
{
	struct place_why why = { 0 };
	struct order o = { 0 };

	order_from_cart(&c->arena, &co->cart, &o);
	for (size_t i = 0; i < co->cart.n; i++) {
		const struct cart_line *l = &co->cart.lines[i];
		if (l->on_sale && (l->stock < 0 || l->qty <= l->stock))
			continue;
		why.line = i;
		why.available = l->stock;
		place_notice(c, l->on_sale ? PLACE_STOCK : PLACE_UNAVAILABLE, &why,
		    &o);
		break;
	}
	return show(c, co, 409);
}

static int show_order(struct ctx *, const struct order *, int);

/* Opens (or reuses) the online payment of the order with this token by
 * method and answers 303 to the gateway's hosted page; when the gateway
 * cannot be reached (down, refused, timed out), 502 with the order page
 * saying so: the order waits, its buttons try again or another method. */
static int
to_gateway(struct ctx *c, const char *token, const char *method)
{
	const struct pay_method *m = pay_get(method);
	const struct gateway *g;
	const char *url;
	struct order o;

	if (m == NULL || m->gateway == NULL || (g = gw_get(m->gateway)) == NULL)
		return 409;
	if (db_order_by_token(c->db, &c->arena, token, &o) != 0)
		return 500;
	switch (payment_start(c->db, &c->arena, &o, g, &url)) {
	case START_OK:
		resp_redirect(&c->resp, 303, url);
		return 303;
	case START_CLOSED:
		return app_redirect(c, arena_printf(&c->arena, "/order/%s",
		    token));
	case START_DOWN:
		hdf_put(c->hdf, "Page.payfail", "1");
		hdf_put(c->hdf, "Page.paydown", "1");
		return show_order(c, &o, 502);
	case START_ERROR:
		break;
	}
	return 500;
}

/* A 429 for a limit of this client address: Retry-After, and what the
 * page says (Page.rate_limited = which limit, Page.retry_minutes). */
static void
rate_limited(struct ctx *c, const char *which, long long wait)
{
	log_info("%s: rate limit reached for %s", which, c->req.remote_addr);
	resp_header(&c->resp, "Retry-After", arena_printf(&c->arena, "%lld",
	    wait));
	hdf_put(c->hdf, "Page.rate_limited", which);
	hdf_put_int(c->hdf, "Page.retry_minutes", (wait + 59) / 60);
}

/* What order_rate() needs and tells. */
struct order_rate_arg {
	struct ctx	*c;
	long long	 wait;		/* seconds, when over the limit */
};

/* An order_check_fn: inside the order's transaction, counts one order for
 * the client address against order_rate_limit, so only orders that
 * commit count.  0, 1 when over the limit, -1. */
static int
order_rate(void *arg, struct db *db, const struct order *o)
{
	struct order_rate_arg *ra = arg;
	char client[64];

	rate_client_key(client, sizeof(client), ra->c->req.remote_addr);
	return db_rate_hit(db, "order", client, conf_int(CONF_ORDER_RATE_LIMIT),
	    HOUR, o->created_at, &ra->wait);
}

/* An order_mails_fn over order_rate_arg (store_mail_order's argument is
 * the request). */
static int
order_mails(void *arg, const struct order *o, struct mail *out, size_t *n)
{
	return store_mail_order(((struct order_rate_arg *)arg)->c, o, out, n);
}

/* Places o (order_place: one transaction with its mails).  Returns the
 * HTTP status of the answer. */
static int
place(struct ctx *c, struct checkout *co, struct order *o)
{
	struct place_why why;
	struct order_rate_arg ra = { c, 0 };
	enum place_result r;

	r = order_place(c->db, &c->arena, co->token, o, &why, order_mails,
	    order_rate, &ra);
	switch (r) {
	case PLACE_LIMITED:
		rate_limited(c, "order", ra.wait);
		return show(c, co, 429);
	case PLACE_OK:
		site_mail_defer(c);	/* the two mails leave after the response */
		if (pay_get(o->method)->gateway != NULL)
			return to_gateway(c, o->token, o->method);
		return app_redirect(c, arena_printf(&c->arena,
		    "/order/%s?placed=1", o->token));
	case PLACE_DUPLICATE:
		return app_redirect(c, arena_printf(&c->arena, "/order/%s",
		    o->token));
	case PLACE_COUPON:
		field_err(c, co, KEY_COUPON, coupon_errs[why.coupon]);
		return show(c, co, 409);
	case PLACE_SHIPPING:
		field_err(c, co, KEY_SHIP, "ship_choose");
		return show(c, co, 409);
	case PLACE_CHANGED:
	case PLACE_UNAVAILABLE:
	case PLACE_STOCK:
	case PLACE_LIMIT:
	case PLACE_UNITS:
		place_notice(c, r, &why, o);
		if (load(c, co) < 0)
			return 500;
		return show(c, co, 409);
	case PLACE_BUSY:
		/* Too many orders at once for the busy timeout: the same
		 * form again in a moment (its idempotency key keeps it to
		 * one order). */
		resp_header(&c->resp, "Retry-After", "2");
		hdf_put(c->hdf, "Page.notice", "busy");
		return show(c, co, 503);
	case PLACE_RETRY:
	case PLACE_ERROR:
		break;
	}
	return 500;
}

/* The checked details onto o's lines (after order_from_cart): each line
 * gets the values of its slots, an optional one left empty skipped. */
static void
attach_details(struct ctx *c, struct checkout *co, struct order *o)
{
	for (size_t line = 0; line < o->nlines; line++) {
		struct order_detail *d = NULL;
		size_t n = 0;

		for (size_t i = 0; i < co->nslots; i++) {
			if (co->slot[i].line != line || *co->slot[i].value == '\0')
				continue;
			if (d == NULL)
				d = arena_alloc(&c->arena,
				    DETAIL_MAX_PER_PRODUCT * sizeof(*d));
			d[n].name = co->slot[i].f->name;
			d[n].label = co->slot[i].f->label;
			memcpy(d[n].labels, co->slot[i].f->labels,
			    sizeof(d[n].labels));
			d[n++].value = co->slot[i].value;
		}
		o->lines[line].details = d;
		o->lines[line].ndetails = n;
	}
}

/* op=apply: checks the coupon alone (the other fields keep their values
 * and show no error yet) and shows the form with its discount.  op=ship
 * ("Update delivery options", the form without JavaScript): the country
 * too, and the form comes back with the delivery methods, prices and
 * totals of the country and city it holds; nothing is placed. */
static int
preview(struct ctx *c, struct checkout *co, struct order *o, enum op op)
{
	static const int checked[] = { KEY_COUPON, KEY_COUNTRY };
	const struct val *email = app_val(c, KEY_EMAIL);
	int fatal = 0;

	form_err_init(c, &co->fe, checked, op == OP_SHIP ? 2 : 1);
	if (op == OP_SHIP && app_val(c, KEY_COUNTRY)->state == VAL_OK &&
	    phone_country(app_val(c, KEY_COUNTRY)->s) == NULL)
		field_err(c, co, KEY_COUNTRY, "bad_choice");
	if (co->fe.n)
		return show(c, co, 422);
	if (email->state == VAL_OK) {	/* "already used with this address" */
		char *norm = arena_strdup(&c->arena, email->s);
		order_email_norm(norm);
		o->email_norm = norm;
	}
	if (apply_coupon(c, co, o, &fatal) < 0)
		return fatal ? 500 : show(c, co, 422);
	return show(c, co, 200);
}

/* POST /checkout. */
static int
submit(struct ctx *c, struct checkout *co)
{
	const struct val *idem = app_val(c, KEY_IDEM), *rev = app_val(c, KEY_REV),
	    *seen = app_val(c, KEY_SEEN);
	char key[CART_KEY_LEN + 1], token[ORDER_TOKEN_LEN + 1];
	struct order o = { 0 };
	long long id, cart_id;
	int fatal = 0, rc;

	if (co->token == NULL || idem->state != VAL_OK || rev->state != VAL_OK ||
	    seen->state != VAL_OK)
		return co->cart.n ? show(c, co, 409) : app_redirect(c, "/cart");
	cart_checkout_key(co->token, rev->i, seen->i, key);
	if (strcmp(key, idem->s) != 0) {
		hdf_put(c->hdf, "Page.notice", "changed");
		return show(c, co, 409);
	}
	/* The same form again (double click, retry, second tab): its order. */
	order_token(token, idem->s);
	if ((rc = db_order_find(c->db, token, &id, &cart_id)) < 0)
		return 500;
	if (rc == 0 && cart_id == co->cart.id) {
		/* Placed by another request, which may still be syncing it
		 * (group commit): on disk before it is shown. */
		if (db_sync(c->db) < 0)
			return 500;
		return app_redirect(c, arena_printf(&c->arena, "/order/%s", token));
	}
	if (co->cart.n == 0)
		return app_redirect(c, "/cart");
	/* Another tab changed the cart, or the shop a price: show it again. */
	if (rev->i != co->cart.rev || seen->i != co->cart.subtotal_minor) {
		hdf_put(c->hdf, "Page.notice", "changed");
		return show(c, co, 409);
	}
	o.coupon_code = app_val(c, KEY_COUPON)->s;
	o.email_norm = NULL;
	/* A logged-in buyer's order is theirs whatever e-mail it gives. */
	o.user_id = c->site->user != NULL ? c->site->user->id : 0;
	if (app_val(c, KEY_OP)->state == VAL_OK && app_val(c, KEY_OP)->i != OP_PLACE)
		return preview(c, co, &o, (enum op)app_val(c, KEY_OP)->i);
	if (read_form(c, co, &o) > 0) {
		/* Still show what the coupon would give. */
		if (app_val(c, KEY_COUPON)->state == VAL_OK)
			apply_coupon(c, co, &o, &fatal);
		return fatal ? 500 : show(c, co, 422);
	}
	if (apply_coupon(c, co, &o, &fatal) < 0)
		return fatal ? 500 : show(c, co, 409);
	if (co->too_many) {
		hdf_put(c->hdf, "Page.notice", "too_many_details");
		return show(c, co, 409);
	}
	attach_details(c, co, &o);
	if ((rc = delivery(c, co, &o)) != 0)
		return rc;
	if (co->cart.problems)
		return show_problem(c, co);
	o.idem_key = idem->s;
	o.token = arena_strdup(&c->arena, token);
	o.cart_id = co->cart.id;
	o.cart_rev = co->cart.rev;
	o.currency = conf_str(CONF_CURRENCY);
	o.lang = lang_code(c->lang);
	o.created_at = o.updated_at = (long long)time(NULL);
	pay_get(o.method)->place(&o);
	return place(c, co, &o);
}

static int
page_checkout(struct ctx *c)
{
	struct checkout co = { 0 };

	if (load(c, &co) < 0)
		return 500;
	if (c->req.method == METHOD_POST) {
		if (!app_csrf_ok(c))
			return 403;
		return submit(c, &co);
	}
	if (co.cart.n == 0)
		return app_redirect(c, "/cart");
	return show(c, &co, 200);
}

/* Page.downloads: the files a paid order entitles its holder to, each
 * with a fresh link (guests download from here).  0 or -1. */
static int
order_downloads(struct ctx *c, const struct order *o)
{
	struct library_item *items;
	long long now = store_now();
	size_t n;

	if (strcmp(o->status, order_statuses[ORDER_PAID]) != 0 &&
	    strcmp(o->status, order_statuses[ORDER_COMPLETED]) != 0)
		return 0;
	if (db_library_order(c->db, &c->arena, o->id, now, &items, &n) < 0)
		return -1;
	library_put(c->hdf, &c->arena, "Page.downloads", items, n, now);
	return 0;
}

/* Page.subs: the subscriptions a paid order made or renewed, with their
 * access details (guests see them here).  0 or -1. */
static int
order_subs(struct ctx *c, const struct order *o)
{
	struct subscription *s;
	size_t n;

	if (strcmp(o->status, order_statuses[ORDER_PAID]) != 0 &&
	    strcmp(o->status, order_statuses[ORDER_COMPLETED]) != 0)
		return 0;
	if (db_sub_of_order(c->db, &c->arena, o->id, &s, &n) < 0)
		return -1;
	return subs_put(c, "Page.subs", s, n,
	    store_now());
}

/* Page.online.N: the online methods an order awaiting payment by one of
 * them may be paid with (try again, or the other one). */
static void
put_online(struct ctx *c, const struct order *o)
{
	const struct pay_method *m = pay_get(o->method), *all[PAY_MAX];
	size_t n, k = 0;

	if (m == NULL || m->gateway == NULL ||
	    strcmp(o->status, order_statuses[ORDER_AWAITING_PAYMENT]) != 0)
		return;
	hdf_put(c->hdf, "Page.online_order", "1");
	c->resp.form_action = conf_str(CONF_PAY_PAGE_ORIGINS);
	n = pay_offered(NULL, all);
	for (size_t i = 0; i < n; i++)
		if (all[i]->gateway != NULL)
			hdf_putf(c->hdf, all[i]->id, "Page.online.%zu", k++);
}

/* The order page for o (and the upload form's token), with the notes
 * staff made visible to the customer (Page.notes). */
static int
show_order(struct ctx *c, const struct order *o, int status)
{
	struct order_note *notes;
	size_t n;

	if (db_order_notes(c->db, &c->arena, o->id, 1, &notes, &n) < 0)
		return 500;
	for (size_t i = 0; i < n; i++) {
		hdf_putf(c->hdf, notes[i].body, "Page.notes.%zu.body", i);
		hdf_putf(c->hdf, l10n_time_a(&c->arena, notes[i].at, c->lang, L10N_DATETIME),
		    "Page.notes.%zu.at", i);
	}
	/* A private page behind an unguessable link: never in an index. */
	resp_header(&c->resp, "X-Robots-Tag", "noindex, nofollow");
	order_put(c->hdf, &c->arena, c->lang, "Page.order", o);
	if (order_downloads(c, o) < 0 || order_subs(c, o) < 0)
		return 500;
	if (app_val(c, KEY_PLACED)->state == VAL_OK && app_val(c, KEY_PLACED)->i)
		hdf_put(c->hdf, "Page.placed", "1");
	if (app_val(c, KEY_PROOF)->state == VAL_OK && app_val(c, KEY_PROOF)->i)
		hdf_put(c->hdf, "Page.proof_received", "1");
	if (app_val(c, KEY_PAID)->state == VAL_OK && app_val(c, KEY_PAID)->i)
		hdf_put(c->hdf, "Page.paid", "1");
	if (app_val(c, KEY_PAYFAIL)->state == VAL_OK && app_val(c, KEY_PAYFAIL)->i)
		hdf_put(c->hdf, "Page.payfail", "1");
	put_online(c, o);
	hdf_put_int(c->hdf, "Page.max_upload", conf_int(CONF_MAX_UPLOAD) >> 20);
	app_csrf_token(c);
	return app_render(c, status, "checkout/order");
}

/* Page.upload_err and the order page again. */
static int
upload_refused(struct ctx *c, const struct order *o, int status,
    const char *why)
{
	hdf_put(c->hdf, "Page.upload_err", why);
	return show_order(c, o, status);
}

/* Page.budget and Page.budget_unit (Lang.order.<unit>): bytes as whole
 * MB, or KB below one MB (rounded up: never shown as 0). */
static void
put_budget(struct ctx *c, long long bytes)
{
	int mb = bytes >= 1 << 20;
	long long unit = mb ? 1 << 20 : 1 << 10;

	hdf_put_int(c->hdf, "Page.budget", (bytes + unit - 1) / unit);
	hdf_put(c->hdf, "Page.budget_unit", mb ? "mb" : "kb");
}

/* Whether len more bytes fit in the proofs budget of order o
 * (proof_order_bytes): 0, 1 when not (put_budget done), -1. */
static int
proof_budget_order(struct ctx *c, const struct order *o, size_t len)
{
	long long used = db_order_proof_bytes(c->db, o->id),
	    budget = conf_int(CONF_PROOF_ORDER_BYTES);

	if (used < 0)
		return -1;
	if (used + (long long)len <= budget)
		return 0;
	put_budget(c, budget);
	log_info("order %s: proofs over the order's budget (%lld + %zu > %lld "
	    "bytes)", o->reference, used, len, budget);
	return 1;
}

/* Counts one upload of len bytes for the client address against
 * proof_rate_limit (per hour) and proof_address_bytes (per day), in a
 * transaction of its own before the file is written: 0; 429 (or 413 when
 * len alone is over the daily budget) with *why set to the page's
 * upload_err key (and Retry-After); -1. */
static int
proof_rate(struct ctx *c, size_t len, const char **why)
{
	long long now = (long long)time(NULL), wait = 0,
	    budget = conf_int(CONF_PROOF_ADDRESS_BYTES);
	char client[64];
	int rc;

	if ((long long)len > budget) {
		put_budget(c, budget);
		*why = "proof_bytes_large";
		return 413;
	}
	rate_client_key(client, sizeof(client), c->req.remote_addr);
	if (db_begin(c->db) < 0)
		return -1;
	rc = db_rate_hit(c->db, "proof", client, conf_int(CONF_PROOF_RATE_LIMIT),
	    HOUR, now, &wait);
	*why = "proof_rate";
	if (rc == 0) {
		rc = db_rate_spend(c->db, "proof_bytes", client, budget,
		    (long long)len, DAY, now, &wait);
		*why = "proof_bytes";
	}
	if (rc != 0 || db_commit(c->db) < 0) {
		db_rollback(c->db);
		if (rc <= 0)
			return -1;
		rate_limited(c, *why, wait);
		return 429;
	}
	return 0;
}

/* The answer to a refused proof. */
static int
proof_status(enum proof_result r)
{
	switch (r) {
	case PROOF_MISSING:
		return 422;
	case PROOF_TYPE:
		return 415;
	case PROOF_METHOD:
	case PROOF_CLOSED:
	case PROOF_TOO_MANY:
		return 409;
	default:
		return 500;
	}
}

/* POST /order/<token>: a payment proof (order_proof.h). */
static int
upload(struct ctx *c, struct order *o)
{
	const struct req_file *f = req_file(&c->req, "proof");
	char name[PROOF_NAME_LEN + 1];
	const char *type = NULL, *why;
	struct mail mail;
	enum proof_result r;
	int rc;

	if (!app_csrf_ok(c))
		return 403;
	r = order_proof_check(o, f ? f->data : NULL, f ? f->len : 0, &type);
	if (r == PROOF_OK) {
		/* The order's and the address's byte budgets and the upload
		 * rate come before the file is written. */
		if ((rc = proof_budget_order(c, o, f->len)) != 0)
			return rc < 0 ? 500 : upload_refused(c, o, 413,
			    "proof_budget");
		if ((rc = proof_rate(c, f->len, &why)) != 0)
			return rc < 0 ? 500 : upload_refused(c, o, rc, why);
		if (store_mail_proof(c, o, &mail) < 0)
			return 500;
		r = order_proof_add(c->db, &c->arena, o, conf_str(CONF_DATA_DIR),
		    f->data, f->len, type, f->filename, &mail, name);
	}
	if (r == PROOF_ERROR)
		return 500;
	if (r != PROOF_OK)
		return upload_refused(c, o, proof_status(r), proof_errs[r]);
	log_info("order %s: payment proof %s (%s, %zu bytes)", o->reference,
	    name, type, f->len);
	site_mail_defer(c);
	return app_redirect(c, arena_printf(&c->arena, "/order/%s?proof=1",
	    o->token));
}

static int
page_order(struct ctx *c)
{
	static const struct valid_key tok = { "token", V_TOKEN, ORDER_TOKEN_LEN,
	    ORDER_TOKEN_LEN, NULL, 1, NULL };
	struct order o;
	struct val v;
	int rc;

	/* Anything but a well-formed token of an order is "not found". */
	if (c->req.nseg != 2)
		return 404;
	valid_one(&c->arena, &tok, c->req.seg[1], &v);
	if (v.state != VAL_OK)
		return 404;
	if ((rc = db_order_by_token(c->db, &c->arena, v.s, &o)) != 0)
		return rc < 0 ? 500 : 404;
	if (c->req.method == METHOD_POST)
		return upload(c, &o);
	return show_order(c, &o, 200);
}

/* Back from the hosted page while its gateway cannot be asked: 502 with
 * the order page.  The shopper may have paid, so unless they left by the
 * cancel link the page says we confirm once the gateway answers (the
 * webhook, a later return or soukctl cron) and offers no second payment;
 * after a cancel it is the usual "not completed, try again". */
static int
gateway_silent(struct ctx *c, const struct order *o)
{
	const struct val *failed = app_val(c, KEY_FAILED);

	hdf_put(c->hdf, "Page.paydown", "1");
	if (failed->state == VAL_OK && failed->i)
		hdf_put(c->hdf, "Page.payfail", "1");
	else
		hdf_put(c->hdf, "Page.paywait", "1");
	return show_order(c, o, 502);
}

/* /pay/<token> (POST: pay by method) and /pay/<token>/return. */
static int
page_pay(struct ctx *c)
{
	static const struct valid_key tok = { "token", V_TOKEN, ORDER_TOKEN_LEN,
	    ORDER_TOKEN_LEN, NULL, 1, NULL };
	const struct val *method = app_val(c, KEY_METHOD);
	enum settle_result r;
	struct order o;
	struct val v;
	int rc;

	if (c->req.nseg < 2 || c->req.nseg > 3)
		return 404;
	valid_one(&c->arena, &tok, c->req.seg[1], &v);
	if (v.state != VAL_OK)
		return 404;
	if ((rc = db_order_by_token(c->db, &c->arena, v.s, &o)) != 0)
		return rc < 0 ? 500 : 404;
	if (c->req.nseg == 2) {
		if (c->req.method != METHOD_POST)
			return 405;
		if (!app_csrf_ok(c))
			return 403;
		if (method->state != VAL_OK)
			return 422;
		if (pay_get(o.method)->gateway == NULL ||
		    pay_get(pay_ids[method->i])->gateway == NULL)
			return 409;
		return to_gateway(c, o.token, pay_ids[method->i]);
	}
	if (strcmp(c->req.seg[2], "return") != 0 || c->req.method != METHOD_GET)
		return 404;
	/* Back from the hosted page: the gateway decides, not this URL. */
	r = payment_verify_order(c->db, &c->arena, o.id);
	if (r == SETTLE_PAID)
		site_mail_defer(c);
	if (r == SETTLE_PAID || (db_order_by_token(c->db, &c->arena, o.token,
	    &o) == 0 && strcmp(o.status, "paid") == 0))
		return app_redirect(c, arena_printf(&c->arena, "/order/%s?paid=1",
		    o.token));
	if (r == SETTLE_DOWN && strcmp(o.status, "awaiting_payment") == 0)
		return gateway_silent(c, &o);
	return app_redirect(c, arena_printf(&c->arena, "/order/%s?payfail=1",
	    o.token));
}

/* GET /checkout/ship?country=CC[&city=][&coupon=][&ship=RATE-PRICE]
 * (bare: souk.js when the shopper changes the country or city): the
 * delivery methods of that destination priced for the visitor's cart
 * after the coupon (one the form applied: per-address limits are checked
 * when the order is placed), and the totals, as the form would show
 * them: {ok, state (ship_view's), for, none, options: [{value, name,
 * price, days, checked}], delivery, total}.  A country that is not one
 * of the list, or a field that is not valid: 400 {ok: false, error}. */
static int
page_ship(struct ctx *c)
{
	const struct val *country = app_val(c, KEY_COUNTRY),
	    *city = app_val(c, KEY_CITY), *coupon = app_val(c, KEY_COUPON),
	    *ship = app_val(c, KEY_SHIP);
	const char *token = site_cart_token(c), *where, *cname;
	struct cart cart = { 0 };
	struct order o = { 0 };
	struct ship_view v;
	json_t *opts;

	if (country->state != VAL_OK || phone_country(country->s) == NULL)
		return app_json(c, 400, json_pack("{sb ss}", "ok", 0, "error",
		    app_str(c, "fmsg.checkout.country.bad_choice")));
	if (city->state == VAL_INVALID || coupon->state == VAL_INVALID ||
	    ship->state == VAL_INVALID)
		return app_json(c, 400, json_pack("{sb ss}", "ok", 0, "error",
		    app_str(c, "err.bad_request")));
	if (token != NULL && db_cart_load(c->db, &c->arena, token, &cart) < 0)
		return 500;
	order_from_cart(&c->arena, &cart, &o);
	o.coupon_code = coupon->state == VAL_OK ? coupon->s : "";
	o.email_norm = "";
	if (order_price(c->db, &c->arena, &o, (long long)time(NULL)) ==
	    COUPON_ERROR)
		return 500;
	if (ship_view(c, &cart, o.discount_minor, country->s,
	    city->state == VAL_OK ? city->s : "", ship->state == VAL_OK ?
	    ship->i : 0, &v) < 0)
		return 500;
	opts = json_array();
	for (size_t i = 0; i < v.n; i++) {
		const struct ship_option *x = &v.o[i];
		json_array_append_new(opts, json_pack("{ss ss ss ss sb}",
		    "value", arena_printf(&c->arena, "%lld-%lld", x->rate.id,
		    x->price_minor), "name", lang_text(x->rate.names, c->lang,
		    x->rate.name), "price", x->price_minor == 0 ?
		    app_str(c, "ship.free") : site_money(c, x->price_minor),
		    "days", ship_days_text(c, x->rate.min_days, x->rate.max_days),
		    "checked", i == v.pick));
	}
	cname = app_str(c, arena_printf(&c->arena, "country.%s", country->s));
	where = city->state == VAL_OK ? arena_printf(&c->arena, "%s (%s)",
	    cname, city->s) : cname;
	return app_json(c, 200, json_pack("{sb ss ss ss so ss ss}", "ok", 1,
	    "state", v.state,
	    "for", arena_printf(&c->arena, "%s %s.",
	    app_str(c, "ship.for_country"), where),
	    "none", arena_printf(&c->arena, "%s (%s). %s",
	    app_str(c, "ship.none_a"), cname, app_str(c, "ship.none_b")),
	    "options", opts,
	    "delivery", v.delivery_minor == 0 ? app_str(c, "ship.free") :
	    site_money(c, v.delivery_minor),
	    "total", site_money(c, v.total_minor)));
}

enum page_id { PAGE_CHECKOUT, PAGE_ORDER, PAGE_PAY, PAGE_SHIP, PAGE__MAX };

static const struct page pages[PAGE__MAX] = {
	[PAGE_CHECKOUT] = { "checkout", METHODS_GET_POST, page_checkout, 0,
	    KEYS(KEY_NAME, KEY_EMAIL, KEY_COUNTRY, KEY_PHONE, KEY_ADDRESS,
	    KEY_CITY, KEY_POSTAL, KEY_SHIP, KEY_COUPON, KEY_PAYMENT, KEY_TERMS, KEY_IDEM,
	    KEY_REV, KEY_SEEN, KEY_OP, KEY_D0 + 0, KEY_D0 + 1, KEY_D0 + 2,
	    KEY_D0 + 3, KEY_D0 + 4, KEY_D0 + 5, KEY_D0 + 6, KEY_D0 + 7,
	    KEY_D0 + 8, KEY_D0 + 9, KEY_D0 + 10, KEY_D0 + 11, KEY_D0 + 12,
	    KEY_D0 + 13, KEY_D0 + 14, KEY_D0 + 15) },
	[PAGE_ORDER] = { "order", METHODS_GET_POST, page_order, PAGE_REST,
	    KEYS(KEY_PLACED, KEY_PROOF, KEY_PAID, KEY_PAYFAIL) },
	[PAGE_PAY] = { "pay", METHODS_GET_POST, page_pay, PAGE_REST,
	    KEYS(KEY_METHOD, KEY_FAILED) },
	[PAGE_SHIP] = { "checkout/ship", METHODS_GET, page_ship, PAGE_BARE,
	    KEYS(KEY_COUNTRY, KEY_CITY, KEY_COUPON, KEY_SHIP) },
};

/* A shop whose payment or mail settings are wrong must not take orders:
 * say so at start-up, not to the first shopper. */
static int
checkout_init(struct ctx *c)
{
	(void)c;
	if (!mail_addr_safe(conf_str(CONF_SHOP_EMAIL))) {
		log_error("conf: shop_email '%s' is not an address new-order "
		    "mails can go to", conf_str(CONF_SHOP_EMAIL));
		return -1;
	}
	if (phone_country(conf_str(CONF_DEFAULT_COUNTRY)) == NULL) {
		log_error("conf: default_country '%s' is not one of the "
		    "countries of lib/phone.c", conf_str(CONF_DEFAULT_COUNTRY));
		return -1;
	}
	return pay_check_conf();
}

/* app->batchable: placing an order paid by a manual method is answered
 * in a batch (app_internal.h: one commit for the orders of concurrent
 * shoppers).  Not a gateway's: its hosted page is asked for over the
 * network, never while the batch holds the write lock. */
static int
batchable(struct ctx *c)
{
	const char *op = req_form(&c->req, "op"),
	    *pay = req_form(&c->req, "payment");
	const struct pay_method *m;

	if (c->page != PAGE_CHECKOUT || c->req.method != METHOD_POST ||
	    (op != NULL && strcmp(op, "place") != 0) || pay == NULL)
		return 0;
	return (m = pay_get(pay)) != NULL && m->gateway == NULL;
}

static const struct app checkout = {
	"checkout", pages, PAGE__MAX, keys, KEY__MAX, &site_hooks,
	checkout_init, batchable,
};

int
main(int argc, char **argv)
{
	return app_main(argc, argv, &checkout);
}
