/* supervisor.c — see supervisor.h. */
#include <errno.h>
#include <fcgiapp.h>
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
	pid_t	pid;
	time_t	started;
	int	retire;		/* SIGHUP: replace when it exits */
};

static pid_t
spawn(int (*worker)(void *, int), void *arg, int fd, const sigset_t *oldmask)
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
		sigprocmask(SIG_SETMASK, oldmask, NULL);
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

int
supervise(const struct supervisor_opts *o, int (*worker)(void *, int),
    void *arg)
{
	struct slot slots[MAX_WORKERS] = { 0 };
	struct sigaction sa;
	sigset_t block, old;
	char *unix_path;
	int fd, n = o->workers, young_deaths = 0, rc = 0;

	if (FCGX_Init() != 0)
		return 1;
	if ((fd = open_socket(o->listen, o->socket_mode, &unix_path)) < 0)
		return 1;
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
	for (int i = 0; i < n; i++) {
		slots[i].pid = spawn(worker, arg, fd, &old);
		slots[i].started = time(NULL);
	}
	while (!got_term) {
		pid_t pid;
		int status;

		if (!got_chld && !got_hup)
			sigsuspend(&old);
		if (got_hup) {
			got_hup = 0;
			log_info("SIGHUP: replacing workers");
			for (int i = 0; i < n; i++)
				if (slots[i].pid > 0) {
					slots[i].retire = 1;
					kill(slots[i].pid, SIGTERM);
				}
		}
		got_chld = 0;
		while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
			for (int i = 0; i < n; i++) {
				if (slots[i].pid != pid)
					continue;
				if (!slots[i].retire && !got_term) {
					if (time(NULL) - slots[i].started < 2) {
						young_deaths++;
						log_error("worker %ld died at start-up "
						    "(status %d)", (long)pid, status);
						sleep(1);
					} else
						young_deaths = 0;
					if (WIFSIGNALED(status))
						log_error("worker %ld killed by signal %d",
						    (long)pid, WTERMSIG(status));
				}
				if (young_deaths >= 10) {
					log_error("workers keep dying: giving up");
					got_term = 1;
					rc = 1;
					slots[i].pid = 0;
					break;
				}
				slots[i].retire = 0;
				slots[i].pid = got_term ? 0 :
				    spawn(worker, arg, fd, &old);
				slots[i].started = time(NULL);
			}
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
	close(fd);
	log_info("stopped");
	return rc;
}
