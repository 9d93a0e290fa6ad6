/* db_text.h — SQL functions over text that the schema's triggers and the
 * search queries use, registered on every connection by db_open():
 *
 *   souk_terms(text, ...)   a JSON array of the distinct terms of its
 *                           arguments, cut by the same tokenizer as the
 *                           full-text index (unicode61, diacritics
 *                           removed): exactly the terms FTS5 indexes.
 *   souk_typo_keys(term)    a JSON array of [key, deletions] pairs: the
 *                           typo keys of term (db_typo_keys), [] for a
 *                           term typo correction ignores.
 *   souk_rank(fts)          FTS5 auxiliary function: the relevance of a
 *                           search row, one number to sort by (lower
 *                           first): rows whose name holds every searched
 *                           phrase get -(BM25 of the name hits), all
 *                           others 0.
 *
 * The triggers keeping the typo vocabulary (schema.sql: search_vocab,
 * search_typo) call the first two, so a connection that writes products
 * needs them: soukctl and the programs have them; the plain sqlite3 shell
 * can read the store but not change products.
 *
 * Typo keys (symmetric deletion): a term's keys are the strings left after
 * deleting 0, 1 or 2 characters from its first DB_TYPO_PREFIX characters.
 * Two words at edit distance k <= 2 (insertions, deletions, substitutions,
 * swaps of neighbours) always share a key made with at most k deletions on
 * each side, so looking up a word's keys finds every close term without
 * reading the vocabulary; candidates are then checked with edit_distance. */
#ifndef SOUK_DB_TEXT_H
#define SOUK_DB_TEXT_H
#include <stddef.h>

#define DB_TYPO_PREFIX	7	/* characters of a term its keys come from */
#define DB_TYPO_MAXDEL	2	/* deletions in a key */
#define DB_TYPO_MINLEN	3	/* bytes: shorter terms get no keys */
#define DB_TYPO_MAXLEN	64	/* bytes: longer terms get no keys */
#define DB_TYPO_KEYS	(1 + 7 + 21)	/* keys of one term at most */

struct db_typo_key {
	char	key[DB_TYPO_PREFIX * 4 + 1];	/* UTF-8, NUL-terminated */
	int	dels;
};

/* The distinct typo keys of term with at most maxdel deletions, written to
 * out (room for DB_TYPO_KEYS).  Returns how many; 0 when term gets none
 * (shorter than DB_TYPO_MINLEN or longer than DB_TYPO_MAXLEN bytes, only
 * digits, or not valid UTF-8). */
size_t	db_typo_keys(const char *term, int maxdel, struct db_typo_key *out);

struct sqlite3;
/* Registers the functions above on h.  Returns 0, or -1 (logged). */
int	db_text_register(struct sqlite3 *h);

#endif
