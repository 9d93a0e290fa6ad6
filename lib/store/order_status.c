/* order_status.c — see order_status.h. */
#include <string.h>

#include "clock.h"
#include "db_order.h"
#include "db_order_status.h"
#include "delivery.h"
#include "log.h"
#include "order.h"
#include "order_status.h"
#include "subs.h"

int
delivery_on_status(struct db *db, long long order_id, const char *to)
{
	if (strcmp(to, "paid") == 0)
		return entitlements_grant_for_order(db, order_id) < 0 ||
		    subscriptions_start_for_order(db, order_id) < 0 ? -1 : 0;
	if (strcmp(to, "cancelled") == 0 || strcmp(to, "refunded") == 0)
		return entitlements_revoke_for_order(db, order_id, 0, to) < 0 ||
		    subscriptions_cancel_for_order(db, order_id, to) < 0 ? -1 : 0;
	return 0;
}

/* 1 when staff may move an order from -> to. */
static int
allowed(const char *from, const char *to)
{
	static const char *const moves[][2] = {
		{ "awaiting_payment", "paid" }, { "proof_received", "paid" },
		{ "awaiting_payment", "cancelled" },
		{ "proof_received", "cancelled" }, { "paid", "completed" },
		{ "paid", "refunded" }, { "completed", "refunded" },
	};

	for (size_t i = 0; i < sizeof(moves) / sizeof(moves[0]); i++)
		if (strcmp(moves[i][0], from) == 0 && strcmp(moves[i][1], to) == 0)
			return 1;
	return 0;
}

enum status_set
order_status_set(struct db *db, long long id, const char *to)
{
	struct order o;
	struct arena a;
	enum status_set r = STATUS_SET_ERROR;
	int rc;

	arena_init(&a, 0);
	if (db_begin(db) < 0)
		goto out;
	if ((rc = db_order_by_id(db, &a, id, &o)) != 0) {
		r = rc < 0 ? STATUS_SET_ERROR : STATUS_SET_NONE;
		goto out;
	}
	if (!allowed(o.status, to)) {
		r = STATUS_SET_REFUSED;
		goto out;
	}
	rc = db_order_status_move(db, id, o.status, to, "staff", store_now());
	if (rc != 0) {
		r = rc < 0 ? STATUS_SET_ERROR : STATUS_SET_STALE;
		goto out;
	}
	if (delivery_on_status(db, id, to) < 0 || db_commit(db) < 0)
		goto out;
	r = STATUS_SET_OK;
out:
	if (r != STATUS_SET_OK)
		db_rollback(db);
	arena_free(&a);
	return r;
}
