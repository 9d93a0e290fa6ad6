/* phone.h — telephone numbers in E.164 ("+21620123456": a plus, the
 * country calling code and the national number, at most 15 digits),
 * entered the way people write them, with a country choice.
 *
 * The country table is what the checkout's country list offers (names
 * come from Lang.country.<code>); it knows each country's calling code,
 * the length of its national numbers and its trunk prefix (the 0 the French
 * dial before 6 12 34 56 78 at home, dropped from abroad). */
#ifndef SOUK_PHONE_H
#define SOUK_PHONE_H
#include <stddef.h>

struct country {
	const char	*code;		/* ISO 3166-1 alpha-2 */
	const char	*dial;		/* calling code, digits only */
	int		 nsn_min, nsn_max;	/* national number digits */
	char		 trunk;		/* trunk prefix digit, or 0 */
};

/* The countries offered, ending with a NULL code. */
extern const struct country phone_countries[];

/* The country with this code, or NULL. */
const struct country *phone_country(const char *code);
/* Writes the E.164 form of `in` into out (at least PHONE_E164_BUF bytes).
 * Spaces, dots, dashes and parentheses are ignored.  A number starting
 * with + or 00 is international: its calling code may be any; its length
 * is checked against the table when the code is in it, else 8 to 15
 * digits.  Otherwise it is a national number of country `c`, with the
 * trunk prefix dropped.  Returns 0, or -1 with *err = "bad_phone". */
int	phone_e164(const char *in, const struct country *c, char *out,
	    const char **err);

#define PHONE_E164_BUF 17

#endif
