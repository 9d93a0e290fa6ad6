/* dashboard.c — the orders to treat and the recent ones. */
#include "admin.h"

int
page_dashboard(struct ctx *c)
{
	static const enum order_status todo[] = { ORDER_PROOF_RECEIVED,
	    ORDER_AWAITING_PAYMENT };
	struct staff_order_filter f = { .limit = 10 };

	for (size_t i = 0; i < sizeof(todo) / sizeof(todo[0]); i++) {
		f.status = order_statuses[todo[i]];
		if (adm_put_orders(c, arena_printf(&c->arena, "Page.todo.%s",
		    f.status), &f) < 0)
			return 500;
	}
	f.status = NULL;
	if (adm_put_orders(c, "Page.recent", &f) < 0)
		return 500;
	return app_render(c, 200, "admin/dashboard");
}
