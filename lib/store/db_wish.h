/* db_wish.h — the wishlist, stock-alert and opt-out tables (migration
 * 016) and the queries the watcher (watch.h) runs.  Rows are read into the
 * caller's arena.  Writes return 0 or -1 (logged); lookups 0 / DB_NONE /
 * -1; lists the count or -1. */
#ifndef SOUK_DB_WISH_H
#define SOUK_DB_WISH_H
#include "arena.h"
#include "db.h"

struct wish_item {
	long long	 product_id, price_minor, stock;	/* stock -1: unlimited */
	const char	*slug, *name, *kind;
	int		 in_stock, has_plans;
	long long	 created_at;
};

/* What the watcher compares: a product as it is now. */
struct watch_product {
	long long	 id, price_minor;
	const char	*slug, *name;
	int		 active, in_stock;
};

/* A wishlist row due a mail, with its owner's address and language. */
struct watch_due {
	long long	 user_id, seen_price;
	int		 seen_in_stock;
	const char	*email, *lang;
};

/* A "notify me" waiting for a product. */
struct alert_due {
	long long	 id;
	const char	*email, *lang;
};

/* Adds product to user's wishlist (seen price and stock: now's); 0 added
 * or already there, DB_NONE no such active product, -1. */
int		db_wish_add(struct db *, long long user, long long product,
		    long long now);
/* 0 removed, DB_NONE it was not there, -1. */
int		db_wish_remove(struct db *, long long user, long long product);
/* 1 when product is in user's wishlist, 0 not, -1. */
int		db_wish_has(struct db *, long long user, long long product);
/* The user's wishlist, newest first (withdrawn products left out). */
long long	db_wish_list(struct db *, struct arena *, long long user,
		    struct wish_item **out);
/* Stops wishlist mail to user (idempotent). */
int		db_wish_optout(struct db *, long long user, long long now);

int		db_watch_product(struct db *, struct arena *, long long id,
		    struct watch_product *out);
/* Rows of product id whose owner should hear (in stock again after being
 * out, or a price below the one seen): owners with a verified, enabled,
 * not opted-out account only. */
long long	db_watch_due(struct db *, struct arena *,
		    const struct watch_product *, struct watch_due **out);
/* Records what user was told about product. */
int		db_watch_seen(struct db *, long long user, long long product,
		    long long price, int in_stock);

/* Adds an alert for (product, email); 0 added, 1 there already (DB_NONE),
 * -1.  email_norm: the lower-cased address. */
int		db_alert_add(struct db *, long long product, const char *email,
		    const char *email_norm, const char *lang, long long now);
long long	db_alert_due(struct db *, struct arena *, long long product,
		    struct alert_due **out);
/* 0 deleted, DB_NONE none, -1. */
int		db_alert_delete(struct db *, long long id);
/* The distinct products of order id's lines (after a restock); count. */
long long	db_watch_order_products(struct db *, struct arena *,
		    long long order_id, long long **out);

#endif
