/* test_coupon.c — the rules of a coupon's fields (coupon.h), which
 * soukctl coupon add and the admin's form share. */
#include <string.h>

#include "arena.h"
#include "conf.h"
#include "coupon.h"
#include "store_conf.h"
#include "t.h"

/* coupon_parse of f: the number of broken rules, the first in *first. */
static size_t
parse(const struct coupon_form *f, struct coupon *c, enum coupon_err *first)
{
	enum coupon_err errs[CPN__MAX];
	size_t n = coupon_parse(f, c, errs);

	*first = n ? errs[0] : CPN_OK;
	return n;
}

TEST(coupon_parse_reads_every_field)
{
	char was[16];
	struct coupon c;
	enum coupon_err e;
	struct coupon_form f = { .code = "Spring-10_a", .kind = "fixed",
	    .value = "5.5", .min = "20", .starts = "2026-01-01",
	    .expires = "2026-02-01", .max_uses = "100", .per_customer = "1",
	    .products = "hdmi-cable, usb-c", .categories = "iptv" };

	snprintf(was, sizeof(was), "%s", conf_str(CONF_CURRENCY_DECIMALS));
	conf_set(CONF_CURRENCY_DECIMALS, "3");
	CHECK_INT(parse(&f, &c, &e), 0);
	CHECK_STR(c.code, "Spring-10_a");
	CHECK_INT(c.value, 5500);
	CHECK_INT(c.min_subtotal_minor, 20000);
	CHECK(c.starts_at > 0 && c.expires_at - c.starts_at >= 30 * 86400 &&
	    c.expires_at - c.starts_at <= 31 * 86400 + 3600);
	CHECK_INT(c.max_uses, 100);
	CHECK_INT(c.max_per_email, 1);
	CHECK_INT(c.active, 1);
	/* Optional fields left empty: no limit, no bound. */
	f = (struct coupon_form){ .code = "ab", .kind = "percent",
	    .value = "100", .min = "", .max_uses = "" };
	CHECK_INT(parse(&f, &c, &e), 0);
	CHECK_INT(c.value, 100);
	CHECK(c.min_subtotal_minor == 0 && c.max_uses == 0 &&
	    c.max_per_email == 0 && c.starts_at == 0 && c.expires_at == 0);
	conf_set(CONF_CURRENCY_DECIMALS, was);
}

TEST(coupon_parse_names_each_broken_rule)
{
	static const struct {
		struct coupon_form f;
		enum coupon_err want;
	} cases[] = {
		{ { .code = "a", .kind = "percent", .value = "5" }, CPN_CODE },
		{ { .code = "A B", .kind = "percent", .value = "5" }, CPN_CODE },
		{ { .code = "<x>", .kind = "percent", .value = "5" }, CPN_CODE },
		{ { .code = "OK", .kind = "gift", .value = "5" }, CPN_KIND },
		{ { .code = "OK", .kind = "percent", .value = "101" },
		    CPN_PERCENT },
		{ { .code = "OK", .kind = "percent", .value = "0" },
		    CPN_PERCENT },
		{ { .code = "OK", .kind = "percent" }, CPN_PERCENT },
		{ { .code = "OK", .kind = "fixed", .value = "0" }, CPN_AMOUNT },
		{ { .code = "OK", .kind = "fixed", .value = "-5" }, CPN_AMOUNT },
		{ { .code = "OK", .kind = "fixed", .value = "5",
		    .min = "x" }, CPN_MIN },
		{ { .code = "OK", .kind = "fixed", .value = "5",
		    .starts = "2026-02-30x" }, CPN_STARTS },
		{ { .code = "OK", .kind = "fixed", .value = "5",
		    .expires = "tomorrow" }, CPN_EXPIRES },
		{ { .code = "OK", .kind = "fixed", .value = "5",
		    .starts = "2026-03-01", .expires = "2026-03-01" },
		    CPN_DATES },
		{ { .code = "OK", .kind = "fixed", .value = "5",
		    .max_uses = "0" }, CPN_MAX_USES },
		{ { .code = "OK", .kind = "fixed", .value = "5",
		    .per_customer = "1.5" }, CPN_PER_CUSTOMER },
		{ { .code = "OK", .kind = "fixed", .value = "5",
		    .products = "Not A Slug" }, CPN_SCOPE_LIST },
		{ { .code = "OK", .kind = "fixed", .value = "5",
		    .categories = "a,<b>" }, CPN_SCOPE_LIST },
	};
	enum coupon_err errs[CPN__MAX];
	struct coupon c;
	enum coupon_err e;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		CHECK_INT(parse(&cases[i].f, &c, &e), 1);
		CHECK_INT(e, cases[i].want);
	}
	/* Every broken rule at once, each named once. */
	CHECK_INT(coupon_parse(&(struct coupon_form){ .code = "", .kind = "",
	    .min = "x", .max_uses = "x", .per_customer = "x" }, &c, errs), 5);
	for (int i = 0; i < CPN__MAX; i++)
		CHECK(coupon_err_names[i] != NULL);
}

TEST(coupon_status_names_where_a_code_stands)
{
	struct coupon c = { .active = 1 };

	CHECK_STR(coupon_status(&c, 1000), "active");
	c.starts_at = 2000;
	CHECK_STR(coupon_status(&c, 1000), "not_yet");
	c.starts_at = 0, c.expires_at = 1000;
	CHECK_STR(coupon_status(&c, 1000), "expired");
	c.expires_at = 0, c.max_uses = 2, c.uses = 2;
	CHECK_STR(coupon_status(&c, 1000), "used_up");
	c.active = 0;
	CHECK_STR(coupon_status(&c, 1000), "disabled");
}
