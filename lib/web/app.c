/* app.c — request loop and helpers shared by every program; see app.h. */
#include <errno.h>
#include <fcntl.h>
#include <malloc.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app.h"
#include "app_internal.h"
#include "conf.h"
#include "csrf.h"
#include "hdf_key.h"
#include "json.h"
#include "log.h"
#include "rand.h"
#include "supervisor.h"

extern char **environ;

static volatile sig_atomic_t stopping;

static struct req_limits limits;

/* The worker's batch (app_internal.h), NULL when it serves one request at a
 * time. */
static struct batch *batching;

static void
on_term(int sig)
{
	(void)sig;
	stopping = 1;
	FCGX_ShutdownPending();
}

const struct val *
app_val(const struct ctx *c, int k)
{
	return &c->vals[k];
}

/* The raw input validate() reads for key: the query's, else the form's. */
static const char *
raw_input(const struct ctx *c, const struct valid_key *key)
{
	const char *raw = kv_get(&c->req.query, key->name);

	return raw != NULL ? raw : kv_get(&c->req.form, key->name);
}

void
app_key_inputs(const struct ctx *c, struct buf *key)
{
	const struct page *p = c->page >= 0 ? &c->app->pages[c->page] : NULL;

	buf_putc(key, '[');
	for (const int *k = p ? p->keys : NULL; k != NULL && *k >= 0; k++)
		hdf_key_str(key, raw_input(c, &c->app->keys[*k]));
	buf_putc(key, ']');
}

const char *
app_str(struct ctx *c, const char *key)
{
	return tmpl_str(c->lang, key);
}

void
app_cacheable(struct ctx *c)
{
	/* A visitor with a cart or a session sees their own header (cart
	 * count, tokens): never put that in a shared cache. */
	const char *keyed;
	int want;

	if (c->app->hooks != NULL && c->app->hooks->visitor_private != NULL &&
	    c->app->hooks->visitor_private(c))
		return;
	/* nginx keys the cache on the language it computed itself and passes
	 * it as SOUK_CACHE_LANG ("" = the store's default).  Cache only a page
	 * rendered in exactly that language: nginx and we may read an odd
	 * Cookie or Accept-Language header differently, and the page must be
	 * in the language its key names (issue 7, finding 1).  Without the
	 * parameter (Apache, CGI, an old nginx site file) nothing is cached. */
	if ((keyed = io_getenv(c->req.io, "SOUK_CACHE_LANG")) == NULL)
		return;
	want = *keyed ? lang_from_code(keyed) :
	    lang_from_code(conf_str(CONF_DEFAULT_LANG));
	if (want < 0 || (enum lang)want != c->lang)
		return;
	c->resp.shared_cache = (int)conf_int(CONF_PAGE_CACHE);
	/* nginx also keys the cache on whether the client takes gzip
	 * (SOUK_CACHE_GZIP "gzip" or ""): the page is then gzipped once here
	 * rather than by nginx on every hit (gzip.h). */
	if ((keyed = io_getenv(c->req.io, "SOUK_CACHE_GZIP")) != NULL)
		c->resp.cache_gzip = strcmp(keyed, "gzip") == 0 ?
		    CACHE_GZIP_YES : CACHE_GZIP_PLAIN;
}

void
app_defer(struct ctx *c, void (*fn)(struct ctx *, void *), void *arg)
{
	if (c->ndefer == APP_MAX_DEFER) {
		log_error("app: too many deferred tasks; running now");
		fn(c, arg);
		return;
	}
	c->defer[c->ndefer].fn = fn;
	c->defer[c->ndefer].arg = arg;
	c->ndefer++;
}

int
app_render(struct ctx *c, int status, const char *name)
{
	buf_reset(&c->resp.body);
	if (tmpl_render(c->lang, name, TMPL_PAGE, &c->resp.body) < 0) {
		buf_reset(&c->resp.body);
		return 500;
	}
	return status;
}

int
app_redirect(struct ctx *c, const char *path)
{
	char *url = arena_printf(&c->arena, "%s%s", conf_str(CONF_BASE_URL), path);

	resp_redirect(&c->resp, 303, url);
	return 303;
}

int
app_json(struct ctx *c, int status, struct json_t *o)
{
	int rc;

	buf_reset(&c->resp.body);
	rc = o != NULL ? json_out(&c->resp.body, o) : -1;
	json_decref(o);
	if (rc < 0)
		return 500;
	buf_putc(&c->resp.body, '\n');
	c->resp.content_type = "application/json; charset=utf-8";
	return status;
}

void
app_put_errors(struct ctx *c, const char *prefix)
{
	int n = 0;

	for (size_t k = 0; k < c->app->nkeys; k++) {
		const struct val *v = &c->vals[k];
		const struct valid_key *key = &c->app->keys[k];

		if (v->state != VAL_INVALID)	/* also the keys not read */
			continue;
		hdf_putf(c->hdf, key->name, "%s.%d.field", prefix, n);
		hdf_putf(c->hdf, v->err, "%s.%d.err", prefix, n);
		hdf_putf(c->hdf, arena_printf(&c->arena, "%lld", key->min),
		    "%s.%d.min", prefix, n);
		hdf_putf(c->hdf, arena_printf(&c->arena, "%lld", key->max),
		    "%s.%d.max", prefix, n);
		/* Also addressable by field name, for errors next to inputs. */
		hdf_putf(c->hdf, v->err, "Page.field_err.%s", key->name);
		n++;
	}
}

int
app_error(struct ctx *c, int status, const char *detail)
{
	char key[64];

	c->resp.shared_cache = 0;
	buf_reset(&c->resp.body);
	/* Lang.status.s<N> holds the title and text for each status we use. */
	snprintf(key, sizeof(key), "Lang.status.s%d", status);
	if (hdf_get_obj(c->hdf, key) == NULL)
		snprintf(key, sizeof(key), "Lang.status.s%d", status < 500 ? 400 : 500);
	hdf_put_int(c->hdf, "Page.status", status);
	hdf_put(c->hdf, "Page.status_key", key + strlen("Lang.status."));
	if (detail != NULL)
		hdf_put(c->hdf, "Page.detail", detail);
	if (tmpl_render(c->lang, "error", TMPL_PAGE, &c->resp.body) < 0) {
		/* The templates themselves are broken: say so plainly. */
		buf_reset(&c->resp.body);
		c->resp.content_type = "text/plain; charset=utf-8";
		buf_printf(&c->resp.body, "%d %s\n", status,
		    http_status_text(status));
	}
	return status;
}

/* The values this visitor's CSRF tokens may be bound to, strongest
 * first: the hooks' (session, cart), then the souk_csrf cookie.  Values
 * shorter than 16 characters are not secrets and are skipped.  Returns
 * how many were written to out[APP_MAX_BINDINGS + 1]. */
static size_t
csrf_candidates(const struct ctx *c, const char **out)
{
	const struct app_hooks *h = c->app->hooks;
	const char *v[APP_MAX_BINDINGS + 1];
	size_t n = 0, k = 0;

	if (h != NULL && h->csrf_bindings != NULL)
		n = h->csrf_bindings(c, v);
	v[n++] = req_cookie(&c->req, CSRF_COOKIE);
	for (size_t i = 0; i < n; i++)
		if (v[i] != NULL && strlen(v[i]) >= 16)
			out[k++] = v[i];
	return k;
}

const char *
app_csrf_token(struct ctx *c)
{
	char *tok = arena_alloc(&c->arena, CSRF_TOKEN_LEN + 1);
	const char *cand[APP_MAX_BINDINGS + 1], *bound;

	if (csrf_candidates(c, cand) > 0)
		bound = cand[0];
	else {
		char *fresh = arena_alloc(&c->arena, rand_token_len(18) + 1);
		rand_token(fresh, 18);
		resp_cookie(&c->resp, CSRF_COOKIE, fresh, 0,
		    COOKIE_HTTPONLY | (conf_https() ? COOKIE_SECURE : 0));
		bound = fresh;
	}
	csrf_token(tok, "csrf", bound);
	hdf_put(c->hdf, "Req.csrf", tok);
	return tok;
}

int
app_csrf_ok(struct ctx *c)
{
	const char *tok = req_form(&c->req, "csrf");
	const char *cand[APP_MAX_BINDINGS + 1];
	int ok = 0;

	if (origin_same(&c->req, conf_str(CONF_BASE_URL))) {
		size_t n = csrf_candidates(c, cand);
		for (size_t i = 0; i < n && !ok; i++)
			ok = csrf_valid(tok, "csrf", cand[i]);
	} else {
		/* A wrong base_url refuses every form: say what we saw. */
		const char *o = io_getenv(c->req.io, "HTTP_ORIGIN");
		const char *ref = io_getenv(c->req.io, "HTTP_REFERER");
		log_warn("refused a POST to %.200s: Origin %.200s, Referer %.200s "
		    "do not match base_url %s", c->req.path ? c->req.path : "/",
		    o ? o : "(none)", ref ? ref : "(none)",
		    conf_str(CONF_BASE_URL));
	}
	if (!ok)
		app_error(c, 403, "csrf");
	return ok;
}

/* What every page's layout needs about the request itself; the hooks add
 * the store's part (nav, cart count, session). */
static void
begin(struct ctx *c)
{
	HDF *h = c->hdf;

	hdf_put(h, "Req.path", c->req.path ? c->req.path : "/");
	hdf_put(h, "Req.lang", lang_code(c->lang));
	hdf_put(h, "Req.other_lang", lang_code(c->lang == LANG_EN ? LANG_FR : LANG_EN));
	hdf_put(h, "Req.program", c->app->name);
	if (c->app->hooks != NULL && c->app->hooks->begin != NULL)
		c->app->hooks->begin(c);
}

/* How many leading path segments the page name covers ("" none, "cart"
 * one, "cart/add" two) when they match the request's, else -1. */
static int
page_match(const char *name, const struct req *r)
{
	size_t k = 0;

	while (*name) {
		size_t n = strcspn(name, "/");
		if (k == r->nseg || strlen(r->seg[k]) != n ||
		    strncmp(r->seg[k], name, n) != 0)
			return -1;
		k++;
		name += n + (name[n] == '/');
	}
	return (int)k;
}

/* The page for the path: the longest matching name; more segments only
 * where the page takes them. */
static int
route(struct ctx *c)
{
	int best = -1, best_len = -1;

	for (size_t i = 0; i < c->app->npages; i++) {
		int len = page_match(c->app->pages[i].name, &c->req);
		if (len > best_len) {
			best = (int)i;
			best_len = len;
		}
	}
	if (best < 0 || ((size_t)best_len < c->req.nseg &&
	    !(c->app->pages[best].flags & PAGE_REST)))
		return -1;
	return best;
}

static void
allow_header(struct ctx *c, unsigned methods)
{
	char allow[64] = "";

	if (methods & METHOD_GET)
		strcat(allow, "GET, HEAD");
	if (methods & METHOD_POST)
		strcat(allow, *allow ? ", POST" : "POST");
	resp_header(&c->resp, "Allow", allow);
}

/* Validates the keys the page lists into c->vals; returns how many are
 * invalid.  Keys the page does not list stay VAL_ABSENT. */
static int
validate(struct ctx *c, const struct page *p)
{
	int bad = 0;

	memset(c->vals, 0, c->app->nkeys * sizeof(*c->vals));
	for (const int *k = p->keys; k != NULL && *k >= 0; k++) {
		struct val *v = &c->vals[*k];
		const struct valid_key *key = &c->app->keys[*k];

		valid_one(&c->arena, key, raw_input(c, key), v);
		bad += v->state == VAL_INVALID;
	}
	return bad;
}

static int
dispatch(struct ctx *c)
{
	const struct page *p;
	const char *q;

	if (c->req.error != REQ_OK)
		return app_error(c, req_error_status(c->req.error),
		    c->req.error == REQ_BODY_TOO_LARGE ? "too_large" :
		    c->req.error == REQ_BAD_ENCODING ? "bad_encoding" :
		    "bad_request");
	if ((q = req_query(&c->req, "lang")) != NULL && lang_from_code(q) >= 0)
		resp_cookie(&c->resp, LANG_COOKIE, lang_code(c->lang),
		    365L * 86400, conf_https() ? COOKIE_SECURE : 0);
	if (c->page < 0)
		return app_error(c, 404, NULL);
	p = &c->app->pages[c->page];
	if (!(p->methods & c->req.method)) {
		allow_header(c, p->methods);
		return app_error(c, 405, NULL);
	}
	if (validate(c, p) > 0 && (p->flags & PAGE_STRICT)) {
		app_put_errors(c, "Page.errors");
		return app_error(c, 400, "invalid");
	}
	return p->handler(c);
}

static void
handle(struct ctx *c, struct io *io)
{
	const char *q;
	int status;

	if (batching != NULL)
		batch_prepare(batching, c, io);
	if (c->app->hooks != NULL && c->app->hooks->refresh != NULL)
		c->app->hooks->refresh(c);
	req_parse(&c->req, io, &c->arena, &limits);
	/* nginx's micro-cached locations add the security headers themselves
	 * (souk-cache.conf), for every response they pass on. */
	c->resp.server_headers =
	    (q = io_getenv(io, "SOUK_HEADERS_ADDED")) != NULL &&
	    strcmp(q, "1") == 0;
	c->lang = lang_negotiate(req_query(&c->req, "lang"),
	    req_cookie(&c->req, LANG_COOKIE), c->req.accept_language,
	    lang_default());
	c->hdf = tmpl_hdf(c->lang);
	c->page = route(c);
	if (batching != NULL)
		batch_join(batching, c, io);
	if (c->page < 0 || !(c->app->pages[c->page].flags & PAGE_BARE))
		begin(c);
	status = dispatch(c);
	if (c->app->hooks != NULL && c->app->hooks->status != NULL)
		status = c->app->hooks->status(c, status);
	if (status >= 400 && c->resp.body.len == 0)
		app_error(c, status, NULL);
	/* A missing page is the same for every anonymous visitor: the
	 * micro-cache may keep it like the page it replaces, so a deleted
	 * product leaves no stale cached copy behind. */
	if (status == 404 && (c->req.method & METHODS_GET))
		app_cacheable(c);
	/* The handler's return value is the status, and nothing else. */
	if (status > 0)
		c->resp.status = status;
	if (resp_send(&c->resp, io, c->req.method == METHOD_HEAD) < 0)
		log_info("client went away before the response was sent");
}

/* Runs the deferred work and releases everything the request held. */
static void
ctx_reset(struct ctx *c)
{
	for (int i = 0; i < c->ndefer; i++)
		c->defer[i].fn(c, c->defer[i].arg);
	c->ndefer = 0;
	if (c->app->hooks != NULL && c->app->hooks->finish != NULL)
		c->app->hooks->finish(c);
	tmpl_clear(c->lang);
	arena_reset(&c->arena);
	resp_reset(&c->resp);
	c->vals = arena_alloc(&c->arena, (c->app->nkeys + 1) * sizeof(struct val));
	c->page = -1;
}

/* Configuration and templates: done before forking so mistakes show at
 * start-up, in the supervisor's terminal.  0 or -1 after logging. */
static int
load_static(const struct app *app)
{
	const struct app_hooks *h = app->hooks;

	if (h != NULL && h->configure != NULL)
		h->configure();
	if (conf_load() < 0)
		return -1;
	limits.max_body = (size_t)conf_int(CONF_MAX_BODY);
	limits.max_upload = (size_t)conf_int(CONF_MAX_UPLOAD);
	limits.max_fields = 1000;
	limits.max_field = 64 * 1024;
	limits.max_cookies = 32;
	if (tmpl_init(conf_str(CONF_TEMPLATE_DIR), conf_str(CONF_LANG_DIR)) < 0)
		return -1;
	tmpl_set_store("base_url", conf_str(CONF_BASE_URL));
	if (h != NULL && h->setup != NULL && h->setup() < 0)
		return -1;
	return 0;
}

/* Per worker: what the hooks open (the database) and the program's init.
 * 0, or -1 after logging; ctx_close() is due either way. */
static int
ctx_open(struct ctx *c, const struct app *app)
{
	memset(c, 0, sizeof(*c));
	c->app = app;
	/* A worker's memory is reused request after request: never hand the
	 * heap's top back to the kernel between requests, nor mmap a request's
	 * big blocks (strace on the product page: two brk calls and their page
	 * faults per request, the kernel time behind its CPU cost). */
	mallopt(M_TRIM_THRESHOLD, 64 * 1024 * 1024);
	mallopt(M_MMAP_THRESHOLD, 4 * 1024 * 1024);
	arena_init(&c->arena, 64 * 1024);
	c->vals = arena_alloc(&c->arena, (app->nkeys + 1) * sizeof(struct val));
	c->page = -1;
	if (app->hooks != NULL && app->hooks->open != NULL &&
	    app->hooks->open(c) < 0)
		return -1;
	if (app->init != NULL && app->init(c) < 0)
		return -1;
	return 0;
}

static void
ctx_close(struct ctx *c)
{
	if (c->app != NULL && c->app->hooks != NULL &&
	    c->app->hooks->close != NULL)
		c->app->hooks->close(c);
	arena_free(&c->arena);
	resp_free(&c->resp);
	tmpl_shutdown();
}

/* The FastCGI accept loop on socket fd (0 when spawned by a server). */
static int
serve_fastcgi(const struct app *app, int fd)
{
	FCGX_Request fr;
	struct sigaction sa;
	struct ctx c;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_term;	/* no SA_RESTART: accept() returns */
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	if (ctx_open(&c, app) < 0) {
		ctx_close(&c);
		return 1;
	}
	if (FCGX_Init() != 0 || FCGX_InitRequest(&fr, fd, 0) != 0) {
		log_error("FCGX_Init failed");
		return 1;
	}
	supervisor_ready();	/* start-up done: from now on, deaths are not
				 * start-up failures (supervisor.h) */
	if ((batching = batch_new(app, fd)) != NULL) {
		FCGX_Request *r;

		FCGX_Free(&fr, 1);
		while ((r = batch_accept(batching, &c, &stopping)) != NULL) {
			struct io io = { r->in, r->out, r->envp, NULL };

			handle(&c, &io);
			batch_done(batching, &c, &io);
			ctx_reset(&c);
		}
		batch_free(batching);
		batching = NULL;
		ctx_close(&c);
		return 0;
	}
	while (!stopping && FCGX_Accept_r(&fr) == 0) {
		struct io io = { fr.in, fr.out, fr.envp, NULL };

		handle(&c, &io);
		FCGX_Finish_r(&fr);
		ctx_reset(&c);
	}
	FCGX_Free(&fr, 1);
	ctx_close(&c);
	return 0;
}

/* The answer of a plain-CGI program that cannot start (Apache would
 * otherwise show "premature end of script headers"); the reason is in the
 * log already. */
static int
cgi_cannot_start(void)
{
	printf("Status: 500 Internal Server Error\r\n"
	    "Content-Type: text/plain; charset=utf-8\r\n"
	    "Cache-Control: no-store\r\n\r\n"
	    "The store is not set up or cannot start; the reason is in "
	    "the web server's "
	    "error log.\n");
	fflush(stdout);
	return 1;
}

static int
serve_cgi(const struct app *app)
{
	struct io io = { NULL, NULL, environ, NULL };
	struct ctx c;
	int fd;

	if (ctx_open(&c, app) < 0) {
		ctx_close(&c);
		return cgi_cannot_start();
	}
	handle(&c, &io);
	fflush(stdout);
	/* Plain CGI does no work after the response.  The server sees the
	 * response end only when every copy of our stdout is closed (Apache
	 * mod_cgid hands one socket as stdin and stdout), and it may kill us
	 * as soon as it has: deferred tasks (mail delivery) would either hold
	 * the shopper's connection or be cut off.  Their work is durable
	 * already (mail waits in the outbox for `soukctl mail run`/`daemon`,
	 * docs/deploy.md), so drop the tasks and exit at once. */
	c.ndefer = 0;
	if ((fd = open("/dev/null", O_RDWR)) >= 0) {
		dup2(fd, STDIN_FILENO);
		dup2(fd, STDOUT_FILENO);
		close(fd);
	}
	ctx_reset(&c);
	ctx_close(&c);
	return 0;
}

/* --check: the layout and the error page parse and render in every
 * language, so a wrong template_dir shows now, not on the first request. */
static int
check_templates(void)
{
	struct buf b = { 0 };
	int rc = 0;

	for (int l = 0; l < LANG__MAX && rc == 0; l++) {
		rc = tmpl_render((enum lang)l, "error", TMPL_PAGE, &b);
		tmpl_clear((enum lang)l);
	}
	buf_free(&b);
	return rc;
}

static void
usage(const char *name)
{
	fprintf(stderr,
	    "usage: %s                      FastCGI on fd 0, or CGI\n"
	    "       %s --listen unix:PATH|HOST:PORT [--workers N] "
	    "[--socket-mode MODE]\n"
	    "       %s --check              check configuration and database\n"
	    "Configuration: $SOUK_CONF and SOUK_* variables (docs/configuration.md).\n",
	    name, name, name);
}

/* A worker reloads configuration and templates itself, so SIGHUP to the
 * supervisor brings new ones into service. */
static int
worker_main(void *arg, int fd)
{
	if (load_static(arg) < 0)
		return 1;
	return serve_fastcgi(arg, fd);
}

int
app_main(int argc, char **argv, const struct app *app)
{
	struct supervisor_opts so = { .workers = 2, .socket_mode = 0660 };
	int check = 0;

	log_set_name(app->name);
	/* The database, its WAL files and uploads hold customers' details:
	 * nothing we create is readable by other users (sockets get their
	 * mode explicitly). */
	umask(077);
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (strcmp(a, "--listen") == 0 && i + 1 < argc)
			so.listen = argv[++i];
		else if (strcmp(a, "--workers") == 0 && i + 1 < argc)
			so.workers = atoi(argv[++i]);
		else if (strcmp(a, "--socket-mode") == 0 && i + 1 < argc)
			so.socket_mode = (int)strtol(argv[++i], NULL, 8);
		else if (strcmp(a, "--check") == 0)
			check = 1;
		else {
			usage(app->name);
			return strcmp(a, "--help") == 0 ? 0 : 2;
		}
	}
	if (so.workers < 1 || so.workers > 256) {
		log_error("--workers must be 1 to 256");
		return 2;
	}
	if (load_static(app) < 0)
		return !check && so.listen == NULL && FCGX_IsCGI() ?
		    cgi_cannot_start() : 1;
	if (check) {
		struct ctx c;
		int rc = ctx_open(&c, app) < 0 || check_templates() < 0 ? 1 : 0;
		ctx_close(&c);
		if (rc == 0)
			printf("%s: configuration, templates and database OK\n",
			    app->name);
		return rc;
	}
	if (so.listen != NULL)
		return supervise(&so, worker_main, (void *)app);
	if (FCGX_IsCGI())
		return serve_cgi(app);
	return serve_fastcgi(app, 0);
}
