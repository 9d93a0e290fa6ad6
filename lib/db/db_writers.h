/* db_writers.h — for lib/db only: the queue of writers of one database.
 *
 * SQLite's write lock cannot be waited for: a writer that finds it taken
 * polls (the busy handler), so under steady writes the next writer wakes
 * up to 50 us late or spins.  Writers of souk (db_begin) first take an
 * exclusive flock() on a file next to the database, "<db>-writers", and
 * release it after COMMIT: the kernel queues them and wakes one as soon
 * as the lock is released.  The lock is the process's: the kernel drops
 * it when the process dies (kill -9 included), so a crash never leaves the
 * queue stuck.  Writers outside the queue (single-statement writes, other
 * tools) still meet SQLite's own lock and its busy handler: the queue only
 * orders those that take it. */
#ifndef SOUK_DB_WRITERS_H
#define SOUK_DB_WRITERS_H

/* Opens (creating) the queue file of the database at db_path: the
 * database's mode, and its owner when running as root (so a file made by
 * soukctl run as root stays usable by the store's user).  Returns an fd
 * (close-on-exec), or -1 after logging: the caller then writes without
 * the queue. */
int	writers_open(const char *db_path);
/* Takes the queue (an exclusive flock on fd), waiting at most wait_ms.
 * 0 taken, -2 still held by another writer after wait_ms (busy), -1 error
 * (logged; the caller then writes without the queue).  Uses ITIMER_REAL
 * and SIGALRM for the bound while it waits, and leaves the timer disarmed
 * and the old handler back: a caller must not have its own ITIMER_REAL
 * armed across db_begin() (mail_send.c disarms its own before it records
 * a delivery). */
int	writers_take(int fd, int wait_ms);
/* Releases the queue taken by writers_take(). */
void	writers_release(int fd);

#endif
