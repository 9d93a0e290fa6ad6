/* chart_svg.h — charts drawn on the server as SVG (docs/admin.md
 * "Dashboard"): bars or a line from one series.  Every text (title,
 * labels, values) is XML-escaped here, so a page may print the result
 * unescaped; the SVG is role="img" with a <title> and <desc>, and each
 * page shows the same figures as a table beside it for screen readers.
 * Colours: one dark blue (#1f4e79, contrast 8.6:1 on white) on a light
 * grid, so the bars read without colour vision. */
#ifndef SOUK_CHART_SVG_H
#define SOUK_CHART_SVG_H
#include <stddef.h>

#include "buf.h"

struct chart_point {
	const char	*label;		/* the axis label (a day, a name) */
	const char	*value_text;	/* the value as shown ("1 234,500 TND") */
	long long	 value;		/* >= 0; the bar's length */
};

enum chart_kind {
	CHART_COLUMNS,	/* vertical bars, labels below (time series) */
	CHART_BARS,	/* horizontal bars, labels on the left (rankings) */
	CHART_LINE,	/* a line through the points (time series) */
};

/* Appends to out the SVG of points p[0..n) as kind k, with title and
 * desc (the accessible name and description).  n == 0 draws nothing and
 * returns -1 (a page shows its "no data" text instead); else 0. */
int		 chart_svg(struct buf *out, enum chart_kind k, const char *title,
		    const char *desc, const struct chart_point *p, size_t n);

#endif
