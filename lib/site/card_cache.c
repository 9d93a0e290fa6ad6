/* card_cache.c — see card_cache.h. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "body_cache.h"
#include "card_cache.h"
#include "fnv.h"
#include "html_slots.h"
#include "db_catalog_text.h"
#include "catalog_hdf.h"
#include "db_review.h"
#include "review_hdf.h"
#include "log.h"

#define SLOTS 2048

static struct html_slot slots[SLOTS];

/* FNV-1a over the card's displayed fields. */
static uint64_t
signature(const struct product_card *p, const struct rating *r)
{
	uint64_t h = FNV_INIT;
	long long nums[6] = { p->id, p->price_minor, p->compare_at_minor,
	    p->stock > 5 ? 6 : p->stock,	/* only 0..5 change the text */
	    r->n, r->total };

	h = fnv_mix(h, nums, sizeof(nums));
	h = fnv_str(h, p->slug);
	h = fnv_str(h, p->name);
	h = fnv_str(h, p->kind);
	h = fnv_str(h, p->media_type);
	h = fnv_str(h, p->image);
	h = fnv_str(h, p->name_hl);
	return fnv_str(h, p->snippet);
}

/* The card's HTML from the cache, rendering it on a miss; NULL on error.
 * The product's ratings r (its row of product_ratings) are part of what
 * the card shows. */
static const struct html_slot *
card(struct ctx *c, const struct product_card *p, const struct rating *rp)
{
	struct rating r = *rp;
	uint64_t sig = signature(p, &r);
	struct buf out = { 0 };
	int hit, rc;
	struct html_slot *s = html_slot_find(slots, SLOTS, p->id, (int)c->lang,
	    sig, &hit);

	if (hit)
		return s;
	put_card(c, "Card", p);
	review_put_rating(c, "Card.rating", &r);
	rc = tmpl_render(c->lang, "partials/card_one", TMPL_BARE, &out);
	hdf_drop(c->hdf, "Card");
	if (rc < 0) {
		buf_free(&out);
		return NULL;
	}
	html_slot_fill(s, p->id, (int)c->lang, sig, &out);
	return s;
}

void
card_grid(struct ctx *c, const char *name, const struct listing *l)
{
	struct buf grid = { 0 };
	char key[64];

	struct rating *r;
	long long *ids;

	if (l->n == 0)
		return;		/* templates test ?Page.<name> */
	/* Every card's ratings in one statement (one per card was a seventh
	 * of a category page's instructions, callgrind). */
	ids = arena_alloc(&c->arena, l->n * sizeof(*ids));
	r = arena_alloc(&c->arena, l->n * sizeof(*r));
	for (size_t i = 0; i < l->n; i++)
		ids[i] = l->items[i].id;
	if (db_ratings_get(c->db, &c->arena, ids, l->n, r) < 0) {
		memset(r, 0, l->n * sizeof(*r));	/* logged: cards without */
		body_cache_stale();	/* and the page not kept so */
	}
	for (size_t i = 0; i < l->n; i++) {
		const struct html_slot *s = card(c, &l->items[i], &r[i]);
		if (s != NULL)
			buf_put(&grid, s->html, s->len);
	}
	snprintf(key, sizeof(key), "Page.%s", name);
	hdf_put(c->hdf, key, grid.data ? grid.data : "");
	buf_free(&grid);
}

void
card_cache_clear(void)
{
	html_slots_clear(slots, SLOTS);
}

int
card_suggest(struct ctx *c, const char *name, long long n)
{
	struct listing l;

	if (db_products_featured(c->db, &c->arena, n, &l) < 0 ||
	    db_text_cards(c->db, &c->arena, c->lang, l.items, l.n) < 0)
		return -1;
	card_grid(c, name, &l);
	return 0;
}
