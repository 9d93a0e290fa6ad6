/* product_files.c — the files a digital product sells, on its admin page:
 * the list, a small upload (at most media_upload_max; films and other
 * large files are `soukctl media add`) and removal.  The rules and the
 * storage are the store's (media.h): data_dir/downloads/, never htdocs/,
 * audited; these pages map its answers to a status. */
#include <time.h>

#include "admin.h"
#include "db_catalog_admin.h"
#include "db_delivery.h"
#include "media.h"
#include "store_conf.h"

int
adm_put_files(struct ctx *c, long long product_id)
{
	struct media_file *f;
	size_t n;

	if (db_media_of_product(c->db, &c->arena, product_id, &f, &n) < 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		const char *p = arena_printf(&c->arena, "Page.files.%zu", i);
		hdf_put_int(c->hdf, arena_printf(&c->arena, "%s.id", p), f[i].id);
		hdf_putf(c->hdf, f[i].file_name, "%s.name", p);
		hdf_putf(c->hdf, f[i].content_type, "%s.type", p);
		hdf_put_int(c->hdf, arena_printf(&c->arena, "%s.size", p),
		    f[i].size);
	}
	hdf_put_int(c->hdf, "Page.upload_max_kb",
	    conf_int(CONF_MEDIA_UPLOAD_MAX) / 1024);
	return 0;
}

/* The product of the posted id, checked to exist: its id, or 0 after
 * putting the answer's status in *st. */
static long long
product_of(struct ctx *c, int *st)
{
	struct adm_product p;
	int rc;

	*st = 0;
	if (!app_csrf_ok(c)) {
		*st = 403;
		return 0;
	}
	if (app_val(c, KEY_ID)->state != VAL_OK) {
		*st = app_error(c, 404, NULL);
		return 0;
	}
	if ((rc = db_adm_product(c->db, &c->arena, app_val(c, KEY_ID)->i,
	    &p)) != 0) {
		*st = rc < 0 ? 500 : app_error(c, 404, NULL);
		return 0;
	}
	return app_val(c, KEY_ID)->i;
}

/* 303 back to the product's files. */
static int
back(struct ctx *c, long long id)
{
	return app_redirect(c, arena_printf(&c->arena,
	    "/admin/product/%lld?notice=file#files", id));
}

int
page_product_file(struct ctx *c)
{
	const struct req_file *f = req_file(&c->req, "file");
	struct staff_actor a = adm_actor(c);
	struct media_src src = { 0 };
	long long id, fid, size;
	int st;

	if ((id = product_of(c, &st)) == 0)
		return st;
	if (f == NULL || f->len == 0)
		return app_error(c, 400, "file_missing");
	src.data = f->data;
	src.len = f->len;
	src.name = f->filename;
	switch (media_add(c->db, &c->arena, &a, id, &src, (long long)time(NULL),
	    &fid, &size)) {
	case MEDIA_OK:
		return back(c, id);
	case MEDIA_NAME:
		return app_error(c, 400, "file_name");
	case MEDIA_EMPTY:
		return app_error(c, 400, "file_missing");
	case MEDIA_TOO_LARGE:
		return app_error(c, 413, "file_large");
	case MEDIA_FORBIDDEN:
		return app_error(c, 403, "role");
	default:
		return 500;
	}
}

int
page_product_file_remove(struct ctx *c)
{
	struct staff_actor a = adm_actor(c);
	long long id;
	int st;

	if ((id = product_of(c, &st)) == 0)
		return st;
	if (app_val(c, KEY_FILE)->state != VAL_OK)
		return app_error(c, 404, NULL);
	switch (media_remove(c->db, &c->arena, &a, id, app_val(c, KEY_FILE)->i,
	    (long long)time(NULL))) {
	case MEDIA_OK:
		return back(c, id);
	case MEDIA_NONE:
		return app_error(c, 404, NULL);
	case MEDIA_FORBIDDEN:
		return app_error(c, 403, "role");
	default:
		return 500;
	}
}
