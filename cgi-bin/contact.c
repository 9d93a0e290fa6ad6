/* contact — the contact form, no account needed.
 *
 *   GET  /contact            the form with its CSRF token (?order= and
 *                            ?subject= prefill it, e.g. from an order page)
 *   GET  /contact?sent=1     the thank-you page the POST redirects to
 *   POST /contact            CSRF token + same origin (403) -> honeypot
 *                            (filled: a quiet thank-you, nothing kept) ->
 *                            validation (400: the form again, each error
 *                            beside its field, values kept) -> in ONE
 *                            transaction: the per-address rate limit (429:
 *                            the form again with a notice),
 *                            the stored message, the mail to shop_email
 *                            (Reply-To: the sender) and the acknowledgement
 *                            to the sender -> 303 to the thank-you page.
 *                            The mails leave after the response (site_mail_defer).
 *
 * name, email and subject reach the shop's mail headers: their validators
 * (V_LINE, V_EMAIL) are the mail header rules (utf8_control_len,
 * mail_addr_safe), so any control character in them, even where trimming
 * would drop it, is a 400 next to the field before anything is stored, and
 * a value that passes is never refused by mail_enqueue().
 *
 * The acknowledgement goes to an address nobody has verified: it carries
 * no text the visitor typed (no name in To: or the greeting, no subject, no
 * order field, no message), so the form cannot relay anything to a third
 * party (docs/mail-safety.md). */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "store_conf.h"
#include "db_messages.h"
#include "db_rate.h"
#include "form_err.h"
#include "l10n.h"
#include "log.h"
#include "mail.h"
#include "site.h"
#include "site_hooks.h"
#include "store_mail.h"
#include "utf8.h"

#define RATE_WINDOW 3600	/* contact_rate_limit counts per hour */

enum key {
	KEY_NAME, KEY_EMAIL, KEY_SUBJECT, KEY_MESSAGE, KEY_ORDER, KEY_WEBSITE,
	KEY_SENT, KEY__MAX
};

static const struct valid_key keys[KEY__MAX] = {
	[KEY_NAME] = { "name", V_LINE, 1, MAIL_NAME_CHARS, NULL, 1 },
	[KEY_EMAIL] = { "email", V_EMAIL, 0, 0, NULL, 1 },
	[KEY_SUBJECT] = { "subject", V_LINE, 1, 200, NULL, 1 },
	[KEY_MESSAGE] = { "message", V_TEXT, 1, 5000, NULL, 1 },
	[KEY_ORDER] = { "order", V_LINE, 0, 40, NULL, 0 },
	/* The honeypot: hidden from people, filled in by form robots. */
	[KEY_WEBSITE] = { "website", V_LINE, 0, 0, NULL, 0 },
	[KEY_SENT] = { "sent", V_BOOL, 0, 0, NULL, 0 },
};

/* The inputs shown back in the form, in the form's order (the error
 * summary follows it). */
static const int shown[] = {
	KEY_NAME, KEY_EMAIL, KEY_ORDER, KEY_SUBJECT, KEY_MESSAGE,
};
#define NSHOWN (sizeof(shown) / sizeof(shown[0]))

/* Page.form.<name> for each input that has a value. */
static void
put_values(struct ctx *c)
{
	for (size_t i = 0; i < NSHOWN; i++) {
		const struct val *v = app_val(c, shown[i]);
		if (v->state != VAL_ABSENT)
			hdf_putf(c->hdf, v->s, "Page.form.%s", keys[shown[i]].name);
	}
}

/* The form page with status (200, or 400 after a failed POST). */
static int
form(struct ctx *c, int status)
{
	app_csrf_token(c);
	hdf_put_int(c->hdf, "Page.max.name", keys[KEY_NAME].max);
	hdf_put_int(c->hdf, "Page.max.subject", keys[KEY_SUBJECT].max);
	hdf_put_int(c->hdf, "Page.max.message", keys[KEY_MESSAGE].max);
	hdf_put_int(c->hdf, "Page.max.order", keys[KEY_ORDER].max);
	return app_render(c, status, "contact/form");
}

/* The number of invalid keys (the honeypot and the thank-you flag are
 * not the visitor's fields). */
static int
count_invalid(struct ctx *c)
{
	int bad = 0;

	for (int k = 0; k < KEY__MAX; k++)
		if (app_val(c, k)->state == VAL_INVALID && k != KEY_WEBSITE &&
		    k != KEY_SENT)
			bad++;
	return bad;
}

/* Stores the message and queues both mails in one transaction.
 * Returns 303, 429 or 500. */
static int
store(struct ctx *c)
{
	time_t now = time(NULL);
	const char *ua = c->req.user_agent ? c->req.user_agent : "";
	char client[80];
	long long wait = 0;
	int rc;
	struct contact_message msg = {
		.name = app_val(c, KEY_NAME)->s, .email = app_val(c, KEY_EMAIL)->s,
		.subject = app_val(c, KEY_SUBJECT)->s,
		.body = app_val(c, KEY_MESSAGE)->s,
		.order_ref = app_val(c, KEY_ORDER)->s,
		.lang = lang_code(c->lang), .client_addr = c->req.remote_addr,
		.user_agent = arena_strndup(&c->arena, ua,
		    utf8_prefix(ua, strlen(ua), 200)),
	};
	struct mail to_shop, to_sender;

	if (store_mail_contact(c, &msg, (long long)now, &to_shop, &to_sender) < 0)
		return 500;
	rate_client_key(client, sizeof(client), c->req.remote_addr);
	if (db_begin(c->db) < 0)
		return 500;
	rc = db_rate_hit(c->db, "contact", client,
	    conf_int(CONF_CONTACT_RATE_LIMIT), RATE_WINDOW, (long long)now, &wait);
	if (rc != 0) {
		db_rollback(c->db);
		if (rc < 0)
			return 500;
		log_info("contact: rate limit reached for %s", client);
		resp_header(&c->resp, "Retry-After",
		    arena_printf(&c->arena, "%lld", wait));
		/* The form again, so the text typed is not lost. */
		hdf_put_int(c->hdf, "Page.rate_limited", 1);
		hdf_put_int(c->hdf, "Page.retry_minutes", (wait + 59) / 60);
		put_values(c);
		return form(c, 429);
	}
	if (mail_enqueue(c->db, &to_shop, &msg.mail_id) < 0 ||
	    mail_enqueue(c->db, &to_sender, NULL) < 0 ||
	    db_message_add(c->db, &msg, (long long)now) < 0 ||
	    db_commit(c->db) < 0) {
		db_rollback(c->db);
		return 500;
	}
	site_mail_defer(c);
	return app_redirect(c, "/contact?sent=1");
}

/* GET: the form or the thank-you page; POST: see the top of this file. */
static int
page_contact(struct ctx *c)
{
	const struct val *hp = app_val(c, KEY_WEBSITE);

	if (c->req.method != METHOD_POST) {
		if (app_val(c, KEY_SENT)->state == VAL_OK && app_val(c, KEY_SENT)->i)
			return app_render(c, 200, "contact/thanks");
		/* Prefill from links, never with errors on a first visit. */
		if (app_val(c, KEY_ORDER)->state == VAL_OK)
			hdf_put(c->hdf, "Page.form.order", app_val(c, KEY_ORDER)->s);
		if (app_val(c, KEY_SUBJECT)->state == VAL_OK)
			hdf_put(c->hdf, "Page.form.subject",
			    app_val(c, KEY_SUBJECT)->s);
		return form(c, 200);
	}
	if (!app_csrf_ok(c))
		return 403;
	if (hp->raw != NULL && *hp->raw != '\0') {
		log_info("contact: honeypot filled from %s; message dropped",
		    c->req.remote_addr);
		return app_redirect(c, "/contact?sent=1");
	}
	if (count_invalid(c) > 0) {
		struct form_err fe;
		form_err_init(c, &fe, shown, NSHOWN);
		form_err_put(c, &fe, shown, NSHOWN);
		put_values(c);
		return form(c, 400);
	}
	return store(c);
}

enum page_id { PAGE_CONTACT, PAGE__MAX };

static const struct page pages[PAGE__MAX] = {
	[PAGE_CONTACT] = { "contact", METHODS_GET_POST, page_contact, 0,
	    KEYS(KEY_NAME, KEY_EMAIL, KEY_SUBJECT, KEY_MESSAGE, KEY_ORDER,
	    KEY_WEBSITE, KEY_SENT) },
};

static const struct app contact = {
	"contact", pages, PAGE__MAX, keys, KEY__MAX, &site_hooks, NULL, NULL,
};

int
main(int argc, char **argv)
{
	return app_main(argc, argv, &contact);
}
