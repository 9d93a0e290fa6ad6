/* watch.h — mail for products customers watch: a wishlist item back in
 * stock or cheaper, and "notify me when back" for a sold-out product.
 *
 * watch_product() runs inside the caller's transaction, right after the
 * store function that changed the product's stock or price
 * (db_product_update, db_plan_put, an order's restock): every mail it
 * queues (mail_enqueue) commits or rolls back with the change, so
 * soukctl, the CSV import and the admin all trigger them the same way.
 * Each change mails once: a wishlist row records what its owner saw
 * (seen_price, seen_in_stock; the trigger wishlist_sold_out marks it out
 * whoever emptied the stock), and an alert row is deleted when its mail
 * is queued.  A price drop mails only for a product that can be bought.
 *
 * The mails carry nothing anybody typed (docs/mail-safety.md): the
 * product's catalog name, its link, prices, the shop's name and a signed
 * one-click unsubscribe link (watch_stop_url). */
#ifndef SOUK_WATCH_H
#define SOUK_WATCH_H
#include "arena.h"
#include "db.h"

enum watch_kind { WATCH_WISH = 'w', WATCH_ALERT = 'a' };

/* Queues the mails product id is due (see above) and records them.
 * Returns the number queued, or -1 (logged; the caller rolls back). */
long long	watch_product(struct db *, long long id, long long now);
/* watch_product() for every product of order id (after its restock). */
long long	watch_order(struct db *, long long order_id, long long now);
/* The unsubscribe link for a wishlist owner (id: the user) or an alert
 * (id: the alert), absolute, in the arena; NULL when the store secret
 * cannot be loaded. */
const char	*watch_stop_url(struct db *, struct arena *, enum watch_kind,
		    long long id);
/* 1 when sig (hex) signs (kind, id), else 0 (constant time). */
int		watch_stop_valid(enum watch_kind, long long id, const char *sig);
/* Follows a valid unsubscribe link: opts the user out of wishlist mail,
 * or deletes the alert.  0, or -1. */
int		watch_stop(struct db *, enum watch_kind, long long id,
		    long long now);

#endif
