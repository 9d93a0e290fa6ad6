/* db_grant.h — entitlements staff grant without an order (grant.h has the
 * rules): add, revoke, list a customer's, and the products that can be
 * granted.  One statement each, inside the caller's transaction; strings
 * in the caller's arena. */
#ifndef SOUK_DB_GRANT_H
#define SOUK_DB_GRANT_H
#include <stddef.h>

#include "arena.h"
#include "db.h"

/* One granted entitlement (order_id NULL). */
struct grant_row {
	long long	 id, product_id, user_id, max_downloads, expires_at;
	long long	 revoked_at, created_at;	/* 0: live / never */
	const char	*name, *slug, *media_type;	/* the product's */
	const char	*reason, *granted_by;	/* the staff address, or "" */
};

/* Adds an entitlement of user_id to product_id granted by staff account
 * by (0: soukctl) for reason; max_downloads / expires_at 0: unlimited /
 * for ever.  Its id, or -1. */
long long	db_grant_add(struct db *, long long user_id, long long product_id,
		    long long by, const char *reason, long long max_downloads,
		    long long expires_at, long long now);
/* Granted entitlement id: 0, DB_NONE (1: none, or one from an order), -1. */
int		db_grant_get(struct db *, struct arena *, long long id,
		    struct grant_row *);
/* Revokes granted entitlement id ("staff") at now; the rows changed (0
 * when it is not a live grant) or -1. */
int		db_grant_revoke(struct db *, long long id, long long now);
/* The live (unrevoked, unexpired) grants of user_id, newest first; 0 or
 * -1. */
int		db_grants_of_user(struct db *, struct arena *, long long user_id,
		    long long now, struct grant_row **, size_t *);

/* A product staff may grant. */
struct grantable {
	const char	*slug, *name, *media_type;
};
/* Active digital products by name (the products_active_name index),
 * at most limit; 0 or -1. */
int		db_grantable(struct db *, struct arena *, long long limit,
		    struct grantable **, size_t *);
/* The id of active product slug when it is digital (its name into
 * *name): the id, 0 when there is no such digital product, -1 on error. */
long long	db_grantable_id(struct db *, struct arena *, const char *slug,
		    const char **name);

#endif
