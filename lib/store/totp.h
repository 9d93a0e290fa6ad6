/* totp.h — time-based one-time passwords (RFC 6238 over RFC 4226 HOTP)
 * with the parameters every authenticator app assumes: HMAC-SHA-1, 30 s
 * steps, 6 digits (store layer).  HMAC-SHA-1 comes from OpenSSL's
 * libcrypto (libsodium has no SHA-1; docs/accounts.md says why this is
 * still sound for HOTP).  Secrets are 20 random bytes, written in base32
 * (RFC 4648, no padding) for the app and the database. */
#ifndef SOUK_TOTP_H
#define SOUK_TOTP_H
#include <stddef.h>
#include <stdint.h>

#define TOTP_STEP	30
#define TOTP_DIGITS	6
#define TOTP_KEY_LEN	20
#define TOTP_B32_LEN	32		/* base32 of 20 bytes */

/* HOTP value of counter under key, `digits` digits (6 to 8). */
uint32_t	hotp(const unsigned char *key, size_t keylen, uint64_t counter,
		    int digits);
/* A new random secret as base32 into out[TOTP_B32_LEN + 1]. */
void		totp_secret_new(char *out);
/* base32 (upper or lower case, spaces ignored) into key; returns the
 * length, or -1 when it is not base32 or longer than max. */
int		base32_decode(const char *in, unsigned char *key, size_t max);
/* base32 of n bytes into out (8 chars per 5 bytes, no padding). */
void		base32_encode(const unsigned char *in, size_t n, char *out);
/* Checks a 6-digit code against the base32 secret at unix time now,
 * one step either side.  Returns the matching step (>= 0), or -1.  The
 * caller refuses a step not newer than the last one used (replay). */
long long	totp_check(const char *secret_b32, const char *code, long long now);
/* The otpauth:// URI for authenticator apps into an arena-free buffer
 * out[n]: issuer and account are percent-encoded.  Returns 0 or -1. */
int		totp_uri(char *out, size_t n, const char *issuer,
		    const char *account, const char *secret_b32);

#endif
