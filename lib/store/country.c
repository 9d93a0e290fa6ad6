/* country.c — see country.h. */
#include <stdlib.h>

#include "country.h"

/* The next letter of *s for sorting names: Latin-1 letters without their
 * accents, lower case ("É" sorts with "e"); advances *s. */
static int
sort_letter(const char **s)
{
	static const char fold[] = "aaaaaaaceeeeiiiidnoooooxouuuuyts"
	    "aaaaaaaceeeeiiiidnoooooxouuuuyty";
	const unsigned char *p = (const unsigned char *)*s;
	int ch = *p++;

	if (ch == 0xC3 && *p >= 0x80 && *p <= 0xBF)
		ch = fold[*p++ - 0x80];
	else if (ch >= 'A' && ch <= 'Z')
		ch += 'a' - 'A';
	*s = (const char *)p;
	return ch;
}

/* qsort order of country names, accents folded (sort_letter). */
static int
country_cmp(const void *a, const void *b)
{
	const char *x = ((const struct country_name *)a)->name;
	const char *y = ((const struct country_name *)b)->name;
	int cx, cy;

	do {
		cx = sort_letter(&x);
		cy = sort_letter(&y);
	} while (cx == cy && cx != 0);
	return cx - cy;
}

void
country_sort(struct country_name *list, size_t n)
{
	qsort(list, n, sizeof(list[0]), country_cmp);
}
