/* store_mail.h — the store's mails, rendered in one place: the order
 * confirmation to the shopper and the "new order" mail to the shop, the
 * "payment proof received" mail to the shop, and the contact form's two
 * mails.  Each fills struct mail (strings in the request's arena) for the
 * store layer to queue in its transaction (order_place.h,
 * order_proof.h) or for the program to queue (contact).  Shop mails are
 * in the store's language (lang_default()), shopper mails in theirs. */
#ifndef SOUK_STORE_MAIL_H
#define SOUK_STORE_MAIL_H
#include <stddef.h>

#include "app.h"
#include "db_user.h"
#include "db_messages.h"
#include "mail.h"
#include "order.h"
#include "refund.h"

/* An order_mails_fn (order_place.h), arg the struct ctx: the shopper's
 * confirmation (text + HTML, in the request's language) and the shop's
 * "new order" mail into out[0..2); *n = 2.  0 or -1. */
int	store_mail_order(void *ctx, const struct order *, struct mail *out,
	    size_t *n);
/* The shop's "payment proof received" mail for o into *m; 0 or -1. */
int	store_mail_proof(struct ctx *, const struct order *o, struct mail *m);
/* The contact form's mails for message msg sent at `now`: to the shop
 * (Reply-To: the sender) and the acknowledgement to the sender, in the
 * request's language.  0 or -1. */
int	store_mail_contact(struct ctx *, const struct contact_message *msg,
	    long long now, struct mail *to_shop, struct mail *to_sender);
/* A customer_mail_fn (customer.h), arg the struct ctx: the welcome mail
 * of an account staff created, in the account's language, with its
 * set-password link and when the link expires.  0 or -1. */
int	store_mail_invite(void *ctx, const struct user *u, const char *link,
	    long long expires_at, struct mail *m);

/* The shopper's "refund" mail for refund p of order o (staff's reason,
 * may be ""), in the order's language: the amount, the lines, and how
 * the money comes back (the card or wallet, or by staff for the manual
 * methods).  0 or -1. */
int	store_mail_refund(struct ctx *, const struct order *o,
	    const struct refund_plan *p, const char *reason, struct mail *m);

#endif
