/* http_req.h — the parsed request.
 *
 * req_parse() reads the CGI/FastCGI parameters, the query string, cookies
 * and an application/x-www-form-urlencoded body into a struct req whose
 * strings all live in the request arena.  Every name and value is
 * percent-decoded, checked to be valid UTF-8 without NUL, and bounded by the
 * limits below; a request that breaks a limit is refused as a whole (400 or
 * 413) rather than half-read.  multipart/form-data bodies are split by
 * multipart.c: text parts join `form`, file parts land in `files` (their
 * bytes stay in body).
 *
 * Routing path: PATH_INFO when the server sets it (Apache, CGI with a script
 * alias), else DOCUMENT_URI (nginx, already decoded), else the path of
 * REQUEST_URI.  Absolute URLs are never built from Host: use base_url. */
#ifndef SOUK_HTTP_REQ_H
#define SOUK_HTTP_REQ_H
#include <stddef.h>

#include "arena.h"
#include "http_io.h"
#include "http_types.h"

enum method {
	METHOD_GET = 1 << 0,
	METHOD_HEAD = 1 << 1,
	METHOD_POST = 1 << 2,
	METHOD_PUT = 1 << 3,
	METHOD_DELETE = 1 << 4,
	METHOD_OTHER = 1 << 5,
};

#define REQ_MAX_SEGS 8
/* A body over the limit is read and dropped up to this many bytes before
 * the 413 is sent (CGI servers write the whole body first). */
#define REQ_DRAIN_MAX (64ULL * 1024 * 1024)

struct req {
	struct io	*io;
	struct arena	*arena;
	enum method	 method;
	const char	*method_name;
	const char	*path;		/* decoded, starts with '/' */
	const char	*seg[REQ_MAX_SEGS];	/* path split on '/', no empties */
	size_t		 nseg;
	const char	*query_string;	/* raw, for rebuilding links */
	struct kvlist	 query;
	struct kvlist	 form;		/* urlencoded body, multipart text parts */
	struct req_files files;		/* multipart file parts */
	struct kvlist	 cookies;
	const char	*remote_addr;
	const char	*content_type;	/* raw header, may be NULL */
	const char	*origin, *referer, *sec_fetch_site;
	const char	*accept, *accept_language, *user_agent;
	const char	*body;		/* raw body (multipart, JSON), NUL-terminated */
	size_t		 body_len;
	int		 https;
	enum req_error	 error;		/* why req_parse refused the request */
	const char	*error_detail;	/* field name or hint, may be NULL */
};

/* Parses the request; returns REQ_OK or the reason it was refused (also in
 * req->error).  On error the fields parsed so far stay usable (method, path,
 * cookies) so an error page can be rendered in the visitor's language. */
enum req_error	 req_parse(struct req *, struct io *, struct arena *,
		    const struct req_limits *);
/* HTTP status for a parse error: 400 or 413. */
int		 req_error_status(enum req_error);

/* First value of `key` in the query / form / cookies, or NULL. */
const char	*req_query(const struct req *, const char *key);
const char	*req_form(const struct req *, const char *key);
const char	*req_cookie(const struct req *, const char *key);
const char	*kv_get(const struct kvlist *, const char *key);
/* The first uploaded file of form field `field`, or NULL. */
const struct req_file *req_file(const struct req *, const char *field);
/* 1 when the client asked for JSON (Accept: application/json first). */
int		 req_wants_json(const struct req *);

/* Parses "a=1&b=%20x" into list; strings in the arena.  Returns REQ_OK or an
 * error (limits as in req_parse).  Exposed for the unit tests and the fuzzer. */
enum req_error	 form_parse(struct arena *, const char *, size_t,
		    const struct req_limits *, struct kvlist *,
		    const char **bad_field);
/* Parses a Cookie header: names must be tokens, values cookie-octets
 * (RFC 6265), blanks around both trimmed; malformed pairs are skipped,
 * never fatal.  At most max_cookies are kept. */
void		 cookie_parse(struct arena *, const char *,
		    const struct req_limits *, struct kvlist *);
/* Decodes %xx and '+' (when plus_space) from s[0..n) into the arena.
 * Returns NULL on a malformed escape, bad UTF-8 or NUL. */
char		*url_decode(struct arena *, const char *, size_t n, int plus_space,
		    size_t *outlen);

#endif
