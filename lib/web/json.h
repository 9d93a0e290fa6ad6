/* json.h — JSON answers, built with jansson and written HTML-safe.
 *
 * json_out() dumps a jansson value compactly and replaces <, >, &, ' and
 * DEL by \u escapes (they can only occur inside strings), so a JSON body
 * is inert even if a browser is tricked into reading it as HTML. */
#ifndef SOUK_JSON_H
#define SOUK_JSON_H
#include <jansson.h>

#include "buf.h"

/* Appends v as compact JSON; 0, or -1 when jansson cannot encode it.
 * The caller keeps its reference to v. */
int	json_out(struct buf *, const json_t *v);
/* Appends s (valid UTF-8) as a JSON string with its quotes. */
void	json_str(struct buf *, const char *s);

#endif
