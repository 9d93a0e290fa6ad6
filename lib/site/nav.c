/* nav.c — see nav.h. */
#include <time.h>

#include <string.h>

#include "db_catalog_text.h"
#include "nav.h"

static struct arena mem;	/* holds the cached tree; reset on reload */
static struct nav cur[LANG__MAX];
static struct timespec loaded;
static int have;
static int reloaded;	/* the tree changed since nav_put() last ran */

void
nav_invalidate(void)
{
	have = 0;
}

void
nav_free(void)
{
	if (mem.head != NULL)
		arena_free(&mem);
	have = 0;
}

/* Reads the tree in the default language, then a translated copy for
 * every other language.  Returns 0 or -1. */
static int
load(struct db *db)
{
	enum lang def = catalog_lang();

	if (db_category_all(db, &mem, &cur[def].cats, &cur[def].n) < 0)
		return -1;
	for (int l = 0; l < LANG__MAX; l++) {
		size_t size = cur[def].n * sizeof(*cur[def].cats);
		if (l == (int)def)
			continue;
		cur[l].n = cur[def].n;
		cur[l].cats = arena_alloc(&mem, size ? size : 1);
		memcpy(cur[l].cats, cur[def].cats, size);
		if (db_text_categories(db, &mem, l, cur[l].cats, cur[l].n) < 0)
			return -1;
	}
	return 0;
}

const struct nav *
nav_get(struct db *db, enum lang l)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	if (have && (now.tv_sec - loaded.tv_sec) * 1000000000L +
	    (now.tv_nsec - loaded.tv_nsec) < 1000000000L)
		return &cur[l];
	if (mem.head == NULL)
		arena_init(&mem, 16 * 1024);
	else
		arena_reset(&mem);
	if (load(db) < 0) {
		memset(cur, 0, sizeof(cur));
		have = 0;
		return &cur[l];
	}
	loaded = now;
	have = 1;
	reloaded = 1;
	return &cur[l];
}

void
nav_put(struct db *db)
{
	nav_get(db, LANG_EN);
	if (!reloaded)
		return;
	reloaded = 0;
	for (int l = 0; l < LANG__MAX; l++) {
		const struct nav *n = &cur[l];
		HDF *h = tmpl_hdf(l);
		int k = 0;

		hdf_drop(h, "Nav");
		for (size_t i = 0; i < n->n; i++) {
			if (n->cats[i].parent_id != 0)
				continue;
			hdf_putf(h, n->cats[i].slug, "Nav.%d.slug", k);
			hdf_putf(h, n->cats[i].name, "Nav.%d.name", k);
			k++;
		}
	}
}
