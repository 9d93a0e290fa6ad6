/* images.c — a product's pictures: upload (re-encoded, product_image.h),
 * alt text, order and removal. */
#include <time.h>

#include "admin.h"
#include "auth.h"
#include "db_catalog_admin.h"
#include "log.h"
#include "product_image.h"
#include "site.h"
#include "store_conf.h"

int
page_product_image(struct ctx *c)
{
	const struct req_file *f = req_file(&c->req, "file");
	long long id, img = 0, now = (long long)time(NULL);
	enum pimg_result r;
	struct adm_product p;
	int rc;

	if (!app_csrf_ok(c))
		return 403;
	if (app_val(c, KEY_ID)->state != VAL_OK)
		return app_error(c, 404, NULL);
	id = app_val(c, KEY_ID)->i;
	if ((rc = db_adm_product(c->db, &c->arena, id, &p)) != 0)
		return rc < 0 ? 500 : app_error(c, 404, NULL);
	if (f == NULL || f->len == 0)
		return app_error(c, 400, "image_missing");
	if (app_val(c, KEY_ALT)->state == VAL_INVALID)
		return app_error(c, 400, app_val(c, KEY_ALT)->err);
	if (db_begin(c->db) < 0)
		return 500;
	r = product_image_add(c->db, conf_str(CONF_MEDIA_DIR), id, f->data,
	    f->len, app_val(c, KEY_ALT)->s, &img);
	if (r == PIMG_OK && adm_audit(c, "image_add", "product", id,
	    arena_printf(&c->arena, "image %lld", img), now) < 0)
		r = PIMG_ERROR;
	if (r != PIMG_OK || db_commit(c->db) < 0) {
		db_rollback(c->db);
		if (r == PIMG_TYPE)
			return app_error(c, 415, "image_type");
		if (r == PIMG_TOO_LARGE)
			return app_error(c, 413, "image_large");
		return 500;
	}
	return app_redirect(c, arena_printf(&c->arena,
	    "/admin/product/%lld?notice=image#images", id));
}

const char *const adm_image_ops[] = { "save", "up", "down", "delete", NULL };

int
page_product_image_act(struct ctx *c)
{
	long long id, img, now = (long long)time(NULL);
	struct adm_image *v;
	size_t n, at;
	int op, rc = 0;

	if (!app_csrf_ok(c))
		return 403;
	if (app_val(c, KEY_ID)->state != VAL_OK ||
	    app_val(c, KEY_IMAGE)->state != VAL_OK)
		return app_error(c, 404, NULL);
	if (app_val(c, KEY_IMAGE_OP)->state != VAL_OK)
		return app_error(c, 400, "action");
	if (app_val(c, KEY_ALT)->state == VAL_INVALID)
		return app_error(c, 400, app_val(c, KEY_ALT)->err);
	id = app_val(c, KEY_ID)->i;
	img = app_val(c, KEY_IMAGE)->i;
	op = (int)app_val(c, KEY_IMAGE_OP)->i;
	if (db_begin(c->db) < 0)
		return 500;
	if (db_adm_images(c->db, &c->arena, id, &v, &n) < 0)
		goto fail;
	for (at = 0; at < n && v[at].id != img; at++)
		;
	if (at == n) {
		db_rollback(c->db);
		return app_error(c, 404, NULL);
	}
	if (op == 3)
		rc = db_adm_image_del(c->db, id, img);
	else {
		/* Positions are renumbered 0..n-1 with the move applied. */
		size_t to = op == 1 && at > 0 ? at - 1 : op == 2 && at + 1 < n ?
		    at + 1 : at;
		struct adm_image t = v[at];
		v[at] = v[to];
		v[to] = t;
		if (op == 0 || app_val(c, KEY_ALT)->state == VAL_OK)
			v[to].alt = app_val(c, KEY_ALT)->s;
		for (size_t i = 0; i < n && rc == 0; i++)
			rc = db_adm_image_set(c->db, id, v[i].id, v[i].alt,
			    (long long)i);
	}
	if (rc != 0 || adm_audit(c, arena_printf(&c->arena, "image_%s",
	    adm_image_ops[op]), "product", id, arena_printf(&c->arena,
	    "image %lld", img), now) < 0 || db_commit(c->db) < 0)
		goto fail;
	return app_redirect(c, arena_printf(&c->arena,
	    "/admin/product/%lld?notice=image#images", id));
fail:
	db_rollback(c->db);
	return 500;
}
