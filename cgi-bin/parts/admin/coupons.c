/* coupons.c — discount codes for admins (docs/admin.md "Coupons").
 *
 *   GET  /admin/coupons          every code: discount, limits, uses,
 *                                status, discount given (the usage report)
 *   GET  /admin/coupon           the form of a new code
 *   GET  /admin/coupon/<id>      one code's form, its scope and the orders
 *                                it discounted
 *   POST /admin/coupon/save      id (none: new), code, kind, value,
 *                                min_order, starts, expires, max_uses,
 *                                per_customer, products, categories
 *   POST /admin/coupon/act       id, do=disable|enable
 *
 * The rules are coupon.h's, the same as soukctl coupon add's; every change
 * and its audit row commit together. */
#include <string.h>
#include <time.h>

#include "admin.h"
#include "auth.h"
#include "coupon.h"
#include "log.h"
#include "money.h"
#include "site.h"
#include "store_conf.h"

const char *const adm_coupon_acts[] = { "disable", "enable", NULL };

/* The keys of the coupon form, in the order of its fields. */
static const int form_keys[] = {
	KEY_CODE, KEY_CPN_KIND, KEY_CPN_VALUE, KEY_CPN_MIN, KEY_CPN_STARTS,
	KEY_CPN_EXPIRES, KEY_CPN_MAX, KEY_CPN_PER, KEY_CPN_PRODUCTS,
	KEY_CPN_CATEGORIES,
};

/* The rule of coupon.h each field of form_keys breaks when it is not
 * even a line of text. */
static const enum coupon_err key_errs[] = {
	CPN_CODE, CPN_KIND, CPN_AMOUNT, CPN_MIN, CPN_STARTS, CPN_EXPIRES,
	CPN_MAX_USES, CPN_PER_CUSTOMER, CPN_SCOPE_LIST, CPN_SCOPE_LIST,
};

/* 1 when e is one of errs[0..n). */
static int
has_err(const enum coupon_err *errs, size_t n, enum coupon_err e)
{
	for (size_t i = 0; i < n; i++)
		if (errs[i] == e)
			return 1;
	return 0;
}

/* "YYYY-MM-DD" of unix time t in the store's time zone ("" for 0). */
static const char *
day_of(struct ctx *c, long long t)
{
	char buf[16];
	time_t tt = (time_t)t;
	struct tm tm;

	if (t == 0 || localtime_r(&tt, &tm) == NULL)
		return "";
	strftime(buf, sizeof(buf), "%Y-%m-%d", &tm);
	return arena_strdup(&c->arena, buf);
}

/* A count, or "" for 0 (no limit). */
static const char *
count_of(struct ctx *c, long long n)
{
	return n ? arena_printf(&c->arena, "%lld", n) : "";
}

/* Page.<at>.{id,code,kind,value,discount,min,starts,expires,max_uses,
 * per_customer,uses,given,status,scoped,active} for coupon k. */
static void
put_coupon(struct ctx *c, const char *at, const struct coupon *k)
{
	char buf[MONEY_BUF];
	int dec = (int)conf_int(CONF_CURRENCY_DECIMALS);
	int pct = strcmp(k->kind, "percent") == 0;

	hdf_putf(c->hdf, arena_printf(&c->arena, "%lld", k->id), "%s.id", at);
	hdf_putf(c->hdf, k->code, "%s.code", at);
	hdf_putf(c->hdf, k->kind, "%s.kind", at);
	hdf_putf(c->hdf, pct ? arena_printf(&c->arena, "%lld", k->value) :
	    arena_strdup(&c->arena, money_plain(buf, sizeof(buf), k->value,
	    dec)), "%s.value", at);
	hdf_putf(c->hdf, pct ? arena_printf(&c->arena, "%lld %%", k->value) :
	    site_money(c, k->value), "%s.discount", at);
	hdf_putf(c->hdf, k->min_subtotal_minor ? arena_strdup(&c->arena,
	    money_plain(buf, sizeof(buf), k->min_subtotal_minor, dec)) : "",
	    "%s.min", at);
	hdf_putf(c->hdf, k->min_subtotal_minor ? site_money(c,
	    k->min_subtotal_minor) : "", "%s.min_shown", at);
	hdf_putf(c->hdf, day_of(c, k->starts_at), "%s.starts", at);
	hdf_putf(c->hdf, day_of(c, k->expires_at), "%s.expires", at);
	hdf_putf(c->hdf, count_of(c, k->max_uses), "%s.max_uses", at);
	hdf_putf(c->hdf, count_of(c, k->max_per_email), "%s.per_customer", at);
	hdf_putf(c->hdf, arena_printf(&c->arena, "%lld", k->uses), "%s.uses",
	    at);
	hdf_putf(c->hdf, site_money(c, k->discount_total), "%s.given", at);
	hdf_putf(c->hdf, coupon_status(k, (long long)time(NULL)), "%s.status",
	    at);
	hdf_putf(c->hdf, k->nscope ? "1" : "0", "%s.scoped", at);
	hdf_putf(c->hdf, k->active ? "1" : "0", "%s.active", at);
}

int
page_coupons(struct ctx *c)
{
	struct coupon *k;
	size_t n;

	if (db_coupon_list(c->db, &c->arena, &k, &n) < 0)
		return 500;
	for (size_t i = 0; i < n; i++)
		put_coupon(c, arena_printf(&c->arena, "Page.coupons.%zu", i),
		    &k[i]);
	return app_render(c, 200, "admin/coupons");
}

/* Page.form.products / .categories (slugs, comma-separated) and
 * Page.scope.N.{kind,slug,name} of coupon id: 0 or -1. */
static int
put_scope(struct ctx *c, long long id)
{
	struct coupon_scope *s;
	const char *prods = "", *cats = "";
	size_t n;

	if (db_coupon_scope(c->db, &c->arena, id, &s, &n) < 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		const char **list = s[i].product_id ? &prods : &cats;
		*list = **list ? arena_printf(&c->arena, "%s, %s", *list,
		    s[i].slug) : s[i].slug;
		hdf_putf(c->hdf, s[i].product_id ? "product" : "category",
		    "Page.scope.%zu.kind", i);
		hdf_putf(c->hdf, s[i].slug, "Page.scope.%zu.slug", i);
		hdf_putf(c->hdf, s[i].name, "Page.scope.%zu.name", i);
	}
	hdf_put(c->hdf, "Page.form.products", prods);
	hdf_put(c->hdf, "Page.form.categories", cats);
	return 0;
}

/* Page.report.orders.N.{id,reference,email,status,discount,when}: the
 * latest orders coupon id discounted.  0 or -1. */
static int
put_report(struct ctx *c, long long id)
{
	struct coupon_use *u;
	size_t n;

	if (db_coupon_uses(c->db, &c->arena, id, 200, &u, &n) < 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		const char *at = arena_printf(&c->arena, "Page.report.orders.%zu",
		    i);
		hdf_putf(c->hdf, arena_printf(&c->arena, "%lld", u[i].order_id),
		    "%s.id", at);
		hdf_putf(c->hdf, u[i].reference, "%s.reference", at);
		hdf_putf(c->hdf, u[i].email, "%s.email", at);
		hdf_putf(c->hdf, u[i].status, "%s.status", at);
		hdf_putf(c->hdf, site_money(c, u[i].discount_minor),
		    "%s.discount", at);
		hdf_putf(c->hdf, adm_when(c, u[i].created_at), "%s.when", at);
	}
	return 0;
}

int
page_coupon(struct ctx *c)
{
	struct coupon k;
	long long id = 0;
	int rc;

	if (c->req.nseg == 2) {
		hdf_put(c->hdf, "Page.form.id", "0");
		hdf_put(c->hdf, "Page.form.kind", "percent");
		return app_render(c, 200, "admin/coupon");
	}
	if ((id = adm_path_id(c)) == 0)
		return app_error(c, 404, NULL);
	if ((rc = db_coupon_get(c->db, &c->arena, id, &k)) != 0)
		return rc < 0 ? 500 : app_error(c, 404, NULL);
	put_coupon(c, "Page.form", &k);
	if (put_scope(c, id) < 0 || put_report(c, id) < 0)
		return 500;
	return app_render(c, 200, "admin/coupon");
}

/* The form again with what was typed and Page.errors.N.err (names of
 * coupon_err_names; bad: the slug an error is about), answering status. */
static int
refuse(struct ctx *c, int status, long long id, const enum coupon_err *errs,
    size_t n, const char *bad)
{
	static const char *const names[] = { "code", "kind", "value",
	    "min", "starts", "expires", "max_uses", "per_customer",
	    "products", "categories" };

	hdf_put(c->hdf, "Page.form.id", arena_printf(&c->arena, "%lld", id));
	for (size_t i = 0; i < sizeof(form_keys) / sizeof(form_keys[0]); i++)
		hdf_putf(c->hdf, app_val(c, form_keys[i])->raw ?
		    app_val(c, form_keys[i])->raw : "", "Page.form.%s",
		    names[i]);
	for (size_t i = 0; i < n; i++)
		hdf_putf(c->hdf, coupon_err_names[errs[i]],
		    "Page.errors.%zu.err", i);
	if (bad != NULL)
		hdf_put(c->hdf, "Page.bad", bad);
	return app_render(c, status, "admin/coupon");
}

int
page_coupon_save(struct ctx *c)
{
	struct coupon_form f = {
		.code = adm_opt(c, KEY_CODE), .kind = adm_opt(c, KEY_CPN_KIND),
		.value = adm_opt(c, KEY_CPN_VALUE),
		.min = adm_opt(c, KEY_CPN_MIN),
		.starts = adm_opt(c, KEY_CPN_STARTS),
		.expires = adm_opt(c, KEY_CPN_EXPIRES),
		.max_uses = adm_opt(c, KEY_CPN_MAX),
		.per_customer = adm_opt(c, KEY_CPN_PER),
		.products = adm_opt(c, KEY_CPN_PRODUCTS),
		.categories = adm_opt(c, KEY_CPN_CATEGORIES),
	};
	enum coupon_err errs[CPN__MAX], e;
	struct coupon k = { 0 };
	const char *bad = NULL;
	long long id = 0;
	size_t n;

	if (!app_csrf_ok(c))
		return 403;
	if (app_val(c, KEY_ID)->state == VAL_OK)
		id = app_val(c, KEY_ID)->i;
	else if (app_val(c, KEY_ID)->raw != NULL && *app_val(c, KEY_ID)->raw)
		return app_error(c, 400, "invalid");	/* not a number */
	n = coupon_parse(&f, &k, errs);
	/* A field the key table refused (too long, control characters) is
	 * not given to coupon_parse: its own rule names it. */
	for (size_t i = 0; i < sizeof(form_keys) / sizeof(form_keys[0]); i++)
		if (app_val(c, form_keys[i])->state == VAL_INVALID &&
		    !has_err(errs, n, key_errs[i]))
			errs[n++] = key_errs[i];
	if (n > 0)
		return refuse(c, 400, id, errs, n, NULL);
	k.id = id;
	if (db_begin(c->db) < 0)
		return 500;
	e = coupon_save(c->db, &c->arena, &k, f.products, f.categories, &bad);
	if (e == CPN_OK && adm_audit(c, id ? "coupon_edit" : "coupon_create",
	    "coupon", k.id, k.code, (long long)time(NULL)) < 0)
		e = CPN_ERROR;
	if (e != CPN_OK || db_commit(c->db) < 0) {
		db_rollback(c->db);
		if (e == CPN_OK || e == CPN_ERROR)
			return 500;
		if (e == CPN_NOT_FOUND)
			return app_error(c, 404, NULL);
		return refuse(c, e == CPN_TAKEN ? 409 : 400, id, &e, 1, bad);
	}
	log_info("coupon %lld (%s) %s by %s", k.id, k.code, id ? "saved" :
	    "created", c->site->user->email);
	return app_redirect(c, arena_printf(&c->arena,
	    "/admin/coupon/%lld?notice=coupon", k.id));
}

int
page_coupon_act(struct ctx *c)
{
	long long id = adm_object_id(c, 0);
	const struct val *v = app_val(c, KEY_CPN_DO);
	int on, rc;

	if (!app_csrf_ok(c))
		return 403;
	if (id == 0 || v->state != VAL_OK)
		return app_error(c, 400, "invalid");
	on = strcmp(adm_coupon_acts[v->i], "enable") == 0;
	if (db_begin(c->db) < 0)
		return 500;
	rc = db_coupon_set_active(c->db, id, on);
	if (rc == 0 && adm_audit(c, on ? "coupon_enable" : "coupon_disable",
	    "coupon", id, "", (long long)time(NULL)) < 0)
		rc = -1;
	if (rc != 0 || db_commit(c->db) < 0) {
		db_rollback(c->db);
		return rc == DB_NONE ? app_error(c, 404, NULL) : 500;
	}
	return app_redirect(c, arena_printf(&c->arena,
	    "/admin/coupon/%lld?notice=%s", id, on ? "coupon_enabled" :
	    "coupon_disabled"));
}
