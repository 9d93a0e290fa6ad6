/* csrf.h — tokens that prove a POST comes from a page we rendered.
 *
 * A token is HMAC-SHA-256(secret_key, "csrf:" || bound), base64url, where
 * `bound` is something only that visitor's browser holds: the cart id, the
 * session id, or (for visitors with neither, e.g. the contact form) a random
 * value in the souk_csrf cookie — the "signed double-submit cookie" pattern.
 * Nothing is stored on the server; a token cannot be moved to another
 * visitor, and changing the secret invalidates every token.
 *
 * Every state-changing request must pass BOTH csrf_check() and
 * origin_same() (Fossil's order: same origin, POST, token). */
#ifndef SOUK_CSRF_H
#define SOUK_CSRF_H
#include <stddef.h>

#include "http_req.h"

#define CSRF_TOKEN_LEN 43	/* base64url of 32 bytes */
#define CSRF_COOKIE "souk_csrf"	/* visitors with nothing else to bind to */

/* Installs the store secret (from settings.secret_key, hex). 0 or -1. */
int	csrf_set_secret_hex(const char *hex);
/* Writes the token for `bound` into out[CSRF_TOKEN_LEN + 1]. */
void	csrf_token(char *out, const char *purpose, const char *bound);
/* 1 when token is the token for bound (constant time), else 0. */
int	csrf_valid(const char *token, const char *purpose, const char *bound);
/* 1 when the request comes from our own pages: Origin equals base_url's
 * origin; without Origin, Sec-Fetch-Site is same-origin; without either,
 * the Referer starts with base_url.  A request carrying none is refused. */
int	origin_same(const struct req *, const char *base_url);
/* The strict form of origin_same for POSTs that carry no token (adding to
 * the cart from a page a shared cache served): Origin, when sent, equals
 * base_url's origin; Sec-Fetch-Site, when sent, is same-origin; at least
 * one of them is sent (every current browser sends Origin on POST).  The
 * Referer is not enough here. */
int	origin_strict(const struct req *, const char *base_url);
/* Signs arbitrary text (links in mails, webhooks): hex HMAC into
 * out[2 * 32 + 1] under the store secret and a purpose label. */
void	sign_hex(char *out, const char *purpose, const char *msg, size_t len);

#endif
