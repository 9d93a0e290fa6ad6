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

/* Puts days lo..hi of month ma (days of the month; lo > hi: nothing)
 * with sign into a free slot of slots, adding units to the cost; 0, or
 * -1 when the slots are full. */
static int
put(struct stats_span *sp, struct span_range *slots,
    const struct month_at *ma, int lo, int hi, int sign, int units)
{
	if (lo > hi)
		return 0;
	for (int i = 0; i < SPAN_SLOTS; i++) {
		if (slots[i].sign != 0)
			continue;
		snprintf(slots[i].lo, sizeof(slots[i].lo), "%04d-%02d-%02d",
		    ma->y, ma->m, lo);
		snprintf(slots[i].hi, sizeof(slots[i].hi), "%04d-%02d-%02d",
		    ma->y, ma->m, hi);
		slots[i].sign = sign;
		sp->cost += units;
		return 0;
	}
	return -1;
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
 * 1..a-1 and b+1..end (the caller adds the month); otherwise days a..b.
 * Bits 2 and 4: whether a block cut at the first (last) end of what is
 * covered is read whole (cover's whole_x, whole_z).  0 or -1. */
static int
edge(struct stats_span *sp, const struct month_at *ma, int a, int b, int c)
{
	if (!(c & 1))
		return cover(sp, ma, a, b, 1, c & 2, c & 4);
	sp->cost += 1;
	if (cover(sp, ma, 1, a - 1, -1, 0, c & 2) < 0)
		return -1;
	return cover(sp, ma, b + 1, ma->n, -1, c & 4, 0);
}

/* Adds days a..b of ma to *sp the cheapest way; 1 when the whole month is
 * read (the caller adds it to the months), 0 when not, -1 on error. */
static int
best_edge(struct stats_span *sp, const struct month_at *ma, int a, int b)
{
	struct stats_span best = *sp, try;
	int found = -1;

	for (int c = 0; c < CHOICES; c++) {
		try = *sp;
		if (edge(&try, ma, a, b, c) < 0)
			continue;
		if (found < 0 || try.cost < best.cost) {
			best = try;
			found = c & 1;
		}
	}
	if (found >= 0)
		*sp = best;
	return found;
}

/* Month number k (years * 12 + months - 1; years of 4 digits) as
 * 'YYYY-MM' into out. */
static void
month_key(char *out, size_t n, unsigned k)
{
	snprintf(out, n, "%04u-%02u", k / 12 % 10000, k % 12 + 1);
}

int
stats_span(const char *from, const char *to, struct stats_span *out)
{
	struct month_at m1, m2;
	int d1, d2, k1, k2, lo, hi, w1, w2;

	memset(out, 0, sizeof(*out));
	if (parse(from, &m1, &d1) < 0 || parse(to, &m2, &d2) < 0 ||
	    strcmp(from, to) > 0)
		return -1;
	k1 = m1.y * 12 + m1.m - 1;
	k2 = m2.y * 12 + m2.m - 1;
	if (k1 == k2) {
		if ((w1 = best_edge(out, &m1, d1, d2)) < 0)
			return -1;
		lo = k1;
		hi = w1 ? k1 : k1 - 1;
	} else {
		if ((w1 = best_edge(out, &m1, d1, m1.n)) < 0 ||
		    (w2 = best_edge(out, &m2, 1, d2)) < 0)
			return -1;
		lo = w1 ? k1 : k1 + 1;
		hi = w2 ? k2 : k2 - 1;
		out->cost += k2 - k1 - 1;	/* the edges counted theirs */
	}
	if (lo <= hi) {
		month_key(out->month.lo, sizeof(out->month.lo), (unsigned)lo);
		month_key(out->month.hi, sizeof(out->month.hi), (unsigned)hi);
		out->month.sign = 1;
	}
	return 0;
}
