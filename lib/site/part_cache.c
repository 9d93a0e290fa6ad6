/* part_cache.c — see part_cache.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fnv.h"
#include "log.h"
#include "part_cache.h"

#define SLOTS 64

struct slot {
	char	*key, *html;	/* NULL: empty */
	size_t	 keylen;
};

static struct slot slots[SLOTS];

/* Appends s to key as its length, ':' and its bytes (unambiguous
 * whatever s holds); "-" for NULL. */
static void
key_str(struct buf *key, const char *s)
{
	if (s == NULL) {
		buf_putc(key, '-');
		return;
	}
	buf_put_int(key, (long long)strlen(s));
	buf_putc(key, ':');
	buf_puts(key, s);
}

/* Appends node's value and its subtree to key: each child's name and
 * subtree between '(' and ')'. */
static void
key_tree(struct buf *key, HDF *node)
{
	key_str(key, hdf_obj_value(node));
	buf_putc(key, '(');
	for (HDF *k = hdf_obj_child(node); k != NULL; k = hdf_obj_next(k)) {
		key_str(key, hdf_obj_name(k));
		key_tree(key, k);
	}
	buf_putc(key, ')');
}

/* The exact inputs of a rendering of tmpl into key. */
static void
key_make(struct ctx *c, struct buf *key, const char *tmpl,
    const char *const *inputs)
{
	key_str(key, tmpl);
	buf_put_int(key, c->lang);
	buf_putc(key, ',');
	buf_put_int(key, tmpl_generation());
	buf_putc(key, ',');
	for (size_t i = 0; inputs[i] != NULL; i++) {
		HDF *n = hdf_get_obj(c->hdf, inputs[i]);

		key_str(key, inputs[i]);
		if (n != NULL)
			key_tree(key, n);
		else
			buf_putc(key, '!');	/* absent */
	}
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
