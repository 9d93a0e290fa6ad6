/* gateway.h — hosted payment gateways (Stripe Checkout, Flouci), the
 * layer behind the card and wallet payment methods (pay_stripe.c,
 * pay_flouci.c; docs/payments.md).
 *
 * A gateway creates a payment for an amount in minor units and gives the
 * URL of its hosted page; it tells what became of a payment when asked
 * by id (verify: the only source of truth, a return URL or a webhook body
 * is never believed by itself); it refunds.  Every POST carries an
 * Idempotency-Key, so a retried call is one operation.  Keys and API
 * base URLs come from store_conf (pay_mode chooses test or live keys). */
#ifndef SOUK_GATEWAY_H
#define SOUK_GATEWAY_H
#include "arena.h"

enum gw_state {
	GW_OPEN,	/* the shopper may still pay */
	GW_PAID,
	GW_FAILED,	/* refused or abandoned: no money taken */
	GW_EXPIRED,
};

/* A payment as the gateway reports it (arena strings). */
struct gw_payment {
	const char	*id;		/* the gateway's id */
	const char	*url;		/* hosted page (create only) */
	enum gw_state	 state;
	long long	 amount_minor;	/* what it charges or charged */
	char		 currency[4];	/* upper-case ISO 4217 */
	const char	*charge_ref;	/* what refunds name (Stripe
					 * payment_intent; Flouci: the id) */
	const char	*reference;	/* our order reference it carries */
	int		 live;		/* 1: live mode */
};

/* What create needs to know. */
struct gw_request {
	const char	*reference;	/* order reference */
	long long	 amount_minor;
	const char	*currency;
	const char	*success_url, *fail_url;
	const char	*webhook_url;	/* Flouci's per-payment webhook */
	long long	 timeout;	/* seconds the hosted page stays open */
	const char	*idem_key;
};

enum gw_result {
	GW_ERROR = -1,		/* no usable answer: down, slow, garbled */
	GW_OK = 0,
	GW_REFUSED,		/* the gateway said no (reason in *why) */
};

struct gateway {
	const char	*id;		/* payments.provider */
	/* The keys of the active mode are set. */
	int		(*configured)(void);
	enum gw_result	(*create)(struct arena *, const struct gw_request *,
			    struct gw_payment *, const char **why);
	enum gw_result	(*verify)(struct arena *, const char *id,
			    struct gw_payment *, const char **why);
	/* Refunds amount_minor of charge_ref (full_minor: the whole
	 * payment; a gateway taking full refunds only refuses less).  On
	 * GW_OK *refund_id is the gateway's refund id and *pending is 1 when
	 * the gateway has not finished it. */
	enum gw_result	(*refund)(struct arena *, const char *charge_ref,
			    long long amount_minor, long long full_minor,
			    const char *idem_key, const char **refund_id,
			    int *pending, const char **why);
	int		 whole_only;	/* 1: refunds whole payments only */
};

extern const struct gateway gw_stripe, gw_flouci;

/* The gateway with this id, or NULL. */
const struct gateway *gw_get(const char *id);
/* 1 when pay_mode is live. */
int		 gw_live(void);
/* Lower-case currency code into out[4]. */
void		 gw_lower(const char *cur, char out[4]);

#endif
