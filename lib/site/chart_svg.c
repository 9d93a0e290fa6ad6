/* chart_svg.c — see chart_svg.h. */
#include <string.h>

#include "chart_svg.h"

#define W	640	/* the viewBox; the SVG scales to its box */
#define PAD	8
#define INK	"#1f4e79"
#define GRID	"#d0d7de"
#define TEXT	"#1b1f24"

/* s XML-escaped (& < > " ') onto out. */
static void
put_text(struct buf *out, const char *s)
{
	for (; s != NULL && *s; s++) {
		switch (*s) {
		case '&': buf_puts(out, "&amp;"); break;
		case '<': buf_puts(out, "&lt;"); break;
		case '>': buf_puts(out, "&gt;"); break;
		case '"': buf_puts(out, "&quot;"); break;
		case '\'': buf_puts(out, "&#39;"); break;
		default:
			/* XML 1.0 has no place for C0 controls but TAB/LF/CR. */
			if ((unsigned char)*s < 0x20 && *s != '\t' &&
			    *s != '\n' && *s != '\r')
				buf_putc(out, '?');
			else
				buf_putc(out, *s);
		}
	}
}

/* A label cut to at most max bytes (on a UTF-8 boundary), with "…". */
static void
put_label(struct buf *out, const char *s, size_t max)
{
	size_t n = strlen(s);
	char cut[128];

	if (n <= max || max >= sizeof(cut) - 4) {
		put_text(out, s);
		return;
	}
	while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80)
		max--;
	memcpy(cut, s, max);
	memcpy(cut + max, "\xE2\x80\xA6", 4);
	put_text(out, cut);
}

static long long
top_of(const struct chart_point *p, size_t n)
{
	long long top = 0;

	for (size_t i = 0; i < n; i++)
		if (p[i].value > top)
			top = p[i].value;
	return top > 0 ? top : 1;
}

/* <title>/<desc> and a <title> per mark, so a pointer shows the value. */
static void
open_svg(struct buf *out, int h, const char *title, const char *desc)
{
	buf_printf(out, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
	    "class=\"chart\" viewBox=\"0 0 %d %d\" role=\"img\" "
	    "font-family=\"sans-serif\" font-size=\"12\"><title>", W, h);
	put_text(out, title);
	buf_puts(out, "</title><desc>");
	put_text(out, desc);
	buf_puts(out, "</desc>");
}

static void
mark_title(struct buf *out, const struct chart_point *p)
{
	buf_puts(out, "<title>");
	put_text(out, p->label);
	buf_puts(out, ": ");
	put_text(out, p->value_text);
	buf_puts(out, "</title>");
}

/* Horizontal bars: one row of 26 units each, name left, value right. */
static void
bars(struct buf *out, const struct chart_point *p, size_t n, long long top)
{
	const int lw = 200, vw = 130, bw = W - lw - vw - 2 * PAD;

	for (size_t i = 0; i < n; i++) {
		int y = PAD + (int)i * 26, len = (int)(p[i].value * bw / top);
		buf_printf(out, "<text x=\"%d\" y=\"%d\" fill=\"" TEXT "\">",
		    PAD, y + 16);
		put_label(out, p[i].label, 28);
		buf_printf(out, "</text><rect x=\"%d\" y=\"%d\" width=\"%d\" "
		    "height=\"18\" fill=\"" INK "\">", lw, y + 3, len < 1 ? 1 : len);
		mark_title(out, &p[i]);
		buf_printf(out, "</rect><text x=\"%d\" y=\"%d\" fill=\"" TEXT
		    "\">", lw + (len < 1 ? 1 : len) + 6, y + 16);
		put_text(out, p[i].value_text);
		buf_puts(out, "</text>");
	}
}

/* Columns or a line over a baseline, first and last labels below. */
static void
series(struct buf *out, enum chart_kind k, const struct chart_point *p,
    size_t n, long long top, int h)
{
	const int base = h - 24, ph = base - PAD - 16;
	const double step = (double)(W - 2 * PAD) / (double)n;

	buf_printf(out, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" "
	    "stroke=\"" GRID "\"/>", PAD, base, W - PAD, base);
	buf_printf(out, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" "
	    "stroke=\"" GRID "\" stroke-dasharray=\"4 4\"/>", PAD, base - ph,
	    W - PAD, base - ph);
	buf_printf(out, "<text x=\"%d\" y=\"%d\" fill=\"" TEXT "\">", PAD,
	    base - ph - 4);
	for (size_t i = 0; i < n; i++)
		if (p[i].value == top) {
			put_text(out, p[i].value_text);
			break;
		}
	buf_puts(out, "</text>");
	if (k == CHART_LINE && n > 1) {
		buf_puts(out, "<polyline fill=\"none\" stroke=\"" INK "\" "
		    "stroke-width=\"2\" points=\"");
		for (size_t i = 0; i < n; i++)
			buf_printf(out, "%s%.1f,%lld", i ? " " : "",
			    PAD + step * ((double)i + 0.5),
			    base - p[i].value * ph / top);
		buf_puts(out, "\"/>");
	}
	for (size_t i = 0; i < n; i++) {
		double x = PAD + step * (double)i;
		long long len = p[i].value * ph / top;
		if (k == CHART_LINE)
			buf_printf(out, "<circle cx=\"%.1f\" cy=\"%lld\" r=\"3\" "
			    "fill=\"" INK "\">", x + step / 2, base - len);
		else
			buf_printf(out, "<rect x=\"%.1f\" y=\"%lld\" width=\"%.1f\" "
			    "height=\"%lld\" fill=\"" INK "\">", x + step * 0.1,
			    base - (len < 1 ? 1 : len), step * 0.8,
			    len < 1 ? 1 : len);
		mark_title(out, &p[i]);
		buf_puts(out, k == CHART_LINE ? "</circle>" : "</rect>");
	}
	buf_printf(out, "<text x=\"%d\" y=\"%d\" fill=\"" TEXT "\">", PAD,
	    h - 6);
	put_label(out, p[0].label, 24);
	buf_printf(out, "</text><text x=\"%d\" y=\"%d\" text-anchor=\"end\" "
	    "fill=\"" TEXT "\">", W - PAD, h - 6);
	put_label(out, p[n - 1].label, 24);
	buf_puts(out, "</text>");
}

int
chart_svg(struct buf *out, enum chart_kind k, const char *title,
    const char *desc, const struct chart_point *p, size_t n)
{
	long long top;
	int h;

	if (n == 0)
		return -1;
	top = top_of(p, n);
	h = k == CHART_BARS ? 2 * PAD + (int)n * 26 : 220;
	open_svg(out, h, title, desc);
	if (k == CHART_BARS)
		bars(out, p, n, top);
	else
		series(out, k, p, n, top, h);
	buf_puts(out, "</svg>");
	return 0;
}
