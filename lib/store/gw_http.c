/* gw_http.c — see gw_http.h. */
#include <string.h>
#include <strings.h>

#include <curl/curl.h>

#include "buf.h"
#include "gw_http.h"
#include "log.h"
#include "store_conf.h"

#define GW_MAX_BODY (1 << 20)	/* a gateway answer is small */

/* curl write callback: appends to the buf, refusing more than GW_MAX_BODY. */
static size_t
collect(char *p, size_t size, size_t n, void *arg)
{
	struct buf *b = arg;

	if (b->len + size * n > GW_MAX_BODY)
		return 0;
	buf_put(b, p, size * n);
	return size * n;
}

/* 1 when url is https://, or http:// to a loopback host. */
static int
url_allowed(const char *url)
{
	static const char *const local[] = { "http://127.0.0.1:",
	    "http://127.0.0.1/", "http://localhost:", "http://localhost/" };

	if (strncasecmp(url, "https://", 8) == 0)
		return 1;
	for (size_t i = 0; i < sizeof(local) / sizeof(local[0]); i++)
		if (strncasecmp(url, local[i], strlen(local[i])) == 0)
			return 1;
	return 0;
}

int
gw_http(struct arena *a, const char *method, const char *url,
    const char *const *headers, const char *body, struct gw_resp *r)
{
	static int inited;
	struct curl_slist *hl = NULL;
	struct buf b = { 0 };
	CURLcode cc;
	CURL *h;
	int rc = -1;

	memset(r, 0, sizeof(*r));
	r->body = "";
	if (!url_allowed(url)) {
		log_error("gateway: refusing a URL that is not https");
		return -1;
	}
	if (!inited) {
		if (curl_global_init(CURL_GLOBAL_DEFAULT) != 0)
			return -1;
		inited = 1;
	}
	if ((h = curl_easy_init()) == NULL)
		return -1;
	for (; headers != NULL && *headers != NULL; headers++)
		hl = curl_slist_append(hl, *headers);
	/* No "Expect: 100-continue" round trip. */
	hl = curl_slist_append(hl, "Expect:");
	curl_easy_setopt(h, CURLOPT_URL, url);
	curl_easy_setopt(h, CURLOPT_HTTPHEADER, hl);
	curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);
	curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
	curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
	curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "https,http");
	curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT,
	    (long)conf_int(CONF_GATEWAY_CONNECT_TIMEOUT));
	curl_easy_setopt(h, CURLOPT_TIMEOUT, (long)conf_int(CONF_GATEWAY_TIMEOUT));
	curl_easy_setopt(h, CURLOPT_USERAGENT, "souk");
	curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, collect);
	curl_easy_setopt(h, CURLOPT_WRITEDATA, &b);
	if (strcmp(method, "POST") == 0) {
		curl_easy_setopt(h, CURLOPT_POST, 1L);
		curl_easy_setopt(h, CURLOPT_POSTFIELDS, body ? body : "");
	}
	if ((cc = curl_easy_perform(h)) != CURLE_OK)
		log_warn("gateway: %s %.*s: %s", method,
		    (int)strcspn(url, "?"), url, curl_easy_strerror(cc));
	else {
		curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &r->status);
		r->len = b.len;
		r->body = arena_strndup(a, b.data ? b.data : "", b.len);
		rc = 0;
	}
	buf_free(&b);
	curl_slist_free_all(hl);
	curl_easy_cleanup(h);
	return rc;
}

const char *
gw_form_escape(struct arena *a, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	char *out = arena_alloc(a, strlen(s) * 3 + 1), *p = out;

	for (; *s; s++) {
		unsigned char ch = (unsigned char)*s;
		if ((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') ||
		    (ch >= '0' && ch <= '9') || strchr("-._~", ch))
			*p++ = (char)ch;
		else {
			*p++ = '%';
			*p++ = hex[ch >> 4];
			*p++ = hex[ch & 15];
		}
	}
	*p = '\0';
	return out;
}
