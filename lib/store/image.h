/* image.h — images decoded by their content and re-encoded with libvips
 * (store layer): what staff see of a payment proof, and later product
 * pictures (product_image.h).  Nothing of the upload is passed on as sent: the pixels are
 * decoded, shrunk to fit, and written again as a new JPEG without
 * metadata (EXIF, XMP, ICC comments and any trailing bytes are gone). */
#ifndef SOUK_IMAGE_H
#define SOUK_IMAGE_H
#include <stddef.h>

#include "buf.h"

/* Decodes data (JPEG, PNG or WebP, told apart by content; anything else
 * or more than IMAGE_MAX_PIXELS is refused), shrinks it to fit in
 * max_px x max_px (never enlarges), and appends a JPEG to out.  Returns
 * 0, or -1 (logged) when the bytes are not such an image. */
int	image_reencode_jpeg(const void *data, size_t len, int max_px,
	    struct buf *out);

enum image_fmt { IMAGE_JPEG, IMAGE_WEBP };

/* image_reencode_jpeg() writing fmt (a new WebP or JPEG, no metadata). */
int	image_reencode(const void *data, size_t len, int max_px,
	    enum image_fmt fmt, struct buf *out);
/* The width and height the header of a JPEG, PNG or WebP declares
 * (no pixel decoded): 0, or -1 when data is no such image. */
int	image_size(const void *data, size_t len, int *w, int *h);

/* A picture drawn rather than sent: w x h pixels of colour rgb
 * (0xRRGGBB) with title in bold white, wrapped and centred, appended to
 * out as PNG (product_image_draw).  0, or -1 (logged). */
int	image_draw_cover(const char *title, unsigned rgb, int w, int h,
	    struct buf *out);

#define IMAGE_MAX_PIXELS (50LL * 1000 * 1000)	/* decompression bombs */

#endif
