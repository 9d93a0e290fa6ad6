/* categories.c — the category tree for admins: create, rename, move
 * (never into its own subtree) and reorder (catalog_edit.h). */
#include <time.h>

#include "admin.h"
#include "auth.h"
#include "catalog_edit.h"
#include "log.h"
#include "site.h"

int
page_categories(struct ctx *c)
{
	if (adm_put_categories(c) < 0)
		return 500;
	return app_render(c, 200, "admin/categories");
}

int
page_category_save(struct ctx *c)
{
	enum catalog_err errs[CATALOG_MAX_ERRS];
	long long id = 0, parent = 0, pos = 0, out = 0;
	long long now = (long long)time(NULL);
	static const int keys[] = { KEY_SLUG, KEY_NAME, KEY_PARENT,
	    KEY_POSITION };
	size_t n, nerr = 0;

	if (!app_csrf_ok(c))
		return 403;
	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		const struct val *v = app_val(c, keys[i]);
		if (v->state == VAL_INVALID) {
			hdf_putf(c->hdf, adm_keys[keys[i]].name,
			    "Page.errors.%zu.field", nerr);
			hdf_putf(c->hdf, v->err, "Page.errors.%zu.err", nerr++);
		}
	}
	if (app_val(c, KEY_ID)->state == VAL_OK)
		id = app_val(c, KEY_ID)->i;
	if (app_val(c, KEY_PARENT)->state == VAL_OK)
		parent = app_val(c, KEY_PARENT)->i;
	if (app_val(c, KEY_POSITION)->state == VAL_OK)
		pos = app_val(c, KEY_POSITION)->i;
	if (nerr > 0)
		return adm_put_categories(c) < 0 ? 500 :
		    app_render(c, 400, "admin/categories");
	if (db_begin(c->db) < 0)
		return 500;
	n = catalog_category_save(c->db, id, parent, app_val(c, KEY_SLUG)->s,
	    app_val(c, KEY_NAME)->s, pos, errs, &out);
	if (n == 0 && adm_audit(c, id == 0 ? "create" : "edit", "category",
	    out, app_val(c, KEY_SLUG)->s, now) < 0) {
		errs[0] = CAT_ERROR;
		n = 1;
	}
	if (n > 0 || db_commit(c->db) < 0) {
		db_rollback(c->db);
		for (size_t i = 0; i < n; i++) {
			if (errs[i] == CAT_ERROR)
				return 500;
			if (errs[i] == CAT_NOT_FOUND)
				return app_error(c, 404, NULL);
			hdf_putf(c->hdf, "", "Page.errors.%zu.field", nerr);
			hdf_putf(c->hdf, catalog_errs[errs[i]],
			    "Page.errors.%zu.err", nerr++);
		}
		if (n == 0)
			return 500;
		hdf_put(c->hdf, "Page.edit", arena_printf(&c->arena, "%lld",
		    id));
		return adm_put_categories(c) < 0 ? 500 :
		    app_render(c, 400, "admin/categories");
	}
	return app_redirect(c, "/admin/categories?notice=category");
}
