/* html_slots.c — see html_slots.h. */
#include <stdlib.h>
#include <string.h>

#include "html_slots.h"
#include "lang.h"
#include "log.h"

struct html_slot *
html_slot_find(struct html_slot *table, size_t n, long long id, int lang,
    uint64_t sig, int *hit)
{
	struct html_slot *s = &table[(unsigned long long)(id * LANG__MAX +
	    lang) % n];

	*hit = s->html != NULL && s->id == id && s->lang == lang &&
	    s->sig == sig;
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
