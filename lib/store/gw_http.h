/* gw_http.h — one HTTPS call to a payment gateway, over libcurl.
 *
 * Certificate and host verification stay on, redirects are never
 * followed, connecting and the whole call are bounded by
 * gateway_connect_timeout and gateway_timeout.  Plain http:// is refused
 * except to a loopback host (127.0.0.1, localhost: the tests' fakes).
 * Headers and bodies are not logged (they hold secret keys). */
#ifndef SOUK_GW_HTTP_H
#define SOUK_GW_HTTP_H
#include <stddef.h>

#include "arena.h"

struct gw_resp {
	long		 status;	/* HTTP status; 0 when none came */
	const char	*body;		/* arena string, "" when none */
	size_t		 len;
};

/* method "GET" or "POST" to url with the given headers (NULL-terminated
 * "Name: value" strings) and body (NULL: none).  Returns 0 when an answer
 * came (any status, in *r), -1 when none did (refused URL, DNS, connect,
 * TLS, timeout: logged without secrets). */
int	gw_http(struct arena *, const char *method, const char *url,
	    const char *const *headers, const char *body, struct gw_resp *r);
/* application/x-www-form-urlencoded escaping of s (arena string). */
const char *gw_form_escape(struct arena *, const char *s);

#endif
