/* stats_span.h — a range of days as the pieces the top products read
 * (docs/admin.md "Dashboard", migrations 037 and 038): whole calendar
 * years (order_stats_sold_year), months (order_stats_sold_month), blocks
 * of a month's days 1–8, 9–16, 17–24 and 25 to its end
 * (order_stats_sold_block, keyed by the block's first day) and days
 * (order_stats_sold), each piece added or taken away, so that every day
 * of the range counts once and no other day counts.  Each edge month is
 * read the cheapest way: its days inside the range as blocks and days,
 * or the whole month less the days outside it; a block cut by the range
 * as its days inside, or the whole block less its days outside.  The
 * whole months left are read per calendar year the same way: the year's
 * months inside, or the whole year less its months outside.  A piece is
 * a key range of one table: years 'YYYY', months 'YYYY-MM', blocks and
 * days 'YYYY-MM-DD'; it costs one (at a million orders each is about the
 * 1,000 products' rows). */
#ifndef SOUK_STATS_SPAN_H
#define SOUK_STATS_SPAN_H

#define SPAN_KEY	11	/* 'YYYY-MM-DD' and its NUL */
#define SPAN_SLOTS	2	/* month, block and day ranges (at most 2 of
				 * each) */

/* Keys lo..hi (inclusive) of one table, added (sign 1) or taken away
 * (sign -1); sign 0: an unused slot. */
struct span_range {
	char	 lo[SPAN_KEY], hi[SPAN_KEY];
	int	 sign;
};

struct stats_span {
	struct span_range year;			/* always added */
	struct span_range month[SPAN_SLOTS];	/* each in one year */
	struct span_range block[SPAN_SLOTS];
	struct span_range day[SPAN_SLOTS];
	int	 cost;		/* years + months + blocks + days read */
};

/* The block of the day-of-month d (1..31): its first day, 1, 9, 17 or
 * 25. */
int	stats_block_start(int d);
/* The pieces of days [from, to] ('YYYY-MM-DD', real dates, from <= to)
 * into *out, the cheapest of the ways above; 0, or -1 when they are
 * not. */
int	stats_span(const char *from, const char *to, struct stats_span *out);

#endif
