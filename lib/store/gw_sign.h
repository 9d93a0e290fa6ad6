/* gw_sign.h — Stripe's webhook signature (Stripe-Signature header):
 * "t=<unix time>,v1=<hex>[,v1=<hex>...]" where each v1 is
 * HMAC-SHA256(secret, "<t>.<raw body>") in lower-case hex.  Several v1
 * are accepted (Stripe sends one per active secret while a secret is
 * rolled), and so are several secrets of ours (blank-separated). */
#ifndef SOUK_GW_SIGN_H
#define SOUK_GW_SIGN_H
#include <stddef.h>

#define GW_SIGN_TOLERANCE 300	/* seconds either side of now */

enum sign_result {
	SIGN_OK = 0,
	SIGN_MALFORMED,		/* no t= or no v1= */
	SIGN_STALE,		/* t more than the tolerance from now */
	SIGN_BAD,		/* no v1 matches any secret */
	SIGN_NO_SECRET,		/* none configured */
};

/* Checks header against body[0..len) with the blank-separated secrets at
 * time now (constant-time compares). */
enum sign_result gw_sign_check(const char *header, const char *body,
		    size_t len, const char *secrets, long long now);
/* The header value for body signed with secret at t into out (the tests'
 * and the fake's counterpart); out holds at least 96 bytes. */
void		 gw_sign_make(const char *secret, long long t, const char *body,
		    size_t len, char *out, size_t size);

#endif
