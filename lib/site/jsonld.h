/* jsonld.h — the schema.org structured data of a product page.
 *
 * Page.jsonld: a Product (name, sku, image, url, one Offer) and, when it
 * has published reviews, its AggregateRating and a Review for each review
 * shown.  Written straight into a buffer with json_str() (json.h) for
 * every string, so it is valid JSON whose strings cannot end its <script>
 * element (< > & ' are \u escapes); no jansson tree is built (building and
 * dumping one was a fifth of a product page with reviews, callgrind). */
#ifndef SOUK_JSONLD_H
#define SOUK_JSONLD_H
#include "app.h"
#include "db_catalog.h"
#include "db_review.h"

/* Sets Page.jsonld for product p with ratings r and its first n published
 * reviews. */
void	product_jsonld(struct ctx *, const struct product *p,
	    const struct rating *r, const struct post *reviews, size_t n);

#endif
