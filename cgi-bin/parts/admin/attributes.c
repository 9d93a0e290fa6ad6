/* attributes.c — attributes the admin defines (brand, resolution): the
 * list with their options, saving and deleting both, and a product's
 * values on its form (attr.h; docs/admin.md "Attributes"). */
#include <string.h>
#include <time.h>

#include "admin.h"
#include "attr.h"
#include "attr_query.h"
#include "buf.h"
#include "db_catalog_admin.h"
#include "site.h"

/* Page.attrs.N.{id,slug,name_en,name_fr,category,category_name,position,
 * options.M.{id,slug,label_en,label_fr,position,products}}.  0 or -1. */
static int
put_attrs(struct ctx *c)
{
	struct attr_def *d;
	size_t n;

	if (db_attr_all(c->db, &c->arena, 1, &d, &n) < 0 ||
	    adm_put_categories(c) < 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		hdf_putf(c->hdf, arena_printf(&c->arena, "%lld", d[i].id),
		    "Page.attrs.%zu.id", i);
		hdf_putf(c->hdf, d[i].slug, "Page.attrs.%zu.slug", i);
		hdf_putf(c->hdf, d[i].name[LANG_EN], "Page.attrs.%zu.name_en", i);
		hdf_putf(c->hdf, d[i].name[LANG_FR], "Page.attrs.%zu.name_fr", i);
		hdf_putf(c->hdf, attr_text(d[i].name, c->lang),
		    "Page.attrs.%zu.name", i);
		hdf_putf(c->hdf, arena_printf(&c->arena, "%lld",
		    d[i].category_id), "Page.attrs.%zu.category", i);
		hdf_putf(c->hdf, d[i].category, "Page.attrs.%zu.category_name", i);
		hdf_putf(c->hdf, arena_printf(&c->arena, "%lld", d[i].position),
		    "Page.attrs.%zu.position", i);
		for (size_t j = 0; j < d[i].nopts; j++) {
			const struct attr_option *o = &d[i].opts[j];
			const char *p = arena_printf(&c->arena,
			    "Page.attrs.%zu.options.%zu", i, j);
			hdf_putf(c->hdf, arena_printf(&c->arena, "%lld", o->id),
			    "%s.id", p);
			hdf_putf(c->hdf, o->slug, "%s.slug", p);
			hdf_putf(c->hdf, o->label[LANG_EN], "%s.label_en", p);
			hdf_putf(c->hdf, o->label[LANG_FR], "%s.label_fr", p);
			hdf_putf(c->hdf, arena_printf(&c->arena, "%lld",
			    o->position), "%s.position", p);
			hdf_putf(c->hdf, arena_printf(&c->arena, "%lld",
			    o->products), "%s.products", p);
		}
	}
	return 0;
}

int
page_attributes(struct ctx *c)
{
	if (put_attrs(c) < 0)
		return 500;
	return app_render(c, 200, "admin/attributes");
}

/* Page.errors for each invalid key of keys[0..n); their number. */
static size_t
key_errors(struct ctx *c, const int *keys, size_t n)
{
	size_t nerr = 0;

	for (size_t i = 0; i < n; i++) {
		const struct val *v = app_val(c, keys[i]);
		if (v->state == VAL_INVALID) {
			hdf_putf(c->hdf, adm_keys[keys[i]].name,
			    "Page.errors.%zu.field", nerr);
			hdf_putf(c->hdf, v->err, "Page.errors.%zu.err", nerr++);
		}
	}
	return nerr;
}

/* The attributes page again with the refusals errs[0..n) (400; 404 for a
 * thing that is gone, 500 for the database). */
static int
refused(struct ctx *c, const enum attr_err *errs, size_t n, size_t nerr)
{
	for (size_t i = 0; i < n; i++) {
		if (errs[i] == ATTR_ERROR)
			return 500;
		if (errs[i] == ATTR_NOT_FOUND)
			return app_error(c, 404, NULL);
		hdf_putf(c->hdf, "", "Page.errors.%zu.field", nerr);
		hdf_putf(c->hdf, attr_errs[errs[i]], "Page.errors.%zu.err",
		    nerr++);
	}
	return put_attrs(c) < 0 ? 500 : app_render(c, 400, "admin/attributes");
}

/* The optional integer of key k, else 0. */
static long long
opt_int(struct ctx *c, int k)
{
	return app_val(c, k)->state == VAL_OK ? app_val(c, k)->i : 0;
}

/* Commits the change made (with its audit row: action on object id,
 * detail) and goes back to the list with notice; 500 when it fails. */
static int
done(struct ctx *c, const char *action, long long id, const char *detail,
    const char *notice)
{
	if (adm_audit(c, action, "attribute", id, detail,
	    (long long)time(NULL)) < 0 || db_commit(c->db) < 0) {
		db_rollback(c->db);
		return 500;
	}
	return app_redirect(c, arena_printf(&c->arena,
	    "/admin/attributes?notice=%s#attr-%lld", notice, id));
}

int
page_attribute_save(struct ctx *c)
{
	static const int keys[] = { KEY_SLUG, KEY_ATTR_EN, KEY_ATTR_FR,
	    KEY_CATEGORY, KEY_POSITION };
	enum attr_err errs[ATTR__MAX];
	const char *name[LANG__MAX] = { adm_opt(c, KEY_ATTR_EN),
	    adm_opt(c, KEY_ATTR_FR) };
	long long id = opt_int(c, KEY_ID), out = 0;
	size_t n, nerr;

	if (!app_csrf_ok(c))
		return 403;
	if ((nerr = key_errors(c, keys, sizeof(keys) / sizeof(keys[0]))) > 0)
		return refused(c, errs, 0, nerr);
	if (db_begin(c->db) < 0)
		return 500;
	n = attr_save(c->db, id, app_val(c, KEY_SLUG)->s, name,
	    opt_int(c, KEY_CATEGORY), opt_int(c, KEY_POSITION), errs, &out);
	if (n > 0) {
		db_rollback(c->db);
		return refused(c, errs, n, 0);
	}
	return done(c, id ? "edit" : "create", out, app_val(c, KEY_SLUG)->s,
	    "attribute");
}

int
page_attribute_delete(struct ctx *c)
{
	enum attr_err e;
	long long id = opt_int(c, KEY_ID);

	if (!app_csrf_ok(c))
		return 403;
	if (db_begin(c->db) < 0)
		return 500;
	if ((e = attr_delete(c->db, id)) != ATTR_OK) {
		db_rollback(c->db);
		return refused(c, &e, 1, 0);
	}
	return done(c, "delete", id, "", "attribute_deleted");
}

int
page_attribute_option(struct ctx *c)
{
	static const int keys[] = { KEY_SLUG, KEY_ATTR_EN, KEY_ATTR_FR,
	    KEY_POSITION, KEY_OPTION };
	enum attr_err errs[ATTR__MAX];
	const char *label[LANG__MAX] = { adm_opt(c, KEY_ATTR_EN),
	    adm_opt(c, KEY_ATTR_FR) };
	struct attr_def d;
	long long attr = opt_int(c, KEY_ATTR), out = 0;
	size_t n, nerr;
	int rc;

	if (!app_csrf_ok(c))
		return 403;
	if ((rc = db_attr_get(c->db, &c->arena, attr, &d)) != 0)
		return rc < 0 ? 500 : app_error(c, 404, NULL);
	if ((nerr = key_errors(c, keys, sizeof(keys) / sizeof(keys[0]))) > 0)
		return refused(c, errs, 0, nerr);
	if (db_begin(c->db) < 0)
		return 500;
	n = attr_option_save(c->db, attr, opt_int(c, KEY_OPTION),
	    app_val(c, KEY_SLUG)->s, label, opt_int(c, KEY_POSITION), errs,
	    &out);
	if (n > 0) {
		db_rollback(c->db);
		return refused(c, errs, n, 0);
	}
	return done(c, opt_int(c, KEY_OPTION) ? "option_edit" : "option_add",
	    attr, app_val(c, KEY_SLUG)->s, "option");
}

int
page_attribute_option_delete(struct ctx *c)
{
	enum attr_err e;
	long long attr = opt_int(c, KEY_ATTR);

	if (!app_csrf_ok(c))
		return 403;
	if (db_begin(c->db) < 0)
		return 500;
	if ((e = attr_option_delete(c->db, opt_int(c, KEY_OPTION))) != ATTR_OK) {
		db_rollback(c->db);
		return refused(c, &e, 1, 0);
	}
	return done(c, "option_delete", attr, arena_printf(&c->arena, "%lld",
	    opt_int(c, KEY_OPTION)), "option_deleted");
}

int
adm_put_product_attrs(struct ctx *c, long long product)
{
	struct attr_def *d;
	long long *attrs, *opts;
	size_t n, nv;
	int k = 0;

	if (db_attr_all(c->db, &c->arena, 0, &d, &n) < 0 ||
	    db_attr_values(c->db, &c->arena, product, &attrs, &opts, &nv) < 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		long long cur = 0;
		int rc = db_attr_applies(c->db, d[i].id, product);
		if (rc < 0)
			return -1;
		for (size_t v = 0; v < nv; v++)
			if (attrs[v] == d[i].id)
				cur = opts[v];
		if ((rc == 0 && cur == 0) || d[i].nopts == 0)
			continue;	/* for another category */
		hdf_putf(c->hdf, arena_printf(&c->arena, ATTR_QUERY_PREFIX "%s",
		    d[i].slug), "Page.pattrs.%d.key", k);
		hdf_putf(c->hdf, attr_text(d[i].name, c->lang),
		    "Page.pattrs.%d.name", k);
		for (size_t j = 0; j < d[i].nopts; j++) {
			const struct attr_option *o = &d[i].opts[j];
			hdf_putf(c->hdf, o->slug,
			    "Page.pattrs.%d.options.%zu.value", k, j);
			hdf_putf(c->hdf, attr_text(o->label, c->lang),
			    "Page.pattrs.%d.options.%zu.label", k, j);
			if (o->id == cur)
				hdf_putf(c->hdf, o->slug, "Page.pattrs.%d.value", k);
		}
		k++;
	}
	return 0;
}

int
page_product_attrs(struct ctx *c)
{
	struct attr_def picks[ATTR_PRODUCT_MAX];
	struct buf detail = { 0 };
	const char *bad;
	long long id = opt_int(c, KEY_ID);
	int n, rc;

	struct adm_product p;

	if (!app_csrf_ok(c))
		return 403;
	if ((rc = db_adm_product(c->db, &c->arena, id, &p)) != 0)
		return rc < 0 ? 500 : app_error(c, 404, NULL);
	if ((n = attr_query_read(c, &c->req.form, picks, ATTR_PRODUCT_MAX,
	    &bad)) < 0) {
		if (n == -2)
			return 500;
		hdf_put(c->hdf, "Page.errors.0.field", bad ? bad : "");
		hdf_put(c->hdf, "Page.errors.0.err", "attr_option");
		return app_error(c, 400, "invalid");
	}
	if (db_begin(c->db) < 0)
		return 500;
	if ((rc = db_attr_values_clear(c->db, id)) < 0)
		goto fail;
	for (int i = 0; i < n; i++) {
		enum attr_err e = attr_value_set(c->db, id, picks[i].id,
		    picks[i].opts[0].id);
		if (e != ATTR_OK) {
			db_rollback(c->db);
			buf_free(&detail);
			if (e == ATTR_ERROR)
				return 500;
			hdf_put(c->hdf, "Page.errors.0.field", picks[i].slug);
			hdf_put(c->hdf, "Page.errors.0.err", attr_errs[e]);
			return app_error(c, 400, "invalid");
		}
		buf_printf(&detail, "%s%s=%s", i ? ";" : "", picks[i].slug,
		    picks[i].opts[0].slug);
	}
	if (adm_audit(c, "attributes", "product", id, detail.data ?
	    detail.data : "", (long long)time(NULL)) < 0 || db_commit(c->db) < 0)
		goto fail;
	buf_free(&detail);
	return app_redirect(c, arena_printf(&c->arena,
	    "/admin/product/%lld?notice=attrs#attrs", id));
fail:
	db_rollback(c->db);
	buf_free(&detail);
	return 500;
}
