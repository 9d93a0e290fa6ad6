/* staff_perm.c — see staff_perm.h. */
#include "staff_perm.h"

const struct perm_row staff_perms[PERM__MAX] = {
	[PERM_DASHBOARD] = { "dashboard", ROLE_EMPLOYEE },
	[PERM_ORDERS] = { "orders", ROLE_EMPLOYEE },
	[PERM_PROOF] = { "proof", ROLE_EMPLOYEE },
	[PERM_ORDER_ACT] = { "order_act", ROLE_EMPLOYEE },
	[PERM_CUSTOMERS] = { "customers", ROLE_EMPLOYEE },
	[PERM_CUSTOMER_ACT] = { "customer_act", ROLE_ADMIN },
	[PERM_MESSAGES] = { "messages", ROLE_EMPLOYEE },
	[PERM_MESSAGE_ACT] = { "message_act", ROLE_EMPLOYEE },
	[PERM_CATALOG] = { "catalog", ROLE_ADMIN },
	[PERM_COUPONS] = { "coupons", ROLE_ADMIN },
	[PERM_SETTINGS] = { "settings", ROLE_ADMIN },
	[PERM_ROLES] = { "roles", ROLE_ADMIN },
	[PERM_AUDIT] = { "audit", ROLE_ADMIN },
	[PERM_DELETE] = { "delete", ROLE_ADMIN },
	/* Moderation is day-to-day work (docs/reviews.md): deleting a
	 * review or question is part of it. */
	[PERM_REVIEWS] = { "reviews", ROLE_EMPLOYEE },
	[PERM_REVIEW_ACT] = { "review_act", ROLE_EMPLOYEE },
	[PERM_SUBSCRIPTIONS] = { "subscriptions", ROLE_EMPLOYEE },
	[PERM_CREDENTIALS] = { "credentials", ROLE_ADMIN },
	[PERM_REFUND] = { "refund", ROLE_ADMIN },
	/* Acting on a subscription is treating the order it came from
	 * (issue 9: employees treat orders), so employees may. */
	[PERM_SUB_ACT] = { "sub_act", ROLE_EMPLOYEE },
	[PERM_CUSTOMER_NOTE] = { "customer_note", ROLE_EMPLOYEE },
	/* Staff write the shop's pages (docs/content.md); deleting one is
	 * PERM_DELETE's. */
	[PERM_CONTENT] = { "content", ROLE_EMPLOYEE },
	/* Assigning content to a client (grant.h) is treating a client's
	 * request, as confirming their order is (which grants the same
	 * content): employees may. */
	[PERM_GRANT] = { "grant", ROLE_EMPLOYEE },
	/* What delivery costs is the shop's pricing, as coupons are. */
	[PERM_SHIPPING] = { "shipping", ROLE_ADMIN },
};

enum role
staff_perm_role(enum perm p)
{
	if ((unsigned)p >= PERM__MAX || staff_perms[p].min < ROLE_EMPLOYEE)
		return ROLE_ADMIN;
	return staff_perms[p].min;
}

int
staff_may(enum role r, enum perm p)
{
	if ((unsigned)p >= PERM__MAX)
		return 0;
	return r >= staff_perm_role(p);
}
