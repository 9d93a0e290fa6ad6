/* conf_check.c — see conf_check.h. */
#include <limits.h>
#include <string.h>

#include "store_conf.h"
#include "conf_check.h"
#include "fs.h"
#include "log.h"

int
conf_check_base_url(void)
{
	const char *u = conf_str(CONF_BASE_URL);
	const char *host = strstr(u, "://");
	size_t n;

	if (host == NULL) {
		log_error("conf: base_url '%s' has no scheme", u);
		return -1;
	}
	host += 3;
	n = strcspn(host, "/?#");
	/* Letters, digits, '.', '-', ':' (port) and [] (IPv6) only. */
	if (n == 0 || host[n] != '\0' ||
	    strspn(host, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "0123456789.-:[]") != n) {
		log_error("conf: base_url '%s' must be scheme://host[:port] with "
		    "no path (it is the origin every form is checked against)", u);
		return -1;
	}
	return 0;
}

int
conf_check_paths(void)
{
	const char *db = conf_str(CONF_DB_PATH), *slash;
	char dir[PATH_MAX];
	int rc = 0;

	if (conf_check_base_url() < 0)
		rc = -1;
	/* souk.conf.example marks what must be filled in as <...>. */
	for (int k = 0; k < conf_count(); k++) {
		const char *v = conf_str(k);
		if (*v == '<' && strchr(v, '>') != NULL) {
			log_error("conf: %s is still the example's placeholder "
			    "'%s'", conf_name(k), v);
			rc = -1;
		}
	}
	if (fs_mkdir_p(conf_str(CONF_DATA_DIR), 0750) < 0 ||
	    fs_dir_ok("data_dir", conf_str(CONF_DATA_DIR), 1) < 0)
		rc = -1;
	if ((slash = strrchr(db, '/')) != NULL) {
		size_t n = slash == db ? 1 : (size_t)(slash - db);
		if (n < sizeof(dir)) {
			memcpy(dir, db, n);
			dir[n] = '\0';
			if (fs_dir_ok("the database's folder", dir, 1) < 0)
				rc = -1;
		}
	}
	if (fs_dir_ok("template_dir", conf_str(CONF_TEMPLATE_DIR), 0) < 0 ||
	    fs_dir_ok("lang_dir", conf_str(CONF_LANG_DIR), 0) < 0)
		rc = -1;
	return rc;
}
