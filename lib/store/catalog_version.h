/* catalog_version.h — the version of what catalog pages show.
 *
 * One row of catalog_version (schema.sql, migration 039), bumped by
 * triggers on every table the category and product pages read (products,
 * prices, stock, categories, texts, images, attributes, reviews, shipping
 * rates, footer pages, settings...), whoever writes it.  A process that
 * keeps rendered pages (lib/site/body_cache.h) keeps them for one version.
 *
 * catalog_version_refresh() costs no query while nothing was written:
 * PRAGMA data_version (other connections' commits) and the connection's
 * own change count (db_changes_total) are compared first; the row is read
 * only when one of them moved. */
#ifndef SOUK_CATALOG_VERSION_H
#define SOUK_CATALOG_VERSION_H
#include "db.h"

/* Brings the process's idea of the version up to date, given the PRAGMA
 * data_version the caller just read (db_data_version(): read once a
 * request for this and settings_refresh_at()): 1 when it moved since the
 * last call (or this is the first), 0 when not, -1 on a database error
 * or dv < 0 (the version is then unknown: catalog_version() is -1 until
 * a refresh succeeds, and nothing may be kept under it). */
int		 catalog_version_refresh(struct db *, long long dv);
/* The version as of the last catalog_version_refresh(), -1 when
 * unknown. */
long long	 catalog_version(void);

#endif
