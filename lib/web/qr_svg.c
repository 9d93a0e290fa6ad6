/* qr_svg.c — see qr_svg.h. */
#include <qrencode.h>

#include "qr_svg.h"

int
qr_svg(struct buf *b, const char *text)
{
	QRcode *q = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
	int w, size;

	if (q == NULL)
		return -1;
	w = q->width;
	size = w + 8;
	buf_printf(b, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" "
	    "width=\"%d\" height=\"%d\" shape-rendering=\"crispEdges\" role=\"img\">"
	    "<rect width=\"%d\" height=\"%d\" fill=\"#fff\"/><path fill=\"#000\" d=\"",
	    size, size, size * 6, size * 6, size, size);
	for (int y = 0; y < w; y++)
		for (int x = 0; x < w; x++)
			if (q->data[y * w + x] & 1)
				buf_printf(b, "M%d %dh1v1h-1z", x + 4, y + 4);
	buf_puts(b, "\"/></svg>");
	QRcode_free(q);
	return 0;
}
