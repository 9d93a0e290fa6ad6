/* buf.h — growable byte buffer for response bodies and text building.
 * The buffer owns its heap memory; buf_reset() keeps the capacity so a
 * worker reuses it across requests; buf_free() releases it. */
#ifndef SOUK_BUF_H
#define SOUK_BUF_H
#include <stddef.h>

struct buf {
	char	*data;		/* always NUL-terminated when non-NULL */
	size_t	 len, cap;
};

void	buf_put(struct buf *, const void *, size_t);
void	buf_puts(struct buf *, const char *);
void	buf_putc(struct buf *, char);
void	buf_printf(struct buf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
/* Appends v in decimal, without printf. */
void	buf_put_int(struct buf *, long long v);
void	buf_reset(struct buf *);
void	buf_free(struct buf *);
/* Shrinks an oversized buffer back to `keep` bytes (after a huge page). */
void	buf_trim(struct buf *, size_t keep);

/* Writes v in decimal with its NUL into out (BUF_INT_MAX bytes at least),
 * without printf; returns the length. */
#define BUF_INT_MAX 24
size_t	fmt_int(char *out, long long v);

#endif
