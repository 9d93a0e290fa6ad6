/* pager.h — views several listings share: the pager under a list of
 * results and the breadcrumbs above a category or product. */
#ifndef SOUK_PAGER_H
#define SOUK_PAGER_H
#include "app.h"

/* The link to page p of the listing (an arena string). */
typedef const char *(*pager_href_fn)(struct ctx *, const void *arg,
		    long long p);

/* Page.pager.{prev,next} and Page.pager.items.N.{n,href,current,gap}:
 * page `page` of `pages`, a window of two pages around it, the first and
 * the last, gaps between; nothing when pages <= 1.  href(c, arg, p) makes
 * each link. */
void	pager_put(struct ctx *, long long page, long long pages,
	    pager_href_fn href, const void *arg);
/* Page.crumbs.N.{slug,name}: category id's ancestors, top first, then
 * itself (from the header's category tree, no query); none for id 0. */
void	crumbs_put(struct ctx *, long long category_id);

#endif
