/* pay.c — the payment method registry; see pay.h. */
#include <stdio.h>
#include <string.h>

#include "store_conf.h"
#include "log.h"
#include "pay.h"

static const struct pay_method *const methods[] = {
	&pay_bank, &pay_mobile, &pay_cod, &pay_stripe, &pay_flouci,
};
#define NMETHODS (sizeof(methods) / sizeof(methods[0]))

const char *const pay_ids[] = { "bank", "mobile", "cod", "card", "wallet", NULL };

const struct pay_method *
pay_get(const char *id)
{
	for (size_t i = 0; i < NMETHODS; i++)
		if (strcmp(methods[i]->id, id) == 0)
			return methods[i];
	return NULL;
}

/* Calls fn on each word of pay_methods (separated by blanks or commas)
 * until it returns nonzero; returns that. */
static int
each_listed(int (*fn)(const char *id, void *arg), void *arg)
{
	const char *p = conf_str(CONF_PAY_METHODS);
	char word[32];
	int rc = 0;

	while (*p && rc == 0) {
		size_t n = strcspn(p, " \t,");
		if (n > 0 && n < sizeof(word)) {
			memcpy(word, p, n);
			word[n] = '\0';
			rc = fn(word, arg);
		} else if (n > 0)
			rc = fn("", arg);
		p += n;
		p += strspn(p, " \t,");
	}
	return rc;
}

struct offer {
	const struct pay_cart	 *cart;
	const struct pay_method **out;
	size_t			  n;
};

/* each_listed() step of pay_offered(): keeps the method when usable. */
static int
offer_one(const char *id, void *arg)
{
	struct offer *o = arg;
	const struct pay_method *m = pay_get(id);

	if (m == NULL || !m->configured() || o->n == PAY_MAX)
		return 0;
	for (size_t i = 0; i < o->n; i++)
		if (o->out[i] == m)
			return 0;	/* listed twice */
	if (o->cart == NULL || m->available(o->cart))
		o->out[o->n++] = m;
	return 0;
}

size_t
pay_offered(const struct pay_cart *cart, const struct pay_method **out)
{
	struct offer o = { cart, out, 0 };

	each_listed(offer_one, &o);
	return o.n;
}

/* each_listed() step of pay_check_conf(): -1 for an unknown method. */
static int
check_one(const char *id, void *arg)
{
	const struct pay_method *m = pay_get(id);

	(void)arg;
	if (m == NULL) {
		log_error("conf: pay_methods: unknown method '%s' (known: bank, "
		    "mobile, cod, card, wallet)", id);
		return -1;
	}
	if (!m->configured())
		log_warn("conf: pay_methods lists %s but its settings are "
		    "missing: not offered", id);
	return 0;
}

int
pay_check_conf(void)
{
	const struct pay_method *out[PAY_MAX];

	if (each_listed(check_one, NULL) < 0)
		return -1;
	if (pay_offered(NULL, out) == 0)
		log_warn("conf: no payment method is set up: checkout will "
		    "refuse orders (see docs/checkout.md)");
	return 0;
}

int
pay_any_cart(const struct pay_cart *c)
{
	return c->nlines > 0;
}

/* Adds a row (a full table keeps its rows). */
static void
add_row(struct pay_rows *r, const char *key, const char *name,
    const char *value, const char *holder, int copy)
{
	if (r->n == PAY_MAX_ROWS)
		return;
	r->row[r->n].key = key;
	snprintf(r->row[r->n].name, sizeof(r->row[r->n].name), "%s",
	    name != NULL ? name : "");
	snprintf(r->row[r->n].value, sizeof(r->row[r->n].value), "%s", value);
	snprintf(r->row[r->n].holder, sizeof(r->row[r->n].holder), "%s",
	    holder != NULL ? holder : "");
	r->row[r->n].copy = copy;
	r->n++;
}

void
pay_row_copy(struct pay_rows *r, const char *key, const char *name,
    const char *value, const char *holder)
{
	add_row(r, key, name, value, holder, 1);
}

void
pay_row(struct pay_rows *r, const char *key, const char *name,
    const char *value)
{
	add_row(r, key, name, value, NULL, 0);
}

const char *
pay_status_text(const char *method, const char *status)
{
	const struct pay_method *m = pay_get(method);

	if (m != NULL && m->awaiting != NULL &&
	    strcmp(status, order_statuses[ORDER_AWAITING_PAYMENT]) == 0)
		return m->awaiting;
	return status;
}

long long
pay_deadline_after(const char *method)
{
	return order_hold(method);
}
