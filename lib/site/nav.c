/* nav.c — see nav.h. */
#include <time.h>

#include "nav.h"

static struct arena mem;	/* holds the cached tree; reset on reload */
static struct nav cur;
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

const struct nav *
nav_get(struct db *db)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	if (have && (now.tv_sec - loaded.tv_sec) * 1000000000L +
	    (now.tv_nsec - loaded.tv_nsec) < 1000000000L)
		return &cur;
	if (mem.head == NULL)
		arena_init(&mem, 16 * 1024);
	else
		arena_reset(&mem);
	if (db_category_all(db, &mem, &cur.cats, &cur.n) < 0) {
		cur.n = 0;
		have = 0;
		return &cur;
	}
	loaded = now;
	have = 1;
	reloaded = 1;
	return &cur;
}

void
nav_put(struct db *db)
{
	const struct nav *n = nav_get(db);

	if (!reloaded)
		return;
	reloaded = 0;
	for (int l = 0; l < LANG__MAX; l++) {
		HDF *h = tmpl_hdf(l);
		int k = 0;

		neo_check(hdf_remove_tree(h, "Nav"), "nav");
		for (size_t i = 0; i < n->n; i++) {
			if (n->cats[i].parent_id != 0)
				continue;
			hdf_putf(h, n->cats[i].slug, "Nav.%d.slug", k);
			hdf_putf(h, n->cats[i].name, "Nav.%d.name", k);
			k++;
		}
	}
}
