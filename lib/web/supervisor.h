/* supervisor.h — the prefork supervisor behind `--listen`.
 *
 * Opens the listening socket (unix:PATH, /PATH, or HOST:PORT), forks
 * `workers` processes that each run worker(arg, fd), and keeps that many
 * alive: a worker that dies is replaced (after a one-second pause when it
 * died young, and the supervisor gives up after 10 young deaths in a row, so
 * a broken configuration does not fork-bomb).  SIGTERM/SIGINT stop the
 * workers (each finishes its current request) and remove the unix socket;
 * SIGHUP replaces the workers (the socket stays open, so requests wait in
 * its backlog instead of failing; picks up new templates and
 * configuration without dropping the socket). */
#ifndef SOUK_SUPERVISOR_H
#define SOUK_SUPERVISOR_H

struct supervisor_opts {
	const char	*listen;
	int		 workers;
	int		 socket_mode;	/* unix sockets: e.g. 0660 */
};

/* Returns the exit status for main(). */
int	supervise(const struct supervisor_opts *, int (*worker)(void *, int fd),
	    void *arg);

#endif
