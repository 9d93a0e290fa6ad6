/* cmd_pay.c — refunds of online payments from the command line (the
 * reconciliation is a step of `soukctl cron`, cmd_cron.c) (docs/payments.md):
 *
 *   soukctl order refund REF [--amount X]   refund through the gateway
 *                                      (all that is left, or X in the
 *                                      store currency) */
#include <string.h>
#include <time.h>

#include <stdlib.h>

#include "csrf.h"
#include "ctl.h"
#include "money.h"
#include "payment.h"
#include "store_conf.h"
#include "valid.h"

/* The store secret the idempotency keys are derived from; 0 or -1. */
static int
load_secret(struct db *db)
{
	char *secret = db_setting(db, "secret_key");
	int rc = secret != NULL && csrf_set_secret_hex(secret) == 0 ? 0 : -1;

	free(secret);
	if (rc < 0)
		ctl_fail("order", "the database has no secret_key (soukctl init)");
	return rc;
}

int
cmd_order_refund(int argc, char **argv)
{
	static const struct valid_key amount_key = { "amount", V_FUNC, 1, 0,
	    NULL, 1, money_field };
	static const char *const names[] = {
		[REFUND_OK] = "refunded", [REFUND_PENDING] = "refund pending",
		[REFUND_NOT_PAID] = "the order has no paid online payment",
		[REFUND_TOO_MUCH] = "more than what is left to refund",
		[REFUND_REFUSED] = "the gateway refused the refund",
		[REFUND_DOWN] = "the gateway did not answer",
	};
	const char *rid, *why;
	enum refund_result r;
	long long amount = 0;
	struct arena a;
	struct val v;
	struct db *db;

	if (argc != 3 && !(argc == 5 && strcmp(argv[3], "--amount") == 0))
		return ctl_usage("order", "refund REF [--amount X]");
	arena_init(&a, 0);
	if (argc == 5) {
		valid_one(&a, &amount_key, argv[4], &v);
		if (v.state != VAL_OK) {
			arena_free(&a);
			return ctl_fail("order", "--amount %s is not an amount",
			    argv[4]);
		}
		amount = v.i;
	}
	if ((db = ctl_open(0)) == NULL || load_secret(db) < 0) {
		if (db != NULL)
			db_close(db);
		arena_free(&a);
		return 1;
	}
	r = payment_refund(db, &a, argv[2], amount, NULL, &rid, &why);
	if (r == REFUND_OK || r == REFUND_PENDING)
		ctl_printf("%s: %s (%s)\n", argv[2], names[r], rid);
	else if (r == REFUND_ERROR || r == REFUND_DOWN)
		ctl_fail("order", "%s: refund not done (gateway unreachable or "
		    "database error); run it again", argv[2]);
	else
		ctl_fail("order", "%s: %s%s%s", argv[2], names[r], *why ? ": " :
		    "", why);
	arena_free(&a);
	db_close(db);
	return r == REFUND_OK || r == REFUND_PENDING ? 0 : 1;
}
