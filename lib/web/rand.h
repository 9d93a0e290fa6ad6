/* rand.h — secrets, tokens and their encodings, over libsodium
 * (randombytes_buf: getrandom(2) underneath; sodium_memcmp; sodium_bin2*). */
#ifndef SOUK_RAND_H
#define SOUK_RAND_H
#include <stddef.h>

/* Initialises libsodium once per process (idempotent, cheap); aborts the
 * process if it cannot.  The functions here and in sha256.h call it. */
void	rand_init(void);
/* Fills p with n random bytes. */
void	rand_bytes(void *p, size_t n);
/* Writes a token of `bytes` random bytes as base64url (no padding) into
 * out, which must hold at least rand_token_len(bytes) + 1 chars. */
void	rand_token(char *out, size_t bytes);
size_t	rand_token_len(size_t bytes);
/* Uniform random integer in [0, n). */
unsigned long rand_uniform(unsigned long n);
/* Constant-time comparison: 1 when equal (lengths compared first). */
int	ct_equal(const void *a, size_t alen, const void *b, size_t blen);
/* base64url without padding; out holds b64url_len(n) + 1. */
void	b64url_encode(char *out, const unsigned char *in, size_t n);
size_t	b64url_len(size_t n);
/* Lower-case hex; out holds 2n + 1. */
void	hex_encode(char *out, const unsigned char *in, size_t n);

#endif
