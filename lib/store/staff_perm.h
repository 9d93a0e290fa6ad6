/* staff_perm.h — who may do what in the back office (store layer): ONE
 * table of every admin route and action with the lowest role allowed.
 *
 *	if (!staff_may(user->role, PERM_ORDER_ACT)) -> 403
 *
 * Employees run the shop day to day: the dashboard, orders (and act on
 * them, access details of subscriptions included), subscriptions,
 * customers (and private notes on them, and content given to them
 * without an order) and messages, and send an
 * order's last mail again.  Admins do everything, including refunds, the
 * catalog, coupons, delivery zones and rates, settings, roles, the audit
 * log, the credential pools, creating and disabling accounts and
 * deleting.  The
 * admin program maps each of its pages to one row (cgi-bin/admin.c) and
 * checks it in one place before any handler runs; soukctl and a later API
 * read the same table. */
#ifndef SOUK_STAFF_PERM_H
#define SOUK_STAFF_PERM_H
#include "db_user.h"

enum perm {
	PERM_DASHBOARD,		/* figures and charts */
	PERM_ORDERS,		/* order list, order page, CSV export */
	PERM_PROOF,		/* see a payment proof */
	PERM_ORDER_ACT,		/* confirm, reject, ship, cancel, notes */
	PERM_CUSTOMERS,		/* customer list and pages */
	PERM_CUSTOMER_ACT,	/* create an account, disable, end sessions */
	PERM_MESSAGES,		/* contact inbox */
	PERM_MESSAGE_ACT,	/* reply, mark handled */
	PERM_CATALOG,		/* products, images, categories */
	PERM_COUPONS,
	PERM_SETTINGS,
	PERM_ROLES,		/* change an account's role */
	PERM_AUDIT,		/* browse the audit log */
	PERM_DELETE,		/* delete anything */
	PERM_REVIEWS,		/* the queue of reviews and questions */
	PERM_REVIEW_ACT,	/* approve, hide, answer, delete them */
	PERM_SUBSCRIPTIONS,	/* subscriptions list (docs/delivery.md) */
	PERM_CREDENTIALS,	/* credential pools: see, upload (CSV) */
	PERM_REFUND,		/* refund an order (money goes back) */
	PERM_SUB_ACT,		/* extend, suspend, resume, cancel, reassign */
	PERM_CUSTOMER_NOTE,	/* private notes on a customer */
	PERM_CONTENT,		/* content pages, FAQ, home banners (not delete) */
	PERM_GRANT,		/* give a customer content without an order */
	PERM_SHIPPING,		/* delivery zones, their rates, the quote */
	PERM__MAX
};

struct perm_row {
	const char	*name;		/* "orders", for logs and docs */
	enum role	 min;		/* lowest role allowed */
};

extern const struct perm_row staff_perms[PERM__MAX];

/* 1 when an account with role may do p, else 0 (unknown p: 0). */
int	staff_may(enum role, enum perm p);
/* The lowest role allowed p (ROLE_ADMIN for an unknown p). */
enum role staff_perm_role(enum perm p);

#endif
