/* catalog_edit.h — the rules of changing the catalog (store layer), shared
 * by the back office, soukctl and the CSV import: what a product and a
 * category may hold, and creating, editing, duplicating, archiving and
 * moving them.  Each broken rule is one code whose Lang.err key
 * (catalog_errs[]) is a whole sentence for the person who typed it.
 * Functions that write run inside the caller's transaction. */
#ifndef SOUK_CATALOG_EDIT_H
#define SOUK_CATALOG_EDIT_H
#include <stddef.h>

#include "db.h"
#include "db_products.h"

enum catalog_err {
	CAT_OK,
	CAT_NAME,		/* name missing or longer than 200 */
	CAT_SLUG,		/* not lower-case words joined by '-' */
	CAT_SLUG_TAKEN,		/* another product/category has it */
	CAT_KIND,		/* not physical, subscription or digital */
	CAT_MEDIA,		/* a media type on a non-digital product */
	CAT_PARENT,		/* season without series, episode without season */
	CAT_PRICE,		/* negative or absurd */
	CAT_COMPARE,		/* "was" price not above the price */
	CAT_STOCK,		/* stock on a digital item, or negative */
	CAT_CATEGORY,		/* no such category */
	CAT_CYCLE,		/* a category inside itself or its subtree */
	CAT_NOT_FOUND,		/* no such product or category */
	CAT_ERROR,		/* the database failed (logged) */
	CAT__MAX
};
/* "catalog_name", ...: the Lang.err keys of each code. */
extern const char *const catalog_errs[CAT__MAX];

#define CATALOG_MAX_ERRS	CAT__MAX
#define CATALOG_MAX_PRICE	1000000000000LL	/* minor units */

/* 1 when s is a slug: [a-z0-9] words joined by single '-', 1..120. */
int	catalog_slug_ok(const char *s);
/* Every rule product p breaks (saved as product `id`, 0 for a new one)
 * into errs[CATALOG_MAX_ERRS]; returns their number (0: fine).  A database
 * failure is reported as CAT_ERROR. */
size_t	catalog_product_check(struct db *, const struct product_in *p,
	    long long id, enum catalog_err *errs);
/* Creates (id 0) or updates product id after catalog_product_check
 * passed; *out the product's id.  CAT_OK, CAT_NOT_FOUND, CAT_SLUG_TAKEN
 * (a race) or CAT_ERROR. */
enum catalog_err catalog_product_save(struct db *, const struct product_in *,
	    long long id, long long *out);
/* Copies product id (plans, texts, images, attribute values) as an
 * inactive draft named "<name> (copy)" with a free slug
 * "<slug>-copy[-N]"; *out its id. */
enum catalog_err catalog_product_duplicate(struct db *, long long id,
	    long long *out);
/* Archives (active 0) or re-activates product id. */
enum catalog_err catalog_product_set_active(struct db *, long long id,
	    int active);
/* Moves product id into category (0: none). */
enum catalog_err catalog_product_move(struct db *, long long id,
	    long long category);
/* Creates (id 0) or updates category id: renames, moves under parent (0:
 * top level; never into itself or its subtree) and sets its position
 * among siblings.  Every broken rule into errs; returns their number,
 * 0 when saved (*out its id). */
size_t	catalog_category_save(struct db *, long long id, long long parent,
	    const char *slug, const char *name, long long position,
	    enum catalog_err *errs, long long *out);

#endif
