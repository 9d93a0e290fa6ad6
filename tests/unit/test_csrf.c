/* test_csrf.c — CSRF tokens, signatures and the same-origin check. */
#include "csrf.h"
#include "t.h"

#define KEY1 "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"
#define KEY2 "ff0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"

TEST(csrf_secret_format)
{
	CHECK_INT(csrf_set_secret_hex(KEY1), 0);
	CHECK_INT(csrf_set_secret_hex(NULL), -1);
	CHECK_INT(csrf_set_secret_hex(""), -1);
	CHECK_INT(csrf_set_secret_hex("00112233445566778899aabbccddeef"), -1);
	CHECK_INT(csrf_set_secret_hex("00112233445566778899aabbccddeeff"), 0);
	CHECK_INT(csrf_set_secret_hex("00112233445566778899aabbccddeefg"), -1);
	CHECK_INT(csrf_set_secret_hex(KEY1 KEY1), 0);		/* 64 bytes */
	CHECK_INT(csrf_set_secret_hex(KEY1 KEY1 "00"), -1);	/* 65 */
	CHECK_INT(csrf_set_secret_hex(KEY1), 0);
}

TEST(csrf_token_valid_and_forged)
{
	char tok[CSRF_TOKEN_LEN + 1], other[CSRF_TOKEN_LEN + 1];

	CHECK_INT(csrf_set_secret_hex(KEY1), 0);
	csrf_token(tok, "csrf", "cart-abcdefghijklmnop");
	CHECK_INT(strlen(tok), CSRF_TOKEN_LEN);
	CHECK_INT(strspn(tok, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	    "0123456789-_"), CSRF_TOKEN_LEN);
	CHECK_INT(csrf_valid(tok, "csrf", "cart-abcdefghijklmnop"), 1);
	/* Deterministic: the same binding gives the same token. */
	csrf_token(other, "csrf", "cart-abcdefghijklmnop");
	CHECK_STR(other, tok);
	/* Another visitor's binding. */
	CHECK_INT(csrf_valid(tok, "csrf", "cart-abcdefghijklmnoq"), 0);
	/* One character changed, cut, extended, empty, missing. */
	strcpy(other, tok);
	other[5] = other[5] == 'A' ? 'B' : 'A';
	CHECK_INT(csrf_valid(other, "csrf", "cart-abcdefghijklmnop"), 0);
	strcpy(other, tok);
	other[CSRF_TOKEN_LEN - 1] = '\0';
	CHECK_INT(csrf_valid(other, "csrf", "cart-abcdefghijklmnop"), 0);
	CHECK_INT(csrf_valid("", "csrf", "cart-abcdefghijklmnop"), 0);
	CHECK_INT(csrf_valid(NULL, "csrf", "cart-abcdefghijklmnop"), 0);
	/* An empty binding never validates, even with its own token. */
	csrf_token(other, "csrf", "");
	CHECK_INT(csrf_valid(other, "csrf", ""), 0);
	CHECK_INT(csrf_valid(tok, "csrf", NULL), 0);
}

TEST(csrf_purposes_and_secrets_are_separate)
{
	char tok[CSRF_TOKEN_LEN + 1];

	CHECK_INT(csrf_set_secret_hex(KEY1), 0);
	csrf_token(tok, "csrf", "bound-value-123456");
	/* A token made for one purpose is refused for another. */
	CHECK_INT(csrf_valid(tok, "order", "bound-value-123456"), 0);
	CHECK_INT(csrf_valid(tok, "csr", "bound-value-123456"), 0);
	/* "csrf" + "x:y" and "csrf:x" + "y" must not collide either. */
	csrf_token(tok, "a", "b:c");
	CHECK_INT(csrf_valid(tok, "a:b", "c"), 0);
	/* A new secret invalidates every token. */
	csrf_token(tok, "csrf", "bound-value-123456");
	CHECK_INT(csrf_set_secret_hex(KEY2), 0);
	CHECK_INT(csrf_valid(tok, "csrf", "bound-value-123456"), 0);
	CHECK_INT(csrf_set_secret_hex(KEY1), 0);
	CHECK_INT(csrf_valid(tok, "csrf", "bound-value-123456"), 1);
}

TEST(sign_hex_purposes)
{
	char a[65], b[65], c[65];

	CHECK_INT(csrf_set_secret_hex(KEY1), 0);
	sign_hex(a, "order", "42", 2);
	sign_hex(b, "order", "42", 2);
	sign_hex(c, "download", "42", 2);
	CHECK_INT(strlen(a), 64);
	CHECK_INT(strspn(a, "0123456789abcdef"), 64);
	CHECK_STR(a, b);
	CHECK(strcmp(a, c) != 0);
	sign_hex(b, "order", "43", 2);
	CHECK(strcmp(a, b) != 0);
	/* The length is honoured: bytes after it are not signed. */
	sign_hex(b, "order", "42xyz", 2);
	CHECK_STR(a, b);
}

static int
same(const char *origin, const char *fetch_site, const char *referer,
    const char *base)
{
	struct req r;

	memset(&r, 0, sizeof(r));
	r.origin = origin;
	r.sec_fetch_site = fetch_site;
	r.referer = referer;
	return origin_same(&r, base);
}

TEST(origin_same_checks)
{
	const char *base = "https://shop.example:8443";

	CHECK_INT(same("https://shop.example:8443", NULL, NULL, base), 1);
	CHECK_INT(same("https://SHOP.example:8443", NULL, NULL, base), 1);
	CHECK_INT(same("https://shop.example", NULL, NULL, base), 0);
	CHECK_INT(same("http://shop.example:8443", NULL, NULL, base), 0);
	CHECK_INT(same("https://shop.example:8443.evil", NULL, NULL, base), 0);
	CHECK_INT(same("https://evil.example", NULL, NULL, base), 0);
	CHECK_INT(same("null", NULL, NULL, base), 0);
	CHECK_INT(same("", NULL, NULL, base), 0);
	/* Origin decides when present, whatever else says. */
	CHECK_INT(same("https://evil.example", "same-origin",
	    "https://shop.example:8443/x", base), 0);
	/* Without Origin: Sec-Fetch-Site. */
	CHECK_INT(same(NULL, "same-origin", NULL, base), 1);
	CHECK_INT(same(NULL, "same-site", NULL, base), 0);
	CHECK_INT(same(NULL, "cross-site", NULL, base), 0);
	CHECK_INT(same(NULL, "none", NULL, base), 0);
	/* Without either: the Referer, on a whole origin. */
	CHECK_INT(same(NULL, NULL, "https://shop.example:8443/p/x", base), 1);
	CHECK_INT(same(NULL, NULL, "https://shop.example:8443", base), 1);
	CHECK_INT(same(NULL, NULL, "https://shop.example:84430/", base), 0);
	CHECK_INT(same(NULL, NULL, "https://shop.example:8443.evil/", base), 0);
	CHECK_INT(same(NULL, NULL, "https://shop.example:8443@evil/", base), 0);
	CHECK_INT(same(NULL, NULL, "https://shop", base), 0);
	/* Nothing at all: refused. */
	CHECK_INT(same(NULL, NULL, NULL, base), 0);
	/* base_url with a path: only its origin counts. */
	CHECK_INT(same("https://shop.example", NULL, NULL,
	    "https://shop.example/store"), 1);
	CHECK_INT(same(NULL, NULL, "https://shop.example/other",
	    "https://shop.example/store"), 1);
	/* A base_url that is not a URL refuses everything. */
	CHECK_INT(same("shop", NULL, NULL, "shop"), 0);
}
