/* store_mail.c — see store_mail.h. */
#include <string.h>

#include "money.h"
#include "order_hdf.h"
#include "site.h"
#include "store_conf.h"
#include "store_mail.h"
#include "l10n.h"
#include "lang.h"
#include "log.h"
#include "tmpl.h"

/* Renders templates/<name>.cs (text, or HTML when html) in language l
 * into an arena string, from what the caller put in tmpl_hdf(l); NULL on
 * error (logged).  A tree other than the request's is cleared after. */
static const char *
render(struct ctx *c, enum lang l, const char *name, int html)
{
	struct buf b = { 0 };
	const char *out = NULL;

	if ((html ? tmpl_render(l, name, TMPL_BARE, &b) :
	    mail_render(l, name, &b)) == 0)
		out = arena_strdup(&c->arena, b.data ? b.data : "");
	buf_free(&b);
	/* Every store mail says something: a blank one (what ClearSilver's
	 * stale lookup cache did before hdf_drop) leaves a trace. */
	if (out != NULL && out[strspn(out, " \n")] == '\0')
		log_error("mail: %s (%s) rendered nothing; Page.order.reference "
		    "'%s' in its tree, %s the request's (lang %s)", name,
		    lang_code(l), hdf_get_value(tmpl_hdf(l),
		    "Page.order.reference", "(none)"), tmpl_hdf(l) == c->hdf ?
		    "which is" : "not", lang_code(c->lang));
	return out;
}

/* render() of an order mail: o goes under Page.order of language l's
 * tree (the request's own tree too: the page may not have put it). */
static const char *
render_order(struct ctx *c, enum lang l, const char *name, int html,
    const struct order *o)
{
	HDF *h = tmpl_hdf(l);
	const char *out;

	order_put(h, &c->arena, l, "Page.order", o);
	out = render(c, l, name, html);
	if (h != c->hdf)
		tmpl_clear(l);
	return out;
}

/* Page.order.next_html and .next_text in tree h (language l): the
 * shopper's timeline (mail/timeline_html, mail/timeline_text) under the
 * order h holds.  It reads only the order's status and next.* (what the
 * kinds of line, the method and two settings make), so each rendering is
 * kept under those values (tmpl_memo): a handful of shapes per shop,
 * where rendering it per order was a third of the confirmation's
 * instructions (callgrind).  0 or -1. */
static int
put_timeline(enum lang l, HDF *h)
{
	HDF *order = hdf_get_obj(h, "Page.order"), *next;
	struct buf key = { 0 };
	const char *html, *text = NULL;

	if (order == NULL)
		return -1;
	buf_puts(&key, hdf_get_value(order, "status", ""));
	next = hdf_get_obj(order, "next");
	for (HDF *k = next ? hdf_obj_child(next) : NULL; k != NULL;
	    k = hdf_obj_next(k)) {
		buf_putc(&key, ';');
		buf_puts(&key, hdf_obj_name(k));
		buf_putc(&key, '=');
		buf_puts(&key, hdf_obj_value(k) ? hdf_obj_value(k) : "");
	}
	/* Each string is the table's until the next memo: put at once. */
	if ((html = tmpl_memo(l, "mail/timeline_html", TMPL_BARE,
	    key.data)) != NULL) {
		hdf_put(order, "next_html", html);
		if ((text = tmpl_memo(l, "mail/timeline_text", TMPL_TEXT,
		    key.data)) != NULL)
			hdf_put(order, "next_text", text);
	}
	buf_free(&key);
	return text != NULL ? 0 : -1;
}

/* The order o under Page.order of language l's tree, with what the order
 * mails print from it: Page.order.lines_text, the lines and totals both
 * text mails show (mail/order_lines, rendered once for the two), and
 * with timeline, the shopper's timeline (put_timeline).  0 or -1. */
static int
put_order(struct ctx *c, enum lang l, const struct order *o, int timeline)
{
	HDF *h = tmpl_hdf(l);
	struct buf b = { 0 };
	int rc;

	order_put(h, &c->arena, l, "Page.order", o);
	if ((rc = mail_render(l, "mail/order_lines", &b)) == 0)
		hdf_put(h, "Page.order.lines_text", b.data ? b.data : "");
	buf_free(&b);
	return rc < 0 || (timeline && put_timeline(l, h) < 0) ? -1 : 0;
}

int
store_mail_order(void *arg, const struct order *o, struct mail *m, size_t *n)
{
	struct ctx *c = arg;
	enum lang shop = lang_default();

	memset(m, 0, 2 * sizeof(*m));
	/* An address nobody has verified: no name in To:, and the templates
	 * print nothing else the shopper typed (docs/mail-safety.md). */
	m[0].to = o->email;
	m[0].reply_to = conf_str(CONF_SHOP_EMAIL);
	m[0].subject = arena_printf(&c->arena, "%s %s — %s",
	    tmpl_str(c->lang, "mail.confirm_subject"), o->reference,
	    conf_str(CONF_STORE_NAME));
	/* The request's tree keeps Page.order after a render: the order is
	 * put there once for the mails in the visitor's language (putting
	 * it was a third of the order mails' instructions, callgrind). */
	if (put_order(c, c->lang, o, 1) < 0)
		return -1;
	m[0].text = render(c, c->lang, "mail/order_confirm", 0);
	m[0].html = render(c, c->lang, "mail/order_confirm_html", 1);
	m[1].to = conf_str(CONF_SHOP_EMAIL);
	m[1].reply_to = o->email;
	m[1].subject = arena_printf(&c->arena, "%s %s (%s)",
	    tmpl_str(shop, "mail.new_subject"), o->reference,
	    site_money(c, o->total_minor));
	/* The shop's copy in the visitor's language reads the Page.order
	 * just put (a second order_put was a fifth of the mails' work).
	 * The blank shop copies this once gave under load were
	 * hdf_remove_tree's stale lookup cache, fixed by hdf_drop()
	 * (793b884); test_order_mail renders orders back to back. */
	if (shop == c->lang)
		m[1].text = render(c, shop, "mail/order_new", 0);
	else if (put_order(c, shop, o, 0) == 0) {
		m[1].text = render(c, shop, "mail/order_new", 0);
		tmpl_clear(shop);
	}
	*n = 2;
	return m[0].text && m[0].html && m[1].text ? 0 : -1;
}

int
store_mail_proof(struct ctx *c, const struct order *o, struct mail *m)
{
	enum lang l = lang_default();

	memset(m, 0, sizeof(*m));
	m->to = conf_str(CONF_SHOP_EMAIL);
	m->subject = arena_printf(&c->arena, "%s %s",
	    tmpl_str(l, "mail.proof_subject"), o->reference);
	m->text = render_order(c, l, "mail/proof_received", 0, o);
	return m->text ? 0 : -1;
}

/* A contact mail in language l: the message under Mail.* (mail_render
 * removes it after) when with_message; without it, the template gets
 * nothing the visitor typed (the acknowledgement goes to an address
 * nobody verified: docs/mail-safety.md). */
static const char *
render_contact(struct ctx *c, enum lang l, const char *name,
    const struct contact_message *msg, long long now, int with_message)
{
	HDF *h = tmpl_hdf(l);

	if (with_message) {
		hdf_put(h, "Mail.name", msg->name);
		hdf_put(h, "Mail.email", msg->email);
		hdf_put(h, "Mail.subject", msg->subject);
		hdf_put(h, "Mail.message", msg->body);
		hdf_put(h, "Mail.order", msg->order_ref);
	}
	hdf_put(h, "Mail.lang", tmpl_str(c->lang, "name"));
	hdf_put(h, "Mail.sent_at", l10n_time_a(&c->arena, now, LANG_EN, L10N_STAMP_ZONE));
	return render(c, l, name, 0);
}

int
store_mail_contact(struct ctx *c, const struct contact_message *msg,
    long long now, struct mail *to_shop, struct mail *to_sender)
{
	enum lang shop = lang_default();

	memset(to_shop, 0, sizeof(*to_shop));
	memset(to_sender, 0, sizeof(*to_sender));
	to_shop->to = conf_str(CONF_SHOP_EMAIL);
	to_shop->reply_to = msg->email;
	to_shop->reply_to_name = msg->name;
	to_shop->subject = arena_printf(&c->arena, "%s %s",
	    tmpl_str(shop, "mail.contact_subject"), msg->subject);
	to_shop->text = render_contact(c, shop, "mail/contact_shop", msg, now,
	    1);
	to_sender->to = msg->email;
	to_sender->reply_to = conf_str(CONF_SHOP_EMAIL);
	to_sender->reply_to_name = conf_str(CONF_STORE_NAME);
	to_sender->subject = arena_printf(&c->arena, "%s (%s)",
	    tmpl_str(c->lang, "mail.ack_subject"), conf_str(CONF_STORE_NAME));
	to_sender->text = render_contact(c, c->lang, "mail/contact_ack", msg,
	    now, 0);
	return to_shop->text && to_sender->text ? 0 : -1;
}

int
store_mail_refund(struct ctx *c, const struct order *o,
    const struct refund_plan *p, const char *reason, struct mail *m)
{
	int l = lang_from_code(o->lang);
	enum lang ol = l < 0 ? lang_default() : (enum lang)l;
	HDF *h = tmpl_hdf(ol);

	hdf_put(h, "Mail.amount", money_arena(&c->arena, p->amount_minor, ol));
	hdf_put(h, "Mail.full", p->full ? "1" : "0");
	hdf_put(h, "Mail.gateway", p->gateway ? "1" : "0");
	hdf_put(h, "Mail.reason", reason ? reason : "");
	for (size_t i = 0; !p->full && i < p->nlines; i++) {
		hdf_putf(h, p->lines[i].name, "Mail.lines.%zu.name", i);
		hdf_putf(h, arena_printf(&c->arena, "%lld", p->lines[i].qty),
		    "Mail.lines.%zu.qty", i);
	}
	memset(m, 0, sizeof(*m));
	m->to = o->email;	/* unverified: no name (docs/mail-safety.md) */
	m->reply_to = conf_str(CONF_SHOP_EMAIL);
	m->reply_to_name = conf_str(CONF_STORE_NAME);
	m->subject = arena_printf(&c->arena, "%s %s — %s",
	    tmpl_str(ol, "refund.mail_subject"), o->reference,
	    conf_str(CONF_STORE_NAME));
	m->text = render_order(c, ol, "mail/order_refund", 0, o);
	return m->text ? 0 : -1;
}

int
store_mail_invite(void *arg, const struct user *u, const char *link,
    long long expires_at, struct mail *m)
{
	struct ctx *c = arg;
	int code = lang_from_code(u->lang);
	enum lang l = code >= 0 ? (enum lang)code : lang_default();
	HDF *h = tmpl_hdf(l);

	memset(m, 0, sizeof(*m));
	/* Staff typed the name and vouch for the address (the account is
	 * verified): the greeting may carry the name. */
	hdf_put(h, "Mail.name", u->name);
	hdf_put(h, "Mail.email", u->email);
	hdf_put(h, "Mail.link", link);
	hdf_put(h, "Mail.expires", l10n_time_a(&c->arena, expires_at, l,
	    L10N_DATETIME));
	m->to = u->email;
	m->to_verified = 1;
	m->reply_to = conf_str(CONF_SHOP_EMAIL);
	m->reply_to_name = conf_str(CONF_STORE_NAME);
	m->subject = arena_printf(&c->arena, "%s — %s",
	    tmpl_str(l, "admcust.mail.subject"), conf_str(CONF_STORE_NAME));
	m->text = render(c, l, "mail/account_invite", 0);
	return m->text ? 0 : -1;
}
