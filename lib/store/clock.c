/* clock.c — see clock.h. */
#include <stdlib.h>
#include <time.h>

#include "clock.h"
#include "store_conf.h"

long long
store_now(void)
{
	const char *s;
	char *end;
	long long v;

	if (conf_int(CONF_TEST_CLOCK) == 1 && (s = getenv("SOUK_NOW")) != NULL &&
	    *s != '\0') {
		v = strtoll(s, &end, 10);
		if (*end == '\0' && v > 0)
			return v;
	}
	return (long long)time(NULL);
}
