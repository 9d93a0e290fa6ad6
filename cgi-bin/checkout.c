/* checkout — from the cart to a placed order, and the order's own page.
 *
 *   GET  /checkout          the form: name, e-mail, country + phone, the
 *                           address when something is shipped, coupon,
 *                           payment method, consent to the terms
 *   POST /checkout          op=apply: shows the coupon's discount;
 *                           otherwise places the order -> 303 /order/<token>
 *   GET  /order/<token>     lines, totals, status and history, payment
 *                           instructions and reference, proof upload
 *   POST /order/<token>     multipart: a payment proof (field "proof")
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
#include "db_coupon.h"
#include "db_order.h"
#include "log.h"
#include "mail.h"
#include "mail_format.h"
#include "order_hdf.h"
#include "pay.h"
#include "phone.h"
#include "proof.h"
#include "site.h"
#include "site_hooks.h"

enum key {
	KEY_NAME, KEY_EMAIL, KEY_COUNTRY, KEY_PHONE, KEY_ADDRESS, KEY_CITY,
	KEY_POSTAL, KEY_COUPON, KEY_PAYMENT, KEY_TERMS, KEY_IDEM, KEY_REV,
	KEY_SEEN, KEY_OP, KEY_PLACED, KEY_PROOF, KEY__MAX
};

static const char *const ops[] = { "place", "apply", NULL };

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
};

/* The form's fields, in the order errors are listed. */
static const enum key form_keys[] = {
	KEY_NAME, KEY_EMAIL, KEY_COUNTRY, KEY_PHONE, KEY_ADDRESS, KEY_CITY,
	KEY_POSTAL, KEY_COUPON, KEY_PAYMENT, KEY_TERMS,
};
#define NFORM (sizeof(form_keys) / sizeof(form_keys[0]))

/* What a checkout request works on. */
struct checkout {
	const char		*token;		/* cart cookie, NULL: none */
	struct cart		 cart;
	struct pay_cart		 pc;
	const struct pay_method	*methods[PAY_MAX];
	size_t			 nmethods;
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
	co->pc.total_minor = co->cart.subtotal_minor;
	co->pc.nlines = co->cart.n;
	co->pc.nphysical = co->cart.nphysical;
	co->nmethods = pay_offered(&co->pc, co->methods);
	return 0;
}

/* Page.field_err.<field> = err: the message shown next to the field. */
static void
field_err(struct ctx *c, struct checkout *co, enum key k, const char *err)
{
	hdf_putf(c->hdf, err, "Page.field_err.%s", keys[k].name);
	hdf_putf(c->hdf, keys[k].name, "Page.errors.%d.field", co->bad);
	hdf_putf(c->hdf, err, "Page.errors.%d.err", co->bad++);
}

/* The next letter of *s for sorting names: Latin-1 letters without their
 * accents, lower case ("É" sorts with "e"); advances *s. */
static int
sort_letter(const char **s)
{
	static const char fold[] = "aaaaaaaceeeeiiiidnoooooxouuuuyts"
	    "aaaaaaaceeeeiiiidnoooooxouuuuyty";
	const unsigned char *p = (const unsigned char *)*s;
	int ch = *p++;

	if (ch == 0xC3 && *p >= 0x80 && *p <= 0xBF)
		ch = fold[*p++ - 0x80];
	else if (ch >= 'A' && ch <= 'Z')
		ch += 'a' - 'A';
	*s = (const char *)p;
	return ch;
}

struct country_name {
	const char	*code, *name;
};

/* qsort order of country names, accents folded (sort_letter). */
static int
country_cmp(const void *a, const void *b)
{
	const char *x = ((const struct country_name *)a)->name;
	const char *y = ((const struct country_name *)b)->name;
	int cx, cy;

	do {
		cx = sort_letter(&x);
		cy = sort_letter(&y);
	} while (cx == cy && cx != 0);
	return cx - cy;
}

/* Page.countries.N.{code,name,dial}: the country choices by name in the
 * visitor's language. */
static void
put_countries(struct ctx *c)
{
	struct country_name list[64];
	size_t n = 0;

	for (const struct country *k = phone_countries; k->code && n < 64; k++) {
		list[n].code = k->code;
		list[n++].name = app_str(c, arena_printf(&c->arena, "country.%s",
		    k->code));
	}
	qsort(list, n, sizeof(list[0]), country_cmp);
	for (size_t i = 0; i < n; i++) {
		hdf_putf(c->hdf, list[i].code, "Page.countries.%zu.code", i);
		hdf_putf(c->hdf, list[i].name, "Page.countries.%zu.name", i);
		hdf_putf(c->hdf, phone_country(list[i].code)->dial,
		    "Page.countries.%zu.dial", i);
	}
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

/* The checkout form with the cart, the choices and the values kept. */
static int
show(struct ctx *c, struct checkout *co, int status)
{
	const struct val *pay = app_val(c, KEY_PAYMENT);
	const struct val *country = app_val(c, KEY_COUNTRY);
	char key[CART_KEY_LEN + 1];
	int posted = c->req.method == METHOD_POST;

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
	put_countries(c);
	for (size_t i = 0; i < co->nmethods; i++) {
		hdf_putf(c->hdf, co->methods[i]->id, "Page.methods.%zu.id", i);
		if (!posted && i == 0)
			hdf_put(c->hdf, "Page.form.payment", co->methods[i]->id);
	}
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
	c->resp.status = status;
	return app_render(c, "checkout/checkout");
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

	for (size_t i = 0; i < NFORM; i++) {
		v = app_val(c, form_keys[i]);
		if (v->state == VAL_INVALID)
			field_err(c, co, form_keys[i], v->err);
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
	if (co->bad)
		return co->bad;
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

/* Checks the coupon of o (outside the transaction, to show the discount
 * or the reason) and sets the totals.  Returns 0, or -1 after marking the
 * field (or on a database error: *fatal). */
static int
apply_coupon(struct ctx *c, struct checkout *co, struct order *o, int *fatal)
{
	enum coupon_check cc;

	o->subtotal_minor = co->cart.subtotal_minor;
	o->discount_minor = 0;
	o->coupon_id = 0;
	if (*o->coupon_code) {
		cc = db_coupon_check(c->db, &c->arena, o->coupon_code,
		    o->email_norm ? o->email_norm : "", o->subtotal_minor,
		    (long long)time(NULL), &o->coupon_id, &o->discount_minor);
		if (cc == COUPON_ERROR) {
			*fatal = 1;
			return -1;
		}
		if (cc != COUPON_OK) {
			field_err(c, co, KEY_COUPON, coupon_errs[cc]);
			return -1;
		}
		hdf_put(c->hdf, "Page.coupon.code", o->coupon_code);
		hdf_put(c->hdf, "Page.coupon.discount", site_money(c,
		    o->discount_minor));
		hdf_put(c->hdf, "Page.coupon.total", site_money(c,
		    o->subtotal_minor - o->discount_minor));
	}
	o->total_minor = o->subtotal_minor - o->discount_minor;
	return 0;
}

/* The lines of the cart as order lines. */
static void
order_lines(struct ctx *c, const struct cart *cart, struct order *o)
{
	o->lines = arena_alloc(&c->arena, (cart->n + 1) * sizeof(*o->lines));
	o->nlines = cart->n;
	for (size_t i = 0; i < cart->n; i++) {
		const struct cart_line *l = &cart->lines[i];
		struct order_line *ol = &o->lines[i];
		ol->product_id = l->product_id;
		ol->plan_id = l->plan_id;
		ol->name = l->name;
		ol->kind = l->kind;
		ol->months = l->months;
		ol->days = l->days;
		ol->unit_minor = l->unit_minor;
		ol->qty = l->qty;
		ol->line_minor = l->line_minor;
	}
}

/* The order's mails, rendered before the transaction. */
struct order_mails {
	struct mail	 shopper, shop;
};

/* Renders templates/mail/<name>.cs (text, or HTML when html) for o in
 * language l into an arena string; NULL on error. */
static const char *
render_mail(struct ctx *c, enum lang l, const char *name, int html,
    const struct order *o)
{
	struct buf b = { 0 };
	const char *out = NULL;
	HDF *h = tmpl_hdf(l);

	if (h != c->hdf)
		order_put(h, &c->arena, l, "Page.order", o);
	if ((html ? tmpl_render(l, name, TMPL_BARE, &b) :
	    mail_render(l, name, &b)) == 0)
		out = arena_strdup(&c->arena, b.data ? b.data : "");
	buf_free(&b);
	if (h != c->hdf)
		tmpl_clear(l);
	return out;
}

/* Fills m with the confirmation to the shopper and the "new order" mail
 * to the shop; 0 or -1. */
static int
make_mails(struct ctx *c, const struct order *o, struct order_mails *m)
{
	enum lang shop = (enum lang)lang_from_code(conf_str(CONF_DEFAULT_LANG));

	order_put(c->hdf, &c->arena, c->lang, "Page.order", o);
	memset(m, 0, sizeof(*m));
	/* An address nobody has verified: no name in To:, and the templates
	 * print nothing else the shopper typed (docs/mail-safety.md). */
	m->shopper.to = o->email;
	m->shopper.reply_to = conf_str(CONF_SHOP_EMAIL);
	m->shopper.subject = arena_printf(&c->arena, "%s %s — %s",
	    tmpl_str(c->lang, "mail.confirm_subject"), o->reference,
	    conf_str(CONF_STORE_NAME));
	m->shopper.text = render_mail(c, c->lang, "mail/order_confirm", 0, o);
	m->shopper.html = render_mail(c, c->lang, "mail/order_confirm_html", 1, o);
	m->shop.to = conf_str(CONF_SHOP_EMAIL);
	m->shop.reply_to = o->email;
	m->shop.subject = arena_printf(&c->arena, "%s %s (%s)",
	    tmpl_str(shop, "mail.new_subject"), o->reference,
	    site_money(c, o->total_minor));
	m->shop.text = render_mail(c, shop, "mail/order_new", 0, o);
	return m->shopper.text && m->shopper.html && m->shop.text ? 0 : -1;
}

/* Page.notice for a placement that could not be done. */
static void
place_notice(struct ctx *c, enum place_result r, const struct place_why *why,
    const struct order *o)
{
	static const char *const names[] = {
		[PLACE_CHANGED] = "changed", [PLACE_UNAVAILABLE] = "withdrawn",
		[PLACE_STOCK] = "stock",
	};

	hdf_put(c->hdf, "Page.notice", names[r]);
	if (r == PLACE_STOCK || r == PLACE_UNAVAILABLE) {
		hdf_put(c->hdf, "Page.notice_line", o->lines[why->line].name);
		hdf_put_int(c->hdf, "Page.notice_n", why->available);
	}
}

/* The checkout form again, saying which line cannot be bought as it is
 * (sold out since the form was shown, fewer left, withdrawn). */
static int
show_problem(struct ctx *c, struct checkout *co)
{
	struct place_why why = { 0 };
	struct order o = { 0 };

	order_lines(c, &co->cart, &o);
	for (size_t i = 0; i < co->cart.n; i++) {
		const struct cart_line *l = &co->cart.lines[i];
		if (l->on_sale && l->qty <= l->max_qty)
			continue;
		why.line = i;
		why.available = l->max_qty;
		place_notice(c, l->on_sale ? PLACE_STOCK : PLACE_UNAVAILABLE, &why,
		    &o);
		break;
	}
	return show(c, co, 409);
}

/* Places o in one transaction (see the header).  Returns the HTTP status
 * of the answer. */
static int
place(struct ctx *c, struct checkout *co, struct order *o)
{
	char ref[ORDER_REF_BUF];
	struct order_mails m;
	struct place_why why;
	enum place_result r = PLACE_RETRY;

	/* A reference already taken (one chance in 2^40) draws another. */
	for (int attempt = 0; attempt < 3 && r == PLACE_RETRY; attempt++) {
		order_reference(ref);
		o->reference = arena_strdup(&c->arena, ref);
		if (make_mails(c, o, &m) < 0 || db_begin(c->db) < 0)
			return 500;
		r = db_order_place(c->db, &c->arena, co->token, o, &why);
		if (r == PLACE_OK && (mail_enqueue(c->db, &m.shopper) < 0 ||
		    mail_enqueue(c->db, &m.shop) < 0))
			r = PLACE_ERROR;
		if (r == PLACE_OK && db_commit(c->db) < 0)
			r = PLACE_ERROR;
		if (r != PLACE_OK)
			db_rollback(c->db);
	}
	switch (r) {
	case PLACE_OK:
		site_mail_defer(c);	/* the two mails leave after the response */
		return app_redirect(c, arena_printf(&c->arena,
		    "/order/%s?placed=1", o->token));
	case PLACE_DUPLICATE:
		return app_redirect(c, arena_printf(&c->arena, "/order/%s",
		    o->token));
	case PLACE_COUPON:
		field_err(c, co, KEY_COUPON, coupon_errs[why.coupon]);
		return show(c, co, 409);
	case PLACE_CHANGED:
	case PLACE_UNAVAILABLE:
	case PLACE_STOCK:
		place_notice(c, r, &why, o);
		if (load(c, co) < 0)
			return 500;
		return show(c, co, 409);
	case PLACE_RETRY:
	case PLACE_ERROR:
		break;
	}
	return 500;
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
	if (rc == 1 && cart_id == co->cart.id)
		return app_redirect(c, arena_printf(&c->arena, "/order/%s", token));
	if (co->cart.n == 0)
		return app_redirect(c, "/cart");
	/* Another tab changed the cart, or the shop a price: show it again. */
	if (rev->i != co->cart.rev || seen->i != co->cart.subtotal_minor) {
		hdf_put(c->hdf, "Page.notice", "changed");
		return show(c, co, 409);
	}
	o.coupon_code = app_val(c, KEY_COUPON)->s;
	o.email_norm = NULL;
	if (read_form(c, co, &o) > 0) {
		/* Still show what the coupon would give. */
		if (app_val(c, KEY_COUPON)->state == VAL_OK)
			apply_coupon(c, co, &o, &fatal);
		return fatal ? 500 : show(c, co, 422);
	}
	if (apply_coupon(c, co, &o, &fatal) < 0)
		return fatal ? 500 : show(c, co, 409);
	if (app_val(c, KEY_OP)->state == VAL_OK && app_val(c, KEY_OP)->i == 1)
		return show(c, co, 200);	/* op=apply: the preview */
	if (co->cart.problems)
		return show_problem(c, co);
	order_lines(c, &co->cart, &o);
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

	if (strcmp(o->status, "paid") != 0 && strcmp(o->status, "completed") != 0)
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

	if (strcmp(o->status, "paid") != 0 && strcmp(o->status, "completed") != 0)
		return 0;
	if (db_sub_of_order(c->db, &c->arena, o->id, &s, &n) < 0)
		return -1;
	return subs_put(c->hdf, &c->arena, c->db, "Page.subs", s, n,
	    store_now());
}

/* The order page for o (and the upload form's token). */
static int
show_order(struct ctx *c, const struct order *o, int status)
{
	/* A private page behind an unguessable link: never in an index. */
	resp_header(&c->resp, "X-Robots-Tag", "noindex, nofollow");
	order_put(c->hdf, &c->arena, c->lang, "Page.order", o);
	if (order_downloads(c, o) < 0 || order_subs(c, o) < 0)
		return 500;
	if (app_val(c, KEY_PLACED)->state == VAL_OK && app_val(c, KEY_PLACED)->i)
		hdf_put(c->hdf, "Page.placed", "1");
	if (app_val(c, KEY_PROOF)->state == VAL_OK && app_val(c, KEY_PROOF)->i)
		hdf_put(c->hdf, "Page.proof_received", "1");
	hdf_put_int(c->hdf, "Page.max_upload", conf_int(CONF_MAX_UPLOAD) >> 20);
	app_csrf_token(c);
	c->resp.status = status;
	return app_render(c, "checkout/order");
}

/* Page.upload_err and the order page again. */
static int
upload_refused(struct ctx *c, const struct order *o, int status,
    const char *why)
{
	hdf_put(c->hdf, "Page.upload_err", why);
	return show_order(c, o, status);
}

/* POST /order/<token>: a payment proof. */
static int
upload(struct ctx *c, struct order *o)
{
	const struct pay_method *m = pay_get(o->method);
	const struct req_file *f = req_file(&c->req, "proof");
	const char *type, *dir = conf_str(CONF_DATA_DIR);
	char name[PROOF_NAME_LEN + 1], sha[65];
	struct mail mail = { 0 };
	enum lang l = (enum lang)lang_from_code(conf_str(CONF_DEFAULT_LANG));
	int ok;

	if (!app_csrf_ok(c))
		return 403;
	if (m == NULL || !m->takes_proof)
		return upload_refused(c, o, 409, "proof_method");
	if (strcmp(o->status, order_statuses[ORDER_AWAITING_PAYMENT]) != 0 &&
	    strcmp(o->status, order_statuses[ORDER_PROOF_RECEIVED]) != 0)
		return upload_refused(c, o, 409, "proof_closed");
	if (o->nproofs >= PROOF_MAX)
		return upload_refused(c, o, 409, "proof_too_many");
	if (f == NULL || f->len == 0)
		return upload_refused(c, o, 422, "proof_missing");
	if ((type = proof_sniff(f->data, f->len)) == NULL)
		return upload_refused(c, o, 415, "proof_type");
	if (proof_store(dir, f->data, f->len, name, sha) < 0)
		return 500;
	mail.to = conf_str(CONF_SHOP_EMAIL);
	mail.subject = arena_printf(&c->arena, "%s %s",
	    tmpl_str(l, "mail.proof_subject"), o->reference);
	/* The proof and the mail telling the shop commit together. */
	mail.text = render_mail(c, l, "mail/proof_received", 0, o);
	ok = mail.text != NULL && db_begin(c->db) == 0 &&
	    db_order_add_proof(c->db, o, name, type, (long long)f->len, sha,
	    f->filename) == 0 && mail_enqueue(c->db, &mail) > 0 &&
	    db_commit(c->db) == 0;
	if (!ok) {
		db_rollback(c->db);
		proof_unlink(dir, name);
		return 500;
	}
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

enum page_id { PAGE_CHECKOUT, PAGE_ORDER, PAGE__MAX };

static const struct page pages[PAGE__MAX] = {
	[PAGE_CHECKOUT] = { "checkout", METHODS_GET_POST, page_checkout, 0,
	    KEYS(KEY_NAME, KEY_EMAIL, KEY_COUNTRY, KEY_PHONE, KEY_ADDRESS,
	    KEY_CITY, KEY_POSTAL, KEY_COUPON, KEY_PAYMENT, KEY_TERMS, KEY_IDEM,
	    KEY_REV, KEY_SEEN, KEY_OP) },
	[PAGE_ORDER] = { "order", METHODS_GET_POST, page_order, PAGE_REST,
	    KEYS(KEY_PLACED, KEY_PROOF) },
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

static const struct app checkout = {
	"checkout", pages, PAGE__MAX, keys, KEY__MAX, &site_hooks,
	checkout_init,
};

int
main(int argc, char **argv)
{
	return app_main(argc, argv, &checkout);
}
