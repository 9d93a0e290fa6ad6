/* csrf.c — see csrf.h. */
#include <string.h>
#include <strings.h>

#include "csrf.h"
#include "log.h"
#include "rand.h"
#include "sha256.h"

static unsigned char secret[64];
static size_t secret_len;

/* Keys derived per purpose, with their HMAC states ready: a handful of
 * purposes ("csrf", "idem", ...) per program, derived once per process. */
#define PURPOSES 16
static struct {
	char			purpose[32];
	struct hmac_sha256_key	key;
} derived[PURPOSES];
static int nderived;


int
csrf_set_secret_hex(const char *hex)
{
	size_t n = hex ? strlen(hex) : 0;

	if (n < 32 || n % 2 != 0 || n / 2 > sizeof(secret))
		return -1;
	for (size_t i = 0; i < n / 2; i++) {
		unsigned v = 0;
		for (int k = 0; k < 2; k++) {
			char c = hex[2 * i + (size_t)k];
			v <<= 4;
			if (c >= '0' && c <= '9')
				v |= (unsigned)(c - '0');
			else if (c >= 'a' && c <= 'f')
				v |= (unsigned)(c - 'a' + 10);
			else
				return -1;
		}
		secret[i] = (unsigned char)v;
	}
	secret_len = n / 2;
	nderived = 0;		/* keys derived from the old secret are gone */
	return 0;
}

/* HMAC(HMAC(secret, purpose), msg): a key per purpose, so a token made
 * for one use is never valid for another. */
static void
mac(unsigned char out[SHA256_LEN], const char *purpose, const char *msg,
    size_t len)
{
	unsigned char k[SHA256_LEN];
	int i;

	if (secret_len == 0)
		log_fatal("csrf: no secret key (run soukctl init)");
	for (i = 0; i < nderived; i++)
		if (strcmp(derived[i].purpose, purpose) == 0)
			break;
	if (i == nderived) {
		if (nderived == PURPOSES || strlen(purpose) >= sizeof(derived[0].purpose))
			log_fatal("csrf: too many or too long purposes (%s)", purpose);
		hmac_sha256(secret, secret_len, purpose, strlen(purpose), k);
		hmac_sha256_key(&derived[i].key, k, sizeof(k));
		strcpy(derived[i].purpose, purpose);
		nderived++;
	}
	hmac_sha256_with(&derived[i].key, msg, len, out);
}

void
csrf_token(char *out, const char *purpose, const char *bound)
{
	unsigned char m[SHA256_LEN];

	mac(m, purpose, bound, strlen(bound));
	b64url_encode(out, m, sizeof(m));
}

int
csrf_valid(const char *token, const char *purpose, const char *bound)
{
	char want[CSRF_TOKEN_LEN + 1];

	if (token == NULL || bound == NULL || *bound == '\0')
		return 0;
	csrf_token(want, purpose, bound);
	return ct_equal(token, strlen(token), want, CSRF_TOKEN_LEN);
}

void
sign_hex(char *out, const char *purpose, const char *msg, size_t len)
{
	unsigned char m[SHA256_LEN];

	mac(m, purpose, msg, len);
	hex_encode(out, m, sizeof(m));
}

/* "https://shop.example:8443/path" -> length of "https://shop.example:8443". */
static size_t
origin_len(const char *url)
{
	const char *p = strstr(url, "://");

	if (p == NULL)
		return 0;
	p += 3;
	while (*p && *p != '/' && *p != '?' && *p != '#')
		p++;
	return (size_t)(p - url);
}

int
origin_strict(const struct req *r, const char *base_url)
{
	size_t n = origin_len(base_url);

	if (n == 0 || (r->origin == NULL && r->sec_fetch_site == NULL))
		return 0;
	if (r->origin != NULL && (strlen(r->origin) != n ||
	    strncasecmp(r->origin, base_url, n) != 0))
		return 0;
	return r->sec_fetch_site == NULL ||
	    strcmp(r->sec_fetch_site, "same-origin") == 0;
}

int
origin_same(const struct req *r, const char *base_url)
{
	size_t n = origin_len(base_url);

	if (n == 0)
		return 0;
	if (r->origin != NULL)
		return strlen(r->origin) == n &&
		    strncasecmp(r->origin, base_url, n) == 0;
	if (r->sec_fetch_site != NULL)
		return strcmp(r->sec_fetch_site, "same-origin") == 0;
	if (r->referer != NULL)
		return strncasecmp(r->referer, base_url, n) == 0 &&
		    (r->referer[n] == '/' || r->referer[n] == '\0');
	return 0;
}
