/* cart.h — the rules of a cart, apart from where it is kept (db_cart.h).
 *
 * A cart is found by the souk_cart cookie: CART_TOKEN_BYTES random bytes
 * from getrandom() as base64url; the database keeps only its SHA-256.
 *
 * Quantity rules (docs/order-limits.md), per cart line, where "cap" is
 * order_max_qty from souk.conf (at most CART_MAX_QTY):
 *   physical      1 .. min(stock, cap): units to ship
 *   subscription  1 .. min(stock, cap, CART_MAX_SUBS) per plan: each unit
 *                 is a separate account or code (a family buying for two
 *                 TVs); a longer duration is another plan, not more units
 *   digital       exactly 1: a download is bought once and kept
 * A cart holds at most CART_MAX_LINES lines and order_max_units units in
 * all; db_cart.h keeps carts within these, and db_order_place() refuses
 * an order beyond them whatever the cart holds. */
#ifndef SOUK_CART_H
#define SOUK_CART_H

#define CART_MAX_QTY	99		/* cart_items.qty CHECK */
#define CART_MAX_SUBS	5
#define CART_MAX_LINES	50
#define CART_TOKEN_BYTES 24
#define CART_TOKEN_LEN	32		/* base64url of 24 bytes */
#define CART_COOKIE_AGE	(30L * 86400)	/* seconds: 30 days */
#define CART_KEY_LEN	43		/* checkout_key() */
#define CART_COOKIE	"souk_cart"	/* holds the token */

/* The most units one line may hold (0: none can be sold).  kind is
 * "physical", "subscription" or "digital"; stock -1 is unlimited, so
 * cart_max_qty(kind, -1) is the rule's cap alone. */
long long	cart_max_qty(const char *kind, long long stock);
/* The most units one cart (so one order) may hold: order_max_units. */
long long	cart_max_units(void);
/* 1 when s has the shape of a token we issue. */
int		cart_token_ok(const char *s);
/* A new random token into out[CART_TOKEN_LEN + 1]. */
void		cart_token_new(char *out);
/* Hex SHA-256 of the token (what the database keeps) into out[65]. */
void		cart_token_hash(const char *token, char *out);
/* The checkout form's idempotency key for revision rev of the cart with
 * this token, shown with this subtotal, into out[CART_KEY_LEN + 1]: HMAC
 * under the store secret, so every tab showing the same cart at the same
 * prices carries the same key, nobody can make one for another cart, and
 * a price changed since the form was shown changes the key. */
void		cart_checkout_key(const char *token, long long rev,
		    long long subtotal, char *out);

#endif
