/* customers.c — the back office's customers: the list with its search
 * and keyset pages, one account's page (profile, figures, orders,
 * subscriptions, library, messages, sessions, notes, audit), the form
 * that creates a client account, and the actions on an account.  The
 * rules are the store's (customer.h); these pages map its answers to a
 * status and a page. */
#include <string.h>
#include <time.h>

#include "admin.h"
#include "clock.h"
#include "customer.h"
#include "db_customer.h"
#include "db_delivery.h"
#include "db_sess.h"
#include "db_subs.h"
#include "phone.h"
#include "site.h"
#include "staff_perm.h"
#include "store_conf.h"
#include "store_mail.h"
#include "user.h"

#define CUSTOMER_ROWS	50
#define PAGE_ORDERS_MAX	100
#define PAGE_MSGS_MAX	50
#define PAGE_AUDIT_MAX	50

/* role= values: index i is enum role i + 1. */
const char *const adm_roles[] = { "customer", "employee", "admin", NULL };
const char *const adm_langs[] = { "en", "fr", NULL };
const char *const adm_customer_acts[] = { "disable", "enable", "sessions",
	"invite", NULL };
/* done= values: what the last action did (Lang.admcust.done.*). */
const char *const adm_customer_done[] = { "created", "disable", "enable",
	"sessions", "invite", "role", "note", "grant", "ungrant", NULL };

/* The account's verified address (its guest orders count), or NULL. */
static const char *
vnorm(const struct user *u)
{
	return u->verified ? u->email_norm : NULL;
}

/* <p>.{id,name,email,phone,role,verified,disabled,orders,ltv,last} of u. */
static int
put_row(struct ctx *c, const char *p, const struct user *u)
{
	struct customer_stats s;

	if (db_customer_stats(c->db, u->id, vnorm(u), conf_str(CONF_CURRENCY),
	    &s) < 0)
		return -1;
	hdf_put_int(c->hdf, arena_printf(&c->arena, "%s.id", p), u->id);
	hdf_putf(c->hdf, u->name, "%s.name", p);
	hdf_putf(c->hdf, u->email, "%s.email", p);
	hdf_putf(c->hdf, u->phone, "%s.phone", p);
	hdf_putf(c->hdf, role_name(u->role), "%s.role", p);
	hdf_putf(c->hdf, u->verified ? "1" : "0", "%s.verified", p);
	hdf_putf(c->hdf, u->disabled ? "1" : "0", "%s.disabled", p);
	hdf_put_int(c->hdf, arena_printf(&c->arena, "%s.orders", p), s.orders);
	hdf_putf(c->hdf, site_money(c, s.ltv_minor), "%s.ltv", p);
	if (s.last_order_at > 0)
		hdf_putf(c->hdf, adm_when(c, s.last_order_at), "%s.last", p);
	return 0;
}

/* Page.done from done= (the notice of the last action). */
static void
put_done(struct ctx *c)
{
	if (app_val(c, KEY_CDONE)->state == VAL_OK)
		hdf_put(c->hdf, "Page.done", app_val(c, KEY_CDONE)->s);
}

int
page_customers(struct ctx *c)
{
	struct user *u;
	size_t n;
	const char *q = adm_opt(c, KEY_Q);
	enum role r = app_val(c, KEY_CROLE)->state == VAL_OK ?
	    (enum role)(app_val(c, KEY_CROLE)->i + 1) : ROLE_NONE;
	long long before = app_val(c, KEY_BEFORE)->state == VAL_OK ?
	    app_val(c, KEY_BEFORE)->i : 0;

	if (app_val(c, KEY_Q)->state == VAL_INVALID ||
	    app_val(c, KEY_CROLE)->state == VAL_INVALID ||
	    app_val(c, KEY_BEFORE)->state == VAL_INVALID)
		return app_error(c, 400, "invalid");
	if (db_user_search(c->db, &c->arena, q, r, before, CUSTOMER_ROWS, &u,
	    &n) < 0)
		return 500;
	for (size_t i = 0; i < n; i++)
		if (put_row(c, arena_printf(&c->arena, "Page.customers.%zu", i),
		    &u[i]) < 0)
			return 500;
	if (n == CUSTOMER_ROWS)
		hdf_put_int(c->hdf, "Page.next", u[n - 1].id);
	if (q != NULL)
		hdf_put(c->hdf, "Page.q", q);
	if (r != ROLE_NONE)
		hdf_put(c->hdf, "Page.role", role_name(r));
	put_done(c);
	return app_render(c, 200, "admin/customers");
}

/* The account of the path (/admin/customer/<id>) or of KEY_ID into *u:
 * 0, or the status to answer (404 for anything but an account that
 * exists and is not deleted). */
static int
load(struct ctx *c, struct user *u, int from_path)
{
	long long id = adm_object_id(c, from_path);
	int rc;

	if (id == 0)
		return app_error(c, 404, NULL);
	if ((rc = db_user_by_id(c->db, &c->arena, id, u)) < 0)
		return 500;
	if (rc != 0 || u->deleted)
		return app_error(c, 404, NULL);
	return 0;
}

/* Page.orders.N of u. */
static int
put_orders(struct ctx *c, const struct user *u)
{
	struct customer_order *o;
	size_t n;

	if (db_customer_orders(c->db, &c->arena, u->id, vnorm(u),
	    PAGE_ORDERS_MAX, &o, &n) < 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		const char *p = arena_printf(&c->arena, "Page.orders.%zu", i);
		hdf_put_int(c->hdf, arena_printf(&c->arena, "%s.id", p), o[i].id);
		hdf_putf(c->hdf, o[i].reference, "%s.reference", p);
		hdf_putf(c->hdf, o[i].status, "%s.status", p);
		hdf_putf(c->hdf, o[i].method, "%s.method", p);
		hdf_putf(c->hdf, adm_when(c, o[i].created_at), "%s.created", p);
		hdf_putf(c->hdf, strcmp(o[i].currency, conf_str(CONF_CURRENCY))
		    == 0 ? site_money(c, o[i].total_minor) : arena_printf(
		    &c->arena, "%lld %s", o[i].total_minor, o[i].currency),
		    "%s.total", p);
		hdf_putf(c->hdf, o[i].guest ? "1" : "0", "%s.guest", p);
	}
	if (n == PAGE_ORDERS_MAX)
		hdf_put(c->hdf, "Page.orders_more", "1");
	return 0;
}

/* Page.subs.N and Page.library.N: what u holds (no secrets: the access
 * details stay on the order pages). */
static int
put_holdings(struct ctx *c, const struct user *u)
{
	struct subscription *s;
	struct library_item *l;
	size_t n;

	if (db_sub_of_user(c->db, &c->arena, u->id, vnorm(u), &s, &n) < 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		const char *p = arena_printf(&c->arena, "Page.subs.%zu", i);
		hdf_putf(c->hdf, s[i].product_name, "%s.name", p);
		hdf_putf(c->hdf, s[i].state, "%s.state", p);
		hdf_putf(c->hdf, s[i].access, "%s.access", p);
		hdf_putf(c->hdf, adm_when(c, s[i].ends_at), "%s.ends", p);
		hdf_put_int(c->hdf, arena_printf(&c->arena, "%s.order", p),
		    s[i].order_id);
	}
	if (db_library_user(c->db, &c->arena, u->id, vnorm(u), store_now(), &l,
	    &n) < 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		const char *p = arena_printf(&c->arena, "Page.library.%zu", i);
		hdf_putf(c->hdf, l[i].name, "%s.name", p);
		hdf_putf(c->hdf, l[i].file_name, "%s.file", p);
		hdf_put_int(c->hdf, arena_printf(&c->arena, "%s.used", p),
		    l[i].used);
		hdf_put_int(c->hdf, arena_printf(&c->arena, "%s.max", p),
		    l[i].max_downloads);
		hdf_put_int(c->hdf, arena_printf(&c->arena, "%s.order", p),
		    l[i].order_id);
	}
	return 0;
}

/* Page.messages.N, Page.sessions.N, Page.notes.N and Page.log.N of u. */
static int
put_history(struct ctx *c, const struct user *u)
{
	struct customer_message *m;
	struct customer_note *k;
	struct sess_row *s;
	struct audit_entry *e;
	size_t n;

	if (db_customer_messages(c->db, &c->arena, u->email_norm, PAGE_MSGS_MAX,
	    &m, &n) < 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		const char *p = arena_printf(&c->arena, "Page.messages.%zu", i);
		hdf_put_int(c->hdf, arena_printf(&c->arena, "%s.id", p), m[i].id);
		hdf_putf(c->hdf, m[i].subject, "%s.subject", p);
		hdf_putf(c->hdf, m[i].status, "%s.status", p);
		hdf_putf(c->hdf, adm_when(c, m[i].created_at), "%s.at", p);
	}
	if (db_sess_list(c->db, &c->arena, u->id, &s, &n) < 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		const char *p = arena_printf(&c->arena, "Page.sessions.%zu", i);
		hdf_putf(c->hdf, s[i].client, "%s.client", p);
		hdf_putf(c->hdf, s[i].user_agent, "%s.agent", p);
		hdf_putf(c->hdf, adm_when(c, s[i].seen_at), "%s.seen", p);
	}
	if (db_customer_notes(c->db, &c->arena, u->id, &k, &n) < 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		const char *p = arena_printf(&c->arena, "Page.notes.%zu", i);
		hdf_putf(c->hdf, k[i].author, "%s.author", p);
		hdf_putf(c->hdf, k[i].body, "%s.body", p);
		hdf_putf(c->hdf, adm_when(c, k[i].created_at), "%s.at", p);
	}
	if (!staff_may(c->site->user->role, PERM_AUDIT))
		return 0;
	if (db_audit_list(c->db, &c->arena, "user", arena_printf(&c->arena,
	    "%lld", u->id), 0, PAGE_AUDIT_MAX, &e, &n) < 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		const char *p = arena_printf(&c->arena, "Page.log.%zu", i);
		hdf_putf(c->hdf, adm_when(c, e[i].at), "%s.at", p);
		hdf_putf(c->hdf, e[i].actor, "%s.actor", p);
		hdf_putf(c->hdf, e[i].action, "%s.action", p);
		hdf_putf(c->hdf, e[i].detail, "%s.detail", p);
	}
	return 0;
}

int
adm_customer_page(struct ctx *c, const struct user *u, int status,
    const char *err)
{
	if (put_row(c, "Page.cust", u) < 0 || put_orders(c, u) < 0 ||
	    put_holdings(c, u) < 0 || adm_put_grants(c, u) < 0 ||
	    put_history(c, u) < 0)
		return 500;
	hdf_put(c->hdf, "Page.cust.created", adm_when(c, u->created_at));
	hdf_put(c->hdf, "Page.cust.lang", u->lang);
	hdf_put(c->hdf, "Page.cust.totp", u->totp_enabled ? "1" : "0");
	hdf_put(c->hdf, "Page.cust.self", u->id == c->site->user->id ?
	    "1" : "0");
	if (err != NULL)
		hdf_put(c->hdf, "Page.cust_error", err);
	put_done(c);
	return app_render(c, status, "admin/customer");
}

int
page_customer(struct ctx *c)
{
	struct user u;
	int st;

	if ((st = load(c, &u, 1)) != 0)
		return st;
	return adm_customer_page(c, &u, 200, NULL);
}

/* The answer to a refused or failed action on account u. */
static int
refused(struct ctx *c, const struct user *u, enum customer_result r)
{
	switch (r) {
	case CUST_NONE:
		return app_error(c, 404, NULL);
	case CUST_FORBIDDEN:
		return app_error(c, 403, "role");
	case CUST_SELF:
		return adm_customer_page(c, u, 409, "self");
	case CUST_LAST_ADMIN:
		return adm_customer_page(c, u, 409, "last_admin");
	case CUST_DISABLED:
		return adm_customer_page(c, u, 409, "disabled");
	case CUST_BUSY:
		resp_header(&c->resp, "Retry-After", "2");
		return app_error(c, 503, "busy");
	default:
		return 500;
	}
}

int
adm_customer_done_at(struct ctx *c, long long id, const char *what)
{
	return app_redirect(c, arena_printf(&c->arena,
	    "/admin/customer/%lld?done=%s", id, what));
}

/* The creation form again with status and an error (Lang.admcust.err),
 * keeping what was typed. */
static int
new_form(struct ctx *c, int status, const char *err)
{
	static const int kept[] = { KEY_EMAIL, KEY_CNAME, KEY_PHONE };

	for (size_t i = 0; i < sizeof(kept) / sizeof(*kept); i++) {
		const struct val *v = app_val(c, kept[i]);
		if (v->raw != NULL)
			hdf_putf(c->hdf, v->raw, "Page.form.%s",
			    adm_keys[kept[i]].name);
		if (v->state == VAL_INVALID)
			hdf_putf(c->hdf, v->err, "Page.field_err.%s",
			    adm_keys[kept[i]].name);
	}
	hdf_put(c->hdf, "Page.form.lang", adm_opt(c, KEY_LANG) ?
	    adm_opt(c, KEY_LANG) : lang_code(lang_default()));
	if (err != NULL)
		hdf_put(c->hdf, "Page.cust_error", err);
	return app_render(c, status, "admin/customer_new");
}

int
page_customer_new(struct ctx *c)
{
	struct staff_actor a = adm_actor(c);
	struct customer_new n = { 0 };
	char e164[PHONE_E164_BUF] = "";
	const char *phone = adm_opt(c, KEY_PHONE), *err;
	enum customer_result r;
	long long id;

	if (c->req.method != METHOD_POST)
		return new_form(c, 200, NULL);
	if (!app_csrf_ok(c))
		return 403;
	if (app_val(c, KEY_EMAIL)->state != VAL_OK ||
	    app_val(c, KEY_CNAME)->state != VAL_OK ||
	    app_val(c, KEY_PHONE)->state == VAL_INVALID ||
	    app_val(c, KEY_LANG)->state == VAL_INVALID)
		return new_form(c, 400, "fields");
	if (phone != NULL && *phone && phone_e164(phone, phone_country(
	    conf_str(CONF_DEFAULT_COUNTRY)), e164, &err) < 0) {
		hdf_put(c->hdf, "Page.field_err.phone", err);
		return new_form(c, 400, "phone");
	}
	n.email = app_val(c, KEY_EMAIL)->s;
	n.name = app_val(c, KEY_CNAME)->s;
	n.phone = e164;
	n.lang = adm_opt(c, KEY_LANG) ? adm_opt(c, KEY_LANG) :
	    lang_code(lang_default());
	r = customer_create(c->db, &c->arena, &a, &n, store_mail_invite, c,
	    (long long)time(NULL), &id);
	switch (r) {
	case CUST_OK:
		site_mail_defer(c);
		return adm_customer_done_at(c, id, "created");
	case CUST_TAKEN:
		return new_form(c, 409, "taken");
	case CUST_FORBIDDEN:
		return app_error(c, 403, "role");
	case CUST_BUSY:
		resp_header(&c->resp, "Retry-After", "2");
		return app_error(c, 503, "busy");
	default:
		return 500;
	}
}

int
adm_customer_post(struct ctx *c, struct user *u)
{
	if (!app_csrf_ok(c))
		return 403;
	return load(c, u, 0);
}

/* The end of a POST that asked customer_*() for r: the refusal's page,
 * or back to the customer page saying what was done. */
static int
post_end(struct ctx *c, const struct user *u, enum customer_result r,
    const char *what)
{
	if (r != CUST_OK)
		return refused(c, u, r);
	return adm_customer_done_at(c, u->id, what);
}

int
page_customer_act(struct ctx *c)
{
	struct staff_actor a = adm_actor(c);
	struct user u;
	long long now = (long long)time(NULL), ended;
	enum customer_result r = CUST_ERROR;
	int st;

	if ((st = adm_customer_post(c, &u)) != 0)
		return st;
	if (app_val(c, KEY_CDO)->state != VAL_OK)
		return app_error(c, 400, "action");
	switch (app_val(c, KEY_CDO)->i) {
	case 0:
	case 1:
		r = customer_set_disabled(c->db, &c->arena, &a, u.id,
		    app_val(c, KEY_CDO)->i == 0, now);
		break;
	case 2:
		r = customer_end_sessions(c->db, &c->arena, &a, u.id, now,
		    &ended);
		break;
	case 3:
		r = customer_invite(c->db, &c->arena, &a, u.id,
		    store_mail_invite, c, now);
		if (r == CUST_OK)
			site_mail_defer(c);
		break;
	}
	return post_end(c, &u, r, app_val(c, KEY_CDO)->s);
}

int
page_customer_role(struct ctx *c)
{
	struct staff_actor a = adm_actor(c);
	struct user u;
	enum customer_result r;
	int st;

	if ((st = adm_customer_post(c, &u)) != 0)
		return st;
	if (app_val(c, KEY_ROLE)->state != VAL_OK)
		return adm_customer_page(c, &u, 400, "role");
	r = customer_set_role(c->db, &c->arena, &a, u.id,
	    (enum role)(app_val(c, KEY_ROLE)->i + 1), (long long)time(NULL));
	return post_end(c, &u, r, "role");
}

int
page_customer_note(struct ctx *c)
{
	struct staff_actor a = adm_actor(c);
	struct user u;
	enum customer_result r;
	int st;

	if ((st = adm_customer_post(c, &u)) != 0)
		return st;
	if (app_val(c, KEY_BODY)->state != VAL_OK)
		return adm_customer_page(c, &u, 400, "note");
	r = customer_note(c->db, &c->arena, &a, u.id, app_val(c, KEY_BODY)->s,
	    (long long)time(NULL));
	return post_end(c, &u, r, "note");
}
