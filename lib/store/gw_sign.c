/* gw_sign.c — see gw_sign.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gw_sign.h"
#include "rand.h"
#include "sha256.h"

/* hex(HMAC-SHA256(secret[0..slen), "<t>.<body>")) into out[65]
 * (hmac_sha256 of the library over the joined message). */
static void
sign(const char *secret, size_t slen, const char *t, size_t tlen,
    const char *body, size_t len, char out[2 * SHA256_LEN + 1])
{
	unsigned char mac[SHA256_LEN];
	char *msg = malloc(tlen + 1 + len + 1);

	if (msg == NULL)
		abort();
	memcpy(msg, t, tlen);
	msg[tlen] = '.';
	memcpy(msg + tlen + 1, body, len);
	hmac_sha256(secret, slen, msg, tlen + 1 + len, mac);
	free(msg);
	hex_encode(out, mac, sizeof(mac));
}

enum sign_result
gw_sign_check(const char *header, const char *body, size_t len,
    const char *secrets, long long now)
{
	const char *p, *t = NULL, *s;
	size_t tlen = 0, nv1 = 0;
	char want[2 * SHA256_LEN + 1], *end;
	long long ts;
	int ok = 0;

	if (secrets == NULL || secrets[strspn(secrets, " \t,")] == '\0')
		return SIGN_NO_SECRET;
	if (header == NULL)
		return SIGN_MALFORMED;
	for (p = header; *p; p += *p == ',') {
		size_t n = strcspn(p, ",");
		if (n > 2 && strncmp(p, "t=", 2) == 0 && t == NULL) {
			t = p + 2;
			tlen = n - 2;
		} else if (n > 3 && strncmp(p, "v1=", 3) == 0)
			nv1++;
		p += n;
	}
	if (t == NULL || nv1 == 0 || tlen > 12)
		return SIGN_MALFORMED;
	ts = strtoll(t, &end, 10);
	if (end != t + tlen || tlen == 0)
		return SIGN_MALFORMED;
	if (ts < now - GW_SIGN_TOLERANCE || ts > now + GW_SIGN_TOLERANCE)
		return SIGN_STALE;
	/* Every secret against every v1, without stopping at a match. */
	for (s = secrets + strspn(secrets, " \t,"); *s;
	    s += strspn(s, " \t,")) {
		size_t sl = strcspn(s, " \t,");
		sign(s, sl, t, tlen, body, len, want);
		for (p = header; *p; p += *p == ',') {
			size_t n = strcspn(p, ",");
			if (n > 3 && strncmp(p, "v1=", 3) == 0)
				ok |= ct_equal(p + 3, n - 3, want, strlen(want));
			p += n;
		}
		s += sl;
	}
	return ok ? SIGN_OK : SIGN_BAD;
}

void
gw_sign_make(const char *secret, long long t, const char *body, size_t len,
    char *out, size_t size)
{
	char ts[24], mac[2 * SHA256_LEN + 1];

	snprintf(ts, sizeof(ts), "%lld", t);
	sign(secret, strlen(secret), ts, strlen(ts), body, len, mac);
	snprintf(out, size, "t=%s,v1=%s", ts, mac);
}
