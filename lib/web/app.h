/* app.h — the shape every souk program shares: the request loop.
 *
 * A program is a page table, a key table and handlers (kcgi's sample.c
 * shape); app_main() does the rest:
 *
 *	enum key { KEY_PAGE, KEY_SORT, KEY__MAX };
 *	enum page_id { PAGE_HOME, PAGE_CATEGORY, PAGE__MAX };
 *	static const struct page pages[PAGE__MAX] = {
 *		[PAGE_HOME]     = { "",  METHODS_GET, page_home, PAGE_STRICT },
 *		[PAGE_CATEGORY] = { "c", METHODS_GET, page_category,
 *		    PAGE_STRICT | PAGE_REST, KEYS(KEY_PAGE, KEY_SORT) },
 *	};
 *	static const struct app catalog = { "catalog", pages, PAGE__MAX,
 *	    keys, KEY__MAX, .hooks = &site_hooks };
 *	int main(int argc, char **argv) { return app_main(argc, argv, &catalog); }
 *
 * This layer knows HTTP and nothing of the store: what a store needs around
 * every request (the database, the header's cart count, the visitor's
 * session) comes from the hooks a higher layer fills (lib/site/site.h).
 *
 * One request: parse (limits, UTF-8) -> language -> route on the leading
 * path segments (the longest page name that matches) -> hooks->begin
 * (skipped for PAGE_BARE pages: JSON, webhooks, downloads) -> method check
 * (405 with Allow) -> validate the keys the page lists (PAGE_STRICT pages
 * answer 400 listing what is wrong) -> handler, which returns the status ->
 * error page if the status is >= 400 without a body -> send with security
 * headers -> deferred work (mail) after the response is gone ->
 * hooks->finish -> arena and HDF released.  A FastCGI worker of a program
 * with app->batchable answers such requests in batches: held after their
 * handler until one commit covers them all (app_internal.h).
 *
 * Run modes of the same binary (docs/deploy.md):
 *   prog                          FastCGI on fd 0 (spawn-fcgi, systemd, mod_fcgid)
 *                                 or plain CGI when fd 0 is not a socket
 *   prog --listen unix:PATH|HOST:PORT [--workers N] [--socket-mode 0660]
 *                                 prefork supervisor, restarts dead workers,
 *                                 SIGTERM stops, SIGHUP restarts workers
 *   prog --check                  load config, templates, database; exit 0/1
 * A program that cannot start under plain CGI still answers: Status 500 with
 * a short plain-text body, the reason in the log. */
#ifndef SOUK_APP_H
#define SOUK_APP_H
#include "arena.h"
#include "http_req.h"
#include "http_resp.h"
#include "lang.h"
#include "tmpl.h"
#include "valid.h"

#define METHODS_GET (METHOD_GET | METHOD_HEAD)
#define METHODS_POST (METHOD_POST)
#define METHODS_GET_POST (METHOD_GET | METHOD_HEAD | METHOD_POST)

enum page_flags {
	PAGE_STRICT = 1 << 0,	/* invalid query values -> 400 before the handler */
	PAGE_REST = 1 << 1,	/* accepts more path segments (/p/<slug>) */
	PAGE_BARE = 1 << 2,	/* no layout data, no session or cart lookup, no
				 * CSRF cookie: JSON, webhooks, downloads */
};

/* The keys a page reads: KEYS(KEY_Q, KEY_PAGE) (indexes in app->keys). */
#define KEYS(...) ((const int[]){ __VA_ARGS__, -1 })

struct ctx;
struct user;

struct page {
	const char	*name;		/* leading path segments: "" is "/",
					 * "cart/add" is /cart/add */
	unsigned	 methods;	/* METHOD_* bits allowed */
	int		(*handler)(struct ctx *);	/* returns an HTTP status */
	unsigned	 flags;
	const int	*keys;		/* KEYS(...) it reads; NULL: none */
};

struct db;
struct site_req;

/* What a higher layer adds around requests; every member may be NULL. */
struct app_hooks {
	/* Before the configuration is read: declares the keys of the layers
	 * above web (conf_define). */
	void		(*configure)(void);
	/* After the configuration and templates are loaded, once per
	 * process: checks and sets values templates show everywhere. */
	int		(*setup)(void);
	/* Once per worker: opens ctx->db and what lives in it; 0 or -1
	 * after logging why the program cannot serve. */
	int		(*open)(struct ctx *);
	void		(*close)(struct ctx *);
	/* Per request of a page that is not bare (and for 404s), before the
	 * method check and the handler: layout data, session, cart. */
	void		(*begin)(struct ctx *);
	/* 1 when the visitor has state of their own (cart, session), so
	 * no shared cache may keep the response. */
	int		(*visitor_private)(const struct ctx *);
	/* The values only this visitor holds (session, cart id), strongest
	 * first, that CSRF tokens may be bound to: how many were written to
	 * out[APP_MAX_BINDINGS].  Tokens bind to the first; a random
	 * souk_csrf cookie serves visitors with none. */
	size_t		(*csrf_bindings)(const struct ctx *, const char **out);
	/* Per request, bare pages included, after the handler: the status
	 * to answer instead of its own (it may render another page: a store
	 * too busy to write answers 503, not 500). */
	int		(*status)(struct ctx *, int status);
	/* Per request, after the response and the deferred work. */
	void		(*finish)(struct ctx *);
	/* Per request, bare pages included, first of all: brings values
	 * the store changes at run time (its settings) up to date. */
	void		(*refresh)(struct ctx *);
	/* Batches (app->batchable, app_internal.h): batch_open() starts one on
	 * the request's connection (0, or -1: the request runs alone);
	 * batch_spent() is 1 when the open batch should take no more
	 * requests (its transaction was lost, or the store's write lock was
	 * too busy to get), else 0; batch_close() ends it: 0 when everything
	 * its requests wrote is on disk, -1 when none of it is kept (they are
	 * answered 503, "nothing was changed"), -2 when it was committed but
	 * may not be on disk (answered 500); what it defers (app_defer) runs
	 * after the batch's answers. */
	int		(*batch_open)(struct ctx *);
	int		(*batch_spent)(struct ctx *);
	int		(*batch_close)(struct ctx *);
};

struct app {
	const char		*name;
	const struct page	*pages;
	size_t			 npages;
	const struct valid_key	*keys;
	size_t			 nkeys;
	const struct app_hooks	*hooks;		/* NULL: plain HTTP program */
	/* Optional: once per worker after hooks->open; 0 or -1. */
	int			(*init)(struct ctx *);
	/* Optional: 1 when this request (parsed and routed, before
	 * hooks->begin) may be answered in a batch (app_internal.h): held,
	 * with the concurrent requests of its kind, until one commit
	 * covers what they all wrote.  Only for requests that write in
	 * short transactions and wait for nothing outside the store. */
	int			(*batchable)(struct ctx *);
};

#define APP_MAX_DEFER 4
#define APP_MAX_BINDINGS 4

struct ctx {
	const struct app	*app;
	struct req		 req;
	struct resp		 resp;
	struct arena		 arena;
	struct db		*db;
	enum lang		 lang;
	HDF			*hdf;		/* tmpl_hdf(lang): fill Page.* */
	int			 page;		/* index in app->pages, -1 */
	struct val		*vals;		/* app->nkeys validated inputs;
						 * keys the page does not list
						 * are VAL_ABSENT */
	struct site_req		*site;		/* the hooks' per-request data
						 * (opaque here; never NULL once
						 * hooks->open has set it) */
	struct {
		void	(*fn)(struct ctx *, void *);
		void	 *arg;
	}			 defer[APP_MAX_DEFER];
	int			 ndefer;
};

int		 app_main(int argc, char **argv, const struct app *);

/* Renders templates/<name>.cs in the layout into the response body and
 * returns status (or 500 if rendering failed): a handler returns it, and
 * the request loop sends what the handler returned. */
int		 app_render(struct ctx *, int status, const char *name);
/* Makes the response body the error page for status (detail: a Lang.err
 * key or NULL) and returns status. */
int		 app_error(struct ctx *, int status, const char *detail);
/* 303 to base_url + path (path starts with '/'); returns 303. */
int		 app_redirect(struct ctx *, const char *path);
/* Makes the response body JSON value o (json.h: HTML-safe; the
 * reference is taken, NULL is a 500) and returns status: the answer of
 * a JSON page. */
struct json_t;
int		 app_json(struct ctx *, int status, struct json_t *o);
/* The validated input for key index k. */
const struct val *app_val(const struct ctx *, int k);
/* Appends to key (hdf_key.h framing) the raw value of each key the page
 * being served lists, as validation read it ("-" when absent): of the
 * request's inputs, what its app_val()s can show.  For caches of a
 * rendered page, so that parameters the page never reads (utm_source,
 * a cache-buster) do not make entries of their own. */
struct buf;
void		 app_key_inputs(const struct ctx *, struct buf *key);
/* Runs fn(ctx, arg) after the response has been sent (mail delivery...). */
void		 app_defer(struct ctx *, void (*fn)(struct ctx *, void *), void *arg);
/* Lets a shared cache keep this response (anonymous pages only). */
void		 app_cacheable(struct ctx *);
/* A Lang.* string in the visitor's language. */
const char	*app_str(struct ctx *, const char *key);
/* Sets Page.<prefix>.N.err etc. for the invalid values of the page's keys
 * (error listing) and Page.field_err.<name> beside each field. */
void		 app_put_errors(struct ctx *, const char *prefix);
/* The CSRF token for forms on this page (also Req.csrf), bound to
 * hooks->csrf_binding, else to a souk_csrf cookie it creates for visitors
 * who have none yet (the page is then private). */
const char	*app_csrf_token(struct ctx *);
/* 1 when a POST passes the same-origin check and carries a valid token in
 * the form field "csrf"; otherwise renders 403 and returns 0. */
int		 app_csrf_ok(struct ctx *);

#endif
