/* footer_pages.c — see footer_pages.h. */
#include <time.h>

#include "db_content.h"
#include "footer_pages.h"
#include "l10n.h"
#include "lang.h"
#include "tmpl.h"

static struct timespec loaded;
static int have;

void
footer_pages_free(void)
{
	have = 0;
}

/* Rewrites Footer.pages of language l from the database; 0 or -1. */
static int
put_lang(struct db *db, struct arena *a, enum lang l)
{
	struct page_row *p;
	HDF *h = tmpl_hdf(l);
	long long n = db_page_footer(db, a, lang_code(l),
	    lang_code(lang_default()), &p);

	if (n < 0)
		return -1;
	hdf_drop(h, "Footer.pages");
	for (long long i = 0; i < n; i++) {
		hdf_putf(h, p[i].slug, "Footer.pages.%lld.slug", i);
		hdf_putf(h, l10n_punct(a, l, p[i].title),
		    "Footer.pages.%lld.title", i);
	}
	return 0;
}

void
footer_pages_put(struct db *db)
{
	struct timespec now;
	struct arena a;
	int rc = 0;

	clock_gettime(CLOCK_MONOTONIC, &now);
	if (have && (now.tv_sec - loaded.tv_sec) * 1000000000L +
	    (now.tv_nsec - loaded.tv_nsec) < 1000000000L)
		return;
	arena_init(&a, 4096);
	for (int l = 0; l < LANG__MAX && rc == 0; l++)
		rc = put_lang(db, &a, (enum lang)l);
	arena_free(&a);
	loaded = now;
	have = rc == 0;
}
