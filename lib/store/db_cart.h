/* db_cart.h — carts in the database.  A cart is named by its token (the
 * cookie value); functions hash it themselves.  Prices are never stored in
 * a cart: every load reads them from the catalog.  Strings live in the
 * caller's arena.  The changing functions run one BEGIN IMMEDIATE
 * transaction each and apply the quantity rules of cart.h. */
#ifndef SOUK_DB_CART_H
#define SOUK_DB_CART_H
#include "arena.h"
#include "db.h"

struct cart_line {
	long long	 id;				/* line number in its cart */
	long long	 product_id, plan_id;		/* plan_id 0: none */
	const char	*slug, *name, *kind;
	int		 months, days;			/* the plan's duration */
	long long	 qty, unit_minor, line_minor;
	long long	 stock;				/* -1: unlimited */
	long long	 max_qty;			/* cart_max_qty() now */
	int		 on_sale;			/* product and plan active */
	long long	 grams;				/* one unit's weight (0: none
							   given) */
	long long	 category_id;			/* the product's now, -1:
							   none (order_items) */
};

struct cart {
	long long	 id, rev;		/* id 0: no such cart */
	struct cart_line *lines;
	size_t		 n;
	long long	 count;			/* units in all lines */
	long long	 subtotal_minor;
	size_t		 nphysical;		/* lines of physical products */
	size_t		 problems;		/* lines not buyable as they are:
						   withdrawn or beyond stock */
	long long	 max_units;		/* cart_max_units() now */
	int		 over_caps;		/* a line over cart_max_qty() or
						   more than max_units units:
						   the order will be refused */
};

enum cart_result {
	CART_ERROR = -1,
	CART_OK = 0,
	CART_LIMITED,		/* fewer units than asked: qty = the most */
	CART_ALREADY,		/* a download already in the cart */
	CART_SOLD_OUT,		/* nothing left */
	CART_NO_PRODUCT,	/* unknown or withdrawn product */
	CART_BAD_PLAN,		/* plan missing, foreign or withdrawn */
	CART_NO_LINE,		/* the line is not in this cart */
	CART_FULL,		/* CART_MAX_LINES lines already */
	CART_UNITS,		/* the other lines hold cart_max_units() units:
				   nothing could be added */
};

struct cart_change {
	enum cart_result result;
	long long	 line_id;	/* the line added or changed */
	long long	 qty;		/* its quantity now (0: removed) */
	long long	 max_qty;	/* the most it may hold */
	int		 by_stock;	/* max_qty is what is left in stock */
	int		 by_units;	/* max_qty is what cart_max_units() leaves
				   beside the other lines */
	int		 created;	/* db_cart_add made a new cart */
	long long	 product_id;
};

/* The cart with this token and its lines: 0 (cart->id 0 when there is no
 * such cart: an empty cart), -1 on error. */
int		 db_cart_load(struct db *, struct arena *, const char *token,
		    struct cart *);
/* Units in the cart with this token (0 when none), or -1. */
long long	 db_cart_count(struct db *, const char *token);
/* Adds qty units of product (with plan for subscriptions; 0 otherwise) to
 * the cart whose token is in token[CART_TOKEN_LEN + 1], as many as the
 * rules of cart.h allow (CART_LIMITED: fewer; the line cap, the stock or
 * the units the other lines leave, see change->by_*).  When there is no
 * such cart (token "", expired or made up), a new cart is created under a
 * new random token written back into token (change->created = 1): a
 * token the browser chose is never adopted. */
enum cart_result db_cart_add(struct db *, char *token, long long product,
		    long long plan, long long qty, struct cart_change *);
/* The cart with this token becomes account uid's (its newest cart, the
 * one a login on another browser merges into), unless it has an owner.
 * 0 or -1. */
int		 db_cart_own(struct db *, const char *token, long long uid);
/* Sets the quantity of a line of this cart (0 removes it), lowered to
 * what the rules of cart.h allow (CART_LIMITED), or CART_UNITS unchanged
 * when the other lines leave it no unit. */
enum cart_result db_cart_set(struct db *, const char *token, long long line,
		    long long qty, struct cart_change *);
/* Removes every line.  CART_OK, CART_NO_LINE when there is no cart. */
enum cart_result db_cart_empty(struct db *, const char *token);
/* For the order transaction (the caller holds it): removes every line
 * and moves the cart to a new revision (its idle time is left alone: one
 * index page less to write per order).  Returns 0 or -1. */
int		 db_cart_clear(struct db *, long long cart_id);
/* At login, inside the caller's transaction: the guest cart (token, or
 * NULL when the browser has none) joins the account's newest cart — lines
 * the account's cart lacks are added, a line in both keeps the larger
 * quantity — and the guest cart is deleted; with no account cart the
 * guest cart becomes the account's.  When the browser must get a new
 * cart cookie (the account's cart, re-tokened: only hashes are stored),
 * writes it into token_out[CART_TOKEN_LEN + 1] and returns 1; 0 when the
 * cookie stays as it is; -1 on error. */
int		 db_cart_attach(struct db *, const char *guest_token,
		    long long user_id, char *token_out);

#endif
