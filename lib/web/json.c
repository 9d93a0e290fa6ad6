/* json.c — see json.h. */
#include <stdlib.h>

#include "json.h"

int
json_out(struct buf *b, const json_t *v)
{
	char *s = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);

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
