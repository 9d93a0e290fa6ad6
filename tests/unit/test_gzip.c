/* test_gzip.c — gzip_buf() output inflates (with zlib's gzip reader) to
 * its input, for a page and for the empty body, on a reused stream. */
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "gzip.h"
#include "t.h"

/* 1 if z (a gzip member) inflates to exactly want[0..n). */
static int
inflates_to(const struct buf *z, const char *want, size_t n)
{
	z_stream zs = { 0 };
	char *out = malloc(n + 16);
	int ok;

	if (inflateInit2(&zs, 15 + 16) != Z_OK)
		abort();
	zs.next_in = (unsigned char *)z->data;
	zs.avail_in = (uInt)z->len;
	zs.next_out = (unsigned char *)out;
	zs.avail_out = (uInt)(n + 16);
	ok = inflate(&zs, Z_FINISH) == Z_STREAM_END && zs.total_out == n &&
	    memcmp(out, want, n) == 0 && zs.avail_in == 0;
	inflateEnd(&zs);
	free(out);
	return ok;
}

TEST(gzip_round_trip)
{
	struct buf page = { 0 }, z = { 0 };

	for (int i = 0; i < 2000; i++)
		buf_printf(&page, "<li class=\"card\"><a href=\"/p/item-%d\">"
		    "Item %d</a> <span>%d.000 TND</span></li>\n", i, i, i * 7);
	CHECK(gzip_buf(page.data, page.len, &z) == 0);
	CHECK(z.len > 10 && (unsigned char)z.data[0] == 0x1f &&
	    (unsigned char)z.data[1] == 0x8b);
	CHECK(z.len * 4 < page.len);
	CHECK(inflates_to(&z, page.data, page.len));
	/* The stream is reset between bodies: a second, different one. */
	CHECK(gzip_buf("hello", 5, &z) == 0);
	CHECK(inflates_to(&z, "hello", 5));
	CHECK(gzip_buf("", 0, &z) == 0);
	CHECK(inflates_to(&z, "", 0));
	CHECK(gzip_buf(page.data, page.len, &z) == 0);
	CHECK(inflates_to(&z, page.data, page.len));
	buf_free(&page);
	buf_free(&z);
}
