/* db.h — the one seam between the programs and SQLite.
 *
 * Programs never call sqlite3_*: they open a struct db and call db_*
 * functions (db_catalog.h, ...), each of which runs statements from a fixed
 * table prepared once per process with ? binds only.  The connection runs in
 * WAL mode with foreign keys on, synchronous=FULL and a busy timeout, so
 * several worker processes share one file safely.  Writes that must be
 * atomic run between db_begin() (BEGIN IMMEDIATE) and db_commit(). */
#ifndef SOUK_DB_H
#define SOUK_DB_H

struct db;

/* What a lookup of one thing returns when there is none (docs/library.md:
 * 0 found, DB_NONE none, -1 error). */
#define DB_NONE 1

enum db_flags {
	DB_CREATE = 1 << 0,	/* create the file if missing (soukctl init) */
	DB_READONLY = 1 << 1,
};

/* Opens path.  Returns the handle, or NULL after logging why. */
struct db	*db_open(const char *path, unsigned flags);
void		 db_close(struct db *);
/* For data that is cheap to lose and written on every click (carts):
 * this connection commits with synchronous=NORMAL (a commit survives a
 * crash of the process but may be lost, never half-kept, if the machine
 * loses power) and checkpoints the WAL every 10,000 pages instead of 1,000
 * (only checkpoints sync under NORMAL: fewer, larger ones cost much less
 * per write).  Orders and everything else stay FULL.  Returns 0 or -1. */
int		 db_relaxed(struct db *);
/* BEGIN IMMEDIATE (takes the write lock now, waiting up to the busy
 * timeout).  Returns 0 or -1. */
int		 db_begin(struct db *);
int		 db_commit(struct db *);
/* Rolls back if a transaction is open; safe to call when none is. */
void		 db_rollback(struct db *);
/* PRAGMA user_version, or -1. */
int		 db_user_version(struct db *);
/* Changes whenever another connection commits (PRAGMA data_version): lets
 * a process keep an in-memory cache and notice catalog changes. */
long long	 db_data_version(struct db *);
/* The last error message of the connection. */
const char	*db_errmsg(struct db *);

/* Schema management (soukctl).  Trusted, embedded SQL only. */
/* Creates the schema from the embedded schema.sql.  Returns 0 or -1. */
int		 db_schema_create(struct db *);
/* Applies migration files whose number is above user_version, each in its
 * own transaction, in order.  `dir` NULL: the embedded migrations/.
 * Returns the number applied, or -1 (nothing of the failing step kept). */
int		 db_migrate(struct db *, const char *dir);
/* The version the embedded schema.sql creates. */
int		 db_schema_version(void);
/* 0 when db is at db_schema_version(); else logs "database PATH is at
 * schema version N, WHO needs M: run soukctl migrate" and returns -1. */
int		 db_schema_check(struct db *, const char *path, const char *who);

/* Store-wide settings kept in the database (secret keys, ...).
 * db_setting returns a malloc'd copy or NULL. */
char		*db_setting(struct db *, const char *key);
int		 db_setting_set(struct db *, const char *key, const char *value);

#endif
