/* app.h — the shape every souk program shares.
 *
 * A program is a page table, a key table and handlers (kcgi's sample.c
 * shape); app_main() does the rest:
 *
 *	enum page_id { PAGE_HOME, PAGE_CATEGORY, PAGE__MAX };
 *	static const struct page pages[PAGE__MAX] = {
 *		[PAGE_HOME]     = { "",  METHODS_GET, page_home, PAGE_STRICT },
 *		[PAGE_CATEGORY] = { "c", METHODS_GET, page_category, PAGE_STRICT },
 *	};
 *	static const struct app catalog = { "catalog", pages, PAGE__MAX,
 *	    keys, KEY__MAX };
 *	int main(int argc, char **argv) { return app_main(argc, argv, &catalog); }
 *
 * One request: parse (limits, UTF-8) -> language -> route on the leading
 * path segments (the longest page name that matches) -> method check (405 with Allow) -> validate every key of the key
 * table from query and form (PAGE_STRICT pages answer 400 listing what is
 * wrong) -> handler -> error page if the handler returned >= 400 without a
 * body -> send with security headers -> deferred work (mail) after the
 * response is gone -> arena and HDF released.
 *
 * Run modes of the same binary (see README "Deploying"):
 *   prog                          FastCGI on fd 0 (spawn-fcgi, systemd, mod_fcgid)
 *                                 or plain CGI when fd 0 is not a socket
 *   prog --listen unix:PATH|HOST:PORT [--workers N] [--socket-mode 0660]
 *                                 prefork supervisor, restarts dead workers,
 *                                 SIGTERM stops, SIGHUP restarts workers
 *   prog --check                  load config, templates, database; exit 0/1 */
#ifndef SOUK_APP_H
#define SOUK_APP_H
#include "arena.h"
#include "db.h"
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
};

struct ctx;
struct user;

struct page {
	const char	*name;		/* leading path segments: "" is "/",
					 * "cart/add" is /cart/add */
	unsigned	 methods;	/* METHOD_* bits allowed */
	int		(*handler)(struct ctx *);	/* returns an HTTP status */
	unsigned	 flags;
};

struct app {
	const char		*name;
	const struct page	*pages;
	size_t			 npages;
	const struct valid_key	*keys;
	size_t			 nkeys;
	/* Optional: once per worker after the database is open; 0 or -1. */
	int			(*init)(struct ctx *);
};

#define APP_MAX_DEFER 4

struct ctx {
	const struct app	*app;
	struct req		 req;
	struct resp		 resp;
	struct arena		 arena;
	struct db		*db;
	enum lang		 lang;
	HDF			*hdf;		/* tmpl_hdf(lang): fill Page.* */
	int			 page;		/* index in app->pages, -1 */
	struct val		*vals;		/* app->nkeys validated inputs */
	const char		*error_detail;	/* shown on the error page */
	/* The visitor's session (sess.h, filled by sess_load). */
	struct user		*user;		/* logged in, or NULL */
	const char		*sess_hash;	/* any live session row, or NULL */
	long long		 sess_mfa_user;	/* waiting for a second factor */
	const char		*sess_new_token; /* cookie set by this request */
	struct {
		void	(*fn)(struct ctx *, void *);
		void	 *arg;
	}			 defer[APP_MAX_DEFER];
	int			 ndefer;
};

int		 app_main(int argc, char **argv, const struct app *);

/* Renders templates/<name>.cs in the layout into the response body and
 * returns 200 (or 500 if rendering failed). */
int		 app_render(struct ctx *, const char *name);
/* Makes the response the error page for status (detail: a Lang.err key or
 * NULL) and returns status. */
int		 app_error(struct ctx *, int status, const char *detail);
/* 303 to base_url + path (path starts with '/'); returns 303. */
int		 app_redirect(struct ctx *, const char *path);
/* The validated input for key index k. */
const struct val *app_val(const struct ctx *, int k);
/* Runs fn(ctx, arg) after the response has been sent (mail delivery...). */
void		 app_defer(struct ctx *, void (*fn)(struct ctx *, void *), void *arg);
/* Lets a shared cache keep this response (anonymous pages only). */
void		 app_cacheable(struct ctx *);
/* Formats a price in the store currency for the visitor's language. */
const char	*app_money(struct ctx *, long long minor);
/* A Lang.* string in the visitor's language. */
const char	*app_str(struct ctx *, const char *key);
/* Sets Page.<prefix>.N.err etc. for the invalid values (error listing). */
void		 app_put_errors(struct ctx *, const char *prefix);
/* The CSRF token for forms on this page, creating the souk_csrf cookie for
 * visitors who have no cart or session yet (the page is then private). */
const char	*app_csrf_token(struct ctx *);
/* 1 when a POST passes the same-origin check and carries a valid token in
 * the form field "csrf"; otherwise renders 403 and returns 0. */
int		 app_csrf_ok(struct ctx *);

#endif
