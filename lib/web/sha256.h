/* sha256.h — SHA-256 and HMAC-SHA-256 (RFC 2104) for signing tokens and
 * hashing secrets and files: thin names over libsodium
 * (crypto_hash_sha256, crypto_auth_hmacsha256), so callers keep one
 * vocabulary and the tests keep the FIPS 180-4 / RFC 4231 vectors. */
#ifndef SOUK_SHA256_H
#define SOUK_SHA256_H
#include <stddef.h>

#include <sodium.h>

#define SHA256_LEN 32

struct sha256 {
	crypto_hash_sha256_state st;
};

void	sha256_init(struct sha256 *);
void	sha256_update(struct sha256 *, const void *, size_t);
void	sha256_final(struct sha256 *, unsigned char out[SHA256_LEN]);
void	sha256(const void *, size_t, unsigned char out[SHA256_LEN]);
void	hmac_sha256(const void *key, size_t keylen, const void *msg, size_t len,
	    unsigned char out[SHA256_LEN]);

/* A key's HMAC state after absorbing the key: set once with
 * hmac_sha256_key(), then each hmac_sha256_with() copies it, so signing a
 * short message costs two compressions instead of four. */
struct hmac_sha256_key {
	crypto_auth_hmacsha256_state st;
};
void	hmac_sha256_key(struct hmac_sha256_key *, const void *key, size_t keylen);
void	hmac_sha256_with(const struct hmac_sha256_key *, const void *msg,
	    size_t len, unsigned char out[SHA256_LEN]);

#endif
