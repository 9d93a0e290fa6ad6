/* search_typo.c — search_correct(): see search.h.  Apart from search.c
 * (text only) because it reads the index vocabulary through db_catalog,
 * which itself uses search.c's query types. */
#include <string.h>

#include "db_catalog.h"
#include "search.h"

int
search_correct(struct db *db, struct arena *a, struct search_words *sw)
{
	int changed = 0;

	for (size_t i = 0; i < sw->n; i++) {
		const char *w = sw->w[i], *best = NULL;
		size_t len = strlen(w), max, bestd;
		long long bestdocs = -1;
		struct vocab_term *terms;
		size_t nterms;
		int has;

		if (len < 4)
			continue;
		if ((has = db_vocab_has_prefix(db, w)) < 0)
			return -1;
		if (has)
			continue;
		max = len >= 7 ? 2 : 1;
		bestd = max + 1;
		if (db_vocab_terms(db, a, len - max, len + max, &terms, &nterms) < 0)
			return -1;
		for (size_t t = 0; t < nterms; t++) {
			size_t d = edit_distance(w, terms[t].term, max);
			if (d < bestd || (d == bestd && d <= max &&
			    terms[t].docs > bestdocs)) {
				bestd = d;
				best = terms[t].term;
				bestdocs = terms[t].docs;
			}
		}
		if (best != NULL && bestd <= max) {
			sw->w[i] = best;
			changed++;
		}
	}
	return changed;
}
