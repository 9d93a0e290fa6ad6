/* order_proof.c — see order_proof.h. */
#include <string.h>
#include <time.h>

#include "db_order.h"
#include "order_flow.h"
#include "order_proof.h"
#include "pay.h"

const char *const proof_errs[PROOF__MAX] = {
	[PROOF_OK] = "",
	[PROOF_METHOD] = "proof_method",
	[PROOF_CLOSED] = "proof_closed",
	[PROOF_TOO_MANY] = "proof_too_many",
	[PROOF_MISSING] = "proof_missing",
	[PROOF_TYPE] = "proof_type",
};

/* The rules that depend on the order alone. */
static enum proof_result
order_open(const struct order *o)
{
	const struct pay_method *m = pay_get(o->method);

	if (m == NULL || !m->takes_proof)
		return PROOF_METHOD;
	if (strcmp(o->status, order_statuses[ORDER_AWAITING_PAYMENT]) != 0 &&
	    strcmp(o->status, order_statuses[ORDER_PROOF_RECEIVED]) != 0)
		return PROOF_CLOSED;
	if (o->nproofs >= PROOF_MAX)
		return PROOF_TOO_MANY;
	return PROOF_OK;
}

enum proof_result
order_proof_check(const struct order *o, const void *data, size_t len,
    const char **type)
{
	enum proof_result r;

	if ((r = order_open(o)) != PROOF_OK)
		return r;
	if (data == NULL || len == 0)
		return PROOF_MISSING;
	if ((*type = proof_sniff(data, len)) == NULL)
		return PROOF_TYPE;
	return PROOF_OK;
}

/* The transaction of order_proof_add, the file already written. */
static enum proof_result
record(struct db *db, struct arena *a, struct order *o, const char *name,
    const char *sha, size_t len, const char *type, const char *original,
    const struct mail *notify)
{
	long long now = (long long)time(NULL);
	struct order cur;
	enum proof_result r;
	int rc;

	if (db_begin(db) < 0)
		return PROOF_ERROR;
	if ((rc = db_order_by_id(db, a, o->id, &cur)) != 0)
		return PROOF_ERROR;
	if ((r = order_open(&cur)) != PROOF_OK)
		return r;
	if (db_order_add_proof(db, &cur, name, type, (long long)len, sha,
	    original, now) < 0)
		return PROOF_ERROR;
	if (strcmp(cur.status, order_statuses[ORDER_AWAITING_PAYMENT]) == 0 &&
	    order_transition(db, &cur, ORDER_PROOF_RECEIVED, ACTOR_SHOPPER,
	    "proof", now) != TRANSITION_OK)
		return PROOF_ERROR;
	if (mail_enqueue(db, notify, NULL) < 0 || db_commit(db) < 0)
		return PROOF_ERROR;
	o->status = cur.status;
	o->nproofs = cur.nproofs;
	return PROOF_OK;
}

enum proof_result
order_proof_add(struct db *db, struct arena *a, struct order *o,
    const char *dir, const void *data, size_t len, const char *type,
    const char *original, const struct mail *notify, char *name)
{
	enum proof_result r;
	char sha[65];

	if (proof_store(dir, data, len, name, sha) < 0)
		return PROOF_ERROR;
	r = record(db, a, o, name, sha, len, type, original ? original : "", notify);
	if (r != PROOF_OK) {
		db_rollback(db);
		proof_unlink(dir, name);
	}
	return r;
}
