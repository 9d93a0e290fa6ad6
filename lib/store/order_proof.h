/* order_proof.h — a shopper's payment proof for an order, from the upload
 * to the committed row: the rules (which orders take one, how many, which
 * files) and the one transaction that records it, moves a first proof's
 * order to proof_received (order_flow.h) and queues the shop's mail.
 * No request here: the program hands in the bytes and the rendered mail
 * (lib/site/store_mail.h) and answers the result. */
#ifndef SOUK_ORDER_PROOF_H
#define SOUK_ORDER_PROOF_H
#include <stddef.h>

#include "arena.h"
#include "db.h"
#include "mail.h"
#include "order.h"
#include "proof.h"

enum proof_result {
	PROOF_ERROR = -1,
	PROOF_OK = 0,
	PROOF_METHOD,		/* the order's payment method takes no proof */
	PROOF_CLOSED,		/* the order is past waiting for payment */
	PROOF_TOO_MANY,		/* it holds PROOF_MAX proofs already */
	PROOF_MISSING,		/* no file, or an empty one */
	PROOF_TYPE,		/* not a JPEG, PNG, WebP or PDF */
	PROOF__MAX
};

/* Lang.order.upload_err.<name> of each refusal ("proof_method"...). */
extern const char *const proof_errs[PROOF__MAX];

/* Whether order o takes data[0..len) as a proof now (data NULL: no file);
 * on PROOF_OK *type is its content type. */
enum proof_result order_proof_check(const struct order *o, const void *data,
		    size_t len, const char **type);
/* Records data (checked by order_proof_check, of type `type`) as a proof
 * of o: writes the file under data_dir, then in one BEGIN IMMEDIATE
 * transaction re-reads the order (a change since o was read is seen
 * here: PROOF_CLOSED, PROOF_TOO_MANY), adds the row, moves an order
 * awaiting payment to proof_received (the shopper's transition), queues
 * `notify` and commits.  The stored name goes to name[PROOF_NAME_LEN + 1]
 * and o is updated (status, nproofs).  Anything but PROOF_OK leaves
 * nothing behind: no row, no file, no mail. */
enum proof_result order_proof_add(struct db *, struct arena *, struct order *o,
		    const char *data_dir, const void *data, size_t len,
		    const char *type, const char *original_name,
		    const struct mail *notify, char *name);

#endif
