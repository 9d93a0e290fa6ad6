/* payment.h — online payments of orders through a gateway (gateway.h):
 * open one, settle it from what the gateway says, refund it, reconcile
 * (docs/payments.md).
 *
 * Rules kept here, for checkout, the hooks program and soukctl alike:
 *   - an order has at most one open payment per gateway, reused (a double
 *     click, a reload or a second tab never open a second charge); every
 *     gateway POST carries an idempotency key derived from the order and
 *     the attempt, so a retried call is the same session;
 *   - nothing is paid from what a shopper's browser or a webhook body says:
 *     the gateway's own answer to verify decides;
 *   - the gateway's amount and currency must equal the order's exactly,
 *     else the payment is "mismatch", the order stays unpaid and its
 *     history says "payment_mismatch" for staff;
 *   - a payment pays exactly one order, and an order is paid at most once
 *     (conditional updates inside one BEGIN IMMEDIATE transaction that
 *     also queues the shopper's "payment received" mail). */
#ifndef SOUK_PAYMENT_H
#define SOUK_PAYMENT_H
#include "arena.h"
#include "db.h"
#include "db_payment.h"
#include "gateway.h"
#include "order.h"

enum start_result {
	START_ERROR = -1,
	START_OK = 0,
	START_CLOSED,		/* the order no longer awaits payment */
	START_DOWN,		/* the gateway did not answer or refused */
};

/* The hosted page for order o by gateway g: the open payment's, or a new
 * payment's (recorded).  *url is an arena string on START_OK. */
enum start_result payment_start(struct db *, struct arena *,
		    const struct order *o, const struct gateway *g,
		    const char **url);

enum settle_result {
	SETTLE_ERROR = -1,
	SETTLE_PAID = 0,	/* this call paid the order */
	SETTLE_SAME,		/* nothing changed (settled before, still open) */
	SETTLE_CLOSED,		/* failed or expired: no money taken */
	SETTLE_MISMATCH,	/* paid, but not the order's amount/currency */
	SETTLE_UNKNOWN,		/* no payment of ours has that id */
	SETTLE_DOWN,		/* the gateway could not be asked (down,
				 * refused, slow): the payment stays open */
};

/* Inside the caller's transaction: applies what the gateway said of one
 * of our payments (gp, from verify) to it and its order, queueing the
 * paid mail with the transition. */
enum settle_result payment_apply(struct db *, struct arena *,
		    const struct gateway *g, const struct gw_payment *gp);
/* Asks the gateway about payment p and applies the answer in its own
 * transaction.  SETTLE_DOWN when the gateway could not be asked (the
 * payment stays open for reconciliation). */
enum settle_result payment_verify(struct db *, struct arena *,
		    const struct payment *p);
/* payment_verify() of every open payment of order id; the last result
 * that changed something, else SETTLE_SAME (or SETTLE_ERROR, or
 * SETTLE_DOWN when the gateway of one could not be asked). */
enum settle_result payment_verify_order(struct db *, struct arena *,
		    long long order_id);

enum refund_result {
	REFUND_ERROR = -1,
	REFUND_OK = 0,
	REFUND_PENDING,		/* accepted, the gateway finishes it later */
	REFUND_NOT_PAID,	/* the order has no paid gateway payment */
	REFUND_TOO_MUCH,	/* more than what is left to refund */
	REFUND_REFUSED,		/* the gateway said no: *why */
	REFUND_DOWN,		/* the gateway did not answer: the request
				 * stays pending, ask again with the same
				 * key */
};

/* What a caller records with a refund, in the transaction that records
 * the gateway's answer (refund.h: the staff's refund row, lines, audit,
 * the shopper's mail).  Each returns 0 or -1 (the transaction is rolled
 * back; for done the gateway has refunded already, so -1 is logged and
 * the refund row stays pending for a retry with the same key). */
struct refund_hook {
	/* Accepted: refund_id, pending 1 when the gateway finishes later,
	 * full 1 when it refunded all that was left (the order has just
	 * moved to refunded). */
	int	(*done)(void *arg, struct db *, const char *refund_id,
		    int pending, int full);
	/* Refused with the gateway's reason. */
	int	(*refused)(void *arg, struct db *, const char *why);
	/* Not answered (down, slow): the request stays pending for
	 * payment_refund_retry(); NULL records nothing. */
	int	(*down)(void *arg, struct db *);
	void	*arg;
};

/* Refunds amount (0: all that is left) of the paid payment of order
 * `reference` through its gateway.  The key `idem` (NULL: derived from
 * the order, the amount and how much was refunded before) makes a retry
 * one refund.  A full refund moves the order to refunded; a refused one
 * changes nothing but the refund row.  *refund_id and *why: arena
 * strings. */
enum refund_result payment_refund(struct db *, struct arena *,
		    const char *reference, long long amount, const char *idem,
		    const char **refund_id, const char **why);
/* payment_refund() with hook (may be NULL) run inside the transaction
 * that records the gateway's answer.  A refund asked before under the
 * same key returns its stored outcome without running the hook. */
enum refund_result payment_refund_with(struct db *, struct arena *,
		    const char *reference, long long amount, const char *idem,
		    const struct refund_hook *hook, const char **refund_id,
		    const char **why);

/* Asks the gateway again, under the same Idempotency-Key, for refund rf
 * it has not answered (status pending; done or refused answer the stored
 * outcome), recording the answer as payment_refund_with() does (hook's
 * down is not called again). */
enum refund_result payment_refund_retry(struct db *, struct arena *,
		    const struct pay_refund *rf, const struct refund_hook *hook,
		    const char **refund_id, const char **why);

struct reconcile_stats {
	int	 checked, paid, closed, failed, expired;
};
/* soukctl cron: verifies the payments left open older than a minute, then
 * cancels orders by card or wallet left unpaid pay_expire_after seconds
 * with no payment still open, giving their stock back. */
int		 payment_reconcile(struct db *, struct arena *, long long now,
		    struct reconcile_stats *);

#endif
