/* subs_hdf.h — subscriptions as HDF for the customer's page
 * (/account/subscriptions) and a guest's order page. */
#ifndef SOUK_SUBS_HDF_H
#define SOUK_SUBS_HDF_H
#include <stddef.h>

#include "app.h"
#include "db_subs.h"

/* Into c's HDF: <prefix>.N.{id, name, slug, status, starts, ends (dates in
 * the visitor's language), access, renew, cred.M.{name, value}} and
 * <prefix>_count; credentials are opened with the key file (an unreadable
 * one is logged and left out).  Strings in c's arena.  0 or -1. */
int	subs_put(struct ctx *c, const char *prefix,
	    const struct subscription *s, size_t n, long long now);

#endif
