/* post_cache.c — see post_cache.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fnv.h"
#include "html_slots.h"
#include "log.h"
#include "post_cache.h"
#include "review_hdf.h"
#include "site.h"

#define SLOTS 1024

static struct html_slot slots[SLOTS];

/* FNV-1a over what post() prints for a visitor without forms (the dates
 * as timestamps: a change of time zone clears the table). */
static uint64_t
signature(const struct post *q)
{
	uint64_t h = FNV_INIT;
	long long nums[8] = { q->id, q->kind, q->status, q->rating,
	    q->verified, q->created_at, q->updated_at, q->answered_at };

	h = fnv_mix(h, nums, sizeof(nums));
	h = fnv_str(h, q->body);
	h = fnv_str(h, q->author);
	return fnv_str(h, q->answer);
}

/* The post's HTML from the table, rendered on a miss; NULL on error. */
static const struct html_slot *
post_html(struct ctx *c, const struct post *q)
{
	uint64_t sig = signature(q);
	struct buf out = { 0 };
	int hit, rc;
	struct html_slot *s = html_slot_find(slots, SLOTS, q->id, (int)c->lang,
	    sig, &hit);

	if (hit)
		return s;
	review_put_posts(c, "Post", q, 1);
	rc = tmpl_render(c->lang, "partials/post_one", TMPL_BARE, &out);
	hdf_drop(c->hdf, "Post");
	if (rc < 0) {
		buf_free(&out);
		return NULL;
	}
	html_slot_fill(s, q->id, (int)c->lang, sig, &out);
	return s;
}

int
post_list_html(struct ctx *c, const char *name, const struct post *p,
    size_t n)
{
	struct buf list = { 0 };
	char key[64];

	if (n == 0 || c->site->user != NULL)
		return 0;
	for (size_t i = 0; i < n; i++) {
		const struct html_slot *s = post_html(c, &p[i]);
		if (s == NULL) {
			buf_free(&list);
			return 0;
		}
		buf_put(&list, s->html, s->len);
	}
	snprintf(key, sizeof(key), "Page.%s", name);
	hdf_put(c->hdf, key, list.data ? list.data : "");
	buf_free(&list);
	return 1;
}

void
post_cache_clear(void)
{
	html_slots_clear(slots, SLOTS);
}
