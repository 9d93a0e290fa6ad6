/* ship_hdf.h — delivery options and estimates (ship.h) into the HDF the
 * cart page and the checkout form read.  Amounts in the request's
 * language. */
#ifndef SOUK_SHIP_HDF_H
#define SOUK_SHIP_HDF_H
#include "app.h"
#include "ship.h"

/* <prefix>.N.{value,id,name,price,price_minor,free,min,max} for options
 * o[0..n) (value: the form's "RATE-PRICE" choice), and <prefix>.N.checked
 * = 1 on the one whose rate is `chosen` (or the first when none is). */
void	ship_options_put(struct ctx *, const char *prefix,
	    const struct ship_option *o, size_t n, long long chosen);
/* An estimate as the pages write it (the ship_days macro of
 * templates/partials/order.cs): "2–4 working days", "1 working day", in
 * the visitor's language, in the arena. */
const char *ship_days_text(struct ctx *, int lo, int hi);
/* What delivery to the default country costs at least for a cart. */
struct ship_estimate {
	int		 ships;		/* the cart has a shipped line */
	int		 offered;	/* the default country has a method */
	long long	 price_minor;	/* the cheapest */
	int		 min_days, max_days;	/* the span of every method */
};
/* Fills e for cart; 0 or -1 (database). */
int	ship_estimate(struct ctx *, const struct cart *, struct ship_estimate *e);
/* e's price as shown: an amount, or Lang.ship.free. */
const char *ship_estimate_price(struct ctx *, const struct ship_estimate *e);
/* The cart page's estimate for delivery to the default country:
 * <prefix>.{country,price,free,min,max} (ship_estimate), or
 * <prefix>.no_zone = 1;
 * nothing when the cart ships nothing.  0 or -1 (database). */
int	ship_estimate_put(struct ctx *, const char *prefix,
	    const struct cart *);
/* A product page's estimate: <prefix>.{country,min,max}, the span of the
 * default country's methods (nothing when it has none).  0 or -1. */
int	ship_span_put(struct ctx *, const char *prefix);

#endif
