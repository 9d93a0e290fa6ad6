/* refund.c — see refund.h. */
#include <string.h>
#include <time.h>

#include "db_order.h"
#include "db_payment.h"
#include "delivery.h"
#include "gateway.h"
#include "lang.h"
#include "log.h"
#include "money.h"
#include "order_flow.h"
#include "payment.h"
#include "refund.h"

/* The paid gateway payment of order id into *p: 0, 1 none, -1. */
static int
paid_payment(struct db *db, struct arena *a, long long id, struct payment *p)
{
	struct payment *all;
	size_t n;

	if (db_payment_list(db, a, id, &all, &n) < 0)
		return -1;
	for (size_t i = 0; i < n; i++)
		if (strcmp(all[i].status, "paid") == 0) {
			*p = all[i];
			return 0;
		}
	return 1;
}

int
refund_left(struct db *db, struct arena *a, const struct order *o,
    long long **left, long long *left_minor)
{
	struct order_refund_line *rl;
	struct payment pay;
	long long done;
	size_t n;
	int rc;

	if ((done = db_order_refunded(db, o->id)) < 0 ||
	    db_order_refund_lines(db, a, o->id, &rl, &n) < 0 ||
	    (rc = paid_payment(db, a, o->id, &pay)) < 0)
		return -1;
	/* Gateway refunds recorded before soukctl went through here (only in
	 * payment_refunds) count too. */
	if (rc == 0 && pay.refunded_minor > done)
		done = pay.refunded_minor;
	*left_minor = done >= o->total_minor ? 0 : o->total_minor - done;
	*left = arena_alloc(a, (o->nlines + 1) * sizeof(**left));
	for (size_t i = 0; i < o->nlines; i++)
		(*left)[i] = o->lines[i].qty;
	for (size_t i = 0; i < n; i++)
		if (rl[i].line >= 1 && (size_t)rl[i].line <= o->nlines)
			(*left)[rl[i].line - 1] -= rl[i].qty;
	return 0;
}

/* What qty units of line l are refunded for: their price less their share
 * of the line's part of the discount (rounded down; the lines outside a
 * coupon's scope have none: db_coupon_spread). */
static long long
line_amount(const struct order_line *l, long long qty)
{
	long long gross = l->unit_minor * qty;

	if (l->discount_minor <= 0 || l->qty <= 0)
		return gross;
	return gross - (long long)((__int128)l->discount_minor * qty / l->qty);
}

enum refund_check
refund_plan(struct db *db, struct arena *a, const struct order *o,
    const long long *qty, struct refund_plan *p)
{
	struct payment pay;
	long long *left, *copy, sum = 0;
	int rc;

	memset(p, 0, sizeof(*p));
	p->order_id = o->id;
	p->provider = "";
	if (strcmp(o->status, "paid") != 0 && strcmp(o->status, "completed")
	    != 0)
		return RCHECK_STATUS;
	if (refund_left(db, a, o, &left, &p->left_minor) < 0 ||
	    (rc = paid_payment(db, a, o->id, &pay)) < 0)
		return RCHECK_ERROR;
	if (rc == 0) {
		const struct gateway *g = gw_get(pay.provider);
		p->gateway = 1;
		p->provider = pay.provider;
		p->whole_only = g != NULL && g->whole_only;
	}
	if (p->left_minor <= 0)
		return RCHECK_NOTHING;
	p->lines = arena_alloc(a, (o->nlines + 1) * sizeof(*p->lines));
	p->full = qty == NULL;
	for (size_t i = 0; i < o->nlines; i++) {
		long long want = qty == NULL ? left[i] : qty[i];
		struct refund_line *l;
		if (want <= 0)
			continue;
		if (want > left[i])
			return RCHECK_TOO_MANY;
		l = &p->lines[p->nlines++];
		l->line = (long long)i + 1;
		l->qty = want;
		l->left = left[i];
		l->name = o->lines[i].name;
		l->amount_minor = line_amount(&o->lines[i], want);
		sum += l->amount_minor;
	}
	if (qty == NULL) {
		p->amount_minor = p->left_minor;
		return RCHECK_OK;
	}
	if (p->nlines == 0 || sum <= 0)
		return RCHECK_NOTHING;
	if (sum > p->left_minor)
		return RCHECK_TOO_MANY;
	p->amount_minor = sum;
	copy = arena_alloc(a, (o->nlines + 1) * sizeof(*copy));
	memcpy(copy, qty, o->nlines * sizeof(*copy));
	p->qty = copy;
	return RCHECK_OK;
}

/* What a refund in progress carries to the transaction that records it. */
struct job {
	struct arena		*a;
	const struct order	*o;
	const struct refund_plan *p;
	const struct refund_ask	*ask;
	struct order_refund	*r;
	int			 recorded;	/* the row was written */
};

/* The audit entry of j's refund, action `action`.  0 or -1. */
static int
audit(struct db *db, struct job *j, const char *action, long long now)
{
	struct audit_entry e = *j->ask->who;
	const char *what = j->p->full ? "full" : "lines";

	for (size_t i = 0; !j->p->full && i < j->p->nlines; i++)
		what = arena_printf(j->a, "%s %lld×%lld", what,
		    j->p->lines[i].line, j->p->lines[i].qty);
	e.action = action;
	e.kind = "order";
	e.object = arena_printf(j->a, "%lld", j->o->id);
	e.detail = arena_printf(j->a, "%s %s (%s)%s%s%s%s",
	    money_arena(j->a, j->p->amount_minor, lang_default()), what,
	    j->r->method, *j->r->reason ? ": " : "", j->r->reason,
	    *j->r->answer ? " — " : "", j->r->answer);
	return db_audit_add(db, &e, now);
}

/* Inside the transaction: j's row with status, refund id and answer.  1
 * written, 0 the key was used (a concurrent submit), -1. */
static int
write_row(struct db *db, struct job *j, const char *status, const char *rid,
    const char *answer, long long now)
{
	struct order_refund *r = j->r;

	memset(r, 0, sizeof(*r));
	r->order_id = j->o->id;
	r->kind = j->p->full ? "full" : "lines";
	r->method = j->p->gateway ? "gateway" : "manual";
	r->status = status;
	r->amount_minor = j->p->amount_minor;
	r->reason = j->ask->reason ? j->ask->reason : "";
	r->user_id = j->ask->who->user_id;
	r->staff = j->ask->who->actor;
	r->idem_key = j->ask->idem;
	r->provider = j->p->provider;
	r->provider_refund_id = rid;
	r->answer = answer;
	r->created_at = now;
	return db_order_refund_add(db, r);
}

/* Inside the transaction: the lines of j's row (written). */
static int
add_lines(struct db *db, struct job *j)
{
	for (size_t i = 0; i < j->p->nlines; i++) {
		const struct refund_line *l = &j->p->lines[i];
		struct order_refund_line rl = { j->r->id, l->line, l->qty,
		    l->amount_minor };
		if (db_order_refund_line_add(db, j->r->id, j->o->id, &rl) < 0)
			return -1;
	}
	return 0;
}

/* Inside the transaction, what an accepted refund does besides its row:
 * the lines it refunds in full lose their delivery, the audit entry, the
 * mail.  0 or -1. */
static int
accepted(struct db *db, struct job *j, long long now)
{
	for (size_t i = 0; i < j->p->nlines; i++) {
		const struct refund_line *l = &j->p->lines[i];
		if (l->qty == l->left && delivery_revoke_line(db, j->o->id,
		    l->line, "refunded", now) < 0)
			return -1;
	}
	if (audit(db, j, "refund", now) < 0 || (j->ask->mail != NULL &&
	    mail_enqueue(db, j->ask->mail, NULL) < 0))
		return -1;
	j->recorded = 1;
	return 0;
}

/* Inside the transaction, an accepted refund: its row, lines and
 * accepted().  0, 1 when the key was used by a concurrent submit, -1. */
static int
record(struct db *db, struct job *j, const char *status, const char *rid,
    long long now)
{
	int rc;

	if ((rc = write_row(db, j, status, rid, "", now)) <= 0)
		return rc < 0 ? -1 : 1;
	return add_lines(db, j) < 0 || accepted(db, j, now) < 0 ? -1 : 0;
}

/* refund_hook.done of a gateway refund. */
static int
gw_done(void *arg, struct db *db, const char *rid, int pending, int full)
{
	struct job *j = arg;

	(void)full;	/* the payment moved the order (payment.c) */
	return record(db, j, pending ? "pending" : "done", rid,
	    (long long)time(NULL)) < 0 ? -1 : 0;
}

/* refund_hook.refused of a gateway refund. */
static int
gw_refused(void *arg, struct db *db, const char *why)
{
	struct job *j = arg;
	long long now = (long long)time(NULL);
	int rc;

	if ((rc = write_row(db, j, "refused", "", why, now)) < 0)
		return -1;
	j->recorded = rc;
	return rc == 0 ? 0 : audit(db, j, "refund_refused", now);
}

/* refund_hook.down of a gateway refund: the row (pending, waiting for
 * the gateway) and its lines, so what is asked counts as refunded until
 * the gateway refuses it, and an audit entry; no delivery change, no
 * mail before the gateway answers (refund_retry). */
static int
gw_down(void *arg, struct db *db)
{
	struct job *j = arg;
	long long now = (long long)time(NULL);
	int rc;

	if ((rc = write_row(db, j, "pending", "", "", now)) <= 0)
		return rc;	/* 0: a concurrent submit wrote it */
	j->r->waiting = 1;
	j->recorded = 1;
	return add_lines(db, j) < 0 || audit(db, j, "refund_waiting", now) <
	    0 ? -1 : 0;
}

/* Through the order's gateway payment. */
static enum refund_outcome
by_gateway(struct db *db, struct job *j)
{
	const struct refund_hook hook = { gw_done, gw_refused, gw_down, j };
	const char *rid, *why;

	switch (payment_refund_with(db, j->a, j->o->reference,
	    j->p->amount_minor, j->ask->idem, &hook, &rid, &why)) {
	case REFUND_OK:
	case REFUND_PENDING:
		if (!j->recorded)	/* asked before, or a concurrent one */
			break;
		return strcmp(j->r->status, "pending") == 0 ? ROUT_PENDING :
		    ROUT_DONE;
	case REFUND_REFUSED:
		if (!j->recorded)
			break;
		return ROUT_REFUSED;
	case REFUND_NOT_PAID:
	case REFUND_TOO_MUCH:
		return ROUT_CHANGED;
	case REFUND_DOWN:
		if (!j->recorded &&
		    db_order_refund_by_key(db, j->a, j->ask->idem, j->r) != 0)
			return ROUT_ERROR;
		return ROUT_DOWN;
	default:
		return ROUT_ERROR;
	}
	/* The gateway's answer was recorded by another request. */
	if (db_order_refund_by_key(db, j->a, j->ask->idem, j->r) != 0)
		return ROUT_ERROR;
	return ROUT_REPEAT;
}

/* Recorded as paid back by staff outside the store, in one transaction
 * with the plan checked again under the lock. */
static enum refund_outcome
by_hand(struct db *db, struct job *j)
{
	long long now = (long long)time(NULL);
	struct refund_plan again;
	struct order o;
	int rc;

	if (db_begin(db) < 0)
		return ROUT_ERROR;
	/* A double submit waited for the first one's lock: it is done. */
	if ((rc = db_order_refund_by_key(db, j->a, j->ask->idem, j->r)) <= 0) {
		db_rollback(db);
		return rc < 0 ? ROUT_ERROR : ROUT_REPEAT;
	}
	if ((rc = db_order_by_id(db, j->a, j->o->id, &o)) != 0 ||
	    refund_plan(db, j->a, &o, j->p->qty, &again) != RCHECK_OK ||
	    again.amount_minor != j->p->amount_minor || again.gateway) {
		db_rollback(db);
		return rc < 0 ? ROUT_ERROR : ROUT_CHANGED;
	}
	if ((rc = record(db, j, "done", "", now)) != 0) {
		db_rollback(db);
		if (rc < 0)
			return ROUT_ERROR;
		return db_order_refund_by_key(db, j->a, j->ask->idem, j->r) ==
		    0 ? ROUT_REPEAT : ROUT_ERROR;
	}
	if (j->p->amount_minor == j->p->left_minor) {
		enum transition_result tr = order_transition(db, &o,
		    ORDER_REFUNDED, ACTOR_STAFF, "refunded", now);
		if (tr != TRANSITION_OK) {
			db_rollback(db);
			return tr == TRANSITION_ERROR ? ROUT_ERROR :
			    ROUT_CHANGED;
		}
	} else if (db_pay_order_note(db, o.id, "refund_partial", now) < 0) {
		db_rollback(db);
		return ROUT_ERROR;
	}
	if (db_commit(db) < 0) {
		db_rollback(db);
		return ROUT_ERROR;
	}
	return ROUT_DONE;
}

enum refund_outcome
refund_order(struct db *db, struct arena *a, const struct order *o,
    const struct refund_plan *p, const struct refund_ask *ask,
    struct order_refund *r)
{
	struct job j = { a, o, p, ask, r, 0 };
	enum refund_outcome out;
	int rc;

	if ((rc = db_order_refund_by_key(db, a, ask->idem, r)) <= 0)
		return rc < 0 ? ROUT_ERROR : ROUT_REPEAT;
	out = p->gateway ? by_gateway(db, &j) : by_hand(db, &j);
	if (out == ROUT_DONE || out == ROUT_PENDING)
		log_info("order %s: refund %s of %lld (%s) by %s", o->reference,
		    r->kind, p->amount_minor, r->method, ask->who->actor);
	return out;
}

int
refund_plan_of(struct db *db, struct arena *a, const struct order *o,
    const struct order_refund *r, struct refund_plan *p)
{
	struct order_refund_line *rl;
	long long *left, left_minor;
	size_t n;

	memset(p, 0, sizeof(*p));
	if (db_order_refund_lines(db, a, o->id, &rl, &n) < 0 ||
	    refund_left(db, a, o, &left, &left_minor) < 0)
		return -1;
	p->order_id = o->id;
	p->full = strcmp(r->kind, "full") == 0;
	p->gateway = strcmp(r->method, "gateway") == 0;
	p->provider = r->provider;
	p->amount_minor = r->amount_minor;
	p->left_minor = left_minor + r->amount_minor;
	p->lines = arena_alloc(a, (n + 1) * sizeof(*p->lines));
	for (size_t i = 0; i < n; i++) {
		struct refund_line *l;
		if (rl[i].refund_id != r->id || rl[i].line < 1 ||
		    (size_t)rl[i].line > o->nlines)
			continue;
		l = &p->lines[p->nlines++];
		l->line = rl[i].line;
		l->qty = rl[i].qty;
		l->left = left[rl[i].line - 1] + rl[i].qty;
		l->amount_minor = rl[i].amount_minor;
		l->name = o->lines[rl[i].line - 1].name;
	}
	return 0;
}

/* refund_hook.done of a retried refund: its row gets the answer, then
 * accepted() (delivery, audit, mail). */
static int
retry_done(void *arg, struct db *db, const char *rid, int pending, int full)
{
	struct job *j = arg;
	const char *status = pending ? "pending" : "done";

	(void)full;	/* the payment moved the order (payment.c) */
	if (db_order_refund_settle(db, j->r->idem_key, status, rid, "") < 0)
		return -1;
	j->r->status = status;
	j->r->provider_refund_id = rid;
	j->r->waiting = 0;
	return accepted(db, j, (long long)time(NULL));
}

/* refund_hook.refused of a retried refund: its row refused with the
 * gateway's words (it stops counting as refunded), an audit entry. */
static int
retry_refused(void *arg, struct db *db, const char *why)
{
	struct job *j = arg;

	if (db_order_refund_settle(db, j->r->idem_key, "refused", "", why) < 0)
		return -1;
	j->r->status = "refused";
	j->r->answer = why;
	j->r->waiting = 0;
	j->recorded = 1;
	return audit(db, j, "refund_refused", (long long)time(NULL));
}

enum refund_outcome
refund_retry(struct db *db, struct arena *a, const struct order *o,
    struct order_refund *r, const struct audit_entry *who,
    const struct mail *mail)
{
	struct refund_ask ask = { r->idem_key, r->reason, who, mail };
	struct refund_plan p;
	struct job j = { a, o, &p, &ask, r, 0 };
	const struct refund_hook hook = { retry_done, retry_refused, NULL, &j };
	struct pay_refund rf;
	const char *rid, *why;

	if (!r->waiting)
		return ROUT_REPEAT;
	if (db_refund_by_key(db, a, r->idem_key, &rf) != 0 ||
	    refund_plan_of(db, a, o, r, &p) < 0)
		return ROUT_ERROR;
	switch (payment_refund_retry(db, a, &rf, &hook, &rid, &why)) {
	case REFUND_OK:
	case REFUND_PENDING:
		if (!j.recorded)
			break;
		log_info("order %s: refund of %lld answered on retry by %s",
		    o->reference, r->amount_minor, who->actor);
		return strcmp(r->status, "pending") == 0 ? ROUT_PENDING :
		    ROUT_DONE;
	case REFUND_REFUSED:
		if (!j.recorded)
			break;
		return ROUT_REFUSED;
	case REFUND_DOWN:
		return ROUT_DOWN;
	default:
		return ROUT_ERROR;
	}
	/* Another retry recorded the answer first. */
	return db_order_refund_by_key(db, a, r->idem_key, r) == 0 ?
	    ROUT_REPEAT : ROUT_ERROR;
}

int
refund_retry_due(struct db *db, struct arena *a, long long now,
    struct refund_retry_stats *s)
{
	static const struct audit_entry cron = { .actor = "soukctl cron",
	    .addr = "" };
	struct order_refund *r;
	struct order o;
	size_t n;

	memset(s, 0, sizeof(*s));
	/* Asked a minute ago or more (not one a request is still asking),
	 * and within the day Stripe keeps an Idempotency-Key. */
	if (db_order_refund_waiting(db, a, now - REFUND_RETRY_FOR, now - 60,
	    100, &r, &n) < 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		s->checked++;
		if (db_order_by_id(db, a, r[i].order_id, &o) != 0) {
			s->failed++;
			continue;
		}
		switch (refund_retry(db, a, &o, &r[i], &cron, NULL)) {
		case ROUT_DONE:
		case ROUT_PENDING:
			s->done++;
			break;
		case ROUT_REFUSED:
			s->refused++;
			break;
		case ROUT_REPEAT:
			break;
		default:
			s->failed++;
			break;
		}
	}
	return 0;
}
