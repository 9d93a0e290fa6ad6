/* test_sess.c — session ids: 10,000 fresh ones, no duplicate, each the
 * shape the cookie check accepts; the same-site return path. */
#include <stdlib.h>
#include <string.h>

#include "auth.h"
#include "rand.h"
#include "sess.h"
#include "t.h"

static int
cmp(const void *a, const void *b)
{
	return strcmp(a, b);
}

TEST(session_ids_10000_unique)
{
	enum { N = 10000 };
	char (*ids)[SESS_TOKEN_LEN + 1] = calloc(N, sizeof(*ids));
	int dup = 0;

	for (int i = 0; i < N; i++) {
		rand_token(ids[i], SESS_TOKEN_BYTES);
		CHECK(strlen(ids[i]) == SESS_TOKEN_LEN);
	}
	qsort(ids, N, sizeof(*ids), cmp);
	for (int i = 1; i < N; i++)
		dup += strcmp(ids[i - 1], ids[i]) == 0;
	CHECK(dup == 0);
	free(ids);
}

TEST(auth_safe_next_same_site_only)
{
	CHECK_STR(auth_safe_next("/account/security?x=1"), "/account/security?x=1");
	CHECK_STR(auth_safe_next("//evil.example/"), "/account");
	CHECK_STR(auth_safe_next("/\\evil.example"), "/account");
	CHECK_STR(auth_safe_next("https://evil.example/"), "/account");
	CHECK_STR(auth_safe_next("/a\r\nSet-Cookie: x"), "/account");
	CHECK_STR(auth_safe_next(NULL), "/account");
}
