/* gzip.c — see gzip.h. */
#include <stdint.h>
#include <zlib.h>

#include "gzip.h"
#include "log.h"

#define GZIP_LEVEL	6	/* once per cache entry: ratio over speed */
#define GZIP_WBITS	(15 + 16)	/* 32 KB window, gzip wrapper */

int
gzip_buf(const char *in, size_t len, struct buf *out)
{
	static z_stream zs;
	static int ready;
	unsigned char chunk[16 * 1024];
	int rc;

	buf_reset(out);
	if (!ready) {
		if (deflateInit2(&zs, GZIP_LEVEL, Z_DEFLATED, GZIP_WBITS, 8,
		    Z_DEFAULT_STRATEGY) != Z_OK) {
			log_error("gzip: deflateInit2 failed");
			return -1;
		}
		ready = 1;
	} else if (deflateReset(&zs) != Z_OK)
		return -1;
	zs.next_in = (unsigned char *)(uintptr_t)in;
	zs.avail_in = (uInt)len;
	if ((size_t)zs.avail_in != len)
		return -1;	/* over 4 GB: never a page */
	do {
		zs.next_out = chunk;
		zs.avail_out = sizeof(chunk);
		rc = deflate(&zs, Z_FINISH);
		if (rc == Z_STREAM_ERROR) {
			buf_reset(out);
			return -1;
		}
		buf_put(out, chunk, sizeof(chunk) - zs.avail_out);
	} while (rc != Z_STREAM_END);
	return 0;
}
