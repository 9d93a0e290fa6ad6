/* admin — the back office (docs/admin.md).  Staff only, never cached.
 *
 *   GET  /admin                   dashboard: orders to treat, recent orders
 *   GET  /admin/orders            filters status, method, from, to (dates
 *                                 in the store's time zone), q (reference,
 *                                 e-mail, name, phone); keyset: before=<id>
 *   GET  /admin/export            the same filters as CSV, streamed
 *   GET  /admin/order/<id>        lines, customer, totals, history, notes,
 *                                 payment proofs (inline), actions
 *   POST /admin/order/act         id, do=confirm|reject|complete|cancel,
 *                                 reason (reject: required, mailed)
 *   POST /admin/order/note        id, body, visible (shown to the customer)
 *   GET  /admin/proof/<name>      a payment proof: images re-encoded by
 *                                 libvips (nothing served as uploaded),
 *                                 PDFs as attachments; from data_dir
 *   GET  /admin/audit             the audit log (kind, object, before)
 *
 * Every page is one row of pages[] whose handler is gate(): it maps the
 * page to its row of the permission table (staff_perm.h), checks the
 * visitor's role with auth_require() (anonymous: 303 to the login, too
 * low: 403), and only then calls the page's handler from disps[].  Every
 * POST passes app_csrf_ok.  Every change is one transaction: the order
 * move, its history entry, the audit row and the mail to the shopper. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "auth.h"
#include "csv.h"
#include "db_order.h"
#include "db_staff.h"
#include "fs.h"
#include "image.h"
#include "log.h"
#include "mail.h"
#include "money.h"
#include "order_flow.h"
#include "order_hdf.h"
#include "l10n.h"
#include "pay.h"
#include "proof.h"
#include "site.h"
#include "site_hooks.h"
#include "staff_perm.h"
#include "store_conf.h"
#include "url.h"

#define LIST_ROWS	50	/* orders per page */
#define AUDIT_ROWS	100
#define PROOF_PX	1600	/* proofs shown at most this wide or high */
#define PROOF_FILE_MAX	(16 * 1024 * 1024)

enum key {
	KEY_STATUS, KEY_METHOD, KEY_FROM, KEY_TO, KEY_Q, KEY_BEFORE, KEY_ID,
	KEY_DO, KEY_REASON, KEY_BODY, KEY_VISIBLE, KEY_KIND, KEY_OBJECT,
	KEY_NOTICE, KEY__MAX
};

/* The order actions, their target status, history note and audit name. */
static const char *const acts[] = {
	"confirm", "reject", "complete", "cancel", NULL
};
static const struct {
	enum order_status to;
	const char *note;
} act_moves[] = {
	{ ORDER_PAID, "staff_paid" },
	{ ORDER_AWAITING_PAYMENT, "proof_rejected" },
	{ ORDER_COMPLETED, "staff_completed" },
	{ ORDER_CANCELLED, "staff_cancelled" },
};

static const char *const notices[] = {
	"confirm", "reject", "complete", "cancel", "note", "stale", NULL
};
static const char *const kinds[] = { "order", "user", "message", NULL };

static const struct valid_key keys[KEY__MAX] = {
	[KEY_STATUS] = { "status", V_ENUM, .choices = order_statuses },
	[KEY_METHOD] = { "method", V_ENUM, .choices = pay_ids },
	[KEY_FROM] = { "from", V_LINE, 10, 10 },
	[KEY_TO] = { "to", V_LINE, 10, 10 },
	[KEY_Q] = { "q", V_LINE, 1, 254 },
	[KEY_BEFORE] = { "before", V_INT, 1, 1LL << 53 },
	[KEY_ID] = { "id", V_INT, 1, 1LL << 53, NULL, 1 },
	[KEY_DO] = { "do", V_ENUM, .choices = acts, .required = 1 },
	[KEY_REASON] = { "reason", V_TEXT, 1, 500 },
	[KEY_BODY] = { "body", V_TEXT, 1, 2000, NULL, 1 },
	[KEY_VISIBLE] = { "visible", V_BOOL },
	[KEY_KIND] = { "kind", V_ENUM, .choices = kinds },
	[KEY_OBJECT] = { "object", V_LINE, 1, 64 },
	[KEY_NOTICE] = { "notice", V_ENUM, .choices = notices },
};

/* Unix time t as this visitor's language writes a date and time. */
static const char *
when(struct ctx *c, long long t)
{
	return l10n_time_a(&c->arena, t, c->lang, L10N_DATETIME);
}

/* The value of an optional key, or NULL when absent or invalid. */
static const char *
opt(struct ctx *c, int k)
{
	const struct val *v = app_val(c, k);

	return v->state == VAL_OK ? v->s : NULL;
}

/* Unix time of local midnight of "YYYY-MM-DD" (the store's time zone),
 * plus days; 0 when s is not such a date. */
static long long
local_day(const char *s, int days)
{
	struct tm tm = { 0 };
	int y, m, d;
	char end;

	if (s == NULL || sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &end) != 3 ||
	    y < 2000 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31)
		return 0;
	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = d + days;
	tm.tm_isdst = -1;
	return (long long)mktime(&tm);
}

/* The order list's filters from the query (also into Page.f.* for the
 * form and the links).  Returns 0, or 400 when a filter is malformed. */
static int
read_filter(struct ctx *c, struct staff_order_filter *f)
{
	static const int shown[] = { KEY_STATUS, KEY_METHOD, KEY_FROM, KEY_TO,
	    KEY_Q };

	memset(f, 0, sizeof(*f));
	for (size_t i = 0; i < sizeof(shown) / sizeof(shown[0]); i++) {
		const struct val *v = app_val(c, shown[i]);
		if (v->state == VAL_INVALID && v->raw != NULL && *v->raw != '\0')
			return app_error(c, 400, v->err);
		if (v->state == VAL_OK)
			hdf_putf(c->hdf, v->s, "Page.f.%s", keys[shown[i]].name);
	}
	f->status = opt(c, KEY_STATUS);
	f->method = opt(c, KEY_METHOD);
	f->q = opt(c, KEY_Q);
	if (opt(c, KEY_FROM) && (f->from = local_day(opt(c, KEY_FROM), 0)) == 0)
		return app_error(c, 400, "date");
	if (opt(c, KEY_TO) && (f->to = local_day(opt(c, KEY_TO), 1)) == 0)
		return app_error(c, 400, "date");
	if (app_val(c, KEY_BEFORE)->state == VAL_OK)
		f->before = app_val(c, KEY_BEFORE)->i;
	return 0;
}

/* The query string of the current filters (for "next page" and export). */
static const char *
filter_query(struct ctx *c)
{
	static const int shown[] = { KEY_STATUS, KEY_METHOD, KEY_FROM, KEY_TO,
	    KEY_Q };
	struct buf b = { 0 };
	const char *out;

	for (size_t i = 0; i < sizeof(shown) / sizeof(shown[0]); i++)
		if (opt(c, shown[i]) != NULL) {
			buf_printf(&b, "%s%s=", b.len ? "&" : "",
			    keys[shown[i]].name);
			url_encode(&b, opt(c, shown[i]));
		}
	out = arena_strdup(&c->arena, b.data ? b.data : "");
	buf_free(&b);
	return out;
}

struct list_put {
	struct ctx	*c;
	const char	*prefix;
	size_t		 n;
	long long	 last;
};

/* db_staff_orders_each callback: row n into <prefix>.<n>.*. */
static int
put_row(const struct staff_order_row *r, void *arg)
{
	struct list_put *lp = arg;
	struct ctx *c = lp->c;
	const char *p = arena_printf(&c->arena, "%s.%zu", lp->prefix, lp->n++);

	hdf_putf(c->hdf, arena_printf(&c->arena, "%lld", r->id), "%s.id", p);
	hdf_putf(c->hdf, r->reference, "%s.reference", p);
	hdf_putf(c->hdf, r->status, "%s.status", p);
	hdf_putf(c->hdf, r->method, "%s.method", p);
	hdf_putf(c->hdf, r->name, "%s.name", p);
	hdf_putf(c->hdf, r->email, "%s.email", p);
	hdf_putf(c->hdf, r->phone, "%s.phone", p);
	hdf_putf(c->hdf, site_money(c, r->total_minor), "%s.total", p);
	hdf_putf(c->hdf, when(c, r->created_at), "%s.created", p);
	hdf_putf(c->hdf, arena_printf(&c->arena, "%lld", r->nproofs),
	    "%s.proofs", p);
	lp->last = r->id;
	return 0;
}

/* Orders matching f into prefix; the number put, or -1. */
static long long
put_orders(struct ctx *c, const char *prefix, struct staff_order_filter *f)
{
	struct list_put lp = { c, prefix, 0, 0 };

	if (db_staff_orders_each(c->db, &c->arena, f, put_row, &lp) < 0)
		return -1;
	if (f->limit > 0 && lp.n == (size_t)f->limit)
		hdf_putf(c->hdf, arena_printf(&c->arena, "%lld", lp.last),
		    "%s_next", prefix);
	return (long long)lp.n;
}

/* Page.nav and Page.may.* for the admin menu: what this role may open. */
static void
put_menu(struct ctx *c)
{
	for (int p = 0; p < PERM__MAX; p++)
		if (staff_may(c->site->user->role, (enum perm)p))
			hdf_putf(c->hdf, "1", "Page.may.%s", staff_perms[p].name);
	hdf_put(c->hdf, "Page.staff.email", c->site->user->email);
	hdf_put(c->hdf, "Page.staff.role", role_name(c->site->user->role));
	if (app_val(c, KEY_NOTICE)->state == VAL_OK)
		hdf_put(c->hdf, "Page.notice", app_val(c, KEY_NOTICE)->s);
	app_csrf_token(c);
}

static int
page_dashboard(struct ctx *c)
{
	static const enum order_status todo[] = { ORDER_PROOF_RECEIVED,
	    ORDER_AWAITING_PAYMENT };
	struct staff_order_filter f = { .limit = 10 };

	for (size_t i = 0; i < sizeof(todo) / sizeof(todo[0]); i++) {
		f.status = order_statuses[todo[i]];
		if (put_orders(c, arena_printf(&c->arena, "Page.todo.%s",
		    f.status), &f) < 0)
			return 500;
	}
	f.status = NULL;
	if (put_orders(c, "Page.recent", &f) < 0)
		return 500;
	return app_render(c, 200, "admin/dashboard");
}

static int
page_orders(struct ctx *c)
{
	struct staff_order_filter f;
	int st;

	if ((st = read_filter(c, &f)) != 0)
		return st;
	f.limit = LIST_ROWS;
	if (put_orders(c, "Page.orders", &f) < 0)
		return 500;
	hdf_put(c->hdf, "Page.query", filter_query(c));
	for (int i = 0; order_statuses[i] != NULL; i++)
		hdf_putf(c->hdf, order_statuses[i], "Page.statuses.%d", i);
	for (int i = 0; pay_ids[i] != NULL; i++)
		hdf_putf(c->hdf, pay_ids[i], "Page.methods.%d", i);
	return app_render(c, 200, "admin/orders");
}

struct csv_out {
	struct ctx	*c;
	struct buf	 b;
	struct arena	*scratch;
	int		 failed;
};

/* db_staff_orders_each callback: one CSV record, flushed every 32 kB. */
static int
csv_row(const struct staff_order_row *r, void *arg)
{
	struct csv_out *o = arg;
	char total[64], when[32];
	struct tm tm;
	time_t t = (time_t)r->created_at;
	const char *f[8];

	localtime_r(&t, &tm);
	strftime(when, sizeof(when), "%Y-%m-%d %H:%M", &tm);
	money_plain(total, sizeof(total), r->total_minor,
	    conf_currency_decimals(r->currency));
	f[0] = r->reference; f[1] = when; f[2] = r->status; f[3] = r->method;
	f[4] = total; f[5] = r->name; f[6] = r->email; f[7] = r->phone;
	for (int i = 0; i < 8; i++) {
		if (i)
			buf_putc(&o->b, ',');
		csv_put_field(&o->b, f[i]);
	}
	buf_puts(&o->b, "\r\n");
	arena_reset(o->scratch);
	if (o->b.len >= 32768) {
		if (io_write(o->c->req.io, o->b.data, o->b.len) < 0)
			return o->failed = 1;
		buf_reset(&o->b);
	}
	return 0;
}

/* The filtered list as CSV, streamed in constant memory. */
static int
page_export(struct ctx *c)
{
	struct staff_order_filter f;
	struct arena scratch;
	struct csv_out o = { c, { 0 }, &scratch, 0 };
	int st, rc;

	if ((st = read_filter(c, &f)) != 0)
		return st;
	c->resp.status = 200;
	c->resp.content_type = "text/csv; charset=utf-8";
	resp_header(&c->resp, "Content-Disposition",
	    "attachment; filename=\"orders.csv\"");
	if (resp_stream(&c->resp, c->req.io) < 0)
		return 500;
	if (c->req.method == METHOD_HEAD)
		return 200;
	arena_init(&scratch, 4096);
	buf_puts(&o.b, "reference,created,status,method,total,name,email,"
	    "phone\r\n");
	rc = db_staff_orders_each(c->db, &scratch, &f, csv_row, &o);
	if (rc == 0 && !o.failed && o.b.len)
		rc = io_write(c->req.io, o.b.data, o.b.len);
	buf_free(&o.b);
	arena_free(&scratch);
	if (rc < 0 || o.failed)
		log_error("export: the CSV stopped early");
	return 200;
}

/* The order with the id of the path (/admin/order/<id>) or of KEY_ID:
 * 0, or the status to answer (404 for anything but an existing order). */
static int
load_order(struct ctx *c, struct order *o, int from_path)
{
	long long id = 0;
	char *end;
	int rc;

	if (from_path) {
		if (c->req.nseg != 3)
			return 404;
		id = strtoll(c->req.seg[2], &end, 10);
		if (*end != '\0' || end == c->req.seg[2] || id <= 0 ||
		    c->req.seg[2][0] == '0' || c->req.seg[2][0] == '+')
			return 404;
	} else if (app_val(c, KEY_ID)->state == VAL_OK)
		id = app_val(c, KEY_ID)->i;
	else
		return 404;
	if ((rc = db_order_by_id(c->db, &c->arena, id, o)) != 0)
		return rc < 0 ? 500 : 404;
	return 0;
}

static int
page_order(struct ctx *c)
{
	struct order o;
	struct proof_info *pr;
	struct order_note *notes;
	struct audit_entry *au;
	size_t npr, nnotes, nau;
	int st, from;

	if ((st = load_order(c, &o, 1)) != 0)
		return st == 404 ? app_error(c, 404, NULL) : st;
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
		hdf_putf(c->hdf, when(c, pr[i].at),
		    "Page.proofs.%zu.at", i);
	}
	for (size_t i = 0; i < nnotes; i++) {
		hdf_putf(c->hdf, notes[i].author, "Page.notes.%zu.author", i);
		hdf_putf(c->hdf, notes[i].body, "Page.notes.%zu.body", i);
		hdf_putf(c->hdf, notes[i].visible ? "1" : "0",
		    "Page.notes.%zu.visible", i);
		hdf_putf(c->hdf, when(c, notes[i].at),
		    "Page.notes.%zu.at", i);
	}
	for (size_t i = 0; i < nau; i++) {
		hdf_putf(c->hdf, au[i].actor, "Page.audit.%zu.actor", i);
		hdf_putf(c->hdf, au[i].action, "Page.audit.%zu.action", i);
		hdf_putf(c->hdf, au[i].detail, "Page.audit.%zu.detail", i);
		hdf_putf(c->hdf, when(c, au[i].at),
		    "Page.audit.%zu.at", i);
	}
	/* The actions the lifecycle lets staff take from the order's status. */
	from = order_status_parse(o.status);
	for (size_t i = 0; acts[i] != NULL && from >= 0; i++) {
		const struct order_move *mv = order_move_find(
		    (enum order_status)from, act_moves[i].to);
		if (mv != NULL && (mv->who & ACTOR_STAFF))
			hdf_putf(c->hdf, "1", "Page.can.%s", acts[i]);
	}
	return app_render(c, 200, "admin/order");
}

/* The audit row for this request's visitor. */
static int
audit(struct ctx *c, const char *action, const char *kind, long long id,
    const char *detail, long long now)
{
	struct audit_entry e = {
		.user_id = c->site->user->id, .actor = c->site->user->email,
		.action = action, .kind = kind,
		.object = arena_printf(&c->arena, "%lld", id),
		.detail = detail, .addr = c->req.remote_addr,
	};

	return db_audit_add(c->db, &e, now);
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

static int
page_order_act(struct ctx *c)
{
	struct order o;
	struct mail m;
	long long now = (long long)time(NULL);
	const char *reason = opt(c, KEY_REASON);
	const char *redirect;
	enum transition_result r;
	int st, a;

	if (!app_csrf_ok(c))
		return 403;
	if ((st = load_order(c, &o, 0)) != 0)
		return st == 404 ? app_error(c, 404, NULL) : st;
	if (app_val(c, KEY_DO)->state != VAL_OK)
		return app_error(c, 400, "action");
	a = (int)app_val(c, KEY_DO)->i;
	if (act_moves[a].to == ORDER_AWAITING_PAYMENT && reason == NULL)
		return app_error(c, 400, "reason");
	if (shopper_mail(c, &o, act_moves[a].to, act_moves[a].note, reason,
	    &m) < 0)
		return 500;
	if (db_begin(c->db) < 0)
		return 500;
	r = order_transition(c->db, &o, act_moves[a].to, ACTOR_STAFF,
	    act_moves[a].note, now);
	if (r != TRANSITION_OK) {
		db_rollback(c->db);
		if (r == TRANSITION_ERROR)
			return 500;
		if (r == TRANSITION_STALE)
			return app_redirect(c, arena_printf(&c->arena,
			    "/admin/order/%lld?notice=stale", o.id));
		return app_error(c, 409, "transition");
	}
	if (audit(c, acts[a], "order", o.id, reason ? reason : o.status, now) < 0 ||
	    (reason != NULL && db_order_note_add(c->db, o.id, c->site->user->id,
	    c->site->user->email, reason, 1, now) < 0) ||
	    mail_enqueue(c->db, &m, NULL) < 0 || db_commit(c->db) < 0) {
		db_rollback(c->db);
		return 500;
	}
	log_info("order %s: %s by %s", o.reference, acts[a],
	    c->site->user->email);
	site_mail_defer(c);
	redirect = arena_printf(&c->arena, "/admin/order/%lld?notice=%s", o.id,
	    acts[a]);
	return app_redirect(c, redirect);
}

static int
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
	    audit(c, visible ? "note_customer" : "note_private", "order", o.id,
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

static int
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

static int
page_audit(struct ctx *c)
{
	struct audit_entry *e;
	size_t n;
	long long before = app_val(c, KEY_BEFORE)->state == VAL_OK ?
	    app_val(c, KEY_BEFORE)->i : 0;
	const char *kind = opt(c, KEY_KIND), *object = opt(c, KEY_OBJECT);

	if (db_audit_list(c->db, &c->arena, kind, object, before, AUDIT_ROWS,
	    &e, &n) < 0)
		return 500;
	for (size_t i = 0; i < n; i++) {
		const char *p = arena_printf(&c->arena, "Page.log.%zu", i);
		hdf_putf(c->hdf, when(c, e[i].at), "%s.at", p);
		hdf_putf(c->hdf, e[i].actor, "%s.actor", p);
		hdf_putf(c->hdf, e[i].action, "%s.action", p);
		hdf_putf(c->hdf, e[i].kind, "%s.kind", p);
		hdf_putf(c->hdf, e[i].object, "%s.object", p);
		hdf_putf(c->hdf, e[i].detail, "%s.detail", p);
		hdf_putf(c->hdf, e[i].addr, "%s.addr", p);
	}
	if (n == AUDIT_ROWS)
		hdf_put_int(c->hdf, "Page.log_next", e[n - 1].id);
	return app_render(c, 200, "admin/audit");
}

enum page_id {
	PAGE_DASHBOARD, PAGE_ORDERS, PAGE_EXPORT, PAGE_ORDER, PAGE_ORDER_ACT,
	PAGE_ORDER_NOTE, PAGE_PROOF, PAGE_AUDIT, PAGE__MAX
};

/* Each page's handler and its row of the permission table. */
static int (*const disps[PAGE__MAX])(struct ctx *) = {
	[PAGE_DASHBOARD] = page_dashboard,
	[PAGE_ORDERS] = page_orders,
	[PAGE_EXPORT] = page_export,
	[PAGE_ORDER] = page_order,
	[PAGE_ORDER_ACT] = page_order_act,
	[PAGE_ORDER_NOTE] = page_order_note,
	[PAGE_PROOF] = page_proof,
	[PAGE_AUDIT] = page_audit,
};
static const enum perm page_perms[PAGE__MAX] = {
	[PAGE_DASHBOARD] = PERM_DASHBOARD,
	[PAGE_ORDERS] = PERM_ORDERS,
	[PAGE_EXPORT] = PERM_ORDERS,
	[PAGE_ORDER] = PERM_ORDERS,
	[PAGE_ORDER_ACT] = PERM_ORDER_ACT,
	[PAGE_ORDER_NOTE] = PERM_ORDER_ACT,
	[PAGE_PROOF] = PERM_PROOF,
	[PAGE_AUDIT] = PERM_AUDIT,
};

/* The one check before every handler: the page's permission row, then
 * the handler.  Returns the HTTP status. */
static int
gate(struct ctx *c)
{
	int st;

	if (c->page < 0 || c->page >= PAGE__MAX)
		return app_error(c, 404, NULL);
	if ((st = auth_require(c, staff_perm_role(page_perms[c->page]))) != 0)
		return st;
	put_menu(c);
	return disps[c->page](c);
}

static const struct page pages[PAGE__MAX] = {
	[PAGE_DASHBOARD] = { "admin", METHODS_GET, gate, 0, KEYS(KEY_NOTICE) },
	[PAGE_ORDERS] = { "admin/orders", METHODS_GET, gate, 0,
	    KEYS(KEY_STATUS, KEY_METHOD, KEY_FROM, KEY_TO, KEY_Q, KEY_BEFORE) },
	[PAGE_EXPORT] = { "admin/export", METHODS_GET, gate, 0,
	    KEYS(KEY_STATUS, KEY_METHOD, KEY_FROM, KEY_TO, KEY_Q) },
	[PAGE_ORDER] = { "admin/order", METHODS_GET, gate, PAGE_REST,
	    KEYS(KEY_NOTICE) },
	[PAGE_ORDER_ACT] = { "admin/order/act", METHODS_POST, gate, 0,
	    KEYS(KEY_ID, KEY_DO, KEY_REASON) },
	[PAGE_ORDER_NOTE] = { "admin/order/note", METHODS_POST, gate, 0,
	    KEYS(KEY_ID, KEY_BODY, KEY_VISIBLE) },
	[PAGE_PROOF] = { "admin/proof", METHODS_GET, gate, PAGE_REST, NULL },
	[PAGE_AUDIT] = { "admin/audit", METHODS_GET, gate, 0,
	    KEYS(KEY_KIND, KEY_OBJECT, KEY_BEFORE) },
};

static const struct app admin = {
	"admin", pages, PAGE__MAX, keys, KEY__MAX, &site_hooks, NULL,
};

int
main(int argc, char **argv)
{
	return app_main(argc, argv, &admin);
}
