/* body_cache.h — whole pages rendered once per catalog version, per
 * worker.
 *
 * Category and product pages are the same for every visitor but for a
 * few values in the header: the CSRF token (Req.csrf) and the cart's size
 * (Req.cart_count).  A page is rendered with a marker in their place, kept
 * with those places cut out (body_table.h), and each request gets the kept
 * page with its own values put in: a shopper with a cart or a session
 * pays nearly what an anonymous visitor does.
 *
 * The key is everything the rendering read that the catalog version does
 * not cover, compared in full: the program, the path, of the query
 * what the page reads (the raw value of each key its page lists,
 * app_key_inputs(), and the attribute filters: parameters it never reads
 * share its entry, in any order), the language, tmpl_generation() (Store.*, the header's categories and
 * footer), the whole Req subtree (with the two values above as "present")
 * and the whole Session subtree (so a logged-in visitor's pages are kept
 * for them alone).  An entry is valid for one catalog_version() (every
 * change of what the pages show bumps it: catalog_version.h); when the
 * version moves the table is emptied.  A page that used data kept in
 * memory from an older version (the header's tree, the footer, a
 * category's counts, each re-read once a second) is served but not kept
 * (body_cache_stale()).
 *
 * Only GET and HEAD requests answered 200 are kept; a page that holds
 * anything else of the visitor must not come through here (product pages
 * of a logged-in customer: their library, wishlist and review forms).
 * A template may print Req.csrf and Req.cart_count, never test their
 * value (only whether they are set is in the key).  At most body_cache KB
 * (souk.conf) per worker. */
#ifndef SOUK_BODY_CACHE_H
#define SOUK_BODY_CACHE_H
#include "app.h"

/* First of every request (the refresh hook), with the PRAGMA
 * data_version just read (catalog_version_refresh()): forgets the last
 * request, and empties the table when the catalog version moved (or
 * cannot be read). */
void	body_cache_refresh(struct db *, long long dv);
/* Answers the request from the table: 1 when c->resp.body now holds the
 * page (app_cacheable() done: the caller returns 200), 0 when the handler
 * must render it (and then calls body_cache_render()). */
int	body_cache_serve(struct ctx *);
/* app_render() for a page body_cache_serve() did not answer: the same
 * status and body, and the page kept when it may be. */
int	body_cache_render(struct ctx *, int status, const char *name);
/* This request's page used data older than the catalog version: it is
 * not kept. */
void	body_cache_stale(void);
/* Empties the table and frees it (end of process, tests). */
void	body_cache_free(void);

#endif
