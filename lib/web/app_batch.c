/* app_batch.c — batches of requests; see app_internal.h. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>

#include "app_internal.h"
#include "buf.h"
#include "log.h"

/* The most requests one commit answers: bounds how long the first of them
 * waits for the others (about half a millisecond of work each) and the
 * write lock's hold.  16 measured best on two cores with four checkout
 * workers (8: more commits; 32: a longer p99; docs/performance.md). */
#define BATCH_MAX 16

struct batch {
	int		 fd;			/* the listening socket */
	int		 ep;			/* epoll on fd, -1: poll() */
	FCGX_Request	 fr[BATCH_MAX + 1];
	struct buf	 out[BATCH_MAX + 1];	/* the kept responses */
	enum lang	 lang[BATCH_MAX + 1];
	int		 busy[BATCH_MAX + 1];	/* a kept request's slot */
	int		 held[BATCH_MAX];	/* kept slots, in arrival order */
	int		 n;
	int		 cur;			/* the slot being handled */
	int		 open;			/* hooks->batch_open() done */
	struct {
		void	(*fn)(struct ctx *, void *);
		void	 *arg;
	}		 defer[APP_MAX_DEFER];	/* the kept requests' */
	int		 ndefer;
};

struct batch *
batch_new(const struct app *app, int fd)
{
	struct epoll_event ev = { .events = EPOLLIN | EPOLLEXCLUSIVE };
	struct batch *b;
	int fl;

	if (app->batchable == NULL || app->hooks == NULL ||
	    app->hooks->batch_open == NULL || app->hooks->batch_close == NULL ||
	    app->hooks->batch_spent == NULL)
		return NULL;
	if ((b = calloc(1, sizeof(*b))) == NULL) {
		log_error("batch: out of memory");
		return NULL;
	}
	b->fd = fd;
	b->ep = epoll_create1(EPOLL_CLOEXEC);
	ev.data.fd = fd;
	if (b->ep >= 0 && epoll_ctl(b->ep, EPOLL_CTL_ADD, fd, &ev) < 0) {
		close(b->ep);
		b->ep = -1;
	}
	for (int s = 0; s <= BATCH_MAX; s++)
		if (FCGX_InitRequest(&b->fr[s], fd, 0) != 0) {
			log_error("batch: FCGX_InitRequest failed");
			batch_free(b);
			return NULL;
		}
	/* Non-blocking, last (a batch that failed to start leaves the
	 * socket as it was): a worker holding a batch asks for the next
	 * request only if one is waiting (accept() gives EAGAIN). */
	if ((fl = fcntl(fd, F_GETFL)) < 0 ||
	    fcntl(fd, F_SETFL, fl | O_NONBLOCK) < 0) {
		log_error("batch: cannot make the socket non-blocking: %s",
		    strerror(errno));
		batch_free(b);
		return NULL;
	}
	return b;
}

void
batch_free(struct batch *b)
{
	if (b == NULL)
		return;
	for (int s = 0; s <= BATCH_MAX; s++) {
		FCGX_Free(&b->fr[s], 1);
		buf_free(&b->out[s]);
	}
	if (b->ep >= 0)
		close(b->ep);
	free(b);
}

/* Until a connection may be waiting or *stopping is set (by SIGTERM or
 * SIGINT); -1 on an error.  The signals are blocked from the check of
 * *stopping until the wait, which unblocks them atomically: one that
 * comes in between is not lost while the worker waits for a request. */
static int
wait_readable(struct batch *b, volatile sig_atomic_t *stopping)
{
	struct epoll_event ev;
	struct pollfd p = { b->fd, POLLIN, 0 };
	sigset_t stop, old;
	int rc = 0;

	sigemptyset(&stop);
	sigaddset(&stop, SIGTERM);
	sigaddset(&stop, SIGINT);
	sigprocmask(SIG_BLOCK, &stop, &old);
	if (!*stopping)
		rc = b->ep >= 0 ? epoll_pwait(b->ep, &ev, 1, -1, &old) :
		    ppoll(&p, 1, NULL, &old);
	if (rc < 0 && errno != EINTR)
		log_error("batch: waiting for requests: %s", strerror(errno));
	else
		rc = 0;
	sigprocmask(SIG_SETMASK, &old, NULL);
	return rc;
}

/* The kept requests' deferred tasks, each once. */
static void
keep_defer(struct batch *b, void (*fn)(struct ctx *, void *), void *arg)
{
	for (int i = 0; i < b->ndefer; i++)
		if (b->defer[i].fn == fn && b->defer[i].arg == arg)
			return;
	if (b->ndefer == APP_MAX_DEFER) {
		log_error("batch: too many deferred tasks; one dropped");
		return;
	}
	b->defer[b->ndefer].fn = fn;
	b->defer[b->ndefer].arg = arg;
	b->ndefer++;
}

/* The error page for kept slot s after a close that failed (rc: -1,
 * nothing kept: 503 "nothing was changed", Retry-After; -2, committed but
 * maybe not on disk: 500), rendered with c's resources in s's language;
 * c is between requests or before its hooks->begin, so its trees hold
 * no Page.* yet. */
static void
send_failed(struct batch *b, struct ctx *c, int s, int rc)
{
	struct io io = { b->fr[s].in, b->fr[s].out, b->fr[s].envp, NULL };
	struct resp keep = c->resp;
	enum lang lang = c->lang;
	HDF *hdf = c->hdf;

	memset(&c->resp, 0, sizeof(c->resp));
	resp_reset(&c->resp);
	c->lang = b->lang[s];
	c->hdf = tmpl_hdf(c->lang);
	if (rc == -1)
		resp_header(&c->resp, "Retry-After", "2");
	c->resp.status = app_error(c, rc == -1 ? 503 : 500, NULL);
	if (resp_send(&c->resp, &io, 0) < 0)
		log_info("client went away before the response was sent");
	tmpl_clear(c->lang);
	resp_free(&c->resp);
	c->resp = keep;
	c->lang = lang;
	c->hdf = hdf;
}

/* Commits the batch, then answers every kept request; their deferred
 * work runs now when c is idle, else after c's request. */
static void
close_batch(struct batch *b, struct ctx *c, int idle)
{
	int rc = 0, had = c->ndefer;

	if (b->open) {
		b->open = 0;
		rc = c->app->hooks->batch_close(c);
		for (int i = had; i < c->ndefer; i++)	/* the hook's own */
			keep_defer(b, c->defer[i].fn, c->defer[i].arg);
		c->ndefer = had;
	}
	for (int i = 0; i < b->n; i++) {
		int s = b->held[i];
		struct io io = { b->fr[s].in, b->fr[s].out, b->fr[s].envp,
		    NULL };

		if (rc < 0)
			send_failed(b, c, s, rc == -1 ? -1 : -2);
		else if (io_write(&io, b->out[s].data, b->out[s].len) < 0)
			log_info("client went away before the response was sent");
		FCGX_Finish_r(&b->fr[s]);
		buf_trim(&b->out[s], 64 * 1024);
		b->busy[s] = 0;
	}
	b->n = 0;
	for (int i = 0; i < b->ndefer; i++) {
		if (idle)
			b->defer[i].fn(c, b->defer[i].arg);
		else
			app_defer(c, b->defer[i].fn, b->defer[i].arg);
	}
	b->ndefer = 0;
}

FCGX_Request *
batch_accept(struct batch *b, struct ctx *c, volatile sig_atomic_t *stopping)
{
	for (;;) {
		int s = 0, rc;

		if (b->n == BATCH_MAX || *stopping ||
		    (b->open && c->app->hooks->batch_spent(c)))
			close_batch(b, c, 1);
		if (*stopping)
			return NULL;
		while (b->busy[s])
			s++;
		if ((rc = FCGX_Accept_r(&b->fr[s])) == 0) {
			/* One request a connection: a kept-alive one would make
			 * the next accept on this slot read that idle
			 * connection (blocking) instead of the socket. */
			b->fr[s].keepConnection = 0;
			b->cur = s;
			return &b->fr[s];
		}
		if (rc != -EAGAIN && rc != -EWOULDBLOCK && rc != -EINTR) {
			log_error("batch: accept: %s", strerror(-rc));
			close_batch(b, c, 1);
			return NULL;
		}
		/* Nothing waiting: answer what is kept, or wait. */
		if (b->n > 0 || b->open)
			close_batch(b, c, 1);
		else if (wait_readable(b, stopping) < 0)
			return NULL;
	}
}

void
batch_prepare(struct batch *b, struct ctx *c, struct io *io)
{
	const char *m = io_getenv(io, "REQUEST_METHOD");
	const char *buffered = io_getenv(io, "SOUK_BODY_BUFFERED");

	if (b->n == 0 && !b->open)
		return;
	if (m == NULL || strcmp(m, "POST") != 0 || buffered == NULL ||
	    strcmp(buffered, "1") != 0)
		close_batch(b, c, 0);
}

void
batch_join(struct batch *b, struct ctx *c, struct io *io)
{
	if (c->page >= 0 && c->app->batchable(c)) {
		if (!b->open && c->app->hooks->batch_open(c) < 0)
			return;		/* alone */
		b->open = 1;
		buf_reset(&b->out[b->cur]);
		io->hold = &b->out[b->cur];
		return;
	}
	if (b->open || b->n > 0)
		close_batch(b, c, 0);
}

void
batch_done(struct batch *b, struct ctx *c, struct io *io)
{
	int s = b->cur;

	if (io->hold == NULL) {
		FCGX_Finish_r(&b->fr[s]);
		return;
	}
	b->busy[s] = 1;
	b->held[b->n++] = s;
	b->lang[s] = c->lang;
	for (int i = 0; i < c->ndefer; i++)
		keep_defer(b, c->defer[i].fn, c->defer[i].arg);
	c->ndefer = 0;
}
