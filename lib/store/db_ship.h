/* db_ship.h — the delivery tables (ship_zones, ship_zone_areas,
 * ship_rates: schema.sql, migration 013) and product weights.  The rules
 * that price a rate are ship.h's.  Strings live in the caller's arena. */
#ifndef SOUK_DB_SHIP_H
#define SOUK_DB_SHIP_H
#include <stddef.h>

#include "arena.h"
#include "db.h"
#include "lang.h"

enum ship_kind { SHIP_FLAT, SHIP_QUANTITY, SHIP_WEIGHT, SHIP__MAX };

/* "flat", "quantity", "weight" as stored in ship_rates.kind;
 * NULL-terminated. */
extern const char *const ship_kinds[SHIP__MAX + 1];

struct ship_rate {
	long long	 id, zone_id;
	const char	*zone, *name;		/* zone: its name */
	const char	*names[LANG__MAX];	/* name per language, "" none:
						   lang_text(names, l, name) */
	enum ship_kind	 kind;
	long long	 base_minor, step_minor, step_grams;
	long long	 free_from_minor;	/* -1: never free */
	int		 min_days, max_days;
	int		 active;
	long long	 position;		/* order within the zone */
};

struct ship_zone {
	long long	 id;
	const char	*name;
	const char	*areas;		/* "TN, TN:Sfax, DZ" */
	size_t		 nrates;
};

/* The zone delivering to country and region (a region's zone before its
 * country's; region "" or NULL: the country's): 0 with *zone set,
 * DB_NONE, -1. */
int		 db_ship_zone_for(struct db *, const char *country,
		    const char *region, long long *zone);
/* The rates of zone (active_only: the active ones), by position then id,
 * into *out (arena) and *n.  0 or -1. */
int		 db_ship_rates(struct db *, struct arena *, long long zone,
		    int active_only, struct ship_rate **out, size_t *n);
/* Every zone, by position then name, with its areas and rate count.
 * 0 or -1. */
int		 db_ship_zones(struct db *, struct arena *, struct ship_zone **,
		    size_t *);
/* The id of the zone named name: 0, DB_NONE, -1. */
int		 db_ship_zone_id(struct db *, const char *name, long long *id);

/* The zone id with its areas and rate count into *out (arena): 0,
 * DB_NONE, -1. */
int		 db_ship_zone(struct db *, struct arena *, long long id,
		    struct ship_zone *out);
/* Inside the caller's transaction (ship_edit.h's functions are the ones
 * to call): a zone named name delivering to the n areas ("CC" or
 * "CC:Region", validated by the caller).  Returns the zone id, -2 when
 * the name or an area (*taken: its index) is taken, -1. */
long long	 db_ship_zone_add(struct db *, const char *name,
		    const char *const *areas, size_t n, size_t *taken);
/* Inside the caller's transaction: zone id is named name and delivers to
 * the n areas instead of its own: 0, DB_NONE, -2 (the name or an area,
 * *taken, belongs to another zone), -1. */
int		 db_ship_zone_edit(struct db *, long long id, const char *name,
		    const char *const *areas, size_t n, size_t *taken);
/* Removes zone id, its areas and its rates (orders keep their delivery
 * as placed): 0, DB_NONE, -1. */
int		 db_ship_zone_remove(struct db *, long long id);
/* Adds rate r (zone_id, name, kind... set): the id, -2 when the zone has
 * a rate of that name, -1. */
long long	 db_ship_rate_add(struct db *, const struct ship_rate *r);
/* Saves every field of rate r->id but its zone: 0, DB_NONE, -2 (the zone
 * has another rate of that name), -1. */
int		 db_ship_rate_edit(struct db *, const struct ship_rate *r);
/* Rate id into *out (arena): 0, DB_NONE, -1. */
int		 db_ship_rate(struct db *, struct arena *, long long id,
		    struct ship_rate *out);
/* Removes rate id (orders keep their delivery as placed): 0, DB_NONE,
 * -1. */
int		 db_ship_rate_remove(struct db *, long long id);
/* Sets the weight of one unit of the product with slug: 0, DB_NONE, -1. */
int		 db_ship_weight(struct db *, const char *slug, long long grams);
/* The weight of one unit of product id into *grams: 0, DB_NONE, -1. */
int		 db_ship_weight_of(struct db *, long long product,
		    long long *grams);
/* Number of zones, or -1. */
long long	 db_ship_zone_count(struct db *);

#endif
