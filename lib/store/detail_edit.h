/* detail_edit.h — changing the details a product asks at checkout
 * (detail.h): the rules of a field as typed, shared by `soukctl
 * product-field` and the admin's page of a product's checkout details
 * (docs/admin.md "Delivery"), and the changes, each one transaction
 * (BEGIN IMMEDIATE) holding the change and its audit row (kind
 * "product", the product's id). */
#ifndef SOUK_DETAIL_EDIT_H
#define SOUK_DETAIL_EDIT_H
#include <stddef.h>

#include "arena.h"
#include "customer.h"
#include "db.h"
#include "detail.h"

#define DETAIL_LABEL_MAX	80	/* characters */

enum detail_err {
	DET_OK,
	DET_ERROR,
	DET_NAME,		/* not 1-32 of a-z, 0-9 and _ */
	DET_TYPE,		/* neither mac nor text */
	DET_LABEL,		/* not one line of 1-80 characters */
	DET_LABEL_EN,		/* a label per language: 0-80 characters */
	DET_LABEL_FR,
	DET_MAX,		/* not 1 to DETAIL_VALUE_MAX */
	DET_FULL,		/* the product asks DETAIL_MAX_PER_PRODUCT already */
	DET_NO_PRODUCT,
	DET_NONE,		/* the product asks no such field */
	DET__MAX
};

/* Lang.admship.err.<name> of each error ("field_name", "label"...). */
extern const char *const detail_err_names[DET__MAX];

/* A field as typed; NULL or "" not given (name, type and label are
 * required; max defaults to 100). */
struct detail_form {
	const char	*name, *type, *label, *label_en, *label_fr, *max;
	int		 required;
};

/* Parses f into *out.  Writes each broken rule into errs (room for
 * DET__MAX) and returns their count (0: *out is valid). */
size_t		 detail_parse(const struct detail_form *f,
		    struct detail_field *out, enum detail_err *errs);
/* Adds field f to product id (last), or changes its field of that name,
 * audited "product_field" by who.  DET_OK, DET_FULL, DET_NO_PRODUCT,
 * DET_ERROR. */
enum detail_err	 detail_field_save(struct db *, struct arena *,
		    const struct staff_actor *who, long long product,
		    const struct detail_field *f, long long now);
/* Removes product id's field name, audited "product_field_remove".
 * DET_OK, DET_NONE, DET_ERROR. */
enum detail_err	 detail_field_delete(struct db *, struct arena *,
		    const struct staff_actor *who, long long product,
		    const char *name, long long now);

#endif
