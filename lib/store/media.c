/* media.c — see media.h. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <unistd.h>

#include "db_delivery.h"
#include "db_staff.h"
#include "fs.h"
#include "log.h"
#include "media.h"
#include "rand.h"
#include "staff_perm.h"
#include "store_conf.h"
#include "utf8.h"

#define NAME_BYTES 12	/* 16 base64url characters */

static const struct {
	const char *ext, *type;
} types[] = {
	{ ".mp4", "video/mp4" }, { ".m4v", "video/mp4" },
	{ ".mkv", "video/x-matroska" }, { ".webm", "video/webm" },
	{ ".mp3", "audio/mpeg" }, { ".m4a", "audio/mp4" },
	{ ".flac", "audio/flac" }, { ".ogg", "audio/ogg" },
	{ ".pdf", "application/pdf" }, { ".epub", "application/epub+zip" },
	{ ".zip", "application/zip" }, { ".txt", "text/plain; charset=utf-8" },
	{ ".srt", "application/x-subrip" }, { ".vtt", "text/vtt" },
};

const char *
media_content_type(const char *name)
{
	const char *ext = strrchr(name, '.');

	for (size_t i = 0; ext && i < sizeof(types) / sizeof(types[0]); i++)
		if (strcasecmp(ext, types[i].ext) == 0)
			return types[i].type;
	return "application/octet-stream";
}

/* 1 when name may be a buyer's file name. */
static int
name_ok(const char *name)
{
	size_t n = name ? strlen(name) : 0;

	return n > 0 && n <= 255 && strchr(name, '/') == NULL &&
	    utf8_valid(name, n) && !utf8_has_controls(name, n, 0);
}

/* Copies src to dst (created, mode 0640) in the kernel (sendfile: the
 * bytes never enter this process); 0 or -1 (dst removed). */
static int
copy_file(const char *src, const char *dst)
{
	int in, out, rc = 0;
	ssize_t n;

	if ((in = open(src, O_RDONLY)) < 0)
		return -1;
	if ((out = open(dst, O_WRONLY | O_CREAT | O_EXCL, 0640)) < 0) {
		close(in);
		return -1;
	}
	while ((n = sendfile(out, in, NULL, 1 << 30)) > 0)
		;
	if (n < 0 || fsync(out) < 0)
		rc = -1;
	close(in);
	if (close(out) < 0)
		rc = -1;
	if (rc < 0)
		unlink(dst);
	return rc;
}

/* Writes data[0..len) to dst (created, mode 0640); 0 or -1 (removed). */
static int
write_file(const char *dst, const void *data, size_t len)
{
	const char *p = data;
	int fd, rc = 0;

	if ((fd = open(dst, O_WRONLY | O_CREAT | O_EXCL, 0640)) < 0)
		return -1;
	while (len > 0 && rc == 0) {
		ssize_t n = write(fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			rc = -1;
		else {
			p += n;
			len -= (size_t)n;
		}
	}
	if (rc == 0 && fsync(fd) < 0)
		rc = -1;
	if (close(fd) < 0)
		rc = -1;
	if (rc < 0)
		unlink(dst);
	return rc;
}

/* data_dir/downloads/<name> in the arena. */
static const char *
stored_path(struct arena *a, const char *name)
{
	return arena_printf(a, "%s/downloads/%s", conf_str(CONF_DATA_DIR),
	    name);
}

/* Puts src's bytes at a new random name under data_dir/downloads/ (into
 * *name, arena); 0 or -1 (logged). */
static int
store_bytes(struct arena *a, const struct media_src *src, const char **name)
{
	const char *dir = arena_printf(a, "%s/downloads",
	    conf_str(CONF_DATA_DIR)), *dst;
	char tok[32];

	if (fs_mkdir_p(dir, 0750) < 0)
		return -1;
	rand_token(tok, NAME_BYTES);
	*name = arena_strdup(a, tok);
	dst = stored_path(a, tok);
	/* A hard link costs nothing on one file system; else a copy. */
	if (src->path ? link(src->path, dst) < 0 && copy_file(src->path,
	    dst) < 0 : write_file(dst, src->data, src->len) < 0) {
		log_error("media: cannot store %s as %s: %s", src->name, dst,
		    strerror(errno));
		return -1;
	}
	return 0;
}

/* The audit row of a's action on product_id; 0 or -1. */
static int
audit(struct db *db, struct arena *ar, const struct staff_actor *a,
    const char *action, long long product_id, const char *detail,
    long long now)
{
	struct audit_entry e = {
		.user_id = a->id, .actor = a->email, .action = action,
		.kind = "product", .object = arena_printf(ar, "%lld",
		product_id), .detail = detail, .addr = a->addr ? a->addr : "",
	};

	return db_audit_add(db, &e, now);
}

enum media_result
media_add(struct db *db, struct arena *ar, const struct staff_actor *a,
    long long product_id, const struct media_src *src, long long now,
    long long *id, long long *size)
{
	const char *name, *type;
	struct stat st;

	*id = *size = 0;
	if (!staff_may(a->role, PERM_CATALOG))
		return MEDIA_FORBIDDEN;
	if (!name_ok(src->name))
		return MEDIA_NAME;
	if (src->path != NULL) {
		if (stat(src->path, &st) < 0 || !S_ISREG(st.st_mode) ||
		    access(src->path, R_OK) < 0)
			return MEDIA_SOURCE;
		*size = (long long)st.st_size;
	} else if (src->len == 0)
		return MEDIA_EMPTY;
	else if ((long long)src->len > conf_int(CONF_MEDIA_UPLOAD_MAX))
		return MEDIA_TOO_LARGE;
	else
		*size = (long long)src->len;
	if (store_bytes(ar, src, &name) < 0)
		return MEDIA_ERROR;
	type = media_content_type(src->name);
	if (db_begin(db) < 0)
		goto fail;
	if ((*id = db_media_add(db, product_id, name, src->name, type, *size,
	    now)) < 0 || audit(db, ar, a, "media_add", product_id,
	    arena_printf(ar, "file %lld: %s (%lld bytes, %s)", *id, src->name,
	    *size, type), now) < 0 || db_commit(db) < 0) {
		db_rollback(db);
		goto fail;
	}
	return MEDIA_OK;
fail:
	unlink(stored_path(ar, name));
	*id = 0;
	return MEDIA_ERROR;
}

enum media_result
media_remove(struct db *db, struct arena *ar, const struct staff_actor *a,
    long long product_id, long long file_id, long long now)
{
	struct media_file f;
	const char *path;
	int rc;

	if (!staff_may(a->role, PERM_CATALOG))
		return MEDIA_FORBIDDEN;
	if (db_begin(db) < 0)
		return MEDIA_ERROR;
	if ((rc = db_media_get(db, ar, file_id, product_id, &f)) != 0) {
		db_rollback(db);
		return rc < 0 ? MEDIA_ERROR : MEDIA_NONE;
	}
	if (db_media_del(db, file_id, product_id) != 1 || audit(db, ar, a,
	    "media_remove", product_id, arena_printf(ar, "file %lld: %s",
	    file_id, f.file_name), now) < 0 || db_commit(db) < 0) {
		db_rollback(db);
		return MEDIA_ERROR;
	}
	path = stored_path(ar, f.stored_name);
	if (unlink(path) < 0 && errno != ENOENT)
		log_warn("media: cannot remove %s: %s", path, strerror(errno));
	return MEDIA_OK;
}
