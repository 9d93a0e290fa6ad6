/* wishlist — a customer's wishlist, "notify me when back" for sold-out
 * products, and the unsubscribe links of their mails (docs/content.md).
 * Never cached.
 *
 *   GET  /account/wishlist          the list (login needed: 303 to login)
 *   POST /account/wishlist/add      product=ID; 303 back to the product
 *   POST /account/wishlist/remove   product=ID; 303 to the list
 *   POST /account/wishlist/move     product=ID [plan=ID]: into the cart
 *                                   (subscriptions need a plan: 303 to the
 *                                   product page to choose one), out of
 *                                   the list (in that order); 303 to the cart
 *   GET  /notify?product=ID         the "notify me" form of a sold-out product
 *   POST /notify                    email, product: per client address and
 *                                   per e-mail address rate limits (429),
 *                                   then one stock_alerts row; nothing is
 *                                   mailed now (the one mail leaves when the
 *                                   stock returns, lib/store/watch.c)
 *   GET  /notify/stop?k=&id=&sig=   the unsubscribe page (a signed link
 *   POST /notify/stop                from a mail); the POST unsubscribes
 *
 * Every POST passes app_csrf_ok (token + same origin).  The notify form
 * takes an address nobody has verified: its mail carries nothing the
 * visitor typed (docs/mail-safety.md). */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "auth.h"
#include "cart.h"
#include "db_cart.h"
#include "db_rate.h"
#include "db_wish.h"
#include "log.h"
#include "site.h"
#include "site_hooks.h"
#include "store_conf.h"
#include "valid.h"
#include "watch.h"

#define NOTIFY_WINDOW		3600	/* notify_rate_limit: per hour */
#define NOTIFY_ADDR_WINDOW	86400	/* notify_address_limit: per day */

enum key {
	KEY_PRODUCT, KEY_PLAN, KEY_EMAIL, KEY_K, KEY_ID, KEY_SIG, KEY_DONE,
	KEY__MAX
};

static const char *const kinds[] = { "w", "a", NULL };
static const char *const dones[] = { "added", "removed", "moved", NULL };

static const struct valid_key keys[KEY__MAX] = {
	[KEY_PRODUCT] = { "product", V_INT, 1, 1LL << 53, NULL, 1 },
	[KEY_PLAN] = { "plan", V_INT, 1, 1LL << 53, NULL, 0 },
	[KEY_EMAIL] = { "email", V_EMAIL, 0, 0, NULL, 1 },
	[KEY_K] = { "k", V_ENUM, 0, 0, kinds, 1 },
	[KEY_ID] = { "id", V_INT, 1, 1LL << 53, NULL, 1 },
	[KEY_SIG] = { "sig", V_LINE, 64, 64, NULL, 1 },
	[KEY_DONE] = { "done", V_ENUM, 0, 0, dones, 0 },
};

/* The validated product id, or 0 when it is missing or invalid. */
static long long
product_arg(struct ctx *c)
{
	const struct val *v = app_val(c, KEY_PRODUCT);

	return v->state == VAL_OK ? v->i : 0;
}

/* GET /account/wishlist. */
static int
page_list(struct ctx *c)
{
	struct wish_item *w;
	long long n;
	int st;

	if ((st = auth_require(c, ROLE_CUSTOMER)) != 0)
		return st;
	if ((n = db_wish_list(c->db, &c->arena, c->site->user->id, &w)) < 0)
		return 500;
	app_csrf_token(c);
	for (long long i = 0; i < n; i++) {
		hdf_putf(c->hdf, arena_printf(&c->arena, "%lld", w[i].product_id),
		    "Page.items.%lld.id", i);
		hdf_putf(c->hdf, w[i].slug, "Page.items.%lld.slug", i);
		hdf_putf(c->hdf, w[i].name, "Page.items.%lld.name", i);
		hdf_putf(c->hdf, w[i].kind, "Page.items.%lld.kind", i);
		hdf_putf(c->hdf, site_money(c, w[i].price_minor),
		    "Page.items.%lld.price", i);
		hdf_putf(c->hdf, w[i].in_stock ? "1" : "0",
		    "Page.items.%lld.in_stock", i);
		hdf_putf(c->hdf, w[i].has_plans ? "1" : "0",
		    "Page.items.%lld.has_plans", i);
	}
	if (app_val(c, KEY_DONE)->state == VAL_OK)
		hdf_put(c->hdf, "Page.done", dones[app_val(c, KEY_DONE)->i]);
	return app_render(c, 200, "wishlist/list");
}

/* The POSTs of a logged-in customer: the gate, then the product id.
 * Returns 0 to go on (product in *id), else the status to answer. */
static int
wish_post(struct ctx *c, long long *id)
{
	int st;

	if ((st = auth_require(c, ROLE_CUSTOMER)) != 0)
		return st;
	if (!app_csrf_ok(c))
		return 403;
	if ((*id = product_arg(c)) == 0)
		return app_error(c, 400, "invalid");
	return 0;
}

/* POST /account/wishlist/add: back to the product page. */
static int
page_add(struct ctx *c)
{
	long long id;
	struct watch_product p;
	int st, rc;

	if ((st = wish_post(c, &id)) != 0)
		return st;
	rc = db_wish_add(c->db, c->site->user->id, id, (long long)time(NULL));
	if (rc == 0)
		rc = db_watch_product(c->db, &c->arena, id, &p);
	if (rc < 0)
		return 500;
	if (rc == DB_NONE)
		return app_error(c, 404, NULL);
	return app_redirect(c, arena_printf(&c->arena, "/p/%s", p.slug));
}

/* POST /account/wishlist/remove. */
static int
page_remove(struct ctx *c)
{
	long long id;
	int st;

	if ((st = wish_post(c, &id)) != 0)
		return st;
	if (db_wish_remove(c->db, c->site->user->id, id) < 0)
		return 500;
	return app_redirect(c, "/account/wishlist?done=removed");
}

/* POST /account/wishlist/move: into the cart (one unit), out of the
 * list, in one transaction. */
static int
page_move(struct ctx *c)
{
	char token[CART_TOKEN_LEN + 1] = "";
	const struct val *plan = app_val(c, KEY_PLAN);
	struct cart_change ch;
	struct watch_product p;
	enum cart_result r;
	long long id;
	int st, rc;

	if ((st = wish_post(c, &id)) != 0)
		return st;
	if ((rc = db_watch_product(c->db, &c->arena, id, &p)) != 0)
		return rc < 0 ? 500 : app_error(c, 404, NULL);
	if (site_cart_token(c) != NULL)
		memcpy(token, site_cart_token(c), CART_TOKEN_LEN + 1);
	/* db_cart_add runs its own transaction: the item is in the cart
	 * before it leaves the list (a failure between keeps it in both). */
	r = db_cart_add(c->db, token, id, plan->state == VAL_OK ? plan->i : 0,
	    1, &ch);
	if (r == CART_ERROR)
		return 500;
	if ((r == CART_OK || r == CART_LIMITED || r == CART_ALREADY) &&
	    db_wish_remove(c->db, c->site->user->id, id) < 0)
		return 500;
	if (r == CART_BAD_PLAN)	/* a subscription: its plans are there */
		return app_redirect(c, arena_printf(&c->arena, "/p/%s",
		    p.slug));
	if (r != CART_OK && r != CART_LIMITED && r != CART_ALREADY)
		return app_error(c, 409, NULL);
	resp_cookie(&c->resp, CART_COOKIE, token, CART_COOKIE_AGE,
	    COOKIE_HTTPONLY | (conf_https() ? COOKIE_SECURE : 0));
	return app_redirect(c, "/cart");
}

/* The product of the notify form into Page.product; 0, or the status. */
static int
notify_product(struct ctx *c, struct watch_product *p)
{
	long long id = product_arg(c);
	int rc;

	if (id == 0)
		return app_error(c, 400, "invalid");
	if ((rc = db_watch_product(c->db, &c->arena, id, p)) != 0 || !p->active)
		return rc < 0 ? 500 : app_error(c, 404, NULL);
	hdf_put_int(c->hdf, "Page.product.id", p->id);
	hdf_put(c->hdf, "Page.product.slug", p->slug);
	hdf_put(c->hdf, "Page.product.name", p->name);
	hdf_put_int(c->hdf, "Page.product.in_stock", p->in_stock);
	return 0;
}

/* The notify form with status. */
static int
notify_form(struct ctx *c, int status)
{
	app_csrf_token(c);
	return app_render(c, status, "wishlist/notify");
}

/* The rate limits of one request: per client address, then per e-mail
 * address.  0 to go on, 1 limited (*wait set), -1. */
static int
notify_limits(struct ctx *c, const char *norm, long long now, long long *wait)
{
	char client[80];
	int rc;

	rate_client_key(client, sizeof(client), c->req.remote_addr);
	rc = db_rate_hit(c->db, "notify", client,
	    conf_int(CONF_NOTIFY_RATE_LIMIT), NOTIFY_WINDOW, now, wait);
	if (rc == 0)
		rc = db_rate_hit(c->db, "notify-addr", norm,
		    conf_int(CONF_NOTIFY_ADDRESS_LIMIT), NOTIFY_ADDR_WINDOW,
		    now, wait);
	return rc;
}

/* GET/POST /notify. */
static int
page_notify(struct ctx *c)
{
	const struct val *email = app_val(c, KEY_EMAIL);
	struct watch_product p;
	long long now = (long long)time(NULL), wait = 0;
	char norm[256];
	int st, rc;

	if (c->req.method == METHOD_POST && !app_csrf_ok(c))
		return 403;
	if ((st = notify_product(c, &p)) != 0)
		return st;
	if (c->req.method != METHOD_POST || p.in_stock)
		return notify_form(c, 200);
	if (email->state != VAL_OK) {
		app_put_errors(c, "Page.errors");
		return notify_form(c, 400);
	}
	snprintf(norm, sizeof(norm), "%s", email->s);
	for (char *s = norm; *s; s++)
		if (*s >= 'A' && *s <= 'Z')
			*s = (char)(*s - 'A' + 'a');
	if (db_begin(c->db) < 0)
		return 500;
	if ((rc = notify_limits(c, norm, now, &wait)) == 0)
		rc = db_alert_add(c->db, p.id, email->s, norm,
		    lang_code(c->lang), now) < 0 ? -1 : 0;
	if (rc < 0 || (rc == 0 && db_commit(c->db) < 0)) {
		db_rollback(c->db);
		return 500;
	}
	if (rc == 1) {
		db_rollback(c->db);
		log_info("notify: rate limit reached for %s", c->req.remote_addr);
		resp_header(&c->resp, "Retry-After",
		    arena_printf(&c->arena, "%lld", wait));
		hdf_put_int(c->hdf, "Page.rate_limited", 1);
		return notify_form(c, 429);
	}
	hdf_put_int(c->hdf, "Page.sent", 1);
	return app_render(c, 200, "wishlist/notify");
}

/* GET/POST /notify/stop: a signed link of a watch mail. */
static int
page_stop(struct ctx *c)
{
	const struct val *k = app_val(c, KEY_K), *id = app_val(c, KEY_ID),
	    *sig = app_val(c, KEY_SIG);
	enum watch_kind kind;

	if (c->req.method == METHOD_POST && !app_csrf_ok(c))
		return 403;
	if (k->state != VAL_OK || id->state != VAL_OK ||
	    sig->state != VAL_OK || !watch_stop_valid(kind = k->i == 0 ?
	    WATCH_WISH : WATCH_ALERT, id->i, sig->s)) {
		hdf_put_int(c->hdf, "Page.bad", 1);
		return app_render(c, 400, "wishlist/stop");
	}
	hdf_put(c->hdf, "Page.k", kinds[k->i]);
	hdf_put_int(c->hdf, "Page.id", id->i);
	hdf_put(c->hdf, "Page.sig", sig->s);
	if (c->req.method != METHOD_POST) {
		app_csrf_token(c);
		return app_render(c, 200, "wishlist/stop");
	}
	if (watch_stop(c->db, kind, id->i, (long long)time(NULL)) < 0)
		return 500;
	hdf_put_int(c->hdf, "Page.done", 1);
	return app_render(c, 200, "wishlist/stop");
}

enum page_id {
	PAGE_LIST, PAGE_ADD, PAGE_REMOVE, PAGE_MOVE, PAGE_NOTIFY, PAGE_STOP,
	PAGE__MAX
};

static const struct page pages[PAGE__MAX] = {
	[PAGE_LIST] = { "account/wishlist", METHODS_GET, page_list, 0,
	    KEYS(KEY_DONE) },
	[PAGE_ADD] = { "account/wishlist/add", METHODS_POST, page_add, 0,
	    KEYS(KEY_PRODUCT) },
	[PAGE_REMOVE] = { "account/wishlist/remove", METHODS_POST, page_remove,
	    0, KEYS(KEY_PRODUCT) },
	[PAGE_MOVE] = { "account/wishlist/move", METHODS_POST, page_move, 0,
	    KEYS(KEY_PRODUCT, KEY_PLAN) },
	[PAGE_NOTIFY] = { "notify", METHODS_GET_POST, page_notify, 0,
	    KEYS(KEY_PRODUCT, KEY_EMAIL) },
	[PAGE_STOP] = { "notify/stop", METHODS_GET_POST, page_stop, 0,
	    KEYS(KEY_K, KEY_ID, KEY_SIG) },
};

static const struct app wishlist = {
	"wishlist", pages, PAGE__MAX, keys, KEY__MAX, &site_hooks, NULL, NULL,
};

int
main(int argc, char **argv)
{
	return app_main(argc, argv, &wishlist);
}
