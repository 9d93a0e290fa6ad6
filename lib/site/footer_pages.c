/* footer_pages.c — see footer_pages.h. */
#include <stdint.h>
#include <time.h>

#include "body_cache.h"
#include "catalog_version.h"
#include "db_content.h"
#include "footer_pages.h"
#include "l10n.h"
#include "lang.h"
#include "tmpl.h"

static struct timespec loaded;
static long long loaded_version;	/* catalog_version() then */
static int have;

void
footer_pages_free(void)
{
	have = 0;
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

/* Footer.pages of language l from rows p[0..n). */
static void
put_lang(struct arena *a, enum lang l, const struct page_row *p, long long n)
{
	HDF *h = tmpl_hdf(l);

	hdf_drop(h, "Footer.pages");
	for (long long i = 0; i < n; i++) {
		hdf_putf(h, p[i].slug, "Footer.pages.%lld.slug", i);
		hdf_putf(h, l10n_punct(a, l, p[i].title),
		    "Footer.pages.%lld.title", i);
	}
}

void
footer_pages_put(struct db *db)
{
	static uint64_t shown;		/* the rows Footer.pages holds */
	static HDF *trees[LANG__MAX];	/* the trees it was written into */
	struct page_row *rows[LANG__MAX];
	long long n[LANG__MAX];
	uint64_t sig = 0xcbf29ce484222325ULL;
	struct timespec now;
	struct arena a;
	int same = 1;

	clock_gettime(CLOCK_MONOTONIC, &now);
	if (have && (now.tv_sec - loaded.tv_sec) * 1000000000L +
	    (now.tv_nsec - loaded.tv_nsec) < 1000000000L) {
		if (loaded_version != catalog_version())
			body_cache_stale();	/* up to a second behind */
		return;
	}
	arena_init(&a, 4096);
	for (int l = 0; l < LANG__MAX; l++) {
		if ((n[l] = db_page_footer(db, &a, lang_code(l),
		    lang_code(lang_default()), &rows[l])) < 0) {
			arena_free(&a);	/* the previous list stays */
			loaded = now;
			have = 0;
			return;
		}
		for (long long i = 0; i < n[l]; i++)
			sig = mix(mix(sig, rows[l][i].slug), rows[l][i].title);
		sig = mix(sig, "");
		same = same && trees[l] == tmpl_hdf(l);
	}
	/* The same rows as a second ago leave Footer.pages and the
	 * fragments rendered from it (tmpl.h) alone. */
	if (!same || sig != shown) {
		for (int l = 0; l < LANG__MAX; l++) {
			put_lang(&a, (enum lang)l, rows[l], n[l]);
			trees[l] = tmpl_hdf(l);
		}
		shown = sig;
		tmpl_touch();
	}
	arena_free(&a);
	loaded = now;
	loaded_version = catalog_version();
	have = 1;
}
