/* rand.c — see rand.h. */
#include <stdint.h>

#include <sodium.h>

#include "log.h"
#include "rand.h"

void
rand_init(void)
{
	static int done;

	if (!done) {
		if (sodium_init() < 0)
			log_fatal("libsodium cannot start");
		done = 1;
	}
}

void
rand_bytes(void *p, size_t n)
{
	rand_init();
	randombytes_buf(p, n);
}

size_t
b64url_len(size_t n)
{
	return (n / 3) * 4 + (n % 3 ? n % 3 + 1 : 0);
}

void
b64url_encode(char *out, const unsigned char *in, size_t n)
{
	sodium_bin2base64(out, b64url_len(n) + 1, in, n,
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
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
	sodium_memzero(raw, sizeof(raw));
}

unsigned long
rand_uniform(unsigned long n)
{
	if (n < 2)
		return 0;
	if (n > UINT32_MAX)
		log_fatal("rand_uniform: %lu is too large", n);
	rand_init();
	return randombytes_uniform((uint32_t)n);
}

int
ct_equal(const void *a, size_t alen, const void *b, size_t blen)
{
	if (alen != blen)
		return 0;
	return alen == 0 || sodium_memcmp(a, b, alen) == 0;
}

void
hex_encode(char *out, const unsigned char *in, size_t n)
{
	sodium_bin2hex(out, 2 * n + 1, in, n);
}
