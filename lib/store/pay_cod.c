/* pay_cod.c — cash on delivery: offered only when everything in the cart
 * is shipped (nothing to deliver at the door otherwise).  No settings:
 * listing "cod" in pay_methods turns it on. */
#include "pay.h"

/* Needs no settings. */
static int
cod_configured(void)
{
	return 1;
}

/* Only when every line is shipped. */
static int
cod_available(const struct pay_cart *c)
{
	return c->nlines > 0 && c->nphysical == c->nlines;
}

/* Placed orders are paid at the door: confirmed, awaiting the courier's
 * payment (shown as "cod_confirmed"). */
static void
cod_place(struct order *o)
{
	o->status = order_statuses[ORDER_AWAITING_PAYMENT];
	o->note = "placed_cod";
}

/* The reference the courier will ask for. */
static void
cod_instructions(const struct order *o, struct pay_rows *r)
{
	pay_row_copy(r, "reference", NULL, o->reference, NULL);
}

const struct pay_method pay_cod = {
	"cod", 0, cod_configured, cod_available, cod_place, cod_instructions, NULL,
	"cod_confirmed",
};
