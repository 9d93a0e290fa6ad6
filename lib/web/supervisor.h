/* supervisor.h — the prefork supervisor behind `--listen`.
 *
 * Opens the listening socket (unix:PATH, /PATH, or HOST:PORT), forks
 * `workers` processes that each run worker(arg, fd), and keeps that many
 * alive.  Restart policy (docs/supervisor.md):
 *   - a worker calls supervisor_ready() once its own start-up (configuration,
 *     templates, database) has succeeded;
 *   - a worker that dies after that, however and however soon, is replaced
 *     at once;
 *   - a worker killed from outside (SIGKILL, SIGTERM...: the OOM killer, an
 *     operator) before it was ready is replaced at once too;
 *   - a worker that fails its own start-up (it exits, or crashes with
 *     SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL, SIGSYS or SIGTRAP, before it
 *     was ready) is a start-up failure: its slot is retried after a capped
 *     exponential backoff (SUPERVISOR_BACKOFF_MIN_MS doubling up to
 *     SUPERVISOR_BACKOFF_MAX_MS, logged each time), for as long as it takes,
 *     so the program comes back by itself once the cause is fixed; the first
 *     worker that gets ready resets the backoff;
 *   - the supervisor never sleeps while a slot is due: it waits for signals
 *     with the earliest retry as its timeout, and never exits because
 *     workers die.
 * SIGTERM/SIGINT stop the workers (each finishes its current request) and
 * remove the unix socket; SIGHUP replaces the workers (the socket stays
 * open, so requests wait in its backlog instead of failing; picks up new
 * templates and configuration) and retries slots in backoff at once. */
#ifndef SOUK_SUPERVISOR_H
#define SOUK_SUPERVISOR_H

#define SUPERVISOR_BACKOFF_MIN_MS 100
#define SUPERVISOR_BACKOFF_MAX_MS 10000

struct supervisor_opts {
	const char	*listen;
	int		 workers;
	int		 socket_mode;	/* unix sockets: e.g. 0660 */
};

/* Returns the exit status for main(): 0 after SIGTERM/SIGINT, 1 when the
 * socket cannot be opened. */
int	supervise(const struct supervisor_opts *, int (*worker)(void *, int fd),
	    void *arg);
/* Called by a worker once its start-up succeeded and it is about to serve;
 * does nothing outside a supervisor (FastCGI on fd 0, CGI). */
void	supervisor_ready(void);
/* The backoff before retry number `failures` (1, 2, ...) in milliseconds:
 * MIN * 2^(failures - 1), at most MAX. */
long	supervisor_backoff_ms(int failures);

#endif
