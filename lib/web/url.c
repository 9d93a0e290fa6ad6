/* url.c — see url.h. */
#include <string.h>

#include "url.h"

/* Appends s with every byte but the unreserved ones (and those in keep)
 * percent-encoded. */
static void
encode(struct buf *b, const char *s, const char *keep)
{
	static const char hx[] = "0123456789ABCDEF";

	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		    (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
		    c == '~' || (c != '\0' && strchr(keep, c) != NULL))
			buf_putc(b, (char)c);
		else {
			char e[3] = { '%', hx[c >> 4], hx[c & 15] };
			buf_put(b, e, 3);
		}
	}
}

void
url_encode(struct buf *b, const char *s)
{
	encode(b, s, "");
}

void
url_path(struct buf *b, const char *path)
{
	while (*path == '/')
		path++;
	buf_putc(b, '/');
	encode(b, path, "/");
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
