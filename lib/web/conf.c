/* conf.c — see conf.h. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "conf.h"
#include "log.h"
#include "utf8.h"

static const struct conf_def web_defs[CONF_WEB__END] = {
	[CONF_BASE_URL] = { "base_url", "http://127.0.0.1:8080", "public URL of the store, no trailing slash" },
	[CONF_DEFAULT_LANG] = { "default_lang", "en", "language when the browser states none we have (en, fr)" },
	[CONF_TIMEZONE] = { "timezone", "UTC", "time zone for dates shown to people (e.g. Africa/Tunis)" },
	[CONF_TEMPLATE_DIR] = { "template_dir", SOUK_SHAREDIR "/templates", "ClearSilver templates" },
	[CONF_LANG_DIR] = { "lang_dir", SOUK_SHAREDIR "/lang", "language strings (en.hdf, fr.hdf)" },
	[CONF_MAX_BODY] = { "max_body", "1048576", "largest urlencoded request body in bytes" },
	[CONF_MAX_UPLOAD] = { "max_upload", "8388608", "largest multipart upload in bytes" },
	[CONF_PAGE_CACHE] = { "page_cache", "1", "seconds a shared cache may keep anonymous catalog pages (0: never)" },
};

static const struct conf_def *defs[CONF_MAX_KEYS];
static char *vals[CONF_MAX_KEYS];
static int (*checks[8])(void);
static int nkeys, nchecks;

static int web_check(void);

static void
define_web(void)
{
	static int done;

	if (!done) {
		done = 1;
		conf_define(0, web_defs, CONF_WEB__END, web_check);
	}
}

void
conf_define(int first, const struct conf_def *d, int n, int (*check)(void))
{
	if (first < 0 || first + n > CONF_MAX_KEYS)
		log_fatal("conf: key %d out of range", first + n);
	define_web();
	if (defs[first] == &d[0])
		return;		/* already declared */
	for (int i = 0; i < n; i++)
		defs[first + i] = &d[i];
	if (first + n > nkeys)
		nkeys = first + n;
	if (check != NULL && nchecks < (int)(sizeof(checks) / sizeof(*checks)))
		checks[nchecks++] = check;
}

int
conf_count(void)
{
	define_web();
	return nkeys;
}

/* The definition of key k; a key nobody declared is a programming error. */
static const struct conf_def *
def(int k)
{
	define_web();
	if (k < 0 || k >= CONF_MAX_KEYS || defs[k] == NULL)
		log_fatal("conf: key %d was never declared", k);
	return defs[k];
}

const char *
conf_name(int k)
{
	return def(k)->name;
}

const char *
conf_help(int k)
{
	return def(k)->help;
}

void
conf_set(int k, const char *v)
{
	char *copy;

	(void)def(k);
	if ((copy = strdup(v)) == NULL)
		log_fatal("conf: out of memory");
	free(vals[k]);
	vals[k] = copy;
}

const char *
conf_str(int k)
{
	return vals[k] != NULL ? vals[k] : def(k)->def;
}

long long
conf_int(int k)
{
	return strtoll(conf_str(k), NULL, 10);
}

int
conf_https(void)
{
	return strncmp(conf_str(CONF_BASE_URL), "https://", 8) == 0;
}

int
conf_need_positive(int k)
{
	if (conf_int(k) >= 1)
		return 0;
	log_error("conf: %s must be a number of at least 1", conf_name(k));
	return -1;
}

static char *
trim(char *s)
{
	size_t start, n = text_trim(s, strlen(s), &start);

	s[start + n] = '\0';
	return s + start;
}

static int
key_index(const char *name)
{
	for (int k = 0; k < nkeys; k++)
		if (defs[k] != NULL && strcmp(defs[k]->name, name) == 0)
			return k;
	return -1;
}

static int
read_file(const char *path)
{
	FILE *f = fopen(path, "r");
	char line[4096];
	int lineno = 0, rc = 0;

	if (f == NULL) {
		log_error("conf: cannot open %s: %s", path, strerror(errno));
		return -1;
	}
	while (fgets(line, sizeof(line), f) != NULL) {
		char *eq, *key, *val;
		int k;

		lineno++;
		key = trim(line);
		if (*key == '\0' || *key == '#')
			continue;
		if ((eq = strchr(key, '=')) == NULL) {
			log_error("conf: %s:%d: expected key = value", path, lineno);
			rc = -1;
			continue;
		}
		*eq = '\0';
		key = trim(key);
		val = trim(eq + 1);
		if ((k = key_index(key)) < 0) {
			log_error("conf: %s:%d: unknown key '%s'", path, lineno, key);
			rc = -1;
			continue;
		}
		conf_set(k, val);
	}
	fclose(f);
	return rc;
}

static void
read_env(void)
{
	char name[64];

	for (int k = 0; k < nkeys; k++) {
		const char *v;
		size_t i;

		if (defs[k] == NULL)
			continue;
		snprintf(name, sizeof(name), "SOUK_%s", defs[k]->name);
		for (i = 5; name[i]; i++)
			name[i] = (char)toupper((unsigned char)name[i]);
		if ((v = getenv(name)) != NULL)
			conf_set(k, v);
	}
}

/* The web layer's own checks: base_url (normalised without a trailing
 * slash) and default_lang. */
static int
web_check(void)
{
	const char *url = conf_str(CONF_BASE_URL);
	int rc = 0;
	size_t n;

	if (strncmp(url, "http://", 7) != 0 && strncmp(url, "https://", 8) != 0) {
		log_error("conf: base_url must start with http:// or https://");
		rc = -1;
	}
	if ((n = strlen(url)) > 0 && url[n - 1] == '/') {
		char *u = strdup(url);
		if (u == NULL)
			log_fatal("conf: out of memory");
		while (n > 0 && u[n - 1] == '/')
			u[--n] = '\0';
		conf_set(CONF_BASE_URL, u);
		free(u);
	}
	if (strcmp(conf_str(CONF_DEFAULT_LANG), "en") != 0 &&
	    strcmp(conf_str(CONF_DEFAULT_LANG), "fr") != 0) {
		log_error("conf: default_lang must be en or fr");
		rc = -1;
	}
	return rc;
}

int
conf_load_file(const char *path)
{
	int rc = 0;

	define_web();
	for (int k = 0; k < nkeys; k++) {
		free(vals[k]);
		vals[k] = NULL;
	}
	if (path != NULL && *path != '\0' && read_file(path) < 0)
		rc = -1;
	read_env();
	for (int i = 0; i < nchecks; i++)
		if (checks[i]() < 0)
			rc = -1;
	setenv("TZ", conf_str(CONF_TIMEZONE), 1);
	tzset();
	return rc;
}

int
conf_load(void)
{
	return conf_load_file(getenv("SOUK_CONF"));
}
