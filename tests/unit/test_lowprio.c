/* test_lowprio.c — a computation run at a low CPU priority, in a thread
 * of its own, the caller's priority and signals untouched. */
#include <pthread.h>
#include <signal.h>
#include <sys/resource.h>
#include <unistd.h>

#include "lowprio.h"
#include "t.h"

/* What the work saw of its thread. */
struct seen {
	pid_t	tid;
	int	nice;
	int	term_blocked;
};

static void
look(void *arg)
{
	struct seen *s = arg;
	sigset_t now;

	s->tid = gettid();
	s->nice = getpriority(PRIO_PROCESS, (id_t)gettid());
	pthread_sigmask(SIG_SETMASK, NULL, &now);
	s->term_blocked = sigismember(&now, SIGTERM);
}

TEST(lowprio_runs_the_work_at_a_lower_priority_in_a_thread_of_its_own)
{
	struct seen s = { 0, -100, 0 };
	int before = getpriority(PRIO_PROCESS, (id_t)gettid());

	lowprio_run(look, &s);
	CHECK(s.tid != 0 && s.tid != gettid());
	CHECK_INT(s.nice, before + LOWPRIO_NICE > 19 ? 19 :
	    before + LOWPRIO_NICE);
	/* The caller keeps its priority, and the process's signals. */
	CHECK_INT(getpriority(PRIO_PROCESS, (id_t)gettid()), before);
	CHECK_INT(s.term_blocked, 1);
}
