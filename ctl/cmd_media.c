/* cmd_media.c — soukctl media add, entitlement revoke|link: putting files
 * for sale and handling downloads from the shell (order status changes,
 * with their deliveries, are soukctl order set: cmd_orders.c).
 *
 * media add copies (or hard-links, when on the same file system) a file
 * into data_dir/downloads/ under a random name, so a film of several
 * gigabytes never passes through a FastCGI worker; the row in media_files
 * names the product and the file name buyers get. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <unistd.h>

#include "clock.h"
#include "csrf.h"
#include "ctl.h"
#include "db_products.h"
#include "delivery.h"
#include "fs.h"
#include "order.h"
#include "rand.h"
#include "store_conf.h"
#include "utf8.h"
#include "valid.h"

static const struct {
	const char *ext, *type;
} types[] = {
	{ ".mp4", "video/mp4" }, { ".m4v", "video/mp4" },
	{ ".mkv", "video/x-matroska" }, { ".webm", "video/webm" },
	{ ".mp3", "audio/mpeg" }, { ".m4a", "audio/mp4" },
	{ ".flac", "audio/flac" }, { ".ogg", "audio/ogg" },
	{ ".pdf", "application/pdf" }, { ".epub", "application/epub+zip" },
	{ ".zip", "application/zip" }, { ".txt", "text/plain; charset=utf-8" },
};

/* The Content-Type for file name s (by extension). */
static const char *
content_type(const char *s)
{
	const char *ext = strrchr(s, '.');

	for (size_t i = 0; ext && i < sizeof(types) / sizeof(types[0]); i++)
		if (strcasecmp(ext, types[i].ext) == 0)
			return types[i].type;
	return "application/octet-stream";
}

/* Copies src to dst (created, mode 0640) in the kernel
 * (sendfile: the bytes never enter this process); 0 or -1 (dst
 * removed). */
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

/* soukctl media add FILE --product SLUG */
static int
media_add(int argc, char **argv)
{
	static const char usage[] = "add FILE --product SLUG";
	char dir[4096], dst[4200], name[32];
	const char *src, *base, *slug;
	struct stat st;
	struct db *db;
	long long pid, id;

	if (argc != 5 || strcmp(argv[3], "--product") != 0)
		return ctl_usage("media", usage);
	src = argv[2];
	slug = argv[4];
	base = strrchr(src, '/') ? strrchr(src, '/') + 1 : src;
	if (stat(src, &st) < 0 || !S_ISREG(st.st_mode))
		return ctl_fail("media", "%s is not a readable file", src);
	if (*base == '\0' || strlen(base) > 255 || utf8_has_controls(base,
	    strlen(base), 0))
		return ctl_fail("media", "the file name must be 1 to 255 "
		    "characters without control characters");
	snprintf(dir, sizeof(dir), "%s/downloads", conf_str(CONF_DATA_DIR));
	if (fs_mkdir_p(dir, 0750) < 0)
		return ctl_fail("media", "cannot create %s", dir);
	if ((db = ctl_open(0)) == NULL)
		return 1;
	if ((pid = db_product_id(db, slug)) <= 0) {
		db_close(db);
		return ctl_fail("media", "no product %s", slug);
	}
	rand_token(name, 12);
	snprintf(dst, sizeof(dst), "%s/%s", dir, name);
	/* A hard link costs nothing on one file system; else a copy. */
	if (link(src, dst) < 0 && copy_file(src, dst) < 0) {
		db_close(db);
		return ctl_fail("media", "cannot copy %s to %s: %s", src, dst,
		    strerror(errno));
	}
	id = db_media_add(db, pid, name, base, content_type(base),
	    (long long)st.st_size, store_now());
	db_close(db);
	if (id < 0) {
		unlink(dst);
		return ctl_fail("media", "could not record %s", base);
	}
	ctl_printf("file %lld: %s (%lld bytes, %s) for %s\n", id, base,
	    (long long)st.st_size, content_type(base), slug);
	return 0;
}

int
cmd_media(int argc, char **argv)
{
	if (argc >= 2 && strcmp(argv[1], "add") == 0)
		return media_add(argc, argv);
	return ctl_usage(argv[0], "add FILE --product SLUG");
}

/* Installs the store secret from the database (signing links); 0 or -1. */
int
ctl_secret(struct db *db)
{
	char *hex = db_setting(db, "secret_key");
	int rc = hex != NULL && csrf_set_secret_hex(hex) == 0 ? 0 : -1;

	free(hex);
	if (rc < 0)
		ctl_eprintf("soukctl: the database has no secret_key (soukctl init)\n");
	return rc;
}

/* soukctl entitlement link ENT FILE: a fresh download link to send a
 * customer by hand. */
static int
entitlement_link(int argc, char **argv)
{
	char tok[DOWNLOAD_TOKEN_MAX];
	struct entitlement e;
	struct media_file f;
	const char *err;
	long long ent, file;
	struct arena a;
	struct db *db;
	int rc;

	if (argc != 4 || valid_int(argv[2], 1, 1LL << 53, &ent, &err) < 0 ||
	    valid_int(argv[3], 1, 1LL << 53, &file, &err) < 0)
		return ctl_usage(argv[0], "link ENTITLEMENT FILE");
	if ((db = ctl_open(0)) == NULL)
		return 1;
	arena_init(&a, 0);
	if (ctl_secret(db) < 0)
		rc = 1;
	else if ((rc = db_entitle_get(db, &a, ent, &e)) != 0 ||
	    (rc = db_entitle_file(db, &a, ent, file, &f)) != 0)
		rc = ctl_fail("entitlement", rc < 0 ? "cannot read the database" :
		    "entitlement %lld does not cover file %lld", ent, file);
	else {
		download_token_make(tok, &e, file, store_now());
		ctl_printf("%s/download/%s\n", conf_str(CONF_BASE_URL), tok);
	}
	arena_free(&a);
	db_close(db);
	return rc;
}

/* soukctl entitlement revoke ORDER LINE: takes one line's downloads back
 * (a partial refund) without changing the order; entitlement link ENT
 * FILE. */
int
cmd_entitlement(int argc, char **argv)
{
	const char *err;
	long long order, line;
	struct db *db;
	int n = -1;

	if (argc >= 2 && strcmp(argv[1], "link") == 0)
		return entitlement_link(argc, argv);
	if (argc != 4 || strcmp(argv[1], "revoke") != 0 ||
	    valid_int(argv[2], 1, 1LL << 53, &order, &err) < 0 ||
	    valid_int(argv[3], 1, 1000, &line, &err) < 0)
		return ctl_usage(argv[0], "revoke ORDER LINE");
	if ((db = ctl_open(0)) == NULL)
		return 1;
	if (db_begin(db) == 0 &&
	    (n = entitlements_revoke_for_order(db, order, line, "staff",
	    store_now())) >= 0 &&
	    db_commit(db) < 0)
		n = -1;
	if (n < 0)
		db_rollback(db);
	db_close(db);
	if (n < 0)
		return ctl_fail("entitlement", "could not revoke");
	ctl_printf("%d entitlement%s revoked\n", n, n == 1 ? "" : "s");
	return 0;
}
