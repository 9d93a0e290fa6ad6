/* test_stats_span.c — the pieces of a date range that the top products
 * read (stats_span.h): every day of the range counted exactly once and no
 * other day of the years it touches, for every range over windows
 * holding months of 28, 29, 30 and 31 days and year ends, and each edge
 * month read in a few pieces, the months between by calendar years. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "stats_span.h"
#include "t.h"

#define DAY 86400
#define KEYS_FROM	1999	/* the day keys of years 1999 to 2103 */
#define KEYS_DAYS	38350

/* Noon UTC of y-m-d (a day's number of seconds, for stepping). */
static time_t
noon(int y, int m, int d)
{
	struct tm tm = { .tm_year = y - 1900, .tm_mon = m - 1, .tm_mday = d,
	    .tm_hour = 12 };

	return timegm(&tm);
}

/* Day t (noon, years KEYS_FROM to 2103; other days: "0000-01-01") as
 * 'YYYY-MM-DD', from a table made once (the walks below look up
 * millions). */
static const char *
key_of(time_t t)
{
	static char keys[KEYS_DAYS][SPAN_KEY];
	static int made;
	time_t base = noon(KEYS_FROM, 1, 1);
	long i = (long)((t - base) / DAY);

	if (!made) {
		for (long k = 0; k < KEYS_DAYS; k++) {
			struct tm tm;
			time_t u = base + k * DAY;

			gmtime_r(&u, &tm);
			strftime(keys[k], SPAN_KEY, "%Y-%m-%d", &tm);
		}
		made = 1;
	}
	return i >= 0 && i < KEYS_DAYS ? keys[i] : "0000-01-01";
}

/* Day t as 'YYYY-MM-DD' into out (SPAN_KEY bytes). */
static void
key(time_t t, char *out)
{
	memcpy(out, key_of(t), SPAN_KEY);
}

/* Whether key k is in r (its own table's keys). */
static int
in(const struct span_range *r, const char *k)
{
	return r->sign != 0 && strcmp(r->lo, k) <= 0 && strcmp(k, r->hi) <= 0;
}

/* How many times the pieces of sp count day d ('YYYY-MM-DD'): its year
 * in the years, its month in a month range, its block (by the day of the
 * month: 1–8, 9–16, 17–24, 25–end; keyed by the block's first day) in a
 * block range, itself in a day range, each with its sign. */
static int
counted(const struct stats_span *sp, const char *d)
{
	char year[5], month[8], block[SPAN_KEY];
	int dom = (d[8] - '0') * 10 + (d[9] - '0'), b, n = 0;

	memcpy(year, d, 4);
	year[4] = '\0';
	memcpy(month, d, 7);
	month[7] = '\0';
	b = dom <= 8 ? 1 : dom <= 16 ? 9 : dom <= 24 ? 17 : 25;
	memcpy(block, d, 8);
	block[8] = (char)('0' + b / 10);
	block[9] = (char)('0' + b % 10);
	block[10] = '\0';
	n += in(&sp->year, year);
	for (int i = 0; i < SPAN_SLOTS; i++) {
		n += in(&sp->month[i], month) * sp->month[i].sign;
		n += in(&sp->block[i], block) * sp->block[i].sign;
		n += in(&sp->day[i], d) * sp->day[i].sign;
	}
	return n;
}

/* Months lo..hi ('YYYY-MM') as a number of months. */
static int
months_of(const char *lo, const char *hi)
{
	int a, b, c, d;

	sscanf(lo, "%d-%d", &a, &b);
	sscanf(hi, "%d-%d", &c, &d);
	return c * 12 + d - (a * 12 + b) + 1;
}

/* Units the pieces read: years, months, blocks (8 days apart) and
 * days. */
static int
units(const struct stats_span *sp)
{
	int n = 0;

	if (sp->year.sign)
		n += atoi(sp->year.hi) - atoi(sp->year.lo) + 1;
	for (int i = 0; i < SPAN_SLOTS; i++) {
		if (sp->month[i].sign)
			n += months_of(sp->month[i].lo, sp->month[i].hi);
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
	int n = months_of(from, to) - 2;

	return n < 0 ? 0 : n;
}

/* Calendar years strictly between those of from and to. */
static int
years_inside(const char *from, const char *to)
{
	int n = atoi(to) - atoi(from) - 1;

	return n < 0 ? 0 : n;
}

/* Checks the span of [a, b] (noon times) over the days of the years of
 * a and b and 40 days either side; returns 0 or 1 (a failure, already
 * reported). */
static int
check_range(time_t a, time_t b)
{
	struct stats_span sp;
	char from[SPAN_KEY], to[SPAN_KEY], what[80];
	time_t first, last;

	key(a, from);
	key(b, to);
	snprintf(what, sizeof(what), "span %s..%s", from, to);
	if (stats_span(from, to, &sp) < 0) {
		t_fail(__FILE__, __LINE__, what);
		return 1;
	}
	first = noon(atoi(from), 1, 1) - 40 * DAY;
	last = noon(atoi(to), 12, 31) + 40 * DAY;
	for (time_t t = first; t <= last; t += DAY) {
		const char *d = key_of(t);

		if (counted(&sp, d) != (t >= a && t <= b)) {
			char m[160];
			snprintf(m, sizeof(m), "%s counts %s %d times", what, d,
			    counted(&sp, d));
			t_fail(__FILE__, __LINE__, m);
			return 1;
		}
	}
	/* Each edge month at most 6 pieces (a mid-month edge: 2 blocks and
	 * 4 days, or the month, a block and 4 days), so never more than the
	 * months between and 12; and the months of each year cut at most 6
	 * pieces (its months, or the year less those outside), so never
	 * more than the years between and 24. */
	if (sp.cost != units(&sp) ||
	    sp.cost > months_inside(from, to) + 12 ||
	    sp.cost > years_inside(from, to) + 24) {
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

/* Every range from a day of [a1, a2] to a day of [b1, b2] (noon
 * times). */
static void
check_ends(time_t a1, time_t a2, time_t b1, time_t b2)
{
	for (time_t x = a1; x <= a2; x += DAY)
		for (time_t y = b1; y <= b2; y += DAY)
			if (check_range(x, y))
				return;
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
	check_ends(noon(2024, 11, 25), noon(2025, 2, 5), noon(2026, 10, 25),
	    noon(2027, 1, 5));
}

TEST(stats_span_ranges_over_years_count_each_day_once)
{
	/* About one year, both ends around a new year: the year whole
	 * (2024, with its leap day), less its months outside, or its
	 * months, and the edge months either way. */
	check_ends(noon(2023, 12, 10), noon(2024, 1, 20), noon(2024, 12, 10),
	    noon(2025, 1, 20));
	/* Inside one year from late January to early December: the year
	 * less its months outside. */
	check_ends(noon(2025, 1, 25), noon(2025, 3, 5), noon(2025, 10, 25),
	    noon(2025, 12, 5));
	/* Leap days at the ends, a year apart. */
	check_ends(noon(2024, 2, 20), noon(2024, 3, 5), noon(2025, 2, 20),
	    noon(2025, 3, 5));
	check_ends(noon(2027, 2, 20), noon(2027, 3, 5), noon(2028, 2, 20),
	    noon(2028, 3, 5));
	/* Several whole years between. */
	check_ends(noon(2024, 12, 20), noon(2025, 1, 10), noon(2027, 12, 20),
	    noon(2028, 1, 10));
	/* Across the centuries: 2100 is not a leap year. */
	check_ends(noon(2099, 12, 25), noon(2100, 1, 5), noon(2100, 12, 25),
	    noon(2101, 1, 5));
}

/* Range r is sign lo..hi (sign 0: unused). */
#define WANT(r, s, l, h) do {						\
	CHECK_INT((r).sign, (s));					\
	if ((s) != 0) {							\
		CHECK_STR((r).lo, (l));					\
		CHECK_STR((r).hi, (h));					\
	}								\
} while (0)

TEST(stats_span_mid_month_edges)
{
	struct stats_span sp;

	/* Days 16..31 of January 2025: the year less blocks 1 and 9, plus
	 * day 16; days 1..15 of November 2026: the year less December,
	 * blocks 17 and 25 and day 16 (27 pieces without the years). */
	CHECK_INT(stats_span("2025-01-16", "2026-11-15", &sp), 0);
	CHECK_INT(sp.cost, 9);
	WANT(sp.year, 1, "2025", "2026");
	WANT(sp.month[0], -1, "2026-12", "2026-12");
	WANT(sp.month[1], 0, "", "");
	WANT(sp.block[0], -1, "2025-01-01", "2025-01-09");
	WANT(sp.day[0], 1, "2025-01-16", "2025-01-16");
	WANT(sp.block[1], -1, "2026-11-17", "2026-11-25");
	WANT(sp.day[1], -1, "2026-11-16", "2026-11-16");
	/* A whole month: the month alone. */
	CHECK_INT(stats_span("2024-02-01", "2024-02-29", &sp), 0);
	CHECK_INT(sp.cost, 1);
	WANT(sp.year, 0, "", "");
	WANT(sp.month[0], 1, "2024-02", "2024-02");
	WANT(sp.month[1], 0, "", "");
	CHECK_INT(sp.block[0].sign | sp.day[0].sign, 0);
	/* Inside one block: its days. */
	CHECK_INT(stats_span("2026-03-10", "2026-03-12", &sp), 0);
	CHECK_INT(sp.year.sign | sp.month[0].sign, 0);
	CHECK_INT(sp.cost, 3);
	WANT(sp.day[0], 1, "2026-03-10", "2026-03-12");
}

TEST(stats_span_whole_years)
{
	struct stats_span sp;

	/* A calendar year: one piece; ten: one range of ten. */
	CHECK_INT(stats_span("2024-01-01", "2024-12-31", &sp), 0);
	CHECK_INT(sp.cost, 1);
	WANT(sp.year, 1, "2024", "2024");
	CHECK_INT(sp.month[0].sign | sp.block[0].sign | sp.day[0].sign, 0);
	CHECK_INT(stats_span("2020-01-01", "2029-12-31", &sp), 0);
	CHECK_INT(sp.cost, 10);
	WANT(sp.year, 1, "2020", "2029");
	/* The bench's two years (docs/admin.md): December 2024 less days 1
	 * and 2, the years 2025 and 2026 less December, days 1..3 of
	 * December 2026 (29 pieces without the years). */
	CHECK_INT(stats_span("2024-12-03", "2026-12-03", &sp), 0);
	CHECK_INT(sp.cost, 9);
	WANT(sp.year, 1, "2025", "2026");
	WANT(sp.month[0], 1, "2024-12", "2024-12");
	WANT(sp.month[1], -1, "2026-12", "2026-12");
	WANT(sp.day[0], -1, "2024-12-01", "2024-12-02");
	WANT(sp.day[1], 1, "2026-12-01", "2026-12-03");
	CHECK_INT(sp.block[0].sign | sp.block[1].sign, 0);
	/* Inside one year, most of it: the year less January and
	 * December. */
	CHECK_INT(stats_span("2025-02-01", "2025-11-30", &sp), 0);
	CHECK_INT(sp.cost, 3);
	WANT(sp.year, 1, "2025", "2025");
	WANT(sp.month[0], -1, "2025-01", "2025-01");
	WANT(sp.month[1], -1, "2025-12", "2025-12");
	/* Half of it: its months. */
	CHECK_INT(stats_span("2025-03-01", "2025-08-31", &sp), 0);
	CHECK_INT(sp.cost, 6);
	WANT(sp.year, 0, "", "");
	WANT(sp.month[0], 1, "2025-03", "2025-08");
	WANT(sp.month[1], 0, "", "");
	/* From a leap day's month, a year: 2024 less January and February,
	 * then January and February 2025. */
	CHECK_INT(stats_span("2024-03-01", "2025-02-28", &sp), 0);
	CHECK_INT(sp.cost, 5);
	WANT(sp.year, 1, "2024", "2024");
	WANT(sp.month[0], -1, "2024-01", "2024-02");
	WANT(sp.month[1], 1, "2025-01", "2025-02");
	/* December and January: two months, no year. */
	CHECK_INT(stats_span("2024-12-01", "2025-01-31", &sp), 0);
	CHECK_INT(sp.cost, 2);
	WANT(sp.year, 0, "", "");
	WANT(sp.month[0], 1, "2024-12", "2024-12");
	WANT(sp.month[1], 1, "2025-01", "2025-01");
	/* New Year's Eve and Day: two days. */
	CHECK_INT(stats_span("2024-12-31", "2025-01-01", &sp), 0);
	CHECK_INT(sp.cost, 2);
	WANT(sp.year, 0, "", "");
	WANT(sp.month[0], 0, "", "");
	WANT(sp.day[0], 1, "2024-12-31", "2024-12-31");
	WANT(sp.day[1], 1, "2025-01-01", "2025-01-01");
	/* A leap day alone. */
	CHECK_INT(stats_span("2024-02-29", "2024-02-29", &sp), 0);
	CHECK_INT(sp.cost, 1);
	WANT(sp.day[0], 1, "2024-02-29", "2024-02-29");
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
