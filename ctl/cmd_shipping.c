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
 * The price rules are ship.h's; quote prints what checkout would offer. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "ctl.h"
#include "db_ship.h"
#include "lang.h"
#include "money.h"
#include "phone.h"
#include "ship.h"
#include "store_conf.h"
#include "utf8.h"
#include "valid.h"

#define SHIP_MAX_AREAS	64

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

/* A name of 1 to 60 characters on one line; 0 or -1. */
static int
name_arg(const char *s)
{
	size_t n = strlen(s);

	return n >= 1 && n <= 60 && strcspn(s, "\r\n\t") == n &&
	    utf8_valid(s, n) ? 0 : -1;
}

/* "CC" or "CC:Region" with CC a country of lib/web/phone.c, upper-cased
 * in place; 0 or -1. */
static int
area_arg(char *s)
{
	if (strlen(s) < 2 || (s[2] != '\0' && s[2] != ':'))
		return -1;
	for (int i = 0; i < 2; i++)
		if (s[i] >= 'a' && s[i] <= 'z')
			s[i] = (char)(s[i] - 'a' + 'A');
	char cc[3] = { s[0], s[1], '\0' };
	if (phone_country(cc) == NULL)
		return -1;
	return s[2] == ':' ? name_arg(s + 3) : 0;
}

/* "2-4" into *lo and *hi (0 <= lo <= hi <= 365); 0 or -1. */
static int
days_arg(const char *s, int *lo, int *hi)
{
	char *end;
	long a = strtol(s, &end, 10), b;

	if (end == s || *end != '-')
		return -1;
	s = end + 1;
	b = strtol(s, &end, 10);
	if (end == s || *end != '\0' || a < 0 || b < a || b > 365)
		return -1;
	*lo = (int)a;
	*hi = (int)b;
	return 0;
}

/* A rule in words: "7.000 TND + 2.000 TND per further unit, free from
 * 300.000 TND". */
static const char *
rule_text(struct arena *a, const struct ship_rate *r)
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
			    r[k].min_days, r[k].max_days, rule_text(a, &r[k]),
			    r[k].active ? "" : "  (off)");
			for (int l = 0; l < LANG__MAX; l++)
				if (*r[k].names[l] != '\0')
					ctl_printf("    %s: %s\n", lang_code(
					    (enum lang)l), r[k].names[l]);
		}
	}
	return 0;
}

/* shipping zone add NAME AREA... | zone remove NAME */
static int
ship_zone(struct db *db, int argc, char **argv)
{
	size_t taken = 0;
	long long id;
	int rc;

	if (argc == 4 && strcmp(argv[2], "remove") == 0) {
		if ((rc = db_ship_zone_remove(db, argv[3])) < 0)
			return ctl_fail("shipping", "could not remove %s", argv[3]);
		if (rc == DB_NONE)
			return ctl_fail("shipping", "no zone named %s", argv[3]);
		ctl_printf("zone %s removed with its rates\n", argv[3]);
		return 0;
	}
	if (argc < 5 || strcmp(argv[2], "add") != 0 ||
	    argc - 4 > SHIP_MAX_AREAS)
		return ctl_usage("shipping", usage_text);
	if (name_arg(argv[3]) < 0)
		return ctl_fail("shipping", "a zone name is 1 to 60 characters");
	for (int i = 4; i < argc; i++)
		if (area_arg(argv[i]) < 0)
			return ctl_fail("shipping", "'%s' is not an area: a country "
			    "code (TN) or a country and region (TN:Sfax)", argv[i]);
	id = db_ship_zone_add(db, argv[3], (const char *const *)argv + 4,
	    (size_t)(argc - 4), &taken);
	if (id == -2)
		return ctl_fail("shipping", "the zone name %s or the area %s "
		    "belongs to a zone already", argv[3], argv[4 + taken]);
	if (id < 0)
		return ctl_fail("shipping", "could not add the zone %s", argv[3]);
	ctl_printf("zone %s added (id %lld)\n", argv[3], id);
	return 0;
}

/* shipping rate add ZONE NAME KIND PRICE --days MIN-MAX [...] */
static int
rate_add(struct db *db, int argc, char **argv)
{
	struct ship_rate r = { .step_grams = 1000, .free_from_minor = -1,
	    .active = 1, .min_days = -1 };
	int kind = -1, rc;
	long long id;

	if (argc < 7)
		return ctl_usage("shipping", usage_text);
	for (int k = 0; k < SHIP__MAX; k++)
		if (strcmp(argv[5], ship_kinds[k]) == 0)
			kind = k;
	if (kind < 0 || amount_arg(argv[6], &r.base_minor) < 0)
		return ctl_usage("shipping", usage_text);
	r.kind = (enum ship_kind)kind;
	r.name = argv[4];
	if (name_arg(r.name) < 0)
		return ctl_fail("shipping", "a rate name is 1 to 60 characters");
	for (int i = 7; i < argc; i++) {
		const char *opt = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
		int bad = 0, l = ctl_lang_opt(opt);
		if (strcmp(opt, "--off") == 0) {
			r.active = 0;
			continue;
		}
		if (v == NULL)
			bad = 1;
		else if (l >= 0) {
			if (name_arg(v) < 0)
				return ctl_fail("shipping", "a rate name is 1 to "
				    "60 characters");
			r.names[l] = v;
		}
		else if (strcmp(opt, "--days") == 0)
			bad = days_arg(v, &r.min_days, &r.max_days) < 0;
		else if (strcmp(opt, "--step") == 0)
			bad = amount_arg(v, &r.step_minor) < 0;
		else if (strcmp(opt, "--grams") == 0)
			bad = int_arg(v, 1, 1000000, &r.step_grams) < 0;
		else if (strcmp(opt, "--free-from") == 0)
			bad = amount_arg(v, &r.free_from_minor) < 0;
		else
			bad = 1;
		if (bad)
			return ctl_usage("shipping", usage_text);
		i++;
	}
	if (r.min_days < 0)
		return ctl_fail("shipping", "--days MIN-MAX (working days) is "
		    "required");
	if (r.kind == SHIP_FLAT && r.step_minor > 0)
		return ctl_fail("shipping", "--step is for quantity and weight "
		    "rates");
	if ((rc = db_ship_zone_id(db, argv[3], &r.zone_id)) != 0)
		return rc < 0 ? 1 : ctl_fail("shipping", "no zone named %s",
		    argv[3]);
	if ((id = db_ship_rate_add(db, &r)) == -2)
		return ctl_fail("shipping", "zone %s has a rate named %s already",
		    argv[3], r.name);
	if (id < 0)
		return ctl_fail("shipping", "could not add the rate");
	ctl_printf("rate %s added to zone %s (id %lld)\n", r.name, argv[3], id);
	return 0;
}

/* shipping rate on|off|remove ID */
static int
rate_set(struct db *db, int argc, char **argv)
{
	static const char *const acts[] = { "off", "on", "remove" };
	long long id;
	int act = -1, rc;

	for (int k = 0; k < 3; k++)
		if (argc == 4 && strcmp(argv[2], acts[k]) == 0)
			act = k;
	if (act < 0 || int_arg(argv[3], 1, 1LL << 53, &id) < 0)
		return ctl_usage("shipping", usage_text);
	if ((rc = db_ship_rate_set(db, id, act == 2 ? -1 : act)) < 0)
		return ctl_fail("shipping", "could not change rate %lld", id);
	if (rc == DB_NONE)
		return ctl_fail("shipping", "no rate %lld", id);
	ctl_printf("rate %lld %s\n", id, act == 2 ? "removed" : act ?
	    "on" : "off");
	return 0;
}

/* shipping rate name ID en|fr NAME: the rate's name in that language
 * ("" removes it: the rate's own name is shown). */
static int
rate_name(struct db *db, int argc, char **argv)
{
	long long id;
	int l, rc;

	if (argc != 6 || int_arg(argv[3], 1, 1LL << 53, &id) < 0 ||
	    (l = lang_from_code(argv[4])) < 0 ||
	    strcmp(argv[4], lang_code((enum lang)l)) != 0)
		return ctl_usage("shipping", usage_text);
	if (*argv[5] != '\0' && name_arg(argv[5]) < 0)
		return ctl_fail("shipping", "a rate name is 1 to 60 characters");
	if ((rc = db_ship_rate_name(db, id, (enum lang)l, argv[5])) < 0)
		return ctl_fail("shipping", "could not change rate %lld", id);
	if (rc == DB_NONE)
		return ctl_fail("shipping", "no rate %lld", id);
	ctl_printf("rate %lld in %s: %s\n", id, argv[4], *argv[5] ? argv[5] :
	    "(its own name)");
	return 0;
}

/* shipping weight SLUG GRAMS */
static int
ship_weight(struct db *db, int argc, char **argv)
{
	long long grams;
	int rc;

	if (argc != 4 || int_arg(argv[3], 0, 1000000000, &grams) < 0)
		return ctl_usage("shipping", usage_text);
	if ((rc = db_ship_weight(db, argv[2], grams)) < 0)
		return ctl_fail("shipping", "could not set the weight");
	if (rc == DB_NONE)
		return ctl_fail("shipping", "no product %s", argv[2]);
	ctl_printf("%s weighs %lld g\n", argv[2], grams);
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

	if (argc < 3 || area_arg(argv[2]) < 0 || argv[2][2] != '\0')
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
	switch (ship_options(db, a, argv[2], region, &g, &o, &n)) {
	case SHIP_ERROR:
		return ctl_fail("shipping", "cannot read the rates");
	case SHIP_NO_ZONE:
	case SHIP_NO_RATE:
		return ctl_fail("shipping", "no zone delivers to %s%s%s", argv[2],
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
		rc = ship_zone(db, argc, argv);
	else if (strcmp(argv[1], "rate") == 0 && argc >= 3 &&
	    strcmp(argv[2], "add") == 0)
		rc = rate_add(db, argc, argv);
	else if (strcmp(argv[1], "rate") == 0 && argc >= 3 &&
	    strcmp(argv[2], "name") == 0)
		rc = rate_name(db, argc, argv);
	else if (strcmp(argv[1], "rate") == 0 && argc >= 3)
		rc = rate_set(db, argc, argv);
	else if (strcmp(argv[1], "weight") == 0)
		rc = ship_weight(db, argc, argv);
	else if (strcmp(argv[1], "quote") == 0)
		rc = ship_quote_cmd(db, &a, argc, argv);
	else
		rc = ctl_usage("shipping", usage_text);
	arena_free(&a);
	db_close(db);
	return rc;
}
