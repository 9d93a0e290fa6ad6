/* gzip.h — gzip a response body once, for the shared cache.
 *
 * nginx gzips on the fly for every request that accepts it: for a page
 * served from the micro-cache that is ~600k instructions per request, 36
 * times nginx's own cost of the hit (docs/performance.md, "Micro-cache").
 * A program therefore gzips a shared page itself when nginx keyed the
 * cache on gzip (SOUK_CACHE_GZIP): it is compressed once per cache entry
 * and nginx sends the stored bytes (it never gzips a response that has a
 * Content-Encoding).  zlib, one stream per process reset between
 * responses (no allocation per request). */
#ifndef SOUK_GZIP_H
#define SOUK_GZIP_H
#include <stddef.h>

#include "buf.h"

/* The gzip member of in[0..len) into out (reset first).  0, or -1 (out
 * reset; the caller sends the body uncompressed). */
int	gzip_buf(const char *in, size_t len, struct buf *out);

#endif
