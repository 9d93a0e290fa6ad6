/* footer_pages.h — the content pages every page's footer lists
 * (Footer.pages.N.{slug,title} in each language's HDF): the published
 * pages of that language, and the default language's for the slugs it
 * has no published version of.  Cached per process and re-read at most
 * once a second, as the category tree is (nav.h): a page staff publish
 * shows within a second without a query per request. */
#ifndef SOUK_FOOTER_PAGES_H
#define SOUK_FOOTER_PAGES_H
#include "db.h"

/* Keeps Footer.pages current in every language's HDF (the begin hook);
 * on a read error the previous list stays. */
void	footer_pages_put(struct db *);
/* Forgets the cache (end of process, or a write in this process). */
void	footer_pages_free(void);

#endif
