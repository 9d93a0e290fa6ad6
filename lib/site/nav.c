/* nav.c — see nav.h. */
#include <stdint.h>
#include <string.h>
#include <time.h>

#include "body_cache.h"
#include "catalog_version.h"
#include "db_catalog_text.h"
#include "nav.h"

static struct arena mem;	/* holds the cached tree; reset on reload */
static struct nav cur[LANG__MAX];
static struct timespec loaded;
static long long loaded_version;	/* catalog_version() then */
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
	    (now.tv_nsec - loaded.tv_nsec) < 1000000000L) {
		if (loaded_version != catalog_version())
			body_cache_stale();	/* up to a second behind */
		return &cur[l];
	}
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
	loaded_version = catalog_version();
	have = 1;
	reloaded = 1;
	return &cur[l];
}

/* FNV-1a of s with its NUL, continuing h. */
static uint64_t
mix(uint64_t h, const char *s)
{
	do
		h = (h ^ (unsigned char)*s) * 0x100000001b3ULL;
	while (*s++);
	return h;
}

/* What Nav.* shows in every language: the top-level slugs and names. */
static uint64_t
signature(void)
{
	uint64_t h = 0xcbf29ce484222325ULL;

	for (int l = 0; l < LANG__MAX; l++)
		for (size_t i = 0; i < cur[l].n; i++)
			if (cur[l].cats[i].parent_id == 0)
				h = mix(mix(h, cur[l].cats[i].slug),
				    cur[l].cats[i].name);
	return h;
}

void
nav_put(struct db *db)
{
	static uint64_t shown;		/* signature() of what Nav.* holds */
	static HDF *trees[LANG__MAX];	/* the trees it was written into */
	uint64_t sig;
	int same = 1;

	nav_get(db, LANG_EN);
	if (!reloaded)
		return;
	reloaded = 0;
	/* A reload (every second) that finds the same tree leaves Nav.*
	 * and the fragments rendered from it (tmpl.h) alone. */
	sig = signature();
	for (int l = 0; l < LANG__MAX; l++)
		same = same && trees[l] == tmpl_hdf(l);
	if (same && sig == shown)
		return;
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
		trees[l] = h;
	}
	shown = sig;
	tmpl_touch();
}
