/* details.c — a product's delivery weight and the details it asks at
 * checkout (a device's MAC address...), for admins; linked from the
 * product's page (docs/admin.md "Delivery").
 *
 *   GET  /admin/details/<id>     the weight form and the product's fields
 *   POST /admin/details/weight   id, grams
 *   POST /admin/details/save     id, field, type, label, label_en,
 *                                label_fr, max, required (a field of that
 *                                key is changed, else one is added)
 *   POST /admin/details/remove   id, field
 *
 * The rules and the audited changes are ship_edit.h's and detail_edit.h's,
 * the same as soukctl shipping weight's and soukctl product-field's. */
#include <time.h>

#include "admin.h"
#include "db_catalog_admin.h"
#include "db_detail.h"
#include "db_ship.h"
#include "detail_edit.h"
#include "ship_edit.h"

/* The page of product id with Page.errors already put (the typed values
 * again when typed), answering status. */
static int
render(struct ctx *c, int status, long long id, int typed)
{
	struct detail_field *f;
	struct adm_product p;
	long long grams = 0;
	int rc, n;

	if ((rc = db_adm_product(c->db, &c->arena, id, &p)) != 0)
		return rc < 0 ? 500 : app_error(c, 404, NULL);
	if (db_ship_weight_of(c->db, id, &grams) < 0 ||
	    (n = db_detail_fields(c->db, &c->arena, id, &f)) < 0)
		return 500;
	hdf_put(c->hdf, "Page.p.id", arena_printf(&c->arena, "%lld", id));
	hdf_put(c->hdf, "Page.p.name", p.p.name);
	hdf_put(c->hdf, "Page.p.kind", p.p.kind);
	hdf_put(c->hdf, "Page.p.grams", arena_printf(&c->arena, "%lld",
	    grams));
	for (int i = 0; i < n; i++) {
		const char *at = arena_printf(&c->arena, "Page.fields.%d", i);
		hdf_putf(c->hdf, f[i].name, "%s.name", at);
		hdf_putf(c->hdf, f[i].label, "%s.label", at);
		hdf_putf(c->hdf, f[i].labels[LANG_EN], "%s.label_en", at);
		hdf_putf(c->hdf, f[i].labels[LANG_FR], "%s.label_fr", at);
		hdf_putf(c->hdf, detail_types[f[i].type], "%s.type", at);
		hdf_putf(c->hdf, arena_printf(&c->arena, "%d", f[i].max_len),
		    "%s.max", at);
		hdf_putf(c->hdf, f[i].required ? "1" : "0", "%s.required", at);
	}
	hdf_put(c->hdf, "Page.form.type", "text");
	hdf_put(c->hdf, "Page.form.required", "1");
	if (typed) {
		static const int keys[] = { KEY_DF_NAME, KEY_DF_TYPE,
		    KEY_DF_LABEL, KEY_DF_LABEL_EN, KEY_DF_LABEL_FR, KEY_DF_MAX,
		    KEY_SH_GRAMS };
		static const char *const names[] = { "field", "type", "label",
		    "label_en", "label_fr", "max", "grams" };
		for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
			const struct val *v = app_val(c, keys[i]);
			if (v->raw != NULL)
				hdf_putf(c->hdf, v->raw, "Page.form.%s",
				    names[i]);
		}
		hdf_put(c->hdf, "Page.form.required", app_val(c,
		    KEY_DF_REQUIRED)->state == VAL_OK && app_val(c,
		    KEY_DF_REQUIRED)->i ? "1" : "0");
	}
	return app_render(c, status, "admin/details");
}

int
page_details(struct ctx *c)
{
	long long id = adm_path_id(c);

	if (id == 0)
		return app_error(c, 404, NULL);
	return render(c, 200, id, 0);
}

/* The product a POST is about (its posted id), or 0 after answering
 * *status (403 without a good CSRF token, 400 without an id). */
static long long
posted_product(struct ctx *c, int *status)
{
	long long id;

	if (!app_csrf_ok(c)) {
		*status = 403;
		return 0;
	}
	if ((id = adm_object_id(c, 0)) == 0)
		*status = app_error(c, 400, "invalid");
	return id;
}

/* The page again with one refusal (Lang.admship.err.<err>). */
static int
refuse(struct ctx *c, int status, long long id, const char *err)
{
	hdf_put(c->hdf, "Page.errors.0.err", err);
	return render(c, status, id, 1);
}

int
page_details_weight(struct ctx *c)
{
	struct staff_actor who = adm_actor(c);
	struct adm_product p;
	enum ship_err e;
	long long id;
	int st = 0, rc;

	if ((id = posted_product(c, &st)) == 0)
		return st;
	if ((rc = db_adm_product(c->db, &c->arena, id, &p)) != 0)
		return rc < 0 ? 500 : app_error(c, 404, NULL);
	e = app_val(c, KEY_SH_GRAMS)->state == VAL_INVALID ? SHIP_E_WEIGHT :
	    ship_weight_save(c->db, &c->arena, &who, p.p.slug,
	    adm_opt(c, KEY_SH_GRAMS) ? adm_opt(c, KEY_SH_GRAMS) : "0",
	    (long long)time(NULL));
	if (e == SHIP_E_OK)
		return app_redirect(c, arena_printf(&c->arena,
		    "/admin/details/%lld?notice=weight_saved", id));
	if (e == SHIP_E_NO_PRODUCT)
		return app_error(c, 404, NULL);
	if (e != SHIP_E_WEIGHT)
		return 500;
	return refuse(c, 400, id, ship_err_names[e]);
}

int
page_details_save(struct ctx *c)
{
	static const int keys[] = { KEY_DF_NAME, KEY_DF_TYPE, KEY_DF_LABEL,
	    KEY_DF_LABEL_EN, KEY_DF_LABEL_FR, KEY_DF_MAX };
	static const enum detail_err key_errs[] = { DET_NAME, DET_TYPE,
	    DET_LABEL, DET_LABEL_EN, DET_LABEL_FR, DET_MAX };
	struct staff_actor who = adm_actor(c);
	struct detail_form in = {
		.name = adm_opt(c, KEY_DF_NAME), .type = adm_opt(c, KEY_DF_TYPE),
		.label = adm_opt(c, KEY_DF_LABEL),
		.label_en = adm_opt(c, KEY_DF_LABEL_EN),
		.label_fr = adm_opt(c, KEY_DF_LABEL_FR),
		.max = adm_opt(c, KEY_DF_MAX),
		.required = app_val(c, KEY_DF_REQUIRED)->state == VAL_OK &&
		    app_val(c, KEY_DF_REQUIRED)->i,
	};
	enum detail_err errs[DET__MAX + 6];
	struct detail_field f;
	long long id;
	size_t ne;
	int st = 0;

	if ((id = posted_product(c, &st)) == 0)
		return st;
	ne = detail_parse(&in, &f, errs);
	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		if (app_val(c, keys[i])->state == VAL_INVALID)
			errs[ne++] = key_errs[i];
	if (ne == 0 && (errs[ne++] = detail_field_save(c->db, &c->arena, &who,
	    id, &f, (long long)time(NULL))) == DET_OK)
		return app_redirect(c, arena_printf(&c->arena,
		    "/admin/details/%lld?notice=field_saved", id));
	if (errs[0] == DET_NO_PRODUCT)
		return app_error(c, 404, NULL);
	if (errs[0] == DET_ERROR)
		return 500;
	for (size_t i = 0; i < ne; i++)
		hdf_putf(c->hdf, detail_err_names[errs[i]],
		    "Page.errors.%zu.err", i);
	return render(c, errs[0] == DET_FULL ? 409 : 400, id, 1);
}

int
page_details_remove(struct ctx *c)
{
	struct staff_actor who = adm_actor(c);
	const char *name = adm_opt(c, KEY_DF_NAME);
	enum detail_err e;
	long long id;
	int st = 0;

	if ((id = posted_product(c, &st)) == 0)
		return st;
	if (name == NULL)
		return refuse(c, 400, id, detail_err_names[DET_NAME]);
	e = detail_field_delete(c->db, &c->arena, &who, id, name,
	    (long long)time(NULL));
	if (e == DET_NONE)
		return refuse(c, 404, id, detail_err_names[e]);
	if (e != DET_OK)
		return 500;
	return app_redirect(c, arena_printf(&c->arena,
	    "/admin/details/%lld?notice=field_removed", id));
}
