/* valid.c — fuzzes every validator, and money parsing against money
 * formatting: what money_plain writes, valid_money reads back. */
#include <limits.h>

#include "store_conf.h"
#include "fuzz.h"
#include "money.h"
#include "utf8.h"
#include "valid.h"

static const char *const choices[] = { "new", "price", "price-desc", NULL };

static const struct valid_key keys[] = {
	{ "i", V_INT, -1000, 1000, NULL, 0, NULL },
	{ "m", V_FUNC, 0, 0, NULL, 0, money_field },
	{ "s", V_SLUG, 0, 40, NULL, 1, NULL },
	{ "e", V_EMAIL, 0, 0, NULL, 1, NULL },
	{ "l", V_LINE, 1, 20, NULL, 0, NULL },
	{ "t", V_TEXT, 0, 50, NULL, 0, NULL },
	{ "c", V_ENUM, 0, 0, choices, 0, NULL },
	{ "b", V_BOOL, 0, 0, NULL, 0, NULL },
	{ "k", V_TOKEN, 4, 43, NULL, 0, NULL },
};

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const decs[] = { "0", "2", "3", "4" };
	struct arena a;
	struct val v;
	const char *err;
	char *s, out[MONEY_BUF];
	long long n;
	int dec;

	if (size < 1)
		return 0;
	dec = data[0] & 3;
	s = fuzz_cstr(data + 1, size - 1);
	arena_init(&a, 4096);
	store_conf_define();
	conf_set(CONF_CURRENCY_DECIMALS, decs[dec]);
	dec = dec == 3 ? 4 : dec;

	if (valid_int(s, -1000, 1000, &n, &err) == 0)
		FUZZ_ASSERT(n >= -1000 && n <= 1000);
	if (valid_int(s, LLONG_MIN, LLONG_MAX, &n, &err) == 0) {
		snprintf(out, sizeof(out), "%lld", n);
		FUZZ_ASSERT(valid_int(out, LLONG_MIN, LLONG_MAX, &n, &err) == 0);
	}
	if (valid_money(s, dec, 0, LLONG_MAX, &n, &err) == 0) {
		long long back;
		FUZZ_ASSERT(n >= 0);
		money_plain(out, sizeof(out), n, dec);
		FUZZ_ASSERT(valid_money(out, dec, 0, LLONG_MAX, &back, &err) == 0);
		FUZZ_ASSERT(back == n);
		money_format(out, sizeof(out), n, dec, "$", LANG_EN);
		FUZZ_ASSERT(utf8_valid(out, strlen(out)));
		money_format(out, sizeof(out), -n, dec, "TND", LANG_FR);
		FUZZ_ASSERT(utf8_valid(out, strlen(out)));
	}
	if (valid_slug(s, 120, &err) == 0)
		FUZZ_ASSERT(strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789-") ==
		    strlen(s) && strlen(s) <= 120);
	if (valid_email(s, &err) == 0) {
		const char *at = strchr(s, '@');
		FUZZ_ASSERT(at != NULL && strchr(at + 1, '@') == NULL);
		FUZZ_ASSERT(strlen(s) <= 254 && utf8_valid(s, strlen(s)));
		FUZZ_ASSERT(strpbrk(s, "\r\n,;<> ") == NULL);
	}
	for (size_t k = 0; k < sizeof(keys) / sizeof(*keys); k++) {
		valid_one(&a, &keys[k], s, &v);
		FUZZ_ASSERT(v.state == VAL_OK || v.state == VAL_ABSENT ||
		    v.state == VAL_INVALID);
		FUZZ_ASSERT(v.state != VAL_INVALID || v.err != NULL);
		if (v.state != VAL_OK)
			continue;
		FUZZ_ASSERT(v.s != NULL);
		if (keys[k].type == V_LINE || keys[k].type == V_TEXT) {
			size_t len = strlen(v.s);
			FUZZ_ASSERT(utf8_valid(v.s, len));
			FUZZ_ASSERT(!utf8_has_controls(v.s, len,
			    keys[k].type == V_TEXT));
			FUZZ_ASSERT(utf8_len(v.s, len) <= (size_t)keys[k].max);
		}
		if (keys[k].type == V_ENUM)
			FUZZ_ASSERT(v.i >= 0 && v.i < 3 &&
			    strcmp(choices[v.i], v.s) == 0);
	}
	arena_free(&a);
	free(s);
	return 0;
}
