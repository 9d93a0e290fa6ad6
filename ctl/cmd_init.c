/* cmd_init.c — soukctl init, migrate, config. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "store_conf.h"
#include "cred.h"
#include "ctl.h"
#include "content.h"
#include "db_catalog.h"
#include "rand.h"

int
cmd_init(int argc, char **argv)
{
	const char *path = conf_str(CONF_DB_PATH);
	unsigned char key[32];
	char hex[2 * sizeof(key) + 1];
	struct db *db;
	struct stat st;

	if (argc != 1)
		return ctl_usage(argv[0], "");
	if (stat(path, &st) == 0 && st.st_size > 0)
		return ctl_fail("init", "%s already exists; use soukctl migrate "
		    "to upgrade it", path);
	if ((db = db_open(path, DB_CREATE)) == NULL)
		return ctl_fail("init", "cannot create %s", path);
	rand_bytes(key, sizeof(key));
	hex_encode(hex, key, sizeof(key));
	/* The default terms, refunds, delivery, privacy and about pages, FAQ
	 * and banners (content.h), for staff to edit. */
	if (db_schema_create(db) < 0 || db_setting_set(db, "secret_key", hex) < 0 ||
	    content_seed(db, (long long)time(NULL)) < 0) {
		db_close(db);
		unlink(path);
		return ctl_fail("init", "could not create the schema");
	}
	ctl_printf("created %s (schema version %d)\n", path, db_user_version(db));
	/* Outside the database: back it up separately (docs/delivery.md). */
	switch (cred_key_create()) {
	case 0:
		ctl_printf("created %s (credentials key: back it up "
		    "separately)\n", cred_key_path());
		break;
	case 1:
		break;
	default:
		db_close(db);
		return ctl_fail("init", "could not create the credentials key %s",
		    cred_key_path());
	}
	db_close(db);
	return 0;
}

int
cmd_migrate(int argc, char **argv)
{
	const char *dir = NULL;
	struct db *db;
	int n, before;

	if (argc == 3 && strcmp(argv[1], "--dir") == 0)
		dir = argv[2];
	else if (argc != 1)
		return ctl_usage(argv[0], "[--dir DIR]");
	if ((db = ctl_open(1)) == NULL)
		return 1;
	before = db_user_version(db);
	n = db_migrate(db, dir);
	if (n >= 0 && db_vocab_sync(db, 0) < 0)
		n = -1;
	/* A store upgraded to content pages gets the default texts. */
	if (n > 0 && content_seed(db, (long long)time(NULL)) < 0)
		n = -1;
	if (n < 0) {
		db_close(db);
		return ctl_fail("migrate", "failed; the database is still at "
		    "version %d", before);
	}
	ctl_printf("%d migration%s applied; schema version %d\n", n, n == 1 ? "" : "s",
	    db_user_version(db));
	db_close(db);
	return 0;
}

int
cmd_config(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	for (int k = 0; k < CONF__MAX; k++) {
		const char *v = conf_str(k);
		if (k == CONF_SMTP_PASSWORD && *v)
			v = "(set)";
		ctl_printf("%-20s = %s\n", conf_name(k), v);
	}
	return 0;
}
