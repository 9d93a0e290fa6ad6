/* db_token.h — single-use tokens mailed to account holders (store layer):
 * verify (24 h), reset (1 h), email (confirm a new address), unlock (lift
 * a login lock).  Only the SHA-256 hex of a token is stored. */
#ifndef SOUK_DB_TOKEN_H
#define SOUK_DB_TOKEN_H
#include "arena.h"
#include "db.h"

/* Stores a token hash for purpose; new_email only for "email".
 * Returns 0 or -1. */
int	db_token_add(struct db *, const char *hash, long long user_id,
	    const char *purpose, const char *new_email, long long expires_at,
	    long long now);
/* Consumes the unused, unexpired token of this purpose: 0 (*user_id and,
 * for "email", *new_email in a set), 1 (unknown, used or expired), -1.
 * Call inside a transaction so two clicks cannot both succeed. */
int	db_token_use(struct db *, struct arena *, const char *hash,
	    const char *purpose, long long now, long long *user_id,
	    const char **new_email);
/* Voids every unused token of this purpose for the account (a new reset
 * link makes the older ones useless).  Returns 0 or -1. */
int	db_token_void(struct db *, long long user_id, const char *purpose,
	    long long now);

#endif
