/* http_resp.c — see http_resp.h. */
#include <string.h>

#include "conf.h"
#include "gzip.h"
#include "http_resp.h"
#include "log.h"

/* No inline script or style anywhere: pages load their CSS and JS files
 * (script, style, font and connect sources fall back to default-src).
 * Kept short: nginx parses it again on every micro-cache hit. */
static const char csp_head[] =
    "default-src 'self'; img-src 'self' data:; form-action 'self'";
static const char csp_tail[] =
    "; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

const char *
http_status_text(int s)
{
	switch (s) {
	case 200: return "OK";
	case 201: return "Created";
	case 204: return "No Content";
	case 301: return "Moved Permanently";
	case 302: return "Found";
	case 303: return "See Other";
	case 304: return "Not Modified";
	case 307: return "Temporary Redirect";
	case 400: return "Bad Request";
	case 401: return "Unauthorized";
	case 403: return "Forbidden";
	case 404: return "Not Found";
	case 405: return "Method Not Allowed";
	case 409: return "Conflict";
	case 411: return "Length Required";
	case 413: return "Content Too Large";
	case 415: return "Unsupported Media Type";
	case 422: return "Unprocessable Content";
	case 429: return "Too Many Requests";
	case 500: return "Internal Server Error";
	case 503: return "Service Unavailable";
	default:  return "Unknown";
	}
}

void
resp_reset(struct resp *r)
{
	r->status = 200;
	r->content_type = NULL;
	buf_trim(&r->headers, 16 * 1024);
	buf_trim(&r->body, 1024 * 1024);
	r->shared_cache = 0;
	r->has_cookie = 0;
	r->cache_gzip = CACHE_GZIP_UNKEYED;
	r->form_action = NULL;
	r->server_headers = 0;
	r->sent = 0;
}

void
resp_free(struct resp *r)
{
	buf_free(&r->headers);
	buf_free(&r->body);
}

static int
header_safe(const char *s)
{
	for (; *s; s++)
		if (*s == '\r' || *s == '\n')
			return 0;
	return 1;
}

int
resp_header(struct resp *r, const char *name, const char *value)
{
	if (!header_safe(name) || !header_safe(value)) {
		log_error("resp: refused header %s with CR/LF in it", name);
		return -1;
	}
	buf_puts(&r->headers, name);
	buf_put(&r->headers, ": ", 2);
	buf_puts(&r->headers, value);
	buf_put(&r->headers, "\r\n", 2);
	return 0;
}

int
resp_cookie(struct resp *r, const char *name, const char *value,
    long max_age, unsigned flags)
{
	for (const char *p = value; *p; p++)
		if (*p <= ' ' || *p == ';' || *p == ',' || *p == '"' ||
		    *p == '\\' || *p == 0x7f) {
			log_error("resp: refused cookie %s with a bad byte", name);
			return -1;
		}
	if (!header_safe(name))
		return -1;
	buf_printf(&r->headers, "Set-Cookie: %s=%s; Path=/", name,
	    max_age < 0 ? "" : value);
	if (max_age < 0)
		buf_puts(&r->headers, "; Max-Age=0");
	else if (max_age > 0)
		buf_printf(&r->headers, "; Max-Age=%ld", max_age);
	if (flags & COOKIE_HTTPONLY)
		buf_puts(&r->headers, "; HttpOnly");
	if (flags & COOKIE_SECURE)
		buf_puts(&r->headers, "; Secure");
	buf_puts(&r->headers, flags & COOKIE_STRICT ? "; SameSite=Strict" :
	    "; SameSite=Lax");
	buf_put(&r->headers, "\r\n", 2);
	r->has_cookie = 1;
	return 0;
}

void
resp_redirect(struct resp *r, int status, const char *url)
{
	r->status = status ? status : 303;
	if (resp_header(r, "Location", url) < 0) {
		r->status = 500;
		return;
	}
	r->content_type = "text/plain; charset=utf-8";
	buf_reset(&r->body);
	buf_puts(&r->body, "Redirecting.\n");
}

/* Smaller bodies are not worth a gzip member (18 bytes of frame). */
#define GZIP_MIN	512

/* 1 if a shared cache may keep r (stream: sent without a length). */
static int
shareable(const struct resp *r, int stream)
{
	return r->shared_cache > 0 && !r->has_cookie && !stream &&
	    (r->status < 400 || r->status == 404);
}

/* The constant security headers (nginx's souk-cache.conf repeats them
 * for the pages it adds them to: keep the two equal, test_hardening
 * compares them). */
static void
security_headers(const struct resp *r, struct buf *h)
{
	buf_puts(h, "Content-Security-Policy: ");
	buf_puts(h, csp_head);
	if (r->form_action) {
		buf_putc(h, ' ');
		buf_puts(h, r->form_action);
	}
	buf_puts(h, csp_tail);
	buf_puts(h, "\r\nX-Content-Type-Options: nosniff\r\n"
	    "X-Frame-Options: DENY\r\n"
	    "Referrer-Policy: strict-origin-when-cross-origin\r\n");
}

/* The status line and headers into h, with Content-Length: length unless
 * streaming (stream: no length, never shared-cached); gzipped: the body
 * sent is a gzip member. */
static void
head(const struct resp *r, struct buf *h, int stream, size_t length,
    int gzipped)
{
	/* Put piece by piece: with printf this was a twentieth of a
	 * catalog page (callgrind). */
	buf_reset(h);
	buf_puts(h, "Status: ");
	buf_put_int(h, r->status);
	buf_putc(h, ' ');
	buf_puts(h, http_status_text(r->status));
	buf_puts(h, "\r\nContent-Type: ");
	buf_puts(h, r->content_type ? r->content_type :
	    "text/html; charset=utf-8");
	buf_puts(h, "\r\n");
	if (!stream) {
		buf_puts(h, "Content-Length: ");
		buf_put_int(h, (long long)length);
		buf_puts(h, "\r\n");
	}
	if (!r->server_headers)
		security_headers(r, h);
	if (conf_https())
		buf_puts(h, "Strict-Transport-Security: max-age=31536000\r\n");
	if (shareable(r, stream)) {
		/* X-Accel-Expires first: nginx reads headers in order, and a
		 * max-age=0 seen first would make the page uncacheable. */
		buf_puts(h, "X-Accel-Expires: ");
		buf_put_int(h, r->shared_cache);
		buf_puts(h, "\r\nCache-Control: public, max-age=0, "
		    "must-revalidate\r\n");
		if (r->cache_gzip != CACHE_GZIP_UNKEYED)
			buf_puts(h, "Vary: Accept-Encoding\r\n");
		if (gzipped)
			buf_puts(h, "Content-Encoding: gzip\r\n");
	} else
		buf_puts(h, "Cache-Control: private, no-store\r\n");
	if (r->headers.len)
		buf_put(h, r->headers.data, r->headers.len);
	buf_put(h, "\r\n", 2);
}

int
resp_send(struct resp *r, struct io *io, int head_only)
{
	/* reused: one response at a time per process */
	static struct buf h, z;
	const struct buf *body = &r->body;
	int rc, gzipped = 0;

	if (r->sent)
		return 0;
	r->sent = 1;
	if (r->cache_gzip == CACHE_GZIP_YES && shareable(r, 0) &&
	    r->body.len >= GZIP_MIN &&
	    gzip_buf(r->body.data, r->body.len, &z) == 0) {
		body = &z;
		gzipped = 1;
	}
	head(r, &h, 0, body->len, gzipped);
	rc = io_write(io, h.data, h.len);
	if (rc == 0 && !head_only && body->len)
		rc = io_write(io, body->data, body->len);
	if (gzipped)
		buf_trim(&z, 1024 * 1024);
	return rc;
}

int
resp_stream(struct resp *r, struct io *io)
{
	static struct buf h;

	if (r->sent)
		return -1;
	r->sent = 1;
	head(r, &h, 1, 0, 0);
	return io_write(io, h.data, h.len);
}

int
resp_send_head(struct resp *r, struct io *io, size_t length)
{
	static struct buf h;

	if (r->sent)
		return -1;
	r->sent = 1;
	head(r, &h, 0, length, 0);
	return io_write(io, h.data, h.len);
}
