/* db_user.h — accounts in the database (store layer): users, their
 * addresses, recovery codes, known devices and order history.  Strings
 * live in the caller's arena.  Functions run single statements; callers
 * that need several to be atomic hold db_begin() ... db_commit().
 * Lookups return 0 (found), 1 (none) or -1 (error, logged); changes
 * return 0 or -1, and -2 where a UNIQUE constraint says "taken". */
#ifndef SOUK_DB_USER_H
#define SOUK_DB_USER_H
#include <stddef.h>

#include "arena.h"
#include "db.h"

/* Ordered: a higher role includes the lower ones (auth_require). */
enum role { ROLE_NONE = 0, ROLE_CUSTOMER, ROLE_EMPLOYEE, ROLE_ADMIN };

struct user {
	long long	 id;
	const char	*email, *email_norm, *name, *phone, *lang;
	enum role	 role;
	const char	*pw_hash;		/* libscrypt MCF */
	int		 verified, disabled, deleted;
	const char	*totp_secret;		/* "" when none */
	int		 totp_enabled;
	long long	 created_at;
};

struct user_address {
	long long	 id;
	const char	*address, *city, *postal_code, *country;
};

struct user_order {
	const char	*token, *reference, *status, *currency;
	const char	*method;		/* pay_method id */
	long long	 total_minor, created_at;
	int		 guest;			/* placed without the account */
};

/* "customer", "employee", "admin" (NULL for ROLE_NONE) and back (-1). */
const char	*role_name(enum role);
int		 role_from_name(const char *);

int	db_user_by_id(struct db *, struct arena *, long long id, struct user *);
int	db_user_by_email(struct db *, struct arena *, const char *email_norm,
	    struct user *);
/* A new account; returns its id, -2 when the e-mail has one, -1. */
long long db_user_add(struct db *, const char *email, const char *email_norm,
	    const char *name, const char *pw_hash, enum role, const char *lang,
	    long long now);
int	db_user_set_password(struct db *, long long id, const char *pw_hash,
	    long long now);
int	db_user_set_role(struct db *, long long id, enum role, long long now);
int	db_user_set_disabled(struct db *, long long id, int disabled,
	    long long now);
int	db_user_set_profile(struct db *, long long id, const char *name,
	    const char *phone, long long now);
/* -2: another account has this address. */
int	db_user_set_email(struct db *, long long id, const char *email,
	    const char *email_norm, long long now);
int	db_user_set_verified(struct db *, long long id, long long now);
/* Every account, staff first then by id (soukctl user list). */
int	db_user_list(struct db *, struct arena *, struct user **, size_t *);

/* The back office's customer list: accounts not deleted whose e-mail,
 * name or phone holds q ("" or NULL: all), of role (ROLE_NONE: any), ids
 * below before (0: from the newest), newest first, at most limit, into
 * *out (arena).  0 or -1. */
int	db_user_search(struct db *, struct arena *, const char *q, enum role,
	    long long before, long long limit, struct user **out, size_t *n);
/* Admin accounts that can log in (enabled, not deleted), or -1. */
long long db_user_admins(struct db *);

/* TOTP: the secret (NULL clears it) and whether it is enabled; enabling
 * or clearing resets the last used step. */
int	db_user_totp_set(struct db *, long long id, const char *secret,
	    int enabled, long long now);
/* Records step as used when it is newer than the last one: 0 (accepted),
 * 1 (this or a later step was already used: a replay), -1. */
int	db_user_totp_step(struct db *, long long id, long long step);
/* Replaces the account's recovery codes with these n SHA-256 hex hashes. */
int	db_recovery_set(struct db *, long long id, char (*hashes)[65], size_t n);
/* Marks the unused code with this hash used: 0, 1 (no such unused code). */
int	db_recovery_use(struct db *, long long id, const char *hash,
	    long long now);
/* Unused recovery codes left. */
long long db_recovery_left(struct db *, long long id);

/* Records a browser: 1 when it is new for the account, 0 known, -1. */
int	db_device_seen(struct db *, long long id, const char *device_hash,
	    long long now);

int	db_addr_list(struct db *, struct arena *, long long id,
	    struct user_address **, size_t *);
long long db_addr_add(struct db *, long long id, const struct user_address *,
	    long long now);
/* 0, 1 when the account has no such address. */
int	db_addr_delete(struct db *, long long id, long long addr_id);

/* The account's orders, newest first: placed with it, and (when
 * verified_email_norm is not NULL) guest orders placed with that address. */
int	db_user_orders(struct db *, struct arena *, long long id,
	    const char *verified_email_norm, struct user_order **, size_t *);

/* Account deletion, inside the caller's transaction: personal fields of
 * the account and of its orders (and guest orders with its verified
 * e-mail) replaced, addresses, sessions, tokens, codes and devices
 * removed (staff notes on it too), the account disabled with deleted_at
 * set. */
int	db_user_anonymise(struct db *, long long id,
	    const char *verified_email_norm, long long now);

#endif
