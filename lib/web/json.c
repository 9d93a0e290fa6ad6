/* json.c — see json.h. */
#include <stdlib.h>

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
	for (const char *p = s; *p; p++) {
		unsigned char c = (unsigned char)*p;
		if (c == '<' || c == '>' || c == '&' || c == '\'' || c == 0x7f)
			buf_printf(b, "\\u%04x", c);
		else
			buf_putc(b, (char)c);
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
