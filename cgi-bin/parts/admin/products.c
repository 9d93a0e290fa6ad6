/* products.c — the catalog's products for admins: the list (search,
 * filters, keyset pages), the form that creates and edits one (French
 * text beside the default, plans of a subscription), duplicate, archive,
 * re-activate, and bulk actions.  The rules are catalog_edit.h's. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "admin.h"
#include "auth.h"
#include "catalog_edit.h"
#include "db_catalog_admin.h"
#include "db_catalog_text.h"
#include "log.h"
#include "money.h"
#include "site.h"
#include "store_conf.h"
#include "url.h"

#define LIST_ROWS	50

const char *const adm_product_kinds[] = {
	"physical", "subscription", "digital", NULL
};
const char *const adm_media_types[] = {
	"film", "series", "season", "episode", "software", "ebook", "music",
	NULL
};
const char *const adm_product_states[] = { "active", "archived", NULL };
const char *const adm_product_ops[] = {
	"duplicate", "archive", "activate", NULL
};
const char *const adm_bulk_ops[] = { "activate", "archive", "move", NULL };

/* Page.f.* and the query string of the list's filters. */
static const int list_keys[] = { KEY_Q, KEY_PKIND, KEY_STATE, KEY_CATEGORY };

/* The category choices of the forms: Page.cats.N.{id,name,depth}. */
int
adm_put_categories(struct ctx *c)
{
	struct adm_category *v;
	size_t n;

	if (db_adm_categories(c->db, &c->arena, &v, &n) < 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		hdf_putf(c->hdf, arena_printf(&c->arena, "%lld", v[i].id),
		    "Page.cats.%zu.id", i);
		hdf_putf(c->hdf, v[i].name, "Page.cats.%zu.name", i);
		hdf_putf(c->hdf, v[i].slug, "Page.cats.%zu.slug", i);
		hdf_putf(c->hdf, arena_printf(&c->arena, "%d", v[i].depth),
		    "Page.cats.%zu.depth", i);
		hdf_putf(c->hdf, arena_printf(&c->arena, "%lld",
		    v[i].parent_id), "Page.cats.%zu.parent", i);
		hdf_putf(c->hdf, arena_printf(&c->arena, "%lld",
		    v[i].position), "Page.cats.%zu.position", i);
		hdf_putf(c->hdf, arena_printf(&c->arena, "%lld", v[i].listed),
		    "Page.cats.%zu.listed", i);
	}
	return 0;
}

/* The language the form's second name and description are in: French
 * when the catalog is written in English, else English. */
enum lang
adm_other_lang(void)
{
	return catalog_lang() == LANG_FR ? LANG_EN : LANG_FR;
}

struct list_put {
	struct ctx	*c;
	size_t		 n;
	long long	 last;
};

/* One product row into Page.products.N. */
static int
put_row(const struct adm_product *r, void *arg)
{
	struct list_put *lp = arg;
	struct ctx *c = lp->c;
	size_t i = lp->n++;

	hdf_putf(c->hdf, arena_printf(&c->arena, "%lld", r->id),
	    "Page.products.%zu.id", i);
	hdf_putf(c->hdf, r->p.name, "Page.products.%zu.name", i);
	hdf_putf(c->hdf, r->p.slug, "Page.products.%zu.slug", i);
	hdf_putf(c->hdf, r->p.kind, "Page.products.%zu.kind", i);
	hdf_putf(c->hdf, r->category, "Page.products.%zu.category", i);
	hdf_putf(c->hdf, r->image, "Page.products.%zu.image", i);
	hdf_putf(c->hdf, money_arena(&c->arena, r->p.price_minor, c->lang),
	    "Page.products.%zu.price", i);
	hdf_putf(c->hdf, r->p.stock < 0 ? "" : arena_printf(&c->arena, "%lld",
	    r->p.stock), "Page.products.%zu.stock", i);
	hdf_putf(c->hdf, r->p.active ? "1" : "0", "Page.products.%zu.active",
	    i);
	lp->last = r->id;
	return 0;
}

int
page_products(struct ctx *c)
{
	struct adm_product_filter f = { .active = -1, .limit = LIST_ROWS };
	struct list_put lp = { c, 0, 0 };
	struct buf q = { 0 };

	for (size_t i = 0; i < sizeof(list_keys) / sizeof(list_keys[0]); i++) {
		const struct val *v = app_val(c, list_keys[i]);
		if (v->state == VAL_INVALID)
			return app_error(c, 400, v->err);
		if (v->state != VAL_OK)
			continue;
		hdf_putf(c->hdf, v->s, "Page.f.%s", adm_keys[list_keys[i]].name);
		buf_printf(&q, "%s%s=", q.len ? "&" : "",
		    adm_keys[list_keys[i]].name);
		url_encode(&q, v->s);
	}
	hdf_put(c->hdf, "Page.query", q.data ? q.data : "");
	buf_free(&q);
	f.q = adm_opt(c, KEY_Q);
	f.kind = adm_opt(c, KEY_PKIND);
	if (app_val(c, KEY_STATE)->state == VAL_OK)
		f.active = app_val(c, KEY_STATE)->i == 0;
	if (app_val(c, KEY_CATEGORY)->state == VAL_OK)
		f.category_id = app_val(c, KEY_CATEGORY)->i;
	if (app_val(c, KEY_BEFORE)->state == VAL_OK)
		f.before = app_val(c, KEY_BEFORE)->i;
	if (db_adm_products_each(c->db, &c->arena, &f, put_row, &lp) < 0 ||
	    adm_put_categories(c) < 0)
		return 500;
	if (lp.n == LIST_ROWS)
		hdf_put(c->hdf, "Page.next", arena_printf(&c->arena, "%lld",
		    lp.last));
	for (int i = 0; adm_product_kinds[i] != NULL; i++)
		hdf_putf(c->hdf, adm_product_kinds[i], "Page.kinds.%d", i);
	return app_render(c, 200, "admin/products");
}

/* Product p (id 0: new) into Page.p.* for the form; its French text,
 * plans and images when it exists. */
static int
put_form(struct ctx *c, long long id, const struct product_in *p,
    const char *name_fr, const char *desc_fr)
{
	char num[MONEY_BUF];
	int dec = conf_int(CONF_CURRENCY_DECIMALS);

	hdf_put(c->hdf, "Page.p.id", arena_printf(&c->arena, "%lld", id));
	hdf_put(c->hdf, "Page.p.slug", p->slug ? p->slug : "");
	hdf_put(c->hdf, "Page.p.name", p->name ? p->name : "");
	hdf_put(c->hdf, "Page.p.description", p->description ?
	    p->description : "");
	hdf_put(c->hdf, "Page.p.other_lang", lang_code(adm_other_lang()));
	hdf_put(c->hdf, "Page.p.name_fr", name_fr ? name_fr : "");
	hdf_put(c->hdf, "Page.p.description_fr", desc_fr ? desc_fr : "");
	hdf_put(c->hdf, "Page.p.kind", p->kind ? p->kind : "physical");
	hdf_put(c->hdf, "Page.p.media_type", p->media_type ? p->media_type :
	    "");
	hdf_put(c->hdf, "Page.p.sku", p->sku ? p->sku : "");
	hdf_put(c->hdf, "Page.p.category", arena_printf(&c->arena, "%lld",
	    p->category_id));
	hdf_put(c->hdf, "Page.p.parent", p->parent_id ? arena_printf(
	    &c->arena, "%lld", p->parent_id) : "");
	hdf_put(c->hdf, "Page.p.position", arena_printf(&c->arena, "%lld",
	    p->position));
	hdf_put(c->hdf, "Page.p.price", money_plain(num, sizeof(num),
	    p->price_minor, dec));
	hdf_put(c->hdf, "Page.p.compare_at", p->compare_at_minor < 0 ? "" :
	    money_plain(num, sizeof(num), p->compare_at_minor, dec));
	hdf_put(c->hdf, "Page.p.stock", p->stock < 0 ? "" : arena_printf(
	    &c->arena, "%lld", p->stock));
	hdf_put(c->hdf, "Page.p.featured", p->featured ? "1" : "0");
	hdf_put(c->hdf, "Page.p.active", p->active ? "1" : "0");
	for (int i = 0; adm_product_kinds[i] != NULL; i++)
		hdf_putf(c->hdf, adm_product_kinds[i], "Page.kinds.%d", i);
	for (int i = 0; adm_media_types[i] != NULL; i++)
		hdf_putf(c->hdf, adm_media_types[i], "Page.media.%d", i);
	if (adm_put_categories(c) < 0)
		return -1;
	if (id != 0) {
		struct adm_plan *pl;
		struct adm_image *im;
		size_t npl, nim;
		if (db_adm_plans(c->db, &c->arena, id, &pl, &npl) < 0 ||
		    db_adm_images(c->db, &c->arena, id, &im, &nim) < 0 ||
		    (strcmp(p->kind ? p->kind : "", "digital") == 0 &&
		    adm_put_files(c, id) < 0) || adm_put_product_attrs(c, id) < 0)
			return -1;
		for (size_t i = 0; i < npl; i++) {
			hdf_putf(c->hdf, arena_printf(&c->arena, "%lld",
			    pl[i].id), "Page.plans.%zu.id", i);
			hdf_putf(c->hdf, arena_printf(&c->arena, "%d",
			    pl[i].months), "Page.plans.%zu.months", i);
			hdf_putf(c->hdf, arena_printf(&c->arena, "%d",
			    pl[i].days), "Page.plans.%zu.days", i);
			hdf_putf(c->hdf, money_arena(&c->arena,
			    pl[i].price_minor, c->lang), "Page.plans.%zu.price",
			    i);
			hdf_putf(c->hdf, pl[i].active ? "1" : "0",
			    "Page.plans.%zu.active", i);
		}
		for (size_t i = 0; i < nim; i++) {
			hdf_putf(c->hdf, arena_printf(&c->arena, "%lld",
			    im[i].id), "Page.images.%zu.id", i);
			hdf_putf(c->hdf, im[i].path, "Page.images.%zu.path", i);
			hdf_putf(c->hdf, im[i].alt, "Page.images.%zu.alt", i);
		}
	}
	return 0;
}

int
page_product(struct ctx *c)
{
	struct product_in blank = { .kind = "physical", .compare_at_minor = -1,
	    .stock = -1, .active = 1 };
	struct adm_product p;
	const char *nfr = "", *dfr = "";
	long long id = 0;
	int rc;

	if (c->req.nseg == 3 && (id = adm_path_id(c)) == 0)
		return app_error(c, 404, NULL);
	if (c->req.nseg > 3)
		return app_error(c, 404, NULL);
	if (id == 0)
		return put_form(c, 0, &blank, "", "") < 0 ? 500 :
		    app_render(c, 200, "admin/product");
	if ((rc = db_adm_product(c->db, &c->arena, id, &p)) != 0)
		return rc < 0 ? 500 : app_error(c, 404, NULL);
	if (db_text_product_raw(c->db, &c->arena, adm_other_lang(), id, &nfr,
	    &dfr) < 0)
		return 500;
	if (put_form(c, id, &p.p, nfr, dfr) < 0)
		return 500;
	return app_render(c, 200, "admin/product");
}

/* Adds error err (a Lang.err key) about field (a Lang.field key or "")
 * to Page.errors. */
static void
put_error(struct ctx *c, size_t *n, const char *field, const char *err)
{
	hdf_putf(c->hdf, field, "Page.errors.%zu.field", *n);
	hdf_putf(c->hdf, err, "Page.errors.%zu.err", *n);
	(*n)++;
}

/* The keys of the product form. */
static const int form_keys[] = {
	KEY_SLUG, KEY_NAME, KEY_DESC, KEY_NAME_FR, KEY_DESC_FR, KEY_PKIND,
	KEY_MEDIA, KEY_CATEGORY, KEY_PARENT, KEY_POSITION, KEY_PRICE,
	KEY_COMPARE, KEY_STOCK, KEY_SKU,
};

int
page_product_save(struct ctx *c)
{
	struct product_in p = { .compare_at_minor = -1, .stock = -1 };
	enum catalog_err errs[CATALOG_MAX_ERRS];
	long long id = 0, now = (long long)time(NULL), out = 0;
	size_t nerr = 0, nrule;
	enum catalog_err e;

	if (!app_csrf_ok(c))
		return 403;
	if (app_val(c, KEY_ID)->state == VAL_OK)
		id = app_val(c, KEY_ID)->i;
	for (size_t i = 0; i < sizeof(form_keys) / sizeof(form_keys[0]); i++) {
		const struct val *v = app_val(c, form_keys[i]);
		if (v->state == VAL_INVALID)
			put_error(c, &nerr, adm_keys[form_keys[i]].name, v->err);
	}
	p.slug = app_val(c, KEY_SLUG)->s;
	p.name = app_val(c, KEY_NAME)->s;
	p.description = app_val(c, KEY_DESC)->s;
	p.kind = adm_opt(c, KEY_PKIND);
	p.media_type = adm_opt(c, KEY_MEDIA);
	p.sku = adm_opt(c, KEY_SKU);
	p.category_id = app_val(c, KEY_CATEGORY)->state == VAL_OK ?
	    app_val(c, KEY_CATEGORY)->i : 0;
	p.parent_id = app_val(c, KEY_PARENT)->state == VAL_OK ?
	    app_val(c, KEY_PARENT)->i : 0;
	p.position = app_val(c, KEY_POSITION)->state == VAL_OK ?
	    app_val(c, KEY_POSITION)->i : 0;
	p.price_minor = app_val(c, KEY_PRICE)->state == VAL_OK ?
	    app_val(c, KEY_PRICE)->i : 0;
	if (app_val(c, KEY_COMPARE)->state == VAL_OK)
		p.compare_at_minor = app_val(c, KEY_COMPARE)->i;
	if (app_val(c, KEY_STOCK)->state == VAL_OK)
		p.stock = app_val(c, KEY_STOCK)->i;
	p.featured = app_val(c, KEY_FEATURED)->state == VAL_OK &&
	    app_val(c, KEY_FEATURED)->i;
	p.active = app_val(c, KEY_ACTIVE)->state == VAL_OK &&
	    app_val(c, KEY_ACTIVE)->i;
	if (id != 0) {
		struct adm_product old;
		int rc = db_adm_product(c->db, &c->arena, id, &old);
		if (rc != 0)
			return rc < 0 ? 500 : app_error(c, 404, NULL);
		p.created_at = old.p.created_at;
	}
	if (db_begin(c->db) < 0)
		return 500;
	nrule = nerr == 0 ? catalog_product_check(c->db, &p, id, errs) : 0;
	for (size_t i = 0; i < nrule; i++)
		if (errs[i] == CAT_ERROR) {
			db_rollback(c->db);
			return 500;
		}
	if (nerr > 0 || nrule > 0) {
		db_rollback(c->db);
		for (size_t i = 0; i < nrule; i++)
			put_error(c, &nerr, "", catalog_errs[errs[i]]);
		if (put_form(c, id, &p, app_val(c, KEY_NAME_FR)->s,
		    app_val(c, KEY_DESC_FR)->s) < 0)
			return 500;
		return app_render(c, 400, "admin/product");
	}
	e = catalog_product_save(c->db, &p, id, &out);
	if (e == CAT_OK && db_text_put_product(c->db, out, adm_other_lang(),
	    app_val(c, KEY_NAME_FR)->s, app_val(c, KEY_DESC_FR)->s) < 0)
		e = CAT_ERROR;
	if (e == CAT_OK && adm_audit(c, id == 0 ? "create" : "edit",
	    "product", out, p.slug, now) < 0)
		e = CAT_ERROR;
	if (e != CAT_OK || db_commit(c->db) < 0) {
		db_rollback(c->db);
		if (e == CAT_NOT_FOUND)
			return app_error(c, 404, NULL);
		if (e == CAT_SLUG_TAKEN)
			return app_error(c, 409, catalog_errs[e]);
		return 500;
	}
	log_info("product %lld %s by %s", out, id == 0 ? "created" : "saved",
	    c->site->user->email);
	return app_redirect(c, arena_printf(&c->arena,
	    "/admin/product/%lld?notice=saved", out));
}

/* The product id of KEY_ID when it exists: 0, or the status to answer. */
static int
product_of_form(struct ctx *c, long long *id)
{
	struct adm_product p;
	int rc;

	if (app_val(c, KEY_ID)->state != VAL_OK)
		return app_error(c, 404, NULL);
	*id = app_val(c, KEY_ID)->i;
	if ((rc = db_adm_product(c->db, &c->arena, *id, &p)) != 0)
		return rc < 0 ? 500 : app_error(c, 404, NULL);
	return 0;
}

int
page_product_act(struct ctx *c)
{
	long long id, out = 0, now = (long long)time(NULL);
	enum catalog_err e;
	const char *op;
	int st;

	if (!app_csrf_ok(c))
		return 403;
	if ((st = product_of_form(c, &id)) != 0)
		return st;
	if (app_val(c, KEY_OP)->state != VAL_OK)
		return app_error(c, 400, "action");
	op = adm_product_ops[app_val(c, KEY_OP)->i];
	if (db_begin(c->db) < 0)
		return 500;
	if (strcmp(op, "duplicate") == 0)
		e = catalog_product_duplicate(c->db, id, &out);
	else {
		e = catalog_product_set_active(c->db, id,
		    strcmp(op, "activate") == 0);
		out = id;
	}
	if (e == CAT_OK && adm_audit(c, op, "product", out,
	    arena_printf(&c->arena, "%lld", id), now) < 0)
		e = CAT_ERROR;
	if (e != CAT_OK || db_commit(c->db) < 0) {
		db_rollback(c->db);
		return e == CAT_NOT_FOUND ? app_error(c, 404, NULL) : 500;
	}
	return app_redirect(c, arena_printf(&c->arena,
	    "/admin/product/%lld?notice=%s", out, op));
}

/* One product id of the bulk form's list ("12 14 15"), checked. */
int
page_products_bulk(struct ctx *c)
{
	long long now = (long long)time(NULL), cat = 0;
	const char *ids = adm_opt(c, KEY_IDS), *op, *s;
	enum catalog_err e = CAT_OK;
	size_t done = 0;

	if (!app_csrf_ok(c))
		return 403;
	if (app_val(c, KEY_BULK)->state != VAL_OK || ids == NULL)
		return app_error(c, 400, "bulk");
	op = adm_bulk_ops[app_val(c, KEY_BULK)->i];
	if (strcmp(op, "move") == 0 && app_val(c, KEY_CATEGORY)->state ==
	    VAL_OK)
		cat = app_val(c, KEY_CATEGORY)->i;
	if (db_begin(c->db) < 0)
		return 500;
	for (s = ids; *s != '\0' && e == CAT_OK;) {
		long long id = 0;
		while (*s == ' ' || *s == ',')
			s++;
		if (*s == '\0')
			break;
		while (*s >= '0' && *s <= '9' && id < (1LL << 53))
			id = id * 10 + (*s++ - '0');
		if (id == 0 || (*s != '\0' && *s != ' ' && *s != ',')) {
			db_rollback(c->db);
			return app_error(c, 400, "bulk");
		}
		e = strcmp(op, "move") == 0 ? catalog_product_move(c->db, id,
		    cat) : catalog_product_set_active(c->db, id,
		    strcmp(op, "activate") == 0);
		if (e == CAT_OK && adm_audit(c, strcmp(op, "move") == 0 ?
		    "move" : op, "product", id, arena_printf(&c->arena,
		    "bulk %lld", cat), now) < 0)
			e = CAT_ERROR;
		done++;
	}
	if (e != CAT_OK || done == 0 || db_commit(c->db) < 0) {
		db_rollback(c->db);
		if (e == CAT_NOT_FOUND)
			return app_error(c, 404, NULL);
		if (e == CAT_CATEGORY || done == 0)
			return app_error(c, 400, e == CAT_CATEGORY ?
			    catalog_errs[e] : "bulk");
		return 500;
	}
	return app_redirect(c, "/admin/products?notice=bulk");
}

int
page_product_plan(struct ctx *c)
{
	long long id, now = (long long)time(NULL);
	int st, rc;

	if (!app_csrf_ok(c))
		return 403;
	if ((st = product_of_form(c, &id)) != 0)
		return st;
	if (db_begin(c->db) < 0)
		return 500;
	if (app_val(c, KEY_PLAN)->state == VAL_OK) {
		/* Removing: the plan stops being sold (orders keep it). */
		rc = db_adm_plan_off(c->db, id, app_val(c, KEY_PLAN)->i);
		if (rc != 0) {
			db_rollback(c->db);
			return rc < 0 ? 500 : app_error(c, 404, NULL);
		}
	} else {
		long long m = app_val(c, KEY_MONTHS)->state == VAL_OK ?
		    app_val(c, KEY_MONTHS)->i : 0;
		long long d = app_val(c, KEY_DAYS)->state == VAL_OK ?
		    app_val(c, KEY_DAYS)->i : 0;
		if (app_val(c, KEY_MONTHS)->state == VAL_INVALID ||
		    app_val(c, KEY_DAYS)->state == VAL_INVALID ||
		    m + d == 0 || app_val(c, KEY_PLAN_PRICE)->state != VAL_OK) {
			db_rollback(c->db);
			return app_error(c, 400, "catalog_plan");
		}
		if (db_plan_put(c->db, id, (int)m, (int)d,
		    app_val(c, KEY_PLAN_PRICE)->i, m * 31 + d) <= 0) {
			db_rollback(c->db);
			return 500;
		}
	}
	if (adm_audit(c, "plan", "product", id, "", now) < 0 ||
	    db_commit(c->db) < 0) {
		db_rollback(c->db);
		return 500;
	}
	return app_redirect(c, arena_printf(&c->arena,
	    "/admin/product/%lld?notice=plan", id));
}
