/* ship.c — delivery prices; see ship.h.  The tables are db_ship.c's. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "db_ship.h"
#include "ship.h"

void
ship_goods_cart(const struct cart *cart, long long amount_minor,
    struct ship_goods *g)
{
	memset(g, 0, sizeof(*g));
	for (size_t i = 0; i < cart->n; i++) {
		const struct cart_line *l = &cart->lines[i];
		if (strcmp(l->kind, "physical") != 0)
			continue;
		g->units += l->qty;
		g->grams += l->grams * l->qty;
	}
	g->amount_minor = amount_minor;
}

long long
ship_price(const struct ship_rate *r, const struct ship_goods *g)
{
	long long steps = 0;

	if (g->units <= 0)
		return 0;
	if (r->free_from_minor >= 0 && g->amount_minor >= r->free_from_minor)
		return 0;
	switch (r->kind) {
	case SHIP_FLAT:
		break;
	case SHIP_QUANTITY:
		steps = g->units - 1;
		break;
	case SHIP_WEIGHT:
		if (r->step_grams > 0 && g->grams > r->step_grams)
			steps = (g->grams - 1) / r->step_grams;
		break;
	case SHIP__MAX:
		break;
	}
	if (r->step_minor > 0 && steps > (LLONG_MAX / 4) / r->step_minor)
		steps = (LLONG_MAX / 4) / r->step_minor;	/* absurd input */
	return r->base_minor + steps * r->step_minor;
}

enum ship_result
ship_options(struct db *db, struct arena *a, const char *country,
    const char *region, const struct ship_goods *g, struct ship_option **out,
    size_t *n)
{
	struct ship_rate *r;
	long long zone;
	size_t nr;
	int rc;

	*out = NULL;
	*n = 0;
	if ((rc = db_ship_zone_for(db, country, region, &zone)) != 0)
		return rc < 0 ? SHIP_ERROR : SHIP_NO_ZONE;
	if (db_ship_rates(db, a, zone, 1, &r, &nr) < 0)
		return SHIP_ERROR;
	if (nr == 0)
		return SHIP_OK;
	*out = arena_alloc(a, nr * sizeof(**out));
	for (size_t i = 0; i < nr; i++) {
		(*out)[i].rate = r[i];
		(*out)[i].price_minor = ship_price(&r[i], g);
	}
	*n = nr;
	return SHIP_OK;
}

enum ship_result
ship_quote(struct db *db, struct arena *a, const char *country,
    const char *region, long long rate_id, const struct ship_goods *g,
    struct ship_option *out)
{
	struct ship_option *o;
	enum ship_result r;
	size_t n;

	if ((r = ship_options(db, a, country, region, g, &o, &n)) != SHIP_OK)
		return r;
	for (size_t i = 0; i < n; i++)
		if (o[i].rate.id == rate_id) {
			*out = o[i];
			return SHIP_OK;
		}
	return SHIP_NO_RATE;
}

const struct ship_option *
ship_cheapest(const struct ship_option *o, size_t n)
{
	const struct ship_option *best = NULL;

	for (size_t i = 0; i < n; i++)
		if (best == NULL || o[i].price_minor < best->price_minor)
			best = &o[i];
	return best;
}

/* A decimal number of at most 15 digits at *s, moving *s past it: 0, or
 * -1. */
static int
number(const char **s, long long *v)
{
	size_t len = strspn(*s, "0123456789");

	if (len == 0 || len > 15)
		return -1;
	*v = strtoll(*s, NULL, 10);
	*s += len;
	return 0;
}

int
ship_choice_parse(const char *s, long long *rate_id, long long *price_minor)
{
	if (number(&s, rate_id) < 0 || *s++ != '-' ||
	    number(&s, price_minor) < 0 || *s != '\0' || *rate_id <= 0)
		return -1;
	return 0;
}

int
ship_choice_field(const struct valid_key *k, const char *s, struct val *v,
    const char **err)
{
	long long id, price;

	(void)k;
	if (ship_choice_parse(s, &id, &price) < 0) {
		*err = "bad_choice";
		return -1;
	}
	v->i = id;
	return 0;
}
