/* gw_stripe.c — Stripe Checkout Sessions (cards), from Stripe's public API
 * reference: form-encoded POSTs with "Authorization: Bearer <secret key>"
 * and an Idempotency-Key; JSON answers; errors as {"error":{"message"}}.
 *
 *   create  POST /v1/checkout/sessions  mode=payment, one line of the
 *           order total, client_reference_id = order reference,
 *           success_url, cancel_url, expires_at -> id, url
 *   verify  GET  /v1/checkout/sessions/<id> -> status (open, complete,
 *           expired), payment_status (paid, unpaid), amount_total,
 *           currency (lower case), payment_intent, livemode
 *   refund  POST /v1/refunds  payment_intent, amount -> id, status */
#include <ctype.h>
#include <string.h>
#include <time.h>

#include <jansson.h>

#include "gateway.h"
#include "gw_http.h"
#include "log.h"
#include "store_conf.h"

/* The secret key of the active mode ("" when unset). */
static const char *
secret(void)
{
	return conf_str(gw_live() ? CONF_STRIPE_SECRET_LIVE :
	    CONF_STRIPE_SECRET_TEST);
}

static int
stripe_configured(void)
{
	return *secret() != '\0';
}

/* A string member of o copied to the arena, "" when absent or null. */
static const char *
jstr(struct arena *a, json_t *o, const char *key)
{
	const char *s = json_string_value(json_object_get(o, key));

	return arena_strdup(a, s ? s : "");
}

/* Calls the API: path under stripe_api, form body (NULL: GET).  On an
 * answer, *root is the parsed JSON (caller json_decref()s) and the result
 * is GW_OK for 2xx, GW_REFUSED (with Stripe's message in *why) for 4xx;
 * GW_ERROR for no answer, 5xx or garbage. */
static enum gw_result
call(struct arena *a, const char *path, const char *form, const char *idem,
    json_t **root, const char **why)
{
	const char *hdr[4];
	struct gw_resp r;
	json_error_t je;
	size_t n = 0;

	hdr[n++] = arena_printf(a, "Authorization: Bearer %s", secret());
	if (form != NULL)
		hdr[n++] = arena_printf(a, "Idempotency-Key: %s", idem);
	hdr[n] = NULL;
	*root = NULL;
	*why = "gateway unreachable";
	if (gw_http(a, form ? "POST" : "GET", arena_printf(a, "%s%s",
	    conf_str(CONF_STRIPE_API), path), hdr, form, &r) < 0)
		return GW_ERROR;
	if ((*root = json_loadb(r.body, r.len, 0, &je)) == NULL ||
	    !json_is_object(*root)) {
		log_warn("stripe: %s: HTTP %ld, not JSON", path, r.status);
		json_decref(*root);
		*root = NULL;
		*why = "gateway answer unreadable";
		return GW_ERROR;
	}
	if (r.status >= 200 && r.status < 300)
		return GW_OK;
	*why = jstr(a, json_object_get(*root, "error"), "message");
	if (**why == '\0')
		*why = arena_printf(a, "HTTP %ld", r.status);
	log_warn("stripe: %s: HTTP %ld: %s", path, r.status, *why);
	json_decref(*root);
	*root = NULL;
	return r.status >= 400 && r.status < 500 ? GW_REFUSED : GW_ERROR;
}

/* A Checkout Session object into p. */
static void
session(struct arena *a, json_t *o, struct gw_payment *p)
{
	const char *status = json_string_value(json_object_get(o, "status"));
	const char *paid = json_string_value(json_object_get(o, "payment_status"));
	const char *cur = json_string_value(json_object_get(o, "currency"));
	size_t i;

	p->id = jstr(a, o, "id");
	p->url = jstr(a, o, "url");
	p->charge_ref = jstr(a, o, "payment_intent");
	p->reference = jstr(a, o, "client_reference_id");
	p->amount_minor = json_integer_value(json_object_get(o, "amount_total"));
	p->live = json_is_true(json_object_get(o, "livemode"));
	for (i = 0; cur != NULL && i < 3 && cur[i]; i++)
		p->currency[i] = (char)toupper((unsigned char)cur[i]);
	p->currency[i] = '\0';
	if (status && strcmp(status, "complete") == 0 && paid &&
	    strcmp(paid, "paid") == 0)
		p->state = GW_PAID;
	else if (status && strcmp(status, "expired") == 0)
		p->state = GW_EXPIRED;
	else
		p->state = GW_OPEN;	/* open, or complete with an async
					 * payment still on its way */
}

static enum gw_result
stripe_create(struct arena *a, const struct gw_request *q,
    struct gw_payment *p, const char **why)
{
	char cur[4];
	json_t *root;
	enum gw_result rc;
	const char *form;

	gw_lower(q->currency, cur);
	form = arena_printf(a, "mode=payment&client_reference_id=%s"
	    "&metadata%%5Border%%5D=%s&success_url=%s&cancel_url=%s"
	    "&expires_at=%lld&line_items%%5B0%%5D%%5Bquantity%%5D=1"
	    "&line_items%%5B0%%5D%%5Bprice_data%%5D%%5Bcurrency%%5D=%s"
	    "&line_items%%5B0%%5D%%5Bprice_data%%5D%%5Bunit_amount%%5D=%lld"
	    "&line_items%%5B0%%5D%%5Bprice_data%%5D%%5Bproduct_data%%5D"
	    "%%5Bname%%5D=%s",
	    gw_form_escape(a, q->reference), gw_form_escape(a, q->reference),
	    gw_form_escape(a, q->success_url), gw_form_escape(a, q->fail_url),
	    (long long)time(NULL) + q->timeout, cur, q->amount_minor,
	    gw_form_escape(a, arena_printf(a, "Order %s", q->reference)));
	if ((rc = call(a, "/v1/checkout/sessions", form, q->idem_key, &root,
	    why)) != GW_OK)
		return rc;
	session(a, root, p);
	json_decref(root);
	if (*p->id == '\0' || (strncmp(p->url, "https://", 8) != 0 &&
	    strncmp(p->url, "http://127.0.0.1", 16) != 0)) {
		*why = "gateway answer without a session";
		return GW_ERROR;
	}
	return GW_OK;
}

static enum gw_result
stripe_verify(struct arena *a, const char *id, struct gw_payment *p,
    const char **why)
{
	json_t *root;
	enum gw_result rc;

	rc = call(a, arena_printf(a, "/v1/checkout/sessions/%s",
	    gw_form_escape(a, id)), NULL, NULL, &root, why);
	if (rc != GW_OK)
		return rc;
	session(a, root, p);
	json_decref(root);
	if (strcmp(p->id, id) != 0) {
		*why = "gateway answered about another session";
		return GW_ERROR;
	}
	return GW_OK;
}

static enum gw_result
stripe_refund(struct arena *a, const char *charge_ref, long long amount,
    long long full, const char *idem, const char **refund_id, int *pending,
    const char **why)
{
	json_t *root;
	enum gw_result rc;
	const char *st;

	(void)full;
	if (*charge_ref == '\0') {
		*why = "no payment to refund";
		return GW_REFUSED;
	}
	rc = call(a, "/v1/refunds", arena_printf(a, "payment_intent=%s&"
	    "amount=%lld", gw_form_escape(a, charge_ref), amount), idem, &root,
	    why);
	if (rc != GW_OK)
		return rc;
	*refund_id = jstr(a, root, "id");
	st = jstr(a, root, "status");
	json_decref(root);
	if (strcmp(st, "failed") == 0 || strcmp(st, "canceled") == 0) {
		*why = arena_printf(a, "refund %s", st);
		return GW_REFUSED;
	}
	*pending = strcmp(st, "succeeded") != 0;
	return GW_OK;
}

const struct gateway gw_stripe = {
	"stripe", stripe_configured, stripe_create, stripe_verify,
	stripe_refund,
	0,
};
