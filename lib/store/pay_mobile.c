/* pay_mobile.c — mobile money (Orange Money, MTN MoMo, D17, Flouci...):
 * the shopper sends the total to one of the shop's wallet numbers with the
 * order reference, and may upload a screenshot.  Setting:
 *	pay_mobile = Orange Money = +216 20 000 000 = Souk SARL; D17 = +216 55 000 000
 * ("operator = number [= holder]" items separated by ';'; the holder is
 * store_name when not given).  pay_wallets() is the one list every page
 * and mail shows. */
#include <stdio.h>
#include <string.h>

#include "store_conf.h"
#include "pay.h"
#include "utf8.h"

/* Copies p[0..n) without surrounding blanks into out[PAY_WALLET_TEXT]; 0,
 * or -1 when it is empty or too long. */
static int
trimmed(const char *p, size_t n, char *out)
{
	size_t start;

	n = text_trim(p, n, &start);
	p += start;
	if (n == 0 || n >= PAY_WALLET_TEXT)
		return -1;
	memcpy(out, p, n);
	out[n] = '\0';
	return 0;
}

/* The next "operator = number [= holder]" item at *p into w (holder ""
 * when not given): 1, 0 at the end, -1 when malformed. */
static int
next_wallet(const char **p, struct pay_wallet *w)
{
	for (;;) {
		size_t len = strcspn(*p, ";");
		const char *item = *p, *end = item + len, *eq, *eq2;

		if (*item == '\0')
			return 0;
		*p += len + (item[len] == ';');
		if (strspn(item, " \t") >= len)
			continue;	/* an empty item: "a = 1;" */
		eq = memchr(item, '=', len);
		if (eq == NULL || trimmed(item, (size_t)(eq - item), w->op) < 0)
			return -1;
		eq2 = memchr(eq + 1, '=', (size_t)(end - eq - 1));
		if (trimmed(eq + 1, (size_t)((eq2 ? eq2 : end) - eq - 1),
		    w->number) < 0)
			return -1;
		w->holder[0] = '\0';
		if (eq2 != NULL && trimmed(eq2 + 1, (size_t)(end - eq2 - 1),
		    w->holder) < 0)
			return -1;
		return 1;
	}
}

size_t
pay_wallets(struct pay_wallet *out)
{
	const char *p = conf_str(CONF_PAY_MOBILE);
	struct pay_wallet w;
	size_t n = 0;
	int rc;

	while ((rc = next_wallet(&p, &w)) > 0) {
		if (n == PAY_MAX_WALLETS)
			continue;
		if (w.holder[0] == '\0')
			snprintf(w.holder, sizeof(w.holder), "%s",
			    conf_str(CONF_STORE_NAME));
		out[n++] = w;
	}
	return rc == 0 ? n : 0;
}

/* Offered once pay_mobile lists wallets, all of them well-formed. */
static int
mobile_configured(void)
{
	struct pay_wallet w[PAY_MAX_WALLETS];

	return pay_wallets(w) > 0;
}

/* Placed orders wait for the wallet transfer. */
static void
mobile_place(struct order *o)
{
	o->status = order_statuses[ORDER_AWAITING_PAYMENT];
	o->note = "placed_mobile";
}

/* The wallets to pay to (pay_wallets), and the reference to send as the
 * message. */
static void
mobile_instructions(const struct order *o, struct pay_rows *r)
{
	struct pay_wallet w[PAY_MAX_WALLETS];
	size_t n = pay_wallets(w);

	for (size_t i = 0; i < n; i++)
		pay_row_copy(r, NULL, w[i].op, w[i].number, w[i].holder);
	pay_row_copy(r, "reference", NULL, o->reference, NULL);
}

const struct pay_method pay_mobile = {
	"mobile", 1, mobile_configured, pay_any_cart, mobile_place,
	mobile_instructions, NULL, NULL,
};
