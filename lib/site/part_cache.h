/* part_cache.h — a part of a page rendered once per process while what
 * it reads is unchanged.
 *
 * The category page's filter form (sort, price range, type, months,
 * attributes, with the facets' counts) was a tenth of the page's
 * instructions, and on an unfiltered page it is the same at every
 * request of a category (the facets are kept a second).  part_put()
 * renders templates/<tmpl>.cs (alone, HTML-escaped) from the request's
 * HDF and keeps the HTML under the exact contents of the Page.* subtrees
 * it reads (names and values, compared byte for byte), the language and
 * tmpl_generation() (Lang.*, Store.*): any change of them renders it
 * again.  The template must read nothing else (no Req.*, Session.*). */
#ifndef SOUK_PART_CACHE_H
#define SOUK_PART_CACHE_H
#include "app.h"

/* Sets Page.<name> to the HTML of templates/<tmpl>.cs, which reads only
 * Lang.*, Store.* and the Page subtrees named in inputs (NULL-ended, each
 * "Page.x").  Returns 0, or -1 (nothing put, logged). */
int	part_put(struct ctx *, const char *name, const char *tmpl,
	    const char *const *inputs);
/* Drops every kept part (tests). */
void	part_cache_clear(void);

#endif
