/* money.h — prices are integer minor units; this formats them for people.
 * The number of decimals comes from the store currency (TND 3, USD 2,
 * XAF 0); grouping and the decimal mark follow the language:
 *   en: 1,234.500 TND     fr: 1 234,500 TND  (U+202F narrow no-break space)
 * A currency_symbol of "$", "€" or "£" is written before the number in
 * English ("$12.50", "-$12.50") and after it in French ("12,50 $"). */
#ifndef SOUK_MONEY_H
#define SOUK_MONEY_H
#include <stddef.h>

#include "arena.h"
#include "lang.h"
#include "valid.h"

/* Writes the amount into out (at least 48 bytes); returns out. */
char	*money_format(char *out, size_t size, long long minor, int decimals,
	    const char *symbol, enum lang);
/* The plain number with '.' and no grouping ("12.500"): form values, CSV. */
char	*money_plain(char *out, size_t size, long long minor, int decimals);
/* The store's currency from the configuration. */
char	*money_store(char *out, size_t size, long long minor, enum lang);
/* money_store() as an arena string: every view's and soukctl's amounts. */
const char *money_arena(struct arena *, long long minor, enum lang);
/* A V_FUNC validator (valid.h) for an amount in the store currency:
 * "12", "12.5", "12,50" -> v->i minor units in [k->min, k->max] (max 0:
 * no upper bound).  0, or -1 with *err set. */
int	money_field(const struct valid_key *k, const char *s, struct val *v,
	    const char **err);

#define MONEY_BUF 64

#endif
