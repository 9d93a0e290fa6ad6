/* test_totp.c — HOTP (RFC 4226 appendix D) and TOTP (RFC 6238 appendix B)
 * vectors, base32, the ±1 step window; password rules and secret hashes. */
#include <stdio.h>
#include <string.h>

#include "t.h"
#include "totp.h"
#include "user.h"

static const unsigned char rfc_key[] = "12345678901234567890";
static char uri[512];

TEST(hotp_rfc4226_vectors)
{
	static const unsigned want[] = { 755224, 287082, 359152, 969429,
	    338314, 254676, 287922, 162583, 399871, 520489 };

	for (unsigned i = 0; i < 10; i++)
		CHECK(hotp(rfc_key, 20, i, 6) == want[i]);
}

TEST(totp_rfc6238_sha1_vectors)
{
	static const struct { long long t; unsigned code; } v[] = {
		{ 59, 94287082 }, { 1111111109, 7081804 },
		{ 1111111111, 14050471 }, { 1234567890, 89005924 },
		{ 2000000000, 69279037 }, { 20000000000LL, 65353130 },
	};

	for (size_t i = 0; i < sizeof(v) / sizeof(*v); i++)
		CHECK(hotp(rfc_key, 20, (uint64_t)(v[i].t / 30), 8) == v[i].code);
}

TEST(totp_check_window_and_base32)
{
	char secret[TOTP_B32_LEN + 1], code[8];
	unsigned char key[32];

	base32_encode(rfc_key, 20, secret);
	CHECK_STR(secret, "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
	CHECK(base32_decode("gezd gnbv gy3t qojq gezd gnbv gy3t qojq", key,
	    sizeof(key)) == 20 && memcmp(key, rfc_key, 20) == 0);
	CHECK(base32_decode("GEZ1", key, sizeof(key)) == -1);
	/* 1111111111 is step 37037037; code of that step: 050471. */
	CHECK(totp_check(secret, "050471", 1111111111) == 37037037);
	CHECK(totp_check(secret, "050471", 1111111111 + 30) == 37037037);
	CHECK(totp_check(secret, "050471", 1111111111 - 30) == 37037037);
	CHECK(totp_check(secret, "050471", 1111111111 + 60) == -1);
	CHECK(totp_check(secret, "050472", 1111111111) == -1);
	CHECK(totp_check(secret, "05047", 1111111111) == -1);
	snprintf(code, sizeof(code), "%06u", hotp(rfc_key, 20, 1, 6));
	CHECK_STR(code, "287082");
	totp_secret_new(secret);
	CHECK(strlen(secret) == TOTP_B32_LEN);
	CHECK(base32_decode(secret, key, sizeof(key)) == TOTP_KEY_LEN);
}

TEST(totp_uri_escapes)
{
	CHECK(totp_uri(uri, sizeof(uri), "Souk Demo", "a+b@example.com",
	    "ABC") == 0);
	CHECK(strcmp(uri, "otpauth://totp/Souk%20Demo:a%2Bb@example.com?"
	    "secret=ABC&issuer=Souk%20Demo&algorithm=SHA1&digits=6&period=30")
	    == 0);
}

TEST(password_rules_and_common_list)
{
	CHECK(password_check("short") == PW_SHORT);
	CHECK(password_check("123456789") == PW_SHORT);
	/* In the shipped list (ten characters or more). */
	CHECK(password_check("1234567890") == PW_COMMON);
	CHECK(password_check("qwertyuiop") == PW_COMMON);
	CHECK(password_check("QwertyUiop") == PW_COMMON);
	CHECK(password_check("tangerine-orbit-42") == PW_OK);
	CHECK(password_common("password"));
	CHECK(!password_common("tangerine-orbit-42"));
}

TEST(secret_hash_is_sha256_hex)
{
	char h[SECRET_HASH_LEN + 1];

	secret_hash("abc", h);
	CHECK_STR(h, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}
