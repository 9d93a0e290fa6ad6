/* sub_act.c — one subscription in the back office: its page (dates,
 * customer, access, history) and the staff actions on it (extend,
 * suspend, resume, cancel, reassign a pool credential), each through
 * subs_act() with its audit row and the customer's mail in the same
 * transaction (docs/delivery.md "Staff actions").  Employees may: this
 * is order treatment (docs/admin.md). */
#include <stdlib.h>
#include <string.h>

#include "admin.h"
#include "auth.h"
#include "clock.h"
#include "db_catalog.h"
#include "db_subs.h"
#include "log.h"
#include "site.h"
#include "subs.h"
#include "subs_act.h"
#include "subs_hdf.h"

const char *const adm_sub_olds[] = { "retire", "return", NULL };

/* GET /admin/subscription/<id> */
int
page_subscription(struct ctx *c)
{
	struct subscription s;
	struct audit_entry *au;
	struct plan *pl;
	long long id = adm_object_id(c, 1), now = store_now();
	size_t nau, npl;
	const char *st;
	int rc;

	if (id == 0 || (rc = db_sub_get(c->db, &c->arena, id, &s)) == 1)
		return app_error(c, 404, NULL);
	if (rc < 0 || db_audit_list(c->db, &c->arena, "subscription",
	    arena_printf(&c->arena, "%lld", id), 0, 50, &au, &nau) < 0 ||
	    db_product_plans(c->db, &c->arena, s.product_id, &pl, &npl) < 0 ||
	    subs_put(c, "Page.subs", &s, 1, now) < 0)
		return 500;
	st = s.state;
	hdf_put(c->hdf, "Page.sub.email", s.email);
	hdf_put(c->hdf, "Page.sub.reason", s.reason);
	hdf_put(c->hdf, "Page.sub.state", st);
	hdf_put_int(c->hdf, "Page.sub.order", s.order_id);
	hdf_put(c->hdf, "Page.sub.pool", strcmp(db_delivery_access(c->db,
	    &c->arena, s.product_id), "pool") == 0 ? "1" : "0");
	hdf_put(c->hdf, "Page.can.extend", strcmp(st, "cancelled") ? "1" : "0");
	hdf_put(c->hdf, "Page.can.suspend", strcmp(st, "live") ? "0" : "1");
	hdf_put(c->hdf, "Page.can.resume", strcmp(st, "suspended") ? "0" : "1");
	hdf_put(c->hdf, "Page.can.cancel", strcmp(st, "cancelled") ? "1" : "0");
	for (size_t i = 0; i < npl; i++) {
		hdf_put_int(c->hdf, arena_printf(&c->arena, "Page.plans.%zu.id",
		    i), pl[i].id);
		hdf_put_int(c->hdf, arena_printf(&c->arena,
		    "Page.plans.%zu.months", i), pl[i].months);
		hdf_put_int(c->hdf, arena_printf(&c->arena,
		    "Page.plans.%zu.days", i), pl[i].days);
	}
	for (size_t i = 0; i < nau; i++) {
		hdf_putf(c->hdf, au[i].actor, "Page.audit.%zu.actor", i);
		hdf_putf(c->hdf, au[i].action, "Page.audit.%zu.action", i);
		hdf_putf(c->hdf, au[i].detail, "Page.audit.%zu.detail", i);
		hdf_putf(c->hdf, adm_when(c, au[i].at), "Page.audit.%zu.at", i);
	}
	return app_render(c, 200, "admin/subscription");
}

/* The period of an extend: days typed, or the duration of one of the
 * product's plans.  0, or -1 when neither (or a plan not its own). */
static int
period(struct ctx *c, const struct subscription *s, struct sub_act_req *r)
{
	struct plan *pl;
	size_t n;

	if (app_val(c, KEY_PLAN)->state == VAL_INVALID ||
	    app_val(c, KEY_DAYS)->state == VAL_INVALID)
		return -1;
	if (app_val(c, KEY_PLAN)->state == VAL_OK) {
		if (db_product_plans(c->db, &c->arena, s->product_id, &pl,
		    &n) < 0)
			return -1;
		for (size_t i = 0; i < n; i++)
			if (pl[i].id == app_val(c, KEY_PLAN)->i) {
				r->months = pl[i].months;
				r->days = pl[i].days;
				return 0;
			}
		return -1;
	}
	if (app_val(c, KEY_DAYS)->state == VAL_OK && app_val(c, KEY_DAYS)->i > 0) {
		r->days = (int)app_val(c, KEY_DAYS)->i;
		return 0;
	}
	return -1;
}

/* POST /admin/subscription/act: sub, do=extend (days or plan) | suspend
 * (reason) | resume | cancel (reason) | reassign (old=retire|return). */
int
page_sub_act(struct ctx *c)
{
	static const char *const why[] = {
		[SUBACT_NONE] = NULL, [SUBACT_STATE] = "sub_state",
		[SUBACT_INPUT] = "sub_input", [SUBACT_NOT_POOL] = "sub_not_pool",
		[SUBACT_NO_FREE] = "sub_no_free",
	};
	static const char *const notice[SUB_ACT__MAX] = {
		"extended", "suspended", "resumed", "sub_cancelled",
		"reassigned",
	};
	struct subscription s;
	struct sub_act_req r = { 0 };
	const char *detail, *old = adm_opt(c, KEY_SUB_OLD);
	long long id, now = store_now();
	enum sub_act_result res;
	int rc;

	if (!app_csrf_ok(c))
		return 403;
	if (app_val(c, KEY_SUB)->state != VAL_OK)
		return app_error(c, 404, NULL);
	id = app_val(c, KEY_SUB)->i;
	if ((rc = db_sub_get(c->db, &c->arena, id, &s)) != 0)
		return rc < 0 ? 500 : app_error(c, 404, NULL);
	if (app_val(c, KEY_SUB_DO)->state != VAL_OK ||
	    app_val(c, KEY_SUB_OLD)->state == VAL_INVALID)
		return app_error(c, 400, "sub_input");
	r.act = (enum sub_act)app_val(c, KEY_SUB_DO)->i;
	r.reason = adm_opt(c, KEY_REASON);
	r.give_back = old != NULL && strcmp(old, "return") == 0;
	if ((r.act == SUB_ACT_SUSPEND || r.act == SUB_ACT_CANCEL) &&
	    r.reason == NULL)
		return app_error(c, 400, "sub_reason");
	if (r.act == SUB_ACT_EXTEND && period(c, &s, &r) < 0)
		return app_error(c, 400, "sub_period");
	if (db_begin(c->db) < 0)
		return 500;
	res = subs_act(c->db, &c->arena, id, &r, now, &detail);
	if (res == SUBACT_OK && (adm_audit(c, arena_printf(&c->arena, "sub_%s",
	    sub_act_names[r.act]), "subscription", id, detail, now) < 0 ||
	    db_commit(c->db) < 0))
		res = SUBACT_ERROR;
	if (res != SUBACT_OK) {
		db_rollback(c->db);
		if (res == SUBACT_ERROR)
			return 500;
		return app_error(c, res == SUBACT_INPUT ? 400 : res ==
		    SUBACT_NONE ? 404 : 409, why[res]);
	}
	log_info("subscription %lld: %s by %s (%s)", id, sub_act_names[r.act],
	    c->site->user->email, detail);
	site_mail_defer(c);
	return app_redirect(c, arena_printf(&c->arena,
	    "/admin/subscription/%lld?notice=%s", id, notice[r.act]));
}
