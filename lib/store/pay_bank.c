/* pay_bank.c — bank transfer: the shopper transfers the total to the
 * shop's account with the order reference, and may upload the receipt.
 * Settings: pay_bank_iban (required), pay_bank_name, pay_bank_holder,
 * pay_bank_bic. */
#include "store_conf.h"
#include "pay.h"

/* Offered once the shop has an IBAN or account number. */
static int
bank_configured(void)
{
	return *conf_str(CONF_PAY_BANK_IBAN) != '\0';
}

/* Placed orders wait for the transfer. */
static void
bank_place(struct order *o)
{
	o->status = order_statuses[ORDER_AWAITING_PAYMENT];
	o->note = "placed_bank";
}

/* The account to pay to, and the reference to write on the transfer. */
static void
bank_instructions(const struct order *o, struct pay_rows *r)
{
	static const struct { int k; const char *label; } rows[] = {
		{ CONF_PAY_BANK_NAME, "bank" },
		{ CONF_PAY_BANK_HOLDER, "holder" },
		{ CONF_PAY_BANK_IBAN, "iban" },
		{ CONF_PAY_BANK_BIC, "bic" },
	};

	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
		if (*conf_str(rows[i].k) && rows[i].k == CONF_PAY_BANK_IBAN)
			pay_row_copy(r, rows[i].label, NULL, conf_str(rows[i].k),
			    NULL);
		else if (*conf_str(rows[i].k))
			pay_row(r, rows[i].label, NULL, conf_str(rows[i].k));
	pay_row_copy(r, "reference", NULL, o->reference, NULL);
}

const struct pay_method pay_bank = {
	"bank", 1, bank_configured, pay_any_cart, bank_place,
	bank_instructions, NULL, NULL,
};
