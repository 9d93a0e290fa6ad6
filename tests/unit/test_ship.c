/* test_ship.c — delivery prices (ship.h): the rules alone (flat, by
 * quantity, by weight, free from a threshold, their boundaries), the
 * zones on a real SQLite file (country, region, no zone), and the
 * re-check inside the order's transaction (db_order_place). */
#include <string.h>
#include <time.h>

#include "arena.h"
#include "cart.h"
#include "db.h"
#include "db_cart.h"
#include "db_order.h"
#include "db_ship.h"
#include "order.h"
#include "order_place.h"
#include "ship.h"
#include "t.h"

static long long
price(enum ship_kind kind, long long base, long long step, long long grams,
    long long free_from, long long units, long long weight, long long amount)
{
	struct ship_rate r = { .kind = kind, .base_minor = base,
	    .step_minor = step, .step_grams = grams,
	    .free_from_minor = free_from };
	struct ship_goods g = { units, weight, amount };

	return ship_price(&r, &g);
}

TEST(ship_flat_rate)
{
	CHECK_INT(price(SHIP_FLAT, 7000, 0, 1000, -1, 1, 0, 10), 7000);
	CHECK_INT(price(SHIP_FLAT, 7000, 0, 1000, -1, 9, 50000, 10), 7000);
	/* Nothing shipped: no delivery, whatever the rule. */
	CHECK_INT(price(SHIP_FLAT, 7000, 0, 1000, -1, 0, 0, 10), 0);
}

TEST(ship_quantity_rate)
{
	/* 7.000 the first unit, 2.000 each further one. */
	CHECK_INT(price(SHIP_QUANTITY, 7000, 2000, 1000, -1, 1, 0, 0), 7000);
	CHECK_INT(price(SHIP_QUANTITY, 7000, 2000, 1000, -1, 2, 0, 0), 9000);
	CHECK_INT(price(SHIP_QUANTITY, 7000, 2000, 1000, -1, 10, 0, 0), 25000);
}

TEST(ship_weight_rate_boundaries)
{
	/* 25.000 up to 1 kg, 10.000 per further kg begun. */
	CHECK_INT(price(SHIP_WEIGHT, 25000, 10000, 1000, -1, 1, 0, 0), 25000);
	CHECK_INT(price(SHIP_WEIGHT, 25000, 10000, 1000, -1, 1, 999, 0), 25000);
	CHECK_INT(price(SHIP_WEIGHT, 25000, 10000, 1000, -1, 1, 1000, 0), 25000);
	CHECK_INT(price(SHIP_WEIGHT, 25000, 10000, 1000, -1, 1, 1001, 0), 35000);
	CHECK_INT(price(SHIP_WEIGHT, 25000, 10000, 1000, -1, 1, 2000, 0), 35000);
	CHECK_INT(price(SHIP_WEIGHT, 25000, 10000, 1000, -1, 1, 2001, 0), 45000);
	/* Steps of 500 g. */
	CHECK_INT(price(SHIP_WEIGHT, 5000, 1000, 500, -1, 3, 1600, 0), 8000);
}

TEST(ship_free_from_threshold_boundaries)
{
	/* Free once the goods (after the discount) reach 300.000. */
	CHECK_INT(price(SHIP_QUANTITY, 7000, 2000, 1000, 300000, 2, 0, 299999),
	    9000);
	CHECK_INT(price(SHIP_QUANTITY, 7000, 2000, 1000, 300000, 2, 0, 300000), 0);
	CHECK_INT(price(SHIP_WEIGHT, 25000, 10000, 1000, 300000, 1, 5000, 300001),
	    0);
	/* A threshold of 0 is always free; -1 never. */
	CHECK_INT(price(SHIP_FLAT, 7000, 0, 1000, 0, 1, 0, 0), 0);
	CHECK_INT(price(SHIP_FLAT, 7000, 0, 1000, -1, 1, 0, 1LL << 50), 7000);
}

TEST(ship_choice_values)
{
	long long id, p;

	CHECK_INT(ship_choice_parse("12-7000", &id, &p), 0);
	CHECK_INT(id, 12);
	CHECK_INT(p, 7000);
	CHECK_INT(ship_choice_parse("12-0", &id, &p), 0);
	CHECK_INT(ship_choice_parse("0-7000", &id, &p), -1);
	CHECK_INT(ship_choice_parse("12", &id, &p), -1);
	CHECK_INT(ship_choice_parse("12-", &id, &p), -1);
	CHECK_INT(ship_choice_parse("-12-7000", &id, &p), -1);
	CHECK_INT(ship_choice_parse("12-7000x", &id, &p), -1);
	CHECK_INT(ship_choice_parse("1234567890123456-1", &id, &p), -1);
}

/* Tunisia (7.000 flat, Express 15.000), Sfax inside it (4.000, free from
 * 50.000), Maghreb by weight; a box of 1.2 kg and a film. */
static const char zones[] =
    "INSERT INTO products(id, slug, name, kind, price_minor, stock, "
    "weight_grams, created_at, updated_at) VALUES "
    "(1, 'box', 'Box', 'physical', 40000, 50, 1200, 1, 1),"
    "(2, 'film', 'Film', 'digital', 3000, NULL, NULL, 1, 1);"
    "INSERT INTO ship_zones(id, name) VALUES (1, 'Tunisia'), (2, 'Sfax'),"
    "(3, 'Maghreb');"
    "INSERT INTO ship_zone_areas(country, region, zone_id) VALUES "
    "('TN', '', 1), ('TN', 'Sfax', 2), ('DZ', '', 3), ('MA', '', 3);"
    "INSERT INTO ship_rates(id, zone_id, name, kind, base_minor, step_minor, "
    "step_grams, free_from_minor, min_days, max_days, active, position) "
    "VALUES (1, 1, 'Standard', 'flat', 7000, 0, 1000, NULL, 2, 4, 1, 1),"
    "(2, 1, 'Express', 'flat', 15000, 0, 1000, NULL, 1, 1, 1, 2),"
    "(3, 1, 'Old', 'flat', 1000, 0, 1000, NULL, 1, 1, 0, 3),"
    "(4, 2, 'Courier', 'flat', 4000, 0, 1000, 50000, 1, 2, 1, 1),"
    "(5, 3, 'International', 'weight', 25000, 10000, 1000, NULL, 5, 10, 1, 1);";

TEST(ship_zones_country_region_and_refusal)
{
	struct db *db = t_db_new();
	struct ship_goods g = { 1, 1200, 40000 };
	struct ship_option *o, one;
	struct arena a;
	size_t n;

	CHECK(db != NULL);
	arena_init(&a, 0);
	CHECK_INT(t_exec(db, zones), 0);
	CHECK_INT(ship_options(db, &a, "TN", "", &g, &o, &n), SHIP_OK);
	CHECK_INT(n, 2);		/* the inactive rate is not offered */
	CHECK_STR(o[0].rate.name, "Standard");
	CHECK_INT(o[0].price_minor, 7000);
	CHECK_INT(ship_cheapest(o, n)->rate.id, 1);
	/* A region's zone wins over its country's, case aside. */
	CHECK_INT(ship_options(db, &a, "TN", "sfax", &g, &o, &n), SHIP_OK);
	CHECK_INT(n, 1);
	CHECK_STR(o[0].rate.zone, "Sfax");
	CHECK_INT(ship_options(db, &a, "TN", "Gabès", &g, &o, &n), SHIP_OK);
	CHECK_STR(o[0].rate.zone, "Tunisia");
	/* By weight: 1.2 kg is two steps. */
	CHECK_INT(ship_quote(db, &a, "MA", "", 5, &g, &one), SHIP_OK);
	CHECK_INT(one.price_minor, 35000);
	/* No zone for the country: a clear refusal, not a price. */
	CHECK_INT(ship_options(db, &a, "US", "", &g, &o, &n), SHIP_NO_ZONE);
	CHECK_INT(n, 0);
	CHECK_INT(ship_quote(db, &a, "US", "", 1, &g, &one), SHIP_NO_ZONE);
	/* Another zone's rate, or an inactive one, is not offered here. */
	CHECK_INT(ship_quote(db, &a, "TN", "", 5, &g, &one), SHIP_NO_RATE);
	CHECK_INT(ship_quote(db, &a, "TN", "", 3, &g, &one), SHIP_NO_RATE);
	arena_free(&a);
	db_close(db);
}

/* An order for the cart, priced as checkout does (order_from_cart,
 * order_price, order_ship) for TN/city by rate. */
static enum ship_result
order_for(struct db *db, struct arena *a, const char *cart_token,
    struct order *o, const char *country, const char *city, long long rate)
{
	char token[ORDER_TOKEN_LEN + 1], ref[ORDER_REF_BUF];
	struct cart cart;

	memset(o, 0, sizeof(*o));
	if (db_cart_load(db, a, cart_token, &cart) < 0)
		return SHIP_ERROR;
	order_from_cart(a, &cart, o);
	o->cart_id = cart.id;
	o->cart_rev = cart.rev;
	order_token(token, cart_token);
	o->token = arena_strdup(a, token);
	o->idem_key = cart_token;
	order_reference(ref);
	o->reference = arena_strdup(a, ref);
	o->status = order_statuses[ORDER_AWAITING_PAYMENT];
	o->note = "placed_bank";
	o->method = "bank";
	o->currency = "TND";
	o->name = "T";
	o->email = o->email_norm = "t@example.com";
	o->phone = "+21620123456";
	o->country = country;
	o->city = city;
	o->address = "1 rue";
	o->postal = "";
	o->lang = "en";
	o->coupon_code = "";
	o->created_at = o->updated_at = (long long)time(NULL);
	if (order_price(db, a, o, o->created_at) != COUPON_OK)
		return SHIP_ERROR;
	return order_ship(db, a, &cart, o, rate, NULL);
}

static enum place_result
place(struct db *db, struct arena *a, const char *cart, struct order *o)
{
	struct place_why why;
	enum place_result r;

	if (db_begin(db) < 0)
		return PLACE_ERROR;
	r = db_order_place(db, a, cart, o, &why);
	if (r == PLACE_OK && db_commit(db) < 0)
		r = PLACE_ERROR;
	if (r != PLACE_OK)
		db_rollback(db);
	return r;
}

TEST(ship_order_placement_rechecks_delivery_in_its_transaction)
{
	struct db *db = t_db_new();
	char cart[CART_TOKEN_LEN + 1] = "", film[CART_TOKEN_LEN + 1] = "";
	struct cart_change ch;
	struct order o, got;
	struct arena a;

	CHECK(db != NULL);
	arena_init(&a, 0);
	CHECK_INT(t_exec(db, zones), 0);
	CHECK_INT(db_cart_add(db, cart, 1, 0, 2, &ch), CART_OK);
	/* Priced at 7.000; the shop raises the rate before the order
	 * commits: nothing is written, the form is shown again. */
	CHECK_INT(order_for(db, &a, cart, &o, "TN", "Tunis", 1), SHIP_OK);
	CHECK_INT(o.delivery_minor, 7000);
	CHECK_INT(o.total_minor, 80000 + 7000);
	CHECK_INT(t_exec(db, "UPDATE ship_rates SET base_minor = 8000 "
	    "WHERE id = 1"), 0);
	CHECK_INT(place(db, &a, cart, &o), PLACE_CHANGED);
	/* The method withdrawn meanwhile: PLACE_SHIPPING. */
	CHECK_INT(order_for(db, &a, cart, &o, "TN", "Tunis", 1), SHIP_OK);
	CHECK_INT(t_exec(db, "UPDATE ship_rates SET active = 0 WHERE id = 1"),
	    0);
	CHECK_INT(place(db, &a, cart, &o), PLACE_SHIPPING);
	CHECK_INT(t_exec(db, "UPDATE ship_rates SET active = 1 WHERE id = 1"),
	    0);
	/* A made-up total (delivery left out) is refused. */
	CHECK_INT(order_for(db, &a, cart, &o, "TN", "Tunis", 1), SHIP_OK);
	o.total_minor -= o.delivery_minor;
	CHECK_INT(place(db, &a, cart, &o), PLACE_CHANGED);
	/* No zone for the country: order_ship refuses, and so does the
	 * transaction for an order that claims a rate anyway. */
	CHECK_INT(order_for(db, &a, cart, &o, "US", "", 1), SHIP_NO_ZONE);
	o.delivery_rate_id = 1;
	o.delivery_name = "Standard";
	CHECK_INT(place(db, &a, cart, &o), PLACE_SHIPPING);
	/* As shown: placed, and the stored order keeps it. */
	CHECK_INT(order_for(db, &a, cart, &o, "TN", "Tunis", 2), SHIP_OK);
	CHECK_INT(place(db, &a, cart, &o), PLACE_OK);
	CHECK_INT(db_order_by_id(db, &a, o.id, &got), 0);
	CHECK_INT(got.delivery_minor, 15000);
	CHECK_INT(got.total_minor, 80000 + 15000);
	CHECK_STR(got.delivery_name, "Express");
	CHECK_INT(got.delivery_rate_id, 2);
	/* The database's own CHECK: total = subtotal - discount + delivery. */
	CHECK(t_exec(db, "UPDATE orders SET delivery_minor = 1") != 0);
	/* A digital-only cart pays no delivery, even when a rate is named. */
	CHECK_INT(db_cart_add(db, film, 2, 0, 1, &ch), CART_OK);
	CHECK_INT(order_for(db, &a, film, &o, "US", "", 1), SHIP_OK);
	CHECK_INT(o.delivery_minor, 0);
	CHECK_INT(o.total_minor, 3000);
	o.delivery_minor = 7000;	/* one claiming a delivery is refused */
	o.total_minor += 7000;
	CHECK_INT(place(db, &a, film, &o), PLACE_CHANGED);
	o.delivery_minor = 0;
	o.total_minor -= 7000;
	CHECK_INT(place(db, &a, film, &o), PLACE_OK);
	arena_free(&a);
	db_close(db);
}
