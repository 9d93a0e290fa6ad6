/* refund.c — the order page's refunds (admins: PERM_REFUND; the rules
 * are lib/store/refund.h) and "resend the last mail" (staff:
 * PERM_ORDER_ACT).
 *
 *   POST /admin/order/refund   id, idem (the form's one-time key), reason,
 *                              line + qty (one line's units; absent: the
 *                              whole order, all that is left)
 *   POST /admin/order/retry    id, refund (a row waiting for the gateway's
 *                              answer): asked again under its key
 *   POST /admin/order/resend   id: the newest mail to the customer about
 *                              this order queued again (a new copy) */
#include <string.h>
#include <time.h>

#include "admin.h"
#include "auth.h"
#include "db_mail.h"
#include "db_order.h"
#include "log.h"
#include "mail.h"
#include "money.h"
#include "rand.h"
#include "refund.h"
#include "site.h"
#include "site_hooks.h"
#include "staff_perm.h"
#include "store_mail.h"

#define IDEM_BYTES 18	/* 24 base64url characters */

/* The key a form's one-time token stands for: scoped to the order. */
static const char *
idem_of(struct ctx *c, long long order_id, const char *token)
{
	return arena_printf(&c->arena, "adm-%lld-%s", order_id, token);
}

/* The notice after a refund request that found row r: ?notice=... */
static int
to_notice(struct ctx *c, long long order_id, const struct order_refund *r)
{
	return app_redirect(c, arena_printf(&c->arena,
	    "/admin/order/%lld?notice=%s", order_id, r->waiting ?
	    "refund_waiting" : strcmp(r->status, "refused") == 0 ?
	    "refund_refused" : "refunded"));
}

/* "2 × Name, 1 × Other" for the lines of refund id among rl (arena). */
static const char *
lines_text(struct ctx *c, const struct order *o, long long id,
    const struct order_refund_line *rl, size_t n)
{
	const char *s = "";

	for (size_t i = 0; i < n; i++) {
		if (rl[i].refund_id != id || rl[i].line < 1 ||
		    (size_t)rl[i].line > o->nlines)
			continue;
		s = arena_printf(&c->arena, "%s%s%lld × %s", s, *s ? ", " : "",
		    rl[i].qty, o->lines[rl[i].line - 1].name);
	}
	return s;
}

/* Page.refunds.N (the order's refunds, every status). */
static int
put_history(struct ctx *c, const struct order *o)
{
	struct order_refund *r;
	struct order_refund_line *rl;
	size_t n, nl;

	if (db_order_refund_list(c->db, &c->arena, o->id, &r, &n) < 0 ||
	    db_order_refund_lines(c->db, &c->arena, o->id, &rl, &nl) < 0)
		return -1;
	if (staff_may(c->site->user->role, PERM_REFUND))
		hdf_put(c->hdf, "Page.refund_retry", "1");
	for (size_t i = 0; i < n; i++) {
		hdf_putf(c->hdf, adm_when(c, r[i].created_at),
		    "Page.refunds.%zu.at", i);
		hdf_putf(c->hdf, site_money(c, r[i].amount_minor),
		    "Page.refunds.%zu.amount", i);
		hdf_putf(c->hdf, r[i].kind, "Page.refunds.%zu.kind", i);
		hdf_putf(c->hdf, r[i].method, "Page.refunds.%zu.method", i);
		hdf_putf(c->hdf, r[i].status, "Page.refunds.%zu.status", i);
		hdf_putf(c->hdf, r[i].staff, "Page.refunds.%zu.staff", i);
		hdf_putf(c->hdf, r[i].reason, "Page.refunds.%zu.reason", i);
		hdf_putf(c->hdf, r[i].provider, "Page.refunds.%zu.provider", i);
		hdf_putf(c->hdf, r[i].provider_refund_id,
		    "Page.refunds.%zu.rid", i);
		hdf_putf(c->hdf, r[i].answer, "Page.refunds.%zu.answer", i);
		hdf_putf(c->hdf, arena_printf(&c->arena, "%lld", r[i].id),
		    "Page.refunds.%zu.id", i);
		hdf_putf(c->hdf, r[i].waiting ? "1" : "0",
		    "Page.refunds.%zu.waiting", i);
		hdf_putf(c->hdf, strcmp(r[i].kind, "lines") == 0 ?
		    lines_text(c, o, r[i].id, rl, nl) : "",
		    "Page.refunds.%zu.lines", i);
	}
	/* Just refused: the gateway's words at the top of the page. */
	if (n > 0 && strcmp(r[n - 1].status, "refused") == 0 &&
	    app_val(c, KEY_NOTICE)->state == VAL_OK &&
	    strcmp(app_val(c, KEY_NOTICE)->s, "refund_refused") == 0)
		hdf_put(c->hdf, "Page.refund_refused", r[n - 1].answer);
	return 0;
}

/* Page.refund.* (the form) when this visitor may refund o. */
static int
put_form(struct ctx *c, const struct order *o)
{
	struct refund_plan p;
	long long *left, left_minor;
	char tok[64];
	size_t k = 0;

	if (!staff_may(c->site->user->role, PERM_REFUND))
		return 0;
	switch (refund_plan(c->db, &c->arena, o, NULL, &p)) {
	case RCHECK_ERROR:
		return -1;
	case RCHECK_OK:
		break;
	default:
		return 0;
	}
	if (refund_left(c->db, &c->arena, o, &left, &left_minor) < 0)
		return -1;
	hdf_put(c->hdf, "Page.refund.can", "1");
	hdf_put(c->hdf, "Page.refund.left", site_money(c, p.left_minor));
	hdf_put(c->hdf, "Page.refund.gateway", p.gateway ? "1" : "0");
	hdf_put(c->hdf, "Page.refund.provider", p.provider);
	/* No line forms for a gateway that refunds whole payments only. */
	hdf_put(c->hdf, "Page.refund.whole_only", p.whole_only ? "1" : "0");
	/* One key per form shown: its double submit is one refund. */
	rand_token(tok, IDEM_BYTES);
	hdf_put(c->hdf, "Page.refund.idem", tok);
	for (size_t i = 0; !p.whole_only && i < o->nlines; i++) {
		if (left[i] <= 0)
			continue;
		hdf_putf(c->hdf, arena_printf(&c->arena, "%zu", i + 1),
		    "Page.refund.lines.%zu.line", k);
		hdf_putf(c->hdf, o->lines[i].name, "Page.refund.lines.%zu.name",
		    k);
		hdf_putf(c->hdf, arena_printf(&c->arena, "%lld", left[i]),
		    "Page.refund.lines.%zu.left", k);
		k++;
	}
	return 0;
}

int
adm_put_refunds(struct ctx *c, const struct order *o)
{
	struct mail_row last;
	int rc;

	if (put_history(c, o) < 0 || put_form(c, o) < 0)
		return -1;
	if ((rc = db_mail_last_to(c->db, &c->arena, o->email, o->reference,
	    &last)) < 0)
		return -1;
	if (rc == 0 && staff_may(c->site->user->role, PERM_ORDER_ACT)) {
		hdf_put(c->hdf, "Page.resend.subject", last.subject);
		hdf_put(c->hdf, "Page.resend.at", adm_when(c, last.created_at));
	}
	return 0;
}

/* 502: the order page saying the gateway did not answer, the refund
 * waiting for it in the list (with its Retry button). */
static int
waiting_page(struct ctx *c, long long order_id)
{
	struct order o;

	hdf_put(c->hdf, "Page.refund_down", "1");
	if (db_order_by_id(c->db, &c->arena, order_id, &o) != 0)
		return 500;
	return adm_order_render(c, &o, 502);
}

/* The picks of the form: NULL for the whole order, else qty[] with the
 * one line's units (arena).  0, or the status to answer. */
static int
read_picks(struct ctx *c, const struct order *o, long long **qty)
{
	const struct val *line = app_val(c, KEY_LINE), *n = app_val(c, KEY_QTY);

	*qty = NULL;
	if (line->state == VAL_ABSENT)
		return 0;
	if (line->state != VAL_OK || (size_t)line->i > o->nlines)
		return app_error(c, 400, "refund_line");
	if (n->state != VAL_OK)
		return app_error(c, 400, "refund_qty");
	*qty = arena_alloc(&c->arena, (o->nlines + 1) * sizeof(**qty));
	memset(*qty, 0, (o->nlines + 1) * sizeof(**qty));
	(*qty)[line->i - 1] = n->i;
	return 0;
}

/* The start of every POST here: the CSRF check and the order of the
 * form's id into *o; 0, or the status to answer. */
static int
posted_order(struct ctx *c, struct order *o)
{
	long long id = adm_object_id(c, 0);
	int st;

	if (!app_csrf_ok(c))
		return 403;
	if (id == 0 || (st = db_order_by_id(c->db, &c->arena, id, o)) > 0)
		return app_error(c, 404, NULL);
	return st < 0 ? 500 : 0;
}

int
page_order_refund(struct ctx *c)
{
	const char *reason = adm_opt(c, KEY_REASON);
	const struct val *tok = app_val(c, KEY_IDEM);
	struct audit_entry who = {
		.user_id = c->site->user->id, .actor = c->site->user->email,
		.addr = c->req.remote_addr,
	};
	struct refund_ask ask = { 0 };
	struct refund_plan p;
	struct order_refund r;
	struct order o;
	struct mail m;
	long long *qty;
	int st;

	if ((st = posted_order(c, &o)) != 0)
		return st;
	if (tok->state != VAL_OK)
		return app_error(c, 400, "refund_form");
	if ((st = read_picks(c, &o, &qty)) != 0)
		return st;
	ask.idem = idem_of(c, o.id, tok->s);
	ask.reason = reason ? reason : "";
	ask.who = &who;
	/* A double submit whose first went through: show what it did. */
	if ((st = db_order_refund_by_key(c->db, &c->arena, ask.idem, &r)) < 0)
		return 500;
	if (st == 0)
		return to_notice(c, o.id, &r);
	switch (refund_plan(c->db, &c->arena, &o, qty, &p)) {
	case RCHECK_OK:
		break;
	case RCHECK_STATUS:
		return app_error(c, 409, "refund_status");
	case RCHECK_NOTHING:
		return app_error(c, 409, "refund_nothing");
	case RCHECK_TOO_MANY:
		return app_error(c, 400, "refund_too_many");
	default:
		return 500;
	}
	if (store_mail_refund(c, &o, &p, ask.reason, &m) < 0)
		return 500;
	ask.mail = &m;
	switch (refund_order(c->db, &c->arena, &o, &p, &ask, &r)) {
	case ROUT_DONE:
	case ROUT_PENDING:
		site_mail_defer(c);
		return app_redirect(c, arena_printf(&c->arena,
		    "/admin/order/%lld?notice=refunded", o.id));
	case ROUT_REPEAT:
	case ROUT_REFUSED:
		return to_notice(c, o.id, &r);
	case ROUT_CHANGED:
		return app_error(c, 409, "refund_changed");
	case ROUT_DOWN:
		return waiting_page(c, o.id);
	default:
		return 500;
	}
}

int
page_order_retry(struct ctx *c)
{
	const struct val *rv = app_val(c, KEY_REFUND);
	struct audit_entry who = {
		.user_id = c->site->user->id, .actor = c->site->user->email,
		.addr = c->req.remote_addr,
	};
	struct order_refund *rows;
	struct refund_plan p;
	struct order o;
	struct mail m;
	size_t n, i;
	int st;

	if ((st = posted_order(c, &o)) != 0)
		return st;
	if (rv->state != VAL_OK)
		return app_error(c, 400, "refund_form");
	if (db_order_refund_list(c->db, &c->arena, o.id, &rows, &n) < 0)
		return 500;
	for (i = 0; i < n && rows[i].id != rv->i; i++)
		;
	if (i == n)
		return app_error(c, 404, NULL);
	if (!rows[i].waiting)		/* answered meanwhile */
		return to_notice(c, o.id, &rows[i]);
	if (refund_plan_of(c->db, &c->arena, &o, &rows[i], &p) < 0 ||
	    store_mail_refund(c, &o, &p, rows[i].reason, &m) < 0)
		return 500;
	switch (refund_retry(c->db, &c->arena, &o, &rows[i], &who, &m)) {
	case ROUT_DONE:
	case ROUT_PENDING:
		site_mail_defer(c);
		/* FALLTHROUGH */
	case ROUT_REFUSED:
	case ROUT_REPEAT:
		return to_notice(c, o.id, &rows[i]);
	case ROUT_DOWN:
		return waiting_page(c, o.id);
	default:
		return 500;
	}
}

/* The mail row as a new mail to queue (same sender fields, text, HTML
 * and threading). */
static void
copy_mail(const struct mail_row *row, struct mail *m)
{
	memset(m, 0, sizeof(*m));
	m->to = row->to;
	m->to_name = *row->to_name ? row->to_name : NULL;
	m->to_verified = *row->to_name != '\0';	/* it was accepted so */
	m->reply_to = *row->reply_to ? row->reply_to : NULL;
	m->reply_to_name = *row->reply_to_name ? row->reply_to_name : NULL;
	m->subject = row->subject;
	m->text = row->text;
	m->html = row->html;
	m->in_reply_to = *row->in_reply_to ? row->in_reply_to : NULL;
	m->references = *row->refs ? row->refs : NULL;
}

int
page_order_resend(struct ctx *c)
{
	long long now = (long long)time(NULL), mid;
	struct mail_row row;
	struct order o;
	struct mail m;
	int st;

	if ((st = posted_order(c, &o)) != 0)
		return st;
	if ((st = db_mail_last_to(c->db, &c->arena, o.email, o.reference,
	    &row)) != 0)
		return st < 0 ? 500 : app_error(c, 409, "resend_none");
	copy_mail(&row, &m);
	if (db_begin(c->db) < 0)
		return 500;
	if (mail_enqueue(c->db, &m, &mid) < 0 || adm_audit(c, "resend_mail",
	    "order", o.id, arena_printf(&c->arena, "%s (#%lld → #%lld)",
	    row.subject, row.id, mid), now) < 0 || db_commit(c->db) < 0) {
		db_rollback(c->db);
		return 500;
	}
	log_info("order %s: mail #%lld sent again as #%lld by %s", o.reference,
	    row.id, mid, c->site->user->email);
	site_mail_defer(c);
	return app_redirect(c, arena_printf(&c->arena,
	    "/admin/order/%lld?notice=resent", o.id));
}
