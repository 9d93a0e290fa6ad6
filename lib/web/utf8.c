/* utf8.c — see utf8.h.  Follows the well-formed byte sequences table of the
 * Unicode standard (section 3.9, table 3-7). */
#include "utf8.h"

int
utf8_valid(const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;

	while (i < n) {
		unsigned char c = s[i];
		size_t need;
		unsigned char lo = 0x80, hi = 0xBF;

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

int
utf8_has_controls(const char *s, size_t n, int allow_newlines)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '\t')
			continue;
		if (allow_newlines && (c == '\n' || c == '\r'))
			continue;
		if (c < 0x20 || c == 0x7F)
			return 1;
	}
	return 0;
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
