/* db_coupon.h — discount codes.  A code is checked twice when an order is
 * placed: before the transaction (to show the discount and explain a
 * refusal) and inside it, where the usage counts are exact because the
 * write lock is held.  Strings live in the caller's arena. */
#ifndef SOUK_DB_COUPON_H
#define SOUK_DB_COUPON_H
#include "arena.h"
#include "db.h"

struct coupon {
	long long	 id;
	const char	*code, *kind;		/* kind: "percent" or "fixed" */
	long long	 value;			/* percent, or minor units */
	long long	 min_subtotal_minor;
	long long	 starts_at, expires_at;	/* 0: no bound */
	long long	 max_uses, max_per_email;	/* 0: unlimited */
	int		 active;
	long long	 uses;			/* redemptions so far */
};

enum coupon_check {
	COUPON_ERROR = -1,
	COUPON_OK = 0,
	COUPON_UNKNOWN,		/* no such active code */
	COUPON_NOT_YET,
	COUPON_EXPIRED,
	COUPON_MIN_TOTAL,	/* the subtotal is below the minimum */
	COUPON_USED_UP,		/* max_uses reached */
	COUPON_USED_BY_YOU,	/* max_uses_per_email reached for this e-mail */
	COUPON__MAX
};

/* Lang.checkout.err.<name> of each refusal ("coupon_unknown"...). */
extern const char *const coupon_errs[COUPON__MAX];

/* Checks code for an order of `subtotal` by email_norm at time now.
 * On COUPON_OK, *id and *discount are set. */
enum coupon_check db_coupon_check(struct db *, struct arena *,
		    const char *code, const char *email_norm, long long subtotal,
		    long long now, long long *id, long long *discount);
/* Records a use (inside the order transaction).  Returns 0 or -1. */
int		 db_coupon_redeem(struct db *, long long coupon_id,
		    long long order_id, const char *email_norm,
		    long long discount, long long now);
/* Releases the use order_id made of its coupon (the order was cancelled
 * or refunded): the code's limits count one use less.  0 (also when the
 * order had no coupon) or -1. */
int		 db_coupon_release(struct db *, long long order_id);
/* Creates a coupon (soukctl).  Returns its id, -2 when the code exists,
 * -1 on error. */
long long	 db_coupon_create(struct db *, const struct coupon *);
/* Every coupon, oldest first, with its use count. */
int		 db_coupon_list(struct db *, struct arena *, struct coupon **,
		    size_t *);

#endif
