/* order_stats.c — see order_stats.h. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "db_stats.h"
#include "order_stats.h"

const char *const stats_waiting_statuses[] = { "awaiting_payment",
	"proof_received", NULL };
const char *const stats_presets[] = { "today", "7d", "30d", "month",
	"last_month", "year", "custom", NULL };

/* Set by order_stats_defer(): placements and moves leave the figures
 * alone until order_stats_resume() rebuilds them. */
static int deferred;

void
order_stats_defer(void)
{
	deferred = 1;
}

int
order_stats_resume(struct db *db)
{
	deferred = 0;
	return order_stats_rebuild(db);
}

int
order_stats_placed(struct db *db, const struct order *o)
{
	return deferred ? 0 : db_stats_placed(db, o);
}

int
order_stats_moved(struct db *db, long long id, const char *from,
    const char *to)
{
	if (deferred)
		return 0;
	if (db_stats_order(db, id, -1, from) < 0)
		return -1;
	return db_stats_order(db, id, 1, to);
}

int
order_stats_rebuild(struct db *db)
{
	if (db_begin(db) < 0)
		return -1;
	if (db_stats_rebuild(db) < 0 || db_commit(db) < 0) {
		db_rollback(db);
		return -1;
	}
	return 0;
}

/* tm (a local date, normalised by mktime) as "YYYY-MM-DD" into out. */
static void
put_day(struct tm *tm, char *out)
{
	tm->tm_hour = 12;	/* clear of any DST change at midnight */
	tm->tm_min = tm->tm_sec = 0;
	tm->tm_isdst = -1;
	mktime(tm);
	strftime(out, STATS_DAY_LEN + 1, "%Y-%m-%d", tm);
}

/* Parses "YYYY-MM-DD" (a real date) into tm; 0 or -1. */
static int
parse_day(const char *s, struct tm *tm)
{
	int y, m, d;
	char end, back[STATS_DAY_LEN + 1];
	struct tm t = { 0 };

	if (s == NULL || strlen(s) != STATS_DAY_LEN ||
	    sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &end) != 3 ||
	    y < 2000 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31)
		return -1;
	t.tm_year = y - 1900;
	t.tm_mon = m - 1;
	t.tm_mday = d;
	put_day(&t, back);
	if (strcmp(back, s) != 0)	/* 2026-02-30 */
		return -1;
	*tm = t;
	return 0;
}

int
stats_range(enum stats_preset p, long long now, char *from, char *to)
{
	time_t t = (time_t)now;
	struct tm today, a;

	if (p == RANGE_CUSTOM) {
		struct tm x, y;
		if (parse_day(from, &x) < 0 || parse_day(to, &y) < 0 ||
		    strcmp(from, to) > 0)
			return -1;
		return 0;
	}
	localtime_r(&t, &today);
	a = today;
	put_day(&today, to);
	switch (p) {
	case RANGE_TODAY:
		break;
	case RANGE_7D:
		a.tm_mday -= 6;
		break;
	case RANGE_30D:
		a.tm_mday -= 29;
		break;
	case RANGE_MONTH:
		a.tm_mday = 1;
		break;
	case RANGE_LAST_MONTH:
		a.tm_mday = 1;
		a.tm_mon -= 1;
		put_day(&a, from);
		a = today;
		a.tm_mday = 0;	/* the last day of the month before */
		put_day(&a, to);
		return 0;
	case RANGE_YEAR:
		a.tm_mday = 1;
		a.tm_mon = 0;
		break;
	default:
		return -1;
	}
	put_day(&a, from);
	return 0;
}

long long
stats_days(const char *from, const char *to)
{
	struct tm a, b;
	long long d;

	if (parse_day(from, &a) < 0 || parse_day(to, &b) < 0)
		return 1;
	/* Both at local noon: a DST hour is within the rounding. */
	d = ((long long)mktime(&b) - (long long)mktime(&a) + 43200) / 86400;
	return d < 0 ? 1 : d + 1;
}

int
stats_bucket(long long days)
{
	return days <= 62 ? 0 : days <= 62 * 7 ? 1 : 2;
}
