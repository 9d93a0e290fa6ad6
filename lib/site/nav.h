/* nav.h — the category tree every page's header shows, cached per process
 * and re-read at most once a second (catalog changes show within a second
 * without a query per request). */
#ifndef SOUK_NAV_H
#define SOUK_NAV_H
#include "db_catalog.h"
#include "tmpl.h"

struct nav {
	struct category	*cats;	/* parents before children */
	size_t		 n;
};

/* The current tree with its names in language l (owned by the module,
 * valid until the next call). */
const struct nav *nav_get(struct db *, enum lang l);
/* Keeps Nav.N.{slug,name} (top-level categories) current in every
 * language's HDF; rewrites it only when the tree was re-read.  Names in each
 * language (db_catalog_text.h). */
void	nav_put(struct db *);
/* Drops the cache (tests, after a catalog write in this process). */
void	nav_invalidate(void);
/* Frees the cache (end of process). */
void	nav_free(void);

#endif
