/* buf.c — see buf.h. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "log.h"

static void
buf_grow(struct buf *b, size_t extra)
{
	size_t need = b->len + extra + 1, cap = b->cap ? b->cap : 256;
	char *p;

	if (need < b->len)
		log_fatal("buf: size overflow");
	if (need <= b->cap)
		return;
	while (cap < need)
		cap *= 2;
	if ((p = realloc(b->data, cap)) == NULL)
		log_fatal("buf: out of memory (%zu bytes)", cap);
	b->data = p;
	b->cap = cap;
}

void
buf_put(struct buf *b, const void *p, size_t n)
{
	/* Room checked here first: the renderer writes through here in
	 * hundreds of small pieces a page. */
	if (n >= b->cap - b->len)
		buf_grow(b, n);
	if (n)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void
buf_puts(struct buf *b, const char *s)
{
	buf_put(b, s, strlen(s));
}

void
buf_putc(struct buf *b, char c)
{
	buf_put(b, &c, 1);
}

void
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	size_t room;
	int n;

	/* Formatted into the room there is, and again only when it did not
	 * fit (measuring first doubled the cost of every call). */
	if (b->cap - b->len < 64)
		buf_grow(b, 64);
	room = b->cap - b->len;
	va_start(ap, fmt);
	n = vsnprintf(b->data + b->len, room, fmt, ap);
	va_end(ap);
	if (n < 0) {
		b->data[b->len] = '\0';
		return;
	}
	if ((size_t)n >= room) {
		buf_grow(b, (size_t)n);
		va_start(ap, fmt);
		vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
		va_end(ap);
	}
	b->len += (size_t)n;
}

size_t
fmt_int(char *out, long long v)
{
	char tmp[BUF_INT_MAX];
	unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v :
	    (unsigned long long)v;
	size_t n = 0, len;

	do
		tmp[n++] = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	if (v < 0)
		tmp[n++] = '-';
	len = n;
	for (size_t i = 0; i < len; i++)
		out[i] = tmp[len - 1 - i];
	out[len] = '\0';
	return len;
}

void
buf_put_int(struct buf *b, long long v)
{
	char num[BUF_INT_MAX];

	buf_put(b, num, fmt_int(num, v));
}

void
buf_reset(struct buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

void
buf_trim(struct buf *b, size_t keep)
{
	if (b->cap > keep) {
		buf_free(b);
	} else {
		buf_reset(b);
	}
}

void
buf_free(struct buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}
