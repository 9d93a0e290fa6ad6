/* html_slots.h — fixed tables of rendered HTML fragments, per process.
 *
 * The card and post caches (card_cache.h, post_cache.h) keep each
 * fragment in a slot of a table under a signature of every field it
 * prints: a changed field gives a new signature, so a kept fragment is
 * never stale.  (id, language) may sit in either of two slots, and a new
 * fragment takes the one used less recently: two cards of one page whose
 * ids fall on the same slot (the benchmark search's did) no longer push
 * each other out at every request. */
#ifndef SOUK_HTML_SLOTS_H
#define SOUK_HTML_SLOTS_H
#include <stddef.h>
#include <stdint.h>

#include "buf.h"

struct html_slot {
	long long	 id;
	int		 lang;
	uint64_t	 sig;
	char		*html;		/* owned by the slot; NULL: empty */
	size_t		 len;
	unsigned long long used;	/* when last found or filled */
};

/* The slot of (id, lang) in table[n] (n even): *hit is 1 when it holds
 * that fragment with signature sig; else 0, and the slot returned is the
 * one to fill (the fragment's own slot, or an empty or the less recently
 * used of its two). */
struct html_slot *html_slot_find(struct html_slot *table, size_t n,
		    long long id, int lang, uint64_t sig, int *hit);
/* Makes out's bytes the fragment of (id, lang, sig) in s (the slot takes
 * out's buffer; *out is left empty). */
void		 html_slot_fill(struct html_slot *s, long long id, int lang,
		    uint64_t sig, struct buf *out);
/* Empties the n slots of table. */
void		 html_slots_clear(struct html_slot *table, size_t n);

#endif
