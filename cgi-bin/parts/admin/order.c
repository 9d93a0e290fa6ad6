/* order.c — one order for staff: lines, customer, history, notes, payment
 * proofs (inline, re-encoded), and the actions the lifecycle allows. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "admin.h"
#include "auth.h"
#include "db_order.h"
#include "fs.h"
#include "image.h"
#include "log.h"
#include "mail.h"
#include "order_flow.h"
#include "order_hdf.h"
#include "proof.h"
#include "site.h"
#include "site_hooks.h"
#include "store_conf.h"

#define PROOF_PX	1600	/* proofs shown at most this wide or high */
#define PROOF_FILE_MAX	(16 * 1024 * 1024)

/* The order with the id of the path (/admin/order/<id>) or of KEY_ID:
 * 0, or the status to answer (404 for anything but an existing order). */
static int
load_order(struct ctx *c, struct order *o, int from_path)
{
	long long id = adm_object_id(c, from_path);
	int rc;

	if (id == 0)
		return 404;
	if ((rc = db_order_by_id(c->db, &c->arena, id, o)) != 0)
		return rc < 0 ? 500 : 404;
	return 0;
}

int
page_order(struct ctx *c)
{
	struct order o;
	int st;

	if ((st = load_order(c, &o, 1)) != 0)
		return st == 404 ? app_error(c, 404, NULL) : st;
	return adm_order_render(c, &o, 200);
}

int
adm_order_render(struct ctx *c, struct order *order, int status)
{
	struct order o = *order;
	struct proof_info *pr;
	struct order_note *notes;
	struct audit_entry *au;
	size_t npr, nnotes, nau;
	int from;

	if (db_order_proofs(c->db, &c->arena, o.id, &pr, &npr) < 0 ||
	    db_order_notes(c->db, &c->arena, o.id, 0, &notes, &nnotes) < 0 ||
	    db_audit_list(c->db, &c->arena, "order",
	    arena_printf(&c->arena, "%lld", o.id), 0, 20, &au, &nau) < 0)
		return 500;
	order_put(c->hdf, &c->arena, c->lang, "Page.order", &o);
	for (size_t i = 0; i < npr; i++) {
		hdf_putf(c->hdf, pr[i].name, "Page.proofs.%zu.name", i);
		hdf_putf(c->hdf, pr[i].type, "Page.proofs.%zu.type", i);
		hdf_putf(c->hdf, pr[i].original_name, "Page.proofs.%zu.original",
		    i);
		hdf_putf(c->hdf, strcmp(pr[i].type, "application/pdf") == 0 ?
		    "0" : "1", "Page.proofs.%zu.image", i);
		hdf_putf(c->hdf, adm_when(c, pr[i].at),
		    "Page.proofs.%zu.at", i);
	}
	for (size_t i = 0; i < nnotes; i++) {
		hdf_putf(c->hdf, notes[i].author, "Page.notes.%zu.author", i);
		hdf_putf(c->hdf, notes[i].body, "Page.notes.%zu.body", i);
		hdf_putf(c->hdf, notes[i].visible ? "1" : "0",
		    "Page.notes.%zu.visible", i);
		hdf_putf(c->hdf, adm_when(c, notes[i].at),
		    "Page.notes.%zu.at", i);
	}
	for (size_t i = 0; i < nau; i++) {
		hdf_putf(c->hdf, au[i].actor, "Page.audit.%zu.actor", i);
		hdf_putf(c->hdf, au[i].action, "Page.audit.%zu.action", i);
		hdf_putf(c->hdf, au[i].detail, "Page.audit.%zu.detail", i);
		hdf_putf(c->hdf, adm_when(c, au[i].at),
		    "Page.audit.%zu.at", i);
	}
	/* The actions the lifecycle lets staff take from the order's status. */
	from = order_status_parse(o.status);
	for (size_t i = 0; adm_order_acts[i] != NULL && from >= 0; i++) {
		const struct order_move *mv = order_move_find(
		    (enum order_status)from, adm_order_moves[i].to);
		if (mv != NULL && (mv->who & ACTOR_STAFF))
			hdf_putf(c->hdf, "1", "Page.can.%s", adm_order_acts[i]);
	}
	if (adm_put_order_subs(c, &o) < 0 || adm_put_refunds(c, &o) < 0)
		return 500;
	return app_render(c, status, "admin/order");
}


/* The mail telling the shopper that order o is now in status `to` (in
 * the order's language; reason may be NULL).  0 or -1. */
static int
shopper_mail(struct ctx *c, const struct order *now_o, enum order_status to,
    const char *note, const char *reason, struct mail *m)
{
	struct order shown = *now_o, *o = &shown;
	enum lang l = (enum lang)lang_from_code(o->lang);
	HDF *h = tmpl_hdf(l);
	struct buf b = { 0 };
	int rc;

	shown.status = order_statuses[to];
	order_put(h, &c->arena, l, "Page.order", o);
	hdf_put(h, "Page.mail.note", note);
	hdf_put(h, "Page.mail.reason", reason ? reason : "");
	rc = mail_render(l, "mail/order_update", &b);
	if (h != c->hdf)
		tmpl_clear(l);
	memset(m, 0, sizeof(*m));
	m->to = o->email;	/* unverified: no name (docs/mail-safety.md) */
	m->reply_to = conf_str(CONF_SHOP_EMAIL);
	m->reply_to_name = conf_str(CONF_STORE_NAME);
	m->subject = arena_printf(&c->arena, "%s %s — %s",
	    tmpl_str(l, "mail.update_subject"), o->reference,
	    conf_str(CONF_STORE_NAME));
	m->text = rc == 0 ? arena_strdup(&c->arena, b.data ? b.data : "") : NULL;
	buf_free(&b);
	return m->text != NULL ? 0 : -1;
}

int
page_order_act(struct ctx *c)
{
	struct order o;
	struct mail m;
	long long now = (long long)time(NULL);
	const char *reason = adm_opt(c, KEY_REASON);
	const char *redirect;
	char *access;
	enum transition_result r;
	int st, a;

	if (!app_csrf_ok(c))
		return 403;
	if ((st = load_order(c, &o, 0)) != 0)
		return st == 404 ? app_error(c, 404, NULL) : st;
	if (app_val(c, KEY_DO)->state != VAL_OK)
		return app_error(c, 400, "action");
	a = (int)app_val(c, KEY_DO)->i;
	if (adm_order_moves[a].to == ORDER_AWAITING_PAYMENT && reason == NULL)
		return app_error(c, 400, "reason");
	if (shopper_mail(c, &o, adm_order_moves[a].to, adm_order_moves[a].note, reason,
	    &m) < 0)
		return 500;
	if (db_begin(c->db) < 0)
		return 500;
	access = adm_access_json(c);
	r = order_transition(c->db, &o, adm_order_moves[a].to, ACTOR_STAFF,
	    adm_order_moves[a].note, now);
	if (r != TRANSITION_OK) {
		db_rollback(c->db);
		free(access);
		if (r == TRANSITION_ERROR)
			return 500;
		if (r == TRANSITION_STALE)
			return app_redirect(c, arena_printf(&c->arena,
			    "/admin/order/%lld?notice=stale", o.id));
		return app_error(c, 409, "transition");
	}
	/* Confirming an order of a staff-delivered plan: the access details
	 * typed in the confirm form go to its new subscriptions. */
	if (access != NULL && adm_order_moves[a].to == ORDER_PAID &&
	    adm_give_order_access(c, &o, access, now) < 0) {
		db_rollback(c->db);
		free(access);
		return 500;
	}
	free(access);
	if (adm_audit(c, adm_order_acts[a], "order", o.id, reason ? reason : o.status, now) < 0 ||
	    (reason != NULL && db_order_note_add(c->db, o.id, c->site->user->id,
	    c->site->user->email, reason, 1, now) < 0) ||
	    mail_enqueue(c->db, &m, NULL) < 0 || db_commit(c->db) < 0) {
		db_rollback(c->db);
		return 500;
	}
	log_info("order %s: %s by %s", o.reference, adm_order_acts[a],
	    c->site->user->email);
	site_mail_defer(c);
	redirect = arena_printf(&c->arena, "/admin/order/%lld?notice=%s", o.id,
	    adm_order_acts[a]);
	return app_redirect(c, redirect);
}

int
page_order_note(struct ctx *c)
{
	struct order o;
	long long now = (long long)time(NULL);
	int visible, st;

	if (!app_csrf_ok(c))
		return 403;
	if ((st = load_order(c, &o, 0)) != 0)
		return st == 404 ? app_error(c, 404, NULL) : st;
	if (app_val(c, KEY_BODY)->state != VAL_OK)
		return app_error(c, 400, app_val(c, KEY_BODY)->err);
	visible = app_val(c, KEY_VISIBLE)->state == VAL_OK &&
	    app_val(c, KEY_VISIBLE)->i;
	if (db_begin(c->db) < 0)
		return 500;
	if (db_order_note_add(c->db, o.id, c->site->user->id,
	    c->site->user->email, app_val(c, KEY_BODY)->s, visible, now) < 0 ||
	    adm_audit(c, visible ? "note_customer" : "note_private", "order", o.id,
	    app_val(c, KEY_BODY)->s, now) < 0 || db_commit(c->db) < 0) {
		db_rollback(c->db);
		return 500;
	}
	return app_redirect(c, arena_printf(&c->arena,
	    "/admin/order/%lld?notice=note", o.id));
}


/* 1 when s is a stored proof name (PROOF_NAME_LEN lower-case hex). */
static int
proof_name_ok(const char *s)
{
	size_t i;

	for (i = 0; s[i] != '\0'; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
			return 0;
	return i == PROOF_NAME_LEN;
}

int
page_proof(struct ctx *c)
{
	struct proof_file p;
	const char *name, *path;
	struct buf data = { 0 };
	int rc;

	if (c->req.nseg != 3 || !proof_name_ok(c->req.seg[2]))
		return app_error(c, 404, NULL);
	name = c->req.seg[2];
	if ((rc = db_proof_by_name(c->db, &c->arena, name, &p)) != 0)
		return rc < 0 ? 500 : app_error(c, 404, NULL);
	path = arena_printf(&c->arena, "%s/proofs/%s", conf_str(CONF_DATA_DIR),
	    name);
	if (fs_read(path, PROOF_FILE_MAX, &data) < 0) {
		buf_free(&data);
		return app_error(c, 404, NULL);
	}
	if (strcmp(p.type, "application/pdf") == 0) {
		c->resp.content_type = "application/pdf";
		resp_header(&c->resp, "Content-Disposition", arena_printf(
		    &c->arena, "attachment; filename=\"proof-%s.pdf\"",
		    p.reference));
		buf_put(&c->resp.body, data.data, data.len);
		rc = 0;
	} else {
		c->resp.content_type = "image/jpeg";
		rc = image_reencode_jpeg(data.data, data.len, PROOF_PX,
		    &c->resp.body);
	}
	buf_free(&data);
	if (rc < 0) {
		buf_reset(&c->resp.body);
		c->resp.content_type = NULL;
		return app_error(c, 415, "proof_unreadable");
	}
	return 200;
}
