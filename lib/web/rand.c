/* rand.c — see rand.h. */
#include <errno.h>
#include <sys/random.h>

#include "log.h"
#include "rand.h"

void
rand_bytes(void *p, size_t n)
{
	unsigned char *c = p;

	while (n > 0) {
		ssize_t got = getrandom(c, n, 0);
		if (got < 0) {
			if (errno == EINTR)
				continue;
			log_fatal("getrandom: cannot read randomness");
		}
		c += got;
		n -= (size_t)got;
	}
}

size_t
b64url_len(size_t n)
{
	return (n / 3) * 4 + (n % 3 ? n % 3 + 1 : 0);
}

void
b64url_encode(char *out, const unsigned char *in, size_t n)
{
	static const char tab[] =
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
	size_t i, o = 0;

	for (i = 0; i + 2 < n; i += 3) {
		unsigned v = (unsigned)in[i] << 16 | (unsigned)in[i + 1] << 8 | in[i + 2];
		out[o++] = tab[v >> 18 & 63];
		out[o++] = tab[v >> 12 & 63];
		out[o++] = tab[v >> 6 & 63];
		out[o++] = tab[v & 63];
	}
	if (n - i == 1) {
		unsigned v = (unsigned)in[i] << 16;
		out[o++] = tab[v >> 18 & 63];
		out[o++] = tab[v >> 12 & 63];
	} else if (n - i == 2) {
		unsigned v = (unsigned)in[i] << 16 | (unsigned)in[i + 1] << 8;
		out[o++] = tab[v >> 18 & 63];
		out[o++] = tab[v >> 12 & 63];
		out[o++] = tab[v >> 6 & 63];
	}
	out[o] = '\0';
}

size_t
rand_token_len(size_t bytes)
{
	return b64url_len(bytes);
}

void
rand_token(char *out, size_t bytes)
{
	unsigned char raw[64];

	if (bytes > sizeof(raw))
		log_fatal("rand_token: %zu bytes is too long", bytes);
	rand_bytes(raw, bytes);
	b64url_encode(out, raw, bytes);
}

unsigned long
rand_uniform(unsigned long n)
{
	unsigned long v, lim;

	if (n < 2)
		return 0;
	lim = -n % n;	/* reject the biased low range */
	do
		rand_bytes(&v, sizeof(v));
	while (v < lim);
	return v % n;
}

int
ct_equal(const void *a, size_t alen, const void *b, size_t blen)
{
	const unsigned char *x = a, *y = b;
	unsigned char d = 0;

	if (alen != blen)
		return 0;
	for (size_t i = 0; i < alen; i++)
		d |= x[i] ^ y[i];
	return d == 0;
}

void
hex_encode(char *out, const unsigned char *in, size_t n)
{
	static const char hx[] = "0123456789abcdef";

	for (size_t i = 0; i < n; i++) {
		out[2 * i] = hx[in[i] >> 4];
		out[2 * i + 1] = hx[in[i] & 15];
	}
	out[2 * n] = '\0';
}
