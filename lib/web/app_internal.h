/* app_internal.h — for lib/web only: what app.c shares with app_batch.c,
 * a FastCGI worker answering several requests after one commit (group
 * commit for the requests of app->batchable: checkout's "place the
 * order").
 *
 * A worker that takes a batchable request opens a batch
 * (hooks->batch_open: its transactions become savepoints of one), handles
 * it, keeps its response instead of sending it, and takes the next
 * request only if one is already waiting: the listening socket is
 * non-blocking in such a program, so a worker never waits for the
 * network while it holds the batch (and the store's write lock).  Each
 * further batchable request joins; at BATCH_MAX requests, when none is
 * waiting, when it is spent (hooks->batch_spent: its transaction lost, or
 * the write lock too busy to get), or before a request that may not join
 * (handled after), the batch closes (hooks->batch_close: one commit, one sync) and only then
 * are the kept responses sent, so nobody is told of an order that is not
 * on disk.  A close that fails answers every kept request with the busy
 * page (503, Retry-After, "nothing was changed": the batch's writes are
 * gone; a form sent again places its order once), or with the error page
 * (500) when the commit was made but its sync failed (a form sent again
 * finds its order).  The kept requests'
 * deferred work (mail) runs after their responses.  An idle worker waits
 * in epoll (EPOLLEXCLUSIVE: one worker woken per connection).  Under
 * light load every batch is one request: no one waits for another. */
#ifndef SOUK_APP_INTERNAL_H
#define SOUK_APP_INTERNAL_H
#include <signal.h>

#include "app.h"
#include "http_io.h"

struct batch;

/* A batch for the workers of app on listening socket fd, or NULL when
 * the program has no batchable requests (or on error, logged): the
 * worker then serves one request at a time. */
struct batch	*batch_new(const struct app *, int fd);
void		 batch_free(struct batch *);
/* The next request, accepted into a free slot (closing the batch first
 * when it is full or nothing is waiting); NULL when the worker should
 * stop (*stopping, or an error of the socket).  c is between requests. */
FCGX_Request	*batch_accept(struct batch *, struct ctx *c,
		    volatile sig_atomic_t *stopping);
/* Before the request's body is read: a request that cannot join (not a
 * POST), or whose body the front end may still be receiving, closes the
 * batch first, so no worker holds the batch (and the write lock) while
 * it waits for a client.  The front end says it sent the whole body
 * first with the FastCGI parameter SOUK_BODY_BUFFERED=1 (nginx's
 * fastcgi_request_buffering, on by default; docs/deploy.md). */
void		 batch_prepare(struct batch *, struct ctx *c, struct io *io);
/* After routing, before hooks->begin: a batchable request joins the
 * batch (io->hold set); another closes it first. */
void		 batch_join(struct batch *, struct ctx *c, struct io *io);
/* After the handler and the response: a joined request is kept (its
 * deferred work with it), another finished.  Before ctx_reset(). */
void		 batch_done(struct batch *, struct ctx *c, struct io *io);

#endif
