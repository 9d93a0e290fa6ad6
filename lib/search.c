/* search.c — see search.h. */
#include <string.h>

#include "buf.h"
#include "db_catalog.h"
#include "search.h"

static int
word_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c >= 0x80;
}

void
search_split(struct arena *a, const char *s, struct search_words *out)
{
	out->n = 0;
	while (*s && out->n < SEARCH_MAX_WORDS) {
		const char *start;
		char *w;
		size_t len;

		while (*s && !word_byte((unsigned char)*s))
			s++;
		start = s;
		while (*s && word_byte((unsigned char)*s))
			s++;
		if ((len = (size_t)(s - start)) == 0)
			break;
		if (len > 64)
			len = 64;	/* no word is longer; keeps UTF-8 whole below */
		while (len > 0 && ((unsigned char)start[len] & 0xC0) == 0x80 &&
		    (size_t)(s - start) > len)
			len--;
		if (len == 0)
			continue;	/* only stray continuation bytes */
		w = arena_strndup(a, start, len);
		for (char *p = w; *p; p++)
			if (*p >= 'A' && *p <= 'Z')
				*p = (char)(*p - 'A' + 'a');
		out->w[out->n++] = w;
	}
}

char *
search_fts(struct arena *a, const struct search_words *sw)
{
	struct buf b = { 0 };
	char *out;

	if (sw->n == 0)
		return NULL;
	for (size_t i = 0; i < sw->n; i++) {
		/* Words hold no '"' (search_split drops it), so quoting is safe. */
		buf_printf(&b, "%s\"%s\"*", i ? " " : "", sw->w[i]);
	}
	out = arena_strdup(a, b.data);
	buf_free(&b);
	return out;
}

size_t
edit_distance(const char *a, const char *b, size_t max)
{
	/* Optimal string alignment: Levenshtein plus adjacent transpositions
	 * ("nigths" is one typo from "nights"), with three rolling rows. */
	size_t la = strlen(a), lb = strlen(b), r0[72], r1[72], r2[72], i, j;
	size_t *pp = r0, *prev = r1, *cur = r2;

	if (la > 64 || lb > 64)
		return max + 1;
	if ((la > lb ? la - lb : lb - la) > max)
		return max + 1;
	for (j = 0; j <= lb; j++)
		prev[j] = j;
	for (i = 1; i <= la; i++) {
		size_t best, *t;

		cur[0] = best = i;
		for (j = 1; j <= lb; j++) {
			size_t cost = a[i - 1] != b[j - 1];
			size_t v = prev[j - 1] + cost;
			if (prev[j] + 1 < v)
				v = prev[j] + 1;
			if (cur[j - 1] + 1 < v)
				v = cur[j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && pp[j - 2] + 1 < v)
				v = pp[j - 2] + 1;
			cur[j] = v;
			if (v < best)
				best = v;
		}
		if (best > max)
			return max + 1;
		t = pp;
		pp = prev;
		prev = cur;
		cur = t;
	}
	return prev[lb] > max ? max + 1 : prev[lb];
}

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
