/* body_table.h — a fixed-size table of rendered pages with holes.
 *
 * The page cache (body_cache.h) keeps each rendered page once, with the
 * values only one visitor may see (their CSRF token, their cart's size)
 * cut out: a page is its text and the places ("holes") where the visitor's
 * value of one of BODY_SLOTS slots goes.  A rendering made with a marker
 * (a string no page holds, followed by the slot's digit) where each value
 * would be is turned into such a page by body_page_parse().
 *
 * The table: n entries, each chosen by a hash of its key and matched by
 * comparing the whole key and the catalog version, so no two requests
 * that differ in any byte of their key share a page.  What it holds (keys
 * and pages) stays within max_bytes: a page too big for a quarter of it is
 * not kept, and others are dropped in turn until the new one fits. */
#ifndef SOUK_BODY_TABLE_H
#define SOUK_BODY_TABLE_H
#include <stddef.h>

#include "buf.h"

#define BODY_SLOTS	4	/* kinds of per-visitor values */
#define BODY_HOLES_MAX	16	/* places for them in one page */

struct body_page {
	char		*text;		/* the page without the values; owned */
	size_t		 len;
	struct {
		size_t	 at;		/* offset in text */
		int	 slot;		/* 0 .. BODY_SLOTS - 1 */
	}		 hole[BODY_HOLES_MAX];
	int		 nholes;
};

struct body_entry {
	char		*key;		/* owned; NULL: empty */
	size_t		 keylen;
	long long	 version;
	struct body_page page;
};

struct body_table {
	struct body_entry *e;		/* n entries (the caller's array) */
	size_t		 n;
	size_t		 bytes;		/* keys and texts held */
	size_t		 max_bytes;
	size_t		 hand;		/* the next entry dropped for room */
};

/* Makes p the page of `rendered` (which it takes: *rendered is left
 * empty): each marker followed by a digit d < BODY_SLOTS is cut out and
 * becomes a hole of slot d.  0, or -1 when the page has more than
 * BODY_HOLES_MAX of them (p is then empty, rendered freed). */
int		 body_page_parse(struct body_page *p, struct buf *rendered,
		    const char *marker);
/* Appends p to out with vals[slot] (NULL: nothing) at each hole. */
void		 body_page_splice(const struct body_page *p,
		    const char *const vals[BODY_SLOTS], struct buf *out);
/* Frees p's text; p is left empty. */
void		 body_page_free(struct body_page *p);

/* The page kept under exactly (key, keylen) and version, or NULL. */
const struct body_page *body_find(struct body_table *t, const char *key,
		    size_t keylen, long long version);
/* Keeps page p under a copy of (key, keylen) and version, in the place
 * of what that entry held.  Takes p (left empty) either way: 0 kept,
 * -1 too big for the table (p freed). */
int		 body_keep(struct body_table *t, const char *key,
		    size_t keylen, long long version, struct body_page *p);
/* Empties every entry of t. */
void		 body_table_clear(struct body_table *t);

#endif
