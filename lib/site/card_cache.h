/* card_cache.h — product cards rendered once per process.
 *
 * A listing page shows 24 cards; building each card's HDF nodes, rendering
 * them and freeing them again is most of a page's cost.  card_grid() renders
 * a card only when what it shows changed: the HTML of each card is kept per
 * language in a fixed-size table (2048 entries, about 1.5 MB at most), under
 * a signature of every field the card displays (name, price, stock state,
 * image, search highlight...).  A price or stock change gives a new
 * signature, so a cached card is never stale.  The cards come from
 * templates/partials/card_one.cs, rendered with HTML escaping on, so the
 * page template prints the joined HTML raw. */
#ifndef SOUK_CARD_CACHE_H
#define SOUK_CARD_CACHE_H
#include "app.h"
#include "db_catalog.h"

/* Sets Page.<name> to the HTML of the listing's cards (<li> elements);
 * leaves it unset for an empty listing. */
void	card_grid(struct ctx *, const char *name, const struct listing *);
/* Page.<name>: up to n popular products (the featured ones, newest first)
 * in the visitor's language, suggested on empty states (no search
 * results, an empty cart).  Returns 0 or -1. */
int	card_suggest(struct ctx *, const char *name, long long n);
/* Drops every cached card (tests; after changing templates in place). */
void	card_cache_clear(void);

#endif
