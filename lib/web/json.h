/* json.h — writing JSON answers (the cart's endpoints for scripts).
 * Objects are written with buf_printf; strings go through json_str. */
#ifndef SOUK_JSON_H
#define SOUK_JSON_H
#include "buf.h"

/* Appends s (valid UTF-8) as a JSON string with its quotes.  Controls,
 * quotes and backslashes are escaped, and so are < > & ' (as \u00XX), so
 * the text stays inert even if something treats it as HTML. */
void	json_str(struct buf *, const char *s);

#endif
