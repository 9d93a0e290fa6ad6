/* cart — the shopper's cart.
 *
 *   GET  /cart              lines, quantities, totals, the way to checkout
 *   POST /cart/add          product, plan (subscriptions), qty (default 1)
 *   POST /cart/update       line, qty (0 removes the line)
 *   POST /cart/remove       line
 *   GET  /cart/empty  asks first (a confirmation page)
 *   POST /cart/empty
 *
 * Plain forms: every POST answers 303 to /cart with a notice in the query
 * (POST -> redirect -> GET).  Asked for JSON (Accept: application/json),
 * the same endpoints answer the cart as JSON so souk.js updates the page
 * in place.  Quantities follow the rules of cart.h; prices are always the
 * catalog's, nothing the browser sends about a price is read.
 *
 * CSRF: /cart/add is posted from product pages a shared cache may have
 * served, which carry no per-visitor token, so it takes a strict
 * same-origin check (origin_strict: Origin / Sec-Fetch-Site).  Every other
 * POST needs the visitor's token and the same origin (app_csrf_ok).
 *
 * Cart writes commit with synchronous=NORMAL (db_relaxed in db.h): a
 * power cut may forget the last clicks, never corrupt anything. */
#include <string.h>

#include "app.h"
#include "card_cache.h"
#include "cart.h"
#include "store_conf.h"
#include "csrf.h"
#include "db_cart.h"
#include "db_catalog_text.h"
#include "db_subs.h"
#include "json.h"
#include "order_hdf.h"
#include "ship_hdf.h"
#include "site.h"
#include "db_user.h"
#include "site_hooks.h"
#include "subs.h"

enum key { KEY_PRODUCT, KEY_PLAN, KEY_QTY, KEY_LINE, KEY_NOTICE, KEY_N,
	KEY_SUB, KEY_SIG, KEY__MAX };

/* What the cart page says after a change (Lang.cart.notice.<code>). */
enum notice {
	N_ADDED, N_UPDATED, N_REMOVED, N_EMPTIED, N_LEFT, N_MAX, N_ALREADY,
	N_UNITS, N_SOLD_OUT, N_NO_PRODUCT, N_BAD_PLAN, N_NO_LINE, N_FULL, N__MAX
};

static const char *const notices[N__MAX + 1] = {
	[N_ADDED] = "added", [N_UPDATED] = "updated", [N_REMOVED] = "removed",
	[N_EMPTIED] = "emptied", [N_LEFT] = "left", [N_MAX] = "max",
	[N_ALREADY] = "already", [N_UNITS] = "units", [N_SOLD_OUT] = "sold_out",
	[N_NO_PRODUCT] = "no_product", [N_BAD_PLAN] = "bad_plan",
	[N_NO_LINE] = "no_line", [N_FULL] = "full", [N__MAX] = NULL,
};

#define ID_MAX (1LL << 53)

static const struct valid_key keys[KEY__MAX] = {
	[KEY_PRODUCT] = { "product", V_INT, 1, ID_MAX, NULL, 0 },
	[KEY_PLAN] = { "plan", V_INT, 1, ID_MAX, NULL, 0 },
	[KEY_QTY] = { "qty", V_INT, 0, 999, NULL, 0 },
	[KEY_LINE] = { "line", V_INT, 1, ID_MAX, NULL, 0 },
	[KEY_NOTICE] = { "notice", V_ENUM, 0, 0, notices, 0 },
	[KEY_N] = { "n", V_INT, 0, 999, NULL, 0 },
	/* The renewal link of a reminder mail (subs.h sub_renew_query). */
	[KEY_SUB] = { "s", V_INT, 1, ID_MAX, NULL, 1 },
	[KEY_SIG] = { "k", V_TOKEN, CSRF_TOKEN_LEN, CSRF_TOKEN_LEN, NULL, 1 },
};

/* The notice and HTTP status for the outcome of a change; n is the
 * number a "left"/"max" notice quotes. */
static enum notice
notice_of(enum cart_result r, const struct cart_change *ch, enum notice ok,
    int *status)
{
	*status = 200;
	switch (r) {
	case CART_OK:
		return ok;
	case CART_LIMITED:
		return ch->by_units ? N_UNITS : ch->by_stock ? N_LEFT : N_MAX;
	case CART_UNITS:
		*status = 409;
		return N_UNITS;
	case CART_ALREADY:
		return N_ALREADY;
	case CART_SOLD_OUT:
		*status = 409;
		return N_SOLD_OUT;
	case CART_FULL:
		*status = 409;
		return N_FULL;
	case CART_NO_PRODUCT:
		*status = 404;
		return N_NO_PRODUCT;
	case CART_NO_LINE:
		*status = 404;
		return N_NO_LINE;
	case CART_BAD_PLAN:
		*status = 400;
		return N_BAD_PLAN;
	case CART_ERROR:
		break;
	}
	*status = 500;
	return N_NO_LINE;
}

/* 1 when notice n quotes a number ("Only 2 left", "at most 10"). */
static int
quotes(enum notice n)
{
	return n == N_LEFT || n == N_MAX || n == N_UNITS;
}

/* The number notice n quotes after change ch: the line's most, or the
 * units one order may hold. */
static long long
quoted(enum notice n, const struct cart_change *ch)
{
	if (n == N_UNITS)
		return cart_max_units();
	return ch != NULL ? ch->max_qty : 0;
}

/* The notice as a sentence, e.g. "Only 2 left ..." (arena string). */
static const char *
notice_text(struct ctx *c, enum notice n, long long num)
{
	const char *a = app_str(c, arena_printf(&c->arena, "cart.notice.%s.a",
	    notices[n]));

	if (!quotes(n))
		return a;
	return arena_printf(&c->arena, "%s %lld %s", a, num, app_str(c,
	    arena_printf(&c->arena, "cart.notice.%s.b", notices[n])));
}

/* What a shopper calls a cart line's plan: its label, else "3 months"
 * (arena string); "" for lines without a plan. */
static const char *
plan_text(struct ctx *c, const struct cart_line *l)
{
	const char *label;

	if (l->plan_id > 0 && db_text_plan_label(c->db, &c->arena, c->lang,
	    l->plan_id, &label) == 0 && label != NULL)
		return label;
	if (l->months > 0)
		return arena_printf(&c->arena, "%lld %s", (long long)l->months,
		    app_str(c, l->months == 1 ? "month" : "months"));
	if (l->days > 0)
		return arena_printf(&c->arena, "%lld %s", (long long)l->days,
		    app_str(c, l->days == 1 ? "day" : "days"));
	return "";
}

/* The line of cart with this id, or NULL. */
static const struct cart_line *
line_of(const struct cart *cart, long long id)
{
	for (size_t i = 0; i < cart->n; i++)
		if (cart->lines[i].id == id)
			return &cart->lines[i];
	return NULL;
}

/* Keeps the cart cookie for another 30 days. */
static void
set_cookie(struct ctx *c, const char *token)
{
	resp_cookie(&c->resp, CART_COOKIE, token, CART_COOKIE_AGE,
	    COOKIE_HTTPONLY | (conf_https() ? COOKIE_SECURE : 0));
}

/* The cart as JSON: {ok, notice, message, count, subtotal, line, lines};
 * n N__MAX: no notice (the cart asked for, nothing changed). */
static int
answer_json(struct ctx *c, const char *token, enum notice n, int status,
    const struct cart_change *ch)
{
	struct cart cart = { 0 };
	struct ship_estimate est;
	json_t *o, *lines;
	int rc;

	if (token != NULL && db_cart_load(c->db, &c->arena, token, &cart) < 0)
		return 500;
	lines = json_array();
	for (size_t i = 0; i < cart.n; i++) {
		const struct cart_line *l = &cart.lines[i];
		json_array_append_new(lines, json_pack("{sI sI sI ss}", "id",
		    (json_int_t)l->id, "qty", (json_int_t)l->qty, "max",
		    (json_int_t)l->max_qty, "total", site_money(c, l->line_minor)));
	}
	o = json_pack("{sb so ss sI ss}", "ok", status < 400,
	    "notice", n == N__MAX ? json_null() : json_string(notices[n]),
	    "message", n == N__MAX ? "" : notice_text(c, n, quoted(n, ch)),
	    "count", (json_int_t)cart.count,
	    "subtotal", site_money(c, cart.subtotal_minor));
	if (ch != NULL && ch->line_id) {
		const struct cart_line *l = line_of(&cart, ch->line_id);
		json_object_set_new(o, "line", json_integer(ch->line_id));
		json_object_set_new(o, "qty", json_integer(ch->qty));
		/* What the add-to-cart drawer names (souk.js). */
		if (l != NULL && status < 400) {
			const char *name = l->name;
			db_text_name(c->db, &c->arena, c->lang, l->product_id,
			    &name);
			json_object_set_new(o, "item", json_pack(
			    "{ss ss ss ss ss ss ss}", "name", name, "plan",
			    plan_text(c, l), "total", site_money(c, l->line_minor),
			    "heading", app_str(c, "cart.added.heading"),
			    "view", app_str(c, "cart.added.view"),
			    "checkout", app_str(c, "cart.added.checkout"),
			    "close", app_str(c, "cart.added.close")));
			json_object_set_new(o, "subtotal_label", json_string(
			    app_str(c, "cart.added.subtotal")));
		}
	}
	json_object_set_new(o, "lines", lines);
	/* The delivery estimate the cart page shows (data-delivery). */
	if (ship_estimate(c, &cart, &est) < 0) {
		json_decref(o);
		return 500;
	}
	if (est.offered)
		json_object_set_new(o, "delivery", json_string(
		    ship_estimate_price(c, &est)));
	buf_reset(&c->resp.body);
	rc = json_out(&c->resp.body, o);
	json_decref(o);
	if (rc < 0)
		return 500;
	buf_putc(&c->resp.body, '\n');
	c->resp.content_type = "application/json; charset=utf-8";
	return status;
}

/* The answer to a change: JSON, or 303 to the cart page with the notice. */
static int
answer(struct ctx *c, const char *token, enum cart_result r,
    const struct cart_change *ch, enum notice ok)
{
	int status;
	enum notice n = notice_of(r, ch, ok, &status);

	if (status == 500)
		return 500;
	if (token != NULL && status < 400)
		set_cookie(c, token);
	if (req_wants_json(&c->req))
		return answer_json(c, token, n, status, ch);
	if (quotes(n))
		return app_redirect(c, arena_printf(&c->arena,
		    "/cart?notice=%s&n=%lld", notices[n], quoted(n, ch)));
	if (n == N_ADDED && ch != NULL && ch->line_id > 0)
		return app_redirect(c, arena_printf(&c->arena,
		    "/cart?notice=added&line=%lld", ch->line_id));
	return app_redirect(c, arena_printf(&c->arena, "/cart?notice=%s",
	    notices[n]));
}

static int
page_cart(struct ctx *c)
{
	const char *token = site_cart_token(c);
	const struct val *n = app_val(c, KEY_NOTICE);
	struct cart cart = { 0 };

	if (token != NULL && db_cart_load(c->db, &c->arena, token, &cart) < 0)
		return 500;
	if (req_wants_json(&c->req))
		return answer_json(c, token, N__MAX, 200, NULL);
	cart_put(c, "Page.cart", &cart);
	hdf_put_int(c->hdf, "Req.cart_count", cart.count);
	if (ship_estimate_put(c, "Page.delivery", &cart) < 0)
		return 500;
	if (cart.n == 0 && card_suggest(c, "suggest_html", 4) < 0)
		return 500;
	if (n->state == VAL_OK) {
		hdf_put(c->hdf, "Page.notice", notices[n->i]);
		hdf_put(c->hdf, "Page.notice_text", notice_text(c, (enum notice)n->i,
		    app_val(c, KEY_N)->state == VAL_OK ? app_val(c, KEY_N)->i : 0));
		/* Good news, a limit, or a refusal: the notice's colour. */
		hdf_put(c->hdf, "Page.notice_kind", n->i < N_LEFT ? "ok" :
		    n->i < N_SOLD_OUT ? "warn" : "error");
	}
	/* After adding without JS: the line added, named in the notice. */
	if (n->state == VAL_OK && n->i == N_ADDED &&
	    app_val(c, KEY_LINE)->state == VAL_OK)
		for (size_t i = 0; i < cart.n; i++)
			if (cart.lines[i].id == app_val(c, KEY_LINE)->i) {
				hdf_put_int(c->hdf, "Page.added.index", (long long)i);
				hdf_put(c->hdf, "Page.added.plan",
				    plan_text(c, &cart.lines[i]));
			}
	return app_render(c, 200, "cart/cart");
}

static int
page_add(struct ctx *c)
{
	char token[CART_TOKEN_LEN + 1] = "";
	const struct val *qty = app_val(c, KEY_QTY);
	struct cart_change ch;
	enum cart_result r;

	if (!origin_strict(&c->req, conf_str(CONF_BASE_URL)))
		return app_error(c, 403, "csrf");
	if (app_val(c, KEY_PRODUCT)->state != VAL_OK) {
		app_put_errors(c, "Page.errors");
		return app_error(c, 400, "invalid");
	}
	if (site_cart_token(c) != NULL)
		memcpy(token, site_cart_token(c), CART_TOKEN_LEN + 1);
	r = db_cart_add(c->db, token, app_val(c, KEY_PRODUCT)->i,
	    app_val(c, KEY_PLAN)->state == VAL_OK ? app_val(c, KEY_PLAN)->i : 0,
	    qty->state == VAL_OK && qty->i > 0 ? qty->i : 1, &ch);
	/* A logged-in visitor's new cart is their account's. */
	if (ch.created && c->site->user != NULL &&
	    db_cart_own(c->db, token, c->site->user->id) < 0)
		return 500;
	return answer(c, r == CART_OK || r == CART_LIMITED || r == CART_ALREADY ?
	    token : site_cart_token(c), r, &ch, N_ADDED);
}

/* /cart/update and /cart/remove: the line's new quantity. */
static int
set_line(struct ctx *c, long long qty, enum notice ok)
{
	const char *token = site_cart_token(c);
	struct cart_change ch = { 0 };
	enum cart_result r = CART_NO_LINE;

	if (!app_csrf_ok(c))
		return 403;
	if (app_val(c, KEY_LINE)->state != VAL_OK || qty < 0) {
		app_put_errors(c, "Page.errors");
		return app_error(c, 400, "invalid");
	}
	if (token != NULL)
		r = db_cart_set(c->db, token, app_val(c, KEY_LINE)->i, qty, &ch);
	return answer(c, token, r, &ch, qty == 0 ? N_REMOVED : ok);
}

static int
page_update(struct ctx *c)
{
	const struct val *qty = app_val(c, KEY_QTY);

	return set_line(c, qty->state == VAL_OK ? qty->i : -1, N_UPDATED);
}

static int
page_remove(struct ctx *c)
{
	return set_line(c, 0, N_REMOVED);
}

/* GET: "Empty your cart?" with what it holds, a POST button and a way
 * back; an empty cart goes to the cart page.  POST: empties it. */
static int
page_empty(struct ctx *c)
{
	const char *token = site_cart_token(c);
	enum cart_result r = CART_OK;

	if (c->req.method != METHOD_POST) {
		struct cart cart = { 0 };
		if (token != NULL && db_cart_load(c->db, &c->arena, token,
		    &cart) < 0)
			return 500;
		if (cart.n == 0)
			return app_redirect(c, "/cart");
		cart_put(c, "Page.cart", &cart);
		app_csrf_token(c);
		return app_render(c, 200, "cart/empty");
	}
	if (!app_csrf_ok(c))
		return 403;
	if (token != NULL && (r = db_cart_empty(c->db, token)) == CART_NO_LINE)
		r = CART_OK;	/* nothing to empty is still an empty cart */
	return answer(c, token, r, NULL, N_EMPTIED);
}

/* GET /cart/renew?s=ID&k=SIG, the one-click link of a reminder mail:
 * puts the subscription's plan in this browser's cart (a guest's too) and
 * shows the cart.  The link is signed for that subscription, so no other
 * site can make one; the worst a shared link does is fill a cart. */
static int
page_renew(struct ctx *c)
{
	char token[CART_TOKEN_LEN + 1] = "";
	struct subscription s;
	struct cart_change ch;
	enum cart_result r;
	int rc;

	if (app_val(c, KEY_SUB)->state != VAL_OK ||
	    app_val(c, KEY_SIG)->state != VAL_OK ||
	    !sub_renew_valid(app_val(c, KEY_SUB)->i, app_val(c, KEY_SIG)->s))
		return app_error(c, 403, "renew_link");
	if ((rc = db_sub_get(c->db, &c->arena, app_val(c, KEY_SUB)->i, &s)) != 0)
		return rc < 0 ? 500 : app_error(c, 404, "renew_link");
	if (site_cart_token(c) != NULL)
		memcpy(token, site_cart_token(c), CART_TOKEN_LEN + 1);
	r = db_cart_add(c->db, token, s.product_id, s.plan_id, 1, &ch);
	return answer(c, r == CART_OK || r == CART_LIMITED || r == CART_ALREADY ?
	    token : site_cart_token(c), r, &ch, N_ADDED);
}

enum page_id { PAGE_CART, PAGE_ADD, PAGE_UPDATE, PAGE_REMOVE, PAGE_EMPTY,
	PAGE_RENEW, PAGE__MAX };

static const struct page pages[PAGE__MAX] = {
	[PAGE_CART] = { "cart", METHODS_GET, page_cart, 0,
	    KEYS(KEY_NOTICE, KEY_N, KEY_LINE) },
	[PAGE_ADD] = { "cart/add", METHODS_POST, page_add, PAGE_STRICT,
	    KEYS(KEY_PRODUCT, KEY_PLAN, KEY_QTY) },
	[PAGE_UPDATE] = { "cart/update", METHODS_POST, page_update, PAGE_STRICT,
	    KEYS(KEY_LINE, KEY_QTY) },
	[PAGE_REMOVE] = { "cart/remove", METHODS_POST, page_remove, PAGE_STRICT,
	    KEYS(KEY_LINE) },
	[PAGE_EMPTY] = { "cart/empty", METHODS_GET_POST, page_empty, 0, NULL },
	[PAGE_RENEW] = { "cart/renew", METHODS_GET, page_renew, 0,
	    KEYS(KEY_SUB, KEY_SIG) },
};

/* Cart writes are cheap to lose on a power cut: see the header. */
static int
cart_init(struct ctx *c)
{
	return db_relaxed(c->db);
}

static const struct app cart = {
	"cart", pages, PAGE__MAX, keys, KEY__MAX, &site_hooks, cart_init, NULL,
};

int
main(int argc, char **argv)
{
	return app_main(argc, argv, &cart);
}
