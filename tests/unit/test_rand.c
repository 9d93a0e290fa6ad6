/* test_rand.c — base64url, hex, tokens, constant-time comparison. */
#include "rand.h"
#include "t.h"

static const char *
b64(const void *in, size_t n)
{
	static char out[128];

	b64url_encode(out, in, n);
	return out;
}

TEST(b64url_rfc4648_vectors)
{
	CHECK_STR(b64("", 0), "");
	CHECK_STR(b64("f", 1), "Zg");
	CHECK_STR(b64("fo", 2), "Zm8");
	CHECK_STR(b64("foo", 3), "Zm9v");
	CHECK_STR(b64("foob", 4), "Zm9vYg");
	CHECK_STR(b64("fooba", 5), "Zm9vYmE");
	CHECK_STR(b64("foobar", 6), "Zm9vYmFy");
	/* The URL alphabet: '-' and '_' where base64 has '+' and '/'. */
	CHECK_STR(b64("\xfb\xff", 2), "-_8");
	CHECK_STR(b64("\xfb\xef\xbe", 3), "----");
	CHECK_STR(b64("\xff\xff\xff", 3), "____");
	CHECK_STR(b64("\0\0\0", 3), "AAAA");
	for (size_t n = 0; n < 40; n++)
		if (b64url_len(n) != strlen(b64("0123456789012345678901234567890123"
		    "456789", n)))
			t_fail(__FILE__, __LINE__, "b64url_len");
	CHECK_INT(b64url_len(32), 43);
}

TEST(hex_encode_lower_case)
{
	char out[16];

	hex_encode(out, (const unsigned char *)"\x00\x0f\xa5\xff", 4);
	CHECK_STR(out, "000fa5ff");
	hex_encode(out, (const unsigned char *)"", 0);
	CHECK_STR(out, "");
}

TEST(rand_tokens_are_url_safe_and_differ)
{
	char a[64], b[64];

	rand_token(a, 18);
	rand_token(b, 18);
	CHECK_INT(strlen(a), rand_token_len(18));
	CHECK_INT(strlen(a), 24);
	CHECK(strcmp(a, b) != 0);
	CHECK_INT(strspn(a, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	    "0123456789-_"), strlen(a));
	for (int i = 0; i < 1000; i++)
		if (rand_uniform(7) >= 7)
			t_fail(__FILE__, __LINE__, "rand_uniform out of range");
	CHECK_INT(rand_uniform(1), 0);
	CHECK_INT(rand_uniform(0), 0);
}

TEST(ct_equal_cases)
{
	CHECK_INT(ct_equal("abc", 3, "abc", 3), 1);
	CHECK_INT(ct_equal("abc", 3, "abd", 3), 0);
	CHECK_INT(ct_equal("abc", 3, "xbc", 3), 0);
	CHECK_INT(ct_equal("abc", 3, "abcd", 4), 0);	/* a prefix is not equal */
	CHECK_INT(ct_equal("abcd", 4, "abc", 3), 0);
	CHECK_INT(ct_equal("", 0, "", 0), 1);
	CHECK_INT(ct_equal("a\0b", 3, "a\0c", 3), 0);	/* bytes, not strings */
	CHECK_INT(ct_equal("\x80", 1, "\x00", 1), 0);
}
