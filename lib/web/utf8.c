/* utf8.c — see utf8.h.  Follows the well-formed byte sequences table of the
 * Unicode standard (section 3.9, table 3-7). */
#include <stdint.h>
#include <string.h>

#include "utf8.h"

#define ONES	0x0101010101010101ULL
#define HIGHS	0x8080808080808080ULL

/* 1 when the 8 bytes at s are ASCII and none is NUL. */
static int
ascii8(const unsigned char *s)
{
	uint64_t w;

	memcpy(&w, s, sizeof(w));
	return ((w | ((w - ONES) & ~w)) & HIGHS) == 0;
}

int
utf8_valid(const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;

	while (i < n) {
		unsigned char c = s[i];
		size_t need;
		unsigned char lo = 0x80, hi = 0xBF;

		/* Mail bodies and pages are mostly ASCII: 8 bytes a step. */
		if (n - i >= 8 && ascii8(s + i)) {
			i += 8;
			continue;
		}
		if (c == 0)
			return 0;
		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF)
			need = 1;
		else if (c >= 0xE0 && c <= 0xEF) {
			need = 2;
			if (c == 0xE0)
				lo = 0xA0;
			else if (c == 0xED)
				hi = 0x9F;
		} else if (c >= 0xF0 && c <= 0xF4) {
			need = 3;
			if (c == 0xF0)
				lo = 0x90;
			else if (c == 0xF4)
				hi = 0x8F;
		} else
			return 0;
		if (n - i - 1 < need)
			return 0;
		if (s[i + 1] < lo || s[i + 1] > hi)
			return 0;
		for (size_t k = 2; k <= need; k++)
			if ((s[i + k] & 0xC0) != 0x80)
				return 0;
		i += need + 1;
	}
	return 1;
}

size_t
utf8_len(const char *s, size_t n)
{
	size_t cps = 0;

	for (size_t i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			cps++;
	return cps;
}

size_t
utf8_prefix(const char *s, size_t n, size_t max)
{
	size_t cps = 0, i;

	for (i = 0; i < n; i++) {
		if (((unsigned char)s[i] & 0xC0) != 0x80) {
			if (cps == max)
				break;
			cps++;
		}
	}
	return i;
}

size_t
utf8_control_len(const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;

	if (n == 0)
		return 0;
	if (s[0] < 0x20 || s[0] == 0x7F)
		return 1;
	if (n >= 2 && s[0] == 0xC2 && s[1] >= 0x80 && s[1] <= 0x9F)
		return 2;
	if (n >= 3 && s[0] == 0xE2 && s[1] == 0x80 &&
	    (s[2] == 0xA8 || s[2] == 0xA9))
		return 3;
	return 0;
}

int
utf8_has_controls(const char *s, size_t n, int allow_newlines)
{
	for (size_t i = 0; i < n; i++) {
		size_t len = utf8_control_len(s + i, n - i);

		if (len == 0)
			continue;
		if (!allow_newlines || (len == 1 && s[i] != '\t' &&
		    s[i] != '\n' && s[i] != '\r'))
			return 1;
		if (len == 2)
			return 1;	/* C1 */
		i += len - 1;		/* TAB, LF, CR, U+2028, U+2029 */
	}
	return 0;
}

/* Length of the well-formed UTF-8 sequence at s[0..n), 0 if there is
 * none. */
static size_t
seq_len(const char *s, size_t n)
{
	for (size_t k = 1; k <= 4 && k <= n; k++)
		if (utf8_valid(s, k))
			return k;
	return 0;
}

size_t
utf8_scrub(char *buf, size_t n, int keep_lf)
{
	size_t i = 0, o = 0;

	while (i < n) {
		size_t len;

		if (keep_lf && (buf[i] == '\n' || (buf[i] == '\r' &&
		    i + 1 < n && buf[i + 1] == '\n'))) {
			i += buf[i] == '\r';
			buf[o++] = buf[i++];
			continue;
		}
		if ((len = utf8_control_len(buf + i, n - i)) > 0 ||
		    (len = seq_len(buf + i, n - i)) == 0) {
			buf[o++] = '?';
			i += len ? len : 1;
			continue;
		}
		memmove(buf + o, buf + i, len);
		o += len;
		i += len;
	}
	return o;
}

/* 1 for the blanks text_trim() removes. */
static int
blank(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n';
}

size_t
text_trim(const char *s, size_t n, size_t *start)
{
	size_t i = 0;

	while (i < n && blank(s[i]))
		i++;
	while (n > i && blank(s[n - 1]))
		n--;
	*start = i;
	return n - i;
}
