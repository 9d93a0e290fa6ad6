/* part_cache.c — see part_cache.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fnv.h"
#include "hdf_key.h"
#include "log.h"
#include "part_cache.h"

#define SLOTS 64

struct slot {
	char	*key, *html;	/* NULL: empty */
	size_t	 keylen;
};

static struct slot slots[SLOTS];

/* The exact inputs of a rendering of tmpl into key. */
static void
key_make(struct ctx *c, struct buf *key, const char *tmpl,
    const char *const *inputs)
{
	hdf_key_str(key, tmpl);
	buf_put_int(key, c->lang);
	buf_putc(key, ',');
	buf_put_int(key, tmpl_generation());
	buf_putc(key, ',');
	for (size_t i = 0; inputs[i] != NULL; i++)
		hdf_key_at(key, c->hdf, inputs[i]);
}

int
part_put(struct ctx *c, const char *name, const char *tmpl,
    const char *const *inputs)
{
	struct buf key = { 0 }, out = { 0 };
	struct slot *s;
	char at[64];

	key_make(c, &key, tmpl, inputs);
	s = &slots[fnv_mix(FNV_INIT, key.data, key.len) % SLOTS];
	snprintf(at, sizeof(at), "Page.%s", name);
	if (s->key != NULL && s->keylen == key.len &&
	    memcmp(s->key, key.data, key.len) == 0) {
		buf_free(&key);
		hdf_put(c->hdf, at, s->html);
		return 0;
	}
	if (tmpl_render(c->lang, tmpl, TMPL_BARE, &out) < 0) {
		buf_free(&key);
		buf_free(&out);
		return -1;
	}
	free(s->key);
	free(s->html);
	s->key = key.data;	/* the slot owns both buffers now */
	s->keylen = key.len;
	s->html = out.data ? out.data : strdup("");
	if (s->html == NULL)
		log_fatal("part_cache: out of memory");
	hdf_put(c->hdf, at, s->html);
	return 0;
}

void
part_cache_clear(void)
{
	for (size_t i = 0; i < SLOTS; i++) {
		free(slots[i].key);
		free(slots[i].html);
		memset(&slots[i], 0, sizeof(slots[i]));
	}
}
