/* site_hooks.c — see site_hooks.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "body_cache.h"
#include "card_cache.h"
#include "conf_check.h"
#include "cart.h"
#include "csrf.h"
#include "footer_pages.h"
#include "db_cart.h"
#include "log.h"
#include "mail.h"
#include "money.h"
#include "nav.h"
#include "part_cache.h"
#include "phone.h"
#include "post_cache.h"
#include "sess.h"
#include "settings.h"
#include "site.h"
#include "site_hooks.h"
#include "store_conf.h"

/* The shop's identity (Store.legal_name, address, phone, phone_tel,
 * whatsapp, whatsapp_url, hours): the footer and the contact page. */
static void
set_identity(void)
{
	static const struct { int key; const char *name; } ids[] = {
		{ CONF_SHOP_LEGAL_NAME, "legal_name" },
		{ CONF_SHOP_ADDRESS, "address" }, { CONF_SHOP_PHONE, "phone" },
		{ CONF_SHOP_WHATSAPP, "whatsapp" }, { CONF_SHOP_HOURS, "hours" },
	};
	char e164[PHONE_E164_BUF], url[64];
	const char *err;

	/* Every value, empty ones too: a setting may have been cleared. */
	for (size_t i = 0; i < sizeof(ids) / sizeof(ids[0]); i++)
		tmpl_set_store(ids[i].name, conf_str(ids[i].key));
	/* Checked by the configuration (store_conf.c). */
	if (*conf_str(CONF_SHOP_PHONE) &&
	    phone_e164(conf_str(CONF_SHOP_PHONE), NULL, e164, &err) == 0)
		tmpl_set_store("phone_tel", e164);
	else
		tmpl_set_store("phone_tel", "");
	if (*conf_str(CONF_SHOP_WHATSAPP) &&
	    phone_e164(conf_str(CONF_SHOP_WHATSAPP), NULL, e164, &err) == 0) {
		snprintf(url, sizeof(url), "https://wa.me/%s", e164 + 1);
		tmpl_set_store("whatsapp_url", url);
	} else
		tmpl_set_store("whatsapp_url", "");
}

/* Store.name, currency, email and the identity from the values in
 * force. */
static void
put_store(void)
{
	tmpl_set_store("name", conf_str(CONF_STORE_NAME));
	tmpl_set_store("currency", conf_str(CONF_CURRENCY));
	tmpl_set_store("email", conf_str(CONF_SHOP_EMAIL));
	set_identity();
}

/* Values every template may show (Store.*). */
static int
setup(void)
{
	/* What the configuration points at exists (data_dir created). */
	if (conf_check_paths() < 0)
		return -1;
	put_store();
	return 0;
}

/* The database at the schema version this build knows, and the store
 * secret that signs tokens. */
static int
open_store(struct ctx *c)
{
	static struct site_req visitor;
	char *secret;

	c->site = &visitor;

	if ((c->db = db_open(conf_str(CONF_DB_PATH), 0)) == NULL)
		return -1;
	if (db_schema_check(c->db, conf_str(CONF_DB_PATH), "this program") < 0)
		return -1;
	secret = db_setting(c->db, "secret_key");
	if (secret == NULL || csrf_set_secret_hex(secret) < 0) {
		free(secret);
		log_error("database has no secret_key: create it with soukctl init");
		return -1;
	}
	free(secret);
	return 0;
}

static void
close_store(struct ctx *c)
{
	nav_free();
	footer_pages_free();
	body_cache_free();
	card_cache_clear();
	post_cache_clear();
	part_cache_clear();
	db_close(c->db);
	c->db = NULL;
}

/* The header's data: the category tree (cached per process) and, for a
 * visitor with a cart, its size (one indexed query) and the CSRF token
 * bound to it (Req.csrf, also in a <meta> for scripts).  Anonymous pages
 * stay query-free and cacheable. */
static void
begin(struct ctx *c)
{
	const char *cart = site_cart_token(c);

	nav_put(c->db);
	footer_pages_put(c->db);
	sess_load(c);
	if (c->site->sess_hash != NULL)
		app_csrf_token(c);
	if (cart != NULL) {
		long long n = db_cart_count(c->db, cart);
		if (n >= 0)
			hdf_put_int(c->hdf, "Req.cart_count", n);
		app_csrf_token(c);
	}
}

/* The admin's settings (settings.h): when one changed, what was derived
 * from them (Store.*, the product cards' formatted prices); and the
 * catalog version the kept pages belong to (body_cache.h). */
static void
refresh(struct ctx *c)
{
	long long dv;

	db_busy_take(c->db);	/* an earlier request's deferred work */
	/* One PRAGMA data_version for both (each is a read transaction:
	 * two fcntl locks and an fstat, strace). */
	dv = db_data_version(c->db);
	if (settings_refresh_at(c->db, dv) > 0) {
		put_store();
		card_cache_clear();
		post_cache_clear();	/* the time zone is a setting */
	}
	body_cache_refresh(c->db, dv);
}

static int
visitor_private(const struct ctx *c)
{
	return c->site->user != NULL || c->site->sess_hash != NULL ||
	    req_cookie(&c->req, CART_COOKIE) != NULL ||
	    req_cookie(&c->req, sess_cookie_name()) != NULL;
}

static size_t
csrf_bindings(const struct ctx *c, const char **out)
{
	size_t n = 0;

	/* The session this request just started, else the cookie's. */
	if (c->site->sess_new_token != NULL)
		out[n++] = c->site->sess_new_token;
	else if (c->site->sess_hash != NULL &&
	    (out[n] = req_cookie(&c->req, sess_cookie_name())) != NULL)
		n++;
	if ((out[n] = req_cookie(&c->req, CART_COOKIE)) != NULL)
		n++;
	return n;
}

/* The visitor is forgotten between requests: their data and the
 * Session.* the layout showed (the HDF outlives the request; only Page.*
 * and Req.* are cleared by the web layer). */
static void
finish(struct ctx *c)
{
	memset(c->site, 0, sizeof(*c->site));
	hdf_drop(c->hdf, "Session");
}

/* A request that failed because the store could not get the write lock
 * in time (db_begin -2: too many writes at once, or a long one) answers
 * 503 "try again in a few seconds" with Retry-After instead of 500;
 * nothing was written.  Pages that say more themselves (checkout's busy
 * form) answer their own status. */
static int
status(struct ctx *c, int st)
{
	if (!db_busy_take(c->db) || st != 500)
		return st;
	resp_header(&c->resp, "Retry-After", "2");
	return app_error(c, 503, "busy");
}

/* Batches (app.h): the request's transactions as savepoints of one on the
 * worker's connection (db_batch_open). */
static int
batch_open(struct ctx *c)
{
	return db_batch_open(c->db);
}

/* A batch that lost its transaction or waited out the busy timeout
 * takes no more requests (db_batch_spent). */
static int
batch_spent(struct ctx *c)
{
	return db_batch_spent(c->db);
}

/* The app_defer() task of batch_close(). */
static void
checkpoint_due(struct ctx *c, void *arg)
{
	(void)arg;
	db_checkpoint_due(c->db);
}

/* The commit and sync; the WAL checkpoint it made due after the answers
 * (a deferred task of the batch). */
static int
batch_close(struct ctx *c)
{
	int rc = db_batch_close(c->db);

	app_defer(c, checkpoint_due, NULL);
	return rc;
}

const struct app_hooks site_hooks = {
	.configure = store_conf_define,
	.setup = setup,
	.open = open_store,
	.close = close_store,
	.begin = begin,
	.visitor_private = visitor_private,
	.csrf_bindings = csrf_bindings,
	.status = status,
	.finish = finish,
	.refresh = refresh,
	.batch_open = batch_open,
	.batch_spent = batch_spent,
	.batch_close = batch_close,
};
