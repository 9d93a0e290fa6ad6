/* audit.c — the audit log page. */
#include "admin.h"
#include "site.h"

#define AUDIT_ROWS	100

int
page_audit(struct ctx *c)
{
	struct audit_entry *e;
	size_t n;
	long long before = app_val(c, KEY_BEFORE)->state == VAL_OK ?
	    app_val(c, KEY_BEFORE)->i : 0;
	const char *kind = adm_opt(c, KEY_KIND), *object = adm_opt(c, KEY_OBJECT);

	if (db_audit_list(c->db, &c->arena, kind, object, before, AUDIT_ROWS,
	    &e, &n) < 0)
		return 500;
	for (size_t i = 0; i < n; i++) {
		const char *p = arena_printf(&c->arena, "Page.log.%zu", i);
		hdf_putf(c->hdf, adm_when(c, e[i].at), "%s.at", p);
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
