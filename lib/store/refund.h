/* refund.h — refunds staff make from the admin order page or with
 * `soukctl order refund` (one rule for both: docs/admin.md "Refunds",
 * docs/payments.md): the whole order (all that is left) or some units of
 * some lines, whatever the payment method.
 *
 *   - only a paid or completed order is refunded;
 *   - an order paid through a gateway (its card or wallet payment is
 *     paid) is refunded through that gateway by payment_refund_with()
 *     (payment.h, with the caller's key as Idempotency-Key: the form's
 *     one-time key, so a double submit is one refund; soukctl's key is
 *     the same until a refund is recorded, so a retry is one refund); a refund
 *     the gateway refuses changes nothing but its refused row;
 *   - any other order (mobile money, bank transfer, cash on delivery, or
 *     a card order staff confirmed by hand) is refunded by staff outside
 *     the store: the row records that they did;
 *   - a line's amount is its units at the unit price less their share of
 *     the line's part of the discount (order_items.discount_minor, filed
 *     at placement: only the lines in a coupon's scope have one, so a
 *     line refund pays back what the shopper paid for it); a full refund
 *     is all that is left, delivery included;
 *   - once the refunds reach the order's total the order moves to
 *     refunded (order_transition: its restock, coupon and delivery rules);
 *     before that, each line refunded in full loses its downloads and the
 *     subscription it started (delivery_revoke_line) and the history
 *     says "Partly refunded"; units are never restocked by a line refund
 *     (staff count what comes back);
 *   - the refund row, its lines, the audit entry, the status change and
 *     the shopper's mail commit in one transaction;
 *   - a gateway that does not answer leaves the row waiting (pending,
 *     with its lines: it counts as refunded meanwhile) and an audit entry
 *     (refund_waiting); refund_retry() (the admin's Retry, soukctl cron)
 *     asks again under the same key, so the gateway makes one refund. */
#ifndef SOUK_REFUND_H
#define SOUK_REFUND_H
#include <stddef.h>

#include "arena.h"
#include "db.h"
#include "db_refund.h"
#include "db_staff.h"
#include "mail.h"
#include "order.h"

/* One line of a planned refund. */
struct refund_line {
	long long	 line;		/* 1-based */
	long long	 qty;		/* units refunded now */
	long long	 left;		/* units not refunded before */
	long long	 amount_minor;	/* what they are refunded for */
	const char	*name;
};

/* What refund_plan() worked out (arena). */
struct refund_plan {
	long long	 order_id;
	int		 full;		/* 1: all that is left */
	int		 gateway;	/* 1: through the paid gateway payment */
	const char	*provider;	/* that gateway's id, "" when manual */
	int		 whole_only;	/* 1: that gateway refunds whole
					 * payments only (Flouci) */
	long long	 amount_minor;	/* this refund */
	long long	 left_minor;	/* what was left to refund before */
	struct refund_line *lines;	/* the lines it pays back */
	size_t		 nlines;
	const long long	*qty;		/* the picks (NULL: full) */
};

enum refund_check {
	RCHECK_ERROR = -1,
	RCHECK_OK = 0,
	RCHECK_STATUS,		/* the order is not paid or completed */
	RCHECK_NOTHING,		/* no unit chosen, or nothing left */
	RCHECK_TOO_MANY,	/* more units than a line has left */
};

/* The refund of order o (with its lines): qty NULL for all that is left,
 * else qty[i] units of line i + 1 (o->nlines entries, 0 for none).  The
 * amount left and the units left come from the refunds accepted so far
 * (and the gateway payment's own refunds). */
enum refund_check refund_plan(struct db *, struct arena *,
		    const struct order *o, const long long *qty,
		    struct refund_plan *p);
/* The units of each line of o refunded so far into left[i] = units not
 * refunded (o->nlines entries, arena) and the amount left into *left_minor.
 * 0 or -1. */
int		 refund_left(struct db *, struct arena *, const struct order *o,
		    long long **left, long long *left_minor);

/* Who asks, and what goes with an accepted refund. */
struct refund_ask {
	const char		*idem;	/* the form's one-time key */
	const char		*reason;	/* staff's words, "" for none */
	const struct audit_entry *who;	/* user_id, actor, addr */
	const struct mail	*mail;	/* to the shopper, NULL for none */
};

enum refund_outcome {
	ROUT_ERROR = -1,
	ROUT_DONE = 0,
	ROUT_PENDING,		/* the gateway accepted, finishes later */
	ROUT_REPEAT,		/* this key was used before: *r is that row */
	ROUT_REFUSED,		/* the gateway said no: r->answer */
	ROUT_CHANGED,		/* the order changed since the plan: nothing
				 * done, plan again */
	ROUT_DOWN,		/* the gateway did not answer: the row is
				 * recorded waiting (status pending,
				 * r->waiting 1) and counts as refunded;
				 * refund_retry() asks again, same key */
};

/* Makes refund p of order o on behalf of ask (see above); *r is the
 * refund row written or found (arena strings).  A key used before
 * answers ROUT_REPEAT and does nothing. */
enum refund_outcome refund_order(struct db *, struct arena *,
		    const struct order *o, const struct refund_plan *p,
		    const struct refund_ask *ask, struct order_refund *r);

/* The plan refund r of order o carried out (its amount, kind, lines with
 * the units they had left before it), for its audit entry and mail.  0 or
 * -1. */
int		 refund_plan_of(struct db *, struct arena *,
		    const struct order *o, const struct order_refund *r,
		    struct refund_plan *p);
/* Asks the gateway again, under the same Idempotency-Key, for refund r of
 * order o it has not answered (r->waiting), on behalf of who: accepted,
 * the row becomes done (or pending at the gateway) with the gateway's
 * refund id, the lines refunded in full lose their delivery, the order
 * moves as refund_order() moves it, an audit entry (refund) and mail
 * (NULL: none) in one transaction; refused, the row becomes refused with
 * the gateway's words (no longer counted) and an audit entry
 * (refund_refused).  ROUT_DOWN: still no answer; ROUT_REPEAT: answered
 * before (*r reread). */
enum refund_outcome refund_retry(struct db *, struct arena *,
		    const struct order *o, struct order_refund *r,
		    const struct audit_entry *who, const struct mail *mail);

struct refund_retry_stats {
	int	 checked, done, refused, failed;
};
/* How long soukctl cron asks again (seconds): less than the 24 hours a
 * gateway (Stripe) keeps an Idempotency-Key, after which the same key
 * could make a second refund.  An older refund still waiting is for
 * staff to check at the gateway (its Retry button stays). */
#define REFUND_RETRY_FOR	(23 * 3600)
/* soukctl cron: refund_retry() of the refunds waiting for their gateway
 * asked a minute to REFUND_RETRY_FOR seconds before now (at most 100 a
 * run; actor "soukctl cron", no mail).  0 or -1. */
int		 refund_retry_due(struct db *, struct arena *, long long now,
		    struct refund_retry_stats *);

#endif
