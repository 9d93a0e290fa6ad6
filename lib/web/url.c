/* url.c — see url.h. */
#include "url.h"

void
url_encode(struct buf *b, const char *s)
{
	static const char hx[] = "0123456789ABCDEF";

	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		    (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
		    c == '~')
			buf_putc(b, (char)c);
		else {
			char e[3] = { '%', hx[c >> 4], hx[c & 15] };
			buf_put(b, e, 3);
		}
	}
}

void
url_param(struct buf *b, const char *name, const char *value)
{
	if (b->len > 0)
		buf_putc(b, '&');
	url_encode(b, name);
	buf_putc(b, '=');
	url_encode(b, value);
}
