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
/* BEGIN IMMEDIATE: takes the write lock now.  The writers of the store
 * queue for it in the kernel (lib/db/db_writers.h: a flock on
 * "<database>-writers", held until COMMIT or ROLLBACK), so the next one
 * starts as soon as the last one commits instead of polling.  Waits at
 * most the busy timeout (db_busy_timeout: 5 s) in the queue, and as long
 * again for a writer outside it.  Returns 0, -2 when still busy after
 * that (answer "busy, try again", not an error page), or -1. */
int		 db_begin(struct db *);
/* 1 when a db_begin() since the last call answered -2 (busy), then
 * forgets it: a request's end turns its error into "busy, try again". */
int		 db_busy_take(struct db *);
/* The bound of db_begin()'s waits, in ms (5000 unless set). */
void		 db_busy_timeout(struct db *, int ms);
int		 db_commit(struct db *);
/* A read-only transaction (BEGIN, deferred) around a page's reads: its
 * statements read one snapshot, and SQLite takes and drops the WAL
 * read lock once instead of once a statement (strace: a product page's
 * autocommit reads made 22 fcntl() calls).  Nothing may write inside
 * it.  db_read_begin() returns 0 or -1; db_read_end() ends it (and is a
 * no-op when no transaction is open). */
int		 db_read_begin(struct db *);
void		 db_read_end(struct db *);
/* Rolls back if a transaction is open; safe to call when none is. */
void		 db_rollback(struct db *);
/* Group commit, for writes many requests make at once (orders).
 * db_begin_grouped() is db_begin() with this transaction's COMMIT not
 * waiting for the disk inside the write lock (synchronous=NORMAL for it);
 * db_commit_grouped() commits, lets the next writer in, and then syncs
 * the WAL file (db_sync).  When it returns 0 the transaction is on disk
 * as surely as a db_commit() under FULL, and the concurrent commits of
 * other processes share that sync: the kernel flushes whatever the WAL
 * holds in one go.  A power cut loses only commits whose sync had not
 * returned, never part of one (the WAL's checksums keep a prefix of
 * whole transactions).  -1 when the commit failed (rolled back) or the
 * sync did (committed, maybe not on disk: answer as an error).  Either
 * way the connection is back to its own synchronous level.
 * db_begin_grouped() returns as db_begin() does (-2: busy).  A WAL
 * checkpoint that a commit makes due (1,000 pages; 10,000 relaxed) runs
 * after the sync, outside the writers queue, never inside a commit. */
int		 db_begin_grouped(struct db *);
int		 db_commit_grouped(struct db *);
/* Syncs the WAL file: every transaction any connection committed before
 * the call is on disk when it returns 0 (-1: the sync failed).  Before
 * showing a row another request committed with db_commit_grouped() and
 * may not have synced yet (a repeated order form finding its order). */
int		 db_sync(struct db *);
/* A batch: the transactions of several requests as savepoints of one
 * (the web layer's PAGE_BATCH pages, db.h's group commit taken further:
 * one commit and one sync for the orders of concurrent shoppers).  After
 * db_batch_open() (0, or -1 inside a transaction), db_begin() and
 * db_begin_grouped() open a savepoint (the batch's transaction, grouped
 * and in the writers queue, begins with the first of them), db_commit()
 * and db_commit_grouped() release it into the batch (0: kept; nothing is
 * on disk yet), db_rollback() undoes only it, db_sync() is owed to the
 * close, and db_read_begin()/db_read_end() do nothing (reads see the
 * batch's writes).  Writes outside a savepoint join the batch's
 * transaction.  db_batch_close() commits and syncs: 0 when everything the
 * batch's requests kept is on disk, -1 when none of it is (the
 * transaction was lost, or the commit failed), -2 when it was committed
 * but the sync failed (maybe not on disk); the caller answers the
 * batch's requests only then, and as failed after -1 or -2.  A WAL
 * checkpoint the batch made due waits for db_checkpoint_due(), after the
 * answers.  db_close() inside a batch rolls it back.  db_batch_spent()
 * is 1 when the open batch should close before it takes another request:
 * its transaction was lost (nothing more can be kept in it), or a begin
 * in it found the writers queue busy (each further request would wait
 * its own busy timeout while the answers before it are held); else 0. */
int		 db_batch_open(struct db *);
int		 db_batch_spent(struct db *);
int		 db_batch_close(struct db *);
/* Work a layer above owes a batch's end (the store's figures, summed
 * over the batch's orders and written once): registered with
 * db_batch_hook() from inside a request's savepoint, its kept() runs when
 * that savepoint is released into the batch, undone() when it is undone
 * (what the request staged must go with it), flush() inside the batch's
 * transaction just before its COMMIT (its writes are the batch's; -1
 * loses the batch: rolled back, db_batch_close() answers -1), dropped()
 * when the batch ends without a commit (its transaction lost, db_close).
 * A hook is called once per event and forgotten when the batch ends; a
 * second registration of the same h in one batch is a no-op.
 * db_batch_hook() returns 0 (registered), 1 when no request's savepoint
 * of a batch is open (nothing registered: do the work now, in the
 * caller's transaction), -1 when too many are registered (logged). */
struct db_batch_hooks {
	void	(*kept)(void *arg);
	void	(*undone)(void *arg);
	int	(*flush)(struct db *, void *arg);
	void	(*dropped)(void *arg);
};
int		 db_batch_hook(struct db *, const struct db_batch_hooks *h,
		    void *arg);
/* The WAL checkpoint a commit made due, if any (PASSIVE; outside the
 * writers queue): a batch's, once its requests are answered. */
void		 db_checkpoint_due(struct db *);
/* PRAGMA user_version, or -1. */
int		 db_user_version(struct db *);
/* Changes whenever another connection commits (PRAGMA data_version): lets
 * a process keep an in-memory cache and notice catalog changes. */
long long	 db_data_version(struct db *);
/* How many rows this connection's statements have inserted, updated or
 * deleted since it was opened, triggers' included (sqlite3_total_changes):
 * what data_version does not count, the process's own writes. */
long long	 db_changes_total(struct db *);
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
