/* cmd_media.c — soukctl media add, entitlement revoke|link: putting files
 * for sale and handling downloads from the shell (order status changes,
 * with their deliveries, are soukctl order set: cmd_orders.c; grants
 * are cmd_grant.c).
 *
 * media add hard-links (or copies, across file systems) a file into
 * data_dir/downloads/ under a random name through media_add() (media.h,
 * shared with the admin's uploads), so a film of several gigabytes never
 * passes through a FastCGI worker. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "csrf.h"
#include "ctl.h"
#include "db_products.h"
#include "delivery.h"
#include "media.h"
#include "order.h"
#include "store_conf.h"
#include "valid.h"

/* soukctl media add FILE --product SLUG */
static int
media_add_cmd(int argc, char **argv)
{
	static const char usage[] = "add FILE --product SLUG";
	const char *src, *slug;
	struct media_src m = { 0 };
	struct arena a;
	struct db *db;
	long long pid, id, size;
	enum media_result r;

	if (argc != 5 || strcmp(argv[3], "--product") != 0)
		return ctl_usage("media", usage);
	src = argv[2];
	slug = argv[4];
	m.path = src;
	m.name = strrchr(src, '/') ? strrchr(src, '/') + 1 : src;
	if ((db = ctl_open(0)) == NULL)
		return 1;
	if ((pid = db_product_id(db, slug)) <= 0) {
		db_close(db);
		return ctl_fail("media", "no product %s", slug);
	}
	arena_init(&a, 0);
	r = media_add(db, &a, &ctl_actor, pid, &m, store_now(), &id, &size);
	db_close(db);
	arena_free(&a);
	switch (r) {
	case MEDIA_OK:
		ctl_printf("file %lld: %s (%lld bytes, %s) for %s\n", id,
		    m.name, size, media_content_type(m.name), slug);
		return 0;
	case MEDIA_SOURCE:
		return ctl_fail("media", "%s is not a readable file", src);
	case MEDIA_NAME:
		return ctl_fail("media", "the file name must be 1 to 255 "
		    "characters without control characters");
	default:
		return ctl_fail("media", "could not store %s (see the messages "
		    "above)", m.name);
	}
}

int
cmd_media(int argc, char **argv)
{
	if (argc >= 2 && strcmp(argv[1], "add") == 0)
		return media_add_cmd(argc, argv);
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
 * FILE; grant, grants and revoke --grant (cmd_grant.c). */
int
cmd_entitlement(int argc, char **argv)
{
	const char *err;
	long long order, line;
	struct db *db;
	int n = -1;

	if (argc >= 2 && strcmp(argv[1], "link") == 0)
		return entitlement_link(argc, argv);
	if (argc >= 2 && strcmp(argv[1], "grant") == 0)
		return ctl_grant(argc, argv);
	if (argc >= 2 && strcmp(argv[1], "grants") == 0)
		return ctl_grants(argc, argv);
	if (argc >= 3 && strcmp(argv[1], "revoke") == 0 &&
	    strcmp(argv[2], "--grant") == 0)
		return ctl_grant_revoke(argc, argv);
	if (argc != 4 || strcmp(argv[1], "revoke") != 0 ||
	    valid_int(argv[2], 1, 1LL << 53, &order, &err) < 0 ||
	    valid_int(argv[3], 1, 1000, &line, &err) < 0)
		return ctl_usage(argv[0], "revoke ORDER LINE | revoke --grant "
		    "ID | grant --email E --product SLUG ... | grants --email "
		    "E | link ENT FILE");
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
