/* db.c — connection, transactions, statement cache, schema and migrations;
 * see db.h and db_internal.h. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

#include "db_idset.h"
#include "db_internal.h"
#include "db_text.h"
#include "db_writers.h"
#include "embedded.h"
#include "log.h"

/* The transaction verbs, prepared once per connection (V_READ: the
 * deferred BEGIN of db_read_begin). */
enum { V_READ, V_BEGIN, V_COMMIT, V_ROLLBACK, V_NORMAL, V_FULL, V_SAVE,
    V_RELEASE, V_UNDO, V__MAX };
static const char *const verbs[V__MAX] = {
	[V_READ] = "BEGIN", [V_BEGIN] = "BEGIN IMMEDIATE", [V_COMMIT] = "COMMIT",
	[V_ROLLBACK] = "ROLLBACK", [V_NORMAL] = "PRAGMA synchronous=NORMAL",
	[V_FULL] = "PRAGMA synchronous=FULL",
	/* A request's transaction inside a batch (db_batch_open). */
	[V_SAVE] = "SAVEPOINT request", [V_RELEASE] = "RELEASE request",
	[V_UNDO] = "ROLLBACK TO request",
};

/* The WAL's checkpoint thresholds in pages (SQLite's default, and a
 * relaxed connection's: db_relaxed). */
#define CKPT_PAGES	1000
#define CKPT_RELAXED	10000
/* The most db_batch_hook() registrations one batch holds. */
#define DB_BATCH_HOOKS	4

struct db {
	sqlite3		*h;
	char		*path;
	struct db_stmts	*sets;		/* statement tables prepared on h */
	sqlite3_stmt	*data_version;
	sqlite3_stmt	*verb[V__MAX];
	int		 relaxed;	/* db_relaxed(): NORMAL is its level */
	int		 grouped;	/* in a db_begin_grouped() transaction */
	int		 qfd;		/* the writers queue (db_writers.h), -1 */
	pid_t		 qpid;		/* the process that opened qfd */
	int		 queued;	/* holding the queue */
	int		 readonly;	/* DB_READONLY: never queues */
	int		 wait_ms;	/* db_busy_timeout() */
	int		 busy_seen;	/* db_begin() answered -2 (db_busy_take) */
	int		 ckpt_pages;	/* checkpoint the WAL at this size */
	int		 ckpt_due;	/* ... reached inside the queue */
	/* db_batch_open(): transactions are savepoints of one. */
	int		 batch;		/* in a batch */
	int		 batch_outer;	/* its transaction is open */
	int		 batch_inner;	/* a request's savepoint is open */
	int		 batch_lost;	/* its transaction was rolled back */
	int		 batch_sync;	/* a db_sync() is owed at the close */
	int		 batch_busy;	/* a begin in it answered -2 */
	struct {
		const struct db_batch_hooks *h;
		void		*arg;
	}		 hook[DB_BATCH_HOOKS];	/* db_batch_hook() */
	int		 nhook;
};

static void	batch_lose(struct db *);

const char *
embedded_get(const char *name)
{
	for (const struct embedded_file *f = embedded_files; f->name; f++)
		if (strcmp(f->name, name) == 0)
			return f->text;
	return NULL;
}

int
db_fail(struct db *db, const char *what)
{
	log_error("db: %s: %s", what, sqlite3_errmsg(db->h));
	return -1;
}

const char *
db_errmsg(struct db *db)
{
	return sqlite3_errmsg(db->h);
}

sqlite3 *
db_sqlite(struct db *db)
{
	return db->h;
}

/* Fixed PRAGMAs and transaction verbs only: nothing from input. */
static int
exec_fixed(struct db *db, const char *sql)
{
	char *msg = NULL;

	if (sqlite3_exec(db->h, sql, NULL, NULL, &msg) != SQLITE_OK) {	/* souk:exec-ok fixed PRAGMA/transaction text */
		log_error("db: %s: %s", sql, msg ? msg : "?");
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

/* Waiting for another connection's write lock (a writer outside the
 * queue: a single-statement write, another tool).  SQLite's own handler
 * sleeps 1, 2, 5, 10 ... 100 ms between tries, so under steady writes a
 * transaction that needed to wait half a millisecond waits tens: poll
 * every 50 us for the first ~5 ms (a commit is that short), then back off
 * to 1 ms; give up after about the busy timeout (db_busy_timeout, 5 s).
 * Returns 1 to retry, 0 to fail. */
static int
busy_wait(void *arg, int count)
{
	const struct db *db = arg;

	if (count < 100)
		usleep(50);
	else if (count < 100 + db->wait_ms)
		usleep(1000);
	else
		return 0;
	return 1;
}

/* How much of a statement or savepoint journal SQLite keeps in memory
 * before it spills to a temporary file: a batch's requests are
 * savepoints (db_batch_open), and the first change of each page inside
 * one copies the page there; past SQLite's 64 KiB (a few orders) the
 * journal went to a file: ~50 pwrite64 an order and a temporary file
 * opened, truncated and unlinked per batch (strace).  A batch of 16
 * orders needs about 2 MiB.  SQLite allocates the journal in chunks of
 * this size: under the workers' mmap threshold (4 MiB, app.c), so a
 * chunk freed at a RELEASE is reused from the heap, not unmapped (8 MiB
 * made an mmap and a munmap per order). */
#define STMT_SPILL	(3 * 1024 * 1024)

/* Before SQLite's first use in the process: no memory statistics (the
 * library keeps none we read, and counting took a mutex around every
 * allocation, ~1% of a catalog page's instructions, callgrind), and
 * journals in memory up to STMT_SPILL.  A no-op once SQLite is
 * initialised (the tests open many stores). */
static void
sqlite_setup(void)
{
	static int done;

	if (done)
		return;
	done = 1;
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	sqlite3_config(SQLITE_CONFIG_STMTJRNL_SPILL, STMT_SPILL);
}

/* Runs the prepared verb v; 0 or -1 (SQLITE_BUSY: -2), logged. */
static int
verb(struct db *db, int v)
{
	sqlite3_stmt *st = db->verb[v];
	int rc;

	if (st == NULL && sqlite3_prepare_v3(db->h, verbs[v], -1,
	    SQLITE_PREPARE_PERSISTENT, &db->verb[v], NULL) != SQLITE_OK)
		return db_fail(db, verbs[v]);
	st = db->verb[v];
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc == SQLITE_DONE || rc == SQLITE_ROW)
		return 0;
	log_error("db: %s: %s", verbs[v], sqlite3_errmsg(db->h));
	return (rc & 0xff) == SQLITE_BUSY ? -2 : -1;
}

/* Checkpoints the WAL (PASSIVE: never waits for readers or writers).
 * Busy (another connection is checkpointing) is the common case under
 * load and not worth a line: the next commit past the size tries again. */
static void
checkpoint(struct db *db)
{
	int rc;

	db->ckpt_due = 0;
	rc = sqlite3_wal_checkpoint_v2(db->h, NULL, SQLITE_CHECKPOINT_PASSIVE,
	    NULL, NULL);
	if (rc != SQLITE_OK && (rc & 0xff) != SQLITE_BUSY &&
	    (rc & 0xff) != SQLITE_LOCKED)
		log_error("db: checkpoint: %s", sqlite3_errmsg(db->h));
}

/* SQLite's WAL hook after each commit: what its automatic checkpoint does
 * (at ckpt_pages), except inside the writers queue, where the checkpoint
 * waits for the queue's release (db_commit): the next writer is not held
 * up while this one copies the WAL into the database. */
static int
wal_hook(void *arg, sqlite3 *h, const char *name, int pages)
{
	struct db *db = arg;

	(void)h;
	(void)name;
	if (pages < db->ckpt_pages)
		return SQLITE_OK;
	if (db->queued)
		db->ckpt_due = 1;
	else
		checkpoint(db);
	return SQLITE_OK;
}

/* Takes the writers queue, (re)opened in this process if need be.
 * 0 (also without a queue), -2 busy, -1 error. */
static int
queue_take(struct db *db)
{
	int rc;

	if (db->readonly)
		return 0;
	if (db->qfd >= 0 && db->qpid != getpid()) {	/* a forked copy */
		close(db->qfd);
		db->qfd = -1;
		db->queued = 0;		/* the parent's hold, not ours */
	}
	if (db->qfd < 0 && db->qpid != getpid()) {
		db->qpid = getpid();
		db->qfd = writers_open(db->path);
	}
	if (db->qfd < 0)
		return 0;
	if ((rc = writers_take(db->qfd, db->wait_ms)) == 0)
		db->queued = 1;
	else if (rc == -1) {	/* a file system without flock: logged */
		close(db->qfd);
		db->qfd = -1;
		rc = 0;		/* write without the queue */
	}
	return rc;
}

/* Releases the queue if this process holds it (a forked copy of the
 * connection never unlocks its parent's hold). */
static void
queue_release(struct db *db)
{
	if (!db->queued)
		return;
	db->queued = 0;
	if (db->qpid == getpid())
		writers_release(db->qfd);
}

struct db *
db_open(const char *path, unsigned flags)
{
	struct db *db = calloc(1, sizeof(*db));
	int oflags = flags & DB_READONLY ? SQLITE_OPEN_READONLY :
	    SQLITE_OPEN_READWRITE | (flags & DB_CREATE ? SQLITE_OPEN_CREATE : 0);

	if (db == NULL)
		return NULL;
	sqlite_setup();
	db->qfd = -1;
	db->wait_ms = 5000;
	db->ckpt_pages = CKPT_PAGES;
	if ((db->path = strdup(path)) == NULL) {
		free(db);
		return NULL;
	}
	if (sqlite3_open_v2(path, &db->h, oflags | SQLITE_OPEN_NOMUTEX, NULL) !=
	    SQLITE_OK) {
		log_error("db: cannot open %s: %s", path,
		    db->h ? sqlite3_errmsg(db->h) : "out of memory");
		sqlite3_close(db->h);
		free(db->path);
		free(db);
		return NULL;
	}
	sqlite3_extended_result_codes(db->h, 1);
	sqlite3_busy_handler(db->h, busy_wait, db);
	db->readonly = (flags & DB_READONLY) != 0;
	if (!db->readonly)
		sqlite3_wal_hook(db->h, wal_hook, db);
	if ((!(flags & DB_READONLY) && exec_fixed(db, "PRAGMA journal_mode=WAL") < 0) ||
	    exec_fixed(db, "PRAGMA foreign_keys=ON") < 0 ||
	    exec_fixed(db, "PRAGMA synchronous=FULL") < 0 ||
	    db_text_register(db->h) < 0 || db_idset_register(db->h) < 0) {
		db_close(db);
		return NULL;
	}
	return db;
}

void
db_close(struct db *db)
{
	if (db == NULL)
		return;
	if (db->batch && db->batch_outer)
		batch_lose(db);	/* nothing of it was answered */
	db->batch = 0;
	db_rollback(db);	/* an open transaction, the queue's hold */
	for (struct db_stmts *s = db->sets, *next; s != NULL; s = next) {
		next = s->next;
		for (size_t i = 0; i < s->n; i++) {
			sqlite3_finalize(s->cache[i]);
			s->cache[i] = NULL;
		}
		s->owner = NULL;
		s->next = NULL;
	}
	sqlite3_finalize(db->data_version);
	for (int v = 0; v < V__MAX; v++)
		sqlite3_finalize(db->verb[v]);
	if (sqlite3_close(db->h) != SQLITE_OK)
		log_error("db: close: %s", sqlite3_errmsg(db->h));
	if (db->qfd >= 0 && db->qpid == getpid())
		close(db->qfd);
	free(db->path);
	free(db);
}

sqlite3_stmt *
db_stmt(struct db *db, struct db_stmts *set, int id)
{
	sqlite3_stmt *st;

	if (set->owner != db) {
		if (set->owner != NULL)
			log_fatal("db: a statement table is in use by another "
			    "open connection");
		/* First use on this connection. */
		for (size_t i = 0; i < set->n; i++)
			set->cache[i] = NULL;
		set->owner = db;
		set->next = db->sets;
		db->sets = set;
	}
	if ((st = set->cache[id]) == NULL) {
		if (sqlite3_prepare_v3(db->h, set->sql[id], -1,
		    SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK) {
			log_error("db: prepare [%s]: %s", set->sql[id],
			    sqlite3_errmsg(db->h));
			return NULL;
		}
		set->cache[id] = st;
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return st;
}

void
db_done(sqlite3_stmt *st)
{
	if (st != NULL)
		sqlite3_reset(st);
}

void
db_bind_text(sqlite3_stmt *st, int i, const char *s)
{
	if (s == NULL)
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
}

void
db_bind_int(sqlite3_stmt *st, int i, long long v)
{
	sqlite3_bind_int64(st, i, v);
}

void
db_bind_null(sqlite3_stmt *st, int i)
{
	sqlite3_bind_null(st, i);
}

const char *
db_col_text(struct arena *a, sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);

	if (t == NULL)
		return "";
	return arena_strndup(a, (const char *)t,
	    (size_t)sqlite3_column_bytes(st, i));
}

long long
db_col_int(sqlite3_stmt *st, int i)
{
	return sqlite3_column_int64(st, i);
}

int
db_col_null(sqlite3_stmt *st, int i)
{
	return sqlite3_column_type(st, i) == SQLITE_NULL;
}

void *
db_grow(struct arena *a, void *v, size_t n, size_t *cap, size_t elem)
{
	void *more;

	if (v != NULL && n < *cap)
		return v;
	*cap = *cap ? 2 * *cap : 8;
	more = arena_alloc(a, *cap * elem);
	if (v != NULL && n > 0)
		memcpy(more, v, n * elem);
	return more;
}

void
db_read_id(struct arena *a, sqlite3_stmt *st, void *row)
{
	*(long long *)row = sqlite3_column_int64(st, 0);
}

long long
db_rows(struct db *db, sqlite3_stmt *st, const char *what, struct arena *a,
    size_t elem, db_row_fn *read, void *out, size_t *n)
{
	char *v = NULL;
	size_t count = 0, cap = 0;
	int rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		v = db_grow(a, v, count, &cap, elem);
		read(a, st, v + count * elem);
		count++;
	}
	db_done(st);
	if (rc != SQLITE_DONE) {
		v = NULL;
		count = 0;
	}
	memcpy(out, &v, sizeof(v));
	if (n != NULL)
		*n = count;
	return rc == SQLITE_DONE ? (long long)count : db_fail(db, what);
}

int
db_step_row(struct db *db, sqlite3_stmt *st, const char *what)
{
	int rc = sqlite3_step(st);

	if (rc == SQLITE_ROW)
		return 0;
	if (rc == SQLITE_DONE)
		return DB_NONE;
	return db_fail(db, what);
}

int
db_step_done(struct db *db, sqlite3_stmt *st, const char *what)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	if (rc == SQLITE_DONE || rc == SQLITE_ROW)
		return 0;
	if ((rc & 0xff) == SQLITE_CONSTRAINT)
		return -2;
	return db_fail(db, what);
}

int
db_relaxed(struct db *db)
{
	db->ckpt_pages = CKPT_RELAXED;
	db->relaxed = 1;
	return verb(db, V_NORMAL) == 0 ? 0 : -1;
}

void
db_busy_timeout(struct db *db, int ms)
{
	db->wait_ms = ms < 0 ? 0 : ms;
}

long long
db_insert(struct db *db, sqlite3_stmt *st, const char *what)
{
	int rc = db_step_done(db, st, what);

	if (rc < 0)
		return rc;
	return sqlite3_last_insert_rowid(db->h);
}

long long
db_one_int(struct db *db, sqlite3_stmt *st, const char *what)
{
	long long v = 0;
	int rc = sqlite3_step(st);

	if (rc == SQLITE_ROW)
		v = db_col_int(st, 0);
	db_done(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		if ((rc & 0xff) == SQLITE_CONSTRAINT)
			return -2;
		return db_fail(db, what);
	}
	return v;
}

/* db_begin() outside a batch. */
static int
plain_begin(struct db *db)
{
	int rc;

	/* Nested: BEGIN would fail, and taking the queue again (the same
	 * descriptor's lock) then releasing it would free the outer one. */
	if (db->queued || !sqlite3_get_autocommit(db->h)) {
		log_error("db: begin: a transaction is already open");
		return -1;
	}
	rc = queue_take(db);

	if (rc == -2)
		log_error("db: busy: the writers queue still taken after %d ms",
		    db->wait_ms);
	if (rc == 0 && (rc = verb(db, V_BEGIN)) < 0)
		queue_release(db);
	if (rc == -2)
		db->busy_seen = 1;
	return rc;
}

int
db_busy_take(struct db *db)
{
	int seen = db != NULL && db->busy_seen;

	if (db != NULL)
		db->busy_seen = 0;
	return seen;
}

/* COMMIT and the queue's release; the checkpoint due is the caller's
 * (after its sync, for a grouped one).  0 or -1 (rolled back). */
static int
commit(struct db *db)
{
	if (verb(db, V_COMMIT) < 0) {
		db_rollback(db);
		return -1;
	}
	queue_release(db);
	return 0;
}

/* Back to the connection's own synchronous level after a grouped
 * transaction (SQLite refuses the PRAGMA inside one). */
static void
ungroup(struct db *db)
{
	if (!db->grouped)
		return;
	db->grouped = 0;
	if (verb(db, db->relaxed ? V_NORMAL : V_FULL) < 0)
		log_fatal("db: cannot restore the synchronous level");
}

/* db_begin() with synchronous=NORMAL for this transaction. */
static int
grouped_begin(struct db *db)
{
	int rc;

	if (verb(db, V_NORMAL) < 0)
		return -1;
	db->grouped = 1;
	if ((rc = plain_begin(db)) < 0) {
		ungroup(db);
		return rc;
	}
	return 0;
}

/* The fsync of the WAL file behind db_sync(); 0 or -1. */
static int
sync_wal(struct db *db)
{
	sqlite3_file *f = NULL;

	/* The WAL file of this connection (SQLite's own handle: the file
	 * it wrote to, whatever happened to the name). */
	if (sqlite3_file_control(db->h, "main", SQLITE_FCNTL_JOURNAL_POINTER,
	    &f) != SQLITE_OK || f == NULL || f->pMethods == NULL) {
		log_error("db: sync: no WAL file open");
		return -1;
	}
	if (f->pMethods->xSync(f, SQLITE_SYNC_NORMAL) != SQLITE_OK) {
		log_error("db: sync of the WAL failed");
		return -1;
	}
	return 0;
}

/* Which event of the batch's hooks (db_batch_hook) to run. */
enum hook_event { HOOK_KEPT, HOOK_UNDONE, HOOK_DROPPED };

/* Runs event e of every hook registered in the batch; HOOK_DROPPED then
 * forgets them (the batch ends). */
static void
hooks_run(struct db *db, enum hook_event e)
{
	for (int i = 0; i < db->nhook; i++) {
		const struct db_batch_hooks *h = db->hook[i].h;
		void (*fn)(void *) = e == HOOK_KEPT ? h->kept :
		    e == HOOK_UNDONE ? h->undone : h->dropped;

		if (fn != NULL)
			fn(db->hook[i].arg);
	}
	if (e == HOOK_DROPPED)
		db->nhook = 0;
}

/* Every hook's flush() before the batch's COMMIT, then forgets them
 * (each called even after one failed: each empties what it holds).
 * 0, or -1 when one failed. */
static int
hooks_flush(struct db *db)
{
	int rc = 0;

	for (int i = 0; i < db->nhook; i++)
		if (db->hook[i].h->flush != NULL &&
		    db->hook[i].h->flush(db, db->hook[i].arg) < 0)
			rc = -1;
	db->nhook = 0;
	return rc;
}

int
db_batch_hook(struct db *db, const struct db_batch_hooks *h, void *arg)
{
	if (!db->batch || !db->batch_inner)
		return 1;
	for (int i = 0; i < db->nhook; i++)
		if (db->hook[i].h == h && db->hook[i].arg == arg)
			return 0;
	if (db->nhook == DB_BATCH_HOOKS) {
		log_error("db: too many batch hooks");
		return -1;
	}
	db->hook[db->nhook].h = h;
	db->hook[db->nhook].arg = arg;
	db->nhook++;
	return 0;
}

/* The batch's transaction is gone (SQLite rolled it back on an I/O error
 * or a full disk, or a savepoint could not be undone): what its requests
 * wrote is lost, nothing more is written in it, and db_batch_close()
 * answers -1. */
static void
batch_lose(struct db *db)
{
	log_error("db: the batch's transaction was rolled back: the writes "
	    "of its requests are lost");
	hooks_run(db, HOOK_DROPPED);
	db->batch_lost = 1;
	db->batch_outer = db->batch_inner = 0;
	if (!sqlite3_get_autocommit(db->h))
		verb(db, V_ROLLBACK);
	queue_release(db);
	ungroup(db);
}

/* db_begin() in a batch: the batch's transaction (grouped) with the
 * first, then a savepoint for this request. */
static int
batch_begin(struct db *db)
{
	int rc;

	if (db->batch_inner) {
		log_error("db: begin: a transaction is already open");
		return -1;
	}
	if (db->batch_outer && sqlite3_get_autocommit(db->h))
		batch_lose(db);
	if (db->batch_lost)
		return -1;
	if (!db->batch_outer) {
		if ((rc = grouped_begin(db)) < 0) {
			if (rc == -2)
				db->batch_busy = 1;
			return rc;
		}
		db->batch_outer = 1;
	}
	if (verb(db, V_SAVE) < 0) {
		if (sqlite3_get_autocommit(db->h))
			batch_lose(db);
		return -1;
	}
	db->batch_inner = 1;
	return 0;
}

/* Ends the request's savepoint: kept (RELEASE) or undone.  0 or -1. */
static int
batch_end(struct db *db, int keep)
{
	int rc = -1;

	if (!db->batch_inner)
		return keep ? -1 : 0;
	db->batch_inner = 0;
	if (keep && verb(db, V_RELEASE) == 0) {
		hooks_run(db, HOOK_KEPT);
		return 0;
	}
	if (!sqlite3_get_autocommit(db->h) && verb(db, V_UNDO) == 0 &&
	    verb(db, V_RELEASE) == 0) {
		hooks_run(db, HOOK_UNDONE);
		rc = keep ? -1 : 0;
	} else
		batch_lose(db);
	return rc;
}

int
db_begin(struct db *db)
{
	return db->batch ? batch_begin(db) : plain_begin(db);
}

int
db_read_begin(struct db *db)
{
	if (db->batch)
		return 0;	/* reads see the batch's own writes */
	return verb(db, V_READ) < 0 ? -1 : 0;
}

void
db_read_end(struct db *db)
{
	if (db->batch || sqlite3_get_autocommit(db->h))
		return;
	if (verb(db, V_COMMIT) < 0)
		db_rollback(db);
}

int
db_commit(struct db *db)
{
	if (db->batch)
		return batch_end(db, 1);
	if (commit(db) < 0)
		return -1;
	if (db->ckpt_due)
		checkpoint(db);
	return 0;
}

void
db_rollback(struct db *db)
{
	if (db->batch) {
		batch_end(db, 0);
		return;
	}
	if (!sqlite3_get_autocommit(db->h))
		verb(db, V_ROLLBACK);
	queue_release(db);
	ungroup(db);
}

int
db_begin_grouped(struct db *db)
{
	return db->batch ? batch_begin(db) : grouped_begin(db);
}

int
db_commit_grouped(struct db *db)
{
	int rc;

	if (db->batch)
		return batch_end(db, 1);
	if (commit(db) < 0)
		return -1;
	ungroup(db);
	rc = sync_wal(db);
	/* The WAL copied into the database once this order is on disk. */
	if (db->ckpt_due)
		checkpoint(db);
	return rc;
}

int
db_sync(struct db *db)
{
	if (db->batch) {
		db->batch_sync = 1;	/* db_batch_close() syncs first */
		return 0;
	}
	return sync_wal(db);
}

int
db_batch_open(struct db *db)
{
	if (db->batch || db->queued || !sqlite3_get_autocommit(db->h)) {
		log_error("db: a batch cannot start inside a transaction");
		return -1;
	}
	db->batch = 1;
	db->batch_outer = db->batch_inner = db->batch_lost = 0;
	db->batch_sync = db->batch_busy = 0;
	db->nhook = 0;
	return 0;
}

int
db_batch_spent(struct db *db)
{
	if (!db->batch)
		return 0;
	return db->batch_lost || db->batch_busy ||
	    (db->batch_outer && sqlite3_get_autocommit(db->h));
}

int
db_batch_close(struct db *db)
{
	int outer, lost, sync, rc = 0;

	if (!db->batch)
		return 0;
	if (db->batch_inner) {
		log_error("db: a request of the batch left its transaction open");
		batch_end(db, 0);
	}
	if (db->batch_outer && sqlite3_get_autocommit(db->h))
		batch_lose(db);
	/* The hooks' writes, the last of the batch's transaction. */
	if (db->batch_outer && hooks_flush(db) < 0)
		batch_lose(db);
	hooks_run(db, HOOK_DROPPED);	/* no transaction: nothing to flush */
	outer = db->batch_outer;
	lost = db->batch_lost;
	sync = db->batch_sync;
	db->batch = db->batch_outer = db->batch_lost = db->batch_sync = 0;
	db->batch_busy = 0;
	if (outer) {
		rc = commit(db);
		ungroup(db);
		sync = 1;
	}
	if (lost)
		rc = -1;
	if (rc == 0 && sync && sync_wal(db) < 0)
		rc = -2;	/* committed: its requests' orders exist */
	return rc;	/* a checkpoint due waits for db_checkpoint_due() */
}

void
db_checkpoint_due(struct db *db)
{
	if (db->ckpt_due && !db->queued)
		checkpoint(db);
}

int
db_user_version(struct db *db)
{
	sqlite3_stmt *st;
	int v = -1;

	if (sqlite3_prepare_v2(db->h, "PRAGMA user_version", -1, &st, NULL) !=
	    SQLITE_OK)
		return db_fail(db, "user_version");
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

long long
db_data_version(struct db *db)
{
	long long v = -1;

	if (db->data_version == NULL &&
	    sqlite3_prepare_v3(db->h, "PRAGMA data_version", -1,
	    SQLITE_PREPARE_PERSISTENT, &db->data_version, NULL) != SQLITE_OK)
		return db_fail(db, "data_version");
	if (sqlite3_step(db->data_version) == SQLITE_ROW)
		v = sqlite3_column_int64(db->data_version, 0);
	sqlite3_reset(db->data_version);
	return v;
}

long long
db_changes_total(struct db *db)
{
	return (long long)sqlite3_total_changes64(db->h);
}

/* Runs trusted multi-statement SQL (schema, migrations) in one transaction,
 * then sets user_version when version > 0. */
static int
exec_script(struct db *db, const char *sql, int version, const char *what)
{
	char *msg = NULL, pragma[64];

	if (db_begin(db) < 0)
		return -1;
	if (sqlite3_exec(db->h, sql, NULL, NULL, &msg) != SQLITE_OK) {	/* souk:exec-ok schema.sql or a migration file */
		log_error("db: %s: %s", what, msg ? msg : "?");
		sqlite3_free(msg);
		db_rollback(db);
		return -1;
	}
	if (version > 0) {
		snprintf(pragma, sizeof(pragma), "PRAGMA user_version=%d", version);
		if (exec_fixed(db, pragma) < 0) {
			db_rollback(db);
			return -1;
		}
	}
	return db_commit(db);
}

int
db_schema_version(void)
{
	const char *s = embedded_get("schema.sql"), *p;

	if (s == NULL || (p = strstr(s, "PRAGMA user_version")) == NULL)
		return -1;
	p += strlen("PRAGMA user_version");
	while (*p == ' ' || *p == '=')
		p++;
	return atoi(p);
}

int
db_schema_create(struct db *db)
{
	const char *s = embedded_get("schema.sql");

	if (s == NULL) {
		log_error("db: schema.sql is not compiled in");
		return -1;
	}
	return exec_script(db, s, 0, "schema.sql");
}

/* The version a migration file name stands for: "migrations/003_x.sql" -> 3. */
static int
migration_number(const char *name)
{
	const char *base = strrchr(name, '/');
	int v = 0;

	base = base ? base + 1 : name;
	if (*base < '0' || *base > '9')
		return -1;
	for (; *base >= '0' && *base <= '9'; base++)
		v = v * 10 + (*base - '0');
	return *base == '_' || *base == '-' ? v : -1;
}

struct migration {
	int version;
	char *name;
	char *text;
};

static int
mig_cmp(const void *a, const void *b)
{
	return ((const struct migration *)a)->version -
	    ((const struct migration *)b)->version;
}

static char *
slurp(const char *path)
{
	FILE *f = fopen(path, "r");
	char *p = NULL;
	long n;

	if (f == NULL)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 &&
	    fseek(f, 0, SEEK_SET) == 0 && (p = malloc((size_t)n + 1)) != NULL) {
		if (fread(p, 1, (size_t)n, f) != (size_t)n) {
			free(p);
			p = NULL;
		} else
			p[n] = '\0';
	}
	fclose(f);
	return p;
}

/* Collects migrations from dir (or the embedded ones); returns count or -1. */
static int
mig_collect(const char *dir, struct migration *m, int max)
{
	int n = 0;

	if (dir == NULL) {
		for (const struct embedded_file *f = embedded_files; f->name; f++) {
			int v = migration_number(f->name);
			if (strncmp(f->name, "migrations/", 11) != 0 || v < 0)
				continue;
			if (n == max)
				return -1;
			m[n].version = v;
			m[n].name = strdup(f->name);
			m[n].text = strdup(f->text);
			n++;
		}
	} else {
		DIR *d = opendir(dir);
		struct dirent *e;
		char path[4096];

		if (d == NULL) {
			log_error("migrate: %s: %s", dir, strerror(errno));
			return -1;
		}
		while ((e = readdir(d)) != NULL) {
			size_t len = strlen(e->d_name);
			int v = migration_number(e->d_name);
			if (v < 0 || len < 5 || strcmp(e->d_name + len - 4, ".sql"))
				continue;
			if (n == max)
				break;
			snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
			m[n].version = v;
			m[n].name = strdup(path);
			if ((m[n].text = slurp(path)) == NULL) {
				log_error("migrate: cannot read %s", path);
				free(m[n].name);
				closedir(d);
				return -1;
			}
			n++;
		}
		closedir(d);
	}
	qsort(m, (size_t)n, sizeof(*m), mig_cmp);
	return n;
}

int
db_migrate(struct db *db, const char *dir)
{
	struct migration m[256];
	int n, have = db_user_version(db), applied = 0, rc = 0;

	if (have < 0)
		return -1;
	if ((n = mig_collect(dir, m, 256)) < 0)
		return -1;
	for (int i = 0; i < n && rc == 0; i++) {
		if (i > 0 && m[i].version == m[i - 1].version) {
			log_error("migrate: two migrations numbered %d", m[i].version);
			rc = -1;
			break;
		}
		if (m[i].version <= have)
			continue;
		if (exec_script(db, m[i].text, m[i].version, m[i].name) < 0) {
			rc = -1;
			break;
		}
		log_info("migrate: applied %s (user_version %d)", m[i].name,
		    m[i].version);
		applied++;
	}
	for (int i = 0; i < n; i++) {
		free(m[i].name);
		free(m[i].text);
	}
	return rc < 0 ? -1 : applied;
}

enum { Q_SETTING_GET, Q_SETTING_SET, Q__MAX };
static const char *const sql[Q__MAX] = {
	[Q_SETTING_GET] = "SELECT value FROM settings WHERE key = ?",
	[Q_SETTING_SET] = "INSERT INTO settings(key, value) VALUES (?, ?) "
	    "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
};
DB_STMTS(stmts, sql, Q__MAX);

char *
db_setting(struct db *db, const char *key)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_SETTING_GET);
	char *v = NULL;

	if (st == NULL)
		return NULL;
	db_bind_text(st, 1, key);
	if (db_step_row(db, st, "setting") == 0)
		v = strdup((const char *)sqlite3_column_text(st, 0));
	db_done(st);
	return v;
}

int
db_setting_set(struct db *db, const char *key, const char *value)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_SETTING_SET);

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, key);
	db_bind_text(st, 2, value);
	return db_step_done(db, st, "setting") == 0 ? 0 : -1;
}

int
db_schema_check(struct db *db, const char *path, const char *who)
{
	int have = db_user_version(db);

	if (have == db_schema_version())
		return 0;
	log_error("database %s is at schema version %d, %s needs %d: run "
	    "soukctl migrate", path, have, who, db_schema_version());
	return -1;
}
