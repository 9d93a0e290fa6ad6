/* search_typo.c — search_correct(): see search.h.  Apart from search.c
 * (text only) because it reads the index vocabulary through db_catalog,
 * which itself uses search.c's query types. */
#include <string.h>

#include "db_catalog.h"
#include "db_text.h"
#include "search.h"

int
search_correct(struct db *db, struct arena *a, struct search_words *sw)
{
	int changed = 0;

	/* Catalog changes since the last search reach the vocabulary first,
	 * a bounded batch at a time; on failure the vocabulary is only a
	 * little behind (logged). */
	db_vocab_sync(db, SEARCH_VOCAB_SYNC);
	for (size_t i = 0; i < sw->n; i++) {
		const char *w = sw->w[i], *best = NULL, *keys[DB_TYPO_KEYS];
		struct db_typo_key k[DB_TYPO_KEYS];
		size_t len = strlen(w), max, bestd, nkeys, nterms;
		long long bestdocs = -1;
		struct vocab_term *terms;
		int has;

		if (len < 4)
			continue;
		if ((has = db_vocab_has_prefix(db, w)) < 0)
			return -1;
		if (has)
			continue;
		max = len >= 7 ? 2 : 1;
		bestd = max + 1;
		if ((nkeys = db_typo_keys(w, (int)max, k)) == 0)
			continue;
		for (size_t j = 0; j < nkeys; j++)
			keys[j] = k[j].key;
		if (db_vocab_close(db, a, keys, nkeys, (int)max,
		    SEARCH_TYPO_CANDIDATES, &terms, &nterms) < 0)
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
