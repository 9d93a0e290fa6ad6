/* money.c — see money.h. */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "store_conf.h"
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

/* Appends src to out at *o, never past size - 1. */
static void
put(char *out, size_t size, size_t *o, const char *src)
{
	while (*src && *o + 1 < size)
		out[(*o)++] = *src++;
}

/* Written without printf: it runs for every price on every page. */
char *
money_format(char *out, size_t size, long long minor, int decimals,
    const char *symbol, enum lang lang)
{
	const char *group = lang == LANG_FR ? "\xe2\x80\xaf" : ",";
	const char *mark = lang == LANG_FR ? "," : ".";
	unsigned long long a = minor < 0 ? -(unsigned long long)minor :
	    (unsigned long long)minor, scale, whole;
	char digits[24], frac[8];
	size_t nd = 0, o = 0;
	int prefix;

	decimals = clamp_decimals(decimals);
	scale = (unsigned long long)pow10ll(decimals);
	whole = a / scale;
	do {
		digits[nd++] = (char)('0' + whole % 10);
		whole /= 10;
	} while (whole > 0);
	for (int i = decimals - 1, f = (int)(a % scale); i >= 0; i--, f /= 10)
		frac[i] = (char)('0' + f % 10);
	frac[decimals] = '\0';
	prefix = lang == LANG_EN && (strcmp(symbol, "$") == 0 ||
	    strcmp(symbol, "\xe2\x82\xac") == 0 || strcmp(symbol, "\xc2\xa3") == 0);
	if (size == 0)
		return out;
	if (minor < 0)
		put(out, size, &o, "-");
	if (prefix)
		put(out, size, &o, symbol);
	while (nd > 0) {
		char d[2] = { digits[--nd], '\0' };
		put(out, size, &o, d);
		if (nd > 0 && nd % 3 == 0)
			put(out, size, &o, group);
	}
	if (decimals > 0) {
		put(out, size, &o, mark);
		put(out, size, &o, frac);
	}
	if (!prefix) {
		/* U+00A0 keeps the number and the currency on one line. */
		put(out, size, &o, "\xc2\xa0");
		put(out, size, &o, symbol);
	}
	out[o] = '\0';
	return out;
}

char *
money_store(char *out, size_t size, long long minor, enum lang lang)
{
	const char *sym = conf_str(CONF_CURRENCY_SYMBOL);

	return money_format(out, size, minor, (int)conf_int(CONF_CURRENCY_DECIMALS),
	    *sym ? sym : conf_str(CONF_CURRENCY), lang);
}

int
money_field(const struct valid_key *k, const char *s, struct val *v,
    const char **err)
{
	return valid_money(s, (int)conf_int(CONF_CURRENCY_DECIMALS), k->min,
	    k->max ? k->max : LLONG_MAX / 100, &v->i, err);
}

const char *
money_arena(struct arena *a, long long minor, enum lang l)
{
	char buf[MONEY_BUF];

	return arena_strdup(a, money_store(buf, sizeof(buf), minor, l));
}
