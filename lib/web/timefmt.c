/* timefmt.c — see timefmt.h. */
#include <time.h>

#include "timefmt.h"

char *
timefmt_local(char *out, size_t n, long long t, unsigned flags)
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (n == 0)
		return out;
	if (localtime_r(&tt, &tm) == NULL || strftime(out, n,
	    (flags & TIMEFMT_ZONE) ? "%Y-%m-%d %H:%M %Z" : "%Y-%m-%d %H:%M",
	    &tm) == 0)
		out[0] = '\0';
	return out;
}

const char *
timefmt_arena(struct arena *a, long long t, unsigned flags)
{
	char buf[64];

	return arena_strdup(a, timefmt_local(buf, sizeof(buf), t, flags));
}
