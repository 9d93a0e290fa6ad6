/* subs.c — the staff side of subscriptions (docs/delivery.md): access
 * details typed when confirming an order or later, the subscriptions
 * list, and the credential pools with their CSV upload.  Secrets are
 * sealed at once (cred.h) and never written to the audit log. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "admin.h"
#include "auth.h"
#include "cred_import.h"
#include "db_products.h"
#include "db_subs.h"
#include "log.h"
#include "site.h"
#include "subs.h"
#include "subs_hdf.h"

#define LIST_MAX 500	/* subscriptions read for the list */

const char *const adm_sub_statuses[] = {
	"active", "expiring", "expired", "suspended", "cancelled", NULL
};

char *
adm_access_json(struct ctx *c)
{
	static const struct { int key; const char *name; } f[] = {
		{ KEY_USERNAME, "username" }, { KEY_PASSWORD, "password" },
		{ KEY_PORTAL, "portal" }, { KEY_M3U, "m3u" },
		{ KEY_CODE, "code" },
	};
	struct cred_field v[sizeof(f) / sizeof(f[0])];

	for (size_t i = 0; i < sizeof(f) / sizeof(f[0]); i++) {
		v[i].name = f[i].name;
		v[i].value = adm_opt(c, f[i].key);
	}
	return cred_json(v, sizeof(f) / sizeof(f[0]));
}

int
adm_put_order_subs(struct ctx *c, const struct order *o)
{
	struct subscription *s;
	size_t n;

	for (size_t i = 0; i < o->nlines; i++)
		if (strcmp(o->lines[i].kind, "subscription") == 0 &&
		    o->lines[i].product_id != 0 && strcmp(db_delivery_access(
		    c->db, &c->arena, o->lines[i].product_id), "staff") == 0)
			hdf_put(c->hdf, "Page.access_form", "1");
	if (db_sub_of_order(c->db, &c->arena, o->id, &s, &n) < 0)
		return -1;
	return subs_put(c, "Page.subs", s, n, (long long)time(NULL));
}

int
adm_give_order_access(struct ctx *c, const struct order *o, const char *json,
    long long now)
{
	struct subscription *s;
	size_t n;
	int given = 0;

	if (db_sub_of_order(c->db, &c->arena, o->id, &s, &n) < 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		if (strcmp(s[i].access, "ready") == 0)
			continue;
		if (subs_give_access(c->db, s[i].id, json, now) != 0 ||
		    adm_audit(c, "access_given", "subscription", s[i].id,
		    o->reference, now) < 0)
			return -1;
		given++;
	}
	return given;
}

/* POST /admin/subscription/access: sets or replaces one subscription's
 * access details, mails the customer that access is ready. */
int
page_sub_access(struct ctx *c)
{
	struct subscription s;
	long long now = (long long)time(NULL), id;
	char *json;
	int rc;

	if (!app_csrf_ok(c))
		return 403;
	if (app_val(c, KEY_SUB)->state != VAL_OK)
		return app_error(c, 404, NULL);
	id = app_val(c, KEY_SUB)->i;
	if ((rc = db_sub_get(c->db, &c->arena, id, &s)) != 0)
		return rc < 0 ? 500 : app_error(c, 404, NULL);
	if ((json = adm_access_json(c)) == NULL)
		return app_error(c, 400, "access_missing");
	rc = db_begin(c->db) < 0 ? -1 : subs_give_access(c->db, id, json, now);
	free(json);
	if (rc != 0 || adm_audit(c, "access_given", "subscription", id,
	    s.product_slug, now) < 0 || db_commit(c->db) < 0) {
		db_rollback(c->db);
		return 500;
	}
	log_info("subscription %lld: access details given by %s", id,
	    c->site->user->email);
	site_mail_defer(c);
	return app_redirect(c, arena_printf(&c->arena,
	    "/admin/order/%lld?notice=access", s.order_id));
}

/* GET /admin/subscriptions: every subscription, soonest end first,
 * filtered by status, product and "ends within N days". */
int
page_subscriptions(struct ctx *c)
{
	struct subscription *s, *keep;
	const char *status = adm_opt(c, KEY_SUBSTATUS);
	const char *slug = adm_opt(c, KEY_PRODUCT);
	long long now = (long long)time(NULL), pid = 0, within = 0;
	size_t n, k = 0;

	if (app_val(c, KEY_SUBSTATUS)->state == VAL_INVALID ||
	    app_val(c, KEY_PRODUCT)->state == VAL_INVALID ||
	    app_val(c, KEY_WITHIN)->state == VAL_INVALID)
		return app_error(c, 400, "filter");
	if (app_val(c, KEY_WITHIN)->state == VAL_OK)
		within = app_val(c, KEY_WITHIN)->i;
	if (slug != NULL && (pid = db_product_id(c->db, slug)) <= 0)
		return pid < 0 ? 500 : app_error(c, 404, NULL);
	if (db_sub_list(c->db, &c->arena, pid, LIST_MAX, &s, &n) < 0)
		return 500;
	keep = arena_alloc(&c->arena, (n ? n : 1) * sizeof(*keep));
	for (size_t i = 0; i < n; i++) {
		if (status && strcmp(sub_status(&s[i], now), status) != 0)
			continue;
		if (within && (s[i].ends_at <= now ||
		    s[i].ends_at > now + within * 86400))
			continue;
		keep[k++] = s[i];
	}
	hdf_put(c->hdf, "Page.f.status", status ? status : "");
	hdf_put(c->hdf, "Page.f.product", slug ? slug : "");
	if (within)
		hdf_put_int(c->hdf, "Page.f.within", within);
	for (size_t i = 0; adm_sub_statuses[i] != NULL; i++)
		hdf_putf(c->hdf, adm_sub_statuses[i], "Page.statuses.%zu", i);
	for (size_t i = 0; i < k; i++)
		hdf_putf(c->hdf, arena_printf(&c->arena, "%lld", keep[i].order_id),
		    "Page.subs.%zu.order", i);
	if (subs_put(c, "Page.subs", keep, k, now) < 0)
		return 500;
	return app_render(c, 200, "admin/subscriptions");
}

/* Page.pools.N: each subscription product with its pool counts. */
static int
put_pools(struct ctx *c)
{
	struct cred_pool *p;
	size_t n;

	if (db_cred_pools(c->db, &c->arena, &p, &n) < 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		hdf_putf(c->hdf, p[i].slug, "Page.pools.%zu.slug", i);
		hdf_putf(c->hdf, p[i].name, "Page.pools.%zu.name", i);
		hdf_putf(c->hdf, p[i].access, "Page.pools.%zu.access", i);
		hdf_putf(c->hdf, arena_printf(&c->arena, "%lld", p[i].free),
		    "Page.pools.%zu.free", i);
		hdf_putf(c->hdf, arena_printf(&c->arena, "%lld", p[i].given),
		    "Page.pools.%zu.given", i);
		hdf_putf(c->hdf, arena_printf(&c->arena, "%lld", p[i].waiting),
		    "Page.pools.%zu.waiting", i);
	}
	return 0;
}

/* The credentials page again with an error about the upload. */
static int
upload_refused(struct ctx *c, int status, const char *why, size_t line)
{
	hdf_put(c->hdf, "Page.upload_error", why);
	if (line)
		hdf_put_int(c->hdf, "Page.upload_line", (long long)line);
	if (put_pools(c) < 0)
		return 500;
	return app_render(c, status, "admin/credentials");
}

/* GET /admin/credentials: the pools; POST (multipart product, csv): adds
 * a CSV of credentials to a product's pool, all rows or none, then
 * serves the subscriptions waiting for one. */
int
page_credentials(struct ctx *c)
{
	const struct req_file *f;
	const char *slug = adm_opt(c, KEY_PRODUCT), *why = NULL;
	long long now = (long long)time(NULL), pid;
	size_t line = 0;
	int n, served;

	if (c->req.method != METHOD_POST) {
		if (put_pools(c) < 0)
			return 500;
		return app_render(c, 200, "admin/credentials");
	}
	if (!app_csrf_ok(c))
		return 403;
	if (slug == NULL || (pid = db_product_id(c->db, slug)) == 0)
		return upload_refused(c, 400, "product", 0);
	if (pid < 0)
		return 500;
	if ((f = req_file(&c->req, "csv")) == NULL || f->len == 0)
		return upload_refused(c, 400, "file", 0);
	if (db_begin(c->db) < 0)
		return 500;
	n = cred_import_csv(c->db, &c->arena, f->data, f->len, pid, now, &line,
	    &why);
	if (n < 0) {
		db_rollback(c->db);
		log_info("credentials upload for %s refused: line %zu: %s", slug,
		    line, why ? why : "?");
		return upload_refused(c, 400, "csv", line);
	}
	if (adm_audit(c, "credentials_imported", "product", pid,
	    arena_printf(&c->arena, "%d", n), now) < 0 || db_commit(c->db) < 0) {
		db_rollback(c->db);
		return 500;
	}
	if ((served = subs_serve_waiting(c->db, pid)) < 0)
		return 500;
	log_info("credentials: %d added to %s by %s, %d waiting served", n, slug,
	    c->site->user->email, served);
	site_mail_defer(c);
	return app_redirect(c, "/admin/credentials?notice=imported");
}
