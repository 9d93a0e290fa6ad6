/* db_settings.h — the rows of the settings table an admin may change
 * (settings.h decides which keys those are).  Strings live in the
 * caller's arena. */
#ifndef SOUK_DB_SETTINGS_H
#define SOUK_DB_SETTINGS_H
#include "arena.h"
#include "db.h"

struct setting_row {
	const char	*key, *value;
};

/* Every row of the settings table, by key, into *out (arena) and *n.
 * Returns 0 or -1. */
int	db_settings_all(struct db *, struct arena *, struct setting_row **out,
	    size_t *n);
/* Removes key's row (back to the souk.conf value).  0 or -1. */
int	db_setting_delete(struct db *, const char *key);
/* The settings table's version: it moves at every insert, update or
 * delete of a row (triggers), whoever made it, and at nothing else.
 * >= 0, or -1 on error. */
long long	db_settings_version(struct db *);

#endif
