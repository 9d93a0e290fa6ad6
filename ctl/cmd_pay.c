/* cmd_pay.c — refunds from the command line (the reconciliation is a step
 * of `soukctl cron`, cmd_cron.c) (docs/payments.md, docs/soukctl.md):
 *
 *   soukctl order refund REF [--line N --qty Q] [--reason TEXT]
 *
 * The admin order page's refund (lib/store/refund.h, one rule for both):
 * the whole order (all that is left) or Q units of line N; through the
 * order's paid gateway payment, else recorded as paid back by staff
 * outside the store; a row of order_refunds with its lines and an audit
 * entry (actor "soukctl").  No mail: staff tell the shopper themselves
 * (as `soukctl order cancel`). */
#include <stdlib.h>
#include <string.h>

#include "ctl.h"
#include "db_order.h"
#include "db_payment.h"
#include "db_refund.h"
#include "lang.h"
#include "money.h"
#include "refund.h"
#include "valid.h"

/* What the command line asks for. */
struct refund_args {
	const char	*ref;
	long long	 line, qty;	/* 0: the whole order */
	const char	*reason;
};

/* Parses argv into *r: 0, or 1 / 2 after printing the error / usage. */
static int
parse(int argc, char **argv, struct arena *a, struct refund_args *r)
{
	static const struct valid_key keys[] = {
		{ "line", V_INT, 1, 100000, NULL, 1, NULL },
		{ "qty", V_INT, 1, 1000000000, NULL, 1, NULL },
		{ "reason", V_TEXT, 1, 500, NULL, 1, NULL },
	};
	static const char usage[] = "refund REF [--line N --qty Q] "
	    "[--reason TEXT]";
	struct val v;

	memset(r, 0, sizeof(*r));
	r->reason = "";
	if (argc < 3 || argv[2][0] == '-')
		return ctl_usage("order", usage);
	r->ref = argv[2];
	for (int i = 3; i < argc; i += 2) {
		size_t k;
		if (strcmp(argv[i], "--amount") == 0)
			return ctl_fail("order", "--amount is gone: a refund is "
			    "the whole order or some units of one line "
			    "(--line N --qty Q), as on the admin order page");
		for (k = 0; k < sizeof(keys) / sizeof(keys[0]); k++)
			if (strncmp(argv[i], "--", 2) == 0 &&
			    strcmp(argv[i] + 2, keys[k].name) == 0)
				break;
		if (k == sizeof(keys) / sizeof(keys[0]) || i + 1 >= argc)
			return ctl_usage("order", usage);
		valid_one(a, &keys[k], argv[i + 1], &v);
		if (v.state != VAL_OK)
			return ctl_fail("order", "%s %s: not a valid value",
			    argv[i], argv[i + 1]);
		if (k == 0)
			r->line = v.i;
		else if (k == 1)
			r->qty = v.i;
		else
			r->reason = v.s;
	}
	if ((r->line == 0) != (r->qty == 0))
		return ctl_fail("order", "--line and --qty go together");
	return 0;
}

/* The key of this refund: the same for the same command while no refund
 * of the order is recorded meanwhile, a new one once a refund (even a
 * refused one, or one waiting for the gateway: soukctl cron finishes
 * that one) was recorded.  0 or -1. */
static int
idem_of(struct db *db, struct arena *a, const struct order *o,
    const struct refund_plan *p, const char **key)
{
	struct order_refund *rows;
	size_t n;

	if (db_order_refund_list(db, a, o->id, &rows, &n) < 0)
		return -1;
	*key = arena_printf(a, "ctl-%lld-%zu-%lld-%lld-%lld", o->id, n,
	    p->left_minor, p->amount_minor, p->full ? 0 : p->lines[0].line);
	return 0;
}

/* Plans, then makes, the refund r of the order; 0 or 1 (printed). */
static int
refund(struct db *db, struct arena *a, const struct refund_args *r)
{
	static const struct audit_entry who = { .actor = "soukctl",
	    .addr = "" };
	struct refund_ask ask = { NULL, r->reason, &who, NULL };
	struct refund_plan p;
	struct order_refund row;
	struct order o;
	long long id, *qty = NULL;

	if ((id = db_pay_order_id(db, r->ref)) <= 0 ||
	    db_order_by_id(db, a, id, &o) != 0)
		return ctl_fail("order", id < 0 ? "cannot read order %s" :
		    "no order %s", r->ref);
	if (r->line > 0) {
		if ((size_t)r->line > o.nlines)
			return ctl_fail("order", "%s has no line %lld (it has "
			    "%zu)", r->ref, r->line, o.nlines);
		qty = arena_alloc(a, (o.nlines + 1) * sizeof(*qty));
		memset(qty, 0, (o.nlines + 1) * sizeof(*qty));
		qty[r->line - 1] = r->qty;
	}
	switch (refund_plan(db, a, &o, qty, &p)) {
	case RCHECK_OK:
		break;
	case RCHECK_STATUS:
		return ctl_fail("order", "%s is %s: only a paid or completed "
		    "order is refunded", r->ref, o.status);
	case RCHECK_NOTHING:
		return ctl_fail("order", "%s: nothing left to refund", r->ref);
	case RCHECK_TOO_MANY:
		return ctl_fail("order", "%s: more than what is left to refund",
		    r->ref);
	default:
		return ctl_fail("order", "%s: cannot read its refunds", r->ref);
	}
	if (idem_of(db, a, &o, &p, &ask.idem) < 0)
		return ctl_fail("order", "%s: cannot read its refunds", r->ref);
	switch (refund_order(db, a, &o, &p, &ask, &row)) {
	case ROUT_DONE:
	case ROUT_PENDING:
		if (!p.gateway) {
			ctl_printf("%s: refund of %s recorded as paid back "
			    "outside the store (%s)\n", r->ref, money_arena(a,
			    p.amount_minor, lang_default()), o.method);
			return 0;
		}
		ctl_printf("%s: %s (%s)\n", r->ref, strcmp(row.status,
		    "pending") == 0 ? "refund pending" : "refunded",
		    row.provider_refund_id);
		return 0;
	case ROUT_REPEAT:
		if (row.waiting)
			return ctl_fail("order", "%s: a refund is waiting for the "
			    "gateway's answer; `soukctl cron` asks again",
			    r->ref);
		if (strcmp(row.status, "refused") != 0) {
			ctl_printf("%s: refunded before (%s)\n", r->ref,
			    row.provider_refund_id);
			return 0;
		}
		/* FALLTHROUGH */
	case ROUT_REFUSED:
		return ctl_fail("order", "%s: the gateway refused the refund: "
		    "%s", r->ref, row.answer);
	case ROUT_CHANGED:
		return ctl_fail("order", "%s: the order changed meanwhile; "
		    "nothing done, run it again", r->ref);
	case ROUT_DOWN:
		return ctl_fail("order", "%s: the gateway did not answer; the "
		    "refund is recorded as waiting for it and `soukctl cron` "
		    "asks again (the same refund)", r->ref);
	default:
		return ctl_fail("order", "%s: refund not done (database "
		    "error); run it again", r->ref);
	}
}

int
cmd_order_refund(int argc, char **argv)
{
	struct refund_args r;
	struct arena a;
	struct db *db;
	int rc;

	arena_init(&a, 0);
	if ((rc = parse(argc, argv, &a, &r)) != 0) {
		arena_free(&a);
		return rc;
	}
	if ((db = ctl_open(0)) == NULL) {
		arena_free(&a);
		return 1;
	}
	rc = refund(db, &a, &r);
	arena_free(&a);
	db_close(db);
	return rc;
}
