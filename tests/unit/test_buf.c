/* test_buf.c — the growable buffer and the decimal writer. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>

#include "buf.h"
#include "t.h"

TEST(fmt_int_writes_every_long_long)
{
	static const long long v[] = { 0, 7, -7, 10, 99, 100, 1234567890123LL,
	    -1000, LLONG_MAX, LLONG_MIN };
	char want[64], got[BUF_INT_MAX];

	for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		snprintf(want, sizeof(want), "%lld", v[i]);
		CHECK_INT(fmt_int(got, v[i]), strlen(want));
		CHECK_STR(got, want);
	}
}

TEST(buf_printf_grows_and_appends)
{
	struct buf b = { 0 };
	char big[3000];

	buf_printf(&b, "%d-%s", 42, "x");
	CHECK_STR(b.data, "42-x");
	buf_put_int(&b, -5);
	CHECK_STR(b.data, "42-x-5");
	/* Longer than the room left: formatted again after growing. */
	memset(big, 'a', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	buf_printf(&b, "[%s]", big);
	CHECK_INT(b.len, 6 + 2 + sizeof(big) - 1);
	CHECK(b.data[6] == '[' && b.data[b.len - 1] == ']' &&
	    b.data[b.len] == '\0');
	/* Filling the room exactly, then one byte past it. */
	for (int n = 1; n < 600; n += 37) {
		buf_reset(&b);
		buf_printf(&b, "%*d", n, 1);
		CHECK_INT(b.len, n);
		CHECK_INT(strlen(b.data), n);
	}
	buf_free(&b);
}
