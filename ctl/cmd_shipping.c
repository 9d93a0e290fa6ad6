/* cmd_shipping.c — soukctl shipping: delivery zones, their rates and the
 * weights of shipped products (docs/shipping.md, docs/soukctl.md).
 *
 *   shipping list
 *   shipping zone add NAME AREA...      AREA: CC or CC:Region
 *   shipping zone remove NAME
 *   shipping rate add ZONE NAME flat|quantity|weight PRICE --days MIN-MAX
 *                 [--step AMOUNT] [--grams G] [--free-from AMOUNT] [--off]
 *                 [--en NAME] [--fr NAME]
 *   shipping rate name ID en|fr NAME    ("" removes that language's)
 *   shipping rate on|off|remove ID
 *   shipping weight SLUG GRAMS
 *   shipping quote COUNTRY [--region R] [--units N] [--grams G]
 *                  [--amount AMOUNT]
 *
 * The rules of what is typed and the changes (each audited, by
 * "soukctl") are ship_edit.h's, the admin's too; the price rules are
 * ship.h's; quote prints what checkout would offer. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "ctl.h"
#include "db_ship.h"
#include "lang.h"
#include "money.h"
#include "ship.h"
#include "ship_edit.h"
#include "store_conf.h"
#include "clock.h"
#include "tmpl.h"
#include "valid.h"

static const char usage_text[] =
    "list | zone add NAME AREA... | zone remove NAME | rate add ZONE NAME "
    "flat|quantity|weight PRICE --days MIN-MAX [--step AMOUNT] [--grams G] "
    "[--free-from AMOUNT] [--off] [--en NAME] [--fr NAME] | rate name ID "
    "en|fr NAME | rate on|off|remove ID | weight SLUG GRAMS "
    "| quote COUNTRY [--region R] [--units N] [--grams G] [--amount AMOUNT]";

/* An amount in the store currency (>= 0); 0 or -1. */
static int
amount_arg(const char *s, long long *out)
{
	const char *err;

	return valid_money(s, (int)conf_int(CONF_CURRENCY_DECIMALS), 0,
	    1LL << 50, out, &err);
}

/* A whole number in [min, max]; 0 or -1. */
static int
int_arg(const char *s, long long min, long long max, long long *out)
{
	const char *err;

	return valid_int(s, min, max, out, &err);
}

/* Prints the n refusals of ship_edit.h, each with its sentence of the
 * lang files (the admin shows the same; bad: the area refused); returns
 * 1. */
static int
refused(struct arena *a, const enum ship_err *errs, size_t n,
    const char *bad)
{
	if (ctl_templates() < 0)
		return 1;
	for (size_t i = 0; i < n; i++) {
		const char *why = tmpl_str(LANG_EN, arena_printf(a,
		    "admship.err.%s", ship_err_names[errs[i]]));
		if (errs[i] == SHIP_E_AREA && bad != NULL)
			ctl_fail("shipping", "'%s' %s", bad, why);
		else
			ctl_fail("shipping", "%s", why);
	}
	return 1;
}

/* shipping list: zones with their areas, and each zone's rates. */
static int
ship_list(struct db *db, struct arena *a)
{
	struct ship_zone *z;
	struct ship_rate *r;
	size_t n, nr;

	if (db_ship_zones(db, a, &z, &n) < 0)
		return ctl_fail("shipping", "cannot read the zones");
	if (n == 0)
		ctl_printf("no delivery zones: physical items cannot be ordered "
		    "(soukctl shipping zone add)\n");
	for (size_t i = 0; i < n; i++) {
		ctl_printf("zone %s: %s\n", z[i].name, *z[i].areas ? z[i].areas :
		    "(no areas)");
		if (db_ship_rates(db, a, z[i].id, 0, &r, &nr) < 0)
			return ctl_fail("shipping", "cannot read the rates");
		for (size_t k = 0; k < nr; k++) {
			ctl_printf("  rate %lld  %-20s %-8s %d-%d days  %s%s\n",
			    r[k].id, r[k].name, ship_kinds[r[k].kind],
			    r[k].min_days, r[k].max_days, ship_rule_text(a, &r[k]),
			    r[k].active ? "" : "  (off)");
			for (int l = 0; l < LANG__MAX; l++)
				if (*r[k].names[l] != '\0')
					ctl_printf("    %s: %s\n", lang_code(
					    (enum lang)l), r[k].names[l]);
		}
	}
	return 0;
}

/* The id of the zone named name, or 0 after saying there is none. */
static long long
zone_named(struct db *db, const char *name)
{
	long long id = 0;
	int rc = db_ship_zone_id(db, name, &id);

	if (rc == DB_NONE)
		ctl_fail("shipping", "no zone named %s", name);
	return rc == 0 ? id : 0;
}

/* shipping zone add NAME AREA... | zone remove NAME */
static int
ship_zone(struct db *db, struct arena *a, int argc, char **argv)
{
	enum ship_err errs[SHIP_E__MAX], e;
	const char **areas, *bad, *text = "";
	long long id = 0;
	size_t taken, n, ne;

	if (argc == 4 && strcmp(argv[2], "remove") == 0) {
		if ((id = zone_named(db, argv[3])) == 0)
			return 1;
		if (ship_zone_delete(db, a, &ctl_actor, id, store_now()) !=
		    SHIP_E_OK)
			return ctl_fail("shipping", "could not remove %s", argv[3]);
		ctl_printf("zone %s removed with its rates\n", argv[3]);
		return 0;
	}
	if (argc < 5 || strcmp(argv[2], "add") != 0)
		return ctl_usage("shipping", usage_text);
	/* Each argument is one area (a region's name may hold spaces). */
	for (int i = 4; i < argc; i++) {
		if (strcspn(argv[i], ",;\n") != strlen(argv[i])) {
			e = SHIP_E_AREA;
			return refused(a, &e, 1, argv[i]);
		}
		text = arena_printf(a, "%s%s%s", text, i > 4 ? "\n" : "",
		    argv[i]);
	}
	if ((ne = ship_zone_parse(a, argv[3], text, &areas, &n, &bad,
	    errs)) > 0)
		return refused(a, errs, ne, bad);
	e = ship_zone_save(db, a, &ctl_actor, &id, argv[3], areas, n,
	    store_now(), &taken);
	if (e == SHIP_E_TAKEN)
		return ctl_fail("shipping", "the zone name %s or the area %s "
		    "belongs to a zone already", argv[3], taken < n ?
		    areas[taken] : argv[3]);
	if (e != SHIP_E_OK)
		return ctl_fail("shipping", "could not add the zone %s", argv[3]);
	ctl_printf("zone %s added (id %lld)\n", argv[3], id);
	return 0;
}

/* Saves rate r (new: r->id 0) and says what was done; the exit status. */
static int
rate_save(struct db *db, struct arena *a, struct ship_rate *r,
    const char *done)
{
	enum ship_err e = ship_rate_save(db, a, &ctl_actor, r, store_now());

	if (e == SHIP_E_RATE_TAKEN || e == SHIP_E_NO_RATE ||
	    e == SHIP_E_NO_ZONE)
		return refused(a, &e, 1, NULL);
	if (e != SHIP_E_OK)
		return ctl_fail("shipping", "could not save the rate");
	ctl_printf("rate %s %s (id %lld)\n", r->name, done, r->id);
	return 0;
}

/* shipping rate add ZONE NAME KIND PRICE --days MIN-MAX [...] */
static int
rate_add(struct db *db, struct arena *a, int argc, char **argv)
{
	struct ship_rate_form f = { .active = 1 };
	struct ship_rate r = { 0 };
	enum ship_err errs[SHIP_E__MAX];
	size_t ne;

	if (argc < 7)
		return ctl_usage("shipping", usage_text);
	f.name = argv[4];
	f.kind = argv[5];
	f.base = argv[6];
	for (int i = 7; i < argc; i++) {
		const char *opt = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
		int l = ctl_lang_opt(opt);
		if (strcmp(opt, "--off") == 0) {
			f.active = 0;
			continue;
		}
		if (v == NULL)
			return ctl_usage("shipping", usage_text);
		if (l == LANG_EN)
			f.name_en = v;
		else if (l == LANG_FR)
			f.name_fr = v;
		else if (strcmp(opt, "--days") == 0) {
			const char *dash = strchr(v, '-');
			if (dash == NULL || dash == v || dash[1] == '\0')
				return ctl_usage("shipping", usage_text);
			f.min_days = arena_strndup(a, v, (size_t)(dash - v));
			f.max_days = dash + 1;
		} else if (strcmp(opt, "--step") == 0)
			f.step = v;
		else if (strcmp(opt, "--grams") == 0)
			f.grams = v;
		else if (strcmp(opt, "--free-from") == 0)
			f.free_from = v;
		else
			return ctl_usage("shipping", usage_text);
		i++;
	}
	if (f.min_days == NULL)
		return ctl_fail("shipping", "--days MIN-MAX (working days) is "
		    "required");
	if ((ne = ship_rate_parse(&f, &r, errs)) > 0)
		return refused(a, errs, ne, NULL);
	if ((r.zone_id = zone_named(db, argv[3])) == 0)
		return 1;
	return rate_save(db, a, &r, arena_printf(a, "added to zone %s",
	    argv[3]));
}

/* Rate number s into *r: 1, or 0 after saying why. */
static int
rate_of(struct db *db, struct arena *a, const char *s, struct ship_rate *r)
{
	long long id;
	int rc;

	if (int_arg(s, 1, 1LL << 53, &id) < 0) {
		ctl_usage("shipping", usage_text);
		return 0;
	}
	if ((rc = db_ship_rate(db, a, id, r)) == DB_NONE)
		ctl_fail("shipping", "no rate %lld", id);
	return rc == 0;
}

/* shipping rate on|off|remove ID */
static int
rate_set(struct db *db, struct arena *a, int argc, char **argv)
{
	struct ship_rate r;
	int on = argc == 4 && strcmp(argv[2], "on") == 0;

	if (argc != 4 || (!on && strcmp(argv[2], "off") != 0 &&
	    strcmp(argv[2], "remove") != 0))
		return ctl_usage("shipping", usage_text);
	if (!rate_of(db, a, argv[3], &r))
		return 1;
	if (strcmp(argv[2], "remove") == 0) {
		if (ship_rate_delete(db, a, &ctl_actor, r.id, store_now()) !=
		    SHIP_E_OK)
			return ctl_fail("shipping", "could not remove rate %lld",
			    r.id);
		ctl_printf("rate %lld removed\n", r.id);
		return 0;
	}
	r.active = on;
	return rate_save(db, a, &r, on ? "on" : "off");
}

/* shipping rate name ID en|fr NAME: the rate's name in that language
 * ("" removes it: the rate's own name is shown).  The other fields are
 * parsed again as they are, so the rate keeps obeying ship_rate_parse. */
static int
rate_name(struct db *db, struct arena *a, int argc, char **argv)
{
	enum ship_err e;
	struct ship_rate r;
	int l;

	if (argc != 6 || (l = lang_from_code(argv[4])) < 0 ||
	    strcmp(argv[4], lang_code((enum lang)l)) != 0)
		return ctl_usage("shipping", usage_text);
	if (!rate_of(db, a, argv[3], &r))
		return 1;
	if (*argv[5] != '\0' && !ship_name_ok(argv[5])) {
		e = l == LANG_FR ? SHIP_E_NAME_FR : SHIP_E_NAME_EN;
		return refused(a, &e, 1, NULL);
	}
	r.names[l] = argv[5];
	return rate_save(db, a, &r, arena_printf(a, "in %s: %s", argv[4],
	    *argv[5] ? argv[5] : "(its own name)"));
}

/* shipping weight SLUG GRAMS */
static int
ship_weight(struct db *db, struct arena *a, int argc, char **argv)
{
	enum ship_err e;

	if (argc != 4)
		return ctl_usage("shipping", usage_text);
	e = ship_weight_save(db, a, &ctl_actor, argv[2], argv[3], store_now());
	if (e == SHIP_E_NO_PRODUCT)
		return ctl_fail("shipping", "no product %s", argv[2]);
	if (e == SHIP_E_WEIGHT)
		return refused(a, &e, 1, NULL);
	if (e != SHIP_E_OK)
		return ctl_fail("shipping", "could not set the weight");
	ctl_printf("%s weighs %s g\n", argv[2], argv[3]);
	return 0;
}

/* shipping quote COUNTRY [--region R] [--units N] [--grams G]
 * [--amount A]: what checkout offers for such goods. */
static int
ship_quote_cmd(struct db *db, struct arena *a, int argc, char **argv)
{
	struct ship_goods g = { 1, 0, 0 };
	const char *region = "";
	struct ship_option *o;
	size_t n;
	const char *cc = argc < 3 ? NULL : ship_area_norm(a, argv[2]);

	if (cc == NULL || cc[2] != '\0')
		return ctl_usage("shipping", usage_text);
	for (int i = 3; i < argc; i++) {
		const char *opt = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
		int bad = v == NULL;
		if (!bad && strcmp(opt, "--region") == 0)
			region = v;
		else if (!bad && strcmp(opt, "--units") == 0)
			bad = int_arg(v, 0, 10000, &g.units) < 0;
		else if (!bad && strcmp(opt, "--grams") == 0)
			bad = int_arg(v, 0, 1000000000, &g.grams) < 0;
		else if (!bad && strcmp(opt, "--amount") == 0)
			bad = amount_arg(v, &g.amount_minor) < 0;
		else
			bad = 1;
		if (bad)
			return ctl_usage("shipping", usage_text);
		i++;
	}
	switch (ship_options(db, a, cc, region, &g, &o, &n)) {
	case SHIP_ERROR:
		return ctl_fail("shipping", "cannot read the rates");
	case SHIP_NO_ZONE:
	case SHIP_NO_RATE:
		return ctl_fail("shipping", "no zone delivers to %s%s%s", cc,
		    *region ? ":" : "", region);
	case SHIP_OK:
		break;
	}
	if (n == 0)
		ctl_printf("the zone has no active rate\n");
	for (size_t i = 0; i < n; i++)
		ctl_printf("%s (%s) %lld %s  %d-%d days\n", o[i].rate.name,
		    o[i].rate.zone, o[i].price_minor, money_arena(a,
		    o[i].price_minor, LANG_EN), o[i].rate.min_days,
		    o[i].rate.max_days);
	return 0;
}

int
cmd_shipping(int argc, char **argv)
{
	struct arena a;
	struct db *db;
	int rc;

	if (argc < 2)
		return ctl_usage("shipping", usage_text);
	if ((db = ctl_open(0)) == NULL)
		return 1;
	arena_init(&a, 0);
	if (strcmp(argv[1], "list") == 0 && argc == 2)
		rc = ship_list(db, &a);
	else if (strcmp(argv[1], "zone") == 0 && argc >= 3)
		rc = ship_zone(db, &a, argc, argv);
	else if (strcmp(argv[1], "rate") == 0 && argc >= 3 &&
	    strcmp(argv[2], "add") == 0)
		rc = rate_add(db, &a, argc, argv);
	else if (strcmp(argv[1], "rate") == 0 && argc >= 3 &&
	    strcmp(argv[2], "name") == 0)
		rc = rate_name(db, &a, argc, argv);
	else if (strcmp(argv[1], "rate") == 0 && argc >= 3)
		rc = rate_set(db, &a, argc, argv);
	else if (strcmp(argv[1], "weight") == 0)
		rc = ship_weight(db, &a, argc, argv);
	else if (strcmp(argv[1], "quote") == 0)
		rc = ship_quote_cmd(db, &a, argc, argv);
	else
		rc = ctl_usage("shipping", usage_text);
	arena_free(&a);
	db_close(db);
	return rc;
}
