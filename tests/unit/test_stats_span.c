/* test_stats_span.c — the pieces of a date range that the top products
 * read (stats_span.h): every day of the range counted exactly once and no
 * other day, for every range over windows holding months of 28, 29, 30
 * and 31 days, and each edge month read in a few pieces. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "stats_span.h"
#include "t.h"

#define DAY 86400

/* Noon UTC of y-m-d (a day's number of seconds, for stepping). */
static time_t
noon(int y, int m, int d)
{
	struct tm tm = { .tm_year = y - 1900, .tm_mon = m - 1, .tm_mday = d,
	    .tm_hour = 12 };

	return timegm(&tm);
}

/* Day t as 'YYYY-MM-DD' into out (SPAN_KEY bytes). */
static void
key(time_t t, char *out)
{
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(out, SPAN_KEY, "%Y-%m-%d", &tm);
}

/* Whether key k is in r (its own table's keys). */
static int
in(const struct span_range *r, const char *k)
{
	return r->sign != 0 && strcmp(r->lo, k) <= 0 && strcmp(k, r->hi) <= 0;
}

/* How many times the pieces of sp count day d ('YYYY-MM-DD'): its month
 * in the months, its block (by the day of the month: 1–8, 9–16, 17–24,
 * 25–end; keyed by the block's first day) in a block range, itself in a
 * day range, each with its sign. */
static int
counted(const struct stats_span *sp, const char *d)
{
	char month[8], block[SPAN_KEY];
	int dom = (d[8] - '0') * 10 + (d[9] - '0'), n = 0;

	memcpy(month, d, 7);
	month[7] = '\0';
	snprintf(block, sizeof(block), "%.8s%02d", d,
	    dom <= 8 ? 1 : dom <= 16 ? 9 : dom <= 24 ? 17 : 25);
	n += in(&sp->month, month);
	for (int i = 0; i < SPAN_SLOTS; i++) {
		n += in(&sp->block[i], block) * sp->block[i].sign;
		n += in(&sp->day[i], d) * sp->day[i].sign;
	}
	return n;
}

/* Units the pieces read: months, blocks (8 days apart) and days. */
static int
units(const struct stats_span *sp)
{
	int n = 0, a, b;

	if (sp->month.sign) {
		sscanf(sp->month.lo, "%d-%d", &a, &b);
		n -= a * 12 + b;
		sscanf(sp->month.hi, "%d-%d", &a, &b);
		n += a * 12 + b + 1;
	}
	for (int i = 0; i < SPAN_SLOTS; i++) {
		if (sp->block[i].sign)
			n += (atoi(sp->block[i].hi + 8) -
			    atoi(sp->block[i].lo + 8)) / 8 + 1;
		if (sp->day[i].sign)
			n += atoi(sp->day[i].hi + 8) -
			    atoi(sp->day[i].lo + 8) + 1;
	}
	return n;
}

/* Months strictly between those of from and to. */
static int
months_inside(const char *from, const char *to)
{
	int y1, m1, y2, m2;

	sscanf(from, "%d-%d", &y1, &m1);
	sscanf(to, "%d-%d", &y2, &m2);
	return y2 * 12 + m2 - (y1 * 12 + m1) - 1 < 0 ? 0 :
	    y2 * 12 + m2 - (y1 * 12 + m1) - 1;
}

/* Checks the span of [a, b] (noon times) over the days from 40 before
 * a to 40 after b; returns 0 or 1 (a failure, already reported). */
static int
check_range(time_t a, time_t b)
{
	struct stats_span sp;
	char from[SPAN_KEY], to[SPAN_KEY], d[SPAN_KEY], what[80];

	key(a, from);
	key(b, to);
	snprintf(what, sizeof(what), "span %s..%s", from, to);
	if (stats_span(from, to, &sp) < 0) {
		t_fail(__FILE__, __LINE__, what);
		return 1;
	}
	for (time_t t = a - 40 * DAY; t <= b + 40 * DAY; t += DAY) {
		key(t, d);
		if (counted(&sp, d) != (t >= a && t <= b)) {
			char m[160];
			snprintf(m, sizeof(m), "%s counts %s %d times", what, d,
			    counted(&sp, d));
			t_fail(__FILE__, __LINE__, m);
			return 1;
		}
	}
	/* Each edge month at most 6 pieces (a mid-month edge: 2 blocks and
	 * 4 days, or the month, a block and 4 days). */
	if (sp.cost != units(&sp) ||
	    sp.cost > months_inside(from, to) + 12) {
		char m[160];
		snprintf(m, sizeof(m), "%s costs %d (units %d)", what, sp.cost,
		    units(&sp));
		t_fail(__FILE__, __LINE__, m);
		return 1;
	}
	return 0;
}

/* Every range with both ends in [a, b] (noon times). */
static void
check_window(time_t a, time_t b)
{
	for (time_t x = a; x <= b; x += DAY)
		for (time_t y = x; y <= b; y += DAY)
			if (check_range(x, y))
				return;
}

TEST(stats_span_blocks_of_a_month)
{
	static const int want[32] = { 0, 1, 1, 1, 1, 1, 1, 1, 1, 9, 9, 9, 9,
	    9, 9, 9, 9, 17, 17, 17, 17, 17, 17, 17, 17, 25, 25, 25, 25, 25,
	    25, 25 };

	for (int d = 1; d <= 31; d++)
		CHECK_INT(stats_block_start(d), want[d]);
}

TEST(stats_span_every_range_counts_each_day_once)
{
	/* Dec 31, Jan 31, Feb 29 (2024), Mar 31, Apr 30, May. */
	check_window(noon(2023, 12, 20), noon(2024, 5, 10));
	/* Feb 28 (2025), and centuries: 2100-02 has 28 days, 2000-02 29. */
	check_window(noon(2025, 1, 20), noon(2025, 3, 10));
	check_window(noon(2100, 2, 1), noon(2100, 3, 5));
	check_window(noon(2000, 2, 1), noon(2000, 3, 5));
	/* Long ranges: every start and end of a few months, years apart. */
	for (time_t x = noon(2024, 11, 25); x <= noon(2025, 2, 5); x += DAY)
		for (time_t y = noon(2026, 10, 25); y <= noon(2027, 1, 5);
		    y += DAY)
			if (check_range(x, y))
				return;
}

TEST(stats_span_mid_month_edges)
{
	struct stats_span sp;

	/* Days 16..31 of January: day 16 and blocks 17, 25; days 1..15 of
	 * November: blocks 1 and 9 less day 16. */
	CHECK_INT(stats_span("2025-01-16", "2026-11-15", &sp), 0);
	CHECK_STR(sp.month.lo, "2025-02");
	CHECK_STR(sp.month.hi, "2026-10");
	CHECK_INT(sp.cost, 21 + 3 + 3);
	CHECK_INT(sp.block[0].sign, 1);
	CHECK_STR(sp.block[0].lo, "2025-01-17");
	CHECK_STR(sp.block[0].hi, "2025-01-25");
	CHECK_INT(sp.day[0].sign, 1);
	CHECK_STR(sp.day[0].lo, "2025-01-16");
	CHECK_STR(sp.day[0].hi, "2025-01-16");
	CHECK_INT(sp.block[1].sign, 1);
	CHECK_STR(sp.block[1].lo, "2026-11-01");
	CHECK_STR(sp.block[1].hi, "2026-11-09");
	CHECK_INT(sp.day[1].sign, -1);
	CHECK_STR(sp.day[1].lo, "2026-11-16");
	CHECK_STR(sp.day[1].hi, "2026-11-16");
	/* A whole month: the month alone. */
	CHECK_INT(stats_span("2024-02-01", "2024-02-29", &sp), 0);
	CHECK_STR(sp.month.lo, "2024-02");
	CHECK_STR(sp.month.hi, "2024-02");
	CHECK_INT(sp.cost, 1);
	CHECK_INT(sp.block[0].sign | sp.day[0].sign, 0);
	/* Inside one block: its days. */
	CHECK_INT(stats_span("2026-03-10", "2026-03-12", &sp), 0);
	CHECK_INT(sp.month.sign, 0);
	CHECK_INT(sp.cost, 3);
	CHECK_STR(sp.day[0].lo, "2026-03-10");
	CHECK_STR(sp.day[0].hi, "2026-03-12");
}

TEST(stats_span_refuses_bad_dates)
{
	struct stats_span sp;

	CHECK_INT(stats_span("2026-02-29", "2026-03-01", &sp), -1);
	CHECK_INT(stats_span("2026-04-31", "2026-05-01", &sp), -1);
	CHECK_INT(stats_span("2026-13-01", "2026-13-02", &sp), -1);
	CHECK_INT(stats_span("2026-03-02", "2026-03-01", &sp), -1);
	CHECK_INT(stats_span("2026-3-01", "2026-03-02", &sp), -1);
	CHECK_INT(stats_span("2026-03-0x", "2026-03-02", &sp), -1);
	CHECK_INT(stats_span(NULL, "2026-03-02", &sp), -1);
	CHECK_INT(stats_span("2024-02-29", "2024-02-29", &sp), 0);
}
