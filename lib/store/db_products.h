/* db_products.h — writing the catalog: categories, products, plans, images.
 * Used by soukctl (init, demo, import, bench-data) and later by the admin
 * program.  Returns are ids (> 0), 0 for "not found", -1 on error (logged),
 * -2 on a constraint violation (duplicate slug, bad reference). */
#ifndef SOUK_DB_PRODUCTS_H
#define SOUK_DB_PRODUCTS_H
#include "db.h"

struct product_in {
	const char	*slug, *name, *description, *kind, *media_type, *sku;
	long long	 category_id;	/* 0: none */
	long long	 parent_id;	/* 0: top level */
	long long	 position;
	long long	 price_minor;
	long long	 compare_at_minor;	/* -1: none */
	long long	 stock;			/* -1: unlimited */
	int		 featured, active;
	long long	 created_at;		/* 0: now */
};

long long	db_category_create(struct db *, long long parent_id, const char *slug,
		    const char *name, const char *description, long long position);
long long	db_category_id(struct db *, const char *slug);
long long	db_product_create(struct db *, const struct product_in *);
/* Updates every field of the product with p->slug; returns its id or 0. */
long long	db_product_update(struct db *, const struct product_in *);
/* Updates every field of product id, its slug included: id, 0 when there
 * is no such product, -2 on a constraint (slug taken), -1. */
long long	db_product_update_id(struct db *, long long id,
		    const struct product_in *);
long long	db_product_id(struct db *, const char *slug);
/* Deactivates all plans of a product (before re-adding them on import). */
int		db_plans_clear(struct db *, long long product_id);
/* Adds or re-activates the plan (product, months, days) at this price. */
/* The id of the plan of product_id with this duration, 0 when none, -1. */
long long	db_plan_id(struct db *, long long product_id, int months,
		    int days);
long long	db_plan_put(struct db *, long long product_id, int months, int days,
		    long long price_minor, long long position);
long long	db_image_add(struct db *, long long product_id, const char *path,
		    const char *alt, long long position);
long long	db_count_products(struct db *);

#endif
