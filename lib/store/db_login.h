/* db_login.h — login throttling kept in SQLite (store layer), so every
 * worker and program counts together (docs/accounts.md "Throttling").
 *
 * Failures are counted per account key (the normalised e-mail, whether an
 * account has it or not: the answer must not tell) and per client key
 * (rate_client_key()).  For an account: from the delay_after-th failure
 * on, the next attempt must wait delay_base * 2^(failures - delay_after)
 * seconds (at most delay_max) after the last one; at lock_after failures
 * the account key is locked until an unlock link (mailed) or `soukctl
 * user unlock` clears it.  A client gets the same growing delay from
 * client_after failures, never a lock.  Counts start again after
 * `quiet` seconds without a failure.  A success clears the account row. */
#ifndef SOUK_DB_LOGIN_H
#define SOUK_DB_LOGIN_H
#include "db.h"

struct login_rules {
	long long	delay_after, lock_after, delay_base, delay_max;
	long long	client_after, quiet;
};

enum login_gate { LOGIN_OPEN, LOGIN_WAIT, LOGIN_LOCKED, LOGIN_ERROR = -1 };

/* The rules from the configuration (login_* keys). */
void		login_rules_conf(struct login_rules *);
/* Whether an attempt may run now; LOGIN_WAIT sets *retry_after. */
enum login_gate	db_login_gate(struct db *, const struct login_rules *,
		    const char *account, const char *client, long long now,
		    long long *retry_after);
/* Counts a failure for both keys.  *locked_now = 1 when this one locked
 * the account key (send the unlock mail).  Returns 0 or -1. */
int		db_login_failed(struct db *, const struct login_rules *,
		    const char *account, const char *client, long long now,
		    int *locked_now);
/* Clears the account key's count and lock.  Returns 0 or -1. */
int		db_login_clear(struct db *, const char *account);

#endif
