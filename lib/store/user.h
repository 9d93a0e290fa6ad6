/* user.h — account rules apart from where accounts are kept (store
 * layer; db_user.h keeps them): password policy, password hashing with
 * libscrypt and its machine-wide concurrency limit, hashes of mailed
 * secrets.  docs/accounts.md explains the choices. */
#ifndef SOUK_USER_H
#define SOUK_USER_H
#include <stddef.h>

#define PASSWORD_MIN	10		/* characters (code points) */
#define PASSWORD_MAX	200
#define PW_HASH_LEN	128		/* libscrypt's SCRYPT_MCF_LEN */
#define SECRET_HASH_LEN	64		/* hex SHA-256 */

enum pw_check { PW_OK = 0, PW_SHORT, PW_LONG, PW_COMMON };

/* Whether pw may be a password: long enough, not too long, and not (in
 * lower case) one of the 10,000 most common passwords
 * (data/common-passwords.txt, compiled in). */
enum pw_check	 password_check(const char *pw);
/* 1 when pw (lower-cased) is in the common list. */
int		 password_common(const char *pw);

/* The hash of pw with the configured scrypt parameters into
 * out[PW_HASH_LEN].  Returns 0 or -1.  Programs hold a hash slot
 * (below) around this and password_verify.  Both compute at a low CPU
 * priority (lowprio.h), so hashes give way to the pages. */
int		 password_hash(const char *pw, char *out);
/* 1 when pw matches the stored MCF hash, 0 when not, -1 on a malformed
 * hash.  With hash NULL it checks against a dummy hash with the current
 * parameters, so a login for an unknown e-mail costs the same time. */
int		 password_verify(const char *hash, const char *pw);
/* 1 when hash was made with other parameters than the configured ones
 * (the caller rehashes the password it just verified). */
int		 password_needs_rehash(const char *hash);

/* The machine-wide limit on hashes running at once (hash_concurrency;
 * 0: half the cores): flock(2) on one of N slot files under data_dir.
 * hash_slot_take waits up to wait_ms for a free slot: returns the slot to
 * give back with hash_slot_give, or -1 when all stay busy (answer 503
 * with Retry-After).  Without a usable data_dir it logs once and returns
 * -2: no limit applies. */
int		 hash_slot_take(int wait_ms);
void		 hash_slot_give(int slot);
/* How many slots there are. */
int		 hash_slots(void);

/* SHA-256 hex of a secret (session id, mailed token, recovery code) into
 * out[SECRET_HASH_LEN + 1]. */
void		 secret_hash(const char *secret, char *out);
/* Lower-cases an e-mail address in place (the account key). */
void		 email_norm(char *email);

#endif
