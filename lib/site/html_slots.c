/* html_slots.c — see html_slots.h. */
#include <stdlib.h>
#include <string.h>

#include "html_slots.h"
#include "lang.h"
#include "log.h"

/* Counts finds and fills: the slots' `used` stamps (one process, one
 * thread). */
static unsigned long long clock_now;

/* 1 when slot s holds a fragment of (id, lang), of any signature. */
static int
holds(const struct html_slot *s, long long id, int lang)
{
	return s->html != NULL && s->id == id && s->lang == lang;
}

struct html_slot *
html_slot_find(struct html_slot *table, size_t n, long long id, int lang,
    uint64_t sig, int *hit)
{
	size_t i = (size_t)((unsigned long long)(id * LANG__MAX + lang) % n);
	struct html_slot *a = &table[i], *b = &table[(i + n / 2) % n], *s;

	if (holds(a, id, lang))
		s = a;
	else if (holds(b, id, lang))
		s = b;
	else if (a->html == NULL || b->html == NULL)
		s = a->html == NULL ? a : b;
	else
		s = b->used < a->used ? b : a;	/* the less recently used */
	*hit = holds(s, id, lang) && s->sig == sig;
	if (*hit)
		s->used = ++clock_now;
	return s;
}

void
html_slot_fill(struct html_slot *s, long long id, int lang, uint64_t sig,
    struct buf *out)
{
	free(s->html);
	s->id = id;
	s->lang = lang;
	s->sig = sig;
	s->html = out->data ? out->data : strdup("");
	s->len = out->len;
	s->used = ++clock_now;
	if (s->html == NULL)
		log_fatal("html_slots: out of memory");
	memset(out, 0, sizeof(*out));
}

void
html_slots_clear(struct html_slot *table, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(table[i].html);
		memset(&table[i], 0, sizeof(table[i]));
	}
}
