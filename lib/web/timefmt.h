/* timefmt.h — times shown to people: "2026-11-22 14:03" in the store's
 * time zone (the process's TZ, set from the timezone setting at start-up),
 * optionally followed by the zone's abbreviation ("CET"). */
#ifndef SOUK_TIMEFMT_H
#define SOUK_TIMEFMT_H
#include <stddef.h>

#include "arena.h"

enum timefmt_flags {
	TIMEFMT_ZONE = 1 << 0,	/* append " %Z" */
};

/* Unix time t into out[n]; returns out ("" when it cannot be shown). */
char		*timefmt_local(char *out, size_t n, long long t, unsigned flags);
/* The same as an arena string. */
const char	*timefmt_arena(struct arena *, long long t, unsigned flags);

#endif
