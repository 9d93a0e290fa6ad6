/* phone.c — see phone.h.  Lengths follow the ITU-T national numbering
 * plans (E.164 assignments) for mobile and fixed numbers. */
#include <string.h>

#include "phone.h"

/* Sorted by code; the checkout sorts them by name in each language. */
const struct country phone_countries[] = {
	{ "AE", "971", 8, 9, '0' },	{ "BE", "32", 8, 9, '0' },
	{ "BF", "226", 8, 8, 0 },	{ "BJ", "229", 8, 10, 0 },
	{ "CA", "1", 10, 10, '1' },	{ "CD", "243", 9, 9, '0' },
	{ "CF", "236", 8, 8, 0 },	{ "CG", "242", 9, 9, 0 },
	{ "CH", "41", 9, 9, '0' },	{ "CI", "225", 10, 10, 0 },
	{ "CM", "237", 9, 9, 0 },	{ "DE", "49", 6, 13, '0' },
	{ "DZ", "213", 9, 9, '0' },	{ "EG", "20", 9, 10, '0' },
	{ "ES", "34", 9, 9, 0 },	{ "FR", "33", 9, 9, '0' },
	{ "GA", "241", 7, 8, 0 },	{ "GB", "44", 9, 10, '0' },
	{ "GN", "224", 9, 9, 0 },	{ "IT", "39", 6, 11, 0 },
	{ "LB", "961", 7, 8, '0' },	{ "LY", "218", 9, 9, '0' },
	{ "MA", "212", 9, 9, '0' },	{ "ML", "223", 8, 8, 0 },
	{ "MR", "222", 8, 8, 0 },	{ "NE", "227", 8, 8, 0 },
	{ "NL", "31", 9, 9, '0' },	{ "PT", "351", 9, 9, 0 },
	{ "QA", "974", 7, 8, 0 },	{ "SA", "966", 8, 9, '0' },
	{ "SN", "221", 9, 9, 0 },	{ "TD", "235", 8, 8, 0 },
	{ "TG", "228", 8, 8, 0 },	{ "TN", "216", 8, 8, 0 },
	{ "TR", "90", 10, 10, '0' },	{ "US", "1", 10, 10, '1' },
	{ NULL, NULL, 0, 0, 0 },
};

const struct country *
phone_country(const char *code)
{
	for (const struct country *c = phone_countries; c->code; c++)
		if (strcmp(c->code, code) == 0)
			return c;
	return NULL;
}

/* The table entry whose calling code starts digits, longest first (a
 * calling code is a prefix code: at most one matches). */
static const struct country *
by_dial(const char *digits)
{
	const struct country *best = NULL;

	for (const struct country *c = phone_countries; c->code; c++) {
		size_t n = strlen(c->dial);
		if (strncmp(digits, c->dial, n) == 0 &&
		    (best == NULL || n > strlen(best->dial)))
			best = c;
	}
	return best;
}

int
phone_e164(const char *in, const struct country *c, char *out,
    const char **err)
{
	char d[PHONE_E164_BUF + 8];
	const char *nsn;
	size_t n = 0, len;
	int intl = 0;

	*err = "bad_phone";
	while (*in == ' ')
		in++;
	if (*in == '+') {
		intl = 1;
		in++;
	}
	for (; *in; in++) {
		if (*in >= '0' && *in <= '9') {
			if (n == sizeof(d) - 1)
				return -1;
			d[n++] = *in;
		} else if (*in != ' ' && *in != '.' && *in != '-' &&
		    *in != '(' && *in != ')')
			return -1;
	}
	d[n] = '\0';
	if (!intl && n > 2 && d[0] == '0' && d[1] == '0') {
		intl = 1;
		memmove(d, d + 2, n - 1);
		n -= 2;
	}
	if (intl) {
		const struct country *k = by_dial(d);
		if (n < 8 || n > 15 || d[0] == '0')
			return -1;
		if (k != NULL) {
			len = n - strlen(k->dial);
			if (len < (size_t)k->nsn_min || len > (size_t)k->nsn_max)
				return -1;
		}
		out[0] = '+';
		memcpy(out + 1, d, n + 1);
		return 0;
	}
	if (c == NULL)
		return -1;
	nsn = d;
	len = n;
	/* The trunk prefix is dropped when what follows fits the plan. */
	if (c->trunk && len > 1 && d[0] == c->trunk &&
	    len - 1 >= (size_t)c->nsn_min && len - 1 <= (size_t)c->nsn_max) {
		nsn++;
		len--;
	}
	if (len < (size_t)c->nsn_min || len > (size_t)c->nsn_max ||
	    (c->trunk == '0' && *nsn == '0'))
		return -1;
	if (1 + strlen(c->dial) + len > 15 + 1)
		return -1;
	out[0] = '+';
	memcpy(out + 1, c->dial, strlen(c->dial));
	memcpy(out + 1 + strlen(c->dial), nsn, len + 1);
	return 0;
}
