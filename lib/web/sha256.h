/* sha256.h — SHA-256 (FIPS 180-4) and HMAC-SHA-256 (RFC 2104), used to sign
 * CSRF tokens, order links and (later) webhooks. */
#ifndef SOUK_SHA256_H
#define SOUK_SHA256_H
#include <stddef.h>
#include <stdint.h>

#define SHA256_LEN 32

struct sha256 {
	uint32_t h[8];
	uint64_t total;		/* bytes hashed so far */
	unsigned char block[64];
	size_t fill;
};

void	sha256_init(struct sha256 *);
void	sha256_update(struct sha256 *, const void *, size_t);
void	sha256_final(struct sha256 *, unsigned char out[SHA256_LEN]);
void	sha256(const void *, size_t, unsigned char out[SHA256_LEN]);
void	hmac_sha256(const void *key, size_t keylen, const void *msg, size_t len,
	    unsigned char out[SHA256_LEN]);

/* A key's HMAC states after the ipad/opad blocks: set once with
 * hmac_sha256_key(), then each hmac_sha256_with() costs only the message
 * (two compressions for a short one instead of four). */
struct hmac_sha256_key {
	struct sha256	inner, outer;
};
void	hmac_sha256_key(struct hmac_sha256_key *, const void *key, size_t keylen);
void	hmac_sha256_with(const struct hmac_sha256_key *, const void *msg,
	    size_t len, unsigned char out[SHA256_LEN]);

#endif
