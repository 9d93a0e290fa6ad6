/* supervisor.c — see supervisor.h. */
#include <errno.h>
#include <fcgiapp.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "fs.h"
#include "log.h"
#include "supervisor.h"

#define MAX_WORKERS 256

static volatile sig_atomic_t got_term, got_hup, got_chld;

/* In a worker: the write end of the readiness pipe, else -1. */
static int ready_fd = -1;

static void
on_signal(int sig)
{
	if (sig == SIGTERM || sig == SIGINT)
		got_term = 1;
	else if (sig == SIGHUP)
		got_hup = 1;
	else if (sig == SIGCHLD)
		got_chld = 1;
}

struct slot {
	pid_t		pid;		/* 0: empty */
	int		ready;		/* said supervisor_ready() */
	int		retire;		/* SIGHUP: replace when it exits */
	long long	due;		/* empty: spawn at this time (ms) */
};

/* Monotonic milliseconds. */
static long long
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

long
supervisor_backoff_ms(int failures)
{
	long ms = SUPERVISOR_BACKOFF_MIN_MS;

	for (int i = 1; i < failures && ms < SUPERVISOR_BACKOFF_MAX_MS; i++)
		ms *= 2;
	return ms < SUPERVISOR_BACKOFF_MAX_MS ? ms : SUPERVISOR_BACKOFF_MAX_MS;
}

void
supervisor_ready(void)
{
	int pid = (int)getpid();

	if (ready_fd < 0)
		return;
	/* 4 bytes < PIPE_BUF: atomic; a full pipe only loses the news. */
	if (write(ready_fd, &pid, sizeof(pid)) != (ssize_t)sizeof(pid))
		log_warn("supervisor: cannot report ready: %s", strerror(errno));
	close(ready_fd);
	ready_fd = -1;
}

/* Forks a worker; returns its pid, or -1 (logged). */
static pid_t
spawn(int (*worker)(void *, int), void *arg, int fd, int pipefd[2],
    const sigset_t *oldmask)
{
	pid_t pid = fork();

	if (pid < 0) {
		log_error("fork: %s", strerror(errno));
		return -1;
	}
	if (pid == 0) {
		struct sigaction sa;
		memset(&sa, 0, sizeof(sa));
		sa.sa_handler = SIG_DFL;
		sigaction(SIGHUP, &sa, NULL);
		sigaction(SIGCHLD, &sa, NULL);
		sigaction(SIGTERM, &sa, NULL);
		sigaction(SIGINT, &sa, NULL);
		sigprocmask(SIG_SETMASK, oldmask, NULL);
		close(pipefd[0]);
		ready_fd = pipefd[1];
		exit(worker(arg, fd));
	}
	return pid;
}

static int
open_socket(const char *listen, int mode, char **unix_path)
{
	const char *path = listen;
	int fd;

	*unix_path = NULL;
	if (strncmp(listen, "unix:", 5) == 0)
		path = listen + 5;
	if (*path == '/' || strncmp(listen, "unix:", 5) == 0) {
		struct stat st;
		/* A socket left by a killed supervisor would block bind(). */
		if (stat(path, &st) == 0 && S_ISSOCK(st.st_mode))
			unlink(path);
		if ((*unix_path = strdup(path)) == NULL)
			return -1;
		/* Say which folder is missing (libfcgi's message has no path). */
		if (fs_parent_ok("socket", path) < 0)
			return -1;
	}
	if ((fd = FCGX_OpenSocket(path, 1024)) < 0) {
		log_error("cannot listen on %s: %s", listen, strerror(errno));
		return -1;
	}
	if (*unix_path != NULL && chmod(*unix_path, (mode_t)mode) < 0)
		log_warn("chmod %s: %s", *unix_path, strerror(errno));
	return fd;
}

/* Marks the slots whose workers reported ready; a ready worker ends a run
 * of start-up failures. */
static void
read_ready(int rfd, struct slot *slots, int n, int *failures)
{
	int pids[64];
	ssize_t got;

	while ((got = read(rfd, pids, sizeof(pids))) > 0)
		for (size_t k = 0; k < (size_t)got / sizeof(int); k++)
			for (int i = 0; i < n; i++)
				if (slots[i].pid == (pid_t)pids[k]) {
					slots[i].ready = 1;
					if (*failures > 0)
						log_info("worker %d is ready: "
						    "start-up works again", pids[k]);
					*failures = 0;
				}
}

/* 1 when a worker that died this way before it was ready failed its own
 * start-up (it gave up, or crashed on its own), 0 when it was stopped from
 * outside. */
static int
startup_failure(int status)
{
	if (WIFEXITED(status))
		return 1;
	switch (WTERMSIG(status)) {
	case SIGSEGV: case SIGABRT: case SIGBUS: case SIGFPE: case SIGILL:
	case SIGSYS: case SIGTRAP:
		return 1;
	default:
		return 0;
	}
}

/* Empties the slot of a worker that died with status and sets when it is
 * refilled. */
static void
buried(struct slot *s, int status, int *failures)
{
	long long now = now_ms();
	long pid = (long)s->pid;

	s->pid = 0;
	s->due = now;
	if (s->retire || got_term) {
		s->retire = 0;
		return;
	}
	if (!s->ready && startup_failure(status)) {
		long wait = supervisor_backoff_ms(++*failures);
		if (WIFEXITED(status))
			log_error("worker %ld failed its start-up (exit status "
			    "%d); retrying in %ld ms (%d failures in a row)",
			    pid, WEXITSTATUS(status), wait, *failures);
		else
			log_error("worker %ld crashed during start-up (signal "
			    "%d); retrying in %ld ms (%d failures in a row)",
			    pid, WTERMSIG(status), wait, *failures);
		s->due = now + wait;
		return;
	}
	if (WIFSIGNALED(status))
		log_error("worker %ld killed by signal %d; replacing it",
		    pid, WTERMSIG(status));
	else
		log_error("worker %ld exited (status %d); replacing it", pid,
		    WEXITSTATUS(status));
}

int
supervise(const struct supervisor_opts *o, int (*worker)(void *, int),
    void *arg)
{
	static struct slot slots[MAX_WORKERS];
	struct sigaction sa;
	sigset_t block, old;
	char *unix_path;
	int fd, pipefd[2], n = o->workers, failures = 0;

	memset(slots, 0, sizeof(slots));
	if (FCGX_Init() != 0)
		return 1;
	if ((fd = open_socket(o->listen, o->socket_mode, &unix_path)) < 0)
		return 1;
	if (pipe2(pipefd, O_NONBLOCK | O_CLOEXEC) < 0) {
		log_error("pipe: %s", strerror(errno));
		close(fd);
		free(unix_path);
		return 1;
	}
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGCHLD, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	sigemptyset(&block);
	sigaddset(&block, SIGTERM);
	sigaddset(&block, SIGINT);
	sigaddset(&block, SIGHUP);
	sigaddset(&block, SIGCHLD);
	sigprocmask(SIG_BLOCK, &block, &old);

	log_info("listening on %s with %d workers", o->listen, n);
	while (!got_term) {
		long long now, next = -1;
		pid_t pid;
		int status;

		got_chld = 0;
		/* Readiness first: a worker that said so and then died was
		 * serving. */
		read_ready(pipefd[0], slots, n, &failures);
		while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
			/* It may have said so since the read above. */
			read_ready(pipefd[0], slots, n, &failures);
			for (int i = 0; i < n; i++)
				if (slots[i].pid == pid)
					buried(&slots[i], status, &failures);
		}
		if (got_hup) {
			got_hup = 0;
			log_info("SIGHUP: replacing workers");
			for (int i = 0; i < n; i++) {
				if (slots[i].pid > 0) {
					slots[i].retire = 1;
					kill(slots[i].pid, SIGTERM);
				} else
					slots[i].due = 0;
			}
		}
		now = now_ms();
		for (int i = 0; i < n && !got_term; i++) {
			if (slots[i].pid != 0)
				continue;
			if (slots[i].due <= now) {
				slots[i].ready = 0;
				slots[i].retire = 0;
				if ((slots[i].pid = spawn(worker, arg, fd, pipefd,
				    &old)) < 0) {
					slots[i].pid = 0;
					slots[i].due = now +
					    supervisor_backoff_ms(++failures);
				}
			}
			if (slots[i].pid == 0 && (next < 0 || slots[i].due < next))
				next = slots[i].due;
		}
		if (!got_chld && !got_hup && !got_term) {
			struct pollfd pfd = { pipefd[0], POLLIN, 0 };
			struct timespec ts, *tp = NULL;
			if (next >= 0) {
				long long wait = next > now ? next - now : 0;
				ts.tv_sec = (time_t)(wait / 1000);
				ts.tv_nsec = (long)(wait % 1000) * 1000000;
				tp = &ts;
			}
			/* Signals are unblocked only while waiting here. */
			if (ppoll(&pfd, 1, tp, &old) < 0 && errno != EINTR)
				log_warn("ppoll: %s", strerror(errno));
		}
	}
	/* Stop: every worker finishes its request, then exits. */
	for (int i = 0; i < n; i++)
		if (slots[i].pid > 0)
			kill(slots[i].pid, SIGTERM);
	for (int waited = 0; waited < 100; waited++) {
		int left = 0;
		pid_t pid;
		while ((pid = waitpid(-1, NULL, WNOHANG)) > 0)
			for (int i = 0; i < n; i++)
				if (slots[i].pid == pid)
					slots[i].pid = 0;
		for (int i = 0; i < n; i++)
			left += slots[i].pid > 0;
		if (!left)
			break;
		usleep(50000);
	}
	for (int i = 0; i < n; i++)
		if (slots[i].pid > 0) {
			kill(slots[i].pid, SIGKILL);
			waitpid(slots[i].pid, NULL, 0);
		}
	if (unix_path != NULL) {
		unlink(unix_path);
		free(unix_path);
	}
	close(pipefd[0]);
	close(pipefd[1]);
	close(fd);
	log_info("stopped");
	return 0;
}
