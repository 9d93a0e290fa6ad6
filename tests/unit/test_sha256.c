/* test_sha256.c — SHA-256 against FIPS 180-4 examples and HMAC-SHA-256
 * against RFC 4231. */
#include <stdlib.h>

#include "rand.h"
#include "sha256.h"
#include "t.h"

static const char *
hex(const unsigned char *d, size_t n)
{
	static char out[2 * SHA256_LEN + 1];

	hex_encode(out, d, n);
	return out;
}

static const char *
sha(const void *p, size_t n)
{
	unsigned char d[SHA256_LEN];

	sha256(p, n, d);
	return hex(d, sizeof(d));
}

TEST(sha256_fips_vectors)
{
	char *m = malloc(1000000);

	CHECK_STR(sha("", 0),
	    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	CHECK_STR(sha("abc", 3),
	    "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	CHECK_STR(sha("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 56),
	    "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
	CHECK_STR(sha("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmn"
	    "hijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu", 112),
	    "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
	memset(m, 'a', 1000000);
	CHECK_STR(sha(m, 1000000),
	    "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
	free(m);
}

TEST(sha256_padding_boundaries)
{
	/* 55/56 and 63/64/65 bytes are where the length needs a new block. */
	static const struct { size_t n; const char *want; } v[] = {
		{ 55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318" },
		{ 56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a" },
		{ 63, "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34" },
		{ 64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb" },
		{ 65, "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0" },
		{ 119, "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb" },
		{ 120, "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c" },
	};
	char a[128];

	memset(a, 'a', sizeof(a));
	for (size_t i = 0; i < sizeof(v) / sizeof(*v); i++)
		CHECK_STR(sha(a, v[i].n), v[i].want);
}

TEST(sha256_incremental_equals_one_shot)
{
	unsigned char msg[300], one[SHA256_LEN], inc[SHA256_LEN];

	for (size_t i = 0; i < sizeof(msg); i++)
		msg[i] = (unsigned char)(i * 7 + 3);
	for (size_t len = 0; len <= sizeof(msg); len += 13) {
		for (size_t step = 1; step <= 70; step += 23) {
			struct sha256 c;
			sha256_init(&c);
			for (size_t off = 0; off < len; off += step)
				sha256_update(&c, msg + off,
				    len - off < step ? len - off : step);
			sha256_final(&c, inc);
			sha256(msg, len, one);
			if (memcmp(one, inc, SHA256_LEN) != 0)
				t_fail(__FILE__, __LINE__, "incremental digest");
		}
	}
}

static const char *
hmac(const void *key, size_t klen, const void *msg, size_t mlen)
{
	unsigned char d[SHA256_LEN];

	hmac_sha256(key, klen, msg, mlen, d);
	return hex(d, sizeof(d));
}

TEST(hmac_sha256_rfc4231)
{
	unsigned char k[131], m[50];
	const char *long_key = "Test Using Larger Than Block-Size Key - Hash Key First";
	const char *long_both = "This is a test using a larger than block-size key "
	    "and a larger than block-size data. The key needs to be hashed "
	    "before being used by the HMAC algorithm.";

	memset(k, 0x0b, 20);
	CHECK_STR(hmac(k, 20, "Hi There", 8),
	    "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
	CHECK_STR(hmac("Jefe", 4, "what do ya want for nothing?", 28),
	    "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
	memset(k, 0xaa, 20);
	memset(m, 0xdd, 50);
	CHECK_STR(hmac(k, 20, m, 50),
	    "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe");
	for (int i = 0; i < 25; i++)
		k[i] = (unsigned char)(i + 1);
	memset(m, 0xcd, 50);
	CHECK_STR(hmac(k, 25, m, 50),
	    "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b");
	memset(k, 0x0c, 20);
	CHECK(strncmp(hmac(k, 20, "Test With Truncation", 20),
	    "a3b6167473100ee06e0c796c2955552b", 32) == 0);
	memset(k, 0xaa, 131);
	CHECK_STR(hmac(k, 131, long_key, strlen(long_key)),
	    "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
	CHECK_STR(hmac(k, 131, long_both, strlen(long_both)),
	    "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2");
}
