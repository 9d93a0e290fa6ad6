/* subs.h — subscription rules: start and renewal at payment, access
 * delivery from the credential pool, statuses, reminders.
 *
 * A paid order line for a plan starts a subscription (starts now, ends
 * after the plan's months and days, times the quantity) or, when the same
 * customer (account, else address) already has a live or suspended one
 * for the product, extends it: from its end while it runs, from now once
 * it has ended.  A pool product (soukctl credentials import) gives the
 * new subscription the oldest free credential, atomically (the UPDATE in
 * the payment's transaction; credentials.subscription_id is UNIQUE), or
 * flags it 'waiting' when the pool is empty; importing more serves the
 * waiting ones first.  Mails say access is ready and link to the page
 * that shows it, never the secret.
 *
 * Status: suspended and cancelled are set (with a reason); otherwise
 * expired once ends_at has passed, expiring within expiring_days, else
 * active.  Reminders: soukctl cron -> subs_remind(). */
#ifndef SOUK_SUBS_H
#define SOUK_SUBS_H
#include "db.h"
#include "db_subs.h"

/* Inside the payment's transaction (delivery_on_status), paid at now.
 * 0 or -1. */
int	subscriptions_start_for_order(struct db *, long long order_id,
	    long long now);
/* Inside the cancellation's or refund's transaction: the subscriptions
 * that order started are cancelled with reason at now.  0 or -1. */
int	subscriptions_cancel_for_order(struct db *, long long order_id,
	    const char *reason, long long now);
/* "active", "expiring", "expired", "suspended" or "cancelled". */
const char *sub_status(const struct subscription *, long long now);
/* ends + months (calendar) + days, in UTC. */
long long sub_add_period(long long from, int months, int days);
/* Gives waiting subscriptions of product_id their credentials (after an
 * import), each in its own transaction with its mail.  Count or -1. */
int	subs_serve_waiting(struct db *, long long product_id);

/* The renewal link's query ("s=ID&k=SIG") for subscription id (arena). */
const char *sub_renew_query(struct arena *, long long id);
/* 1 when sig is the renewal signature of subscription id. */
int	sub_renew_valid(long long id, const char *sig);

struct remind_stats {
	int	sent, skipped;
};
/* Sends the reminders due at now: for each live subscription, the
 * nearest reminder day it has reached (reminder_days, or the product's
 * own), and 'expired' once it has ended (up to 30 days after).  Each is
 * claimed (subscription_reminders) and its mail queued in one
 * transaction, so it goes once even with two crons at once.  0 or -1. */
int	subs_remind(struct db *, long long now, struct remind_stats *);

/* Inside the caller's transaction: staff give subscription sub the
 * access details json (cred_json()): sealed, replacing any it held (that
 * one is deleted, never back in the pool), access ready, the "access is
 * ready" mail queued (without the secret).  0, DB_NONE (no such
 * subscription), -1. */
int	subs_give_access(struct db *, long long sub, const char *json,
	    long long now);

/* Queues mail `kind` about s in the caller's transaction: to its
 * customer (ready, replaced, reminder, expired, extended, suspended,
 * resumed, cancelled; reason shown for suspended and cancelled) or, for
 * low, to shop_email.  days: a reminder's days, or the credentials left
 * (low).  The ready and replaced mails link to where the credentials are
 * shown and carry them only when credentials_in_mail is 1.  0 or -1. */
int	subs_mail(struct db *, struct arena *, const struct subscription *,
	    const char *kind, long long days, const char *reason);

#endif
