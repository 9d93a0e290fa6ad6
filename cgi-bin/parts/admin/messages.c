/* messages.c — the contact inbox: messages by box (open, unread,
 * handled, all) with keyset pages, one message with the customer and
 * order it matches and its replies, a reply mailed to the shopper
 * (threaded: message_reply.h) and the handled / reopen / spam moves. */
#include <string.h>
#include <time.h>

#include "admin.h"
#include "db_messages.h"
#include "db_order.h"
#include "db_user.h"
#include "log.h"
#include "mail.h"
#include "message_reply.h"
#include "site.h"
#include "store_conf.h"
#include "user.h"

#define INBOX_ROWS	50

const char *const adm_message_acts[] = { "handled", "reopen", "spam", NULL };
/* The status each of adm_message_acts moves a message to. */
static const char *const act_status[] = { "archived", "read", "spam" };

int
page_messages(struct ctx *c)
{
	struct message_row *m;
	size_t n;
	enum message_box box = app_val(c, KEY_BOX)->state == VAL_OK ?
	    (enum message_box)app_val(c, KEY_BOX)->i : MBOX_OPEN;
	long long before = app_val(c, KEY_BEFORE)->state == VAL_OK ?
	    app_val(c, KEY_BEFORE)->i : 0;

	if (db_message_list(c->db, &c->arena, box, before, INBOX_ROWS, &m,
	    &n) < 0)
		return 500;
	hdf_put(c->hdf, "Page.box", message_boxes[box]);
	for (size_t i = 0; i < n; i++) {
		const char *p = arena_printf(&c->arena, "Page.messages.%zu", i);
		hdf_put_int(c->hdf, arena_printf(&c->arena, "%s.id", p), m[i].id);
		hdf_putf(c->hdf, adm_when(c, m[i].created_at), "%s.at", p);
		hdf_putf(c->hdf, m[i].name, "%s.name", p);
		hdf_putf(c->hdf, m[i].email, "%s.email", p);
		hdf_putf(c->hdf, m[i].subject, "%s.subject", p);
		hdf_putf(c->hdf, m[i].body, "%s.excerpt", p);
		hdf_putf(c->hdf, m[i].status, "%s.status", p);
	}
	if (n == INBOX_ROWS)
		hdf_put_int(c->hdf, "Page.next", m[n - 1].id);
	return app_render(c, 200, "admin/messages");
}

/* The message of the path (/admin/message/<id>) or of KEY_ID: 0, or the
 * status to answer (404 for anything but an existing message). */
static int
load_message(struct ctx *c, struct message_row *m, int from_path)
{
	long long id = adm_object_id(c, from_path);
	int rc;

	if (id == 0)
		return app_error(c, 404, NULL);
	if ((rc = db_message_get(c->db, &c->arena, id, m)) != 0)
		return rc < 0 ? 500 : app_error(c, 404, NULL);
	return 0;
}

/* Page.customer.* (the account with the message's address) and
 * Page.order.* (the order it names): what the message is linked to. */
static int
put_links(struct ctx *c, const struct message_row *m)
{
	struct user u;
	struct order o;
	char *norm = arena_strdup(&c->arena, m->email);
	long long oid;
	int rc;

	email_norm(norm);
	if ((rc = db_user_by_email(c->db, &c->arena, norm, &u)) < 0)
		return -1;
	if (rc == 0) {
		hdf_put_int(c->hdf, "Page.customer.id", u.id);
		hdf_put(c->hdf, "Page.customer.name", u.name);
		hdf_put(c->hdf, "Page.customer.role", role_name(u.role));
	}
	if ((oid = message_order(c->db, m)) < 0)
		return -1;
	if (oid > 0 && (rc = db_order_by_id(c->db, &c->arena, oid, &o)) < 0)
		return -1;
	if (oid > 0 && rc == 0) {
		hdf_put_int(c->hdf, "Page.order.id", o.id);
		hdf_put(c->hdf, "Page.order.reference", o.reference);
		hdf_put(c->hdf, "Page.order.status", o.status);
		/* Anyone can write a reference: say whether the address is
		 * the order's too. */
		hdf_put(c->hdf, "Page.order.same_email",
		    strcmp(o.email_norm, norm) == 0 ? "1" : "0");
	}
	return 0;
}

int
page_message(struct ctx *c)
{
	struct message_row m;
	struct message_reply *r;
	size_t n;
	int st;

	if ((st = load_message(c, &m, 1)) != 0)
		return st;
	/* Opening an unread message marks it read (no audit: it changes
	 * nothing anyone asked for). */
	if (strcmp(m.status, "new") == 0 &&
	    db_message_set_status(c->db, m.id, "read", "new") < 0)
		return 500;
	if (db_message_replies(c->db, &c->arena, m.id, &r, &n) < 0 ||
	    put_links(c, &m) < 0)
		return 500;
	hdf_put_int(c->hdf, "Page.message.id", m.id);
	hdf_put(c->hdf, "Page.message.at", adm_when(c, m.created_at));
	hdf_put(c->hdf, "Page.message.name", m.name);
	hdf_put(c->hdf, "Page.message.email", m.email);
	hdf_put(c->hdf, "Page.message.subject", m.subject);
	hdf_put(c->hdf, "Page.message.body", m.body);
	hdf_put(c->hdf, "Page.message.order_ref", m.order_ref);
	hdf_put(c->hdf, "Page.message.lang", m.lang);
	hdf_put(c->hdf, "Page.message.status", m.status);
	for (size_t i = 0; i < n; i++) {
		hdf_putf(c->hdf, r[i].author, "Page.replies.%zu.author", i);
		hdf_putf(c->hdf, r[i].body, "Page.replies.%zu.body", i);
		hdf_putf(c->hdf, r[i].mail_status, "Page.replies.%zu.mail", i);
		hdf_putf(c->hdf, adm_when(c, r[i].created_at),
		    "Page.replies.%zu.at", i);
	}
	return app_render(c, 200, "admin/message");
}

/* The reply mail to m's (unverified) address in m's language: the shop's
 * subject line and the staff's text, nothing the shopper typed
 * (docs/mail-safety.md).  0 or -1. */
static int
reply_mail(struct ctx *c, const struct message_row *m, const char *body,
    struct mail *out)
{
	enum lang l = (enum lang)lang_from_code(m->lang);
	HDF *h = tmpl_hdf(l);
	struct buf b = { 0 };
	int rc;

	hdf_put(h, "Mail.body", body);
	hdf_put(h, "Mail.staff", c->site->user->name[0] ?
	    c->site->user->name : conf_str(CONF_STORE_NAME));
	rc = mail_render(l, "mail/message_reply", &b);
	memset(out, 0, sizeof(*out));
	out->to = m->email;
	out->reply_to = conf_str(CONF_SHOP_EMAIL);
	out->reply_to_name = conf_str(CONF_STORE_NAME);
	out->subject = arena_printf(&c->arena, "%s — %s",
	    tmpl_str(l, "admmsg.mail_subject"), conf_str(CONF_STORE_NAME));
	out->text = rc == 0 ? arena_strdup(&c->arena, b.data ? b.data : "") :
	    NULL;
	buf_free(&b);
	return out->text != NULL ? 0 : -1;
}

int
page_message_reply(struct ctx *c)
{
	struct message_row m;
	struct mail mail;
	long long now = (long long)time(NULL);
	const char *body;
	int st;

	if (!app_csrf_ok(c))
		return 403;
	if ((st = load_message(c, &m, 0)) != 0)
		return st;
	if (app_val(c, KEY_BODY)->state != VAL_OK)
		return app_error(c, 400, app_val(c, KEY_BODY)->err);
	body = app_val(c, KEY_BODY)->s;
	if (reply_mail(c, &m, body, &mail) < 0 || db_begin(c->db) < 0)
		return 500;
	if (message_reply(c->db, &c->arena, &m, &mail, c->site->user->id,
	    c->site->user->email, body, now) < 0 ||
	    adm_audit(c, "reply", "message", m.id, body, now) < 0 ||
	    db_commit(c->db) < 0) {
		db_rollback(c->db);
		return 500;
	}
	log_info("message %lld: replied by %s", m.id, c->site->user->email);
	site_mail_defer(c);
	return app_redirect(c, arena_printf(&c->arena,
	    "/admin/message/%lld?notice=replied", m.id));
}

int
page_message_status(struct ctx *c)
{
	struct message_row m;
	long long now = (long long)time(NULL);
	int st, a;

	if (!app_csrf_ok(c))
		return 403;
	if ((st = load_message(c, &m, 0)) != 0)
		return st;
	if (app_val(c, KEY_MDO)->state != VAL_OK)
		return app_error(c, 400, "action");
	a = (int)app_val(c, KEY_MDO)->i;
	if (db_begin(c->db) < 0)
		return 500;
	if (db_message_set_status(c->db, m.id, act_status[a], NULL) < 0 ||
	    adm_audit(c, adm_message_acts[a], "message", m.id, m.status,
	    now) < 0 || db_commit(c->db) < 0) {
		db_rollback(c->db);
		return 500;
	}
	return app_redirect(c, arena_printf(&c->arena,
	    "/admin/message/%lld?notice=%s", m.id, adm_message_acts[a]));
}
