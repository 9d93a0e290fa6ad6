/* order_place.h — from a cart to a placed order, without the request:
 * the lines and totals an order takes from a cart and its coupon, and the
 * placement itself (one BEGIN IMMEDIATE transaction per attempt: the
 * checks and writes of db_order_place, then the order's mails queued in
 * the same transaction, then COMMIT; a group commit, db_commit_grouped():
 * PLACE_OK only once the order is on disk).  The checkout program, and later
 * the API and the bot, fill a struct order and call these. */
#ifndef SOUK_ORDER_PLACE_H
#define SOUK_ORDER_PLACE_H
#include <stddef.h>

#include "arena.h"
#include "db.h"
#include "db_cart.h"
#include "db_coupon.h"
#include "db_order.h"
#include "mail.h"
#include "ship.h"

/* The most mails placing an order queues. */
#define ORDER_MAILS_MAX 4

/* Renders the mails of order o (its reference is set) into out[0..*n)
 * (*n <= ORDER_MAILS_MAX); 0 or -1.  Called before each attempt's
 * transaction, so rendering holds no lock. */
typedef int	(*order_mails_fn)(void *arg, const struct order *o,
		    struct mail *out, size_t *n);

/* The cart's lines as o's lines (arena), its subtotal as o's, no
 * discount yet (total = subtotal). */
void		 order_from_cart(struct arena *, const struct cart *,
		    struct order *o);
/* Prices o's coupon (o->coupon_code, "" for none) for o's lines and
 * subtotal, o->user_id and o->email_norm (NULL or "" when not known yet)
 * at time now (db_coupon_check: the discount of the lines in the
 * coupon's scope): on COUPON_OK
 * o->coupon_id, o->discount_minor and o->total_minor are set (no code:
 * no discount); otherwise o has no discount and the refusal is
 * returned. */
enum coupon_check order_price(struct db *, struct arena *, struct order *o,
		    long long now);
/* The delivery of o (after order_price: the free threshold counts the
 * goods after the discount) for cart's shipped lines, to o->country and
 * o->city (the region), by rate rate_id: o->delivery_* set and
 * o->total_minor = subtotal - discount + delivery; *chosen (may be NULL)
 * the option priced.  A cart shipping nothing has no delivery (SHIP_OK,
 * rate_id ignored).  SHIP_NO_ZONE / SHIP_NO_RATE leave o without
 * delivery; SHIP_ERROR. */
enum ship_result order_ship(struct db *, struct arena *, const struct cart *,
		    struct order *o, long long rate_id,
		    struct ship_option *chosen);
/* Places o (lines, totals, customer, method and first status set; token
 * from order_token()) for the cart with cart_token: draws the reference,
 * renders the mails with `mails`, and runs the transaction; a reference
 * already taken (PLACE_RETRY) draws another, three times at most.  The
 * first status must be one the lifecycle lets a new order start in
 * (order_flow.h), else PLACE_ERROR.  Returns db_order_place's result
 * (PLACE_OK: committed and on disk, o->id set; PLACE_DUPLICATE: the order
 * of this token is on disk too; PLACE_ERROR after a failed sync: maybe
 * committed, not confirmed; otherwise nothing written). */
/* Inside the placement's transaction, after the order is written: the
 * caller's own rule (e.g. a per-address rate limit).  0 go on, 1 refuse
 * (PLACE_LIMITED, nothing written), -1 error. */
typedef int	(*order_check_fn)(void *arg, struct db *, const struct order *o);
enum place_result order_place(struct db *, struct arena *,
		    const char *cart_token, struct order *o,
		    struct place_why *why, order_mails_fn mails,
		    order_check_fn check, void *arg);

#endif
