/* shipping.c — delivery zones, their rates and the quote preview, for
 * admins (docs/admin.md "Delivery", docs/shipping.md).
 *
 *   GET  /admin/shipping               every zone with its areas and
 *                                      methods; the quote preview (country,
 *                                      region, units, grams, amount)
 *   GET  /admin/shipping/zone[/<id>]   a new zone's form, or one zone's
 *                                      form and its methods
 *   POST /admin/shipping/zone/save     id (none: new), name, areas
 *   POST /admin/shipping/zone/delete   id (its methods go with it)
 *   GET  /admin/shipping/rate[/<id>]   a new method's form (zone=<id>), or
 *                                      one method's
 *   POST /admin/shipping/rate/save     id | zone, name, name_en, name_fr,
 *                                      kind, base, step, grams, free_from,
 *                                      min_days, max_days, active
 *   POST /admin/shipping/rate/delete   id
 *
 * The rules and the audited changes are ship_edit.h's, the same as
 * soukctl shipping's; the quote prices with ship_options(), checkout's
 * function. */
#include <string.h>
#include <time.h>

#include "admin.h"
#include "money.h"
#include "ship.h"
#include "ship_edit.h"
#include "ship_hdf.h"
#include "site.h"
#include "store_conf.h"

/* The id in the path's fourth segment (/admin/shipping/zone/<id>): a
 * positive decimal; 0 when there is none, -1 when it is not one. */
static long long
seg_id(struct ctx *c)
{
	const char *s;
	long long id = 0;

	if (c->req.nseg == 3)
		return 0;
	if (c->req.nseg != 4)
		return -1;
	s = c->req.seg[3];
	if (s[0] < '1' || s[0] > '9')
		return -1;
	for (; *s != '\0'; s++) {
		if (*s < '0' || *s > '9' || id > (1LL << 53))
			return -1;
		id = id * 10 + (*s - '0');
	}
	return id;
}

/* An amount in minor units as the form writes it ("7.500"), in the
 * arena. */
static const char *
plain(struct ctx *c, long long minor)
{
	char buf[MONEY_BUF];

	return arena_strdup(&c->arena, money_plain(buf, sizeof(buf), minor,
	    (int)conf_int(CONF_CURRENCY_DECIMALS)));
}

/* <at>.{id,zone,zone_name,name,name_en,name_fr,kind,base,step,grams,
 * free_from,min_days,max_days,active} (the form's values) and
 * <at>.{base_shown,step_shown,free_shown} (amounts as pages write them)
 * of rate r. */
static void
put_rate(struct ctx *c, const char *at, const struct ship_rate *r)
{
	struct arena *a = &c->arena;

	hdf_putf(c->hdf, arena_printf(a, "%lld", r->id), "%s.id", at);
	hdf_putf(c->hdf, arena_printf(a, "%lld", r->zone_id), "%s.zone", at);
	hdf_putf(c->hdf, r->zone ? r->zone : "", "%s.zone_name", at);
	hdf_putf(c->hdf, r->name, "%s.name", at);
	hdf_putf(c->hdf, r->names[LANG_EN], "%s.name_en", at);
	hdf_putf(c->hdf, r->names[LANG_FR], "%s.name_fr", at);
	hdf_putf(c->hdf, lang_text(r->names, c->lang, r->name), "%s.shown",
	    at);
	hdf_putf(c->hdf, ship_kinds[r->kind], "%s.kind", at);
	hdf_putf(c->hdf, plain(c, r->base_minor), "%s.base", at);
	hdf_putf(c->hdf, r->step_minor ? plain(c, r->step_minor) : "",
	    "%s.step", at);
	hdf_putf(c->hdf, arena_printf(a, "%lld", r->step_grams), "%s.grams",
	    at);
	hdf_putf(c->hdf, r->free_from_minor >= 0 ? plain(c,
	    r->free_from_minor) : "", "%s.free_from", at);
	hdf_putf(c->hdf, arena_printf(a, "%d", r->min_days), "%s.min_days", at);
	hdf_putf(c->hdf, arena_printf(a, "%d", r->max_days), "%s.max_days", at);
	hdf_putf(c->hdf, r->active ? "1" : "0", "%s.active", at);
	hdf_putf(c->hdf, site_money(c, r->base_minor), "%s.base_shown", at);
	hdf_putf(c->hdf, site_money(c, r->step_minor), "%s.step_shown", at);
	if (r->free_from_minor >= 0)
		hdf_putf(c->hdf, site_money(c, r->free_from_minor),
		    "%s.free_shown", at);
}

/* <at>.rates.N of zone id (every one, off too); 0 or -1. */
static int
put_rates(struct ctx *c, const char *at, long long id)
{
	struct ship_rate *r;
	size_t n;

	if (db_ship_rates(c->db, &c->arena, id, 0, &r, &n) < 0)
		return -1;
	for (size_t i = 0; i < n; i++)
		put_rate(c, arena_printf(&c->arena, "%s.rates.%zu", at, i), &r[i]);
	return 0;
}

/* Page.errors.N.err (Lang.admship.err keys) of errs[0..n) and Page.bad
 * (the area refused, or NULL). */
static void
put_errors(struct ctx *c, const char *const *names, const int *errs,
    size_t n, const char *bad)
{
	for (size_t i = 0; i < n; i++)
		hdf_putf(c->hdf, names[errs[i]], "Page.errors.%zu.err", i);
	if (bad != NULL)
		hdf_put(c->hdf, "Page.bad", bad);
}

/* The quote preview of the request's country, region, units, grams and
 * amount into Page.q.* (the form again) and Page.quote.{state,options}
 * (state ok, none or empty); nothing without a country.  The status:
 * 200, 400 (Page.errors), 500. */
static int
put_quote(struct ctx *c)
{
	static const int keys[] = { KEY_SH_COUNTRY, KEY_SH_REGION,
	    KEY_SH_UNITS, KEY_SH_QGRAMS, KEY_SH_AMOUNT };
	static const char *const names[] = { "country", "region", "units",
	    "grams", "amount" };
	static const char *const errs[] = { "country", "region", "units",
	    "quote_grams", "amount" };
	struct ship_goods g = { 1, 0, 0 };
	const char *cc = NULL, *region = adm_opt(c, KEY_SH_REGION), *err;
	struct ship_option *o;
	size_t n, ne = 0;
	int bad[5] = { 0 };

	for (size_t i = 0; i < 5; i++) {
		const struct val *v = app_val(c, keys[i]);
		hdf_putf(c->hdf, v->raw ? v->raw : "", "Page.q.%s", names[i]);
		bad[i] = v->state == VAL_INVALID;
	}
	if (app_val(c, KEY_SH_COUNTRY)->raw == NULL)
		return 200;
	cc = ship_area_norm(&c->arena, adm_opt(c, KEY_SH_COUNTRY));
	bad[0] |= cc == NULL || cc[2] != '\0';
	bad[1] |= region != NULL && !ship_name_ok(region);
	if (adm_opt(c, KEY_SH_UNITS) != NULL)
		bad[2] |= valid_int(adm_opt(c, KEY_SH_UNITS), 0, 10000, &g.units,
		    &err) < 0;
	if (adm_opt(c, KEY_SH_QGRAMS) != NULL)
		bad[3] |= valid_int(adm_opt(c, KEY_SH_QGRAMS), 0, 1000000000,
		    &g.grams, &err) < 0;
	if (adm_opt(c, KEY_SH_AMOUNT) != NULL)
		bad[4] |= valid_money(adm_opt(c, KEY_SH_AMOUNT), (int)conf_int(
		    CONF_CURRENCY_DECIMALS), 0, 1LL << 50, &g.amount_minor,
		    &err) < 0;
	for (size_t i = 0; i < 5; i++)
		if (bad[i])
			hdf_putf(c->hdf, errs[i], "Page.errors.%zu.err", ne++);
	if (ne > 0)
		return 400;
	hdf_put(c->hdf, "Page.quote.country", cc);
	switch (ship_options(c->db, &c->arena, cc, region ? region : "", &g,
	    &o, &n)) {
	case SHIP_ERROR:
		return 500;
	case SHIP_NO_ZONE:
	case SHIP_NO_RATE:
		hdf_put(c->hdf, "Page.quote.state", "none");
		return 200;
	case SHIP_OK:
		break;
	}
	hdf_put(c->hdf, "Page.quote.state", n ? "ok" : "empty");
	if (n > 0)
		hdf_put(c->hdf, "Page.quote.zone", o[0].rate.zone);
	ship_options_put(c, "Page.quote.options", o, n, 0);
	return 200;
}

int
page_shipping(struct ctx *c)
{
	struct ship_zone *z;
	size_t n;
	int st;

	if (db_ship_zones(c->db, &c->arena, &z, &n) < 0)
		return 500;
	for (size_t i = 0; i < n; i++) {
		const char *at = arena_printf(&c->arena, "Page.zones.%zu", i);
		hdf_putf(c->hdf, arena_printf(&c->arena, "%lld", z[i].id),
		    "%s.id", at);
		hdf_putf(c->hdf, z[i].name, "%s.name", at);
		hdf_putf(c->hdf, z[i].areas, "%s.areas", at);
		if (put_rates(c, at, z[i].id) < 0)
			return 500;
	}
	site_countries(c, "Page.countries");
	if ((st = put_quote(c)) == 500)
		return 500;
	return app_render(c, st, "admin/shipping");
}

/* The zone form of zone id (0: a new one) with what was typed when
 * typed, its methods, and the errors put, answering status. */
static int
zone_form(struct ctx *c, int status, long long id, int typed)
{
	struct ship_zone z;
	int rc;

	hdf_put(c->hdf, "Page.form.id", arena_printf(&c->arena, "%lld", id));
	if (id != 0) {
		if ((rc = db_ship_zone(c->db, &c->arena, id, &z)) != 0)
			return rc < 0 ? 500 : app_error(c, 404, NULL);
		hdf_put(c->hdf, "Page.zone_name", z.name);
		if (!typed) {
			hdf_put(c->hdf, "Page.form.name", z.name);
			hdf_put(c->hdf, "Page.form.areas", z.areas);
		}
		if (put_rates(c, "Page", id) < 0)
			return 500;
	}
	if (typed) {
		const struct val *nv = app_val(c, KEY_SH_NAME);
		const struct val *av = app_val(c, KEY_SH_AREAS);
		hdf_put(c->hdf, "Page.form.name", nv->raw ? nv->raw : "");
		hdf_put(c->hdf, "Page.form.areas", av->raw ? av->raw : "");
	}
	return app_render(c, status, "admin/ship_zone");
}

int
page_ship_zone(struct ctx *c)
{
	long long id = seg_id(c);

	if (id < 0)
		return app_error(c, 404, NULL);
	return zone_form(c, 200, id, 0);
}

/* The posted id (0: none) into *id; 0, or -1 when one was posted that is
 * not an id. */
static int
posted_id(struct ctx *c, long long *id)
{
	const struct val *v = app_val(c, KEY_ID);

	*id = v->state == VAL_OK ? v->i : 0;
	/* KEY_ID is required: absent (a new object) is "invalid" too. */
	return v->state == VAL_INVALID && v->raw != NULL && *v->raw ? -1 : 0;
}

int
page_ship_zone_save(struct ctx *c)
{
	struct staff_actor who = adm_actor(c);
	enum ship_err errs[SHIP_E__MAX + 2], e;
	const char **areas, *bad;
	int codes[SHIP_E__MAX + 2];
	long long id;
	size_t n, ne, taken;

	if (!app_csrf_ok(c))
		return 403;
	if (posted_id(c, &id) < 0)
		return app_error(c, 400, "invalid");
	ne = ship_zone_parse(&c->arena, adm_opt(c, KEY_SH_NAME), adm_opt(c,
	    KEY_SH_AREAS), &areas, &n, &bad, errs);
	/* A field the key table refused (too long) was not parsed. */
	if (app_val(c, KEY_SH_NAME)->state == VAL_INVALID)
		errs[ne++] = SHIP_E_ZONE_NAME;
	if (app_val(c, KEY_SH_AREAS)->state == VAL_INVALID)
		errs[ne++] = SHIP_E_NO_AREA;
	if (ne == 0) {
		e = ship_zone_save(c->db, &c->arena, &who, &id, adm_opt(c,
		    KEY_SH_NAME), areas, n, (long long)time(NULL), &taken);
		if (e == SHIP_E_OK)
			return app_redirect(c, arena_printf(&c->arena,
			    "/admin/shipping/zone/%lld?notice=zone_saved", id));
		if (e == SHIP_E_NO_ZONE)
			return app_error(c, 404, NULL);
		if (e != SHIP_E_TAKEN)
			return 500;
		if (taken < n)
			bad = areas[taken];
		errs[ne++] = e;
	}
	for (size_t i = 0; i < ne; i++)
		codes[i] = (int)errs[i];
	put_errors(c, ship_err_names, codes, ne, bad);
	return zone_form(c, errs[0] == SHIP_E_TAKEN ? 409 : 400, id, 1);
}

int
page_ship_zone_delete(struct ctx *c)
{
	struct staff_actor who = adm_actor(c);
	long long id;
	enum ship_err e;

	if (!app_csrf_ok(c))
		return 403;
	if (posted_id(c, &id) < 0 || id == 0)
		return app_error(c, 400, "invalid");
	e = ship_zone_delete(c->db, &c->arena, &who, id, (long long)time(NULL));
	if (e == SHIP_E_NO_ZONE)
		return app_error(c, 404, NULL);
	if (e != SHIP_E_OK)
		return 500;
	return app_redirect(c, "/admin/shipping?notice=zone_deleted");
}

/* The keys of the rate form, in the order of its fields, and the rule
 * each breaks when the key table refuses it (too long, a new line). */
static const int rate_keys[] = {
	KEY_SH_NAME, KEY_SH_NAME_EN, KEY_SH_NAME_FR, KEY_SH_KIND, KEY_SH_BASE,
	KEY_SH_STEP, KEY_SH_GRAMS, KEY_SH_FREE, KEY_SH_MIN, KEY_SH_MAX,
};
static const enum ship_err rate_key_errs[] = {
	SHIP_E_RATE_NAME, SHIP_E_NAME_EN, SHIP_E_NAME_FR, SHIP_E_KIND,
	SHIP_E_BASE, SHIP_E_STEP, SHIP_E_GRAMS, SHIP_E_FREE, SHIP_E_MIN_DAYS,
	SHIP_E_MAX_DAYS,
};
#define NRATE_KEYS (sizeof(rate_keys) / sizeof(rate_keys[0]))

/* The rate form again with what was typed (zone: the rate's zone, for a
 * new one), answering status. */
static int
rate_form_typed(struct ctx *c, int status, long long id, long long zone)
{
	static const char *const names[NRATE_KEYS] = { "name", "name_en",
	    "name_fr", "kind", "base", "step", "grams", "free_from",
	    "min_days", "max_days" };
	struct ship_zone z;
	int rc;

	if ((rc = db_ship_zone(c->db, &c->arena, zone, &z)) != 0)
		return rc < 0 ? 500 : app_error(c, 404, NULL);
	hdf_put(c->hdf, "Page.form.id", arena_printf(&c->arena, "%lld", id));
	hdf_put(c->hdf, "Page.form.zone", arena_printf(&c->arena, "%lld",
	    zone));
	hdf_put(c->hdf, "Page.form.zone_name", z.name);
	for (size_t i = 0; i < NRATE_KEYS; i++) {
		const struct val *v = app_val(c, rate_keys[i]);
		hdf_putf(c->hdf, v->raw ? v->raw : "", "Page.form.%s", names[i]);
	}
	hdf_put(c->hdf, "Page.form.active", app_val(c, KEY_ACTIVE)->state ==
	    VAL_OK && app_val(c, KEY_ACTIVE)->i ? "1" : "0");
	return app_render(c, status, "admin/ship_rate");
}

int
page_ship_rate(struct ctx *c)
{
	long long id = seg_id(c), zone;
	struct ship_rate r;
	struct ship_zone z;
	int rc;

	if (id < 0)
		return app_error(c, 404, NULL);
	if (id > 0) {
		if ((rc = db_ship_rate(c->db, &c->arena, id, &r)) != 0)
			return rc < 0 ? 500 : app_error(c, 404, NULL);
		put_rate(c, "Page.form", &r);
		return app_render(c, 200, "admin/ship_rate");
	}
	if ((zone = app_val(c, KEY_SH_ZONE)->state == VAL_OK ? app_val(c,
	    KEY_SH_ZONE)->i : 0) == 0)
		return app_error(c, 400, "invalid");
	if ((rc = db_ship_zone(c->db, &c->arena, zone, &z)) != 0)
		return rc < 0 ? 500 : app_error(c, 404, NULL);
	hdf_put(c->hdf, "Page.form.id", "0");
	hdf_put(c->hdf, "Page.form.zone", arena_printf(&c->arena, "%lld",
	    zone));
	hdf_put(c->hdf, "Page.form.zone_name", z.name);
	hdf_put(c->hdf, "Page.form.kind", "flat");
	hdf_put(c->hdf, "Page.form.active", "1");
	return app_render(c, 200, "admin/ship_rate");
}

int
page_ship_rate_save(struct ctx *c)
{
	struct staff_actor who = adm_actor(c);
	struct ship_rate_form f = {
		.name = adm_opt(c, KEY_SH_NAME),
		.name_en = adm_opt(c, KEY_SH_NAME_EN),
		.name_fr = adm_opt(c, KEY_SH_NAME_FR),
		.kind = adm_opt(c, KEY_SH_KIND), .base = adm_opt(c, KEY_SH_BASE),
		.step = adm_opt(c, KEY_SH_STEP),
		.grams = adm_opt(c, KEY_SH_GRAMS),
		.free_from = adm_opt(c, KEY_SH_FREE),
		.min_days = adm_opt(c, KEY_SH_MIN),
		.max_days = adm_opt(c, KEY_SH_MAX),
		.active = app_val(c, KEY_ACTIVE)->state == VAL_OK &&
		    app_val(c, KEY_ACTIVE)->i,
	};
	enum ship_err errs[SHIP_E__MAX + NRATE_KEYS + 1];
	int codes[SHIP_E__MAX + NRATE_KEYS + 1];
	struct ship_rate r = { 0 }, old;
	long long id;
	size_t ne;
	int rc;

	if (!app_csrf_ok(c))
		return 403;
	if (posted_id(c, &id) < 0)
		return app_error(c, 400, "invalid");
	if (id > 0) {
		if ((rc = db_ship_rate(c->db, &c->arena, id, &old)) != 0)
			return rc < 0 ? 500 : app_error(c, 404, NULL);
		r.zone_id = old.zone_id;
	} else if ((r.zone_id = app_val(c, KEY_SH_ZONE)->state == VAL_OK ?
	    app_val(c, KEY_SH_ZONE)->i : 0) == 0)
		return app_error(c, 400, "invalid");
	ne = ship_rate_parse(&f, &r, errs);
	for (size_t i = 0; i < NRATE_KEYS; i++)
		if (app_val(c, rate_keys[i])->state == VAL_INVALID)
			errs[ne++] = rate_key_errs[i];
	r.id = id;
	if (ne == 0 && (errs[ne++] = ship_rate_save(c->db, &c->arena, &who,
	    &r, (long long)time(NULL))) == SHIP_E_OK)
		return app_redirect(c, arena_printf(&c->arena,
		    "/admin/shipping/zone/%lld?notice=rate_saved", r.zone_id));
	if (errs[0] == SHIP_E_ERROR)
		return 500;
	if (errs[0] == SHIP_E_NO_RATE || errs[0] == SHIP_E_NO_ZONE)
		return app_error(c, 404, NULL);
	for (size_t i = 0; i < ne; i++)
		codes[i] = (int)errs[i];
	put_errors(c, ship_err_names, codes, ne, NULL);
	return rate_form_typed(c, errs[0] == SHIP_E_RATE_TAKEN && ne == 1 ?
	    409 : 400, id, r.zone_id);
}

int
page_ship_rate_delete(struct ctx *c)
{
	struct staff_actor who = adm_actor(c);
	struct ship_rate r;
	long long id;
	enum ship_err e;
	int rc;

	if (!app_csrf_ok(c))
		return 403;
	if (posted_id(c, &id) < 0 || id == 0)
		return app_error(c, 400, "invalid");
	if ((rc = db_ship_rate(c->db, &c->arena, id, &r)) != 0)
		return rc < 0 ? 500 : app_error(c, 404, NULL);
	e = ship_rate_delete(c->db, &c->arena, &who, id, (long long)time(NULL));
	if (e == SHIP_E_NO_RATE)
		return app_error(c, 404, NULL);
	if (e != SHIP_E_OK)
		return 500;
	return app_redirect(c, arena_printf(&c->arena,
	    "/admin/shipping/zone/%lld?notice=rate_deleted", r.zone_id));
}
