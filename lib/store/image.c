/* image.c — see image.h. */
#include <string.h>
#include <vips/vips.h>

#include "image.h"
#include "log.h"

/* Starts libvips once per process: 0 or -1. */
static int
image_init(void)
{
	static int state;	/* 0 not yet, 1 ready, -1 failed */

	if (state == 0) {
		state = VIPS_INIT("souk") == 0 ? 1 : -1;
		if (state < 0)
			log_error("image: libvips: %s", vips_error_buffer());
		else {
			vips_cache_set_max(0);	/* one image per request */
			vips_concurrency_set(1);
		}
	}
	return state > 0 ? 0 : -1;
}

/* WebP is written at effort 2 (of 0-6): about half the time of the
 * default 4 for a few percent more bytes. */

/* 1 when the loader libvips picked is one of ours. */
static int
loader_ok(const char *loader)
{
	static const char *const ok[] = {
		"VipsForeignLoadJpegBuffer", "VipsForeignLoadPngBuffer",
		"VipsForeignLoadWebpBuffer", NULL
	};

	for (int i = 0; loader != NULL && ok[i] != NULL; i++)
		if (strcmp(loader, ok[i]) == 0)
			return 1;
	return 0;
}

int
image_reencode_jpeg(const void *data, size_t len, int max_px, struct buf *out)
{
	return image_reencode(data, len, max_px, IMAGE_JPEG, out);
}

int
image_size(const void *data, size_t len, int *w, int *h)
{
	VipsImage *in;

	if (image_init() < 0)
		return -1;
	if (!loader_ok(vips_foreign_find_load_buffer(data, len))) {
		vips_error_clear();
		return -1;
	}
	if ((in = vips_image_new_from_buffer(data, len, "", "access",
	    VIPS_ACCESS_SEQUENTIAL, NULL)) == NULL) {
		vips_error_clear();
		return -1;
	}
	*w = vips_image_get_width(in);
	*h = vips_image_get_height(in);
	g_object_unref(in);
	return 0;
}

int
image_reencode(const void *data, size_t len, int max_px, enum image_fmt fmt,
    struct buf *out)
{
	VipsImage *in = NULL, *thumb = NULL;
	void *jpg = NULL;
	size_t jlen = 0;
	int rc = -1;

	if (image_init() < 0)
		return -1;
	if (!loader_ok(vips_foreign_find_load_buffer(data, len))) {
		log_warn("image: not a JPEG, PNG or WebP image");
		vips_error_clear();
		return -1;
	}
	/* The header first: refuse bombs before decoding any pixel. */
	if ((in = vips_image_new_from_buffer(data, len, "", "access",
	    VIPS_ACCESS_SEQUENTIAL, NULL)) == NULL)
		goto out;
	if ((long long)vips_image_get_width(in) *
	    vips_image_get_height(in) > IMAGE_MAX_PIXELS) {
		log_warn("image: %dx%d is too large", vips_image_get_width(in),
		    vips_image_get_height(in));
		goto out;
	}
	if (vips_thumbnail_buffer((void *)data, len, &thumb, max_px,
	    "height", max_px, "size", VIPS_SIZE_DOWN, NULL) != 0 ||
	    (fmt == IMAGE_WEBP ? vips_webpsave_buffer(thumb, &jpg, &jlen, "Q",
	    80, "effort", 2, "strip", TRUE, NULL) : vips_jpegsave_buffer(thumb,
	    &jpg, &jlen, "Q", 85, "strip", TRUE, NULL)) != 0)
		goto out;
	buf_put(out, jpg, jlen);
	rc = 0;
out:
	if (rc < 0 && vips_error_buffer()[0] != '\0')
		log_warn("image: %s", vips_error_buffer());
	vips_error_clear();
	g_free(jpg);
	if (thumb != NULL)
		g_object_unref(thumb);
	if (in != NULL)
		g_object_unref(in);
	return rc;
}

int
image_draw_cover(const char *title, unsigned rgb, int w, int h,
    struct buf *out)
{
	double white[3] = { 255, 255, 255 };
	VipsImage *pic = NULL, *text = NULL;
	unsigned char *px = NULL;
	char *markup = NULL;
	void *png = NULL;
	size_t len = 0;
	int rc = -1;

	if (image_init() < 0)
		return -1;
	/* vips_text reads Pango markup: the title is escaped text. */
	markup = g_markup_printf_escaped("<b>%s</b>", title);
	/* The background filled here: cheaper than a pipeline of three
	 * operations, and drawn on in place. */
	if ((px = g_try_malloc((size_t)w * h * 3)) == NULL)
		goto out;
	for (size_t i = 0; i < (size_t)w * h * 3; i += 3) {
		px[i] = (rgb >> 16) & 0xff;
		px[i + 1] = (rgb >> 8) & 0xff;
		px[i + 2] = rgb & 0xff;
	}
	if ((pic = vips_image_new_from_memory(px, (size_t)w * h * 3, w, h, 3,
	    VIPS_FORMAT_UCHAR)) == NULL ||
	    vips_text(&text, markup, "width", w * 7 / 8, "dpi", w / 2,
	    "font", "sans 12", "align", VIPS_ALIGN_CENTRE, NULL) != 0)
		goto out;
	if (vips_draw_mask(pic, white, 3, text, (w - vips_image_get_width(text)) /
	    2, (h - vips_image_get_height(text)) / 2, NULL) != 0 ||
	    vips_pngsave_buffer(pic, &png, &len, "compression", 0, NULL) != 0)
		goto out;
	buf_put(out, png, len);
	rc = 0;
out:
	if (rc < 0)
		log_error("image: cover: %s", vips_error_buffer());
	vips_error_clear();
	g_free(png);
	g_free(markup);
	if (text != NULL)
		g_object_unref(text);
	if (pic != NULL)
		g_object_unref(pic);
	g_free(px);
	return rc;
}
