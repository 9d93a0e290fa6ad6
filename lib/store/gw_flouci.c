/* gw_flouci.c — the Flouci wallet, from Flouci's public developer API
 * (v2): JSON bodies, "Authorization: Bearer <public key>:<secret>".
 * Amounts are millimes (TND only); we also send an Idempotency-Key on
 * every POST (Flouci does not document one; it is harmless).
 *
 *   create  POST /api/v2/generate_payment  amount, success_link, fail_link,
 *           webhook, developer_tracking_id = order reference,
 *           session_timeout_secs, accept_card -> result.payment_id,
 *           result.link
 *   verify  GET  /api/v2/verify_payment/<id> -> success, result.status
 *           (SUCCESS, PENDING, EXPIRED, FAILURE), result.amount,
 *           result.details.currency (ISO 4217 numeric, "788" for TND),
 *           result.developer_tracking_id
 *   refund  POST /api/v2/refund_payment  payment_id (whole payments only)
 *           -> result.refund_id, result.status
 *
 * Flouci's webhook carries no signature we could check, so it is only a
 * hint: the shop verifies the payment actively (docs/payments.md). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "gateway.h"
#include "gw_http.h"
#include "log.h"
#include "store_conf.h"

static const char *
public_key(void)
{
	return conf_str(gw_live() ? CONF_FLOUCI_PUBLIC_LIVE :
	    CONF_FLOUCI_PUBLIC_TEST);
}

static const char *
secret(void)
{
	return conf_str(gw_live() ? CONF_FLOUCI_SECRET_LIVE :
	    CONF_FLOUCI_SECRET_TEST);
}

/* Flouci takes Tunisian dinars only. */
static int
flouci_configured(void)
{
	return *public_key() != '\0' && *secret() != '\0' &&
	    strcmp(conf_str(CONF_CURRENCY), "TND") == 0;
}

static const char *
jstr(struct arena *a, json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);

	if (json_is_integer(v))
		return arena_printf(a, "%lld", (long long)json_integer_value(v));
	return arena_strdup(a, json_string_value(v) ? json_string_value(v) : "");
}

/* An amount given as a number or a string of digits; -1 otherwise. */
static long long
jamount(json_t *v)
{
	const char *s;
	long long n = 0;

	if (json_is_integer(v))
		return json_integer_value(v);
	if ((s = json_string_value(v)) == NULL || *s == '\0' || strlen(s) > 15)
		return -1;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return -1;
		n = n * 10 + (*s - '0');
	}
	return n;
}

/* Calls the API (json NULL: GET).  GW_OK with *result (owned by *root,
 * which the caller json_decref()s) for a 2xx answer whose result is an
 * object; GW_REFUSED for a 4xx or success=false with the gateway's
 * message; GW_ERROR otherwise. */
static enum gw_result
call(struct arena *a, const char *path, json_t *body, const char *idem,
    json_t **root, json_t **result, const char **why)
{
	const char *hdr[4];
	struct gw_resp r;
	json_error_t je;
	char *form = NULL;
	size_t n = 0;
	int rc;

	hdr[n++] = arena_printf(a, "Authorization: Bearer %s:%s", public_key(),
	    secret());
	if (body != NULL) {
		hdr[n++] = "Content-Type: application/json";
		hdr[n++] = arena_printf(a, "Idempotency-Key: %s", idem);
		form = json_dumps(body, JSON_COMPACT);
	}
	hdr[n] = NULL;
	*root = *result = NULL;
	*why = "gateway unreachable";
	rc = gw_http(a, body ? "POST" : "GET", arena_printf(a, "%s%s",
	    conf_str(CONF_FLOUCI_API), path), hdr, form, &r);
	free(form);
	if (rc < 0)
		return GW_ERROR;
	if ((*root = json_loadb(r.body, r.len, 0, &je)) == NULL) {
		log_warn("flouci: %s: HTTP %ld, not JSON", path, r.status);
		*why = "gateway answer unreadable";
		return GW_ERROR;
	}
	*result = json_object_get(*root, "result");
	if (r.status >= 200 && r.status < 300 && json_is_object(*result) &&
	    !json_is_false(json_object_get(*root, "success")))
		return GW_OK;
	*why = jstr(a, *root, "message");
	if (**why == '\0' && json_is_object(*result))
		*why = jstr(a, *result, "message");
	if (**why == '\0')
		*why = arena_printf(a, "HTTP %ld", r.status);
	log_warn("flouci: %s: HTTP %ld: %s", path, r.status, *why);
	json_decref(*root);
	*root = *result = NULL;
	return r.status >= 500 || r.status == 0 ? GW_ERROR : GW_REFUSED;
}

static enum gw_result
flouci_create(struct arena *a, const struct gw_request *q,
    struct gw_payment *p, const char **why)
{
	json_t *body, *root, *res;
	enum gw_result rc;

	if (strcmp(q->currency, "TND") != 0) {
		*why = "Flouci takes TND only";
		return GW_REFUSED;
	}
	body = json_pack("{s:s, s:s, s:s, s:s, s:s, s:I, s:b}",
	    "amount", arena_printf(a, "%lld", q->amount_minor),
	    "success_link", q->success_url, "fail_link", q->fail_url,
	    "webhook", q->webhook_url, "developer_tracking_id", q->reference,
	    "session_timeout_secs", (json_int_t)q->timeout, "accept_card", 1);
	if (body == NULL)
		return GW_ERROR;
	rc = call(a, "/api/v2/generate_payment", body, q->idem_key, &root, &res,
	    why);
	json_decref(body);
	if (rc != GW_OK)
		return rc;
	memset(p, 0, sizeof(*p));
	p->id = p->charge_ref = jstr(a, res, "payment_id");
	p->url = jstr(a, res, "link");
	p->state = GW_OPEN;
	p->amount_minor = q->amount_minor;
	snprintf(p->currency, sizeof(p->currency), "%s", q->currency);
	p->reference = q->reference;
	p->live = gw_live();
	json_decref(root);
	if (*p->id == '\0' || *p->url == '\0') {
		*why = "gateway answer without a payment";
		return GW_ERROR;
	}
	return GW_OK;
}

static enum gw_result
flouci_verify(struct arena *a, const char *id, struct gw_payment *p,
    const char **why)
{
	json_t *root, *res;
	enum gw_result rc;
	const char *st, *cur;

	rc = call(a, arena_printf(a, "/api/v2/verify_payment/%s",
	    gw_form_escape(a, id)), NULL, NULL, &root, &res, why);
	if (rc != GW_OK)
		return rc;
	memset(p, 0, sizeof(*p));
	p->id = p->charge_ref = arena_strdup(a, id);
	p->url = "";
	p->amount_minor = jamount(json_object_get(res, "amount"));
	p->reference = jstr(a, res, "developer_tracking_id");
	p->live = gw_live();
	cur = jstr(a, json_object_get(res, "details"), "currency");
	/* ISO 4217 numeric 788 is TND; anything else is not ours. */
	snprintf(p->currency, sizeof(p->currency), "%s",
	    strcmp(cur, "788") == 0 || strcmp(cur, "TND") == 0 ||
	    *cur == '\0' ? "TND" : "???");
	st = jstr(a, res, "status");
	p->state = strcmp(st, "SUCCESS") == 0 ? GW_PAID :
	    strcmp(st, "EXPIRED") == 0 ? GW_EXPIRED :
	    strcmp(st, "FAILURE") == 0 ? GW_FAILED : GW_OPEN;
	json_decref(root);
	return GW_OK;
}

static enum gw_result
flouci_refund(struct arena *a, const char *charge_ref, long long amount,
    long long full, const char *idem, const char **refund_id, int *pending,
    const char **why)
{
	json_t *body, *root, *res;
	enum gw_result rc;
	const char *st;

	if (amount != full) {
		*why = "Flouci refunds whole payments only";
		return GW_REFUSED;
	}
	if ((body = json_pack("{s:s}", "payment_id", charge_ref)) == NULL)
		return GW_ERROR;
	rc = call(a, "/api/v2/refund_payment", body, idem, &root, &res, why);
	json_decref(body);
	if (rc != GW_OK)
		return rc;
	*refund_id = jstr(a, res, "refund_id");
	st = jstr(a, res, "status");
	json_decref(root);
	if (strcmp(st, "success") != 0 && strcmp(st, "pending") != 0) {
		*why = arena_printf(a, "refund %s", st);
		return GW_REFUSED;
	}
	*pending = strcmp(st, "pending") == 0;
	return GW_OK;
}

const struct gateway gw_flouci = {
	"flouci", flouci_configured, flouci_create, flouci_verify,
	flouci_refund,
	1,	/* refund_payment takes a payment_id, no amount */
};
