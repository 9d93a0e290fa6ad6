/* test_html_slots.c — the tables of kept fragments (html_slots.h). */
#include <stdlib.h>
#include <string.h>

#include "html_slots.h"
#include "lang.h"
#include "t.h"

/* Looks (id, lang EN, sig) up in table[n] and fills it on a miss; returns
 * the hit flag. */
static int
use(struct html_slot *table, size_t n, long long id, uint64_t sig)
{
	struct buf out = { 0 };
	int hit;
	struct html_slot *s = html_slot_find(table, n, id, LANG_EN, sig, &hit);

	if (!hit) {
		buf_printf(&out, "<li>%lld</li>", id);
		html_slot_fill(s, id, LANG_EN, sig, &out);
	}
	return hit;
}

TEST(html_slots_keep_two_colliding_ids)
{
	struct html_slot t[8] = { 0 };
	/* With 8 slots, ids 1, 5 and 9 (x LANG__MAX) fall on the same slot
	 * when LANG__MAX is 2; a page showing two of them used to render both
	 * at every request. */
	long long a = 1, b = 1 + 8 / LANG__MAX, c = 1 + 2 * 8 / LANG__MAX;

	CHECK_INT(use(t, 8, a, 1), 0);
	CHECK_INT(use(t, 8, b, 1), 0);
	for (int i = 0; i < 3; i++) {
		CHECK_INT(use(t, 8, a, 1), 1);
		CHECK_INT(use(t, 8, b, 1), 1);
	}
	/* A changed fragment replaces its own slot, not the other id. */
	CHECK_INT(use(t, 8, a, 2), 0);
	CHECK_INT(use(t, 8, a, 2), 1);
	CHECK_INT(use(t, 8, b, 1), 1);
	/* A third takes the less recently used slot (a's), b stays. */
	CHECK_INT(use(t, 8, c, 1), 0);
	CHECK_INT(use(t, 8, b, 1), 1);
	CHECK_INT(use(t, 8, c, 1), 1);
	CHECK_INT(use(t, 8, a, 2), 0);
	html_slots_clear(t, 8);
	CHECK(t[0].html == NULL && t[1].html == NULL);
}
