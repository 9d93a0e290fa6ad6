/* test_gw_sign.c — the Stripe-Signature check: a good signature, the old
 * secret of a rotation, several v1, a changed body, a stale or future
 * timestamp, malformed headers, no secret. */
#include <stdio.h>
#include <string.h>

#include "gw_sign.h"
#include "t.h"

TEST(gw_sign_stripe_header)
{
	const char *body = "{\"id\":\"evt_1\",\"type\":\"checkout.session.completed\"}";
	size_t n = strlen(body);
	long long now = 1700000000;
	char h[160], h2[160], both[320];

	gw_sign_make("whsec_new", now, body, n, h, sizeof(h));
	CHECK(gw_sign_check(h, body, n, "whsec_new", now) == SIGN_OK);
	CHECK(gw_sign_check(h, body, n, "whsec_old whsec_new", now) == SIGN_OK);
	CHECK(gw_sign_check(h, body, n, "whsec_old", now) == SIGN_BAD);
	CHECK(gw_sign_check(h, body, n - 1, "whsec_new", now) == SIGN_BAD);
	CHECK(gw_sign_check(h, body, n, "whsec_new", now + 300) == SIGN_OK);
	CHECK(gw_sign_check(h, body, n, "whsec_new", now + 301) == SIGN_STALE);
	CHECK(gw_sign_check(h, body, n, "whsec_new", now - 301) == SIGN_STALE);
	CHECK(gw_sign_check(h, body, n, "", now) == SIGN_NO_SECRET);
	CHECK(gw_sign_check(NULL, body, n, "whsec_new", now) == SIGN_MALFORMED);
	CHECK(gw_sign_check("v1=00", body, n, "whsec_new", now) ==
	    SIGN_MALFORMED);
	CHECK(gw_sign_check("t=1700000000", body, n, "whsec_new", now) ==
	    SIGN_MALFORMED);
	CHECK(gw_sign_check("t=17x,v1=00", body, n, "whsec_new", now) ==
	    SIGN_MALFORMED);
	/* Two v1 (Stripe during a rotation): either secret verifies. */
	gw_sign_make("whsec_old", now, body, n, h2, sizeof(h2));
	snprintf(both, sizeof(both), "%s,%s", h, strchr(h2, ',') + 1);
	CHECK(gw_sign_check(both, body, n, "whsec_old", now) == SIGN_OK);
	CHECK(gw_sign_check(both, body, n, "whsec_new", now) == SIGN_OK);
	CHECK(gw_sign_check(both, body, n, "whsec_other", now) == SIGN_BAD);
}
