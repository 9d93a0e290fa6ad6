/* test_db_store.c — the store's database rules on a real SQLite file
 * (t_db_new: a fresh schema per test): the cart's quantity rules, order
 * placement (the checks inside its transaction), the order lifecycle
 * (order_flow.h and the database's own trigger), coupon limits, and the
 * outbox's header guard and claiming.  Each test names the protection it
 * holds to: removing that protection makes it fail. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "arena.h"
#include "cart.h"
#include "db.h"
#include "db_cart.h"
#include "db_coupon.h"
#include "db_mail.h"
#include "db_order.h"
#include "mail.h"
#include "order.h"
#include "order_flow.h"
#include "order_place.h"
#include "order_stats.h"
#include "t.h"

/* lamp: physical, 100.000, 5 left; film: digital, unlimited; iptv: a
 * subscription with two plans sharing 3 units; two coupons. */
static const char fixtures[] =
    "INSERT INTO products(id, slug, name, kind, price_minor, stock, "
    "created_at, updated_at) VALUES "
    "(1, 'lamp', 'Lamp', 'physical', 100000, 5, 1, 1),"
    "(2, 'film', 'Film', 'digital', 3000, NULL, 1, 1),"
    "(3, 'iptv', 'IPTV', 'subscription', 0, 3, 1, 1);"
    "INSERT INTO subscription_plans(id, product_id, duration_months, "
    "price_minor) VALUES (31, 3, 1, 2000), (32, 3, 3, 5000);"
    "INSERT INTO coupons(id, code, kind, value, max_uses, created_at) "
    "VALUES (1, 'ONCE', 'fixed', 1000, 1, 1);"
    "INSERT INTO coupons(id, code, kind, value, max_uses_per_email, "
    "created_at) VALUES (2, 'PERONE', 'percent', 10, 1, 1);"
    /* Delivery in Tunisia: 7.000 flat (rate 1). */
    "INSERT INTO ship_zones(id, name) VALUES (1, 'Tunisia');"
    "INSERT INTO ship_zone_areas(country, region, zone_id) VALUES "
    "('TN', '', 1);"
    "INSERT INTO ship_rates(id, zone_id, name, kind, base_minor, min_days, "
    "max_days) VALUES (1, 1, 'Standard', 'flat', 7000, 2, 4);";

struct fx {
	struct db	*db;
	struct arena	 a;
	char		 cart[CART_TOKEN_LEN + 1];	/* "" until the first add */
};

/* A fresh store with the fixtures; 0 or -1. */
static int
fx_open(struct fx *f)
{
	memset(f, 0, sizeof(*f));
	arena_init(&f->a, 16 * 1024);
	if ((f->db = t_db_new()) == NULL || t_exec(f->db, fixtures) < 0)
		return -1;
	return 0;
}

static void
fx_close(struct fx *f)
{
	if (f->db != NULL)
		db_close(f->db);
	arena_free(&f->a);
}

/* A new visitor: the next add makes a new cart. */
static void
fx_new_cart(struct fx *f)
{
	f->cart[0] = '\0';
}

static enum cart_result
add(struct fx *f, long long product, long long plan, long long qty)
{
	struct cart_change ch;

	return db_cart_add(f->db, f->cart, product, plan, qty, &ch);
}

/* The order a checkout form would send for the current cart, as the
 * checkout program builds it: lines and prices from the cart as loaded
 * now, the token from idempotency key `key`, coupon priced now. */
static void
order_for(struct fx *f, struct order *o, const char *key, const char *email,
    const char *coupon)
{
	char token[ORDER_TOKEN_LEN + 1], ref[ORDER_REF_BUF], *norm;
	struct cart cart;

	memset(o, 0, sizeof(*o));
	CHECK_INT(db_cart_load(f->db, &f->a, f->cart, &cart), 0);
	order_from_cart(&f->a, &cart, o);
	o->cart_id = cart.id;
	o->cart_rev = cart.rev;
	order_token(token, key);
	o->token = arena_strdup(&f->a, token);
	o->idem_key = key;
	order_reference(ref);
	o->reference = arena_strdup(&f->a, ref);
	o->status = order_statuses[ORDER_AWAITING_PAYMENT];
	o->note = "placed_bank";
	o->method = "bank";
	o->currency = "TND";
	o->name = "Test Shopper";
	o->email = email;
	norm = arena_strdup(&f->a, email);
	order_email_norm(norm);
	o->email_norm = norm;
	o->phone = "+21620123456";
	o->country = "TN";
	o->address = o->city = o->postal = "";
	o->lang = "en";
	o->created_at = o->updated_at = (long long)time(NULL);
	o->coupon_code = coupon ? coupon : "";
	if (coupon)
		CHECK_INT(order_price(f->db, &f->a, o, o->created_at), COUPON_OK);
	CHECK_INT(order_ship(f->db, &f->a, &cart, o, 1, NULL), SHIP_OK);
}

/* db_order_place in its own transaction, as order_place runs it. */
static enum place_result
place(struct fx *f, struct order *o, struct place_why *why)
{
	enum place_result r;

	if (db_begin(f->db) < 0)
		return PLACE_ERROR;
	r = db_order_place(f->db, &f->a, f->cart, o, why);
	if (r == PLACE_OK && db_commit(f->db) < 0)
		r = PLACE_ERROR;
	if (r != PLACE_OK)
		db_rollback(f->db);
	return r;
}

static long long
stock(struct fx *f, long long product)
{
	char sql[128];

	snprintf(sql, sizeof(sql), "SELECT stock FROM products WHERE id = %lld",
	    product);
	return t_int(f->db, sql);
}

/* order_transition in its own transaction (commit on OK). */
static enum transition_result
move(struct fx *f, struct order *o, enum order_status to,
    enum order_actor who, const char *note)
{
	enum transition_result r;

	if (db_begin(f->db) < 0)
		return TRANSITION_ERROR;
	r = order_transition(f->db, o, to, who, note, (long long)time(NULL));
	if (r == TRANSITION_OK && db_commit(f->db) < 0)
		r = TRANSITION_ERROR;
	if (r != TRANSITION_OK)
		db_rollback(f->db);
	return r;
}

TEST(db_cart_quantity_rules_and_foreign_tokens)
{
	struct fx f;
	struct cart cart;
	char first[CART_TOKEN_LEN + 1];

	CHECK_INT(fx_open(&f), 0);
	CHECK_INT(add(&f, 1, 0, 9), CART_LIMITED);	/* 5 left */
	CHECK(cart_token_ok(f.cart));
	CHECK_INT(add(&f, 2, 0, 1), CART_OK);
	CHECK_INT(add(&f, 2, 0, 1), CART_ALREADY);	/* a download once */
	CHECK_INT(add(&f, 3, 0, 1), CART_BAD_PLAN);	/* plan required */
	CHECK_INT(add(&f, 1, 31, 1), CART_BAD_PLAN);	/* not its plan */
	CHECK_INT(add(&f, 99, 0, 1), CART_NO_PRODUCT);
	CHECK_INT(db_cart_load(f.db, &f.a, f.cart, &cart), 0);
	CHECK_INT(cart.n, 2);
	CHECK_INT(cart.lines[0].qty, 5);
	CHECK_INT(cart.subtotal_minor, 5 * 100000 + 3000);
	/* A token nobody was given is never adopted: a new cart, new token. */
	strcpy(first, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
	memcpy(f.cart, first, sizeof(first));
	CHECK_INT(add(&f, 2, 0, 1), CART_OK);
	CHECK(strcmp(f.cart, first) != 0);
	CHECK_INT(t_int(f.db, "SELECT count(*) FROM carts"), 2);
	t_exec(f.db, "UPDATE products SET stock = 0 WHERE id = 1");
	CHECK_INT(add(&f, 1, 0, 1), CART_SOLD_OUT);
	fx_close(&f);
}

TEST(db_order_place_writes_order_lines_history_and_empties_the_cart)
{
	struct fx f;
	struct order o, got;
	struct place_why why;
	struct cart cart;

	CHECK_INT(fx_open(&f), 0);
	add(&f, 1, 0, 2);
	add(&f, 3, 32, 1);
	order_for(&f, &o, "key-plain", "a@example.com", NULL);
	CHECK_INT(place(&f, &o, &why), PLACE_OK);
	CHECK(o.id > 0);
	CHECK_INT(stock(&f, 1), 3);
	CHECK_INT(stock(&f, 3), 2);
	CHECK_INT(db_order_by_id(f.db, &f.a, o.id, &got), 0);
	CHECK_STR(got.status, "awaiting_payment");
	CHECK_INT(got.nlines, 2);
	CHECK_INT(got.total_minor, 2 * 100000 + 5000 + 7000);
	CHECK_INT(got.delivery_minor, 7000);
	CHECK_STR(got.delivery_name, "Standard");
	CHECK_INT(got.delivery_max_days, 4);
	CHECK_INT(got.nevents, 1);
	CHECK_STR(got.events[0].note, "placed_bank");
	CHECK_INT(db_cart_load(f.db, &f.a, f.cart, &cart), 0);
	CHECK_INT(cart.n, 0);
	CHECK_INT(db_order_by_id(f.db, &f.a, o.id + 1, &got), DB_NONE);
	fx_close(&f);
}

/* The conditional decrement (UPDATE ... WHERE stock >= qty) alone: the
 * two plans of one subscription share its 3 units, each line of 2 passes
 * the per-line check against the stock read, and only the decrement of
 * the second line sees that 1 is left.  Without the condition the stock
 * would go to -1, the CHECK constraint would make it a database error,
 * and the shopper would get a 500 instead of "only 1 left". */
TEST(db_order_place_stock_decrement_is_conditional)
{
	struct fx f;
	struct order o;
	struct place_why why;

	CHECK_INT(fx_open(&f), 0);
	CHECK_INT(add(&f, 3, 31, 2), CART_OK);
	CHECK_INT(add(&f, 3, 32, 2), CART_OK);
	order_for(&f, &o, "key-shared-stock", "a@example.com", NULL);
	CHECK_INT(place(&f, &o, &why), PLACE_STOCK);
	CHECK_INT(why.line, 1);
	CHECK_INT(why.available, 1);
	CHECK_INT(stock(&f, 3), 3);		/* rolled back whole */
	CHECK_INT(t_int(f.db, "SELECT count(*) FROM orders"), 0);
	fx_close(&f);
}

/* Stock sold to someone else after the form was shown. */
TEST(db_order_place_stale_cart_whose_stock_is_gone)
{
	struct fx f;
	struct order o;
	struct place_why why;

	CHECK_INT(fx_open(&f), 0);
	add(&f, 1, 0, 3);
	order_for(&f, &o, "key-stale", "a@example.com", NULL);
	t_exec(f.db, "UPDATE products SET stock = 1 WHERE id = 1");
	CHECK_INT(place(&f, &o, &why), PLACE_STOCK);
	CHECK_INT(why.available, 1);
	CHECK_INT(stock(&f, 1), 1);
	CHECK_INT(t_int(f.db, "SELECT count(*) FROM orders"), 0);
	fx_close(&f);
}

/* The price re-check inside the transaction: the shop changes a price
 * after the cart was loaded for the form. */
TEST(db_order_place_refuses_a_price_changed_since_the_form)
{
	struct fx f;
	struct order o;
	struct place_why why;

	CHECK_INT(fx_open(&f), 0);
	add(&f, 1, 0, 1);
	order_for(&f, &o, "key-price", "a@example.com", NULL);
	t_exec(f.db, "UPDATE products SET price_minor = 90000 WHERE id = 1");
	CHECK_INT(place(&f, &o, &why), PLACE_CHANGED);
	CHECK_INT(t_int(f.db, "SELECT count(*) FROM orders"), 0);
	CHECK_INT(stock(&f, 1), 5);
	/* The same for a plan's price. */
	fx_new_cart(&f);
	add(&f, 3, 31, 1);
	order_for(&f, &o, "key-plan-price", "a@example.com", NULL);
	t_exec(f.db, "UPDATE subscription_plans SET price_minor = 2500 "
	    "WHERE id = 31");
	CHECK_INT(place(&f, &o, &why), PLACE_CHANGED);
	CHECK_INT(t_int(f.db, "SELECT count(*) FROM orders"), 0);
	fx_close(&f);
}

/* The duplicate lookup inside the transaction: two placements with one
 * idempotency key (even from two carts) make one order. */
TEST(db_order_place_second_placement_with_one_key_is_duplicate)
{
	struct fx f;
	struct order o, again;
	struct place_why why;
	long long id, cart_id;

	CHECK_INT(fx_open(&f), 0);
	add(&f, 1, 0, 1);
	order_for(&f, &o, "key-twice", "a@example.com", NULL);
	CHECK_INT(place(&f, &o, &why), PLACE_OK);
	fx_new_cart(&f);
	add(&f, 2, 0, 1);
	order_for(&f, &again, "key-twice", "a@example.com", NULL);
	CHECK_INT(place(&f, &again, &why), PLACE_DUPLICATE);
	CHECK_INT(again.id, o.id);
	CHECK_INT(t_int(f.db, "SELECT count(*) FROM orders"), 1);
	CHECK_INT(db_order_find(f.db, o.token, &id, &cart_id), 0);
	CHECK_INT(id, o.id);
	CHECK_INT(db_order_find(f.db, "no-such-token", &id, &cart_id), DB_NONE);
	fx_close(&f);
}

/* Usage limits counted inside the transaction, one order after another. */
TEST(db_coupon_usage_limits_hold_sequentially)
{
	struct fx f;
	struct order o;
	struct place_why why;

	CHECK_INT(fx_open(&f), 0);
	add(&f, 1, 0, 1);
	order_for(&f, &o, "key-c1", "a@example.com", "ONCE");
	CHECK_INT(o.discount_minor, 1000);
	CHECK_INT(place(&f, &o, &why), PLACE_OK);
	/* The form was priced before the first order took the last use. */
	fx_new_cart(&f);
	add(&f, 1, 0, 1);
	order_for(&f, &o, "key-c2", "b@example.com", NULL);
	o.coupon_code = "ONCE";
	o.coupon_id = 1;
	o.discount_minor = 1000;
	o.total_minor = o.subtotal_minor - 1000;
	CHECK_INT(place(&f, &o, &why), PLACE_COUPON);
	CHECK_INT(why.coupon, COUPON_USED_UP);
	CHECK_INT(t_int(f.db, "SELECT count(*) FROM coupon_redemptions"), 1);
	/* Per e-mail, compared in lower case. */
	order_for(&f, &o, "key-p1", "c@example.com", "PERONE");
	CHECK_INT(place(&f, &o, &why), PLACE_OK);
	fx_new_cart(&f);
	add(&f, 2, 0, 1);
	order_for(&f, &o, "key-p2", "C@Example.com", NULL);
	o.coupon_code = "PERONE";
	CHECK_INT(order_price(f.db, &f.a, &o, o.created_at), COUPON_USED_BY_YOU);
	o.coupon_id = 2;
	o.discount_minor = 300;
	o.total_minor = o.subtotal_minor - 300;
	CHECK_INT(place(&f, &o, &why), PLACE_COUPON);
	CHECK_INT(why.coupon, COUPON_USED_BY_YOU);
	fx_close(&f);
}

/* Categories media > films (the film), an episode of the film, MEDIA (50 %
 * of media, once per customer), LAMPS (500.000 off the lamp), user 7. */
static const char scope_fixtures[] =
    "INSERT INTO categories(id, parent_id, slug, name, created_at, "
    "updated_at) VALUES (1, NULL, 'media', 'Media', 1, 1), "
    "(2, 1, 'films', 'Films', 1, 1);"
    "UPDATE products SET category_id = 2 WHERE id = 2;"
    "INSERT INTO products(id, slug, name, kind, parent_id, price_minor, "
    "created_at, updated_at) VALUES (4, 'ep1', 'Episode', 'digital', "
    "2, 4000, 1, 1);"
    "INSERT INTO coupons(id, code, kind, value, max_uses_per_email, "
    "created_at) VALUES (3, 'MEDIA', 'percent', 50, 1, 1), "
    "(4, 'LAMPS', 'fixed', 500000, NULL, 1);"
    "INSERT INTO coupon_scope(coupon_id, category_id) VALUES (3, 1);"
    "INSERT INTO coupon_scope(coupon_id, product_id) VALUES (4, 1);"
    "INSERT INTO users(id, email, email_norm, pw_hash, created_at, "
    "updated_at) VALUES (7, 'u@example.com', 'u@example.com', 'x', 1, "
    "1);";

/* A scoped coupon discounts the lines in scope (a category covers its
 * subcategories, a product its episodes); a cart with none is refused.
 * The per-customer limit counts an account's uses whatever its e-mail. */
TEST(db_coupon_scope_and_account_limit)
{
	struct fx f;
	struct order o;
	struct place_why why;

	CHECK_INT(fx_open(&f), 0);
	CHECK_INT(t_exec(f.db, scope_fixtures), 0);
	/* Nothing of the category in the cart. */
	add(&f, 1, 0, 1);
	order_for(&f, &o, "key-s0", "a@example.com", NULL);
	o.coupon_code = "MEDIA";
	CHECK_INT(order_price(f.db, &f.a, &o, o.created_at), COUPON_SCOPE);
	CHECK_INT(o.discount_minor, 0);
	/* Lamp 100.000 + film 3.000 (in films < media): half the film. */
	add(&f, 2, 0, 1);
	order_for(&f, &o, "key-s1", "a@example.com", NULL);
	o.user_id = 7;
	o.coupon_code = "MEDIA";
	CHECK_INT(order_price(f.db, &f.a, &o, o.created_at), COUPON_OK);
	CHECK_INT(o.discount_minor, 1500);
	/* A fixed amount never more than the lines in scope (the lamp). */
	o.coupon_code = "LAMPS";
	CHECK_INT(order_price(f.db, &f.a, &o, o.created_at), COUPON_OK);
	CHECK_INT(o.discount_minor, 100000);
	o.coupon_code = "MEDIA";
	CHECK_INT(order_price(f.db, &f.a, &o, o.created_at), COUPON_OK);
	CHECK_INT(place(&f, &o, &why), PLACE_OK);
	CHECK_INT(t_int(f.db, "SELECT user_id FROM coupon_redemptions"), 7);
	/* The same account with another e-mail: used; a guest with it too. */
	fx_new_cart(&f);
	add(&f, 4, 0, 1);
	order_for(&f, &o, "key-s2", "b@example.com", NULL);
	o.user_id = 7;
	o.coupon_code = "MEDIA";
	CHECK_INT(order_price(f.db, &f.a, &o, o.created_at), COUPON_USED_BY_YOU);
	o.user_id = 0;
	CHECK_INT(order_price(f.db, &f.a, &o, o.created_at), COUPON_OK);
	CHECK_INT(o.discount_minor, 2000);	/* the episode of the film */
	o.email_norm = "a@example.com";
	CHECK_INT(order_price(f.db, &f.a, &o, o.created_at), COUPON_USED_BY_YOU);
	fx_close(&f);
}

/* The table in C and the one the database trigger reads are the same. */
TEST(order_lifecycle_tables_agree)
{
	struct db *db = t_db_new();
	char sql[256];

	CHECK(db != NULL);
	CHECK_INT(t_int(db, "SELECT count(*) FROM order_transitions"),
	    order_nmoves);
	for (int from = 0; from <= ORDER__MAX; from++)
		for (int to = 0; to < ORDER__MAX; to++) {
			snprintf(sql, sizeof(sql), "SELECT count(*) FROM "
			    "order_transitions WHERE from_status = '%s' AND "
			    "to_status = '%s'", from == ORDER_NEW ? "" :
			    order_statuses[from], order_statuses[to]);
			if (t_int(db, sql) != (order_move_find(
			    (enum order_status)from, (enum order_status)to) !=
			    NULL))
				CHECK(!"order_moves and order_transitions differ");
		}
	db_close(db);
}

/* The trigger refuses what the table does not list, whoever writes. */
TEST(order_status_trigger_refuses_other_changes)
{
	struct fx f;
	struct order o;
	struct place_why why;
	char sql[128];

	CHECK_INT(fx_open(&f), 0);
	add(&f, 1, 0, 1);
	order_for(&f, &o, "key-trigger", "a@example.com", NULL);
	o.status = "paid";		/* no order starts paid */
	CHECK_INT(place(&f, &o, &why), PLACE_RETRY);
	CHECK_INT(t_int(f.db, "SELECT count(*) FROM orders"), 0);
	order_for(&f, &o, "key-trigger", "a@example.com", NULL);
	CHECK_INT(place(&f, &o, &why), PLACE_OK);
	snprintf(sql, sizeof(sql), "UPDATE orders SET status = 'completed' "
	    "WHERE id = %lld", o.id);
	CHECK_INT(t_exec(f.db, sql), -1);
	snprintf(sql, sizeof(sql), "UPDATE orders SET status = 'paid' "
	    "WHERE id = %lld", o.id);
	CHECK_INT(t_exec(f.db, sql), 0);
	snprintf(sql, sizeof(sql), "UPDATE orders SET status = "
	    "'awaiting_payment' WHERE id = %lld", o.id);
	CHECK_INT(t_exec(f.db, sql), -1);
	/* Other columns stay writable. */
	snprintf(sql, sizeof(sql), "UPDATE orders SET updated_at = 5 "
	    "WHERE id = %lld", o.id);
	CHECK_INT(t_exec(f.db, sql), 0);
	CHECK_INT(t_int(f.db, "SELECT count(*) FROM orders WHERE status = "
	    "'paid'"), 1);
	fx_close(&f);
}

/* Cancelling gives back the stock and the coupon use, once. */
TEST(order_transition_cancel_restocks_and_releases_the_coupon_once)
{
	struct fx f;
	struct order o, before, again;
	struct place_why why;

	CHECK_INT(fx_open(&f), 0);
	add(&f, 1, 0, 2);
	add(&f, 2, 0, 1);
	order_for(&f, &o, "key-cancel", "a@example.com", "ONCE");
	CHECK_INT(place(&f, &o, &why), PLACE_OK);
	CHECK_INT(stock(&f, 1), 3);
	CHECK_INT(db_order_by_id(f.db, &f.a, o.id, &before), 0);
	again = before;
	/* Not in the table, or not the shopper's to make. */
	CHECK_INT(move(&f, &before, ORDER_COMPLETED, ACTOR_STAFF, ""),
	    TRANSITION_REFUSED);
	CHECK_INT(move(&f, &before, ORDER_CANCELLED, ACTOR_SHOPPER, ""),
	    TRANSITION_NOT_YOURS);
	CHECK_INT(move(&f, &before, ORDER_PAID, ACTOR_SHOPPER, ""),
	    TRANSITION_NOT_YOURS);
	CHECK_STR(before.status, "awaiting_payment");
	CHECK_INT(move(&f, &before, ORDER_CANCELLED, ACTOR_STAFF, "cancelled"),
	    TRANSITION_OK);
	CHECK_STR(before.status, "cancelled");
	CHECK_INT(stock(&f, 1), 5);
	CHECK_INT(t_int(f.db, "SELECT stock IS NULL FROM products WHERE id = 2"),
	    1);				/* unlimited: NULL, untouched */
	CHECK_INT(t_int(f.db, "SELECT count(*) FROM coupon_redemptions"), 0);
	CHECK_INT(t_int(f.db, "SELECT count(*) FROM order_events WHERE "
	    "status = 'cancelled' AND note = 'cancelled'"), 1);
	/* A second cancel read before the first committed: nothing twice. */
	CHECK_INT(move(&f, &again, ORDER_CANCELLED, ACTOR_SYSTEM, "expired"),
	    TRANSITION_STALE);
	CHECK_INT(move(&f, &before, ORDER_CANCELLED, ACTOR_SYSTEM, "expired"),
	    TRANSITION_REFUSED);
	CHECK_INT(stock(&f, 1), 5);
	CHECK_INT(t_int(f.db, "SELECT count(*) FROM order_events"), 2);
	/* The released use is free again. */
	fx_new_cart(&f);
	add(&f, 1, 0, 1);
	order_for(&f, &o, "key-after-cancel", "b@example.com", "ONCE");
	CHECK_INT(place(&f, &o, &why), PLACE_OK);
	fx_close(&f);
}

/* Refunding a paid, undelivered order restocks; a delivered one not. */
TEST(order_transition_refunds_restock_only_what_was_not_delivered)
{
	struct fx f;
	struct order o;
	struct place_why why;

	CHECK_INT(fx_open(&f), 0);
	add(&f, 1, 0, 2);
	order_for(&f, &o, "key-refund-1", "a@example.com", NULL);
	CHECK_INT(place(&f, &o, &why), PLACE_OK);
	CHECK_INT(move(&f, &o, ORDER_PROOF_RECEIVED, ACTOR_SHOPPER, "proof"),
	    TRANSITION_OK);
	CHECK_INT(move(&f, &o, ORDER_AWAITING_PAYMENT, ACTOR_STAFF, ""),
	    TRANSITION_OK);		/* the proof showed no payment */
	CHECK_INT(move(&f, &o, ORDER_PAID, ACTOR_SYSTEM, ""), TRANSITION_OK);
	CHECK_INT(move(&f, &o, ORDER_CANCELLED, ACTOR_STAFF, ""),
	    TRANSITION_REFUSED);	/* a paid order is refunded */
	CHECK_INT(stock(&f, 1), 3);
	CHECK_INT(move(&f, &o, ORDER_REFUNDED, ACTOR_STAFF, ""), TRANSITION_OK);
	CHECK_INT(stock(&f, 1), 5);
	fx_new_cart(&f);
	add(&f, 1, 0, 1);
	order_for(&f, &o, "key-refund-2", "a@example.com", NULL);
	CHECK_INT(place(&f, &o, &why), PLACE_OK);
	CHECK_INT(move(&f, &o, ORDER_PAID, ACTOR_STAFF, ""), TRANSITION_OK);
	CHECK_INT(move(&f, &o, ORDER_COMPLETED, ACTOR_STAFF, ""), TRANSITION_OK);
	CHECK_INT(move(&f, &o, ORDER_REFUNDED, ACTOR_STAFF, ""), TRANSITION_OK);
	CHECK_INT(stock(&f, 1), 4);
	CHECK_INT(move(&f, &o, ORDER_PAID, ACTOR_STAFF, ""), TRANSITION_REFUSED);
	fx_close(&f);
}

/* order_place: a first status the lifecycle does not start in is refused
 * before anything runs; the mails commit with the order. */
static int
two_mails(void *arg, const struct order *o, struct mail *m, size_t *n)
{
	(void)arg;
	memset(m, 0, 2 * sizeof(*m));
	m[0].to = o->email;
	m[0].subject = "Your order";
	m[0].text = "Thanks";
	m[1].to = "shop@example.com";
	m[1].subject = o->reference;
	m[1].text = "New order";
	*n = 2;
	return 0;
}

TEST(order_place_queues_its_mails_in_the_transaction)
{
	struct fx f;
	struct order o;
	struct place_why why;

	CHECK_INT(fx_open(&f), 0);
	add(&f, 1, 0, 1);
	order_for(&f, &o, "key-flow", "a@example.com", NULL);
	o.status = "completed";
	CHECK_INT(order_place(f.db, &f.a, f.cart, &o, &why, two_mails, NULL, NULL),
	    PLACE_ERROR);
	o.status = order_statuses[ORDER_AWAITING_PAYMENT];
	CHECK_INT(order_place(f.db, &f.a, f.cart, &o, &why, two_mails, NULL, NULL),
	    PLACE_OK);
	CHECK_INT(t_int(f.db, "SELECT count(*) FROM mail_outbox"), 2);
	/* A refused placement queues nothing. */
	fx_new_cart(&f);
	add(&f, 1, 0, 1);
	order_for(&f, &o, "key-flow-2", "a@example.com", NULL);
	t_exec(f.db, "UPDATE products SET price_minor = 1 WHERE id = 1");
	CHECK_INT(order_place(f.db, &f.a, f.cart, &o, &why, two_mails, NULL, NULL),
	    PLACE_CHANGED);
	CHECK_INT(t_int(f.db, "SELECT count(*) FROM mail_outbox"), 2);
	fx_close(&f);
}

/* mail_enqueue_all: two rows a statement, each field in its own row and
 * column, in order; one unsafe mail queues none. */
TEST(mail_enqueue_all_queues_each_mail_as_given)
{
	struct db *db = t_db_new();
	struct mail m[3] = {
		{ .to = "a@example.com", .reply_to = "shop@example.com",
		    .subject = "First", .text = "one", .html = "<p>one</p>" },
		{ .to = "b@example.com", .to_name = "Shop", .to_verified = 1,
		    .reply_to = "a@example.com", .reply_to_name = "A",
		    .subject = "Second", .text = "two", .in_reply_to = "<x@y>",
		    .references = "<w@y> <x@y>" },
		{ .to = "c@example.com", .subject = "Third", .text = "three" },
	};

	static const char *const rows[] = {
		"SELECT count(*) FROM mail_outbox WHERE id = 1 AND "
		"to_addr = 'a@example.com' AND to_name = '' AND reply_to = "
		"'shop@example.com' AND reply_to_name = '' AND subject = 'First' "
		"AND body_text = 'one' AND body_html = '<p>one</p>' AND "
		"in_reply_to = '' AND refs = '' AND status = 'queued'",
		"SELECT count(*) FROM mail_outbox WHERE id = 2 AND "
		"to_addr = 'b@example.com' AND to_name = 'Shop' AND reply_to = "
		"'a@example.com' AND reply_to_name = 'A' AND subject = 'Second' "
		"AND body_text = 'two' AND body_html IS NULL AND "
		"in_reply_to = '<x@y>' AND refs = '<w@y> <x@y>'",
		"SELECT count(*) FROM mail_outbox WHERE id = 3 AND "
		"to_addr = 'c@example.com' AND subject = 'Third'",
	};

	CHECK(db != NULL);
	CHECK_INT(mail_enqueue_all(db, m, 3), 0);
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
		if (t_int(db, rows[i]) != 1)
			t_fail(__FILE__, __LINE__, rows[i]);
	CHECK_INT(t_int(db, "SELECT count(DISTINCT message_id) FROM "
	    "mail_outbox"), 3);
	CHECK_INT(t_int(db, "SELECT count(DISTINCT next_attempt_at) FROM "
	    "mail_outbox"), 1);
	m[2].subject = "Third\r\nBcc: x@example.com";
	CHECK_INT(mail_enqueue_all(db, m, 3), -1);
	CHECK_INT(t_int(db, "SELECT count(*) FROM mail_outbox"), 3);
	db_close(db);
}

/* mail_enqueue()'s own guard, behind the forms' checks. */
TEST(mail_enqueue_refuses_header_injection)
{
	struct db *db = t_db_new();
	struct mail ok = { .to = "to@example.com", .to_name = "To",
	    .to_verified = 1, .reply_to = "reply@example.com",
	    .subject = "Subject", .text = "Body", .reply_to_name = "Reply" };
	struct mail m;
	long long id = 0;

	CHECK(db != NULL);
	m = ok;
	m.to_name = "Eve\r\nBcc: victim@example.com";
	CHECK_INT(mail_enqueue(db, &m, &id), -1);
	m = ok;
	m.reply_to_name = "Eve\nBcc: victim@example.com";
	CHECK_INT(mail_enqueue(db, &m, &id), -1);
	m = ok;
	m.subject = "Hello\rBcc: victim@example.com";
	CHECK_INT(mail_enqueue(db, &m, &id), -1);
	m = ok;
	m.to = "a@example.com, b@example.com";
	CHECK_INT(mail_enqueue(db, &m, &id), -1);
	CHECK_INT(id, 0);
	CHECK_INT(t_int(db, "SELECT count(*) FROM mail_outbox"), 0);
	CHECK_INT(mail_enqueue(db, &ok, &id), 0);
	CHECK(id > 0);
	CHECK_INT(mail_enqueue(db, &ok, NULL), 0);
	CHECK_INT(t_int(db, "SELECT count(*) FROM mail_outbox"), 2);
	db_close(db);
}

/* Claiming hands a row to one sender; a lost claim records nothing. */
TEST(db_mail_claim_hands_each_row_to_one_sender)
{
	struct db *db = t_db_new();
	struct arena a;
	struct mail m = { .to = "to@example.com", .subject = "Hi",
	    .text = "Body" };
	struct mail_row *rows;
	long long now = (long long)time(NULL) + 1, first;

	CHECK(db != NULL);
	arena_init(&a, 8192);
	for (int i = 0; i < 3; i++)
		CHECK_INT(mail_enqueue(db, &m, NULL), 0);
	CHECK_INT(db_mail_claim(db, &a, "A", now, 60, 0, 10, &rows), 3);
	first = rows[0].id;
	CHECK_INT(rows[0].attempts, 1);
	CHECK_INT(db_mail_claim(db, &a, "B", now, 60, 0, 10, &rows), 0);
	/* A's claim expires: B takes the rows, A's late outcome is ignored. */
	CHECK_INT(db_mail_claim(db, &a, "B", now + 61, 60, 0, 10, &rows), 3);
	CHECK_INT(db_begin(db), 0);
	CHECK_INT(db_mail_finish(db, first, "A", MAIL_SENT, now + 62, 0, NULL,
	    0), 0);
	CHECK_INT(db_mail_finish(db, first, "B", MAIL_SENT, now + 62, 0, NULL,
	    0), 1);
	CHECK_INT(db_commit(db), 0);
	CHECK_INT(t_int(db, "SELECT count(*) FROM mail_outbox WHERE status = "
	    "'sent'"), 1);
	CHECK_INT(db_mail_claim(db, &a, "C", now + 200, 60, 0, 10, &rows), 2);
	arena_free(&a);
	db_close(db);
}

/* The dashboard's figures' tables. */
static const char *const fig_tables[] = { "order_stats",
	"order_stats_month", "order_stats_sold", "order_stats_sold_month",
	"order_stats_sold_block", "order_stats_sold_year", "order_stats_paid",
	"order_stats_paid_month", NULL };

/* 1 when every figure kept as orders were placed (in batches or not)
 * equals `soukctl stats rebuild`'s from the orders (rows brought to zero
 * aside: the rebuild has none). */
static int
figures_equal_rebuild(struct fx *f)
{
	char sql[512];
	long long differ = 0;

	for (size_t i = 0; fig_tables[i] != NULL; i++) {
		snprintf(sql, sizeof(sql), "DROP TABLE IF EXISTS temp.k%zu; "
		    "CREATE TEMP TABLE k%zu AS SELECT * FROM %s WHERE "
		    "%s != 0", i, i, fig_tables[i], strstr(fig_tables[i],
		    "sold") ? "units" : "orders");
		if (t_exec(f->db, sql) < 0)
			return 0;
	}
	if (order_stats_rebuild(f->db) < 0)
		return 0;
	for (size_t i = 0; fig_tables[i] != NULL; i++) {
		snprintf(sql, sizeof(sql), "SELECT (SELECT count(*) FROM (SELECT "
		    "* FROM k%zu EXCEPT SELECT * FROM %s)) + (SELECT count(*) "
		    "FROM (SELECT * FROM %s EXCEPT SELECT * FROM k%zu))", i,
		    fig_tables[i], fig_tables[i], i);
		differ += t_int(f->db, sql);
	}
	return differ == 0;
}

/* An order_check_fn that refuses every order (a rate limit reached)
 * after its figures were staged. */
static int
refuse_all(void *arg, struct db *db, const struct order *o)
{
	(void)arg;
	(void)db;
	(void)o;
	return 1;
}

/* A new cart holding qty of product, and the order a form sends for it
 * under idempotency key `key`. */
static void
cart_order(struct fx *f, struct order *o, long long product, long long qty,
    const char *key)
{
	fx_new_cart(f);
	CHECK_INT(add(f, product, 0, qty), CART_OK);
	order_for(f, o, key, "fold@example.com", NULL);
}

/* Placed in a batch (db_stats_placed), the orders' figures are summed
 * in C and written once, just before the batch commits: nothing of them
 * is in the tables before; a refused order's (undone savepoint, after
 * its figures were staged) and a repeated form's are not counted; a lost
 * batch leaves none in the next one; the lines are filed in their
 * products' categories at insert; and every table equals a rebuild,
 * also after a move of an order placed in a batch. */
TEST(order_figures_fold_over_a_batch_equal_a_rebuild)
{
	struct fx f;
	struct order a, b, c, d, e;
	struct place_why why;
	char first[CART_TOKEN_LEN + 1];

	CHECK_INT(fx_open(&f), 0);
	CHECK_INT(t_exec(f.db, "INSERT INTO categories(id, slug, name, "
	    "created_at, updated_at) VALUES (7, 'lights', 'Lights', 1, 1); "
	    "UPDATE products SET category_id = 7 WHERE id = 1"), 0);
	CHECK_INT(db_batch_open(f.db), 0);
	cart_order(&f, &a, 1, 1, "fold-a");
	memcpy(first, f.cart, sizeof(first));
	CHECK_INT(order_place(f.db, &f.a, f.cart, &a, &why, two_mails, NULL,
	    NULL), PLACE_OK);
	cart_order(&f, &b, 2, 1, "fold-b");
	CHECK_INT(order_place(f.db, &f.a, f.cart, &b, &why, two_mails,
	    refuse_all, NULL), PLACE_LIMITED);
	cart_order(&f, &c, 1, 2, "fold-c");
	CHECK_INT(add(&f, 2, 0, 1), CART_OK);
	order_for(&f, &c, "fold-c", "fold@example.com", NULL);
	CHECK_INT(order_place(f.db, &f.a, f.cart, &c, &why, two_mails, NULL,
	    NULL), PLACE_OK);
	memcpy(f.cart, first, sizeof(first));
	CHECK_INT(order_place(f.db, &f.a, f.cart, &a, &why, two_mails, NULL,
	    NULL), PLACE_DUPLICATE);
	/* Folded, not written yet. */
	CHECK_INT(t_int(f.db, "SELECT count(*) FROM order_stats"), 0);
	CHECK_INT(db_batch_close(f.db), 0);
	CHECK_INT(t_int(f.db, "SELECT count(*) FROM orders"), 2);
	CHECK_INT(t_int(f.db, "SELECT sum(orders) FROM order_stats WHERE "
	    "kind = '' AND category_id = 0"), 2);
	CHECK_INT(t_int(f.db, "SELECT sum(units) FROM order_stats WHERE "
	    "kind = '' AND category_id = 7"), 3);
	CHECK_INT(t_int(f.db, "SELECT count(*) FROM order_items WHERE "
	    "product_id = 1 AND category_id = 7"), 2);
	CHECK_INT(t_int(f.db, "SELECT count(*) FROM order_items WHERE "
	    "product_id = 2 AND category_id = -1"), 1);
	CHECK(figures_equal_rebuild(&f));
	/* A lost batch: its order and its figures gone, none carried into
	 * the next batch. */
	CHECK_INT(db_batch_open(f.db), 0);
	cart_order(&f, &d, 1, 1, "fold-d");
	CHECK_INT(order_place(f.db, &f.a, f.cart, &d, &why, two_mails, NULL,
	    NULL), PLACE_OK);
	CHECK_INT(t_exec(f.db, "ROLLBACK"), 0);
	CHECK_INT(db_batch_close(f.db), -1);
	CHECK_INT(db_batch_open(f.db), 0);
	cart_order(&f, &e, 2, 1, "fold-e");
	CHECK_INT(order_place(f.db, &f.a, f.cart, &e, &why, two_mails, NULL,
	    NULL), PLACE_OK);
	CHECK_INT(db_batch_close(f.db), 0);
	CHECK_INT(t_int(f.db, "SELECT count(*) FROM orders"), 3);
	CHECK(figures_equal_rebuild(&f));
	/* Outside a batch: written at once.  Then moves (read back from the
	 * tables) of orders placed in a batch. */
	cart_order(&f, &d, 1, 1, "fold-d2");
	CHECK_INT(order_place(f.db, &f.a, f.cart, &d, &why, two_mails, NULL,
	    NULL), PLACE_OK);
	CHECK_INT(t_int(f.db, "SELECT sum(orders) FROM order_stats WHERE "
	    "kind = '' AND category_id = 0"), 4);
	CHECK_INT(move(&f, &c, ORDER_PAID, ACTOR_STAFF, ""), TRANSITION_OK);
	CHECK_INT(t_int(f.db, "SELECT sum(units) FROM order_stats_sold WHERE "
	    "category_id = 7"), 2);
	CHECK(figures_equal_rebuild(&f));
	fx_close(&f);
}
