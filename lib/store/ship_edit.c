/* ship_edit.c — see ship_edit.h. */
#include <string.h>

#include "db_products.h"
#include "db_staff.h"
#include "lang.h"
#include "money.h"
#include "phone.h"
#include "ship_edit.h"
#include "store_conf.h"
#include "utf8.h"
#include "valid.h"

const char *const ship_err_names[SHIP_E__MAX] = {
	[SHIP_E_OK] = "ok", [SHIP_E_ERROR] = "error",
	[SHIP_E_ZONE_NAME] = "zone_name", [SHIP_E_AREA] = "area",
	[SHIP_E_NO_AREA] = "no_area", [SHIP_E_TAKEN] = "taken",
	[SHIP_E_RATE_NAME] = "rate_name", [SHIP_E_NAME_EN] = "name_en",
	[SHIP_E_NAME_FR] = "name_fr", [SHIP_E_KIND] = "kind",
	[SHIP_E_BASE] = "base", [SHIP_E_STEP] = "step",
	[SHIP_E_STEP_FLAT] = "step_flat", [SHIP_E_GRAMS] = "grams",
	[SHIP_E_FREE] = "free", [SHIP_E_MIN_DAYS] = "min_days",
	[SHIP_E_MAX_DAYS] = "max_days", [SHIP_E_RATE_TAKEN] = "rate_taken",
	[SHIP_E_NO_ZONE] = "no_zone", [SHIP_E_NO_RATE] = "no_rate",
	[SHIP_E_WEIGHT] = "weight", [SHIP_E_NO_PRODUCT] = "no_product",
};

/* 1 when s is given (not NULL, not ""). */
static int
given(const char *s)
{
	return s != NULL && *s != '\0';
}

int
ship_name_ok(const char *s)
{
	size_t n = s ? strlen(s) : 0;

	return n > 0 && utf8_valid(s, n) && utf8_len(s, n) <= SHIP_NAME_MAX &&
	    !utf8_has_controls(s, n, 0);
}

/* An amount of the store currency (>= 0) into *out; 0 or -1. */
static int
amount(const char *s, long long *out)
{
	const char *err;

	return valid_money(s, (int)conf_int(CONF_CURRENCY_DECIMALS), 0,
	    1LL << 50, out, &err);
}

/* A whole number in [min, max] into *out; 0 or -1. */
static int
whole(const char *s, long long min, long long max, long long *out)
{
	const char *err;

	return valid_int(s, min, max, out, &err);
}

const char *
ship_area_norm(struct arena *a, const char *s)
{
	char cc[3];

	if (s == NULL || strlen(s) < 2 || (s[2] != '\0' && s[2] != ':'))
		return NULL;
	for (int i = 0; i < 2; i++)
		cc[i] = s[i] >= 'a' && s[i] <= 'z' ? (char)(s[i] - 'a' + 'A') :
		    s[i];
	cc[2] = '\0';
	if (phone_country(cc) == NULL)
		return NULL;
	if (s[2] == '\0')
		return arena_strdup(a, cc);
	return ship_name_ok(s + 3) ? arena_printf(a, "%s:%s", cc, s + 3) : NULL;
}

/* s[0..n) without the spaces around it, in a. */
static const char *
trimmed(struct arena *a, const char *s, size_t n)
{
	while (n > 0 && (*s == ' ' || *s == '\t' || *s == '\r')) {
		s++;
		n--;
	}
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' ||
	    s[n - 1] == '\r'))
		n--;
	return arena_strndup(a, s, n);
}

size_t
ship_zone_parse(struct arena *a, const char *name, const char *areas,
    const char ***out, size_t *n, const char **bad, enum ship_err *errs)
{
	const char **v = arena_alloc(a, (SHIP_AREAS_MAX + 1) * sizeof(*v));
	const char *p = areas ? areas : "";
	size_t ne = 0, k = 0;
	int refused = 0;

	*bad = NULL;
	if (!ship_name_ok(name))
		errs[ne++] = SHIP_E_ZONE_NAME;
	while (*p != '\0') {
		size_t len = strcspn(p, ",;\n");
		const char *one = trimmed(a, p, len), *norm;
		p += len + (p[len] != '\0');
		if (*one == '\0')
			continue;
		if ((norm = ship_area_norm(a, one)) == NULL) {
			if (*bad == NULL)
				*bad = one;
			refused = 1;
		} else if (k <= SHIP_AREAS_MAX)
			v[k++] = norm;
	}
	if (refused)
		errs[ne++] = SHIP_E_AREA;
	else if (k == 0 || k > SHIP_AREAS_MAX)
		errs[ne++] = SHIP_E_NO_AREA;
	*out = v;
	*n = k;
	return ne;
}

size_t
ship_rate_parse(const struct ship_rate_form *f, struct ship_rate *r,
    enum ship_err *errs)
{
	long long lo = 0, hi = 0;
	size_t ne = 0;
	int kind = -1;

	r->name = f->name;
	if (!ship_name_ok(f->name))
		errs[ne++] = SHIP_E_RATE_NAME;
	r->names[LANG_EN] = given(f->name_en) ? f->name_en : "";
	r->names[LANG_FR] = given(f->name_fr) ? f->name_fr : "";
	if (given(f->name_en) && !ship_name_ok(f->name_en))
		errs[ne++] = SHIP_E_NAME_EN;
	if (given(f->name_fr) && !ship_name_ok(f->name_fr))
		errs[ne++] = SHIP_E_NAME_FR;
	for (int k = 0; given(f->kind) && k < SHIP__MAX; k++)
		if (strcmp(f->kind, ship_kinds[k]) == 0)
			kind = k;
	if (kind < 0)
		errs[ne++] = SHIP_E_KIND;
	r->kind = kind < 0 ? SHIP_FLAT : (enum ship_kind)kind;
	if (!given(f->base) || amount(f->base, &r->base_minor) < 0)
		errs[ne++] = SHIP_E_BASE;
	r->step_minor = 0;
	if (given(f->step) && amount(f->step, &r->step_minor) < 0)
		errs[ne++] = SHIP_E_STEP;
	else if (kind == SHIP_FLAT && r->step_minor > 0)
		errs[ne++] = SHIP_E_STEP_FLAT;
	r->step_grams = 1000;
	if (given(f->grams) && whole(f->grams, 1, 1000000, &r->step_grams) < 0)
		errs[ne++] = SHIP_E_GRAMS;
	r->free_from_minor = -1;
	if (given(f->free_from) && amount(f->free_from, &r->free_from_minor) < 0)
		errs[ne++] = SHIP_E_FREE;
	if (!given(f->min_days) || whole(f->min_days, 0, SHIP_DAYS_MAX, &lo) < 0)
		errs[ne++] = SHIP_E_MIN_DAYS;
	else if (!given(f->max_days))
		hi = lo;
	else if (whole(f->max_days, lo, SHIP_DAYS_MAX, &hi) < 0)
		errs[ne++] = SHIP_E_MAX_DAYS;
	r->min_days = (int)lo;
	r->max_days = (int)hi;
	r->active = f->active ? 1 : 0;
	return ne;
}

const char *
ship_rule_text(struct arena *a, const struct ship_rate *r)
{
	const char *s = money_arena(a, r->base_minor, LANG_EN);

	if (r->kind == SHIP_QUANTITY && r->step_minor > 0)
		s = arena_printf(a, "%s + %s per further unit", s,
		    money_arena(a, r->step_minor, LANG_EN));
	else if (r->kind == SHIP_WEIGHT)
		s = arena_printf(a, "%s up to %lld g + %s per further %lld g", s,
		    r->step_grams, money_arena(a, r->step_minor, LANG_EN),
		    r->step_grams);
	if (r->free_from_minor >= 0)
		s = arena_printf(a, "%s, free from %s", s,
		    money_arena(a, r->free_from_minor, LANG_EN));
	return s;
}

/* The audit row of who's action on object kind/id (inside the
 * transaction); 0 or -1. */
static int
audit(struct db *db, struct arena *a, const struct staff_actor *who,
    const char *action, const char *kind, long long id, const char *detail,
    long long now)
{
	struct audit_entry e = {
		.user_id = who->id, .actor = who->email, .action = action,
		.kind = kind, .object = arena_printf(a, "%lld", id),
		.detail = detail, .addr = who->addr ? who->addr : "",
	};

	return db_audit_add(db, &e, now);
}

/* Commits when e is SHIP_E_OK (a failed commit: SHIP_E_ERROR), else rolls
 * back; returns the outcome. */
static enum ship_err
finish(struct db *db, enum ship_err e)
{
	if (e == SHIP_E_OK && db_commit(db) == 0)
		return SHIP_E_OK;
	db_rollback(db);
	return e == SHIP_E_OK ? SHIP_E_ERROR : e;
}

enum ship_err
ship_zone_save(struct db *db, struct arena *a, const struct staff_actor *who,
    long long *id, const char *name, const char *const *areas, size_t n,
    long long now, size_t *taken)
{
	enum ship_err e = SHIP_E_OK;
	int created = *id == 0;
	long long rc;

	*taken = n;
	if (db_begin(db) < 0)
		return SHIP_E_ERROR;
	if (created)
		rc = db_ship_zone_add(db, name, areas, n, taken);
	else
		rc = db_ship_zone_edit(db, *id, name, areas, n, taken);
	if (created && rc > 0) {
		*id = rc;
		rc = 0;		/* an id, not DB_NONE */
	}
	if (rc == -2)
		e = SHIP_E_TAKEN;
	else if (rc == DB_NONE)
		e = SHIP_E_NO_ZONE;
	else if (rc < 0 || audit(db, a, who, created ? "ship_zone_create" :
	    "ship_zone_edit", "ship_zone", *id, arena_printf(a, "%s: %zu "
	    "areas", name, n), now) < 0)
		e = SHIP_E_ERROR;
	return finish(db, e);
}

enum ship_err
ship_zone_delete(struct db *db, struct arena *a, const struct staff_actor *who,
    long long id, long long now)
{
	struct ship_zone z;
	enum ship_err e = SHIP_E_OK;
	int rc;

	if (db_begin(db) < 0)
		return SHIP_E_ERROR;
	if ((rc = db_ship_zone(db, a, id, &z)) == 0)
		rc = db_ship_zone_remove(db, id);
	if (rc == DB_NONE)
		e = SHIP_E_NO_ZONE;
	else if (rc < 0 || audit(db, a, who, "ship_zone_delete", "ship_zone",
	    id, z.name, now) < 0)
		e = SHIP_E_ERROR;
	return finish(db, e);
}

enum ship_err
ship_rate_save(struct db *db, struct arena *a, const struct staff_actor *who,
    struct ship_rate *r, long long now)
{
	struct ship_zone z;
	enum ship_err e = SHIP_E_OK;
	int created = r->id == 0;
	long long rc;

	if (db_begin(db) < 0)
		return SHIP_E_ERROR;
	if (created && (rc = db_ship_zone(db, a, r->zone_id, &z)) == 0 &&
	    (rc = db_ship_rate_add(db, r)) > 0) {
		r->id = rc;
		rc = 0;		/* an id, not DB_NONE */
	}
	if (!created)
		rc = db_ship_rate_edit(db, r);
	if (rc == -2)
		e = SHIP_E_RATE_TAKEN;
	else if (rc == DB_NONE)
		e = created ? SHIP_E_NO_ZONE : SHIP_E_NO_RATE;
	else if (rc < 0 || audit(db, a, who, created ? "ship_rate_create" :
	    "ship_rate_edit", "ship_rate", r->id, arena_printf(a, "%s (%s): "
	    "%s, %d-%d days%s", r->name, ship_kinds[r->kind],
	    ship_rule_text(a, r), r->min_days, r->max_days, r->active ? "" :
	    ", off"), now) < 0)
		e = SHIP_E_ERROR;
	return finish(db, e);
}

enum ship_err
ship_rate_delete(struct db *db, struct arena *a, const struct staff_actor *who,
    long long id, long long now)
{
	struct ship_rate r;
	enum ship_err e = SHIP_E_OK;
	int rc;

	if (db_begin(db) < 0)
		return SHIP_E_ERROR;
	if ((rc = db_ship_rate(db, a, id, &r)) == 0)
		rc = db_ship_rate_remove(db, id);
	if (rc == DB_NONE)
		e = SHIP_E_NO_RATE;
	else if (rc < 0 || audit(db, a, who, "ship_rate_delete", "ship_rate",
	    id, arena_printf(a, "%s (%s)", r.name, r.zone), now) < 0)
		e = SHIP_E_ERROR;
	return finish(db, e);
}

enum ship_err
ship_weight_save(struct db *db, struct arena *a, const struct staff_actor *who,
    const char *slug, const char *grams, long long now)
{
	enum ship_err e = SHIP_E_OK;
	long long g, id;
	int rc;

	if (!given(grams) || whole(grams, 0, 1000000000, &g) < 0)
		return SHIP_E_WEIGHT;
	if (db_begin(db) < 0)
		return SHIP_E_ERROR;
	if ((id = db_product_id(db, slug)) <= 0)
		e = id == 0 ? SHIP_E_NO_PRODUCT : SHIP_E_ERROR;
	else if ((rc = db_ship_weight(db, slug, g)) != 0)
		e = rc == DB_NONE ? SHIP_E_NO_PRODUCT : SHIP_E_ERROR;
	else if (audit(db, a, who, "product_weight", "product", id,
	    arena_printf(a, "%s: %lld g", slug, g), now) < 0)
		e = SHIP_E_ERROR;
	return finish(db, e);
}
