/* country.h — the countries a shopper may choose (lib/web/phone.c lists
 * them with their calling codes), in the order people look for them. */
#ifndef SOUK_COUNTRY_H
#define SOUK_COUNTRY_H
#include <stddef.h>

struct country_name {
	const char	*code;		/* ISO 3166 alpha-2 */
	const char	*name;		/* in the shopper's language */
};

/* Sorts list[0..n) by name, letters compared without their accents and
 * case ("Émirats" sorts with "emirats"). */
void	country_sort(struct country_name *list, size_t n);

#endif
