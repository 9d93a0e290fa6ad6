/* l10n.h — how people of each language write dates, times and
 * punctuation.  The one place that turns a unix time into text: pages,
 * mails and soukctl all call l10n_time() (the RFC 5322 Date header of a
 * mail is a protocol field, not text for people: mail_date()). */
#ifndef SOUK_L10N_H
#define SOUK_L10N_H
#include <stddef.h>

#include "arena.h"
#include "lang.h"

enum l10n_time {
	L10N_DATE,	/* "1 December 2026" / "1 décembre 2026" */
	L10N_DATETIME,	/* "1 December 2026, 14:03" / "1 décembre 2026 à 14:03" */
	L10N_STAMP,	/* "2026-12-01 14:03" (soukctl, sortable; any language) */
	L10N_STAMP_ZONE,	/* "2026-12-01 14:03 CET" (the zone's abbreviation) */
};

#define L10N_TIME_BUF 64

/* Writes unix time t in the local time zone (the store's: TZ) as style s
 * for language l into out (size n, at least L10N_TIME_BUF).  Returns out;
 * "" when t cannot be converted. */
char		*l10n_time(char *out, size_t n, long long t, enum lang l,
		    enum l10n_time s);
/* The same in the arena. */
const char	*l10n_time_a(struct arena *, long long t, enum lang l,
		    enum l10n_time s);
/* Text s as language l writes it: for French, a space (or no-break space)
 * before : ; ? ! » and after « becomes a narrow no-break space (U+202F),
 * so the sign never starts a line.  Only existing spaces change: "http:"
 * or "?q=" stay as they are.  Returns s itself when nothing changes, else
 * a copy in the arena (a == NULL: malloc'd, caller frees; NULL when out
 * of memory). */
const char	*l10n_punct(struct arena *a, enum lang l, const char *s);

#endif
