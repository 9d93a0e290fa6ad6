/* ship.h — delivery costs and times (docs/shipping.md).
 *
 * The shop delivers to zones (countries, or regions of one: db_ship.h);
 * each zone offers delivery methods, its rates, each priced by one rule
 * over what the cart ships:
 *   flat      base
 *   quantity  base for the first shipped unit, + step for each further one
 *   weight    base up to step_grams, + step for each further step_grams
 *             begun (a product without a weight counts 0 g)
 * and free once the goods total after the discount reaches free_from.
 * Amounts are minor units of the store currency; estimates are working
 * days.  Only physical lines ship: a cart without one has no delivery.
 *
 * The checkout shows the options of the shopper's destination with their
 * prices; order placement (order_place.h) prices the chosen one, and
 * db_order_place prices it again inside its transaction, so the order
 * keeps exactly the delivery the shopper was shown. */
#ifndef SOUK_SHIP_H
#define SOUK_SHIP_H
#include <stddef.h>

#include "arena.h"
#include "db.h"
#include "db_cart.h"
#include "db_ship.h"
#include "valid.h"

/* What a cart ships: physical units and grams, and the goods total after
 * the discount (the free-delivery threshold's amount). */
struct ship_goods {
	long long	 units, grams, amount_minor;
};

/* A rate and its price for some goods. */
struct ship_option {
	struct ship_rate rate;
	long long	 price_minor;
};

enum ship_result {
	SHIP_ERROR = -1,
	SHIP_OK = 0,
	SHIP_NO_ZONE,		/* the shop does not deliver to this country
				   (and region) */
	SHIP_NO_RATE,		/* the rate is not one of the destination's
				   active methods */
};

/* The physical units and grams of cart into g, with amount_minor (the
 * goods total after the discount). */
void		 ship_goods_cart(const struct cart *, long long amount_minor,
		    struct ship_goods *g);
/* The price of rate r for goods g (>= 0), by the rules above.  Goods
 * with no unit ship nothing: 0. */
long long	 ship_price(const struct ship_rate *r, const struct ship_goods *g);
/* The active methods of the zone delivering to country (ISO alpha-2) and
 * region (the City typed, "" for none: the country's zone), priced for g,
 * in the zone's order, into *out (arena) and *n.  SHIP_OK (possibly
 * n = 0: a zone with no active method), SHIP_NO_ZONE, SHIP_ERROR. */
enum ship_result ship_options(struct db *, struct arena *, const char *country,
		    const char *region, const struct ship_goods *g,
		    struct ship_option **out, size_t *n);
/* Rate rate_id priced for g when it is an active method of the
 * destination's zone: SHIP_OK with *out set, SHIP_NO_ZONE, SHIP_NO_RATE,
 * SHIP_ERROR. */
enum ship_result ship_quote(struct db *, struct arena *, const char *country,
		    const char *region, long long rate_id,
		    const struct ship_goods *g, struct ship_option *out);
/* The cheapest of n options (ties: the first), or NULL when n = 0. */
const struct ship_option *ship_cheapest(const struct ship_option *, size_t n);

/* A checkout choice "RATE-PRICE": the rate id and the price the form
 * showed for it.  0, or -1 when s is not one. */
int		 ship_choice_parse(const char *s, long long *rate_id,
		    long long *price_minor);
/* A V_FUNC validator (valid.h) of a checkout choice: v->i is the rate
 * id (parse v->s again for the price).  0, or -1 with *err set. */
int		 ship_choice_field(const struct valid_key *, const char *s,
		    struct val *v, const char **err);

#endif
