/* coupon.h — the rules of a discount code, shared by `soukctl coupon add`
 * and the admin's coupon form (docs/admin.md "Coupons"): both hand the
 * text they were given to coupon_parse(), then save with coupon_save().
 * Checking a code at checkout is db_coupon_check()'s (db_coupon.h). */
#ifndef SOUK_COUPON_H
#define SOUK_COUPON_H
#include <stddef.h>

#include "arena.h"
#include "db.h"
#include "db_coupon.h"

enum coupon_err {
	CPN_OK,
	CPN_ERROR,
	CPN_CODE,		/* not 2-40 letters, digits, - or _ */
	CPN_KIND,		/* neither percent nor fixed */
	CPN_PERCENT,		/* a percentage is 1 to 100 */
	CPN_AMOUNT,		/* a fixed amount is a positive amount */
	CPN_MIN,		/* the minimum order is not an amount */
	CPN_STARTS,		/* not a YYYY-MM-DD date */
	CPN_EXPIRES,
	CPN_DATES,		/* expiry not after the start */
	CPN_MAX_USES,		/* not a whole number >= 1 */
	CPN_PER_CUSTOMER,
	CPN_SCOPE_LIST,		/* a scope list that is not slugs */
	CPN_PRODUCT,		/* a product slug of the scope that no product has */
	CPN_CATEGORY,
	CPN_TAKEN,		/* another coupon has this code */
	CPN_NOT_FOUND,		/* no coupon with this id */
	CPN__MAX
};

/* Lang.adm.cpn.err.<name> of each error ("code", "percent"...). */
extern const char *const coupon_err_names[CPN__MAX];

/* A coupon as typed: every field text; NULL or "" means not given (code,
 * kind and value are required).  products, categories: slugs separated
 * by commas or spaces (the scope; both empty: the whole cart). */
struct coupon_form {
	const char	*code, *kind, *value, *min, *starts, *expires;
	const char	*max_uses, *per_customer;
	const char	*products, *categories;
};

/* Parses f into *c (id untouched, active 1): dates are 00:00 of that day
 * in the store's time zone.  Writes each broken rule into errs (room for
 * CPN__MAX) and returns their count (0: *c is valid). */
size_t		 coupon_parse(const struct coupon_form *f, struct coupon *c,
		    enum coupon_err *errs);
/* Creates (c->id 0) or saves coupon c, and sets its scope to the slugs
 * of products and categories, in the caller's transaction.  CPN_OK (c->id
 * set), CPN_TAKEN, CPN_NOT_FOUND, CPN_PRODUCT or CPN_CATEGORY (*bad: the
 * unknown slug, in a), CPN_SCOPE_LIST, or CPN_ERROR.  On a refusal the
 * caller rolls back. */
enum coupon_err	 coupon_save(struct db *, struct arena *, struct coupon *c,
		    const char *products, const char *categories,
		    const char **bad);
/* "active", "disabled", "not_yet", "expired" or "used_up" at time now. */
const char	*coupon_status(const struct coupon *c, long long now);

#endif
