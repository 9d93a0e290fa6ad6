/* image.h — images decoded by their content and re-encoded with libvips
 * (store layer): what staff see of a payment proof, and later product
 * pictures.  Nothing of the upload is passed on as sent: the pixels are
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

#define IMAGE_MAX_PIXELS (50LL * 1000 * 1000)	/* decompression bombs */

#endif
