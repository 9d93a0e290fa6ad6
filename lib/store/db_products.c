/* db_products.c — see db_products.h. */
#include <time.h>

#include "db_internal.h"
#include "db_products.h"
#include "watch.h"

enum {
	Q_CAT_INSERT, Q_CAT_ID, Q_PROD_INSERT, Q_PROD_UPDATE, Q_PROD_UPDATE_ID, Q_PROD_ID,
	Q_PLANS_CLEAR, Q_PLAN_PUT, Q_PLAN_ID, Q_IMAGE_ADD, Q_COUNT, Q__MAX
};

#define PRODUCT_FIELDS "slug, name, description, kind, media_type, sku, " \
	"category_id, parent_id, position, price_minor, compare_at_minor, " \
	"stock, featured, active"

static const char *const sql[Q__MAX] = {
	[Q_CAT_INSERT] = "INSERT INTO categories(parent_id, slug, name, "
	    "description, position, created_at, updated_at) "
	    "VALUES (?, ?, ?, ?, ?, ?6, ?6)",
	[Q_CAT_ID] = "SELECT id FROM categories WHERE slug = ?",
	[Q_PROD_INSERT] = "INSERT INTO products(" PRODUCT_FIELDS
	    ", created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
	    "?, ?, ?, ?, ?15, ?16)",
	[Q_PROD_UPDATE] = "UPDATE products SET name = ?2, description = ?3, "
	    "kind = ?4, media_type = ?5, sku = ?6, category_id = ?7, "
	    "parent_id = ?8, position = ?9, price_minor = ?10, "
	    "compare_at_minor = ?11, stock = ?12, featured = ?13, active = ?14, "
	    "updated_at = ?16 WHERE slug = ?1 RETURNING id",
	[Q_PROD_UPDATE_ID] = "UPDATE products SET slug = ?1, name = ?2, "
	    "description = ?3, kind = ?4, media_type = ?5, sku = ?6, "
	    "category_id = ?7, parent_id = ?8, position = ?9, price_minor = ?10, "
	    "compare_at_minor = ?11, stock = ?12, featured = ?13, active = ?14, "
	    "updated_at = ?16 WHERE id = ?17 RETURNING id",
	[Q_PROD_ID] = "SELECT id FROM products WHERE slug = ?",
	[Q_PLANS_CLEAR] = "UPDATE subscription_plans SET active = 0 "
	    "WHERE product_id = ?",
	[Q_PLAN_PUT] = "INSERT INTO subscription_plans(product_id, "
	    "duration_months, duration_days, price_minor, position, active) "
	    "VALUES (?, ?, ?, ?, ?, 1) ON CONFLICT(product_id, duration_months, "
	    "duration_days) DO UPDATE SET price_minor = excluded.price_minor, "
	    "position = excluded.position, active = 1 RETURNING id",
	[Q_PLAN_ID] = "SELECT id FROM subscription_plans WHERE product_id = ? "
	    "AND duration_months = ? AND duration_days = ?",
	[Q_IMAGE_ADD] = "INSERT INTO product_images(product_id, path, alt, "
	    "position) VALUES (?, ?, ?, ?)",
	[Q_COUNT] = "SELECT count(*) FROM products",
};
DB_STMTS(stmts, sql, Q__MAX);

static void
bind_id_or_null(sqlite3_stmt *st, int i, long long id)
{
	if (id > 0)
		db_bind_int(st, i, id);
	else
		db_bind_null(st, i);
}

long long
db_category_create(struct db *db, long long parent_id, const char *slug,
    const char *name, const char *description, long long position)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_CAT_INSERT);

	if (st == NULL)
		return -1;
	bind_id_or_null(st, 1, parent_id);
	db_bind_text(st, 2, slug);
	db_bind_text(st, 3, name);
	db_bind_text(st, 4, description ? description : "");
	db_bind_int(st, 5, position);
	db_bind_int(st, 6, (long long)time(NULL));
	return db_insert(db, st, "category insert");
}

static long long
id_by_slug(struct db *db, int q, const char *slug)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, q);

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, slug);
	return db_one_int(db, st, "id by slug");
}

long long
db_category_id(struct db *db, const char *slug)
{
	return id_by_slug(db, Q_CAT_ID, slug);
}

long long
db_product_id(struct db *db, const char *slug)
{
	return id_by_slug(db, Q_PROD_ID, slug);
}

static void
bind_product(sqlite3_stmt *st, const struct product_in *p)
{
	long long now = (long long)time(NULL);

	db_bind_text(st, 1, p->slug);
	db_bind_text(st, 2, p->name);
	db_bind_text(st, 3, p->description ? p->description : "");
	db_bind_text(st, 4, p->kind);
	db_bind_text(st, 5, p->media_type && *p->media_type ? p->media_type : NULL);
	db_bind_text(st, 6, p->sku && *p->sku ? p->sku : NULL);
	bind_id_or_null(st, 7, p->category_id);
	bind_id_or_null(st, 8, p->parent_id);
	db_bind_int(st, 9, p->position);
	db_bind_int(st, 10, p->price_minor);
	if (p->compare_at_minor >= 0)
		db_bind_int(st, 11, p->compare_at_minor);
	if (p->stock >= 0)
		db_bind_int(st, 12, p->stock);
	db_bind_int(st, 13, p->featured);
	db_bind_int(st, 14, p->active);
	db_bind_int(st, 15, p->created_at ? p->created_at : now);
	db_bind_int(st, 16, now);
}

long long
db_product_create(struct db *db, const struct product_in *p)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_PROD_INSERT);

	if (st == NULL)
		return -1;
	bind_product(st, p);
	return db_insert(db, st, "product insert");
}

long long
db_product_update(struct db *db, const struct product_in *p)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_PROD_UPDATE);
	long long id;

	if (st == NULL)
		return -1;
	bind_product(st, p);
	/* A new stock or price may be what a wishlist waits for (watch.h). */
	if ((id = db_one_int(db, st, "product update")) > 0 &&
	    watch_product(db, id, (long long)time(NULL)) < 0)
		return -1;
	return id;
}

long long
db_product_update_id(struct db *db, long long id, const struct product_in *p)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_PROD_UPDATE_ID);

	if (st == NULL)
		return -1;
	bind_product(st, p);
	db_bind_int(st, 17, id);
	return db_one_int(db, st, "product update by id");
}

int
db_plans_clear(struct db *db, long long product_id)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_PLANS_CLEAR);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, product_id);
	return db_step_done(db, st, "plans clear");
}

long long
db_plan_put(struct db *db, long long product_id, int months, int days,
    long long price_minor, long long position)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_PLAN_PUT);
	long long id;

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, product_id);
	db_bind_int(st, 2, months);
	db_bind_int(st, 3, days);
	db_bind_int(st, 4, price_minor);
	db_bind_int(st, 5, position);
	if ((id = db_one_int(db, st, "plan put")) > 0 &&
	    watch_product(db, product_id, (long long)time(NULL)) < 0)
		return -1;
	return id;
}

long long
db_plan_id(struct db *db, long long product_id, int months, int days)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_PLAN_ID);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, product_id);
	db_bind_int(st, 2, months);
	db_bind_int(st, 3, days);
	return db_one_int(db, st, "plan id");
}

long long
db_image_add(struct db *db, long long product_id, const char *path,
    const char *alt, long long position)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_IMAGE_ADD);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, product_id);
	db_bind_text(st, 2, path);
	db_bind_text(st, 3, alt ? alt : "");
	db_bind_int(st, 4, position);
	return db_insert(db, st, "image insert");
}

long long
db_count_products(struct db *db)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_COUNT);

	return st == NULL ? -1 : db_one_int(db, st, "count");
}
