/* proof.h — payment proofs (screenshots, receipts) uploaded by shoppers.
 *
 * A proof is accepted for what its bytes are, never for its name or the
 * type the browser declared: JPEG, PNG, WebP or PDF, recognised by their
 * signatures.  It is stored under <data_dir>/proofs/ (created 0700) with a
 * random name, mode 0600, written and synced before the database row that
 * refers to it commits; nothing in htdocs, nothing served to shoppers. */
#ifndef SOUK_PROOF_H
#define SOUK_PROOF_H
#include <stddef.h>

#define PROOF_NAME_LEN	32	/* hex of 16 random bytes */
#define PROOF_MAX	10	/* proofs one order accepts */

/* "image/jpeg", "image/png", "image/webp", "application/pdf", or NULL
 * when data is none of them. */
const char	*proof_sniff(const void *data, size_t len);
/* Writes data to a new file under data_dir/proofs: its name into
 * name[PROOF_NAME_LEN + 1] and its hex SHA-256 into sha[65].  Returns 0 or
 * -1 (logged, nothing left behind). */
int		 proof_store(const char *data_dir, const void *data, size_t len,
		    char *name, char *sha);
/* Removes a stored proof whose database row did not commit. */
void		 proof_unlink(const char *data_dir, const char *name);

#endif
