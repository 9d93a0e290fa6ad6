/* search.h — turning what a shopper types into a safe FTS5 query, and the
 * typo tolerance behind it.
 *
 * search_fts() splits the text into words (letters and digits; anything else
 * separates), lower-cases ASCII, and writes each as a quoted prefix term:
 * `"netfl"* "abo"*` (all words must match).  Quoting means no FTS5 syntax
 * (NEAR, column filters, bare quotes) from the shopper ever reaches SQLite.
 *
 * search_correct() handles typos: for a word no indexed term starts with,
 * it picks the indexed term at the smallest edit distance (1 for words of
 * 4-6 bytes, 2 from 7 bytes; shorter words are not corrected), preferring
 * terms found in more products. */
#ifndef SOUK_SEARCH_H
#define SOUK_SEARCH_H
#include <stddef.h>

#include "arena.h"
#include "db.h"

#define SEARCH_MAX_WORDS 8

struct search_words {
	const char	*w[SEARCH_MAX_WORDS];
	size_t		 n;
};

/* Splits text into at most SEARCH_MAX_WORDS words (arena strings). */
void	 search_split(struct arena *, const char *text, struct search_words *);
/* The FTS5 expression for the words, or NULL when there are none. */
char	*search_fts(struct arena *, const struct search_words *);
/* Replaces misspelled words by their closest indexed term.  Returns the
 * number of words changed (0: nothing to correct), or -1 on error. */
int	 search_correct(struct db *, struct arena *, struct search_words *);
/* Edit distance of a and b in bytes (insertions, deletions, substitutions
 * and swaps of adjacent bytes), or max + 1 once it exceeds max. */
size_t	 edit_distance(const char *a, const char *b, size_t max);

#endif
