/* db_attr.h — attributes the admin defines (brand, resolution), their
 * options and each product's values (schema.sql, migration 036): the
 * statements only; the rules of saving them are in attr.h.  Names and
 * labels are kept per language (index enum lang; "" when not given: the
 * default language's shows, lang_text).  Lookups return 0, DB_NONE (1)
 * when there is no such row, -1 on error (logged); strings live in the
 * caller's arena. */
#ifndef SOUK_DB_ATTR_H
#define SOUK_DB_ATTR_H
#include "arena.h"
#include "db.h"
#include "lang.h"

struct attr_option {
	long long	 id, attribute_id, position;
	long long	 products;		/* products having it */
	const char	*slug, *label[LANG__MAX];
};
struct attr_def {
	long long	 id, category_id, position;	/* category 0: global */
	const char	*slug, *name[LANG__MAX];
	const char	*category;		/* its name, "" when global */
	struct attr_option *opts;		/* by position, then id */
	size_t		 nopts;
};

/* Every attribute (by position, then id) with its options (counted: with
 * the number of products having each, else products 0).  0 or -1. */
int	db_attr_all(struct db *, struct arena *, int counted,
	    struct attr_def **out, size_t *n);
/* The attribute with this id (its options left out, nopts 0). */
int	db_attr_get(struct db *, struct arena *, long long id,
	    struct attr_def *out);
/* The id of the attribute with this slug other than `except`, 0 if none,
 * -1 on error. */
long long db_attr_slug_owner(struct db *, const char *slug, long long except);
/* Creates (id 0) or updates attribute id; its id, 0 when id does not
 * exist, -2 when the slug is taken, -1 on error. */
long long db_attr_put(struct db *, long long id, const char *slug,
	    const char *const name[LANG__MAX], long long category_id,
	    long long position);
/* Deletes attribute id with its options and the products' values:
 * 0, DB_NONE or -1. */
int	db_attr_delete(struct db *, long long id);
/* The option of attribute attr with this slug other than `except`, 0 if
 * none, -1 on error. */
long long db_attr_option_owner(struct db *, long long attr,
	    const char *slug, long long except);
/* Creates (id 0) or updates option id of attribute attr; like
 * db_attr_put (0: no option id under attr). */
long long db_attr_option_put(struct db *, long long attr, long long id,
	    const char *slug, const char *const label[LANG__MAX],
	    long long position);
/* Deletes option id (and the values naming it): 0, DB_NONE or -1. */
int	db_attr_option_delete(struct db *, long long id);
/* The option named by (attribute slug, option slug) into *out (opts and
 * category left out; out->opts one option, nopts 1).  0, DB_NONE, -1. */
int	db_attr_option_find(struct db *, struct arena *, const char *attr,
	    const char *option, struct attr_def *out);
/* 1 when attribute attr applies to product id (global, or the product is
 * in its category or below), 0 when not, -1 on error. */
int	db_attr_applies(struct db *, long long attr, long long product);
/* Sets product's value of attr to option opt (0: none).  0 or -1. */
int	db_attr_value_set(struct db *, long long product, long long attr,
	    long long opt);
/* Removes every value of product.  0 or -1. */
int	db_attr_values_clear(struct db *, long long product);
/* The option id of each value of product: (*attrs)[i] has option
 * (*opts)[i], in arena arrays of *n.  0 or -1. */
int	db_attr_values(struct db *, struct arena *, long long product,
	    long long **attrs, long long **opts, size_t *n);
/* The values of product as the CSV writes them, "brand=acme;res=4k" (by
 * attribute position), "" when none; NULL on error. */
const char *db_attr_values_csv(struct db *, struct arena *, long long product);

#endif
