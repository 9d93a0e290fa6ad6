/* order.h — an order as the store keeps it: db_order.h writes and reads
 * it, order_hdf.h shows it, pay.h decides how it is paid.
 *
 * Lifecycle: order_flow.h holds the table of status changes (who may
 * make each, and what it does besides); docs/checkout.md "Order
 * lifecycle".  `soukctl cron` cancels an order still awaiting payment
 * with no proof after its method's hold (order_hold()).  Every change adds an order_events row; the history is
 * never rewritten. */
#ifndef SOUK_ORDER_H
#define SOUK_ORDER_H
#include <stddef.h>

#include "arena.h"
#include "lang.h"

enum order_status {
	ORDER_AWAITING_PAYMENT,
	ORDER_PROOF_RECEIVED,
	ORDER_PAID,
	ORDER_COMPLETED,
	ORDER_CANCELLED,
	ORDER_REFUNDED,
	ORDER__MAX
};

/* "awaiting_payment", ... as stored in orders.status; NULL-terminated. */
extern const char *const order_statuses[ORDER__MAX + 1];

#define ORDER_TOKEN_LEN		24	/* 144 bits in /order/<token> */
#define ORDER_REF_CHARS		8	/* after "PREFIX-" */
#define ORDER_REF_BUF		16

struct order_detail;	/* detail.h */

struct order_line {
	long long	 product_id, plan_id;	/* 0: none (or deleted) */
	const char	*name, *kind;
	int		 months, days;
	long long	 unit_minor, qty, line_minor;
	long long	 discount_minor;	/* its share of the order's
						 * discount (db_coupon_spread) */
	const struct order_detail *details;	/* asked at checkout */
	size_t		 ndetails;
	long long	 category_id;	/* the product's category when the
					 * order was placed, -1 none (the
					 * dashboard files the line there) */
};

struct order_event {
	const char	*status, *note;		/* note: Lang.order.note.<note> */
	long long	 at;
};

struct order {
	long long	 id;
	const char	*token, *reference, *idem_key;
	const char	*status, *note;	/* note: why it has this status */
	const char	*method;	/* pay_method id */
	const char	*currency;
	long long	 subtotal_minor, discount_minor, total_minor;
	/* Delivery (ship.h), in total_minor: total = subtotal - discount +
	 * delivery.  rate_id 0 and name "" when nothing is shipped (or the
	 * rate was removed since); the name and estimate are as shown. */
	long long	 delivery_minor, delivery_rate_id;
	const char	*delivery_name;
	const char	*delivery_names[LANG__MAX];	/* per language, as
					   shown ("" none; lang_text()) */
	int		 delivery_min_days, delivery_max_days;
	long long	 coupon_id;	/* 0: none */
	const char	*coupon_code;	/* "" when none */
	const char	*name, *email, *email_norm, *phone, *country;
	const char	*address, *city, *postal;	/* "" unless shipped */
	const char	*lang;
	long long	 cart_id, cart_rev;
	long long	 user_id;	/* the logged-in buyer, or 0 (a guest) */
	long long	 created_at, updated_at;
	struct order_line *lines;
	size_t		 nlines;
	struct order_event *events;
	size_t		 nevents;
	size_t		 nproofs;	/* payment proofs received */
};

/* The order token for an idempotency key into out[ORDER_TOKEN_LEN + 1]:
 * HMAC-SHA-256 under the store secret, base64url, cut to 144 bits.  The
 * same key always gives the same token, nobody without the secret can
 * make one, and orders.token UNIQUE then means one order per key. */
void		 order_token(char *out, const char *idem_key);
/* A new reference "SK-7KQ4MZ2D" (prefix from order_prefix, then
 * ORDER_REF_CHARS from an alphabet without 0/O/1/I) into out[ORDER_REF_BUF]. */
void		 order_reference(char *out);
/* The discount of a coupon on a subtotal: percent (value 1-100, rounded
 * down) or fixed (value in minor units, at most the subtotal). */
long long	 order_discount(const char *kind, long long value, long long subtotal);
/* The enum order_status named s ("paid"), or -1. */
int		 order_status_parse(const char *s);
/* 1 when s is one of order_statuses. */
int		 order_status_ok(const char *s);
/* Lower-cases the ASCII letters of an e-mail address in place (the form
 * per-email coupon limits count). */
void		 order_email_norm(char *email);

/* Unpaid-order expiry (docs/order-limits.md): the payment methods whose
 * orders may expire, NULL-terminated, and how long an order of `method`
 * awaiting payment with no proof is held before `soukctl cron` cancels it
 * and gives its stock back: seconds from order_hold_<method>, 0 for never
 * (and for a method without such a setting). */
extern const char *const order_hold_methods[];
long long	 order_hold(const char *method);

#endif
