/* pay_mobile.c — mobile money (Orange Money, MTN MoMo, D17, Flouci...):
 * the shopper sends the total to one of the shop's wallet numbers with the
 * order reference, and may upload a screenshot.  Setting:
 *	pay_mobile = Orange Money = +216 20 000 000; D17 = +216 55 000 000
 * ("operator = number" pairs separated by ';'). */
#include <string.h>

#include "store_conf.h"
#include "pay.h"
#include "utf8.h"

#define WALLET_TEXT 64

/* Copies p[0..n) without surrounding blanks into out[WALLET_TEXT]; 0, or
 * -1 when it is empty or too long. */
static int
trimmed(const char *p, size_t n, char *out)
{
	size_t start;

	n = text_trim(p, n, &start);
	p += start;
	if (n == 0 || n >= WALLET_TEXT)
		return -1;
	memcpy(out, p, n);
	out[n] = '\0';
	return 0;
}

/* The next "operator = number" pair at *p into op and num: 1, 0 at the
 * end, -1 when malformed. */
static int
next_wallet(const char **p, char *op, char *num)
{
	for (;;) {
		size_t len = strcspn(*p, ";");
		const char *item = *p, *eq = memchr(item, '=', len);

		if (*item == '\0')
			return 0;
		*p += len + (item[len] == ';');
		if (strspn(item, " \t") >= len)
			continue;	/* an empty item: "a = 1;" */
		if (eq == NULL || trimmed(item, (size_t)(eq - item), op) < 0 ||
		    trimmed(eq + 1, len - (size_t)(eq - item) - 1, num) < 0)
			return -1;
		return 1;
	}
}

/* Offered once pay_mobile lists wallets, all of them well-formed. */
static int
mobile_configured(void)
{
	const char *p = conf_str(CONF_PAY_MOBILE);
	char op[WALLET_TEXT], num[WALLET_TEXT];
	int rc, n = 0;

	while ((rc = next_wallet(&p, op, num)) > 0)
		n++;
	return rc == 0 && n > 0;
}

/* Placed orders wait for the wallet transfer. */
static void
mobile_place(struct order *o)
{
	o->status = order_statuses[ORDER_AWAITING_PAYMENT];
	o->note = "placed_mobile";
}

/* The wallets to pay to, and the reference to send as the message. */
static void
mobile_instructions(const struct order *o, struct pay_rows *r)
{
	const char *p = conf_str(CONF_PAY_MOBILE);
	char op[WALLET_TEXT], num[WALLET_TEXT];

	while (next_wallet(&p, op, num) > 0)
		pay_row(r, NULL, op, num);
	pay_row(r, "reference", NULL, o->reference);
}

const struct pay_method pay_mobile = {
	"mobile", 1, mobile_configured, pay_any_cart, mobile_place,
	mobile_instructions, NULL,
};
