/* cmd_cron.c — soukctl cron: the store's periodic work, run every few
 * minutes by cron or a systemd timer (docs/order-limits.md; `make run` runs it
 * every 5 minutes).
 *
 *   cron [--now UNIX] [--no-mail]
 *
 * 1. Unpaid orders expire: an order awaiting payment with no proof,
 *    placed longer ago than its method's hold (order_hold_<method>; 0:
 *    never), is cancelled, its stock given back and a mail queued to the
 *    shopper, all in one transaction per order (order_transition).  The
 *    order is checked again under the write lock, so two runs at once
 *    cancel it, restock it and mail about it once.
 * 2. Online payments are reconciled (payment_reconcile, docs/payments.md):
 *    payments left open are verified with their gateway (the shopper
 *    closed the tab, the webhook never came, the gateway was down), and
 *    card/wallet orders unpaid pay_expire_after seconds with no payment
 *    still open are cancelled, their stock given back.
 * 3. Gateway refunds left waiting (the gateway did not answer; asked a
 *    minute to 23 hours ago) are asked again under the same Idempotency-Key
 *    (refund_retry_due, docs/payments.md): done or refused, with an audit
 *    entry (actor "soukctl cron"; no mail: staff tell the shopper), or
 *    left waiting for the next run.
 * 4. Subscription reminders (subs_remind, docs/delivery.md): each
 *    reminder due (reminder_days before the end, and at expiry) is claimed
 *    and its mail queued in one transaction, so it goes exactly once even
 *    with two runs at once.
 * 5. Due mail is delivered (as `soukctl mail run`) unless --no-mail.
 *
 * --now sets the clock every step compares against (seconds since 1970,
 * UTC): for tests and for an operator checking what a later run would do.
 * Without it: the store's clock (clock.h; SOUK_NOW under test_clock).
 * The mail sent to an address nobody has verified echoes no text the
 * shopper typed (no name): the reference, the hold and the order link. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "arena.h"
#include "buf.h"
#include "clock.h"
#include "store_conf.h"
#include "ctl.h"
#include "db_order.h"
#include "order_flow.h"
#include "lang.h"
#include "log.h"
#include "mail.h"
#include "order.h"
#include "payment.h"
#include "refund.h"
#include "subs.h"
#include "tmpl.h"

#define BATCH	100	/* orders read per query */

/* Renders the cancellation mail for o into m (strings in a); 0 or -1. */
static int
expiry_mail(struct arena *a, const struct order *o, long long hold,
    struct mail *m)
{
	int code = lang_from_code(o->lang);
	enum lang l = (enum lang)(code < 0 ? lang_from_code(
	    conf_str(CONF_DEFAULT_LANG)) : code);
	HDF *h = tmpl_hdf(l);
	struct buf b = { 0 };
	int rc;

	hdf_put(h, "Mail.reference", o->reference);
	hdf_put_int(h, "Mail.hours", (hold + 3599) / 3600);
	hdf_put(h, "Mail.url", arena_printf(a, "%s/order/%s",
	    conf_str(CONF_BASE_URL), o->token));
	rc = mail_render(l, "mail/order_expired", &b);
	memset(m, 0, sizeof(*m));
	m->to = o->email;
	m->reply_to = conf_str(CONF_SHOP_EMAIL);
	m->subject = arena_printf(a, "%s %s — %s", tmpl_str(l,
	    "mail.expired_subject"), o->reference, conf_str(CONF_STORE_NAME));
	m->text = rc == 0 ? arena_strdup(a, b.data ? b.data : "") : NULL;
	buf_free(&b);
	return m->text != NULL ? 0 : -1;
}

/* Expires order id (see the top of this file); 1 cancelled, 0 not (no
 * longer expirable), -1 on error. */
static int
expire_one(struct db *db, struct arena *a, long long id, long long cutoff,
    long long hold, long long now)
{
	struct order o;
	struct mail m;
	enum transition_result r = TRANSITION_REFUSED;
	int rc;

	/* The mail is rendered before the write lock is taken. */
	if ((rc = db_order_by_id(db, a, id, &o)) != 0)
		return rc < 0 ? -1 : 0;
	if (expiry_mail(a, &o, hold, &m) < 0 || db_begin(db) < 0)
		return -1;
	/* Still expirable under the write lock, then the lifecycle's
	 * system cancel (restock, coupon released). */
	if ((rc = db_order_expirable(db, id, cutoff)) == 1)
		r = order_transition(db, &o, ORDER_CANCELLED, ACTOR_SYSTEM,
		    "expired", now);
	else if (rc < 0)
		r = TRANSITION_ERROR;
	if (r == TRANSITION_OK && mail_enqueue(db, &m, NULL) < 0)
		r = TRANSITION_ERROR;
	if (r != TRANSITION_OK || db_commit(db) < 0) {
		db_rollback(db);
		return r == TRANSITION_ERROR ? -1 : 0;
	}
	log_info("order %s: cancelled, no payment within %lld s; stock "
	    "released", o.reference, hold);
	return 1;
}

/* Expires the unpaid orders of every method with a hold; the number
 * cancelled, or -1. */
static long long
expire_unpaid(struct db *db, long long now)
{
	long long done = 0;

	for (size_t i = 0; order_hold_methods[i] != NULL; i++) {
		const char *method = order_hold_methods[i];
		long long hold = order_hold(method), *ids;
		size_t n;

		if (hold <= 0)
			continue;
		do {
			struct arena a;
			long long got = 0;
			int rc = 0;

			arena_init(&a, 0);
			if (db_order_unpaid(db, &a, method, now - hold, BATCH, &ids,
			    &n) < 0)
				rc = -1;
			for (size_t k = 0; rc >= 0 && k < n; k++)
				if ((rc = expire_one(db, &a, ids[k], now - hold, hold,
				    now)) > 0)
					got++;
			arena_free(&a);
			if (rc < 0)
				return -1;
			done += got;
			/* A full batch of which none could be cancelled would
			 * come back the same: stop rather than spin. */
			if (got == 0)
				break;
		} while (n == BATCH);
	}
	return done;
}

/* Step 2 (see the top); 0 or -1. */
static int
reconcile(struct db *db, long long now)
{
	struct reconcile_stats s;
	struct arena a;
	int rc;

	arena_init(&a, 0);
	if ((rc = payment_reconcile(db, &a, now, &s)) == 0)
		ctl_printf("online payments: %d checked, %d paid, %d closed, %d "
		    "not reached; card/wallet orders expired: %d\n", s.checked,
		    s.paid, s.closed, s.failed, s.expired);
	arena_free(&a);
	return rc;
}

/* Step 3 (see the top); 0 or -1. */
static int
refunds(struct db *db, long long now)
{
	struct refund_retry_stats s;
	struct arena a;
	int rc;

	arena_init(&a, 0);
	if ((rc = refund_retry_due(db, &a, now, &s)) == 0)
		ctl_printf("refunds waiting for the gateway: %d asked again, "
		    "%d done, %d refused, %d not reached\n", s.checked, s.done,
		    s.refused, s.failed);
	arena_free(&a);
	return rc;
}

/* Step 4 (see the top); 0 or -1. */
static int
remind(struct db *db, long long now)
{
	struct remind_stats st = { 0, 0 };
	int rc = subs_remind(db, now, &st);

	ctl_printf("subscription reminders: %d sent\n", st.sent);
	return rc;
}

/* Parses "--now UNIX"; 0 or -1. */
static int
clock_arg(const char *s, long long *out)
{
	char *end;

	errno = 0;
	*out = strtoll(s, &end, 10);
	return errno || *s == '\0' || *end != '\0' || *out < 0 ? -1 : 0;
}

int
cmd_cron(int argc, char **argv)
{
	static const char usage[] = "[--now UNIX] [--no-mail]";
	struct mail_run_opts mo = { 0, 0, 0, NULL };
	struct mail_stats st = { 0, 0, 0, 0 };
	long long now = store_now(), expired;
	struct db *db;
	int mail = 1, rc = 0;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--now") == 0 && i + 1 < argc &&
		    clock_arg(argv[i + 1], &now) == 0)
			i++;
		else if (strcmp(argv[i], "--no-mail") == 0)
			mail = 0;
		else
			return ctl_usage(argv[0], usage);
	}
	if (ctl_templates() < 0)
		return 1;
	/* The secret signs the reminders' renewal links. */
	if ((db = ctl_open(0)) == NULL || ctl_secret(db) < 0) {
		db_close(db);
		tmpl_shutdown();
		return 1;
	}
	if ((expired = expire_unpaid(db, now)) < 0)
		rc = ctl_fail("cron", "expiring unpaid orders stopped; see the "
		    "messages above");
	else
		ctl_printf("unpaid orders cancelled: %lld\n", expired);
	if (reconcile(db, now) < 0)
		rc = ctl_fail("cron", "reconciling online payments stopped; see "
		    "the messages above");
	if (refunds(db, now) < 0)
		rc = ctl_fail("cron", "retrying gateway refunds stopped; see the "
		    "messages above");
	if (remind(db, now) < 0)
		rc = ctl_fail("cron", "subscription reminders stopped; see the "
		    "messages above");
	if (mail && mail_run(db, &mo, &st) < 0)
		rc = ctl_fail("cron", "mail delivery stopped; see the messages "
		    "above");
	else if (mail)
		ctl_printf("mail: sent %d, to retry %d, failed %d\n", st.sent,
		    st.retry, st.failed);
	db_close(db);
	tmpl_shutdown();
	return rc;
}
