/* db_backup.h — online backups, restores and integrity checks of the
 * database (db layer; `soukctl backup|restore|check`).
 *
 * A backup is a consistent copy taken with SQLite's backup API while the
 * store keeps taking orders: it copies one read snapshot (WAL mode lets
 * writers go on meanwhile), so it holds every order committed before the
 * snapshot whole and none of the later ones.  Files are written mode 0600
 * under a temporary name and renamed into place once synced, so a crash
 * never leaves a half backup under the final name. */
#ifndef SOUK_DB_BACKUP_H
#define SOUK_DB_BACKUP_H

struct db;

/* Copies the open database to path (which must not exist).  Returns 0, or
 * -1 after logging why (nothing left at path). */
int	db_backup_to(struct db *, const char *path);
/* Replaces the content of the open database with the database at src, in
 * one step (other connections see the old or the new content, never a
 * mix).  src is checked first (integrity, schema version <= ours).  Returns
 * 0, or -1 after logging why (the database is left as it was). */
int	db_restore_from(struct db *, const char *src);
/* PRAGMA integrity_check and foreign_key_check.  Returns 0 when both are
 * clean, else -1; *why (malloc'd, caller frees) says the first problem. */
int	db_integrity(struct db *, char **why);

#endif
