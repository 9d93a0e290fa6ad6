/* db_payment.h — gateway payments, webhook events and refunds in the
 * database (tables payments, payment_events, payment_refunds; migration
 * 012).  Strings live in the caller's arena.  Writes marked "inside the
 * caller's transaction" expect db_begin() ... db_commit() around them. */
#ifndef SOUK_DB_PAYMENT_H
#define SOUK_DB_PAYMENT_H
#include <stddef.h>

#include "arena.h"
#include "db.h"

struct payment {
	long long	 id, order_id, attempt;
	const char	*provider, *provider_id, *currency, *mode, *status;
	const char	*url, *charge_ref, *note;
	long long	 amount_minor, refunded_minor;
	long long	 expires_at, created_at;
};

/* Inserts p (status open); p->id is set.  0, 1 when (provider,
 * provider_id) or (order, provider, attempt) exists already, -1. */
int	db_payment_add(struct db *, struct payment *p, long long now);
/* The open payment of order by provider still open at now (the newest):
 * 0, 1 none, -1. */
int	db_payment_open(struct db *, struct arena *, long long order_id,
	    const char *provider, long long now, struct payment *);
/* The payment of order by provider at attempt: 0, 1 none, -1. */
int	db_payment_attempt(struct db *, struct arena *, long long order_id,
	    const char *provider, long long attempt, struct payment *);
/* How many payments order has by provider, or -1. */
long long db_payment_count(struct db *, long long order_id,
	    const char *provider);
/* By the gateway's id: 0, 1 none, -1. */
int	db_payment_by_pid(struct db *, struct arena *, const char *provider,
	    const char *provider_id, struct payment *);
/* By Stripe's payment_intent (charge_ref): 0, 1 none, -1. */
int	db_payment_by_charge(struct db *, struct arena *, const char *provider,
	    const char *charge_ref, struct payment *);
/* The payments of an order, oldest first. */
int	db_payment_list(struct db *, struct arena *, long long order_id,
	    struct payment **, size_t *);
/* Open payments created at or before `before`, oldest first, at most
 * limit (reconciliation). */
int	db_payment_open_all(struct db *, struct arena *, long long before,
	    size_t limit, struct payment **, size_t *);
/* Inside the caller's transaction: an open payment id becomes status
 * (with charge_ref when not "" and note): 1 when it changed, 0 when it
 * was no longer open, -1. */
int	db_payment_close(struct db *, long long id, const char *status,
	    const char *charge_ref, const char *note, long long now);
/* Inside the caller's transaction: adds amount to refunded_minor and sets
 * status (NULL: unchanged).  0 or -1. */
int	db_payment_refunded(struct db *, long long id, long long amount,
	    const char *status, long long now);

/* Inside the caller's transaction: records webhook event (provider,
 * event_id) of type about provider_id; returns its row id, 0 when it was
 * received before, -1. */
long long db_payment_event_add(struct db *, const char *provider,
	    const char *event_id, const char *type, const char *provider_id,
	    long long now);
/* Sets what event row id did.  0 or -1. */
int	db_payment_event_result(struct db *, long long id, const char *result);

/* A refund asked of a gateway (payment_refunds): status pending (not
 * answered yet), done (accepted) or refused. */
struct pay_refund {
	long long	 id, payment_id, order_id, amount_minor, created_at;
	const char	*idem_key, *status, *provider_refund_id, *reason;
};

/* The refund asked under idem_key: 0, 1 none, -1. */
int	db_refund_by_key(struct db *, struct arena *, const char *idem_key,
	    struct pay_refund *);
/* Inside the caller's transaction: records a refund request under
 * idem_key (status pending).  Returns 1 when new, 0 when the key was used
 * before, -1; *row, *status (and for a known key *rid, *reason) are set. */
int	db_refund_add(struct db *, struct arena *, long long payment_id,
	    long long amount, const char *idem_key, long long now,
	    long long *row, const char **status, const char **rid,
	    const char **reason);
/* Sets the outcome of refund row id.  0 or -1. */
int	db_refund_set(struct db *, long long id, const char *status,
	    const char *refund_id, const char *reason);
/* Inside the caller's transaction: refund row id, if still pending,
 * gets its outcome.  1 when this call set it, 0 when another had (a
 * concurrent request with the same key), -1. */
int	db_refund_settle(struct db *, long long id, const char *status,
	    const char *refund_id, const char *reason);
/* How many refunds of payment id the gateway refused, or -1. */
long long db_refund_refused(struct db *, long long payment_id);
/* Sum of the refunds of payment id the gateway accepted, or -1. */
long long db_refund_total(struct db *, long long payment_id);

/* Inside the caller's transaction: a history entry with the order's
 * current status and note (a payment flagged for staff).  0 or -1. */
int	db_pay_order_note(struct db *, long long order_id, const char *note,
	    long long now);
/* The id of the order with this reference, 0 when none, -1. */
long long db_pay_order_id(struct db *, const char *reference);
/* Orders awaiting payment by one of the gateway methods (card, wallet),
 * placed at or before cutoff, with no payment open, paid or flagged (an
 * open one may still be paid: reconciliation verifies it first); at most
 * limit ids. */
int	db_pay_unpaid_orders(struct db *, struct arena *, long long cutoff,
	    size_t limit, long long **ids, size_t *n);

#endif
