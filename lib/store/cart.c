/* cart.c — see cart.h. */
#include <stdio.h>
#include <string.h>

#include "cart.h"
#include "store_conf.h"
#include "csrf.h"
#include "rand.h"
#include "sha256.h"

long long
cart_max_qty(const char *kind, long long stock)
{
	long long max = conf_int(CONF_ORDER_MAX_QTY);

	if (max > CART_MAX_QTY)
		max = CART_MAX_QTY;
	if (strcmp(kind, "digital") == 0)
		max = 1;
	else if (strcmp(kind, "subscription") == 0 && max > CART_MAX_SUBS)
		max = CART_MAX_SUBS;
	return stock >= 0 && stock < max ? stock : max;
}

long long
cart_max_units(void)
{
	return conf_int(CONF_ORDER_MAX_UNITS);
}

int
cart_token_ok(const char *s)
{
	size_t n = 0;

	for (; s[n]; n++) {
		char c = s[n];
		if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		    (c >= '0' && c <= '9') || c == '-' || c == '_'))
			return 0;
	}
	return n == CART_TOKEN_LEN;
}

void
cart_token_new(char *out)
{
	rand_token(out, CART_TOKEN_BYTES);
}

void
cart_token_hash(const char *token, char *out)
{
	unsigned char h[SHA256_LEN];

	sha256(token, strlen(token), h);
	hex_encode(out, h, sizeof(h));
}

void
cart_checkout_key(const char *token, long long rev, long long subtotal,
    char *out)
{
	char bound[CART_TOKEN_LEN + 64];

	snprintf(bound, sizeof(bound), "%s:%lld:%lld", token, rev, subtotal);
	csrf_token(out, "checkout", bound);
}
