/* db_catalog_admin.c — see db_catalog_admin.h. */
#include <string.h>
#include <time.h>

#include "db_catalog_admin.h"
#include "db_internal.h"

enum {
	Q_LIST, Q_GET, Q_SLUG_OWNER, Q_ACTIVE, Q_MOVE, Q_COPY, Q_COPY_PLANS,
	Q_COPY_TEXT, Q_COPY_IMAGES, Q_COPY_ATTRS, Q_PLANS, Q_PLAN_OFF, Q_IMAGES, Q_IMAGE_NEXT,
	Q_IMAGE_SET, Q_IMAGE_DEL, Q_CATS, Q_WITHIN, Q_CAT_SLUG_OWNER,
	Q_CAT_EXISTS, Q_CAT_UPDATE, Q__MAX
};

#define COLS "p.id, p.slug, p.name, p.description, p.kind, " \
	"coalesce(p.media_type, ''), coalesce(p.sku, ''), " \
	"coalesce(p.category_id, 0), coalesce(p.parent_id, 0), p.position, " \
	"p.price_minor, coalesce(p.compare_at_minor, -1), " \
	"coalesce(p.stock, -1), p.featured, p.active, p.created_at, " \
	"coalesce(p.image, ''), coalesce(c.name, '')"

static const char *const sql[Q__MAX] = {
	[Q_LIST] = "SELECT " COLS " FROM products p "
	    "LEFT JOIN categories c ON c.id = p.category_id "
	    "WHERE (?1 = '' OR p.name LIKE '%' || ?1 || '%' ESCAPE '\\' "
	    "  OR p.slug LIKE '%' || ?1 || '%' ESCAPE '\\' OR p.sku = ?2) "
	    "AND (?3 = '' OR p.kind = ?3) AND (?4 < 0 OR p.active = ?4) "
	    "AND (?5 = 0 OR p.category_id IN (SELECT descendant_id "
	    "  FROM category_tree WHERE ancestor_id = ?5)) "
	    "AND (?6 = 0 OR p.id < ?6) ORDER BY p.id DESC LIMIT ?7",
	[Q_GET] = "SELECT " COLS " FROM products p "
	    "LEFT JOIN categories c ON c.id = p.category_id WHERE p.id = ?",
	[Q_SLUG_OWNER] = "SELECT id FROM products WHERE slug = ? AND id <> ?",
	[Q_ACTIVE] = "UPDATE products SET active = ?2, updated_at = ?3 "
	    "WHERE id = ?1 RETURNING id",
	[Q_MOVE] = "UPDATE products SET category_id = nullif(?2, 0), "
	    "updated_at = ?3 WHERE id = ?1 RETURNING id",
	[Q_COPY] = "INSERT INTO products(slug, name, description, kind, "
	    "media_type, category_id, parent_id, position, price_minor, "
	    "compare_at_minor, stock, sku, featured, active, created_at, "
	    "updated_at) SELECT ?2, ?3, description, kind, media_type, "
	    "category_id, parent_id, position, price_minor, compare_at_minor, "
	    "stock, NULL, 0, 0, ?4, ?4 FROM products WHERE id = ?1",
	[Q_COPY_PLANS] = "INSERT INTO subscription_plans(product_id, "
	    "duration_months, duration_days, price_minor, position, active) "
	    "SELECT ?2, duration_months, duration_days, price_minor, position, "
	    "active FROM subscription_plans WHERE product_id = ?1",
	[Q_COPY_TEXT] = "INSERT INTO product_text(product_id, lang, name, "
	    "description) SELECT ?2, lang, name, description FROM product_text "
	    "WHERE product_id = ?1",
	[Q_COPY_IMAGES] = "INSERT INTO product_images(product_id, path, alt, "
	    "position) SELECT ?2, path, alt, position FROM product_images "
	    "WHERE product_id = ?1 ORDER BY position, id",
	[Q_COPY_ATTRS] = "INSERT INTO product_attributes(product_id, "
	    "attribute_id, option_id) SELECT ?2, attribute_id, option_id "
	    "FROM product_attributes WHERE product_id = ?1",
	[Q_PLANS] = "SELECT id, duration_months, duration_days, price_minor, "
	    "active FROM subscription_plans WHERE product_id = ? "
	    "ORDER BY active DESC, position, duration_months, duration_days",
	[Q_PLAN_OFF] = "UPDATE subscription_plans SET active = 0 "
	    "WHERE product_id = ? AND id = ? RETURNING id",
	[Q_IMAGES] = "SELECT id, position, path, alt FROM product_images "
	    "WHERE product_id = ? ORDER BY position, id",
	[Q_IMAGE_NEXT] = "SELECT coalesce(max(position) + 1, 0) "
	    "FROM product_images WHERE product_id = ?",
	[Q_IMAGE_SET] = "UPDATE product_images SET alt = ?3, position = ?4 "
	    "WHERE product_id = ?1 AND id = ?2 RETURNING id",
	[Q_IMAGE_DEL] = "DELETE FROM product_images WHERE product_id = ? "
	    "AND id = ? RETURNING id",
	[Q_CATS] = "WITH RECURSIVE t(id, depth, k) AS ("
	    " SELECT id, 0, printf('%010d.%010d', position, id) FROM categories "
	    "  WHERE parent_id IS NULL"
	    " UNION ALL SELECT c.id, t.depth + 1, t.k || '/' || "
	    "  printf('%010d.%010d', c.position, c.id) FROM categories c "
	    "  JOIN t ON c.parent_id = t.id) "
	    "SELECT c.id, coalesce(c.parent_id, 0), c.position, c.listed, c.slug, "
	    "c.name, c.active, t.depth FROM t JOIN categories c ON c.id = t.id "
	    "ORDER BY t.k",
	[Q_WITHIN] = "SELECT count(*) FROM category_tree "
	    "WHERE ancestor_id = ? AND descendant_id = ?",
	[Q_CAT_SLUG_OWNER] = "SELECT id FROM categories WHERE slug = ? "
	    "AND id <> ?",
	[Q_CAT_EXISTS] = "SELECT count(*) FROM categories WHERE id = ?",
	[Q_CAT_UPDATE] = "UPDATE categories SET parent_id = nullif(?2, 0), "
	    "slug = ?3, name = ?4, position = ?5, updated_at = ?6 "
	    "WHERE id = ?1 RETURNING id",
};
DB_STMTS(stmts, sql, Q__MAX);

/* The row of COLS at st into out (strings in a). */
static void
read_product(struct arena *a, sqlite3_stmt *st, struct adm_product *out)
{
	struct product_in *p = &out->p;

	memset(out, 0, sizeof(*out));
	out->id = db_col_int(st, 0);
	p->slug = db_col_text(a, st, 1);
	p->name = db_col_text(a, st, 2);
	p->description = db_col_text(a, st, 3);
	p->kind = db_col_text(a, st, 4);
	p->media_type = db_col_text(a, st, 5);
	p->sku = db_col_text(a, st, 6);
	p->category_id = db_col_int(st, 7);
	p->parent_id = db_col_int(st, 8);
	p->position = db_col_int(st, 9);
	p->price_minor = db_col_int(st, 10);
	p->compare_at_minor = db_col_int(st, 11);
	p->stock = db_col_int(st, 12);
	p->featured = (int)db_col_int(st, 13);
	p->active = (int)db_col_int(st, 14);
	p->created_at = db_col_int(st, 15);
	out->image = db_col_text(a, st, 16);
	out->category = db_col_text(a, st, 17);
}

int
db_adm_products_each(struct db *db, struct arena *a,
    const struct adm_product_filter *f,
    int (*fn)(const struct adm_product *, void *), void *arg)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_LIST);
	struct adm_product r;
	const char *q = f->q ? f->q : "";
	char esc[1024];
	size_t j = 0;
	int rc;

	if (st == NULL)
		return -1;
	/* LIKE's wildcards in the query are literal. */
	for (size_t i = 0; q[i] != '\0' && j + 2 < sizeof(esc); i++) {
		if (q[i] == '%' || q[i] == '_' || q[i] == '\\')
			esc[j++] = '\\';
		esc[j++] = q[i];
	}
	esc[j] = '\0';
	db_bind_text(st, 1, esc);
	db_bind_text(st, 2, q);
	db_bind_text(st, 3, f->kind ? f->kind : "");
	db_bind_int(st, 4, f->active);
	db_bind_int(st, 5, f->category_id);
	db_bind_int(st, 6, f->before);
	db_bind_int(st, 7, f->limit > 0 ? f->limit : -1);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		read_product(a, st, &r);
		if (fn(&r, arg) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	db_done(st);
	return rc == SQLITE_DONE ? 0 : db_fail(db, "admin products");
}

int
db_adm_product(struct db *db, struct arena *a, long long id,
    struct adm_product *out)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_GET);
	int rc;

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, id);
	if ((rc = db_step_row(db, st, "admin product")) == 0) {
		read_product(a, st, out);
		db_done(st);
	}
	return rc;
}

long long
db_adm_slug_owner(struct db *db, const char *slug, long long except)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_SLUG_OWNER);

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, slug);
	db_bind_int(st, 2, except);
	return db_one_int(db, st, "product slug owner");
}

/* Runs an "UPDATE ... RETURNING id" bound by the caller: 0, DB_NONE when
 * no row matched, -2 on a constraint, -1 on error. */
static int
returning(struct db *db, sqlite3_stmt *st, const char *what)
{
	long long r = db_one_int(db, st, what);

	return r > 0 ? 0 : r == 0 ? DB_NONE : (int)r;
}

int
db_adm_product_active(struct db *db, long long id, int active)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_ACTIVE);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, active != 0);
	db_bind_int(st, 3, (long long)time(NULL));
	return returning(db, st, "product active");
}

int
db_adm_product_move(struct db *db, long long id, long long category)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_MOVE);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, category);
	db_bind_int(st, 3, (long long)time(NULL));
	return returning(db, st, "product move");
}

/* Runs copy statement q from product `from` to `to`: 0 or -1. */
static int
copy_rows(struct db *db, int q, long long from, long long to)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, q);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, from);
	db_bind_int(st, 2, to);
	return db_step_done(db, st, "product copy rows") == 0 ? 0 : -1;
}

long long
db_adm_product_copy(struct db *db, long long from, const char *slug,
    const char *name)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_COPY);
	long long id;

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, from);
	db_bind_text(st, 2, slug);
	db_bind_text(st, 3, name);
	db_bind_int(st, 4, (long long)time(NULL));
	if ((id = db_insert(db, st, "product copy")) <= 0)
		return id == -2 ? -2 : -1;
	if (copy_rows(db, Q_COPY_PLANS, from, id) < 0 ||
	    copy_rows(db, Q_COPY_TEXT, from, id) < 0 ||
	    copy_rows(db, Q_COPY_IMAGES, from, id) < 0 ||
	    copy_rows(db, Q_COPY_ATTRS, from, id) < 0)
		return -1;
	return id;
}

/* db_row_fn: an adm_plan from the statement's columns. */
static void
read_plan(struct arena *a, sqlite3_stmt *st, void *row)
{
	struct adm_plan *r = row;

	r->id = db_col_int(st, 0);
	r->months = (int)db_col_int(st, 1);
	r->days = (int)db_col_int(st, 2);
	r->price_minor = db_col_int(st, 3);
	r->active = (int)db_col_int(st, 4);
}

int
db_adm_plans(struct db *db, struct arena *a, long long product_id,
    struct adm_plan **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_PLANS);

	*out = NULL;
	*n = 0;
	if (st == NULL)
		return -1;
	db_bind_int(st, 1, product_id);
	return db_rows(db, st, "admin plans", a, sizeof(**out), read_plan, out,
	    n) < 0 ? -1 : 0;
}

int
db_adm_plan_off(struct db *db, long long product_id, long long plan_id)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_PLAN_OFF);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, product_id);
	db_bind_int(st, 2, plan_id);
	return returning(db, st, "plan off");
}

/* db_row_fn: an adm_image from the statement's columns. */
static void
read_image(struct arena *a, sqlite3_stmt *st, void *row)
{
	struct adm_image *r = row;

	r->id = db_col_int(st, 0);
	r->position = db_col_int(st, 1);
	r->path = db_col_text(a, st, 2);
	r->alt = db_col_text(a, st, 3);
}

int
db_adm_images(struct db *db, struct arena *a, long long product_id,
    struct adm_image **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_IMAGES);

	*out = NULL;
	*n = 0;
	if (st == NULL)
		return -1;
	db_bind_int(st, 1, product_id);
	return db_rows(db, st, "admin images", a, sizeof(**out), read_image,
	    out, n) < 0 ? -1 : 0;
}

long long
db_adm_image_next(struct db *db, long long product_id)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_IMAGE_NEXT);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, product_id);
	return db_one_int(db, st, "image next");
}

int
db_adm_image_set(struct db *db, long long product_id, long long image_id,
    const char *alt, long long position)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_IMAGE_SET);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, product_id);
	db_bind_int(st, 2, image_id);
	db_bind_text(st, 3, alt ? alt : "");
	db_bind_int(st, 4, position);
	return returning(db, st, "image set");
}

int
db_adm_image_del(struct db *db, long long product_id, long long image_id)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_IMAGE_DEL);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, product_id);
	db_bind_int(st, 2, image_id);
	return returning(db, st, "image delete");
}

/* db_row_fn: an adm_category from the statement's columns. */
static void
read_category(struct arena *a, sqlite3_stmt *st, void *row)
{
	struct adm_category *r = row;

	r->id = db_col_int(st, 0);
	r->parent_id = db_col_int(st, 1);
	r->position = db_col_int(st, 2);
	r->listed = db_col_int(st, 3);
	r->slug = db_col_text(a, st, 4);
	r->name = db_col_text(a, st, 5);
	r->active = (int)db_col_int(st, 6);
	r->depth = (int)db_col_int(st, 7);
}

int
db_adm_categories(struct db *db, struct arena *a, struct adm_category **out,
    size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_CATS);

	*out = NULL;
	*n = 0;
	if (st == NULL)
		return -1;
	return db_rows(db, st, "admin categories", a, sizeof(**out),
	    read_category, out, n) < 0 ? -1 : 0;
}

int
db_adm_category_within(struct db *db, long long anc, long long desc)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_WITHIN);
	long long r;

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, anc);
	db_bind_int(st, 2, desc);
	r = db_one_int(db, st, "category within");
	return r < 0 ? -1 : r > 0;
}

long long
db_adm_category_slug_owner(struct db *db, const char *slug, long long except)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_CAT_SLUG_OWNER);

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, slug);
	db_bind_int(st, 2, except);
	return db_one_int(db, st, "category slug owner");
}

int
db_adm_category_exists(struct db *db, long long id)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_CAT_EXISTS);
	long long r;

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, id);
	r = db_one_int(db, st, "category exists");
	return r < 0 ? -1 : r > 0;
}

int
db_adm_category_update(struct db *db, long long id, long long parent_id,
    const char *slug, const char *name, long long position)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_CAT_UPDATE);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, parent_id);
	db_bind_text(st, 3, slug);
	db_bind_text(st, 4, name);
	db_bind_int(st, 5, position);
	db_bind_int(st, 6, (long long)time(NULL));
	return returning(db, st, "category update");
}
