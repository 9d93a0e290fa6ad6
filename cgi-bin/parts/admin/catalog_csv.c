/* catalog_csv.c — the catalog as CSV for admins: the export streamed in
 * the columns the import reads, and the import (a preview that writes
 * nothing, then the import itself), both catalog_import.h's, as soukctl
 * import-products and export-products. */
#include <string.h>
#include <time.h>

#include "admin.h"
#include "catalog_import.h"
#include "db_catalog.h"
#include "log.h"
#include "auth.h"
#include "site.h"

const char *const adm_import_modes[] = { "preview", "apply", NULL };

/* catalog_export_csv flush: the chunk to the visitor. */
static int
to_visitor(struct buf *b, void *arg)
{
	struct ctx *c = arg;

	return io_write(c->req.io, b->data, b->len);
}

/* GET /admin/products/export: every product as products.csv. */
int
page_products_export(struct ctx *c)
{
	struct buf b = { 0 };

	c->resp.status = 200;
	c->resp.content_type = "text/csv; charset=utf-8";
	resp_header(&c->resp, "Content-Disposition",
	    "attachment; filename=\"products.csv\"");
	if (resp_stream(&c->resp, c->req.io) < 0)
		return 500;
	if (c->req.method == METHOD_HEAD)
		return 200;
	if (catalog_export_csv(c->db, &b, to_visitor, c) < 0)
		log_error("products export: the CSV stopped early");
	buf_free(&b);
	return 200;
}

/* What the import did or would do into Page.import.*, Page.changes.N and
 * Page.problems.N. */
static void
put_report(struct ctx *c, const struct import_report *r, int applied)
{
	int kept = r->nproblems < CATALOG_IMPORT_KEEP ? r->nproblems :
	    CATALOG_IMPORT_KEEP;

	hdf_put_int(c->hdf, "Page.import.rows", (long long)r->nrows);
	hdf_put_int(c->hdf, "Page.import.created", r->created);
	hdf_put_int(c->hdf, "Page.import.updated", r->updated);
	hdf_put_int(c->hdf, "Page.import.problems", r->nproblems);
	hdf_put_int(c->hdf, "Page.import.applied", applied);
	if (r->nproblems > kept)
		hdf_put_int(c->hdf, "Page.import.more", r->nproblems - kept);
	for (size_t i = 0; r->nproblems == 0 && i < r->nchanges; i++) {
		hdf_put_int(c->hdf, arena_printf(&c->arena, "Page.changes.%zu.line",
		    i), (long long)r->change[i].line);
		hdf_putf(c->hdf, r->change[i].slug, "Page.changes.%zu.slug", i);
		hdf_putf(c->hdf, r->change[i].name, "Page.changes.%zu.name", i);
		hdf_putf(c->hdf, r->change[i].created ? "created" : "updated",
		    "Page.changes.%zu.what", i);
	}
	if ((size_t)(r->created + r->updated) > r->nchanges)
		hdf_put_int(c->hdf, "Page.import.more_changes",
		    (long long)(r->created + r->updated) - (long long)r->nchanges);
	for (int i = 0; i < kept; i++) {
		hdf_put_int(c->hdf, arena_printf(&c->arena,
		    "Page.problems.%d.line", i), (long long)r->problem[i].line);
		hdf_putf(c->hdf, r->problem[i].col, "Page.problems.%d.col", i);
		hdf_putf(c->hdf, r->problem[i].msg, "Page.problems.%d.msg", i);
	}
}

/* The import page refusing the upload: why is a Lang.cat.import.err key. */
static int
refused(struct ctx *c, int status, const char *why)
{
	hdf_put(c->hdf, "Page.import_error", why);
	return app_render(c, status, "admin/products_import");
}

/* GET /admin/products/import: the form; POST (multipart csv, mode=
 * preview|apply): the file checked in one transaction, rolled back for a
 * preview or when a row has a problem (400, each problem by line), else
 * committed with its audit row (and the watch mails it queued). */
int
page_products_import(struct ctx *c)
{
	struct import_report *r;
	const struct req_file *f;
	long long now = (long long)time(NULL);
	int apply, got;

	if (c->req.method != METHOD_POST)
		return app_render(c, 200, "admin/products_import");
	if (!app_csrf_ok(c))
		return 403;
	if (app_val(c, KEY_IMPORT_MODE)->state != VAL_OK)
		return refused(c, 400, "mode");
	apply = app_val(c, KEY_IMPORT_MODE)->i == 1;
	if ((f = req_file(&c->req, "csv")) == NULL || f->len == 0)
		return refused(c, 400, "file");
	if (f->len > CATALOG_IMPORT_MAX)
		return refused(c, 413, "large");
	r = arena_alloc(&c->arena, sizeof(*r));
	memset(r, 0, sizeof(*r));
	if (db_begin(c->db) < 0)
		return 500;
	got = catalog_import_csv(c->db, &c->arena, f->data, f->len, r);
	if (got == 0 && apply && adm_audit_s(c, "products_imported", "product",
	    "csv", arena_printf(&c->arena, "%d created, %d updated", r->created,
	    r->updated), now) < 0)
		got = -1;
	if (got != 0 || !apply || db_commit(c->db) < 0) {
		db_rollback(c->db);
		if (got < 0 || (got == 0 && apply))
			return 500;
		put_report(c, r, 0);
		return app_render(c, got ? 400 : 200, "admin/products_import");
	}
	if (db_vocab_sync(c->db, 0) < 0)
		log_error("products import: search words not updated");
	log_info("products import by %s: %d created, %d updated",
	    c->site->user->email, r->created, r->updated);
	site_mail_defer(c);	/* back in stock, cheaper (watch.h) */
	put_report(c, r, 1);
	return app_render(c, 200, "admin/products_import");
}
