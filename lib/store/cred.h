/* cred.h — subscription credentials (IPTV logins, activation codes) at
 * rest: each is a JSON object of fields (username, password, portal,
 * m3u, code: whatever the imported CSV's header names) sealed with
 * libsodium crypto_secretbox under a 32-byte key kept in a file outside
 * the database (credentials_key_file; `soukctl init` creates it, mode
 * 0600).  Lose the file and the credentials cannot be read: back it up
 * separately from the database (docs/delivery.md). */
#ifndef SOUK_CRED_H
#define SOUK_CRED_H
#include <stddef.h>

#include "arena.h"
#include "db.h"

/* The key file's path: credentials_key_file, or credentials.key beside
 * db_path (a static buffer). */
const char	*cred_key_path(void);
/* Creates the key file with a random key (mode 0600): 0, 1 when it
 * exists already, -1 on error (logged). */
int		 cred_key_create(void);
/* Loads the key once per process: 0, or -1 (logged) when the file is
 * missing or not 32 bytes. */
int		 cred_key_load(void);

/* Seals json and adds it to product_id's pool; the id or -1. */
long long	 cred_add(struct db *, long long product_id, const char *json,
		    long long now);

struct cred_field {
	const char	*name, *value;
};
/* The fields of subscription sub's credential, opened (arena): 0,
 * DB_NONE (none assigned), -1 (no key, tampered, error). */
int		 cred_fields(struct db *, struct arena *, long long sub,
		    struct cred_field **out, size_t *n);

#endif
