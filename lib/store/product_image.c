/* product_image.c — see product_image.h. */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "db_catalog_admin.h"
#include "db_products.h"
#include "fs.h"
#include "image.h"
#include "log.h"
#include "product_image.h"
#include "rand.h"
#include "sha256.h"

const int pimg_sizes[PIMG_NSIZES] = { 320, 640, 1280 };

/* media_dir/p/<name>-<px>.webp into out; 0 or -1 (too long). */
static int
file_path(char *out, size_t size, const char *media_dir, const char *name,
    int px)
{
	return (size_t)snprintf(out, size, "%s/p/%s-%d.webp", media_dir, name,
	    px) < size ? 0 : -1;
}

/* Writes len bytes of p to a new file path (world-readable: the web
 * server serves it), on disk before it returns when durable; 0 or -1
 * (logged). */
static int
write_new(const char *path, const char *p, size_t len, int durable)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);

	if (fd < 0) {
		log_error("image: %s: %s", path, strerror(errno));
		return -1;
	}
	while (len > 0) {
		ssize_t n = write(fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			log_error("image: write %s: %s", path, strerror(errno));
			close(fd);
			unlink(path);
			return -1;
		}
		p += n;
		len -= (size_t)n;
	}
	if ((durable && fsync(fd) < 0) || close(fd) < 0) {
		unlink(path);
		return -1;
	}
	return 0;
}

/* Removes the first n sizes of image `name`. */
static void
remove_files(const char *media_dir, const char *name, int n)
{
	char path[PATH_MAX];

	for (int i = 0; i < n; i++)
		if (file_path(path, sizeof(path), media_dir, name,
		    pimg_sizes[i]) == 0)
			unlink(path);
}

/* product_image_add() when told (logged, each file synced); else quiet
 * and the caller syncs them all (product_image_sync): soukctl demo draws
 * two hundred. */
static enum pimg_result
store(struct db *db, const char *media_dir, long long product_id,
    const void *data, size_t len, const char *alt, long long *id, int told)
{
	char dir[PATH_MAX], path[PATH_MAX], name[PIMG_NAME_LEN + 1], url[96];
	unsigned char r[PIMG_NAME_LEN / 2];
	long long pos;
	int w, h, i;

	if (image_size(data, len, &w, &h) < 0)
		return PIMG_TYPE;
	if ((long long)w * h > IMAGE_MAX_PIXELS)
		return PIMG_TOO_LARGE;
	if ((size_t)snprintf(dir, sizeof(dir), "%s/p", media_dir) >=
	    sizeof(dir) || fs_mkdir_p(dir, 0755) < 0)
		return PIMG_ERROR;
	rand_bytes(r, sizeof(r));
	hex_encode(name, r, sizeof(r));
	for (i = 0; i < PIMG_NSIZES; i++) {
		char prev[PATH_MAX];
		int rc;
		/* Never enlarged: a picture that fits the smaller size is
		 * that size's file again (a hard link), encoded once. */
		if (i > 0 && w <= pimg_sizes[i - 1] && h <= pimg_sizes[i - 1]) {
			rc = file_path(prev, sizeof(prev), media_dir, name,
			    pimg_sizes[i - 1]) < 0 || file_path(path,
			    sizeof(path), media_dir, name, pimg_sizes[i]) < 0 ||
			    link(prev, path) < 0 ? -1 : 0;
		} else {
			struct buf out = { 0 };
			rc = image_reencode(data, len, pimg_sizes[i], IMAGE_WEBP,
			    &out);
			if (rc == 0)
				rc = file_path(path, sizeof(path), media_dir, name,
				    pimg_sizes[i]);
			if (rc == 0)
				rc = write_new(path, out.data, out.len, told);
			buf_free(&out);
		}
		if (rc < 0) {
			remove_files(media_dir, name, i);
			/* The header was fine: the pixels were not. */
			return PIMG_TYPE;
		}
	}
	snprintf(url, sizeof(url), "/media/p/%s-%d.webp", name, PIMG_SHOWN);
	if ((pos = db_adm_image_next(db, product_id)) < 0 ||
	    (*id = db_image_add(db, product_id, url, alt, pos)) <= 0) {
		remove_files(media_dir, name, PIMG_NSIZES);
		return PIMG_ERROR;
	}
	if (told)
		log_info("product %lld: image %s (%dx%d, %zu bytes sent)",
		    product_id, name, w, h, len);
	return PIMG_OK;
}

enum pimg_result
product_image_add(struct db *db, const char *media_dir, long long product_id,
    const void *data, size_t len, const char *alt, long long *id)
{
	return store(db, media_dir, product_id, data, len, alt, id, 1);
}

/* A colour of its own for each slug (FNV-1a), dark enough for white
 * text: the hash's hue at chroma 0.385 and lightness 0.35 (HSL). */
static unsigned
slug_colour(const char *slug)
{
	/* Per 60-degree sector: which of r, g, b get chroma (1) and the
	 * second largest part (2). */
	static const int parts[6][3] = {
		{ 1, 2, 0 }, { 2, 1, 0 }, { 0, 1, 2 },
		{ 0, 2, 1 }, { 2, 0, 1 }, { 1, 0, 2 },
	};
	unsigned hash = 2166136261u, out = 0;
	double hue, c = 0.385, m = 0.35 - c / 2, v[3];

	for (; *slug; slug++)
		hash = (hash ^ (unsigned char)*slug) * 16777619u;
	hue = (hash % 360) / 60.0;
	v[0] = 0;
	v[1] = c;
	v[2] = c * (1 - fabs(fmod(hue, 2) - 1));
	for (int i = 0; i < 3; i++)
		out = out << 8 | (unsigned)((v[parts[(int)hue][i]] + m) * 255);
	return out;
}

enum pimg_result
product_image_draw(struct db *db, const char *media_dir, long long product_id,
    const char *slug, const char *name, long long *id)
{
	struct buf png = { 0 };
	enum pimg_result r = PIMG_ERROR;

	if (image_draw_cover(name, slug_colour(slug), PIMG_COVER_W,
	    PIMG_COVER_H, &png) == 0)
		r = store(db, media_dir, product_id, png.data, png.len, name,
		    id, 0);
	buf_free(&png);
	return r;
}

int
product_image_sync(const char *media_dir)
{
	char dir[PATH_MAX];
	int fd, rc;

	if ((size_t)snprintf(dir, sizeof(dir), "%s/p", media_dir) >= sizeof(dir) ||
	    (fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0)
		return -1;
	rc = syncfs(fd);
	close(fd);
	if (rc < 0)
		log_error("image: sync %s: %s", dir, strerror(errno));
	return rc;
}
