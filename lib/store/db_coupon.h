/* db_coupon.h — discount codes.  A code is checked twice when an order is
 * placed: before the transaction (to show the discount and explain a
 * refusal) and inside it, where the usage counts are exact because the
 * write lock is held.  A coupon with a scope (products and categories)
 * discounts only the lines in it.  Strings live in the caller's arena.
 * The rules of a coupon's fields are coupon.h's. */
#ifndef SOUK_DB_COUPON_H
#define SOUK_DB_COUPON_H
#include "arena.h"
#include "db.h"

struct order;

struct coupon {
	long long	 id;
	const char	*code, *kind;		/* kind: "percent" or "fixed" */
	long long	 value;			/* percent, or minor units */
	long long	 min_subtotal_minor;
	long long	 starts_at, expires_at;	/* 0: no bound */
	long long	 max_uses;		/* 0: unlimited */
	long long	 max_per_email;		/* per customer (account or
						 * e-mail); 0: unlimited */
	int		 active;
	long long	 uses;			/* redemptions so far */
	long long	 discount_total;	/* their discounts, minor units */
	long long	 nscope;		/* scope rows; 0: the whole cart */
};

/* One row of a coupon's scope: a product or a category (the other id 0). */
struct coupon_scope {
	long long	 product_id, category_id;
	const char	*slug, *name;
};

/* One redemption, for the usage report: the order it discounted. */
struct coupon_use {
	long long	 order_id, discount_minor, created_at;
	const char	*reference, *email, *status;
};

enum coupon_check {
	COUPON_ERROR = -1,
	COUPON_OK = 0,
	COUPON_UNKNOWN,		/* no such active code */
	COUPON_NOT_YET,
	COUPON_EXPIRED,
	COUPON_MIN_TOTAL,	/* the subtotal is below the minimum */
	COUPON_USED_UP,		/* max_uses reached */
	COUPON_USED_BY_YOU,	/* max_uses_per_email reached by this account
				 * or e-mail */
	COUPON_SCOPE,		/* no line of the cart is in its scope */
	COUPON__MAX
};

/* Lang.checkout.err.<name> of each refusal ("coupon_unknown"...). */
extern const char *const coupon_errs[COUPON__MAX];

/* Checks o's coupon (o->coupon_code) for o's lines and subtotal, bought
 * by o->user_id (0: a guest) with o->email_norm (NULL or "": not known
 * yet) at time now.  The per-customer limit counts the uses of the
 * account or of the e-mail.  On COUPON_OK, *id and *discount (on the
 * lines in scope) are set. */
enum coupon_check db_coupon_check(struct db *, struct arena *,
		    const struct order *o, long long now, long long *id,
		    long long *discount);
/* Files o's discount (o->discount_minor, of coupon o->coupon_id) on its
 * lines' discount_minor: the lines in the coupon's scope (all of them
 * when it has none, or when none is in it any more) share it by their
 * totals, rounded down, the units the rounding leaves one each to the
 * first of them, so the shares add up to the discount; no coupon: all
 * 0.  Inside the order transaction, before the lines are written.  0 or
 * -1. */
int		 db_coupon_spread(struct db *, struct order *o);
/* Records o's use of o->coupon_id (inside the order transaction, o->id
 * set).  Returns 0 or -1. */
int		 db_coupon_redeem(struct db *, const struct order *o);
/* Releases the use order_id made of its coupon (the order was cancelled
 * or refunded): the code's limits count one use less.  0 (also when the
 * order had no coupon) or -1. */
int		 db_coupon_release(struct db *, long long order_id);
/* Creates a coupon (active).  Returns its id, -2 when the code exists,
 * -1 on error. */
long long	 db_coupon_create(struct db *, const struct coupon *);
/* Saves the fields of coupon c->id (not active nor its uses): 0,
 * DB_NONE (no such coupon), -2 (the code is another's), -1. */
int		 db_coupon_update(struct db *, const struct coupon *);
/* Enables or disables coupon id: 0, DB_NONE, -1. */
int		 db_coupon_set_active(struct db *, long long id, int active);
/* Coupon id into *c: 0, DB_NONE, -1. */
int		 db_coupon_get(struct db *, struct arena *, long long id,
		    struct coupon *c);
/* Every coupon, oldest first, with its use count and discount total. */
int		 db_coupon_list(struct db *, struct arena *, struct coupon **,
		    size_t *);
/* Coupon id's scope, products then categories, by slug: 0 or -1. */
int		 db_coupon_scope(struct db *, struct arena *, long long id,
		    struct coupon_scope **, size_t *);
/* Empties coupon id's scope (the whole cart again): 0 or -1. */
int		 db_coupon_scope_clear(struct db *, long long id);
/* Adds a product (category_id 0) or a category (product_id 0) to coupon
 * id's scope; a row already there is kept.  0 or -1. */
int		 db_coupon_scope_add(struct db *, long long id,
		    long long product_id, long long category_id);
/* The id of the product (or, is_category, the category) with slug: the
 * id, 0 when there is none, -1. */
long long	 db_coupon_scope_id(struct db *, const char *slug,
		    int is_category);
/* The orders coupon id discounted, newest first (at most `max`): 0/-1. */
int		 db_coupon_uses(struct db *, struct arena *, long long id,
		    int max, struct coupon_use **, size_t *);

#endif
