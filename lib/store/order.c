/* order.c — see order.h. */
#include <stdio.h>
#include <string.h>

#include "store_conf.h"
#include "csrf.h"
#include "order.h"
#include "rand.h"

const char *const order_statuses[ORDER__MAX + 1] = {
	[ORDER_AWAITING_PAYMENT] = "awaiting_payment",
	[ORDER_PROOF_RECEIVED] = "proof_received",
	[ORDER_PAID] = "paid",
	[ORDER_COMPLETED] = "completed",
	[ORDER_CANCELLED] = "cancelled",
	[ORDER_REFUNDED] = "refunded",
	[ORDER__MAX] = NULL,
};

void
order_token(char *out, const char *idem_key)
{
	char mac[CSRF_TOKEN_LEN + 1];

	csrf_token(mac, "order", idem_key);
	memcpy(out, mac, ORDER_TOKEN_LEN);
	out[ORDER_TOKEN_LEN] = '\0';
}

void
order_reference(char *out)
{
	/* 32 symbols nobody confuses when copying them into a transfer. */
	static const char alpha[] = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
	unsigned char r[ORDER_REF_CHARS];
	char code[ORDER_REF_CHARS + 1];

	rand_bytes(r, sizeof(r));
	for (size_t i = 0; i < sizeof(r); i++)
		code[i] = alpha[r[i] & 31];
	code[ORDER_REF_CHARS] = '\0';
	snprintf(out, ORDER_REF_BUF, "%.6s-%s", conf_str(CONF_ORDER_PREFIX), code);
}

long long
order_discount(const char *kind, long long value, long long subtotal)
{
	long long d;

	if (subtotal <= 0 || value <= 0)
		return 0;
	if (strcmp(kind, "percent") == 0)
		d = value >= 100 ? subtotal : subtotal / 100 * value +
		    subtotal % 100 * value / 100;
	else
		d = value;
	return d > subtotal ? subtotal : d;
}

int
order_status_parse(const char *s)
{
	for (int i = 0; i < ORDER__MAX; i++)
		if (strcmp(order_statuses[i], s) == 0)
			return i;
	return -1;
}

int
order_status_ok(const char *s)
{
	return order_status_parse(s) >= 0;
}

void
order_email_norm(char *s)
{
	for (; *s; s++)
		if (*s >= 'A' && *s <= 'Z')
			*s = (char)(*s - 'A' + 'a');
}

/* The setting of each method's hold (order.h). */
static const struct {
	const char	*method;
	int		 key;	/* a store_conf.h key */
} holds[] = {
	{ "bank", CONF_ORDER_HOLD_BANK },
	{ "mobile", CONF_ORDER_HOLD_MOBILE },
	{ "cod", CONF_ORDER_HOLD_COD },
};

const char *const order_hold_methods[] = { "bank", "mobile", "cod", NULL };

long long
order_hold(const char *method)
{
	for (size_t i = 0; i < sizeof(holds) / sizeof(holds[0]); i++)
		if (strcmp(holds[i].method, method) == 0)
			return conf_int(holds[i].key);
	return 0;
}
