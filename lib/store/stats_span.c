/* stats_span.c — see stats_span.h. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "stats_span.h"

#define BLOCKS	4	/* per month: 1–8, 9–16, 17–24, 25–end */
#define CHOICES	8	/* per edge month: three yes/no choices */

/* One month: year, month (1..12), its number of days. */
struct month_at {
	int	 y, m, n;
};

int
stats_block_start(int d)
{
	return (d - 1) / 8 * 8 + 1;
}

/* First and last day of block k (0..3) of month ma. */
static int
block_first(int k)
{
	return 8 * k + 1;
}

static int
block_last(const struct month_at *ma, int k)
{
	return k == BLOCKS - 1 ? ma->n : 8 * k + 8;
}

/* Days in month m (1..12) of year y. */
static int
month_days(int y, int m)
{
	static const int n[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };

	if (m == 2 && (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)))
		return 29;
	return n[m - 1];
}

/* "YYYY-MM-DD" (a real date) into ma and *d; 0 or -1. */
static int
parse(const char *s, struct month_at *ma, int *d)
{
	if (s == NULL || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return -1;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && !isdigit((unsigned char)s[i]))
			return -1;
	ma->y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
	    (s[3] - '0');
	ma->m = (s[5] - '0') * 10 + (s[6] - '0');
	*d = (s[8] - '0') * 10 + (s[9] - '0');
	if (ma->m < 1 || ma->m > 12)
		return -1;
	ma->n = month_days(ma->y, ma->m);
	return *d >= 1 && *d <= ma->n ? 0 : -1;
}

/* Puts keys lo..hi with sign into a free slot of slots, adding units to
 * the cost; 0, or -1 when the slots are full. */
static int
fill(struct stats_span *sp, struct span_range *slots, const char *lo,
    const char *hi, int sign, int units)
{
	for (int i = 0; i < SPAN_SLOTS; i++) {
		if (slots[i].sign != 0)
			continue;
		snprintf(slots[i].lo, sizeof(slots[i].lo), "%s", lo);
		snprintf(slots[i].hi, sizeof(slots[i].hi), "%s", hi);
		slots[i].sign = sign;
		sp->cost += units;
		return 0;
	}
	return -1;
}

/* Puts days lo..hi of month ma (days of the month; lo > hi: nothing)
 * with sign into a free slot of slots, adding units to the cost; 0, or
 * -1 when the slots are full. */
static int
put(struct stats_span *sp, struct span_range *slots,
    const struct month_at *ma, int lo, int hi, int sign, int units)
{
	char a[SPAN_KEY], b[SPAN_KEY];

	if (lo > hi)
		return 0;
	snprintf(a, sizeof(a), "%04d-%02d-%02d", ma->y, ma->m, lo);
	snprintf(b, sizeof(b), "%04d-%02d-%02d", ma->y, ma->m, hi);
	return fill(sp, slots, a, b, sign, units);
}

/* Days lo..hi of ma, one piece each. */
static int
put_days(struct stats_span *sp, const struct month_at *ma, int lo, int hi,
    int sign)
{
	return put(sp, sp->day, ma, lo, hi, sign, hi - lo + 1);
}

/* Blocks k1..k2 of ma, keyed by their first days. */
static int
put_blocks(struct stats_span *sp, const struct month_at *ma, int k1, int k2,
    int sign)
{
	return put(sp, sp->block, ma, block_first(k1), block_first(k2), sign,
	    k2 - k1 + 1);
}

/* Days x..z of ma (x > z: none) with sign as blocks and days: its
 * whole blocks, and a block it cuts at x (z) as its days in x..z, or when
 * whole_x (whole_z) as the whole block less its days outside.  0 or -1
 * (slots full). */
static int
cover(struct stats_span *sp, const struct month_at *ma, int x, int z,
    int sign, int whole_x, int whole_z)
{
	int k1 = (x - 1) / 8, k2 = (z - 1) / 8, b1 = k1, b2 = k2, rc = 0;

	if (x > z)
		return 0;
	if (k1 == k2 && (x != block_first(k1) || z != block_last(ma, k1))) {
		if (!whole_x)
			return put_days(sp, ma, x, z, sign);
		if (put_days(sp, ma, block_first(k1), x - 1, -sign) < 0 ||
		    put_days(sp, ma, z + 1, block_last(ma, k1), -sign) < 0)
			return -1;
		return put_blocks(sp, ma, k1, k1, sign);
	}
	if (x != block_first(k1) && whole_x)
		rc |= put_days(sp, ma, block_first(k1), x - 1, -sign);
	else if (x != block_first(k1)) {
		rc |= put_days(sp, ma, x, block_last(ma, k1), sign);
		b1++;
	}
	if (z != block_last(ma, k2) && whole_z)
		rc |= put_days(sp, ma, z + 1, block_last(ma, k2), -sign);
	else if (z != block_last(ma, k2)) {
		rc |= put_days(sp, ma, block_first(k2), z, sign);
		b2--;
	}
	if (b1 <= b2)
		rc |= put_blocks(sp, ma, b1, b2, sign);
	return rc;
}

/* Days a..b of month ma by choice c: bit 1, the whole month less days
 * 1..a-1 and b+1..end (the caller adds the month, and counts it);
 * otherwise days a..b.  Bits 2 and 4: whether a block cut at the first
 * (last) end of what is covered is read whole (cover's whole_x,
 * whole_z).  0 or -1. */
static int
edge(struct stats_span *sp, const struct month_at *ma, int a, int b, int c)
{
	if (!(c & 1))
		return cover(sp, ma, a, b, 1, c & 2, c & 4);
	if (cover(sp, ma, 1, a - 1, -1, 0, c & 2) < 0)
		return -1;
	return cover(sp, ma, b + 1, ma->n, -1, c & 4, 0);
}

/* Adds days a..b of ma to *sp the cheapest way that reads the whole
 * month (whole: 1; the caller adds it to the months) or not (0); 0, or
 * -1 when no way fits the slots left. */
static int
best_edge(struct stats_span *sp, const struct month_at *ma, int a, int b,
    int whole)
{
	struct stats_span best = *sp, try;
	int found = 0;

	for (int c = whole; c < CHOICES; c += 2) {
		try = *sp;
		if (edge(&try, ma, a, b, c) < 0)
			continue;
		if (!found || try.cost < best.cost) {
			best = try;
			found = 1;
		}
	}
	if (found)
		*sp = best;
	return found ? 0 : -1;
}

/* Months a..b (0..11; a > b: none) of year y (4 digits) with sign, one
 * piece each. */
static int
put_months(struct stats_span *sp, int y, int a, int b, int sign)
{
	char lo[SPAN_KEY], hi[SPAN_KEY];

	if (a > b)
		return 0;
	snprintf(lo, sizeof(lo), "%04u-%02u", (unsigned)y % 10000,
	    (unsigned)a % 12 + 1);
	snprintf(hi, sizeof(hi), "%04u-%02u", (unsigned)y % 10000,
	    (unsigned)b % 12 + 1);
	return fill(sp, sp->month, lo, hi, sign, b - a + 1);
}

/* Adds months a..b (0..11) of year y the cheaper way: themselves, or the
 * whole year (the caller adds it to the years; counted here) less its
 * months 0..a-1 and b+1..11.  1 when the year is read whole, 0 when
 * not, -1 (slots full). */
static int
year_part(struct stats_span *sp, int y, int a, int b)
{
	if (b - a + 1 <= 1 + a + (11 - b))
		return put_months(sp, y, a, b, 1) < 0 ? -1 : 0;
	sp->cost += 1;
	if (put_months(sp, y, 0, a - 1, -1) < 0 ||
	    put_months(sp, y, b + 1, 11, -1) < 0)
		return -1;
	return 1;
}

/* Adds months lo..hi (numbers years * 12 + months - 1; lo > hi: none):
 * the years all inside as years, the months of the first and last years
 * by year_part.  0 or -1. */
static int
put_years(struct stats_span *sp, int lo, int hi)
{
	int y1 = lo / 12, y2 = hi / 12, w1, w2 = 0;

	if (lo > hi)
		return 0;
	if ((w1 = year_part(sp, y1, lo % 12, y1 == y2 ? hi % 12 : 11)) < 0 ||
	    (y1 != y2 && (w2 = year_part(sp, y2, 0, hi % 12)) < 0))
		return -1;
	if (y1 == y2)
		w2 = w1;
	else
		sp->cost += y2 - y1 - 1;	/* the parts counted theirs */
	if (!w1)
		y1++;
	if (!w2)
		y2--;
	if (y1 <= y2) {
		snprintf(sp->year.lo, sizeof(sp->year.lo), "%04u",
		    (unsigned)y1 % 10000);
		snprintf(sp->year.hi, sizeof(sp->year.hi), "%04u",
		    (unsigned)y2 % 10000);
		sp->year.sign = 1;
	}
	return 0;
}

int
stats_span(const char *from, const char *to, struct stats_span *out)
{
	struct stats_span try;
	struct month_at m1, m2;
	int d1, d2, k1, k2, rc, found = 0;

	memset(out, 0, sizeof(*out));
	if (parse(from, &m1, &d1) < 0 || parse(to, &m2, &d2) < 0 ||
	    strcmp(from, to) > 0)
		return -1;
	k1 = m1.y * 12 + m1.m - 1;
	k2 = m2.y * 12 + m2.m - 1;
	/* Whether the first (w & 1) and last (w & 2) months are read whole:
	 * the cheapest edges of each way and the months then whole, by
	 * years.  One month: its one edge either way. */
	for (int w = 0; w < 4; w++) {
		int w1 = w & 1, w2 = w >> 1;

		if (k1 == k2 && w1 != w2)
			continue;
		memset(&try, 0, sizeof(try));
		if (k1 == k2)
			rc = best_edge(&try, &m1, d1, d2, w1);
		else if ((rc = best_edge(&try, &m1, d1, m1.n, w1)) == 0)
			rc = best_edge(&try, &m2, 1, d2, w2);
		if (rc < 0 ||
		    put_years(&try, w1 ? k1 : k1 + 1, w2 ? k2 : k2 - 1) < 0)
			continue;
		if (!found || try.cost < out->cost) {
			*out = try;
			found = 1;
		}
	}
	return found ? 0 : -1;
}
