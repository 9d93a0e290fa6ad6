/* subs_hdf.h — subscriptions as HDF for the customer's page
 * (/account/subscriptions) and a guest's order page. */
#ifndef SOUK_SUBS_HDF_H
#define SOUK_SUBS_HDF_H
#include <stddef.h>

#include "arena.h"
#include "db.h"
#include "db_subs.h"
#include "tmpl.h"

/* <prefix>.N.{id, name, slug, status, starts, ends, access, renew,
 * cred.M.{name, value}} and <prefix>_count; credentials are opened with
 * the key file (an unreadable one is logged and left out).  0 or -1. */
int	subs_put(HDF *, struct arena *, struct db *, const char *prefix,
	    const struct subscription *s, size_t n, long long now);

#endif
