/* sha256.c — see sha256.h. */
#include "rand.h"
#include "sha256.h"

void
sha256_init(struct sha256 *c)
{
	rand_init();
	crypto_hash_sha256_init(&c->st);
}

void
sha256_update(struct sha256 *c, const void *p, size_t n)
{
	crypto_hash_sha256_update(&c->st, p, n);
}

void
sha256_final(struct sha256 *c, unsigned char out[SHA256_LEN])
{
	crypto_hash_sha256_final(&c->st, out);
}

void
sha256(const void *p, size_t n, unsigned char out[SHA256_LEN])
{
	rand_init();
	crypto_hash_sha256(out, p, n);
}

void
hmac_sha256(const void *key, size_t keylen, const void *msg, size_t len,
    unsigned char out[SHA256_LEN])
{
	struct hmac_sha256_key k;

	hmac_sha256_key(&k, key, keylen);
	hmac_sha256_with(&k, msg, len, out);
	sodium_memzero(&k, sizeof(k));
}

void
hmac_sha256_key(struct hmac_sha256_key *k, const void *key, size_t keylen)
{
	rand_init();
	crypto_auth_hmacsha256_init(&k->st, key, keylen);
}

void
hmac_sha256_with(const struct hmac_sha256_key *k, const void *msg, size_t len,
    unsigned char out[SHA256_LEN])
{
	crypto_auth_hmacsha256_state st = k->st;

	crypto_auth_hmacsha256_update(&st, msg, len);
	crypto_auth_hmacsha256_final(&st, out);
	sodium_memzero(&st, sizeof(st));
}
