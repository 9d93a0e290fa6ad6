/* valid.h — input validation by key table.
 *
 * Each program declares its inputs once, kcgi-style:
 *
 *	enum key { KEY_PAGE, KEY_SORT, KEY__MAX };
 *	static const struct valid_key keys[KEY__MAX] = {
 *		[KEY_PAGE] = { "page", V_INT, .min = 1, .max = 1000 },
 *		[KEY_SORT] = { "sort", V_ENUM, .choices = sorts },
 *	};
 *
 * and the framework fills `struct val vals[KEY__MAX]` from the query string
 * and the form before any handler runs.  Handlers read vals[KEY_PAGE].i or
 * .s, never the raw request.  A value that fails carries an error code
 * (`err`, a key under Lang.err in the lang files) and the limits to show. */
#ifndef SOUK_VALID_H
#define SOUK_VALID_H
#include "arena.h"
#include "http_req.h"

enum valid_type {
	V_INT,		/* decimal integer in [min, max] */
	V_SLUG,		/* [a-z0-9] words joined by '-', at most max chars */
	V_EMAIL,	/* one deliverable ASCII address (valid_email_syntax) */
	V_LINE,		/* one line of text, min..max code points, no control
			 * (utf8_control_len) anywhere: header-safe */
	V_TEXT,		/* multi-line text, min..max code points; TAB, CR,
			 * LF, U+2028, U+2029 and no other control */
	V_ENUM,		/* one of choices[]; .i is the index */
	V_BOOL,		/* "1", "on", "yes", "true" -> 1; "0", "off", "" -> 0 */
	V_TOKEN,	/* base64url token, min..max chars */
	V_FUNC,		/* trimmed, then fn() decides (rules of higher layers,
			 * e.g. money_field for amounts in the store currency) */
};

struct val;

struct valid_key {
	const char		*name;
	enum valid_type		 type;
	long long		 min, max;	/* value range or length range */
	const char *const	*choices;	/* V_ENUM, NULL-terminated */
	int			 required;
	/* V_FUNC: 0 with v->i / v->s set, or -1 with *err a Lang.err key.
	 * s is trimmed and not empty. */
	int			(*fn)(const struct valid_key *, const char *s,
				    struct val *v, const char **err);
};

enum val_state { VAL_ABSENT = 0, VAL_OK, VAL_INVALID };

struct val {
	enum val_state	 state;
	long long	 i;	/* V_INT, V_ENUM index, V_BOOL, V_FUNC's */
	const char	*s;	/* the value, trimmed (text types), arena */
	const char	*raw;	/* as received */
	const char	*err;	/* Lang.err.<err> when VAL_INVALID */
};

/* Validates one raw value (NULL = absent) against k into *v. */
void	valid_one(struct arena *, const struct valid_key *k, const char *raw,
	    struct val *v);
/* Fills vals[0..n) from the first occurrence of each key in src1, then src2
 * (either may be NULL).  Returns the number of invalid values. */
int	valid_run(struct arena *, const struct valid_key *keys, size_t n,
	    const struct kvlist *src1, const struct kvlist *src2,
	    struct val *vals);

/* Single-value parsers, also used by soukctl's CSV import.
 * Each returns 0 on success or -1, with *err set to an error code. */
int	valid_int(const char *s, long long min, long long max, long long *out,
	    const char **err);
int	valid_money(const char *s, int decimals, long long min, long long max,
	    long long *out, const char **err);
int	valid_slug(const char *s, size_t max, const char **err);
int	valid_email(const char *s, const char **err);
/* 1 when s is one address the mail sender can deliver: an RFC 5322 atext
 * local part (dots between atoms) of at most 64 octets, '@', a domain of
 * letter-digit-hyphen labels of at most 63, 254 octets in all, plain ASCII
 * (no SMTPUTF8 or IDNA: an international address must be given in its
 * ASCII form).  need_dot: the domain must have two labels or more (shopper
 * input; configured addresses may be user@localhost). */
int	valid_email_syntax(const char *s, int need_dot);
/* 1 when c is RFC 5322 atext (may stand unquoted in an address or name). */
int	valid_atext(int c);

#endif
