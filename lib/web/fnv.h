/* fnv.h — FNV-1a 64-bit hashing, for the signatures of cached HTML
 * (card_cache.c, post_cache.c).  Not for anything an attacker must not
 * forge: a collision only shows an older rendering of the same item. */
#ifndef SOUK_FNV_H
#define SOUK_FNV_H
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define FNV_INIT 0xcbf29ce484222325ULL

/* h extended by the n bytes at p. */
static inline uint64_t
fnv_mix(uint64_t h, const void *p, size_t n)
{
	const unsigned char *c = p;

	for (size_t i = 0; i < n; i++) {
		h ^= c[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

/* h extended by s and its NUL (so "ab","c" and "a","bc" differ). */
static inline uint64_t
fnv_str(uint64_t h, const char *s)
{
	return fnv_mix(h, s, strlen(s) + 1);
}

#endif
