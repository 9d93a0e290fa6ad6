/* cmd_backup.c — soukctl backup, restore, check. */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "store_conf.h"
#include "conf_check.h"
#include "catalog_version.h"
#include "ctl.h"
#include "db_backup.h"
#include "db_check.h"
#include "fs.h"

/* Backups in dir are named souk-YYYYmmddTHHMMSSZ.db: sorting by name is
 * sorting by age.  Removes all but the newest `keep`.  Returns how many
 * were removed. */
static int
prune(const char *dir, int keep)
{
	struct dirent **names;
	int n, removed = 0, ours = 0;

	if ((n = scandir(dir, &names, NULL, alphasort)) < 0)
		return 0;
	for (int i = n - 1; i >= 0; i--) {
		const char *s = names[i]->d_name;
		size_t len = strlen(s);
		if (strncmp(s, "souk-", 5) == 0 && len > 8 &&
		    strcmp(s + len - 3, ".db") == 0 && ++ours > keep) {
			char p[PATH_MAX];
			if ((size_t)snprintf(p, sizeof(p), "%s/%s", dir, s) <
			    sizeof(p) && unlink(p) == 0)
				removed++;
		}
		free(names[i]);
	}
	free(names);
	return removed;
}

int
cmd_backup(int argc, char **argv)
{
	const char *args = "FILE | --dir DIR [--keep N]";
	char path[PATH_MAX];
	const char *dir = NULL;
	int keep = 0, rc;
	struct db *db;

	if (argc == 2 && argv[1][0] != '-')
		snprintf(path, sizeof(path), "%s", argv[1]);
	else if ((argc == 3 || argc == 5) && strcmp(argv[1], "--dir") == 0) {
		time_t now = time(NULL);
		struct tm tm;
		char stamp[32];

		dir = argv[2];
		if (argc == 5 && (strcmp(argv[3], "--keep") != 0 ||
		    (keep = atoi(argv[4])) < 1))
			return ctl_usage(argv[0], args);
		if (fs_mkdir_p(dir, 0700) < 0)
			return 1;
		strftime(stamp, sizeof(stamp), "%Y%m%dT%H%M%SZ",
		    gmtime_r(&now, &tm));
		if ((size_t)snprintf(path, sizeof(path), "%s/souk-%s.db", dir,
		    stamp) >= sizeof(path))
			return ctl_fail("backup", "path too long");
	} else
		return ctl_usage(argv[0], args);
	if ((db = ctl_open(0)) == NULL)
		return 1;
	rc = db_backup_to(db, path);
	db_close(db);
	if (rc < 0)
		return ctl_fail("backup", "no backup written");
	ctl_printf("backup written to %s\n", path);
	if (dir != NULL && keep > 0) {
		int n = prune(dir, keep);
		if (n > 0)
			ctl_printf("removed %d older backup%s (keeping %d)\n", n,
			    n == 1 ? "" : "s", keep);
	}
	return 0;
}

int
cmd_restore(int argc, char **argv)
{
	char keep[PATH_MAX], stamp[32];
	time_t now = time(NULL);
	struct tm tm;
	struct db *db;
	char *why = NULL;
	long long seen;
	int n;

	if (argc != 2)
		return ctl_usage(argv[0], "FILE");
	if (access(argv[1], R_OK) < 0)
		return ctl_fail("restore", "%s: %s", argv[1], strerror(errno));
	if ((db = ctl_open(1)) == NULL)
		return 1;
	/* The database being replaced is kept beside it, just in case. */
	strftime(stamp, sizeof(stamp), "%Y%m%dT%H%M%SZ", gmtime_r(&now, &tm));
	snprintf(keep, sizeof(keep), "%s.before-restore-%s",
	    conf_str(CONF_DB_PATH), stamp);
	if (db_backup_to(db, keep) < 0) {
		db_close(db);
		return ctl_fail("restore", "could not save the current database "
		    "first; nothing restored");
	}
	seen = catalog_version_read(db);
	if (db_restore_from(db, argv[1]) < 0) {
		db_close(db);
		return ctl_fail("restore", "nothing restored (the database is "
		    "unchanged)");
	}
	/* Workers keep pages per catalog version (body_cache.h): a new
	 * one, so none keeps a page of the database that was replaced. */
	if ((n = db_migrate(db, NULL)) < 0 || db_integrity(db, &why) < 0 ||
	    catalog_version_above(db, seen) < 0) {
		ctl_eprintf("soukctl restore: the restored database fails its "
		    "checks: %s; the previous one is %s\n", why ? why : "migrate",
		    keep);
		free(why);
		db_close(db);
		return 1;
	}
	db_close(db);
	ctl_printf("restored %s into %s (%d migration%s applied); the previous "
	    "database is %s\n", argv[1], conf_str(CONF_DB_PATH), n,
	    n == 1 ? "" : "s", keep);
	return 0;
}

/* What `check` found: errors make it exit 1, warnings alone 3. */
struct tally {
	int errors, warnings;
};

static void say(struct tally *, enum check_level, const char *, ...)
    __attribute__((format(printf, 3, 4)));

/* One FAIL or warn line, counted. */
static void
say(struct tally *t, enum check_level level, const char *fmt, ...)
{
	char line[1024];
	va_list ap;

	if (level == CHECK_ERROR)
		t->errors++;
	else
		t->warnings++;
	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	ctl_printf("%s %s\n", level == CHECK_ERROR ? "FAIL" : "warn", line);
}

static void
on_invariant(const char *name, const char *what, enum check_level level,
    long long n, void *arg)
{
	if (n == 0)
		ctl_printf("ok   %s\n", name);
	else
		say(arg, level, "%s: %lld %s", name, n, what);
}

/* Private files must be 0600/0640 and directories 0700/0750. */
static void
check_mode(struct tally *t, const char *path)
{
	int m = fs_mode(path);

	if (m < 0)
		return;		/* -wal/-shm exist only while in use */
	if (fs_mode_loose(m))
		say(t, CHECK_WARN, "%s is mode %04o: other users can read or "
		    "change it (chmod 0600, directories 0700)", path, m);
	else
		ctl_printf("ok   mode %s\n", path);
}

static void
check_modes_in(struct tally *t, const char *dir)
{
	struct dirent *e;
	DIR *d;

	check_mode(t, dir);
	if ((d = opendir(dir)) == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		char p[PATH_MAX];
		if (e->d_name[0] == '.' ||
		    (size_t)snprintf(p, sizeof(p), "%s/%s", dir, e->d_name) >=
		    sizeof(p))
			continue;
		if (e->d_type == DT_DIR)
			check_modes_in(t, p);
		else
			check_mode(t, p);
	}
	closedir(d);
}

int
cmd_check(int argc, char **argv)
{
	const char *dbp = conf_str(CONF_DB_PATH);
	struct tally t = { 0, 0 };
	char p[PATH_MAX];
	struct db *db;
	char *why = NULL;
	int n;

	if (argc != 1)
		return ctl_usage(argv[0], "");
	if (conf_check_paths() < 0)
		say(&t, CHECK_ERROR, "directories (see the messages above)");
	else
		ctl_printf("ok   directories\n");
	if ((db = ctl_open(0)) == NULL) {
		ctl_printf("FAIL database %s cannot be used\n", dbp);
		return 1;
	}
	if (db_integrity(db, &why) < 0)
		say(&t, CHECK_ERROR, "integrity: %s", why ? why : "?");
	else
		ctl_printf("ok   integrity\n");
	free(why);
	if ((n = db_check_invariants(db, on_invariant, &t)) < 0)
		say(&t, CHECK_ERROR, "invariants: %s", db_errmsg(db));
	db_close(db);
	check_mode(&t, dbp);
	snprintf(p, sizeof(p), "%s-wal", dbp);
	check_mode(&t, p);
	snprintf(p, sizeof(p), "%s-shm", dbp);
	check_mode(&t, p);
	check_modes_in(&t, conf_str(CONF_DATA_DIR));
	ctl_printf("%d error%s, %d warning%s\n", t.errors, t.errors == 1 ? "" : "s",
	    t.warnings, t.warnings == 1 ? "" : "s");
	return t.errors ? 1 : t.warnings ? 3 : 0;
}
