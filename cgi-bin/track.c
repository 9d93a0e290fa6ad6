/* track — "find my order" (issue 13).
 *
 *   GET  /find-order   the form: order reference and e-mail address
 *   POST /find-order   csrf, reference, email: 303 to the order's page
 *                      (/order/<token>) when an order has both; otherwise
 *                      the form again with one message that says the same
 *                      whatever did not match, so nothing is learnt about
 *                      other orders.  Every attempt counts against the
 *                      client address (find_order_rate_limit per hour,
 *                      like the contact form): 429 with Retry-After past it.
 */
#include <time.h>

#include "app.h"
#include "db_order_lookup.h"
#include "db_rate.h"
#include "log.h"
#include "site.h"
#include "site_hooks.h"
#include "store_conf.h"

#define RATE_WINDOW 3600	/* find_order_rate_limit counts per hour */

enum key { KEY_REFERENCE, KEY_EMAIL, KEY__MAX };

static const struct valid_key keys[KEY__MAX] = {
	[KEY_REFERENCE] = { "reference", V_LINE, 1, 40, NULL, 1 },
	[KEY_EMAIL] = { "email", V_EMAIL, 0, 0, NULL, 1 },
};

/* The form with status; values typed are shown back. */
static int
form(struct ctx *c, int status)
{
	for (int k = 0; k < KEY__MAX; k++)
		if (app_val(c, k)->state != VAL_ABSENT && app_val(c, k)->s)
			hdf_putf(c->hdf, app_val(c, k)->s, "Page.form.%s",
			    keys[k].name);
	app_csrf_token(c);
	return app_render(c, status, "track/find");
}

/* Counts the attempt; 0 allowed, 1 over the limit (*wait set), -1. */
static int
count_attempt(struct ctx *c, long long *wait)
{
	char client[64];
	int rc;

	rate_client_key(client, sizeof(client), c->req.remote_addr);
	if (db_begin(c->db) < 0)
		return -1;
	rc = db_rate_hit(c->db, "find_order", client,
	    conf_int(CONF_FIND_ORDER_RATE_LIMIT), RATE_WINDOW,
	    (long long)time(NULL), wait);
	if (rc != 0) {
		db_rollback(c->db);
		if (rc > 0)
			log_info("find-order: rate limit reached for %s", client);
		return rc;
	}
	return db_commit(c->db) < 0 ? -1 : 0;
}

static int
page_find(struct ctx *c)
{
	const char *token;
	long long wait = 0;
	int rc;

	if (c->req.method != METHOD_POST)
		return form(c, 200);
	if (!app_csrf_ok(c))
		return 403;
	if (app_val(c, KEY_REFERENCE)->state != VAL_OK ||
	    app_val(c, KEY_EMAIL)->state != VAL_OK) {
		app_put_errors(c, "Page.errors");
		return form(c, 400);
	}
	if ((rc = count_attempt(c, &wait)) < 0)
		return 500;
	if (rc > 0) {
		resp_header(&c->resp, "Retry-After",
		    arena_printf(&c->arena, "%lld", wait));
		hdf_put_int(c->hdf, "Page.rate_limited", 1);
		hdf_put_int(c->hdf, "Page.retry_minutes", (wait + 59) / 60);
		return form(c, 429);
	}
	rc = db_order_lookup(c->db, &c->arena, app_val(c, KEY_REFERENCE)->s,
	    app_val(c, KEY_EMAIL)->s, &token);
	if (rc < 0)
		return 500;
	if (rc == 0)
		return app_redirect(c, arena_printf(&c->arena, "/order/%s",
		    token));
	hdf_put_int(c->hdf, "Page.not_found", 1);
	return form(c, 404);
}

enum page_id { PAGE_FIND, PAGE__MAX };

static const struct page pages[PAGE__MAX] = {
	[PAGE_FIND] = { "find-order", METHODS_GET_POST, page_find, 0,
	    KEYS(KEY_REFERENCE, KEY_EMAIL) },
};

static const struct app track = {
	"track", pages, PAGE__MAX, keys, KEY__MAX, &site_hooks, NULL, NULL,
};

int
main(int argc, char **argv)
{
	return app_main(argc, argv, &track);
}
