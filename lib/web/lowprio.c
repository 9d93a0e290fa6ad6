/* lowprio.c — see lowprio.h. */
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "log.h"
#include "lowprio.h"

/* What the thread runs. */
struct job {
	void	(*fn)(void *);
	void	 *arg;
};

/* The thread: its own nice value raised, then the work. */
static void *
run(void *p)
{
	struct job *j = p;
	int now = getpriority(PRIO_PROCESS, (id_t)gettid());

	setpriority(PRIO_PROCESS, (id_t)gettid(), now + LOWPRIO_NICE);
	j->fn(j->arg);
	return NULL;
}

void
lowprio_run(void (*fn)(void *), void *arg)
{
	static int warned;
	struct job j = { fn, arg };
	sigset_t all, old;
	pthread_t t;
	int rc;

	/* The thread blocks every signal (it inherits the mask): a handler
	 * of the process runs in the caller's thread, as before. */
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	rc = pthread_create(&t, NULL, run, &j);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (rc != 0) {
		if (!warned++)
			log_error("lowprio: no thread (%s): hashing at the "
			    "caller's priority", strerror(rc));
		fn(arg);
		return;
	}
	pthread_join(t, NULL);
}
