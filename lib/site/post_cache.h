/* post_cache.h — reviews and questions rendered once per process.
 *
 * A product page shows up to five reviews and five questions; putting
 * each post's HDF nodes, rendering them through the post() macro and
 * freeing them again was a third of the page with 1,000 reviews
 * (callgrind).  For a visitor who is not logged in a post shows no form
 * (no edit, no report, no CSRF token), so its HTML depends only on the
 * post and the language: it is kept in a fixed table (1,024 entries)
 * under a signature of every field the macro prints, so an edited,
 * answered or hidden post gives a new signature and is never stale.
 * The posts come from templates/partials/post_one.cs, rendered with
 * HTML escaping on, and the page prints the joined HTML raw. */
#ifndef SOUK_POST_CACHE_H
#define SOUK_POST_CACHE_H
#include "app.h"
#include "db_review.h"

/* For a visitor who is not logged in, Page.<name> set to the HTML of the
 * n posts (<li> elements, as partials/reviews.cs post() prints them) and
 * 1 returned; 0 (nothing put) when n is 0, the visitor is logged in or a
 * post could not be rendered: the caller then puts the posts' HDF
 * (review_put_posts) for the template to render. */
int	post_list_html(struct ctx *, const char *name, const struct post *p,
	    size_t n);
/* Drops every cached post (the time zone or the templates changed). */
void	post_cache_clear(void);

#endif
