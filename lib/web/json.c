/* json.c — see json.h. */
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "utf8.h"

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
	static const char hex[] = "0123456789abcdef";
	size_t n = strlen(s);

	if (!utf8_valid(s, n)) {
		buf_puts(b, "\"\"");	/* callers pass checked text */
		return;
	}
	/* What json_out() writes for a jansson string, without building
	 * one: runs of ordinary bytes copied whole, the short escapes, \u
	 * for other controls and for the HTML-significant < > & ' and DEL. */
	buf_putc(b, '"');
	while (*s) {
		size_t run = strcspn(s, "\"\\<>&'\x7f\x01\x02\x03\x04\x05"
		    "\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f\x10\x11\x12\x13"
		    "\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f");
		unsigned char c;
		char esc[6] = { '\\', 'u', '0', '0', 0, 0 };

		buf_put(b, s, run);
		if ((c = (unsigned char)s[run]) == '\0')
			break;
		s += run + 1;
		switch (c) {
		case '"':  buf_put(b, "\\\"", 2); continue;
		case '\\': buf_put(b, "\\\\", 2); continue;
		case '\b': buf_put(b, "\\b", 2); continue;
		case '\f': buf_put(b, "\\f", 2); continue;
		case '\n': buf_put(b, "\\n", 2); continue;
		case '\r': buf_put(b, "\\r", 2); continue;
		case '\t': buf_put(b, "\\t", 2); continue;
		}
		esc[4] = hex[c >> 4];
		esc[5] = hex[c & 15];
		buf_put(b, esc, 6);
	}
	buf_putc(b, '"');
}
