/* coupon.c — see coupon.h. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "coupon.h"
#include "store_conf.h"
#include "valid.h"

const char *const coupon_err_names[CPN__MAX] = {
	[CPN_OK] = "", [CPN_ERROR] = "error", [CPN_CODE] = "code",
	[CPN_KIND] = "kind", [CPN_PERCENT] = "percent",
	[CPN_AMOUNT] = "amount", [CPN_MIN] = "min", [CPN_STARTS] = "starts",
	[CPN_EXPIRES] = "expires", [CPN_DATES] = "dates",
	[CPN_MAX_USES] = "max_uses", [CPN_PER_CUSTOMER] = "per_customer",
	[CPN_SCOPE_LIST] = "scope_list", [CPN_PRODUCT] = "product",
	[CPN_CATEGORY] = "category", [CPN_TAKEN] = "taken",
	[CPN_NOT_FOUND] = "not_found",
};

#define CODE_CHARS "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz" \
	"0123456789-_"
#define SCOPE_SEP ", \t\r\n"
#define SLUG_MAX 120

/* 1 when s is given (not NULL nor ""). */
static int
given(const char *s)
{
	return s != NULL && *s != '\0';
}

/* 00:00 of "YYYY-MM-DD" in the store's time zone into *out: 0 or -1. */
static int
parse_day(const char *s, long long *out)
{
	struct tm tm;
	const char *end;

	memset(&tm, 0, sizeof(tm));
	if ((end = strptime(s, "%Y-%m-%d", &tm)) == NULL || *end != '\0' ||
	    tm.tm_year < 100)
		return -1;
	tm.tm_isdst = -1;
	*out = (long long)mktime(&tm);
	return *out < 0 ? -1 : 0;
}

/* An optional whole number >= 1 into *out (0 when not given): 0 or -1. */
static int
parse_count(const char *s, long long *out)
{
	const char *err;

	*out = 0;
	return given(s) ? valid_int(s, 1, 1LL << 40, out, &err) : 0;
}

/* 1 when every word of the list s is a slug. */
static int
slugs_ok(const char *s)
{
	char word[SLUG_MAX + 1];
	const char *err;
	size_t n;

	while (s != NULL && *(s += strspn(s, SCOPE_SEP)) != '\0') {
		if ((n = strcspn(s, SCOPE_SEP)) > SLUG_MAX)
			return 0;
		memcpy(word, s, n);
		word[n] = '\0';
		if (valid_slug(word, SLUG_MAX, &err) < 0)
			return 0;
		s += n;
	}
	return 1;
}

size_t
coupon_parse(const struct coupon_form *f, struct coupon *c,
    enum coupon_err *errs)
{
	int dec = (int)conf_int(CONF_CURRENCY_DECIMALS);
	const char *err;
	size_t n = 0;

	c->code = f->code != NULL ? f->code : "";
	c->kind = f->kind != NULL ? f->kind : "";
	c->active = 1;
	c->value = c->min_subtotal_minor = c->starts_at = c->expires_at = 0;
	if (strlen(c->code) < 2 || strlen(c->code) > 40 ||
	    strspn(c->code, CODE_CHARS) != strlen(c->code))
		errs[n++] = CPN_CODE;
	if (strcmp(c->kind, "percent") == 0) {
		if (!given(f->value) ||
		    valid_int(f->value, 1, 100, &c->value, &err) < 0)
			errs[n++] = CPN_PERCENT;
	} else if (strcmp(c->kind, "fixed") == 0) {
		if (!given(f->value) || valid_money(f->value, dec, 1, 1LL << 50,
		    &c->value, &err) < 0)
			errs[n++] = CPN_AMOUNT;
	} else
		errs[n++] = CPN_KIND;
	if (given(f->min) && valid_money(f->min, dec, 0, 1LL << 50,
	    &c->min_subtotal_minor, &err) < 0)
		errs[n++] = CPN_MIN;
	if (given(f->starts) && parse_day(f->starts, &c->starts_at) < 0)
		errs[n++] = CPN_STARTS;
	if (given(f->expires) && parse_day(f->expires, &c->expires_at) < 0)
		errs[n++] = CPN_EXPIRES;
	if (c->starts_at && c->expires_at && c->expires_at <= c->starts_at)
		errs[n++] = CPN_DATES;
	if (parse_count(f->max_uses, &c->max_uses) < 0)
		errs[n++] = CPN_MAX_USES;
	if (parse_count(f->per_customer, &c->max_per_email) < 0)
		errs[n++] = CPN_PER_CUSTOMER;
	if (!slugs_ok(f->products) || !slugs_ok(f->categories))
		errs[n++] = CPN_SCOPE_LIST;
	return n;
}

/* Adds each slug of list s (products, or is_category categories) to
 * coupon id's scope: CPN_OK, CPN_PRODUCT / CPN_CATEGORY (*bad), CPN_ERROR. */
static enum coupon_err
add_scope(struct db *db, struct arena *a, long long id, const char *s,
    int is_category, const char **bad)
{
	long long ref;
	size_t n;

	while (s != NULL && *(s += strspn(s, SCOPE_SEP)) != '\0') {
		char *word = arena_strndup(a, s, n = strcspn(s, SCOPE_SEP));
		if ((ref = db_coupon_scope_id(db, word, is_category)) < 0)
			return CPN_ERROR;
		if (ref == 0) {
			*bad = word;
			return is_category ? CPN_CATEGORY : CPN_PRODUCT;
		}
		if (db_coupon_scope_add(db, id, is_category ? 0 : ref,
		    is_category ? ref : 0) < 0)
			return CPN_ERROR;
		s += n;
	}
	return CPN_OK;
}

enum coupon_err
coupon_save(struct db *db, struct arena *a, struct coupon *c,
    const char *products, const char *categories, const char **bad)
{
	enum coupon_err e;
	long long id;
	int rc;

	if (!slugs_ok(products) || !slugs_ok(categories))
		return CPN_SCOPE_LIST;
	if (c->id == 0) {
		if ((id = db_coupon_create(db, c)) < 0)
			return id == -2 ? CPN_TAKEN : CPN_ERROR;
		c->id = id;
	} else if ((rc = db_coupon_update(db, c)) != 0)
		return rc == DB_NONE ? CPN_NOT_FOUND : rc == -2 ? CPN_TAKEN :
		    CPN_ERROR;
	if (db_coupon_scope_clear(db, c->id) < 0)
		return CPN_ERROR;
	if ((e = add_scope(db, a, c->id, products, 0, bad)) != CPN_OK)
		return e;
	return add_scope(db, a, c->id, categories, 1, bad);
}

const char *
coupon_status(const struct coupon *c, long long now)
{
	if (!c->active)
		return "disabled";
	if (c->starts_at && now < c->starts_at)
		return "not_yet";
	if (c->expires_at && now >= c->expires_at)
		return "expired";
	if (c->max_uses && c->uses >= c->max_uses)
		return "used_up";
	return "active";
}
