/* payment.c — see payment.h. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "csrf.h"
#include "db_order.h"
#include "log.h"
#include "mail.h"
#include "money.h"
#include "order_flow.h"
#include "pay.h"
#include "payment.h"
#include "store_conf.h"
#include "tmpl.h"

/* An idempotency key for a gateway POST: HMAC under the store secret of
 * what the call is about (arena string). */
static const char *
idem_key(struct arena *a, const char *what, const char *about)
{
	char mac[CSRF_TOKEN_LEN + 1];

	csrf_token(mac, what, about);
	return arena_printf(a, "souk-%s", mac);
}

enum start_result
payment_start(struct db *db, struct arena *a, const struct order *o,
    const struct gateway *g, const char **url)
{
	long long now = (long long)time(NULL), n;
	struct gw_request q = { 0 };
	struct gw_payment gp = { 0 };
	struct payment p = { 0 };
	const char *base = conf_str(CONF_BASE_URL), *why;
	int rc;

	if (strcmp(o->status, "awaiting_payment") != 0)
		return START_CLOSED;
	/* The open session of this order, if any: the same hosted page. */
	if ((rc = db_payment_open(db, a, o->id, g->id, now + 60, &p)) <= 0) {
		*url = p.url;
		return rc == 0 ? START_OK : START_ERROR;
	}
	if ((n = db_payment_count(db, o->id, g->id)) < 0)
		return START_ERROR;
	q.reference = o->reference;
	q.amount_minor = o->total_minor;
	q.currency = o->currency;
	q.success_url = arena_printf(a, "%s/pay/%s/return", base, o->token);
	q.fail_url = arena_printf(a, "%s/pay/%s/return?failed=1", base,
	    o->token);
	q.webhook_url = arena_printf(a, "%s/hooks/%s", base, g->id);
	q.timeout = conf_int(CONF_PAY_SESSION_TIMEOUT);
	/* Two clicks at once compute the same attempt, so the same key: the
	 * gateway answers both with one session. */
	q.idem_key = idem_key(a, "pay", arena_printf(a, "%s/%s/%lld",
	    o->token, g->id, n));
	if (g->create(a, &q, &gp, &why) != GW_OK) {
		log_warn("order %s: %s payment not opened: %s", o->reference,
		    g->id, why);
		return START_DOWN;
	}
	p.provider = g->id;
	p.provider_id = gp.id;
	p.order_id = o->id;
	p.attempt = n;
	p.amount_minor = o->total_minor;
	p.currency = o->currency;
	p.mode = gw_live() ? "live" : "test";
	p.url = gp.url;
	p.charge_ref = gp.charge_ref;
	p.expires_at = now + q.timeout;
	if ((rc = db_payment_add(db, &p, now)) < 0)
		return START_ERROR;
	if (rc == 1 && db_payment_attempt(db, a, o->id, g->id, n, &p) != 0)
		return START_ERROR;	/* the other click recorded it */
	*url = p.url;
	return START_OK;
}

/* The shopper's "payment received" mail for o, in o's language, built
 * from language strings only (nothing the shopper typed). */
static void
paid_mail(struct arena *a, const struct order *o, struct mail *m)
{
	enum lang l = (enum lang)lang_from_code(o->lang);
	char amount[64];

	money_store(amount, sizeof(amount), o->total_minor, l);
	memset(m, 0, sizeof(*m));
	m->to = o->email;
	m->reply_to = conf_str(CONF_SHOP_EMAIL);
	m->subject = arena_printf(a, "%s %s — %s", tmpl_str(l,
	    "mail.paid_subject"), o->reference, conf_str(CONF_STORE_NAME));
	m->text = arena_printf(a, "%s %s: %s.\n\n%s\n%s/order/%s\n\n%s\n",
	    tmpl_str(l, "mail.paid_intro"), o->reference, amount,
	    tmpl_str(l, "mail.follow"), conf_str(CONF_BASE_URL), o->token,
	    conf_str(CONF_STORE_NAME));
}

/* Closes p as mismatch with note why, and flags the order for staff. */
static enum settle_result
mismatch(struct db *db, const struct payment *p, const char *why,
    long long now)
{
	log_warn("payment %s %s: not applied: %s", p->provider, p->provider_id,
	    why);
	if (db_payment_close(db, p->id, "mismatch", NULL, why, now) < 0 ||
	    db_pay_order_note(db, p->order_id, "payment_mismatch", now) < 0)
		return SETTLE_ERROR;
	return SETTLE_MISMATCH;
}

enum settle_result
payment_apply(struct db *db, struct arena *a, const struct gateway *g,
    const struct gw_payment *gp)
{
	long long now = (long long)time(NULL);
	enum transition_result tr;
	struct payment p;
	struct order o;
	struct mail m;
	int rc;

	if ((rc = db_payment_by_pid(db, a, g->id, gp->id, &p)) != 0)
		return rc < 0 ? SETTLE_ERROR : SETTLE_UNKNOWN;
	if (strcmp(p.status, "open") != 0 || gp->state == GW_OPEN)
		return SETTLE_SAME;
	if (gp->state != GW_PAID) {
		rc = db_payment_close(db, p.id, gp->state == GW_EXPIRED ?
		    "expired" : "failed", NULL, "", now);
		return rc < 0 ? SETTLE_ERROR : rc ? SETTLE_CLOSED : SETTLE_SAME;
	}
	if (db_order_by_id(db, a, p.order_id, &o) != 0)
		return SETTLE_ERROR;
	if (gp->amount_minor != p.amount_minor ||
	    gp->amount_minor != o.total_minor)
		return mismatch(db, &p, arena_printf(a, "amount %lld, order "
		    "%lld", gp->amount_minor, o.total_minor), now);
	if (strcmp(gp->currency, o.currency) != 0 ||
	    strcmp(p.currency, o.currency) != 0)
		return mismatch(db, &p, arena_printf(a, "currency %s, order %s",
		    gp->currency, o.currency), now);
	if (gp->reference && *gp->reference &&
	    strcmp(gp->reference, o.reference) != 0)
		return mismatch(db, &p, "another order's reference", now);
	if (gp->live != (strcmp(p.mode, "live") == 0))
		return mismatch(db, &p, "test and live mode mixed", now);
	tr = order_transition(db, &o, ORDER_PAID, ACTOR_SYSTEM,
	    strcmp(g->id, "stripe") == 0 ? "paid_card" : "paid_wallet", now);
	if (tr == TRANSITION_ERROR)
		return SETTLE_ERROR;
	if (tr != TRANSITION_OK)  /* paid otherwise, or cancelled: give back */
		return mismatch(db, &p, arena_printf(a, "order is %s",
		    o.status), now);
	if (db_payment_close(db, p.id, "paid", gp->charge_ref, "", now) != 1)
		return SETTLE_ERROR;
	paid_mail(a, &o, &m);
	if (mail_enqueue(db, &m, NULL) < 0)
		return SETTLE_ERROR;
	log_info("order %s: paid by %s %s", o.reference, g->id, gp->id);
	return SETTLE_PAID;
}

enum settle_result
payment_verify(struct db *db, struct arena *a, const struct payment *p)
{
	const struct gateway *g = gw_get(p->provider);
	struct gw_payment gp;
	enum settle_result r;
	const char *why;

	if (g == NULL)
		return SETTLE_ERROR;
	if (g->verify(a, p->provider_id, &gp, &why) != GW_OK) {
		log_warn("payment %s %s: not verified: %s", p->provider,
		    p->provider_id, why);
		return SETTLE_DOWN;
	}
	if (db_begin(db) < 0)
		return SETTLE_ERROR;
	if ((r = payment_apply(db, a, g, &gp)) == SETTLE_ERROR ||
	    db_commit(db) < 0) {
		db_rollback(db);
		return SETTLE_ERROR;
	}
	return r;
}

enum settle_result
payment_verify_order(struct db *db, struct arena *a, long long order_id)
{
	enum settle_result out = SETTLE_SAME, r;
	struct payment *p;
	size_t n;

	if (db_payment_list(db, a, order_id, &p, &n) < 0)
		return SETTLE_ERROR;
	for (size_t i = 0; i < n; i++) {
		if (strcmp(p[i].status, "open") != 0)
			continue;
		if ((r = payment_verify(db, a, &p[i])) != SETTLE_SAME)
			out = r;
	}
	return out;
}

/* The paid payment of order id into *p: 0, 1 none, -1. */
static int
paid_payment(struct db *db, struct arena *a, long long order_id,
    struct payment *p)
{
	struct payment *all;
	size_t n;

	if (db_payment_list(db, a, order_id, &all, &n) < 0)
		return -1;
	for (size_t i = 0; i < n; i++)
		if (strcmp(all[i].status, "paid") == 0) {
			*p = all[i];
			return 0;
		}
	return 1;
}

/* Records the gateway's answer to refund row `row` of payment p: the
 * row, the payment's refunded amount and, when all is refunded, the order
 * (order_transition to refunded; else a "refund_partial" history entry),
 * then the hook's own records, in one transaction.  0, 1 when another
 * request with the same key recorded it first (nothing written), -1. */
static int
refund_done(struct db *db, struct arena *a, const struct payment *p,
    long long row, long long amount, const char *refund_id, long long done,
    int pending, const struct refund_hook *hook, long long now)
{
	int full = done + amount == p->amount_minor, rc;
	struct order o;

	if (db_begin(db) < 0)
		return -1;
	if ((rc = db_refund_settle(db, row, "done", refund_id, "")) <= 0) {
		db_rollback(db);
		return rc < 0 ? -1 : 1;
	}
	if (db_payment_refunded(db, p->id, amount, full ? "refunded" : NULL,
	    now) < 0 || db_order_by_id(db, a, p->order_id, &o) != 0 ||
	    (full ? order_transition(db, &o, ORDER_REFUNDED, ACTOR_STAFF,
	    "refunded", now) == TRANSITION_ERROR : db_pay_order_note(db,
	    p->order_id, "refund_partial", now) < 0) ||
	    (hook != NULL && hook->done != NULL &&
	    hook->done(hook->arg, db, refund_id, pending, full) < 0) ||
	    db_commit(db) < 0) {
		db_rollback(db);
		return -1;
	}
	return 0;
}

/* Records the gateway's refusal of refund row `row` (and the hook's
 * records) in one transaction.  0 or -1. */
static int
refund_refused(struct db *db, long long row, const char *why,
    const struct refund_hook *hook)
{
	if (db_begin(db) < 0)
		return -1;
	if (db_refund_settle(db, row, "refused", "", why) < 0 ||
	    (hook != NULL && hook->refused != NULL &&
	    hook->refused(hook->arg, db, why) < 0) || db_commit(db) < 0) {
		db_rollback(db);
		return -1;
	}
	return 0;
}

enum refund_result
payment_refund(struct db *db, struct arena *a, const char *reference,
    long long amount, const char *idem, const char **refund_id,
    const char **why)
{
	return payment_refund_with(db, a, reference, amount, idem, NULL,
	    refund_id, why);
}

/* Records that the gateway did not answer refund request `idem` (the
 * hook's records of a refund waiting for it) in one transaction.  0 or
 * -1. */
static int
refund_unanswered(struct db *db, const struct refund_hook *hook)
{
	if (hook == NULL || hook->down == NULL)
		return 0;
	if (db_begin(db) < 0)
		return -1;
	if (hook->down(hook->arg, db) < 0 || db_commit(db) < 0) {
		db_rollback(db);
		return -1;
	}
	return 0;
}

/* Asks g to refund amount of paid payment p under key idem (refund row
 * `row`, pending) and records its answer (see payment_refund_with). */
static enum refund_result
ask_refund(struct db *db, struct arena *a, const struct gateway *g,
    const struct payment *p, long long row, long long amount,
    const char *idem, const struct refund_hook *hook, const char **refund_id,
    const char **why)
{
	long long now = (long long)time(NULL), done;
	enum gw_result gr;
	int pending = 0, rc;

	if ((done = db_refund_total(db, p->id)) < 0)
		return REFUND_ERROR;
	gr = g->refund(a, p->charge_ref, amount, p->amount_minor, idem,
	    refund_id, &pending, why);
	if (gr == GW_ERROR) {	/* the row stays pending: retried later */
		log_warn("payment %s %s: refund of %lld not answered: %s",
		    g->id, p->provider_id, amount, *why);
		return refund_unanswered(db, hook) < 0 ? REFUND_ERROR :
		    REFUND_DOWN;
	}
	if (gr == GW_REFUSED) {
		log_warn("payment %s %s: refund refused: %s", g->id,
		    p->provider_id, *why);
		return refund_refused(db, row, *why, hook) < 0 ?
		    REFUND_ERROR : REFUND_REFUSED;
	}
	if ((rc = refund_done(db, a, p, row, amount, *refund_id, done,
	    pending, hook, now)) < 0) {
		log_error("payment %s %s: refund %s not recorded; ask again "
		    "with the same key", g->id, p->provider_id, *refund_id);
		return REFUND_ERROR;
	}
	if (rc == 0)
		log_info("payment %s %s: refunded %lld (%s)", g->id,
		    p->provider_id, amount, *refund_id);
	return pending ? REFUND_PENDING : REFUND_OK;
}

enum refund_result
payment_refund_with(struct db *db, struct arena *a, const char *reference,
    long long amount, const char *idem, const struct refund_hook *hook,
    const char **refund_id, const char **why)
{
	long long now = (long long)time(NULL), oid, done, row;
	const char *st = "", *reason = "";
	const struct gateway *g;
	struct payment p;
	int rc;

	*refund_id = "";
	*why = "";
	if ((oid = db_pay_order_id(db, reference)) <= 0)
		return oid < 0 ? REFUND_ERROR : REFUND_NOT_PAID;
	if ((rc = paid_payment(db, a, oid, &p)) != 0)
		return rc < 0 ? REFUND_ERROR : REFUND_NOT_PAID;
	if ((g = gw_get(p.provider)) == NULL ||
	    (done = db_refund_total(db, p.id)) < 0)
		return REFUND_ERROR;
	if (amount == 0)
		amount = p.amount_minor - done;
	if (amount <= 0 || amount > p.amount_minor - done)
		return REFUND_TOO_MUCH;
	/* Asking again for the same amount before the gateway answered: the
	 * same key, so the gateway makes one refund of both; after an answer
	 * (done or refused) a new request is a new refund. */
	if (idem == NULL) {
		long long refused = db_refund_refused(db, p.id);
		if (refused < 0)
			return REFUND_ERROR;
		idem = idem_key(a, "refund", arena_printf(a, "%lld/%lld/%lld/"
		    "%lld", p.id, amount, done, refused));
	}
	if (db_begin(db) < 0)
		return REFUND_ERROR;
	rc = db_refund_add(db, a, p.id, amount, idem, now, &row, &st,
	    refund_id, &reason);
	if (rc < 0 || db_commit(db) < 0) {
		db_rollback(db);
		return REFUND_ERROR;
	}
	if (strcmp(st, "done") == 0)
		return REFUND_OK;
	if (strcmp(st, "refused") == 0) {
		*why = reason;
		return REFUND_REFUSED;
	}
	/* New, or asked before without an answer: ask (again, same key). */
	return ask_refund(db, a, g, &p, row, amount, idem, hook, refund_id,
	    why);
}

enum refund_result
payment_refund_retry(struct db *db, struct arena *a,
    const struct pay_refund *rf, const struct refund_hook *hook,
    const char **refund_id, const char **why)
{
	const struct gateway *g;
	struct payment *all;
	size_t n, i;

	*refund_id = rf->provider_refund_id;
	*why = rf->reason;
	if (strcmp(rf->status, "done") == 0)
		return REFUND_OK;
	if (strcmp(rf->status, "refused") == 0)
		return REFUND_REFUSED;
	if (db_payment_list(db, a, rf->order_id, &all, &n) < 0)
		return REFUND_ERROR;
	for (i = 0; i < n && all[i].id != rf->payment_id; i++)
		;
	if (i == n || (g = gw_get(all[i].provider)) == NULL)
		return REFUND_ERROR;
	return ask_refund(db, a, g, &all[i], rf->id, rf->amount_minor,
	    rf->idem_key, hook, refund_id, why);
}

int
payment_reconcile(struct db *db, struct arena *a, long long now,
    struct reconcile_stats *s)
{
	struct payment *p;
	long long *ids;
	size_t n;

	memset(s, 0, sizeof(*s));
	if (db_payment_open_all(db, a, now - 60, 500, &p, &n) < 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		s->checked++;
		switch (payment_verify(db, a, &p[i])) {
		case SETTLE_PAID:
			s->paid++;
			break;
		case SETTLE_CLOSED:
		case SETTLE_MISMATCH:
			s->closed++;
			break;
		case SETTLE_ERROR:
		case SETTLE_DOWN:
			s->failed++;
			break;
		default:
			break;
		}
	}
	if (db_pay_unpaid_orders(db, a, now - conf_int(CONF_PAY_EXPIRE_AFTER),
	    500, &ids, &n) < 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		enum transition_result tr;
		if (db_begin(db) < 0)
			return -1;
		tr = order_cancel(db, a, ids[i], ACTOR_SYSTEM, "expired", now);
		if (tr == TRANSITION_ERROR || db_commit(db) < 0) {
			db_rollback(db);
			return -1;
		}
		s->expired += tr == TRANSITION_OK;
	}
	return 0;
}
