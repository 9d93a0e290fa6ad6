/* db_catalog_admin.h — the catalog as the back office reads and changes
 * it (store layer): every product whatever its state, one product with
 * all its fields, its plans and images, and the category tree.  The rules
 * (what may be saved) are in catalog_edit.h; these only run statements.
 * Lookups return 0, DB_NONE (1) when there is no such row, -1 on error
 * (logged); strings live in the caller's arena. */
#ifndef SOUK_DB_CATALOG_ADMIN_H
#define SOUK_DB_CATALOG_ADMIN_H
#include "arena.h"
#include "db.h"
#include "db_products.h"

struct adm_product_filter {
	const char	*q;		/* part of the name, slug or SKU */
	const char	*kind;		/* physical, subscription, digital */
	int		 active;	/* 1, 0, or -1: any */
	long long	 category_id;	/* 0: any */
	long long	 before;	/* keyset: ids below this one (0: none) */
	long long	 limit;		/* rows; 0: no limit (export) */
};

struct adm_product {
	long long	 id;
	struct product_in p;		/* strings in the arena */
	const char	*image;		/* cover path, "" when none */
	const char	*category;	/* its name, "" when none */
};

/* Calls fn for each product matching f, newest first; fn returning
 * non-zero stops.  0 or -1. */
int	db_adm_products_each(struct db *, struct arena *,
	    const struct adm_product_filter *f,
	    int (*fn)(const struct adm_product *, void *), void *arg);
/* The product with this id (any state). */
int	db_adm_product(struct db *, struct arena *, long long id,
	    struct adm_product *out);
/* The id of the product with this slug other than `except`, 0 if none. */
long long db_adm_slug_owner(struct db *, const char *slug, long long except);
/* Sets active (0/1) on product id: 0, DB_NONE or -1. */
int	db_adm_product_active(struct db *, long long id, int active);
/* Moves product id to category (0: none): 0, DB_NONE or -1. */
int	db_adm_product_move(struct db *, long long id, long long category);
/* Copies product `from` as an inactive product with this slug and name,
 * with its plans, texts, images and attribute values; the new id or -1 (-2: slug taken). */
long long db_adm_product_copy(struct db *, long long from, const char *slug,
	    const char *name);

struct adm_plan {
	long long	 id, price_minor;
	int		 months, days, active;
};
/* The plans of a product (active first, by position). */
int	db_adm_plans(struct db *, struct arena *, long long product_id,
	    struct adm_plan **out, size_t *n);
/* Deactivates plan id of product: 0, DB_NONE or -1. */
int	db_adm_plan_off(struct db *, long long product_id, long long plan_id);

struct adm_image {
	long long	 id, position;
	const char	*path, *alt;
};
/* The images of a product in display order. */
int	db_adm_images(struct db *, struct arena *, long long product_id,
	    struct adm_image **out, size_t *n);
/* The next free position of a product's images. */
long long db_adm_image_next(struct db *, long long product_id);
/* Changes alt and position of image id of product: 0, DB_NONE or -1. */
int	db_adm_image_set(struct db *, long long product_id, long long image_id,
	    const char *alt, long long position);
/* Removes image id of product from it (files stay: copies share them). */
int	db_adm_image_del(struct db *, long long product_id, long long image_id);

struct adm_category {
	long long	 id, parent_id, position, listed;
	const char	*slug, *name;
	int		 active, depth;
};
/* Every category in tree order (parents before children, siblings by
 * position), depth set from the root (0). */
int	db_adm_categories(struct db *, struct arena *, struct adm_category **out,
	    size_t *n);
/* 1 when category `desc` lies in the subtree of `anc` (anc itself
 * included), 0 when not, -1 on error. */
int	db_adm_category_within(struct db *, long long anc, long long desc);
/* The id of the category with this slug other than `except`, 0 if none. */
long long db_adm_category_slug_owner(struct db *, const char *slug,
	    long long except);
/* 1 when category id exists, 0 when not, -1 on error. */
int	db_adm_category_exists(struct db *, long long id);
/* Updates category id: 0, DB_NONE, -2 (constraint, e.g. a cycle), -1. */
int	db_adm_category_update(struct db *, long long id, long long parent_id,
	    const char *slug, const char *name, long long position);

#endif
