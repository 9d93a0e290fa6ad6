/* ship_edit.h — changing where the shop delivers and what it costs
 * (docs/shipping.md): the rules of a zone, a rate and a product's weight
 * as typed, shared by `soukctl shipping` and the admin's shipping pages
 * (docs/admin.md "Delivery"), and the changes themselves.
 *
 * Both hand the text they were given to ship_zone_parse() or
 * ship_rate_parse(), then save.  Each save or removal is one transaction
 * (BEGIN IMMEDIATE) holding the change and its audit row (kinds
 * "ship_zone", "ship_rate", "product"), so the audit log names every
 * change whoever made it.  Pricing is ship.h's. */
#ifndef SOUK_SHIP_EDIT_H
#define SOUK_SHIP_EDIT_H
#include <stddef.h>

#include "arena.h"
#include "customer.h"
#include "db.h"
#include "db_ship.h"

#define SHIP_NAME_MAX	60	/* characters of a zone's or a rate's name */
#define SHIP_AREAS_MAX	64	/* areas of one zone */
#define SHIP_DAYS_MAX	365

enum ship_err {
	SHIP_E_OK,
	SHIP_E_ERROR,
	SHIP_E_ZONE_NAME,	/* not 1-60 characters on one line */
	SHIP_E_AREA,		/* not CC or CC:Region (a known country) */
	SHIP_E_NO_AREA,		/* no area, or more than SHIP_AREAS_MAX */
	SHIP_E_TAKEN,		/* another zone has the name or an area */
	SHIP_E_RATE_NAME,	/* not 1-60 characters on one line */
	SHIP_E_NAME_EN,		/* a name per language: 0-60 characters */
	SHIP_E_NAME_FR,
	SHIP_E_KIND,		/* not flat, quantity or weight */
	SHIP_E_BASE,		/* the price is not an amount >= 0 */
	SHIP_E_STEP,		/* the further price is not an amount >= 0 */
	SHIP_E_STEP_FLAT,	/* a flat rate has no further price */
	SHIP_E_GRAMS,		/* not 1 to 1000000 grams */
	SHIP_E_FREE,		/* the free-from amount is not one */
	SHIP_E_MIN_DAYS,	/* not 0 to 365 */
	SHIP_E_MAX_DAYS,	/* not min to 365 */
	SHIP_E_RATE_TAKEN,	/* the zone has another rate of that name */
	SHIP_E_NO_ZONE,		/* no such zone */
	SHIP_E_NO_RATE,		/* no such rate */
	SHIP_E_WEIGHT,		/* not 0 to 1000000000 grams */
	SHIP_E_NO_PRODUCT,	/* no such product */
	SHIP_E__MAX
};

/* Lang.admship.err.<name> of each error ("zone_name", "area"...). */
extern const char *const ship_err_names[SHIP_E__MAX];

/* A rate as typed: every field text, NULL or "" not given (name, kind,
 * base and min_days are required; max_days defaults to min_days, grams to
 * 1000, step to 0; no free_from: never free). */
struct ship_rate_form {
	const char	*name, *name_en, *name_fr, *kind, *base, *step;
	const char	*grams, *free_from, *min_days, *max_days;
	int		 active;
};

/* 1 when s can name a zone or a rate (in any language): one line of 1
 * to SHIP_NAME_MAX characters. */
int		 ship_name_ok(const char *s);
/* "CC" or "CC:Region" (CC a country of lib/web/phone.c, any case) as it
 * is stored ("TN", "TN:Sfax") into a; NULL when s is not one. */
const char	*ship_area_norm(struct arena *, const char *s);
/* Checks a zone's name and splits areas (separated by commas, semicolons
 * or new lines) into *out (normalised, in a) and *n.  Writes each broken
 * rule into errs (room for SHIP_E__MAX; *bad: the first area refused)
 * and returns their count (0: valid). */
size_t		 ship_zone_parse(struct arena *, const char *name,
		    const char *areas, const char ***out, size_t *n,
		    const char **bad, enum ship_err *errs);
/* Parses f into *r (zone_id and id untouched).  Writes each broken rule
 * into errs (room for SHIP_E__MAX) and returns their count (0: *r is
 * valid). */
size_t		 ship_rate_parse(const struct ship_rate_form *f,
		    struct ship_rate *r, enum ship_err *errs);
/* The rule of r in words, in English (soukctl, the audit's detail):
 * "7.000 TND + 2.000 TND per further unit, free from 300.000 TND". */
const char	*ship_rule_text(struct arena *, const struct ship_rate *r);

/* Creates (*id 0) or edits zone *id: name and the n areas (from
 * ship_zone_parse), audited "ship_zone_create"/"ship_zone_edit" by who.
 * SHIP_E_OK (*id set), SHIP_E_TAKEN (*taken: the index of an area, or n
 * when the name is taken), SHIP_E_NO_ZONE, SHIP_E_ERROR. */
enum ship_err	 ship_zone_save(struct db *, struct arena *,
		    const struct staff_actor *who, long long *id,
		    const char *name, const char *const *areas, size_t n,
		    long long now, size_t *taken);
/* Removes zone id with its rates, audited "ship_zone_delete". */
enum ship_err	 ship_zone_delete(struct db *, struct arena *,
		    const struct staff_actor *who, long long id, long long now);
/* Creates (r->id 0, in zone r->zone_id) or edits rate r->id (its zone
 * kept), audited "ship_rate_create"/"ship_rate_edit".  SHIP_E_OK (r->id
 * set), SHIP_E_RATE_TAKEN, SHIP_E_NO_ZONE, SHIP_E_NO_RATE, SHIP_E_ERROR. */
enum ship_err	 ship_rate_save(struct db *, struct arena *,
		    const struct staff_actor *who, struct ship_rate *r,
		    long long now);
/* Removes rate id, audited "ship_rate_delete". */
enum ship_err	 ship_rate_delete(struct db *, struct arena *,
		    const struct staff_actor *who, long long id, long long now);
/* Sets the weight of one unit of product slug (grams as typed: 0 to
 * 1000000000), audited "product_weight".  SHIP_E_OK, SHIP_E_WEIGHT,
 * SHIP_E_NO_PRODUCT, SHIP_E_ERROR. */
enum ship_err	 ship_weight_save(struct db *, struct arena *,
		    const struct staff_actor *who, const char *slug,
		    const char *grams, long long now);

#endif
