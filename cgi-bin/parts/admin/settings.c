/* settings.c — /admin/settings (admins only): the store settings kept in
 * the database over souk.conf (lib/store/settings.h).  One form per
 * setting; secret keys are write-only: the page says whether one is set
 * and at most its last four characters, and neither the value nor any
 * part of it goes to the audit log or the log. */
#include <time.h>

#include "admin.h"
#include "auth.h"
#include "settings.h"
#include "site.h"

const char *const adm_setting_acts[] = { "save", "reset", NULL };

/* Page.set.N.* for every setting: name, group, kind, value (not for a
 * secret), tail (secrets: "" none, "-" set, else its last four), the
 * souk.conf default, overridden. */
static void
put_settings(struct ctx *c)
{
	static const char *const kinds[] = { "line", "bool", "choice",
	    "secret" };

	for (int i = 0; i < SETTING__MAX; i++) {
		const struct setting_def *d = &settings_defs[i];
		const char *p = arena_printf(&c->arena, "Page.set.%d", i);

		hdf_putf(c->hdf, d->name, "%s.name", p);
		hdf_putf(c->hdf, d->group, "%s.group", p);
		hdf_putf(c->hdf, kinds[d->kind], "%s.kind", p);
		hdf_putf(c->hdf, settings_overridden(i) ? "1" : "0",
		    "%s.overridden", p);
		if (d->kind == SETK_SECRET) {
			hdf_putf(c->hdf, settings_secret_tail(&c->arena, i),
			    "%s.tail", p);
			continue;
		}
		hdf_putf(c->hdf, settings_get(i), "%s.value", p);
		hdf_putf(c->hdf, settings_default(i), "%s.default", p);
		for (size_t k = 0; d->choices != NULL && d->choices[k]; k++)
			hdf_putf(c->hdf, d->choices[k], "%s.choices.%zu", p, k);
	}
	hdf_put(c->hdf, "Page.pay_mode", settings_get(SET_PAY_MODE));
}

int
page_settings(struct ctx *c)
{
	if (settings_refresh(c->db) < 0)
		return 500;
	put_settings(c);
	return app_render(c, 200, "admin/settings");
}

/* The form again with err next to setting id (a secret's value is
 * never put back). */
static int
refused(struct ctx *c, int id, const char *err, const char *typed)
{
	put_settings(c);
	hdf_put(c->hdf, "Page.err_setting", settings_defs[id].name);
	hdf_put(c->hdf, "Page.err", err);
	if (settings_defs[id].kind != SETK_SECRET)
		hdf_putf(c->hdf, typed, "Page.set.%d.value", id);
	return app_render(c, 400, "admin/settings");
}

int
page_setting_save(struct ctx *c)
{
	const struct val *name = app_val(c, KEY_SETTING);
	const struct val *act = app_val(c, KEY_SET_ACT);
	const struct val *value = app_val(c, KEY_SET_VALUE);
	long long now = (long long)time(NULL);
	const char *v, *why;
	int id, reset;
	struct audit_entry e;

	if (!app_csrf_ok(c))
		return 403;
	if (settings_refresh(c->db) < 0)
		return 500;
	if (name->state != VAL_OK || (id = settings_find(name->s)) < 0) {
		put_settings(c);
		hdf_put(c->hdf, "Page.err", "setting_unknown");
		return app_render(c, 400, "admin/settings");
	}
	reset = act->state == VAL_OK && act->i == 1;
	if (value->state == VAL_INVALID)
		return refused(c, id, value->err, value->raw ? value->raw : "");
	v = value->s;
	e = (struct audit_entry){
		.user_id = c->site->user->id, .actor = c->site->user->email,
		.addr = c->req.remote_addr,
	};
	switch (settings_change(c->db, id, reset ? NULL : v, &e, now, &why)) {
	case 0:
		break;
	case 1:
		return refused(c, id, why, v);
	default:
		return 500;
	}
	return app_redirect(c, arena_printf(&c->arena,
	    "/admin/settings?notice=setting#%s", settings_defs[id].name));
}
