/* totp.c — see totp.h. */
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "rand.h"
#include "totp.h"

static const char b32[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

uint32_t
hotp(const unsigned char *key, size_t keylen, uint64_t counter, int digits)
{
	unsigned char msg[8], mac[EVP_MAX_MD_SIZE];
	unsigned int maclen = 0;
	uint32_t v, mod = 1;
	int off;

	for (int i = 7; i >= 0; i--, counter >>= 8)
		msg[i] = (unsigned char)(counter & 0xff);
	if (HMAC(EVP_sha1(), key, (int)keylen, msg, sizeof(msg), mac,
	    &maclen) == NULL || maclen != 20)
		return UINT32_MAX;
	/* RFC 4226 5.3: dynamic truncation. */
	off = mac[19] & 0x0f;
	v = (uint32_t)(mac[off] & 0x7f) << 24 | (uint32_t)mac[off + 1] << 16 |
	    (uint32_t)mac[off + 2] << 8 | mac[off + 3];
	for (int i = 0; i < digits; i++)
		mod *= 10;
	return v % mod;
}

void
base32_encode(const unsigned char *in, size_t n, char *out)
{
	unsigned buf = 0;
	int bits = 0;
	size_t o = 0;

	for (size_t i = 0; i < n; i++) {
		buf = buf << 8 | in[i];
		bits += 8;
		while (bits >= 5) {
			out[o++] = b32[(buf >> (bits - 5)) & 31];
			bits -= 5;
		}
	}
	if (bits > 0)
		out[o++] = b32[(buf << (5 - bits)) & 31];
	out[o] = '\0';
}

int
base32_decode(const char *in, unsigned char *key, size_t max)
{
	unsigned buf = 0;
	int bits = 0;
	size_t n = 0;

	for (; *in && *in != '='; in++) {
		const char *p;
		if (*in == ' ')
			continue;
		if ((p = strchr(b32, toupper((unsigned char)*in))) == NULL ||
		    *in == '\0')
			return -1;
		buf = buf << 5 | (unsigned)(p - b32);
		bits += 5;
		if (bits >= 8) {
			if (n == max)
				return -1;
			key[n++] = (unsigned char)(buf >> (bits - 8));
			bits -= 8;
		}
	}
	return (int)n;
}

void
totp_secret_new(char *out)
{
	unsigned char key[TOTP_KEY_LEN];

	rand_bytes(key, sizeof(key));
	base32_encode(key, sizeof(key), out);
}

long long
totp_check(const char *secret, const char *code, long long now)
{
	unsigned char key[64];
	int keylen = base32_decode(secret, key, sizeof(key));
	long long step = now / TOTP_STEP, found = -1;
	char want[TOTP_DIGITS + 1];

	if (keylen <= 0 || code == NULL || strlen(code) != TOTP_DIGITS)
		return -1;
	/* Every candidate is compared, in constant time. */
	for (long long s = step - 1; s <= step + 1; s++) {
		snprintf(want, sizeof(want), "%06u",
		    (unsigned)hotp(key, (size_t)keylen, (uint64_t)s, TOTP_DIGITS));
		if (ct_equal(want, TOTP_DIGITS, code, TOTP_DIGITS) && found < 0)
			found = s;
	}
	return found;
}

/* Percent-encodes s into out; returns chars written or -1 when full. */
static int
pct(char *out, size_t n, const char *s)
{
	size_t o = 0;

	for (; *s; s++) {
		unsigned char ch = (unsigned char)*s;
		if (o + 4 > n)
			return -1;
		if (isalnum(ch) || strchr("-._~@", ch))
			out[o++] = (char)ch;
		else
			o += (size_t)snprintf(out + o, n - o, "%%%02X", ch);
	}
	out[o] = '\0';
	return (int)o;
}

int
totp_uri(char *out, size_t n, const char *issuer, const char *account,
    const char *secret)
{
	char is[256], ac[600];

	if (pct(is, sizeof(is), issuer) < 0 || pct(ac, sizeof(ac), account) < 0)
		return -1;
	if ((size_t)snprintf(out, n, "otpauth://totp/%s:%s?secret=%s&issuer=%s"
	    "&algorithm=SHA1&digits=%d&period=%d", is, ac, secret, is,
	    TOTP_DIGITS, TOTP_STEP) >= n)
		return -1;
	return 0;
}
