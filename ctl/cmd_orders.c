/* cmd_orders.c — soukctl orders list, order show|cancel N, coupon add|list: an
 * operator's view of orders and discount codes (the admin pages have
 * theirs; a coupon's rules are coupon.h's for both).  Text the shoppers typed is printed on one line each
 * (ctl_oneline) and, like all soukctl output, with every control character
 * replaced (ctl_write), so nothing in an order can drive the terminal. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "arena.h"
#include "clock.h"
#include "l10n.h"
#include "store_conf.h"
#include "ctl.h"
#include "coupon.h"
#include "db_coupon.h"
#include "detail.h"
#include "db_order.h"
#include "money.h"
#include "order.h"
#include "order_flow.h"
#include "valid.h"


/* An amount of an order, in the currency it was placed in. */
static const char *
order_money(struct arena *a, const struct order *o, long long minor)
{
	char buf[MONEY_BUF];
	int dec = conf_currency_decimals(o->currency);

	return arena_strdup(a, money_format(buf, sizeof(buf), minor,
	    dec < 0 ? 2 : dec, o->currency, LANG_EN));
}

/* Parses a positive number argument; 0 or -1. */
static int
number_arg(const char *s, long long max, long long *out)
{
	const char *err;

	return valid_int(s, 1, max, out, &err);
}

/* soukctl orders list [--status S] [--limit N] */
int
cmd_orders(int argc, char **argv)
{
	const char *status = "", *usage = "list [--status STATUS] [--limit N]";
	long long limit = 50;
	struct order *o;
	struct arena a;
	struct db *db;
	size_t n;
	int rc = 0;

	if (argc < 2 || strcmp(argv[1], "list") != 0)
		return ctl_usage(argv[0], usage);
	for (int i = 2; i < argc; i++) {
		if (strcmp(argv[i], "--status") == 0 && i + 1 < argc &&
		    order_status_ok(argv[i + 1]))
			status = argv[++i];
		else if (strcmp(argv[i], "--limit") == 0 && i + 1 < argc &&
		    number_arg(argv[i + 1], 100000, &limit) == 0)
			i++;
		else
			return ctl_usage(argv[0], usage);
	}
	if ((db = ctl_open(0)) == NULL)
		return 1;
	arena_init(&a, 0);
	if (db_order_list(db, &a, status, limit, &o, &n) < 0) {
		rc = ctl_fail("orders", "cannot read the orders");
		goto out;
	}
	ctl_printf("%6s  %-16s  %-12s  %-16s  %16s  %5s  %s\n", "ID", "PLACED",
	    "REFERENCE", "STATUS", "TOTAL", "LINES", "EMAIL");
	for (size_t i = 0; i < n; i++)
		ctl_printf("%6lld  %-16s  %-12s  %-16s  %16s  %5zu  %s\n", o[i].id,
		    ctl_when(&a, o[i].created_at), o[i].reference, o[i].status,
		    order_money(&a, &o[i], o[i].total_minor), o[i].nlines,
		    ctl_oneline(&a, o[i].email));
	ctl_printf("%zu order%s\n", n, n == 1 ? "" : "s");
out:
	arena_free(&a);
	db_close(db);
	return rc;
}

/* Prints the whole order o (its proofs read from db). */
static void
show(struct arena *a, struct db *db, const struct order *o)
{
	struct proof_info *p;
	size_t np = 0;

	ctl_printf("Order     %lld  %s  %s\n", o->id, o->reference, o->status);
	ctl_printf("Placed    %s (language %s)\n", ctl_when(a, o->created_at),
	    o->lang);
	ctl_printf("Customer  %s <%s>  %s\n", ctl_oneline(a, o->name),
	    ctl_oneline(a, o->email), o->phone);
	if (*o->address)
		ctl_printf("Ship to   %s, %s %s, %s\n",
		    ctl_oneline(a, o->address), ctl_oneline(a, o->postal),
		    ctl_oneline(a, o->city), o->country);
	else
		ctl_printf("Country   %s\n", o->country);
	ctl_printf("Payment   %s\n", o->method);
	ctl_printf("Page      %s/order/%s\n\nLines\n", conf_str(CONF_BASE_URL),
	    o->token);
	for (size_t i = 0; i < o->nlines; i++) {
		const struct order_line *l = &o->lines[i];
		char plan[48] = "";
		if (l->months)
			snprintf(plan, sizeof(plan), " (%d month%s)", l->months,
			    l->months == 1 ? "" : "s");
		else if (l->days)
			snprintf(plan, sizeof(plan), " (%d day%s)", l->days,
			    l->days == 1 ? "" : "s");
		ctl_printf("  %2zu  %s%s  %lld x %s = %s\n", i + 1, ctl_oneline(a, l->name),
		    plan, l->qty, order_money(a, o, l->unit_minor),
		    order_money(a, o, l->line_minor));
		for (size_t k = 0; k < l->ndetails; k++)
			ctl_printf("        %s: %s\n", ctl_oneline(a,
			    lang_text(l->details[k].labels, lang_default(),
			    l->details[k].label)), ctl_oneline(a,
			    l->details[k].value));
	}
	ctl_printf("Subtotal  %s\n", order_money(a, o, o->subtotal_minor));
	if (o->discount_minor)
		ctl_printf("Discount  %s (%s)\n", order_money(a, o, o->discount_minor),
		    ctl_oneline(a, o->coupon_code));
	ctl_printf("Total     %s\n\nHistory\n", order_money(a, o, o->total_minor));
	for (size_t i = 0; i < o->nevents; i++)
		ctl_printf("  %s  %-16s  %s\n", ctl_when(a, o->events[i].at),
		    o->events[i].status, o->events[i].note);
	if (db_order_proofs(db, a, o->id, &p, &np) < 0 || np == 0)
		return;
	ctl_printf("\nPayment proofs (in %s/proofs/)\n", conf_str(CONF_DATA_DIR));
	for (size_t i = 0; i < np; i++)
		ctl_printf("  %s  %-15s  %8lld bytes  %s  (sent as \"%s\")\n",
		    ctl_when(a, p[i].at), p[i].type, p[i].size, p[i].name,
		    ctl_oneline(a, p[i].original_name));
}

/* soukctl order cancel N: the staff cancel of the lifecycle from the shell
 * (a cash-on-delivery order nobody will pay for, say); the stock comes
 * back.  No mail: staff tell the shopper themselves. */
static int
cancel_cmd(struct db *db, struct arena *a, long long id)
{
	enum transition_result r;

	if (db_begin(db) < 0)
		return ctl_fail("order", "cannot cancel order %lld", id);
	r = order_cancel(db, a, id, ACTOR_STAFF, "cancelled", store_now());
	if (r != TRANSITION_OK || db_commit(db) < 0) {
		db_rollback(db);
		return ctl_fail("order", r != TRANSITION_ERROR ? "order %lld "
		    "cannot be cancelled (no such order, or it is paid, "
		    "completed, cancelled or refunded)" : "cannot cancel order "
		    "%lld", id);
	}
	ctl_printf("order %lld cancelled; its stock is back on sale\n", id);
	return 0;
}

/* soukctl order set ID STATUS: a staff transition of the lifecycle
 * (order_flow.h), with its effects, in one transaction; 0 or 1. */
static int
set_status(struct db *db, struct arena *a, long long id, const char *to)
{
	int st = order_status_parse(to), rc;
	enum transition_result r;
	struct order o;

	if (st < 0)
		return ctl_fail("order", "no status '%s'", to);
	if (db_begin(db) < 0)
		return ctl_fail("order", "cannot lock the database");
	if ((rc = db_order_by_id(db, a, id, &o)) != 0) {
		db_rollback(db);
		return ctl_fail("order", rc < 0 ? "cannot read order %lld" :
		    "no order %lld", id);
	}
	r = order_transition(db, &o, (enum order_status)st, ACTOR_STAFF,
	    arena_printf(a, "staff_%s", to), store_now());
	if (r != TRANSITION_OK || db_commit(db) < 0) {
		db_rollback(db);
		return ctl_fail("order", r == TRANSITION_REFUSED ||
		    r == TRANSITION_NOT_YOURS ? "order %lld cannot go from %s to "
		    "%s (docs/checkout.md, Order lifecycle)" : "order %lld: "
		    "cannot change its status", id, o.status, to);
	}
	ctl_printf("order %lld is now %s\n", id, o.status);
	return 0;
}

/* soukctl order show ID | order cancel ID | order set ID STATUS */
int
cmd_order(int argc, char **argv)
{
	const char *usage = "show ID | cancel ID | set ID STATUS";
	struct order o;
	struct arena a;
	struct db *db;
	long long id;
	int rc, set;

	if (argc >= 2 && strcmp(argv[1], "refund") == 0)
		return cmd_order_refund(argc, argv);
	set = argc == 4 && strcmp(argv[1], "set") == 0;
	if ((argc != 3 || (strcmp(argv[1], "show") != 0 &&
	    strcmp(argv[1], "cancel") != 0)) && !set)
		return ctl_usage(argv[0], usage);
	if (number_arg(argv[2], 1LL << 53, &id) < 0)
		return ctl_usage(argv[0], usage);
	if ((db = ctl_open(0)) == NULL)
		return 1;
	/* A change may deliver (delivery.h): mails and signed links. */
	if (strcmp(argv[1], "show") != 0 && (ctl_secret(db) < 0 ||
	    ctl_templates() < 0)) {
		db_close(db);
		return 1;
	}
	arena_init(&a, 0);
	if (strcmp(argv[1], "cancel") == 0)
		rc = cancel_cmd(db, &a, id);
	else if (set)
		rc = set_status(db, &a, id, argv[3]);
	else if ((rc = db_order_by_id(db, &a, id, &o)) == 0)
		show(&a, db, &o);
	else
		ctl_fail("order", rc < 0 ? "cannot read order %lld" :
		    "no order %lld", id);
	arena_free(&a);
	db_close(db);
	return rc == 0 ? 0 : 1;
}

/* What soukctl says about each broken rule of coupon.h. */
static const char *const coupon_says[CPN__MAX] = {
	[CPN_ERROR] = "the database refused the change",
	[CPN_CODE] = "a code is 2 to 40 letters, digits, - or _",
	[CPN_KIND] = "the kind is percent or fixed",
	[CPN_PERCENT] = "a percentage is 1 to 100",
	[CPN_AMOUNT] = "a fixed discount is an amount above 0",
	[CPN_MIN] = "--min is an amount",
	[CPN_STARTS] = "--starts is a date YYYY-MM-DD",
	[CPN_EXPIRES] = "--expires is a date YYYY-MM-DD",
	[CPN_DATES] = "--expires must be after --starts",
	[CPN_MAX_USES] = "--max-uses is a whole number of 1 or more",
	[CPN_PER_CUSTOMER] = "--per-email is a whole number of 1 or more",
	[CPN_SCOPE_LIST] = "--products and --categories are slugs separated "
	    "by commas",
	[CPN_PRODUCT] = "no product has the slug",
	[CPN_CATEGORY] = "no category has the slug",
	[CPN_TAKEN] = "the code exists already",
	[CPN_NOT_FOUND] = "no such coupon",
};

/* soukctl coupon add CODE percent|fixed VALUE [options]: the rules and
 * the save are coupon.h's, as for the admin's form. */
static int
coupon_add(int argc, char **argv)
{
	static const char usage[] = "add CODE percent|fixed VALUE [--max-uses N] "
	    "[--per-email N] [--min AMOUNT] [--starts YYYY-MM-DD] "
	    "[--expires YYYY-MM-DD] [--products SLUG,...] "
	    "[--categories SLUG,...]";
	static const struct { const char *opt; size_t off; } opts[] = {
		{ "--max-uses", offsetof(struct coupon_form, max_uses) },
		{ "--per-email", offsetof(struct coupon_form, per_customer) },
		{ "--min", offsetof(struct coupon_form, min) },
		{ "--starts", offsetof(struct coupon_form, starts) },
		{ "--expires", offsetof(struct coupon_form, expires) },
		{ "--products", offsetof(struct coupon_form, products) },
		{ "--categories", offsetof(struct coupon_form, categories) },
	};
	struct coupon_form f = { 0 };
	enum coupon_err errs[CPN__MAX], e;
	struct coupon c = { 0 };
	const char *bad = "";
	struct arena a;
	struct db *db;
	size_t nerr, k;

	if (argc < 5)
		return ctl_usage("coupon", usage);
	f.code = argv[2], f.kind = argv[3], f.value = argv[4];
	for (int i = 5; i < argc; i += 2) {
		for (k = 0; k < sizeof(opts) / sizeof(opts[0]) &&
		    strcmp(argv[i], opts[k].opt) != 0; k++)
			;
		if (k == sizeof(opts) / sizeof(opts[0]) || i + 1 >= argc)
			return ctl_usage("coupon", usage);
		*(const char **)((char *)&f + opts[k].off) = argv[i + 1];
	}
	if ((nerr = coupon_parse(&f, &c, errs)) > 0)
		return ctl_fail("coupon", "%s", coupon_says[errs[0]]);
	if ((db = ctl_open(0)) == NULL)
		return 1;
	arena_init(&a, 0);
	if ((e = db_begin(db) < 0 ? CPN_ERROR : coupon_save(db, &a, &c,
	    f.products, f.categories, &bad)) != CPN_OK || db_commit(db) < 0) {
		/* The message first: the unknown slug in it is in the arena. */
		int rc = ctl_fail("coupon", "%s: %s %s", c.code, coupon_says[e ==
		    CPN_OK ? CPN_ERROR : e], bad);
		db_rollback(db);
		arena_free(&a);
		db_close(db);
		return rc;
	}
	arena_free(&a);
	db_close(db);
	ctl_printf("coupon %s created (id %lld)\n", c.code, c.id);
	return 0;
}

/* Coupon id's scope as "products a,b; categories c" ("whole cart": no
 * scope) in a, or NULL on error. */
static const char *
scope_text(struct db *db, struct arena *a, long long id)
{
	struct coupon_scope *sc;
	const char *prod = "", *cat = "";
	size_t n;

	if (db_coupon_scope(db, a, id, &sc, &n) < 0)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		const char **to = sc[i].product_id ? &prod : &cat;
		*to = arena_printf(a, "%s%s%s", *to, **to ? "," : "",
		    sc[i].slug);
	}
	if (!*prod && !*cat)
		return "whole cart";
	return arena_printf(a, "%s%s%s%s%s", *prod ? "products " : "", prod,
	    *prod && *cat ? "; " : "", *cat ? "categories " : "", cat);
}

/* soukctl coupon list: every code with its limits, uses and scope. */
static int
coupon_list(void)
{
	struct coupon *c;
	struct arena a;
	struct db *db;
	size_t n;
	int rc = 0;

	if ((db = ctl_open(0)) == NULL)
		return 1;
	arena_init(&a, 0);
	if (db_coupon_list(db, &a, &c, &n) < 0) {
		rc = ctl_fail("coupon", "cannot read the coupons");
		goto out;
	}
	ctl_printf("%-20s  %-16s  %6s  %8s  %12s  %-16s  %-6s  %s\n", "CODE",
	    "DISCOUNT", "USED", "MAX", "PER-CUSTOMER", "EXPIRES", "ACTIVE",
	    "SCOPE");
	for (size_t i = 0; i < n; i++) {
		const char *d = strcmp(c[i].kind, "percent") == 0 ?
		    arena_printf(&a, "%lld%%", c[i].value) : money_arena(&a, c[i].value, LANG_EN);
		const char *scope = scope_text(db, &a, c[i].id);
		if (scope == NULL) {
			rc = ctl_fail("coupon", "cannot read the scope of %s",
			    c[i].code);
			goto out;
		}
		ctl_printf("%-20s  %-16s  %6lld  %8s  %12s  %-16s  %-6s  %s\n",
		    c[i].code, d, c[i].uses, c[i].max_uses ? arena_printf(&a,
		    "%lld", c[i].max_uses) : "-", c[i].max_per_email ?
		    arena_printf(&a, "%lld", c[i].max_per_email) : "-",
		    c[i].expires_at ? ctl_when(&a, c[i].expires_at) : "never",
		    c[i].active ? "yes" : "no", scope);
	}
out:
	arena_free(&a);
	db_close(db);
	return rc;
}

/* soukctl coupon add ... | coupon list */
int
cmd_coupon(int argc, char **argv)
{
	if (argc >= 2 && strcmp(argv[1], "add") == 0)
		return coupon_add(argc, argv);
	if (argc == 2 && strcmp(argv[1], "list") == 0)
		return coupon_list();
	return ctl_usage(argv[0], "add CODE percent|fixed VALUE [...] | list");
}
