/* url.h — building URLs and query strings for links and redirects. */
#ifndef SOUK_URL_H
#define SOUK_URL_H
#include "arena.h"
#include "buf.h"

/* Appends s percent-encoded for a query value (space as %20; unreserved
 * characters A-Z a-z 0-9 - . _ ~ kept). */
void	url_encode(struct buf *, const char *s);
/* Appends "name=value" (encoded) to a query string being built, with '&'
 * when it is not the first. */
void	url_param(struct buf *, const char *name, const char *value);

#endif
