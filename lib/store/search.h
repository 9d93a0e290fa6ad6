/* search.h — turning what a shopper types into a safe FTS5 query, and the
 * typo tolerance behind it.
 *
 * search_split() cuts the text into words (letters and digits; anything else
 * separates) and lower-cases ASCII; search_fts() writes each as a quoted
 * term, the last one as a prefix (it is the word being typed):
 * `"netflix" "abo"*` (all words must match).  Quoting means no FTS5 syntax
 * (NEAR, column filters, bare quotes) from the shopper ever reaches SQLite.
 *
 * search_split() keeps at most SEARCH_MAX_WORDS (8) words of a query and
 * drops the rest: with the 200-character limit of the search page and the
 * 64-byte cut of each word this bounds the work of any query.
 *
 * search_correct() handles typos: for a word no indexed term starts with,
 * it picks the indexed term at the smallest edit distance (1 for words of
 * 4-6 bytes, 2 from 7 bytes; shorter words and numbers are not corrected),
 * preferring terms found in more products.  The candidates come from the
 * typo keys of the word (db_text.h: a lookup in search_typo, never a scan
 * of the vocabulary), at most SEARCH_TYPO_CANDIDATES of them per word. */
#ifndef SOUK_SEARCH_H
#define SOUK_SEARCH_H
#include <stddef.h>

#include "arena.h"

struct db;

#define SEARCH_MAX_WORDS 8
#define SEARCH_TYPO_CANDIDATES 200	/* terms checked per misspelt word */
#define SEARCH_VOCAB_SYNC 200		/* queued product changes per search */

struct search_words {
	const char	*w[SEARCH_MAX_WORDS];
	size_t		 n;
};

/* Splits text into at most SEARCH_MAX_WORDS words (arena strings). */
void	 search_split(struct arena *, const char *text, struct search_words *);
/* The FTS5 expressions of one search.  db_search() runs `all` only (its
 * ranking finds the name matches in the same pass); `names` and `rest`
 * are the two relevance tiers as expressions of their own. */
struct search_fts {
	const char	*all;		/* every word, any column */
	const char	*names;		/* every word in the name */
	const char	*rest;		/* all, but not names */
};
/* Fills the FTS5 expressions for the words (all words anywhere; all in the
 * name; the first but not the second).  Returns 0, or -1 when there are no
 * words. */
int	 search_fts(struct arena *, const struct search_words *,
	    struct search_fts *);
/* text with \1 before and \2 after each word that starts with one of the
 * searched words (ASCII case and Latin accents ignored: "Série" matches
 * "serie"), in the arena. */
char	*search_mark(struct arena *, const char *text, const struct search_words *);
/* An excerpt of text around its first match (about `words` words, "…" where
 * cut), marked as search_mark() does; "" when nothing in text matches. */
char	*search_snippet(struct arena *, const char *text,
	    const struct search_words *, size_t words);
/* Replaces misspelled words by their closest indexed term.  Returns the
 * number of words changed (0: nothing to correct), or -1 on error. */
int	 search_correct(struct db *, struct arena *, struct search_words *);
/* Edit distance of a and b in bytes (insertions, deletions, substitutions
 * and swaps of adjacent bytes), or max + 1 once it exceeds max. */
size_t	 edit_distance(const char *a, const char *b, size_t max);

#endif
