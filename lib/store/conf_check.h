/* conf_check.h — start-up checks of what the configuration points at
 * (store layer: it knows data_dir and db_path).  Run by every program at start and by
 * --check, and by `soukctl check`, so a deployment mistake shows at once
 * with the path in question instead of as a 500 on the first upload. */
#ifndef SOUK_CONF_CHECK_H
#define SOUK_CONF_CHECK_H

/* base_url is scheme://host[:port] with nothing after it.  0 or -1
 * (logged). */
int	conf_check_base_url(void);
/* data_dir exists (created whole, mode 0750 less the umask, when missing)
 * and is writable; the database's folder exists and is writable (SQLite's
 * WAL files); template_dir and lang_dir are readable; base_url is well
 * formed; no value is still an example placeholder ("<...>").  Returns 0, or -1 after logging every problem found. */
int	conf_check_paths(void);

#endif
