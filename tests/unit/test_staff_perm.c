/* test_staff_perm.c — the back office's one permission table. */
#include "staff_perm.h"
#include "t.h"

TEST(staff_perm_roles)
{
	static const enum perm employee_may[] = { PERM_DASHBOARD, PERM_ORDERS,
	    PERM_PROOF, PERM_ORDER_ACT, PERM_CUSTOMERS, PERM_MESSAGES,
	    PERM_MESSAGE_ACT, PERM_SUBSCRIPTIONS,
	    PERM_CONTENT };
	static const enum perm admin_only[] = { PERM_CATALOG, PERM_COUPONS,
	    PERM_SETTINGS, PERM_ROLES, PERM_AUDIT, PERM_DELETE,
	    PERM_CUSTOMER_ACT, PERM_CREDENTIALS, PERM_SHIPPING };

	for (int p = 0; p < PERM__MAX; p++) {
		CHECK(staff_perms[p].name != NULL);
		CHECK(staff_may(ROLE_ADMIN, (enum perm)p));
		CHECK(!staff_may(ROLE_CUSTOMER, (enum perm)p));
		CHECK(!staff_may(ROLE_NONE, (enum perm)p));
	}
	for (size_t i = 0; i < sizeof(employee_may) / sizeof(employee_may[0]); i++)
		CHECK(staff_may(ROLE_EMPLOYEE, employee_may[i]));
	for (size_t i = 0; i < sizeof(admin_only) / sizeof(admin_only[0]); i++) {
		CHECK(!staff_may(ROLE_EMPLOYEE, admin_only[i]));
		CHECK(staff_perm_role(admin_only[i]) == ROLE_ADMIN);
	}
	CHECK(!staff_may(ROLE_ADMIN, PERM__MAX));
	CHECK(staff_perm_role(PERM__MAX) == ROLE_ADMIN);
}
