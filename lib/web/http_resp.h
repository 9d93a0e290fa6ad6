/* http_resp.h — building and sending a response.
 *
 * A response is assembled in memory (status, extra headers, body) and sent in
 * one piece by resp_send(), which always adds the security headers
 * (Content-Security-Policy, X-Content-Type-Options, X-Frame-Options,
 * Referrer-Policy; HSTS over https), Content-Length and the cache policy:
 *
 *   resp->shared_cache = N > 0  anonymous page, a shared cache (nginx
 *                               fastcgi_cache) may keep it N seconds
 *                               (X-Accel-Expires: N); browsers revalidate.
 *                               With resp->cache_gzip set (nginx keys
 *                               the cache on gzip), the page says Vary:
 *                               Accept-Encoding and, for a client that
 *                               takes gzip, is sent gzipped (gzip.h).
 *   resp->shared_cache = 0      default: "Cache-Control: private, no-store";
 *                               anything with a session, cart, token or
 *                               Set-Cookie must stay here.
 *
 * With resp->server_headers set (the web server said, SOUK_HEADERS_ADDED,
 * that it adds them itself: nginx's micro-cached locations), the four
 * constant security headers are left out, so the page nginx stores and
 * parses again on every hit is short; HSTS is still sent.  The server's
 * CSP is the default one: a page with form_action must not be served
 * from such a location.
 *
 * Header values are refused (logged, dropped) if they hold CR, LF or NUL. */
#ifndef SOUK_HTTP_RESP_H
#define SOUK_HTTP_RESP_H
#include "buf.h"
#include "http_io.h"

enum cookie_flags {
	COOKIE_HTTPONLY = 1 << 0,
	COOKIE_SECURE = 1 << 1,		/* set it when base_url is https */
	COOKIE_STRICT = 1 << 2,		/* SameSite=Strict (default Lax) */
};

enum cache_gzip {
	CACHE_GZIP_UNKEYED = 0,		/* no SOUK_CACHE_GZIP: never gzip */
	CACHE_GZIP_PLAIN,		/* keyed; the client takes no gzip */
	CACHE_GZIP_YES,			/* keyed; the client takes gzip */
};

struct resp {
	int		 status;
	const char	*content_type;	/* static string; NULL: text/html */
	struct buf	 headers;	/* extra "Name: value\r\n" lines */
	struct buf	 body;
	int		 shared_cache;	/* seconds; see above */
	int		 has_cookie;	/* a Set-Cookie was added */
	int		 cache_gzip;	/* CACHE_GZIP_*: how the shared cache
					 * keys this page on Accept-Encoding */
	const char	*form_action;	/* more CSP form-action sources (a
					 * form whose answer redirects to a
					 * payment page), NULL: 'self' only;
					 * the caller vouches for the text */
	int		 server_headers;	/* the server adds CSP, nosniff,
					 * X-Frame-Options, Referrer-Policy */
	int		 sent;
};

void		 resp_reset(struct resp *);	/* keeps buffer capacity */
void		 resp_free(struct resp *);
/* Adds a header line; returns 0, or -1 (nothing added) for a bad value. */
int		 resp_header(struct resp *, const char *name, const char *value);
/* Set-Cookie with Path=/; max_age < 0 deletes the cookie, 0 makes a
 * browser-session cookie. */
int		 resp_cookie(struct resp *, const char *name, const char *value,
		    long max_age, unsigned flags);
/* Redirects to `url` (absolute, or a path on this site) with 303 See Other
 * (or `status`), with a short HTML body. */
void		 resp_redirect(struct resp *, int status, const char *url);
/* Writes the whole response (no body for HEAD).  Returns 0 or -1. */
int		 resp_send(struct resp *, struct io *, int head_only);
/* Streams a response of unknown length: sends the status and headers now
 * (no Content-Length, never shared-cached) and marks r sent; the caller
 * then writes the body with io_write() (FastCGI frames it; nginx sends it
 * chunked).  Returns 0 or -1. */
int		 resp_stream(struct resp *, struct io *);
/* Writes only the status and headers, announcing a body of `length`
 * bytes the caller then writes itself with io_write() (a file streamed
 * in pieces); the response counts as sent.  Returns 0 or -1. */
int		 resp_send_head(struct resp *, struct io *, size_t length);
const char	*http_status_text(int);

#endif
