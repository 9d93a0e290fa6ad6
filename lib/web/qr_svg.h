/* qr_svg.h — a QR code as inline SVG, encoded by libqrencode (site
 * layer: a view).  The SVG holds only <rect> elements we write, no text
 * from the input, so a page may print it unescaped. */
#ifndef SOUK_QR_SVG_H
#define SOUK_QR_SVG_H
#include "buf.h"

/* Appends the SVG of text (error correction M, 4-module quiet zone).
 * Returns 0 or -1. */
int	qr_svg(struct buf *, const char *text);

#endif
