/* order_place.c — see order_place.h. */
#include "log.h"
#include "order_flow.h"
#include "order_place.h"
#include "ship.h"
#include "order_stats.h"
#include "stock_alert.h"

void
order_from_cart(struct arena *a, const struct cart *cart, struct order *o)
{
	o->lines = arena_alloc(a, (cart->n + 1) * sizeof(*o->lines));
	o->nlines = cart->n;
	for (size_t i = 0; i < cart->n; i++) {
		const struct cart_line *l = &cart->lines[i];
		struct order_line *ol = &o->lines[i];
		ol->product_id = l->product_id;
		ol->plan_id = l->plan_id;
		ol->name = l->name;
		ol->kind = l->kind;
		ol->months = l->months;
		ol->days = l->days;
		ol->unit_minor = l->unit_minor;
		ol->qty = l->qty;
		ol->line_minor = l->line_minor;
		ol->discount_minor = 0;
	}
	o->subtotal_minor = cart->subtotal_minor;
	o->discount_minor = 0;
	o->coupon_id = 0;
	o->delivery_minor = o->delivery_rate_id = 0;
	o->delivery_name = "";
	for (int l = 0; l < LANG__MAX; l++)
		o->delivery_names[l] = "";
	o->delivery_min_days = o->delivery_max_days = 0;
	o->total_minor = o->subtotal_minor;
}

enum coupon_check
order_price(struct db *db, struct arena *a, struct order *o, long long now)
{
	enum coupon_check cc = COUPON_OK;

	o->discount_minor = 0;
	o->coupon_id = 0;
	if (o->coupon_code != NULL && *o->coupon_code) {
		cc = db_coupon_check(db, a, o, now, &o->coupon_id,
		    &o->discount_minor);
		if (cc != COUPON_OK) {
			o->discount_minor = 0;
			o->coupon_id = 0;
		}
	}
	o->total_minor = o->subtotal_minor - o->discount_minor + o->delivery_minor;
	return cc;
}

enum ship_result
order_ship(struct db *db, struct arena *a, const struct cart *cart,
    struct order *o, long long rate_id, struct ship_option *chosen)
{
	struct ship_goods g;
	struct ship_option opt;
	enum ship_result r = SHIP_OK;

	o->delivery_minor = o->delivery_rate_id = 0;
	o->delivery_name = "";
	for (int l = 0; l < LANG__MAX; l++)
		o->delivery_names[l] = "";
	o->delivery_min_days = o->delivery_max_days = 0;
	ship_goods_cart(cart, o->subtotal_minor - o->discount_minor, &g);
	if (g.units > 0 && (r = ship_quote(db, a, o->country, o->city, rate_id,
	    &g, &opt)) == SHIP_OK) {
		o->delivery_minor = opt.price_minor;
		o->delivery_rate_id = opt.rate.id;
		o->delivery_name = opt.rate.name;
		for (int l = 0; l < LANG__MAX; l++)
			o->delivery_names[l] = opt.rate.names[l];
		o->delivery_min_days = opt.rate.min_days;
		o->delivery_max_days = opt.rate.max_days;
		if (chosen != NULL)
			*chosen = opt;
	}
	o->total_minor = o->subtotal_minor - o->discount_minor + o->delivery_minor;
	return r;
}

/* One attempt: the transaction with o->reference as drawn. */
static enum place_result
attempt(struct db *db, struct arena *a, const char *cart_token,
    struct order *o, struct place_why *why, order_mails_fn mails,
    order_check_fn check, void *arg)
{
	struct mail m[ORDER_MAILS_MAX];
	enum place_result r;
	size_t n = 0;
	int begun;

	/* Group commit (db.h): the write lock is not held over the sync. */
	if (mails(arg, o, m, &n) < 0 || n > ORDER_MAILS_MAX)
		return PLACE_ERROR;
	if ((begun = db_begin_grouped(db)) < 0)
		return begun == -2 ? PLACE_BUSY : PLACE_ERROR;
	r = db_order_place(db, a, cart_token, o, why);
	/* The dashboard's figures, in the placement's transaction. */
	if (r == PLACE_OK && order_stats_placed(db, o) < 0)
		r = PLACE_ERROR;
	/* A product this order took below the threshold: the admins' mail. */
	if (r == PLACE_OK && stock_alert_order(db, a, o->id) < 0)
		r = PLACE_ERROR;
	/* The caller's own rule (a rate limit), counted only for an order
	 * that is written: a repeat of one placed does not count. */
	if (r == PLACE_OK && check != NULL) {
		int rc = check(arg, db, o);
		r = rc < 0 ? PLACE_ERROR : rc > 0 ? PLACE_LIMITED : PLACE_OK;
	}
	if (r == PLACE_OK && mail_enqueue_all(db, m, n) < 0)
		r = PLACE_ERROR;
	if (r == PLACE_OK && db_commit_grouped(db) < 0)
		r = PLACE_ERROR;	/* not on disk for sure: not confirmed */
	if (r != PLACE_OK)
		db_rollback(db);
	return r;
}

enum place_result
order_place(struct db *db, struct arena *a, const char *cart_token,
    struct order *o, struct place_why *why, order_mails_fn mails,
    order_check_fn check, void *arg)
{
	char ref[ORDER_REF_BUF];
	enum place_result r = PLACE_RETRY;
	int first = order_status_parse(o->status);

	if (first < 0 || order_move_find(ORDER_NEW,
	    (enum order_status)first) == NULL) {
		log_error("order: a new order cannot start as '%s'", o->status);
		return PLACE_ERROR;
	}
	/* A reference already taken (one chance in 2^40) draws another. */
	for (int i = 0; i < 3 && r == PLACE_RETRY; i++) {
		order_reference(ref);
		o->reference = arena_strdup(a, ref);
		r = attempt(db, a, cart_token, o, why, mails, check, arg);
	}
	/* The order of an earlier request, maybe committed but not synced
	 * yet: on disk before anyone is shown it. */
	if (r == PLACE_DUPLICATE && db_sync(db) < 0)
		r = PLACE_ERROR;
	return r;
}
