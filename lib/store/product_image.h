/* product_image.h — product pictures from an upload or a drawing (store
 * layer).  The bytes sent are never kept: they are decoded by their
 * content (JPEG, PNG or WebP only, image.h) and re-encoded as new WebP
 * files without metadata in PIMG_NSIZES display sizes, written under
 * media_dir/p/ with a random name and served by the web server as
 * /media/p/<name>-<px>.webp.  The product row keeps the 640 px one. */
#ifndef SOUK_PRODUCT_IMAGE_H
#define SOUK_PRODUCT_IMAGE_H
#include <stddef.h>

#include "db.h"

#define PIMG_NSIZES	3
extern const int pimg_sizes[PIMG_NSIZES];	/* 320, 640, 1280 */
#define PIMG_SHOWN	640			/* the stored path's size */
#define PIMG_NAME_LEN	32			/* hex characters */

enum pimg_result {
	PIMG_OK,
	PIMG_TYPE,	/* not a JPEG, PNG or WebP image (415) */
	PIMG_TOO_LARGE,	/* more pixels than IMAGE_MAX_PIXELS (413) */
	PIMG_ERROR	/* disk or database (logged) */
};

/* Re-encodes data and adds it as the last image of product_id with this
 * alt text (inside the caller's transaction; the files are written
 * first and removed again when the row cannot be added).  *id the
 * image's id. */
enum pimg_result product_image_add(struct db *, const char *media_dir,
	    long long product_id, const void *data, size_t len,
	    const char *alt, long long *id);

/* Draws a cover for product_id (name in white on a colour of slug's
 * own, PIMG_COVER_W x PIMG_COVER_H) and adds it as product_image_add
 * does, name as alt text, but without a log line or a sync per file:
 * soukctl demo's pictures, then product_image_sync() once. */
#define PIMG_COVER_W	240
#define PIMG_COVER_H	180
enum pimg_result product_image_draw(struct db *, const char *media_dir,
	    long long product_id, const char *slug, const char *name,
	    long long *id);

/* Puts every file written under media_dir/p on disk (syncfs): 0 or -1. */
int		 product_image_sync(const char *media_dir);

#endif
