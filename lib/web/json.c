/* json.c — see json.h. */
#include <stdlib.h>
#include <string.h>

#include "json.h"

int
json_out(struct buf *b, const json_t *v)
{
	/* Reals with 15 significant digits: 4.33 stays "4.33", not the
	 * 17-digit "4.3300000000000001". */
	char *s = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY |
	    JSON_REAL_PRECISION(15));

	if (s == NULL)
		return -1;
	/* Runs of ordinary bytes are copied whole (a product page's JSON-LD
	 * is a few kilobytes; byte by byte was a quarter of its cost). */
	for (const char *p = s; *p; ) {
		size_t run = strcspn(p, "<>&'\x7f");

		buf_put(b, p, run);
		p += run;
		if (*p)
			buf_printf(b, "\\u%04x", (unsigned char)*p++);
	}
	free(s);
	return 0;
}

void
json_str(struct buf *b, const char *s)
{
	json_t *v = json_string(s);

	if (v == NULL || json_out(b, v) < 0)
		buf_puts(b, "\"\"");	/* not UTF-8: callers pass checked text */
	json_decref(v);
}
