/* catalog_export.h — the catalog as JSON (jansson) for the bot and
 * partners: soukctl export-catalog.
 *
 *   { "currency": "TND", "decimals": 3, "base_url": ...,
 *     "films": [ product... ],
 *     "series": [ product + "seasons": [ product + "episodes": [...] ] ],
 *     "subscriptions": [ product + "plans": [ {id, months, days,
 *                        price_minor, price} ] ],
 *     "products": [ every other active product ] }
 *   product = { id, slug, name, kind, media_type, category, price_minor,
 *               price, url }
 * price is the formatted amount ("12.500 TND"); price_minor the integer. */
#ifndef SOUK_CATALOG_EXPORT_H
#define SOUK_CATALOG_EXPORT_H
#include <jansson.h>

#include "db.h"

/* A new JSON object (the caller json_decref()s it), or NULL (logged). */
json_t	*catalog_export(struct db *);

#endif
