/* conf.h — configuration: the mechanism, and the keys of the web layer.
 *
 * Read once per process from the file named by $SOUK_CONF (key = value lines,
 * '#' comments); every key may be overridden by the environment variable
 * SOUK_<KEY> in upper case (SOUK_DB_PATH, SOUK_BASE_URL...), so `make run` and
 * the tests configure the store without editing files.  Unknown keys in the
 * file are errors (a typo must not silently keep a default).
 *
 * Each layer owns its keys: an enum continuing where the layer below stops
 * (web: CONF_WEB__END, db_conf.h: CONF_DB__END, mail_conf.h, store_conf.h:
 * CONF__MAX) and a table it hands to conf_define() before conf_load().  The
 * keys of a layer are named only in that layer's files.
 *
 * To add a key: an enum entry in the layer's header and a row in its table. */
#ifndef SOUK_CONF_H
#define SOUK_CONF_H

enum conf_web_key {
	CONF_BASE_URL,
	CONF_DEFAULT_LANG,
	CONF_TIMEZONE,
	CONF_TEMPLATE_DIR,
	CONF_LANG_DIR,
	CONF_MAX_BODY,
	CONF_MAX_UPLOAD,
	CONF_PAGE_CACHE,
	CONF_WEB__END
};

#define CONF_MAX_KEYS 192

struct conf_def {
	const char	*name;
	const char	*def;	/* default value */
	const char	*help;	/* shown by `soukctl config` */
};

/* Declares keys first .. first + n - 1 (defs[0] is key first) and the
 * check run after every load (may be NULL; returns 0 or -1 after logging,
 * and may normalise values with conf_set).  Idempotent. */
void		 conf_define(int first, const struct conf_def *defs, int n,
		    int (*check)(void));
/* Loads the file (if $SOUK_CONF is set) and the environment.  Returns 0, or
 * -1 after logging what is wrong.  Safe to call again (reloads). */
int		 conf_load(void);
/* Loads from an explicit path instead of $SOUK_CONF (NULL: defaults + env). */
int		 conf_load_file(const char *path);
/* Number of keys declared so far (keys are 0 .. conf_count() - 1). */
int		 conf_count(void);
/* The value of a key (never NULL; "" when unset). Owned by the module. */
const char	*conf_str(int key);
long long	 conf_int(int key);
const char	*conf_name(int key);
const char	*conf_help(int key);
/* Sets a value (tests, soukctl flags, checks). */
void		 conf_set(int key, const char *);
/* 1 when base_url is https (cookies get the Secure flag). */
int		 conf_https(void);
/* 0 when conf_int(key) >= 1, else -1 after logging (for checks). */
int		 conf_need_positive(int key);

#endif
