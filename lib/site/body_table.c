/* body_table.c — see body_table.h. */
#include <stdlib.h>
#include <string.h>

#include "body_table.h"
#include "fnv.h"
#include "log.h"

int
body_page_parse(struct body_page *p, struct buf *rendered, const char *marker)
{
	size_t mlen = strlen(marker), r = 0, w = 0, len = rendered->len;
	char *s = rendered->data;
	int n = 0;

	memset(p, 0, sizeof(*p));
	while (s != NULL && r < len) {
		char *m = memmem(s + r, len - r, marker, mlen);
		size_t run = m != NULL ? (size_t)(m - (s + r)) : len - r;

		memmove(s + w, s + r, run);
		w += run;
		r += run;
		if (m == NULL)
			break;
		if (r + mlen < len && s[r + mlen] >= '0' &&
		    s[r + mlen] < '0' + BODY_SLOTS) {
			if (n == BODY_HOLES_MAX) {
				buf_free(rendered);
				return -1;
			}
			p->hole[n].at = w;
			p->hole[n++].slot = s[r + mlen] - '0';
			r += mlen + 1;
			continue;
		}
		s[w++] = s[r++];	/* a marker without a slot: text */
	}
	if (s != NULL)
		s[w] = '\0';	/* the text stays a string */
	p->text = s != NULL ? s : strdup("");
	if (p->text == NULL)
		log_fatal("body_table: out of memory");
	p->len = w;
	p->nholes = n;
	memset(rendered, 0, sizeof(*rendered));
	return 0;
}

void
body_page_splice(const struct body_page *p, const char *const vals[BODY_SLOTS],
    struct buf *out)
{
	size_t at = 0;

	for (int i = 0; i < p->nholes; i++) {
		const char *v = vals[p->hole[i].slot];

		buf_put(out, p->text + at, p->hole[i].at - at);
		at = p->hole[i].at;
		if (v != NULL)
			buf_puts(out, v);
	}
	buf_put(out, p->text + at, p->len - at);
}

void
body_page_free(struct body_page *p)
{
	free(p->text);
	memset(p, 0, sizeof(*p));
}

/* The entry (key, keylen) belongs in. */
static struct body_entry *
place(struct body_table *t, const char *key, size_t keylen)
{
	return &t->e[fnv_mix(FNV_INIT, key, keylen) % t->n];
}

/* Empties e and takes what it held off t's count. */
static void
drop(struct body_table *t, struct body_entry *e)
{
	if (e->key == NULL)
		return;
	t->bytes -= e->keylen + e->page.len;
	free(e->key);
	body_page_free(&e->page);
	memset(e, 0, sizeof(*e));
}

const struct body_page *
body_find(struct body_table *t, const char *key, size_t keylen,
    long long version)
{
	const struct body_entry *e;

	if (t->n == 0)
		return NULL;
	e = place(t, key, keylen);
	if (e->key == NULL || e->version != version || e->keylen != keylen ||
	    memcmp(e->key, key, keylen) != 0)
		return NULL;
	return &e->page;
}

int
body_keep(struct body_table *t, const char *key, size_t keylen,
    long long version, struct body_page *p)
{
	size_t size = keylen + p->len;
	struct body_entry *e;

	if (t->n == 0 || size > t->max_bytes / 4) {
		body_page_free(p);
		return -1;
	}
	e = place(t, key, keylen);
	drop(t, e);
	while (t->bytes + size > t->max_bytes) {
		struct body_entry *v = &t->e[t->hand];

		t->hand = (t->hand + 1) % t->n;
		if (v != e)
			drop(t, v);
	}
	if ((e->key = malloc(keylen ? keylen : 1)) == NULL)
		log_fatal("body_table: out of memory");
	memcpy(e->key, key, keylen);
	e->keylen = keylen;
	e->version = version;
	e->page = *p;
	memset(p, 0, sizeof(*p));
	t->bytes += size;
	return 0;
}

void
body_table_clear(struct body_table *t)
{
	for (size_t i = 0; i < t->n; i++)
		drop(t, &t->e[i]);
	t->hand = 0;
}
