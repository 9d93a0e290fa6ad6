/* pay_online.c — the online methods: card (Stripe Checkout) and wallet
 * (Flouci), each behind its gateway (gateway.h, payment.h).  Placing the
 * order leaves it awaiting payment; checkout then sends the shopper to the
 * gateway's hosted page, and only the gateway's own answer (verify, on
 * return, webhook or reconciliation) marks it paid. */
#include "gateway.h"
#include "pay.h"

static int
stripe_configured(void)
{
	return gw_stripe.configured();
}

static int
flouci_configured(void)
{
	return gw_flouci.configured();
}

static void
card_place(struct order *o)
{
	o->status = order_statuses[ORDER_AWAITING_PAYMENT];
	o->note = "placed_card";
}

static void
wallet_place(struct order *o)
{
	o->status = order_statuses[ORDER_AWAITING_PAYMENT];
	o->note = "placed_wallet";
}

/* The reference, to quote when writing to the shop. */
static void
online_instructions(const struct order *o, struct pay_rows *r)
{
	pay_row_copy(r, "reference", NULL, o->reference, NULL);
}

const struct pay_method pay_stripe = {
	"card", 0, stripe_configured, pay_any_cart, card_place,
	online_instructions, "stripe", NULL,
};

const struct pay_method pay_flouci = {
	"wallet", 0, flouci_configured, pay_any_cart, wallet_place,
	online_instructions, "flouci", NULL,
};
