/* grants.c — "assign content to a client" on the admin customer page:
 * the live grants with a revoke button each, and the form that grants a
 * digital product (a film, a series, a season, an episode) without an
 * order.  The rules, the audit row and the customer's mail are the
 * store's (grant.h); these pages map its answers to a status. */
#include <time.h>

#include "admin.h"
#include "db_grant.h"
#include "grant.h"
#include "site.h"
#include "staff_perm.h"

#define GRANTABLE_MAX	500	/* products the form's list offers */

int
adm_put_grants(struct ctx *c, const struct user *u)
{
	struct grant_row *g;
	struct grantable *p;
	size_t n;

	if (!staff_may(c->site->user->role, PERM_GRANT))
		return 0;
	if (db_grants_of_user(c->db, &c->arena, u->id, (long long)time(NULL),
	    &g, &n) < 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		const char *k = arena_printf(&c->arena, "Page.grants.%zu", i);
		hdf_put_int(c->hdf, arena_printf(&c->arena, "%s.id", k), g[i].id);
		hdf_putf(c->hdf, g[i].name, "%s.name", k);
		hdf_putf(c->hdf, g[i].media_type, "%s.media", k);
		hdf_putf(c->hdf, g[i].reason, "%s.reason", k);
		hdf_putf(c->hdf, g[i].granted_by, "%s.by", k);
		hdf_putf(c->hdf, adm_when(c, g[i].created_at), "%s.at", k);
		if (g[i].expires_at)
			hdf_putf(c->hdf, adm_when(c, g[i].expires_at),
			    "%s.until", k);
		hdf_put_int(c->hdf, arena_printf(&c->arena, "%s.max", k),
		    g[i].max_downloads);
	}
	if (db_grantable(c->db, &c->arena, GRANTABLE_MAX, &p, &n) < 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		const char *k = arena_printf(&c->arena, "Page.grantable.%zu", i);
		hdf_putf(c->hdf, p[i].slug, "%s.slug", k);
		hdf_putf(c->hdf, p[i].name, "%s.name", k);
		hdf_putf(c->hdf, p[i].media_type, "%s.media", k);
	}
	hdf_put(c->hdf, "Page.may_grant", "1");
	return 0;
}

/* The answer to grant_*()'s r on account u (what: the done= value). */
static int
answer(struct ctx *c, const struct user *u, enum grant_result r,
    const char *what)
{
	switch (r) {
	case GRANT_OK:
		return adm_customer_done_at(c, u->id, what);
	case GRANT_NO_PRODUCT:
		return adm_customer_page(c, u, 400, "grant_product");
	case GRANT_INPUT:
		return adm_customer_page(c, u, 400, "grant_input");
	case GRANT_HELD:
		return adm_customer_page(c, u, 409, "grant_held");
	case GRANT_NONE:
		return adm_customer_page(c, u, 404, "grant_none");
	case GRANT_NO_USER:
		return app_error(c, 404, NULL);
	case GRANT_FORBIDDEN:
		return app_error(c, 403, "role");
	default:
		return 500;
	}
}

/* The optional count of key: its value, -1 when absent (the store's
 * setting), or -2 when invalid. */
static long long
count_of(struct ctx *c, int key)
{
	const struct val *v = app_val(c, key);

	if (v->state == VAL_INVALID)
		return -2;
	return v->state == VAL_OK ? v->i : -1;
}

int
page_customer_grant(struct ctx *c)
{
	struct staff_actor a = adm_actor(c);
	struct grant_req r = { 0 };
	enum grant_result res;
	struct user u;
	long long id;
	int st;

	if ((st = adm_customer_post(c, &u)) != 0)
		return st;
	r.user_id = u.id;
	r.product = adm_opt(c, KEY_PRODUCT);
	r.days = count_of(c, KEY_GRANT_DAYS);
	r.downloads = count_of(c, KEY_DOWNLOADS);
	r.reason = adm_opt(c, KEY_REASON) ? adm_opt(c, KEY_REASON) : "";
	if (r.product == NULL)
		return adm_customer_page(c, &u, 400, "grant_product");
	if (r.days < -1 || r.downloads < -1 ||
	    app_val(c, KEY_REASON)->state == VAL_INVALID)
		return adm_customer_page(c, &u, 400, "grant_input");
	res = grant_add(c->db, &c->arena, &a, &r, (long long)time(NULL), &id);
	if (res == GRANT_OK)
		site_mail_defer(c);
	return answer(c, &u, res, "grant");
}

int
page_customer_ungrant(struct ctx *c)
{
	struct staff_actor a = adm_actor(c);
	struct user u;
	long long holder;
	int st;

	if ((st = adm_customer_post(c, &u)) != 0)
		return st;
	if (app_val(c, KEY_ENT)->state != VAL_OK)
		return adm_customer_page(c, &u, 404, "grant_none");
	holder = u.id;
	return answer(c, &u, grant_revoke(c->db, &c->arena, &a,
	    app_val(c, KEY_ENT)->i, &holder, (long long)time(NULL)),
	    "ungrant");
}
