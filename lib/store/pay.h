/* pay.h — payment methods.
 *
 * A method is a small interface, so online gateways (a later issue) plug in
 * beside the manual ones without touching checkout:
 *   id            stored in orders.payment_method; its texts are
 *                 Lang.pay.<id>.{name,desc,howto}
 *   configured    the shop has set it up in souk.conf
 *   available     it can pay for this cart (cash on delivery: only when
 *                 everything in it is shipped)
 *   place         what placing the order does: its first status and the
 *                 history note (a gateway would also start its session)
 *   gateway       online methods (card: Stripe, wallet: Flouci): the
 *                 gateway whose hosted page the shopper is sent to
 *   instructions  what the order page and the mail show: rows of a label
 *                 (key: Lang.pay.label.<key>, or a name shown as is) and a
 *                 value; the site layer puts them in the page
 * Methods offered, and their order, come from pay_methods in souk.conf. */
#ifndef SOUK_PAY_H
#define SOUK_PAY_H
#include <stddef.h>

#include "order.h"

/* What a method needs to know about a cart. */
struct pay_cart {
	long long	 total_minor;
	size_t		 nlines, nphysical;
};

#define PAY_MAX_ROWS 12

/* Payment instructions: rows of label and value. */
struct pay_rows {
	struct {
		const char	*key;		/* Lang.pay.label.<key>, or NULL */
		char		 name[64];	/* shown as is when key is NULL */
		char		 value[256];
		char		 holder[64];	/* whose account ("" none) */
		int		 copy;		/* the page offers to copy value */
	}		 row[PAY_MAX_ROWS];
	size_t		 n;
};

#define PAY_WALLET_TEXT	64
#define PAY_MAX_WALLETS	8

/* One mobile-money wallet of the shop (pay_mobile). */
struct pay_wallet {
	char		 op[PAY_WALLET_TEXT];		/* "Orange Money" */
	char		 number[PAY_WALLET_TEXT];	/* "+216 20 000 000" */
	char		 holder[PAY_WALLET_TEXT];	/* "Souk SARL" */
};

struct pay_method {
	const char	*id;
	int		 takes_proof;	/* shoppers may upload a payment proof */
	int		(*configured)(void);
	int		(*available)(const struct pay_cart *);
	void		(*place)(struct order *);
	void		(*instructions)(const struct order *, struct pay_rows *);
	const char	*gateway;	/* online: the gateway id (gateway.h)
					 * whose hosted page takes the money;
					 * NULL for manual methods */
	const char	*awaiting;	/* the Lang.order.status key shown for
					 * awaiting_payment (cash on delivery:
					 * "cod_confirmed"); NULL: the status */
};

extern const struct pay_method pay_bank, pay_mobile, pay_cod, pay_stripe,
    pay_flouci;

#define PAY_MAX 8

/* The id of every method this build knows, NULL-terminated (the checkout
 * form's choices). */
extern const char *const pay_ids[];

/* The method with this id, or NULL. */
const struct pay_method *pay_get(const char *id);
/* The methods the shop offers for cart (listed in pay_methods,
 * configured, available), in pay_methods order; cart NULL: regardless of
 * the cart.  Returns how many were written to out[PAY_MAX]. */
size_t		 pay_offered(const struct pay_cart *, const struct pay_method **out);
/* Checks pay_methods and the settings of the methods it lists; logs and
 * returns -1 when something is wrong (checkout refuses to start). */
int		 pay_check_conf(void);
/* available() of methods that can pay for any cart with something in it. */
int		 pay_any_cart(const struct pay_cart *);
/* The shop's mobile-money wallets, the one list checkout, the order page
 * and the mails show: pay_mobile's "operator = number [= holder]" items
 * separated by ';' (holder: store_name when not given), at most
 * PAY_MAX_WALLETS into out.  Returns how many, 0 when pay_mobile is empty
 * or malformed (mobile money is then not offered at all). */
size_t		 pay_wallets(struct pay_wallet *out);
/* The Lang.order.status key an order of method (a pay_method id) in
 * status is shown with: the status, or the method's own word for
 * awaiting_payment. */
const char	*pay_status_text(const char *method, const char *status);
/* Seconds from placing an order of method to its pay-by time
 * (order_hold: the unpaid-order hold), 0 when it never expires. */
long long	 pay_deadline_after(const char *method);
/* Adds a row the page offers to copy (a number, an IBAN, the reference),
 * with whose account it is (holder, may be NULL). */
void		 pay_row_copy(struct pay_rows *, const char *key,
		    const char *name, const char *value, const char *holder);
/* Adds a row: key (a Lang.pay.label key) or name (shown as is) and
 * value, cut to fit.  For the methods' instructions(); a full table keeps
 * its rows. */
void		 pay_row(struct pay_rows *, const char *key, const char *name,
		    const char *value);

#endif
