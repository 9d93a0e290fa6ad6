/* http_req.c — see http_req.h. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "http_req.h"
#include "multipart.h"
#include "utf8.h"

static int
hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

char *
url_decode(struct arena *a, const char *s, size_t n, int plus_space,
    size_t *outlen)
{
	char *out = arena_alloc(a, n + 1);
	size_t o = 0;

	for (size_t i = 0; i < n; i++) {
		char c = s[i];

		if (c == '%') {
			int hi, lo;
			if (i + 2 >= n)
				return NULL;
			if ((hi = hexval(s[i + 1])) < 0 || (lo = hexval(s[i + 2])) < 0)
				return NULL;
			c = (char)(hi << 4 | lo);
			i += 2;
		} else if (c == '+' && plus_space)
			c = ' ';
		out[o++] = c;
	}
	out[o] = '\0';
	if (!utf8_valid(out, o))
		return NULL;
	if (outlen != NULL)
		*outlen = o;
	return out;
}

enum req_error
form_parse(struct arena *a, const char *s, size_t n,
    const struct req_limits *lim, struct kvlist *list, const char **bad)
{
	size_t fields = 0, i, idx = 0;

	list->v = NULL;
	list->n = 0;
	if (n == 0)
		return REQ_OK;
	/* Count separators first: one allocation, and the field limit is
	 * checked before any decoding work. */
	for (i = 0; i < n; i++)
		if (s[i] == '&')
			fields++;
	fields++;
	if (fields > lim->max_fields)
		return REQ_TOO_MANY_FIELDS;
	list->v = arena_alloc(a, fields * sizeof(struct kv));
	i = 0;
	while (i <= n && idx < fields) {
		const char *start = s + i, *amp, *eq;
		size_t len, klen;
		struct kv *kv;

		amp = memchr(start, '&', n - i);
		len = amp ? (size_t)(amp - start) : n - i;
		i += len + 1;
		if (len == 0)
			continue;	/* "a=1&&b=2" */
		eq = memchr(start, '=', len);
		klen = eq ? (size_t)(eq - start) : len;
		kv = &list->v[list->n];
		if ((kv->key = url_decode(a, start, klen, 1, NULL)) == NULL)
			return REQ_BAD_ENCODING;
		if (*kv->key == '\0')
			continue;	/* "=x": no name, nothing to bind */
		if (eq == NULL) {
			kv->val = "";
			kv->len = 0;
		} else {
			size_t vlen = len - klen - 1;
			/* Each decoded byte takes 1 to 3 encoded ones: refuse
			 * hopeless values before decoding them. */
			if (vlen / 3 > lim->max_field) {
				*bad = kv->key;
				return REQ_FIELD_TOO_LONG;
			}
			kv->val = url_decode(a, eq + 1, vlen, 1, &kv->len);
			if (kv->val == NULL) {
				*bad = kv->key;
				return REQ_BAD_ENCODING;
			}
			if (kv->len > lim->max_field) {
				*bad = kv->key;
				return REQ_FIELD_TOO_LONG;
			}
		}
		list->n++;
	}
	return REQ_OK;
}

static int
cookie_char_ok(unsigned char c)
{
	/* RFC 6265 cookie-octet, minus nothing we need. */
	return c == 0x21 || (c >= 0x23 && c <= 0x2B) || (c >= 0x2D && c <= 0x3A) ||
	    (c >= 0x3C && c <= 0x5B) || (c >= 0x5D && c <= 0x7E);
}

/* RFC 9110 tchar: what a cookie name is made of. */
static int
cookie_name_char_ok(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z') || (c != '\0' && strchr("!#$%&'*+-.^_`|~", c));
}

static int
is_ows(char c)
{
	return c == ' ' || c == '\t';
}

void
cookie_parse(struct arena *a, const char *h, const struct req_limits *lim,
    struct kvlist *list)
{
	size_t max = lim->max_cookies;

	list->v = arena_alloc(a, max * sizeof(struct kv));
	list->n = 0;
	while (h != NULL && *h != '\0' && list->n < max) {
		const char *end = strchr(h, ';'), *eq, *ne, *v, *ve;
		size_t len;
		int ok = 1;

		while (is_ows(*h))
			h++;
		len = end ? (size_t)(end - h) : strlen(h);
		eq = memchr(h, '=', len);
		if (eq != NULL) {
			/* Names and values lose the blanks around them
			 * (RFC 6265 5.2); names must be tokens. */
			for (ne = eq; ne > h && is_ows(ne[-1]); ne--)
				;
			for (v = eq + 1; v < h + len && is_ows(*v); v++)
				;
			ve = h + len;
			while (ve > v && is_ows(ve[-1]))
				ve--;
			if (ve - v >= 2 && *v == '"' && ve[-1] == '"') {
				v++;
				ve--;
			}
			ok = ne > h;
			for (const char *p = h; p < ne; p++)
				if (!cookie_name_char_ok((unsigned char)*p))
					ok = 0;
			for (const char *p = v; p < ve; p++)
				if (!cookie_char_ok((unsigned char)*p))
					ok = 0;
			if (ok && (size_t)(ve - v) <= lim->max_field) {
				struct kv *kv = &list->v[list->n++];
				kv->key = arena_strndup(a, h, (size_t)(ne - h));
				kv->val = arena_strndup(a, v, (size_t)(ve - v));
				kv->len = (size_t)(ve - v);
			}
		}
		h = end ? end + 1 : NULL;
	}
}

const char *
kv_get(const struct kvlist *l, const char *key)
{
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->v[i].key, key) == 0)
			return l->v[i].val;
	return NULL;
}

const struct req_file *
req_file(const struct req *r, const char *field)
{
	for (size_t i = 0; i < r->files.n; i++)
		if (strcmp(r->files.v[i].field, field) == 0)
			return &r->files.v[i];
	return NULL;
}

const char *
req_query(const struct req *r, const char *key)
{
	return kv_get(&r->query, key);
}

const char *
req_form(const struct req *r, const char *key)
{
	return kv_get(&r->form, key);
}

const char *
req_cookie(const struct req *r, const char *key)
{
	return kv_get(&r->cookies, key);
}

int
req_wants_json(const struct req *r)
{
	return r->accept != NULL &&
	    strncasecmp(r->accept, "application/json", 16) == 0;
}

int
req_error_status(enum req_error e)
{
	return e == REQ_BODY_TOO_LARGE ? 413 : e == REQ_BAD_LENGTH ? 411 : 400;
}

static enum method
method_parse(const char *m)
{
	static const struct { const char *name; enum method m; } tab[] = {
		{ "GET", METHOD_GET }, { "HEAD", METHOD_HEAD },
		{ "POST", METHOD_POST }, { "PUT", METHOD_PUT },
		{ "DELETE", METHOD_DELETE },
	};

	for (size_t i = 0; m != NULL && i < sizeof(tab) / sizeof(tab[0]); i++)
		if (strcmp(tab[i].name, m) == 0)
			return tab[i].m;
	return METHOD_OTHER;
}

/* Picks and checks the routing path (see the header comment). */
static enum req_error
path_parse(struct req *r)
{
	const char *p = io_getenv(r->io, "PATH_INFO");
	char *copy, *save = NULL, *tok;
	size_t n;

	if (p == NULL || *p == '\0')
		p = io_getenv(r->io, "DOCUMENT_URI");
	if (p == NULL || *p == '\0') {
		const char *uri = io_getenv(r->io, "REQUEST_URI");
		const char *q;
		if (uri == NULL || *uri == '\0')
			uri = "/";
		q = strchr(uri, '?');
		n = q ? (size_t)(q - uri) : strlen(uri);
		if ((p = url_decode(r->arena, uri, n, 0, NULL)) == NULL)
			return REQ_BAD_PATH;
	}
	n = strlen(p);
	if (*p != '/' || n > 2048 || !utf8_valid(p, n) ||
	    utf8_has_controls(p, n, 0))
		return REQ_BAD_PATH;
	r->path = p;
	copy = arena_strndup(r->arena, p, n);
	for (tok = strtok_r(copy, "/", &save); tok != NULL;
	    tok = strtok_r(NULL, "/", &save)) {
		if (r->nseg == REQ_MAX_SEGS)
			return REQ_BAD_PATH;
		r->seg[r->nseg++] = tok;
	}
	return REQ_OK;
}

static int
is_multipart(const char *ct)
{
	return ct != NULL && strncasecmp(ct, "multipart/form-data", 19) == 0;
}

static int
is_urlencoded(const char *ct)
{
	return ct != NULL &&
	    strncasecmp(ct, "application/x-www-form-urlencoded", 33) == 0;
}

static enum req_error
body_read(struct req *r, const struct req_limits *lim)
{
	const char *cl = io_getenv(r->io, "CONTENT_LENGTH");
	size_t max = is_multipart(r->content_type) ? lim->max_upload : lim->max_body;
	unsigned long long len;
	char *end, *buf;
	size_t got = 0;

	if (cl == NULL || *cl == '\0') {
		/* No body (chunked bodies are de-chunked by nginx before us). */
		r->body = "";
		return REQ_OK;
	}
	errno = 0;
	len = strtoull(cl, &end, 10);
	if (errno != 0 || *end != '\0' || *cl == '-')
		return REQ_BAD_LENGTH;
	if (len > max) {
		/* Read and drop the body before answering 413, up to a bound:
		 * a CGI server (Apache mod_cgid) writes the whole body before
		 * it reads our answer, and a body left unread turns the 413
		 * into a broken pipe and an empty reply.  Past the bound the
		 * client is cut off (the server closes the connection). */
		char sink[16384];
		unsigned long long left = len < REQ_DRAIN_MAX ? len : REQ_DRAIN_MAX;
		ssize_t n;

		while (left > 0 && (n = io_read(r->io, sink, left < sizeof(sink) ?
		    (size_t)left : sizeof(sink))) > 0)
			left -= (unsigned long long)n;
		return REQ_BODY_TOO_LARGE;
	}
	buf = arena_alloc(r->arena, (size_t)len + 1);
	while (got < len) {
		ssize_t n = io_read(r->io, buf + got, (size_t)len - got);
		if (n <= 0)
			return REQ_READ_FAILED;
		got += (size_t)n;
	}
	buf[got] = '\0';
	r->body = buf;
	r->body_len = got;
	return REQ_OK;
}

enum req_error
req_parse(struct req *r, struct io *io, struct arena *a,
    const struct req_limits *lim)
{
	const char *qs, *https;
	enum req_error e;

	memset(r, 0, sizeof(*r));
	r->io = io;
	r->arena = a;
	r->method_name = io_getenv(io, "REQUEST_METHOD");
	if (r->method_name == NULL)
		r->method_name = "GET";
	r->method = method_parse(r->method_name);
	r->remote_addr = io_getenv(io, "REMOTE_ADDR");
	if (r->remote_addr == NULL)
		r->remote_addr = "";
	r->content_type = io_getenv(io, "CONTENT_TYPE");
	r->origin = io_getenv(io, "HTTP_ORIGIN");
	r->referer = io_getenv(io, "HTTP_REFERER");
	r->sec_fetch_site = io_getenv(io, "HTTP_SEC_FETCH_SITE");
	r->accept = io_getenv(io, "HTTP_ACCEPT");
	r->accept_language = io_getenv(io, "HTTP_ACCEPT_LANGUAGE");
	r->user_agent = io_getenv(io, "HTTP_USER_AGENT");
	https = io_getenv(io, "HTTPS");
	r->https = https != NULL && (strcasecmp(https, "on") == 0 || strcmp(https, "1") == 0);
	r->body = "";
	cookie_parse(a, io_getenv(io, "HTTP_COOKIE"), lim, &r->cookies);

	if ((e = path_parse(r)) != REQ_OK)
		goto out;
	qs = io_getenv(io, "QUERY_STRING");
	r->query_string = qs ? qs : "";
	e = form_parse(a, r->query_string, strlen(r->query_string), lim,
	    &r->query, &r->error_detail);
	if (e != REQ_OK)
		goto out;
	if (r->method == METHOD_POST || r->method == METHOD_PUT) {
		if ((e = body_read(r, lim)) != REQ_OK)
			goto out;
		if (is_urlencoded(r->content_type))
			e = form_parse(a, r->body, r->body_len, lim, &r->form,
			    &r->error_detail);
		else if (is_multipart(r->content_type))
			e = multipart_parse(a, r->content_type, r->body,
			    r->body_len, lim, &r->form, &r->files,
			    &r->error_detail);
	}
out:
	r->error = e;
	return e;
}
