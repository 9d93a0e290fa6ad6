/* ship_hdf.c — see ship_hdf.h. */
#include <string.h>

#include "ship_hdf.h"
#include "site.h"
#include "store_conf.h"

void
ship_options_put(struct ctx *c, const char *pre, const struct ship_option *o,
    size_t n, long long chosen)
{
	size_t pick = 0;

	for (size_t i = 0; i < n; i++)
		if (o[i].rate.id == chosen)
			pick = i;
	for (size_t i = 0; i < n; i++) {
		hdf_putf(c->hdf, arena_printf(&c->arena, "%lld-%lld",
		    o[i].rate.id, o[i].price_minor), "%s.%zu.value", pre, i);
		hdf_putf(c->hdf, arena_printf(&c->arena, "%lld", o[i].rate.id),
		    "%s.%zu.id", pre, i);
		hdf_putf(c->hdf, lang_text(o[i].rate.names, c->lang,
		    o[i].rate.name), "%s.%zu.name", pre, i);
		hdf_putf(c->hdf, site_money(c, o[i].price_minor), "%s.%zu.price",
		    pre, i);
		hdf_putf(c->hdf, o[i].price_minor == 0 ? "1" : "0",
		    "%s.%zu.free", pre, i);
		hdf_putf(c->hdf, arena_printf(&c->arena, "%d",
		    o[i].rate.min_days), "%s.%zu.min", pre, i);
		hdf_putf(c->hdf, arena_printf(&c->arena, "%d",
		    o[i].rate.max_days), "%s.%zu.max", pre, i);
		if (i == pick)
			hdf_putf(c->hdf, "1", "%s.%zu.checked", pre, i);
	}
}

const char *
ship_days_text(struct ctx *c, int lo, int hi)
{
	const char *unit = app_str(c, lo == hi && lo == 1 ? "ship.day" :
	    "ship.days");

	if (lo == hi)
		return arena_printf(&c->arena, "%d %s", lo, unit);
	return arena_printf(&c->arena, "%d\xe2\x80\x93%d %s", lo, hi, unit);
}

int
ship_estimate(struct ctx *c, const struct cart *cart, struct ship_estimate *e)
{
	const struct ship_option *best;
	struct ship_option *o;
	struct ship_goods g;
	size_t n;

	memset(e, 0, sizeof(*e));
	ship_goods_cart(cart, cart->subtotal_minor, &g);
	if (g.units == 0)
		return 0;
	e->ships = 1;
	if (ship_options(c->db, &c->arena, conf_str(CONF_DEFAULT_COUNTRY), "",
	    &g, &o, &n) == SHIP_ERROR)
		return -1;
	if ((best = ship_cheapest(o, n)) == NULL)
		return 0;
	e->offered = 1;
	e->price_minor = best->price_minor;
	for (size_t i = 0; i < n; i++) {
		if (i == 0 || o[i].rate.min_days < e->min_days)
			e->min_days = o[i].rate.min_days;
		if (i == 0 || o[i].rate.max_days > e->max_days)
			e->max_days = o[i].rate.max_days;
	}
	return 0;
}

const char *
ship_estimate_price(struct ctx *c, const struct ship_estimate *e)
{
	return e->price_minor == 0 ? app_str(c, "ship.free") :
	    site_money(c, e->price_minor);
}

int
ship_estimate_put(struct ctx *c, const char *pre, const struct cart *cart)
{
	struct ship_estimate e;

	if (ship_estimate(c, cart, &e) < 0)
		return -1;
	if (!e.ships)
		return 0;
	hdf_putf(c->hdf, conf_str(CONF_DEFAULT_COUNTRY), "%s.country", pre);
	if (!e.offered) {
		hdf_putf(c->hdf, "1", "%s.no_zone", pre);
		return 0;
	}
	hdf_putf(c->hdf, ship_estimate_price(c, &e), "%s.price", pre);
	hdf_putf(c->hdf, e.price_minor == 0 ? "1" : "0", "%s.free", pre);
	hdf_putf(c->hdf, arena_printf(&c->arena, "%d", e.min_days), "%s.min",
	    pre);
	hdf_putf(c->hdf, arena_printf(&c->arena, "%d", e.max_days), "%s.max",
	    pre);
	return 0;
}

int
ship_span_put(struct ctx *c, const char *pre)
{
	const char *country = conf_str(CONF_DEFAULT_COUNTRY);
	struct ship_goods g = { 1, 0, 0 };
	struct ship_option *o;
	int lo = 0, hi = 0;
	size_t n;

	if (ship_options(c->db, &c->arena, country, "", &g, &o, &n) == SHIP_ERROR)
		return -1;
	if (n == 0)
		return 0;
	for (size_t i = 0; i < n; i++) {
		if (i == 0 || o[i].rate.min_days < lo)
			lo = o[i].rate.min_days;
		if (i == 0 || o[i].rate.max_days > hi)
			hi = o[i].rate.max_days;
	}
	hdf_putf(c->hdf, country, "%s.country", pre);
	hdf_putf(c->hdf, arena_printf(&c->arena, "%d", lo), "%s.min", pre);
	hdf_putf(c->hdf, arena_printf(&c->arena, "%d", hi), "%s.max", pre);
	return 0;
}
