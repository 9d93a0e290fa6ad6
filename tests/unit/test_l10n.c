/* test_l10n.c — dates, times and French punctuation as people write them. */
#include <stdlib.h>
#include <time.h>

#include "l10n.h"
#include "tmpl.h"
#include "t.h"

#define NNBSP "\xe2\x80\xaf"

/* 2026-12-01 14:03 and 2026-06-15 09:05 UTC, read in UTC. */
TEST(l10n_dates_per_language)
{
	char b[L10N_TIME_BUF];

	setenv("TZ", "UTC", 1);
	tzset();
	CHECK_STR(l10n_time(b, sizeof(b), 1796133780, LANG_EN, L10N_DATETIME),
	    "1 December 2026, 14:03");
	CHECK_STR(l10n_time(b, sizeof(b), 1796133780, LANG_FR, L10N_DATETIME),
	    "1er décembre 2026 à 14:03");
	CHECK_STR(l10n_time(b, sizeof(b), 1781514300, LANG_FR, L10N_DATE),
	    "15 juin 2026");
	CHECK_STR(l10n_time(b, sizeof(b), 1781514300, LANG_EN, L10N_DATETIME),
	    "15 June 2026, 09:05");
	CHECK_STR(l10n_time(b, sizeof(b), 1796133780, LANG_FR, L10N_STAMP),
	    "2026-12-01 14:03");
	/* The store's time zone decides the wall clock. */
	setenv("TZ", "Africa/Tunis", 1);
	tzset();
	CHECK_STR(l10n_time(b, sizeof(b), 1796133780, LANG_EN, L10N_DATETIME),
	    "1 December 2026, 15:03");
	CHECK_STR(l10n_time(b, sizeof(b), 1796133780, LANG_EN, L10N_STAMP_ZONE),
	    "2026-12-01 15:03 CET");
	setenv("TZ", "UTC", 1);
	tzset();
}

TEST(l10n_french_punctuation)
{
	struct arena a;
	const char *same = "Total: https://x.tn/?q=a!b";

	arena_init(&a, 1024);
	CHECK_STR(l10n_punct(&a, LANG_FR, "Total : 30 ; oui ? non !"),
	    "Total" NNBSP ": 30" NNBSP "; oui" NNBSP "? non" NNBSP "!");
	CHECK_STR(l10n_punct(&a, LANG_FR, "« Or 4K »"),
	    "«" NNBSP "Or 4K" NNBSP "»");
	CHECK_STR(l10n_punct(&a, LANG_FR, "Prix\xc2\xa0:"), "Prix" NNBSP ":");
	/* URLs, query strings and text without spaces are left alone. */
	CHECK(l10n_punct(&a, LANG_FR, same) == same);
	/* English is never touched; already narrow spaces give no copy. */
	CHECK(l10n_punct(&a, LANG_EN, "Why ?") != NULL);
	CHECK_STR(l10n_punct(&a, LANG_EN, "Why ?"), "Why ?");
	same = "Oui" NNBSP "!";
	CHECK(l10n_punct(&a, LANG_FR, same) == same);
	arena_free(&a);
}

/* Strings under node with a plain space before : ; ? ! (fails the test);
 * returns how many carry a narrow no-break space. */
static int
walk(HDF *node)
{
	int n = 0;
	const char *s;

	for (HDF *k = hdf_obj_child(node); k; k = hdf_obj_next(k)) {
		if ((s = hdf_obj_value(k)) != NULL) {
			if (strstr(s, " :") || strstr(s, " ?") || strstr(s, " !") ||
			    strstr(s, " ;"))
				t_fail(__FILE__, __LINE__, s);
			n += strstr(s, NNBSP) != NULL;
		}
		n += walk(k);
	}
	return n;
}

/* The French strings arrive with narrow spaces, wherever they were typed. */
TEST(l10n_french_lang_file)
{
	char tdir[2048], ldir[2048];

	snprintf(tdir, sizeof(tdir), "%s/templates", t_root());
	snprintf(ldir, sizeof(ldir), "%s/lang", t_root());
	CHECK(tmpl_init(tdir, ldir) == 0);
	CHECK(walk(hdf_get_obj(tmpl_hdf(LANG_FR), "Lang")) > 5);
	CHECK_STR(tmpl_str(LANG_EN, "search_empty"), "Type what you are looking "
	    "for: a channel, a service, a film, a device.");
	CHECK_STR(tmpl_str(LANG_FR, "search_empty"), "Tapez ce que vous "
	    "cherchez" NNBSP ": une chaîne, un service, un film, un appareil.");
	tmpl_shutdown();
}
