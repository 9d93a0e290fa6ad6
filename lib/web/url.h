/* url.h — building URLs and query strings for links and redirects. */
#ifndef SOUK_URL_H
#define SOUK_URL_H
#include "arena.h"
#include "buf.h"

/* Appends s percent-encoded for a query value (space as %20; unreserved
 * characters A-Z a-z 0-9 - . _ ~ kept). */
void	url_encode(struct buf *, const char *s);
/* Appends path (a request path, any bytes) as an absolute path for a URL
 * context, cgit html_url_path()-style: A-Z a-z 0-9 - . _ ~ and '/' kept,
 * every other byte percent-encoded ('\\' as %5C, '?' as %3F, '#' as %23,
 * UTF-8 byte by byte), and a leading run of slashes (or none) made one
 * '/', so the result can never be read as another host ("//host",
 * "/\\host") or a scheme.  Templates call it as url_path(Req.path)
 * (tmpl.c). */
void	url_path(struct buf *, const char *path);
/* Appends "name=value" (encoded) to a query string being built, with '&'
 * when it is not the first. */
void	url_param(struct buf *, const char *name, const char *value);

#endif
