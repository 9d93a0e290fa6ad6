/* db_sess.h — sessions in the database (store layer).  A session is named
 * by the SHA-256 hex of its cookie value (sess.h makes both); expiry is the
 * caller's rule (created_at and seen_at are returned). */
#ifndef SOUK_DB_SESS_H
#define SOUK_DB_SESS_H
#include <stddef.h>

#include "arena.h"
#include "db.h"

struct sess_row {
	const char	*id_hash;
	long long	 user_id;
	int		 mfa_pending;
	const char	*client, *user_agent;
	long long	 created_at, seen_at;
};

/* Returns 0 or -1. */
int	db_sess_add(struct db *, const char *id_hash, long long user_id,
	    int mfa_pending, const char *client, const char *user_agent,
	    long long now);
/* 0 (row filled, strings in a), 1 none, -1. */
int	db_sess_get(struct db *, struct arena *, const char *id_hash,
	    struct sess_row *);
/* seen_at = now.  Returns 0 or -1. */
int	db_sess_touch(struct db *, const char *id_hash, long long now);
/* Removes one session; 0 or -1. */
int	db_sess_delete(struct db *, const char *id_hash);
/* Removes every session of the account but `keep_hash` (NULL: all).
 * Returns how many went, or -1. */
long long db_sess_delete_user(struct db *, long long user_id,
	    const char *keep_hash);
/* The account's sessions, newest first. */
int	db_sess_list(struct db *, struct arena *, long long user_id,
	    struct sess_row **, size_t *);
/* Removes up to 50 sessions idle since before `idle_before` or created
 * before `created_before`.  Returns 0 or -1. */
int	db_sess_prune(struct db *, long long idle_before,
	    long long created_before);

#endif
