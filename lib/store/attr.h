/* attr.h — the rules of attributes the admin defines (store layer, shared
 * by the back office, the CSV import and soukctl demo): what an attribute,
 * an option and a product's value may be.  Each broken rule is one code
 * whose Lang.err key (attr_errs[]) is a whole sentence.  Functions that
 * write run inside the caller's transaction (db_attr.h has the tables). */
#ifndef SOUK_ATTR_H
#define SOUK_ATTR_H
#include <stddef.h>

#include "db_attr.h"

enum attr_err {
	ATTR_OK,
	ATTR_SLUG,		/* not lower-case words joined by '-', 1..60 */
	ATTR_SLUG_TAKEN,	/* another attribute (option of it) has it */
	ATTR_NAME,		/* default language's missing, or too long */
	ATTR_CATEGORY,		/* no such category */
	ATTR_NOT_FOUND,		/* no such attribute, option or product */
	ATTR_OPTION,		/* not an option of that attribute */
	ATTR_NOT_APPLICABLE,	/* the attribute is for another category */
	ATTR_ERROR,		/* the database failed (logged) */
	ATTR__MAX
};
extern const char *const attr_errs[ATTR__MAX];	/* "attr_slug", ... */

#define ATTR_SLUG_MAX	60
#define ATTR_NAME_MAX	100
#define ATTR_PRODUCT_MAX 32	/* values one form sets */

/* Creates (id 0) or updates attribute id: slug, its name per language
 * (the catalog language's required), the category it applies to (0: every
 * product) and its position.  Every broken rule into errs[ATTR__MAX];
 * returns their number, 0 when saved (*out its id). */
size_t	attr_save(struct db *, long long id, const char *slug,
	    const char *const name[LANG__MAX], long long category_id,
	    long long position, enum attr_err *errs, long long *out);
/* The same for option id (0: new) of attribute attr. */
size_t	attr_option_save(struct db *, long long attr, long long id,
	    const char *slug, const char *const label[LANG__MAX],
	    long long position, enum attr_err *errs, long long *out);
/* Deletes attribute id (options and values too) or option id. */
enum attr_err attr_delete(struct db *, long long id);
enum attr_err attr_option_delete(struct db *, long long id);
/* Sets product's value of attribute attr to its option opt (0: none);
 * the attribute must apply to the product's category.  ATTR_OK, or
 * ATTR_OPTION, ATTR_NOT_APPLICABLE, ATTR_ERROR. */
enum attr_err attr_value_set(struct db *, long long product, long long attr,
	    long long opt);
/* Sets product's values from "brand=acme;resolution=4k" (the CSV column:
 * attribute slug = option slug, ';' between; "" removes every value).
 * ATTR_OK, or the first broken rule with *bad the pair at fault. */
enum attr_err attr_values_parse_set(struct db *, struct arena *,
	    long long product, const char *s, const char **bad);
/* The name (label) t in language l, else the catalog language's, else
 * the other one. */
const char	*attr_text(const char *const t[LANG__MAX], enum lang l);

#endif
