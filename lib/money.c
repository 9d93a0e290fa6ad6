/* money.c — see money.h. */
#include <stdio.h>
#include <string.h>

#include "conf.h"
#include "money.h"

static long long
pow10ll(int d)
{
	long long p = 1;

	while (d-- > 0)
		p *= 10;
	return p;
}

/* Currencies have 0 to 4 decimals (conf.c checks); keeps formats bounded. */
static int
clamp_decimals(int d)
{
	return d < 0 ? 0 : d > 4 ? 4 : d;
}

char *
money_plain(char *out, size_t size, long long minor, int decimals)
{
	decimals = clamp_decimals(decimals);
	long long scale = pow10ll(decimals);
	unsigned long long a = minor < 0 ? -(unsigned long long)minor :
	    (unsigned long long)minor;

	if (decimals == 0)
		snprintf(out, size, "%s%llu", minor < 0 ? "-" : "", a);
	else
		snprintf(out, size, "%s%llu.%0*llu", minor < 0 ? "-" : "",
		    a / (unsigned long long)scale, decimals,
		    a % (unsigned long long)scale);
	return out;
}

char *
money_format(char *out, size_t size, long long minor, int decimals,
    const char *symbol, enum lang lang)
{
	decimals = clamp_decimals(decimals);
	const char *group = lang == LANG_FR ? "\xe2\x80\xaf" : ",";
	const char *mark = lang == LANG_FR ? "," : ".";
	const char *sign = minor < 0 ? "-" : "";
	unsigned long long a = minor < 0 ? -(unsigned long long)minor :
	    (unsigned long long)minor;
	unsigned long long scale = (unsigned long long)pow10ll(decimals);
	char whole[32], grouped[64], num[96];
	size_t wl, g = 0;
	int prefix;

	snprintf(whole, sizeof(whole), "%llu", a / scale);
	wl = strlen(whole);
	for (size_t i = 0; i < wl; i++) {
		if (i > 0 && (wl - i) % 3 == 0) {
			size_t gl = strlen(group);
			memcpy(grouped + g, group, gl);
			g += gl;
		}
		grouped[g++] = whole[i];
	}
	grouped[g] = '\0';
	if (decimals > 0)
		snprintf(num, sizeof(num), "%s%s%0*llu", grouped, mark, decimals,
		    a % scale);
	else
		snprintf(num, sizeof(num), "%s", grouped);
	prefix = lang == LANG_EN && (strcmp(symbol, "$") == 0 ||
	    strcmp(symbol, "\xe2\x82\xac") == 0 || strcmp(symbol, "\xc2\xa3") == 0);
	/* The sign leads, before a leading symbol too: -$12.50. */
	if (prefix)
		snprintf(out, size, "%s%s%s", sign, symbol, num);
	else	/* U+00A0 keeps the number and the currency on one line */
		snprintf(out, size, "%s%s\xc2\xa0%s", sign, num, symbol);
	return out;
}

char *
money_store(char *out, size_t size, long long minor, enum lang lang)
{
	const char *sym = conf_str(CONF_CURRENCY_SYMBOL);

	return money_format(out, size, minor, (int)conf_int(CONF_CURRENCY_DECIMALS),
	    *sym ? sym : conf_str(CONF_CURRENCY), lang);
}
