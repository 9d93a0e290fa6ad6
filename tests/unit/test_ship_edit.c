/* test_ship_edit.c — the rules of a delivery zone, a rate and a checkout
 * detail as typed (ship_edit.h, detail_edit.h: soukctl's and the admin's),
 * and the saves with their audit rows in one transaction. */
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "conf.h"
#include "customer.h"
#include "detail_edit.h"
#include "ship_edit.h"
#include "store_conf.h"
#include "t.h"

/* 1 when e is one of errs[0..n). */
static int
has(const enum ship_err *errs, size_t n, enum ship_err e)
{
	for (size_t i = 0; i < n; i++)
		if (errs[i] == e)
			return 1;
	return 0;
}

TEST(ship_zone_and_rate_rules)
{
	enum ship_err errs[SHIP_E__MAX];
	struct ship_rate r;
	const char **areas, *bad;
	struct arena a;
	char was[16];
	size_t n;

	arena_init(&a, 0);
	snprintf(was, sizeof(was), "%s", conf_str(CONF_CURRENCY_DECIMALS));
	conf_set(CONF_CURRENCY_DECIMALS, "3");
	CHECK_INT(ship_zone_parse(&a, "Maghreb", " dz,\nma ;TN:Sfax\n\n", &areas,
	    &n, &bad, errs), 0);
	CHECK_INT(n, 3);
	CHECK_STR(areas[0], "DZ");
	CHECK_STR(areas[1], "MA");
	CHECK_STR(areas[2], "TN:Sfax");
	CHECK_INT(ship_zone_parse(&a, "", "XX, TN", &areas, &n, &bad, errs), 2);
	CHECK(has(errs, 2, SHIP_E_ZONE_NAME) && has(errs, 2, SHIP_E_AREA));
	CHECK_STR(bad, "XX");
	CHECK_INT(ship_zone_parse(&a, "Z", " , ", &areas, &n, &bad, errs), 1);
	CHECK_INT(errs[0], SHIP_E_NO_AREA);
	CHECK(ship_area_norm(&a, "tn:") == NULL);

	struct ship_rate_form f = { .name = "Standard", .kind = "quantity",
	    .base = "7", .step = "2", .free_from = "300", .min_days = "2",
	    .max_days = "4", .active = 1, .name_fr = "Livraison" };
	CHECK_INT(ship_rate_parse(&f, &r, errs), 0);
	CHECK(r.kind == SHIP_QUANTITY && r.base_minor == 7000 &&
	    r.step_minor == 2000 && r.free_from_minor == 300000 &&
	    r.step_grams == 1000 && r.min_days == 2 && r.max_days == 4 &&
	    r.active == 1);
	CHECK_STR(r.names[LANG_FR], "Livraison");
	f = (struct ship_rate_form){ .name = "F", .kind = "flat", .base = "0",
	    .min_days = "3" };
	CHECK_INT(ship_rate_parse(&f, &r, errs), 0);
	CHECK(r.max_days == 3 && r.free_from_minor == -1 && r.active == 0);
	f = (struct ship_rate_form){ .name = "F", .kind = "flat", .base = "x",
	    .step = "1", .min_days = "5", .max_days = "2", .grams = "0" };
	n = ship_rate_parse(&f, &r, errs);
	CHECK(has(errs, n, SHIP_E_BASE) && has(errs, n, SHIP_E_STEP_FLAT) &&
	    has(errs, n, SHIP_E_MAX_DAYS) && has(errs, n, SHIP_E_GRAMS));
	f = (struct ship_rate_form){ .kind = "air" };
	n = ship_rate_parse(&f, &r, errs);
	CHECK(has(errs, n, SHIP_E_RATE_NAME) && has(errs, n, SHIP_E_KIND) &&
	    has(errs, n, SHIP_E_BASE) && has(errs, n, SHIP_E_MIN_DAYS));
	conf_set(CONF_CURRENCY_DECIMALS, was);
	arena_free(&a);
}

TEST(ship_saves_are_audited_in_their_transaction)
{
	static const struct staff_actor who = { 0, "unit", ROLE_ADMIN, "" };
	const char *const areas[] = { "SN", "ML" }, *const taken[] = { "ML" };
	struct db *db = t_db_new();
	struct ship_rate r = { .name = "Road", .kind = SHIP_FLAT,
	    .base_minor = 5000, .free_from_minor = -1, .min_days = 1,
	    .max_days = 2, .active = 1, .step_grams = 1000 };
	struct arena a;
	long long id = 0, other = 0;
	size_t at;

	arena_init(&a, 0);
	CHECK_INT(ship_zone_save(db, &a, &who, &id, "West", areas, 2, 1, &at),
	    SHIP_E_OK);
	CHECK(id > 0);
	CHECK_INT(ship_zone_save(db, &a, &who, &other, "Other", taken, 1, 1,
	    &at), SHIP_E_TAKEN);
	CHECK_INT(at, 0);
	CHECK_INT(t_int(db, "SELECT count(*) FROM ship_zones"), 1);
	r.zone_id = id;
	CHECK_INT(ship_rate_save(db, &a, &who, &r, 1), SHIP_E_OK);
	CHECK(r.id > 0);
	r.id = 0;
	CHECK_INT(ship_rate_save(db, &a, &who, &r, 1), SHIP_E_RATE_TAKEN);
	r.zone_id = 999;
	CHECK_INT(ship_rate_save(db, &a, &who, &r, 1), SHIP_E_NO_ZONE);
	CHECK_INT(t_int(db, "SELECT count(*) FROM audit_log WHERE actor = "
	    "'unit'"), 2);
	CHECK_INT(ship_zone_delete(db, &a, &who, id, 1), SHIP_E_OK);
	CHECK_INT(ship_zone_delete(db, &a, &who, id, 1), SHIP_E_NO_ZONE);
	CHECK_INT(t_int(db, "SELECT count(*) FROM ship_rates"), 0);
	CHECK_INT(t_int(db, "SELECT count(*) FROM audit_log WHERE action = "
	    "'ship_zone_delete'"), 1);
	arena_free(&a);
	db_close(db);
}

TEST(detail_field_rules)
{
	enum detail_err errs[DET__MAX];
	struct detail_field f;
	struct detail_form in = { .name = "box_mac", .type = "mac",
	    .label = "MAC", .label_fr = "Adresse MAC", .required = 1 };

	CHECK_INT(detail_parse(&in, &f, errs), 0);
	CHECK(f.type == DETAIL_MAC && f.required == 1 && f.max_len == 100);
	CHECK_STR(f.labels[LANG_FR], "Adresse MAC");
	in = (struct detail_form){ .name = "Bad-Name", .type = "color",
	    .label = "", .max = "900" };
	CHECK_INT(detail_parse(&in, &f, errs), 4);
	CHECK(errs[0] == DET_NAME && errs[1] == DET_TYPE &&
	    errs[2] == DET_LABEL && errs[3] == DET_MAX);
}
