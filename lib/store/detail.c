/* detail.c — the rules of checkout details (detail.h). */
#include <ctype.h>
#include <string.h>

#include "detail.h"
#include "utf8.h"

const char *const detail_types[DETAIL__MAX + 1] = { "mac", "text", NULL };

int
detail_mac(const char *s, char out[DETAIL_MAC_BUF])
{
	static const char hex[] = "0123456789ABCDEF";
	int n = 0;

	for (; *s != '\0'; s++) {
		unsigned char ch = (unsigned char)*s;
		if (ch == ':' || ch == '-' || ch == '.' || ch == ' ')
			continue;
		if (!isxdigit(ch) || n == 12)
			return -1;
		if (n > 0 && n % 2 == 0)
			*out++ = ':';
		*out++ = hex[isdigit(ch) ? ch - '0' : toupper(ch) - 'A' + 10];
		n++;
	}
	*out = '\0';
	return n == 12 ? 0 : -1;
}

int
detail_check(struct arena *a, const struct detail_field *f, const char *s,
    const char **out, const char **err)
{
	char mac[DETAIL_MAC_BUF];

	if (s == NULL || *s == '\0') {
		*out = "";
		if (!f->required)
			return 0;
		*err = "required";
		return -1;
	}
	if (f->type == DETAIL_MAC) {
		if (detail_mac(s, mac) < 0) {
			*err = "bad_mac";
			return -1;
		}
		*out = arena_strdup(a, mac);
		return 0;
	}
	if (utf8_len(s, strlen(s)) > (size_t)f->max_len) {
		*err = "too_long";
		return -1;
	}
	*out = s;
	return 0;
}

int
detail_name_ok(const char *name)
{
	size_t n = strlen(name);

	if (n == 0 || n > 32)
		return 0;
	return strspn(name, "abcdefghijklmnopqrstuvwxyz0123456789_") == n;
}
