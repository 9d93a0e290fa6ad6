/* db_writers.c — see db_writers.h. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

#include "db_writers.h"
#include "log.h"

int
writers_open(const char *db_path)
{
	char path[4096];
	struct stat st;
	mode_t mode = 0600;
	int fd;

	if (snprintf(path, sizeof(path), "%s-writers", db_path) >=
	    (int)sizeof(path))
		return -1;
	if (stat(db_path, &st) == 0)
		mode = st.st_mode & 0666;
	/* Read-write: where flock is emulated by fcntl locks (NFS), an
	 * exclusive lock needs a descriptor open for writing. */
	if ((fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, mode)) < 0) {
		log_error("db: %s: %s (writing without the queue)", path,
		    strerror(errno));
		return -1;
	}
	/* As SQLite does for -wal and -shm: the database's mode whatever
	 * the umask, and a file root makes is the database owner's. */
	if (fstat(fd, &st) == 0 && st.st_uid == geteuid() &&
	    (st.st_mode & 0666) != mode && fchmod(fd, mode) < 0)
		log_error("db: chmod %s: %s", path, strerror(errno));
	if (geteuid() == 0 && stat(db_path, &st) == 0 &&
	    fchown(fd, st.st_uid, st.st_gid) < 0)
		log_error("db: chown %s: %s", path, strerror(errno));
	return fd;
}

static volatile sig_atomic_t expired;

/* SIGALRM while waiting: only interrupts the flock(). */
static void
on_alarm(int sig)
{
	(void)sig;
	expired = 1;
}

/* Arms (ms > 0) or disarms (0) ITIMER_REAL: first after ms, then every
 * 10 ms, so a signal landing between the check of `expired` and the next
 * flock() still ends the wait. */
static void
timer(int ms)
{
	struct itimerval it = { { 0, ms ? 10000 : 0 },
	    { ms / 1000, (ms % 1000) * 1000 } };

	setitimer(ITIMER_REAL, &it, NULL);
}

int
writers_take(int fd, int wait_ms)
{
	struct sigaction sa, old;
	int rc = 0;

	if (flock(fd, LOCK_EX | LOCK_NB) == 0)
		return 0;	/* nobody in front: no timer needed */
	if (errno != EWOULDBLOCK) {
		log_error("db: writers queue: %s", strerror(errno));
		return -1;
	}
	if (wait_ms <= 0)
		return -2;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_alarm;	/* no SA_RESTART: flock() returns EINTR */
	sigemptyset(&sa.sa_mask);
	expired = 0;
	sigaction(SIGALRM, &sa, &old);
	timer(wait_ms);
	while (flock(fd, LOCK_EX) < 0) {
		if (errno != EINTR) {
			log_error("db: writers queue: %s", strerror(errno));
			rc = -1;
			break;
		}
		if (expired) {
			rc = -2;
			break;
		}
		/* Another signal (the supervisor's): wait on. */
	}
	timer(0);
	sigaction(SIGALRM, &old, NULL);
	return rc;
}

void
writers_release(int fd)
{
	if (flock(fd, LOCK_UN) < 0)
		log_error("db: writers queue: release: %s", strerror(errno));
}
