/* hooks — payment gateways' webhooks (docs/payments.md).
 *
 *   POST /hooks/stripe   a Stripe event, signed in Stripe-Signature
 *   POST /hooks/flouci   Flouci's payment notification (unsigned: a hint)
 *
 * Bare pages: no layout, no session, no CSRF cookie; the signature (Stripe)
 * or the gateway's own answer (Flouci) replaces CSRF.  An event body is
 * never believed: it names a payment, which is re-read from the gateway
 * (verify), so events out of order, duplicated or of types we do not know
 * cannot move an order the wrong way.  Then one BEGIN IMMEDIATE
 * transaction stores the event (UNIQUE(provider, event_id): a redelivery
 * is found and does nothing), applies the gateway's answer to the payment
 * and the order, and queues the mail; only once it commits is the answer
 * 2xx.  Answers:
 *   200 {"ok":"applied"|"same"|"duplicate"|"ignored"|...}
 *   400 bad signature, stale timestamp, malformed event (nothing stored)
 *   503 the gateway could not be asked (nothing stored: Stripe retries,
 *       and `soukctl cron` reconciles) */
#include <string.h>
#include <time.h>

#include <jansson.h>

#include "app.h"
#include "db_payment.h"
#include "gateway.h"
#include "gw_sign.h"
#include "json.h"
#include "log.h"
#include "payment.h"
#include "site.h"
#include "site_hooks.h"
#include "store_conf.h"

enum key { KEY_PAYMENT_ID, KEY__MAX };

static const struct valid_key keys[KEY__MAX] = {
	[KEY_PAYMENT_ID] = { "payment_id", V_TOKEN, 1, 128, NULL, 0, NULL },
};

/* A small JSON answer {"ok": what} (or {"error": what}) with status. */
static int
answer(struct ctx *c, int status, const char *what)
{
	return app_json(c, status, json_pack("{s:s}", status < 300 ? "ok" :
	    "error", what));
}

static const char *const settle_names[] = {
	[SETTLE_PAID] = "applied", [SETTLE_SAME] = "same",
	[SETTLE_CLOSED] = "closed", [SETTLE_MISMATCH] = "mismatch",
	[SETTLE_UNKNOWN] = "unknown", [SETTLE_DOWN] = "down",
};

/* Stores event (provider, event_id, type) and, when gp is not NULL,
 * applies it, in one transaction.  Returns the HTTP status. */
static int
store_apply(struct ctx *c, const struct gateway *g, const char *event_id,
    const char *type, const char *pid, const struct gw_payment *gp)
{
	enum settle_result r = SETTLE_SAME;
	long long ev;

	if (db_begin(c->db) < 0)
		return 500;
	if ((ev = db_payment_event_add(c->db, g->id, event_id, type, pid,
	    (long long)time(NULL))) <= 0) {
		db_rollback(c->db);
		return ev < 0 ? 500 : answer(c, 200, "duplicate");
	}
	if (gp != NULL && (r = payment_apply(c->db, &c->arena, g, gp)) ==
	    SETTLE_ERROR) {
		db_rollback(c->db);
		return 500;
	}
	if (db_payment_event_result(c->db, ev, gp ? settle_names[r] :
	    "ignored") < 0 || db_commit(c->db) < 0) {
		db_rollback(c->db);
		return 500;
	}
	if (r == SETTLE_PAID)
		site_mail_defer(c);
	return answer(c, 200, gp ? settle_names[r] : "ignored");
}

/* Re-reads our payment pid of gateway g into gp.  0; 1 when it is not
 * ours or no longer open (nothing to ask); -1 when the gateway did not
 * answer. */
static int
reread(struct ctx *c, const struct gateway *g, const char *pid,
    struct gw_payment *gp)
{
	struct payment p;
	const char *why;
	int rc;

	if ((rc = db_payment_by_pid(c->db, &c->arena, g->id, pid, &p)) != 0)
		return rc < 0 ? -1 : 1;
	if (strcmp(p.status, "open") != 0)
		return 1;
	if (g->verify(&c->arena, pid, gp, &why) != GW_OK) {
		log_warn("hook %s: payment %s not verified: %s", g->id, pid, why);
		return -1;
	}
	return 0;
}

/* The checkout session an event is about: data.object.id of session
 * events, or the session of the payment_intent of a charge event; NULL
 * when the type is not about payments. */
static const char *
event_session(struct ctx *c, const char *type, json_t *obj)
{
	static const char *const session_types[] = {
		"checkout.session.completed",
		"checkout.session.async_payment_succeeded",
		"checkout.session.async_payment_failed",
		"checkout.session.expired", NULL,
	};
	const char *s;
	struct payment p;

	for (size_t i = 0; session_types[i]; i++)
		if (strcmp(type, session_types[i]) == 0)
			return (s = json_string_value(json_object_get(obj,
			    "id"))) ? s : "";
	if (strcmp(type, "charge.refunded") == 0 &&
	    (s = json_string_value(json_object_get(obj, "payment_intent"))) &&
	    db_payment_by_charge(c->db, &c->arena, "stripe", s, &p) == 0)
		return p.provider_id;
	return NULL;
}

/* POST /hooks/stripe. */
static int
stripe_hook(struct ctx *c)
{
	const char *sig = io_getenv(c->req.io, "HTTP_STRIPE_SIGNATURE");
	const char *secrets = conf_str(gw_live() ? CONF_STRIPE_WEBHOOK_LIVE :
	    CONF_STRIPE_WEBHOOK_TEST);
	const char *id, *type, *sess;
	struct gw_payment gp;
	enum sign_result sr;
	json_error_t je;
	json_t *ev;
	int rc, live;

	sr = gw_sign_check(sig, c->req.body, c->req.body_len, secrets,
	    (long long)time(NULL));
	if (sr != SIGN_OK) {
		log_warn("hook stripe: refused: %s", sr == SIGN_STALE ? "stale "
		    "timestamp" : sr == SIGN_NO_SECRET ? "no webhook secret set" :
		    "bad signature");
		return answer(c, 400, sr == SIGN_STALE ? "stale" : "signature");
	}
	if ((ev = json_loadb(c->req.body, c->req.body_len, 0, &je)) == NULL)
		return answer(c, 400, "json");
	id = json_string_value(json_object_get(ev, "id"));
	type = json_string_value(json_object_get(ev, "type"));
	live = json_is_true(json_object_get(ev, "livemode"));
	if (id == NULL || type == NULL || *id == '\0' || strlen(id) > 255 ||
	    strlen(type) > 255) {
		json_decref(ev);
		return answer(c, 400, "event");
	}
	id = arena_strdup(&c->arena, id);
	type = arena_strdup(&c->arena, type);
	sess = event_session(c, type, json_object_get(json_object_get(ev,
	    "data"), "object"));
	if (sess != NULL)
		sess = arena_strdup(&c->arena, sess);
	json_decref(ev);
	/* Another mode's event, or a type we do not act on: stored, 2xx. */
	if (sess == NULL || *sess == '\0' || live != gw_live())
		return store_apply(c, &gw_stripe, id, type, sess ? sess : "",
		    NULL);
	if ((rc = reread(c, &gw_stripe, sess, &gp)) < 0)
		return answer(c, 503, "gateway");
	return store_apply(c, &gw_stripe, id, type, sess, rc == 0 ? &gp : NULL);
}

/* POST /hooks/flouci: {"payment_id": ...} (JSON) or payment_id=...; the
 * event is "<payment id>:<state the gateway reports>". */
static int
flouci_hook(struct ctx *c)
{
	static const char *const states[] = { "open", "paid", "failed",
	    "expired" };
	const struct val *v = app_val(c, KEY_PAYMENT_ID);
	const char *pid = v->state == VAL_OK ? v->s : NULL;
	struct gw_payment gp;
	json_error_t je;
	json_t *j;
	int rc;

	if (pid == NULL && (j = json_loadb(c->req.body, c->req.body_len, 0,
	    &je)) != NULL) {
		const char *s = json_string_value(json_object_get(j,
		    "payment_id"));
		if (s != NULL && *s && strlen(s) <= 128)
			pid = arena_strdup(&c->arena, s);
		json_decref(j);
	}
	if (pid == NULL)
		return answer(c, 400, "payment_id");
	if ((rc = reread(c, &gw_flouci, pid, &gp)) < 0)
		return answer(c, 503, "gateway");
	if (rc == 1)	/* not ours, or settled: nothing to do or store */
		return answer(c, 200, "ignored");
	return store_apply(c, &gw_flouci, arena_printf(&c->arena, "%s:%s",
	    pid, states[gp.state]), "verify", pid, &gp);
}

static int
page_hooks(struct ctx *c)
{
	if (c->req.nseg != 2)
		return 404;
	if (strcmp(c->req.seg[1], "stripe") == 0)
		return stripe_hook(c);
	if (strcmp(c->req.seg[1], "flouci") == 0)
		return flouci_hook(c);
	return 404;
}

enum page_id { PAGE_HOOKS, PAGE__MAX };

static const struct page pages[PAGE__MAX] = {
	[PAGE_HOOKS] = { "hooks", METHODS_POST, page_hooks,
	    PAGE_REST | PAGE_BARE, KEYS(KEY_PAYMENT_ID) },
};

static const struct app hooks = {
	"hooks", pages, PAGE__MAX, keys, KEY__MAX, &site_hooks, NULL, NULL,
};

int
main(int argc, char **argv)
{
	return app_main(argc, argv, &hooks);
}
