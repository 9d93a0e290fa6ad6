/* l10n.c — see l10n.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "l10n.h"

static const char *const months[LANG__MAX][12] = {
	[LANG_EN] = { "January", "February", "March", "April", "May", "June",
	    "July", "August", "September", "October", "November", "December" },
	[LANG_FR] = { "janvier", "février", "mars", "avril", "mai", "juin",
	    "juillet", "août", "septembre", "octobre", "novembre", "décembre" },
};

/* Between the date and the time of L10N_DATETIME. */
static const char *const at[LANG__MAX] = {
	[LANG_EN] = ", ", [LANG_FR] = " à ",
};

char *
l10n_time(char *out, size_t n, long long t, enum lang l, enum l10n_time s)
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (n == 0)
		return out;
	out[0] = '\0';
	if (l < 0 || l >= LANG__MAX || localtime_r(&tt, &tm) == NULL)
		return out;
	switch (s) {
	case L10N_STAMP:
	case L10N_STAMP_ZONE:
		if (strftime(out, n, s == L10N_STAMP ? "%Y-%m-%d %H:%M" :
		    "%Y-%m-%d %H:%M %Z", &tm) == 0)
			out[0] = '\0';
		break;
	case L10N_DATE:
		/* French writes the first of the month "1er". */
		snprintf(out, n, "%d%s %s %d", tm.tm_mday,
		    l == LANG_FR && tm.tm_mday == 1 ? "er" : "",
		    months[l][tm.tm_mon], tm.tm_year + 1900);
		break;
	case L10N_DATETIME:
		snprintf(out, n, "%d%s %s %d%s%02d:%02d", tm.tm_mday,
		    l == LANG_FR && tm.tm_mday == 1 ? "er" : "",
		    months[l][tm.tm_mon], tm.tm_year + 1900, at[l],
		    tm.tm_hour, tm.tm_min);
		break;
	}
	return out;
}

const char *
l10n_time_a(struct arena *a, long long t, enum lang l, enum l10n_time s)
{
	char buf[L10N_TIME_BUF];

	return arena_strdup(a, l10n_time(buf, sizeof(buf), t, l, s));
}

#define NNBSP "\xe2\x80\xaf"	/* U+202F NARROW NO-BREAK SPACE */
#define NBSP "\xc2\xa0"		/* U+00A0 NO-BREAK SPACE */

/* The length of the space at s (" " 1, NBSP 2, NNBSP 3), or 0. */
static size_t
space_at(const char *s)
{
	if (*s == ' ')
		return 1;
	if (strncmp(s, NBSP, 2) == 0)
		return 2;
	return strncmp(s, NNBSP, 3) == 0 ? 3 : 0;
}

/* 1 when s starts with a sign French writes after a narrow space. */
static int
high_sign(const char *s)
{
	return *s == ':' || *s == ';' || *s == '?' || *s == '!' ||
	    strncmp(s, "\xc2\xbb", 2) == 0;	/* » */
}

const char *
l10n_punct(struct arena *a, enum lang l, const char *s)
{
	size_t len, sp, i, o = 0;
	char *out;
	int change = 0;

	if (l != LANG_FR || s == NULL)
		return s;
	/* A copy is needed only when some space is not already U+202F. */
	for (i = 0; s[i] != '\0'; i++) {
		if ((sp = space_at(s + i)) != 0 && sp != 3 && high_sign(s + i + sp))
			change = 1;
		if (strncmp(s + i, "\xc2\xab", 2) == 0 &&	/* « */
		    (sp = space_at(s + i + 2)) != 0 && sp != 3)
			change = 1;
	}
	if (!change)
		return s;
	len = strlen(s);
	/* Each 1-byte space may grow to 3 bytes. */
	out = a != NULL ? arena_alloc(a, 3 * len + 1) : malloc(3 * len + 1);
	if (out == NULL)
		return NULL;
	for (i = 0; s[i] != '\0';) {
		if ((sp = space_at(s + i)) != 0 && high_sign(s + i + sp)) {
			memcpy(out + o, NNBSP, 3);
			o += 3;
			i += sp;
			continue;
		}
		if (strncmp(s + i, "\xc2\xab", 2) == 0 &&
		    (sp = space_at(s + i + 2)) != 0) {
			memcpy(out + o, "\xc2\xab" NNBSP, 5);
			o += 5;
			i += 2 + sp;
			continue;
		}
		out[o++] = s[i++];
	}
	out[o] = '\0';
	return out;
}
