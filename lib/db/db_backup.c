/* db_backup.c — see db_backup.h. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db_backup.h"
#include "db_internal.h"
#include "log.h"

/* Copies all of `from` into `to` with the backup API.  0 or -1 (logged). */
static int
copy_db(sqlite3 *to, sqlite3 *from, const char *what)
{
	sqlite3_backup *b = sqlite3_backup_init(to, "main", from, "main");
	int rc;

	if (b == NULL) {
		log_error("%s: %s", what, sqlite3_errmsg(to));
		return -1;
	}
	/* All pages in one step: one read snapshot, so the copy is
	 * consistent; busy only while a writer holds the destination. */
	while ((rc = sqlite3_backup_step(b, -1)) == SQLITE_BUSY ||
	    rc == SQLITE_LOCKED)
		sqlite3_sleep(20);
	sqlite3_backup_finish(b);
	if (rc != SQLITE_DONE) {
		log_error("%s: %s", what, sqlite3_errstr(rc));
		return -1;
	}
	return 0;
}

/* Runs a pragma returning rows of text; the first row not equal to "ok"
 * becomes *why (malloc'd).  0 clean, -1 problem or error. */
static int
pragma_rows(sqlite3 *h, const char *sql, char **why)
{
	sqlite3_stmt *st;
	int rc, bad = 0;

	if (sqlite3_prepare_v2(h, sql, -1, &st, NULL) != SQLITE_OK) {
		*why = strdup(sqlite3_errmsg(h));
		return -1;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && !bad) {
		const char *t = (const char *)sqlite3_column_text(st, 0);
		if (t == NULL || strcmp(t, "ok") != 0) {
			/* foreign_key_check rows: table, rowid, parent, fkid */
			char buf[256];
			snprintf(buf, sizeof(buf), "%s%s%s", t ? t : "",
			    sqlite3_column_count(st) > 2 ? " row refers to missing " : "",
			    sqlite3_column_count(st) > 2 ?
			    (const char *)sqlite3_column_text(st, 2) : "");
			*why = strdup(buf);
			bad = 1;
		}
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE && !bad) {
		*why = strdup(sqlite3_errmsg(h));
		bad = 1;
	}
	sqlite3_finalize(st);
	return bad ? -1 : 0;
}

static int
integrity(sqlite3 *h, char **why)
{
	*why = NULL;
	if (pragma_rows(h, "PRAGMA integrity_check", why) < 0)
		return -1;
	return pragma_rows(h, "PRAGMA foreign_key_check", why);
}

int
db_integrity(struct db *db, char **why)
{
	return integrity(db_sqlite(db), why);
}

int
db_backup_to(struct db *db, const char *path)
{
	char tmp[PATH_MAX];
	sqlite3 *to = NULL;
	int fd, rc = -1;

	if ((size_t)snprintf(tmp, sizeof(tmp), "%s.tmp", path) >= sizeof(tmp))
		return -1;
	if (access(path, F_OK) == 0) {
		log_error("backup: %s exists already", path);
		return -1;
	}
	/* Created here, 0600, so SQLite never creates it with its own mode. */
	unlink(tmp);
	if ((fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600)) < 0) {
		log_error("backup: %s: %s", tmp, strerror(errno));
		return -1;
	}
	close(fd);
	if (sqlite3_open_v2(tmp, &to, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
		log_error("backup: open %s: %s", tmp, sqlite3_errmsg(to));
		goto out;
	}
	if (copy_db(to, db_sqlite(db), "backup") < 0)
		goto out;
	/* A rollback-journal file (no -wal beside it): one self-contained
	 * file to copy off the machine. */
	if (sqlite3_exec(to, "PRAGMA journal_mode=DELETE", NULL, NULL, NULL) !=
	    SQLITE_OK) {
		log_error("backup: %s", sqlite3_errmsg(to));
		goto out;
	}
	rc = 0;
out:
	if (to != NULL && sqlite3_close(to) != SQLITE_OK)
		rc = -1;
	if (rc == 0) {
		if ((fd = open(tmp, O_RDONLY | O_CLOEXEC)) < 0 || fsync(fd) < 0)
			rc = -1;
		if (fd >= 0)
			close(fd);
	}
	if (rc == 0 && rename(tmp, path) < 0) {
		log_error("backup: rename to %s: %s", path, strerror(errno));
		rc = -1;
	}
	if (rc < 0)
		unlink(tmp);
	return rc;
}

int
db_restore_from(struct db *db, const char *src)
{
	sqlite3 *from = NULL;
	sqlite3_stmt *st = NULL;
	char *why = NULL;
	int rc = -1, version = -1, ours;

	if (sqlite3_open_v2(src, &from, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
		log_error("restore: cannot open %s: %s", src, sqlite3_errmsg(from));
		goto out;
	}
	if (integrity(from, &why) < 0) {
		log_error("restore: %s is damaged: %s", src, why ? why : "?");
		goto out;
	}
	if (sqlite3_prepare_v2(from, "PRAGMA user_version", -1, &st, NULL) ==
	    SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		version = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	ours = db_user_version(db);
	if (version <= 0 || version > ours) {
		log_error("restore: %s is at schema version %d; this store is at "
		    "%d (a newer backup needs a newer souk)", src, version, ours);
		goto out;
	}
	rc = copy_db(db_sqlite(db), from, "restore");
out:
	free(why);
	sqlite3_close(from);
	return rc;
}
