/* lang.c — see lang.h. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "conf.h"
#include "lang.h"

static const char *const codes[LANG__MAX] = { "en", "fr" };

const char *
lang_code(enum lang l)
{
	return codes[l];
}

int
lang_from_code(const char *s)
{
	if (s == NULL)
		return -1;
	for (int i = 0; i < LANG__MAX; i++)
		if (strncasecmp(s, codes[i], 2) == 0 &&
		    (s[2] == '\0' || s[2] == '-' || s[2] == '_'))
			return i;
	return -1;
}

/* Accept-Language: "fr-CH, fr;q=0.9, en;q=0.8, *;q=0.5" (RFC 9110 12.5.4). */
static int
accept_pick(const char *h)
{
	int best = -1;
	double bestq = 0.0;

	while (h != NULL && *h != '\0') {
		const char *end = strchr(h, ','), *semi, *q;
		char tag[16];
		size_t len;
		double qv = 1.0;
		int l;

		while (*h == ' ')
			h++;
		len = end ? (size_t)(end - h) : strlen(h);
		semi = memchr(h, ';', len);
		if (semi != NULL && (q = strstr(semi, "q=")) != NULL &&
		    q < h + len)
			qv = strtod(q + 2, NULL);
		len = semi ? (size_t)(semi - h) : len;
		while (len > 0 && h[len - 1] == ' ')
			len--;
		if (len < sizeof(tag)) {
			memcpy(tag, h, len);
			tag[len] = '\0';
			if ((l = lang_from_code(tag)) >= 0 && qv > bestq) {
				best = l;
				bestq = qv;
			}
		}
		h = end ? end + 1 : NULL;
	}
	return best;
}

enum lang
lang_negotiate(const char *query, const char *cookie, const char *accept,
    enum lang def)
{
	int l;

	if ((l = lang_from_code(query)) >= 0)
		return l;
	if ((l = lang_from_code(cookie)) >= 0)
		return l;
	if ((l = accept_pick(accept)) >= 0)
		return l;
	return def;
}

enum lang
lang_default(void)
{
	int l = lang_from_code(conf_str(CONF_DEFAULT_LANG));

	return l < 0 ? LANG_EN : (enum lang)l;
}

const char *
lang_text(const char *const t[LANG__MAX], enum lang l, const char *base)
{
	enum lang d = lang_default();

	if (t[l] != NULL && *t[l] != '\0')
		return t[l];
	if (t[d] != NULL && *t[d] != '\0')
		return t[d];
	return base;
}
