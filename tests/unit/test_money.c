/* test_money.c — formatting minor units for people and for forms. */
#include <limits.h>

#include "store_conf.h"
#include "money.h"
#include "t.h"

#define NNBSP "\xe2\x80\xaf"	/* U+202F narrow no-break space */
#define NBSP "\xc2\xa0"		/* U+00A0 no-break space */
#define EURO "\xe2\x82\xac"
#define POUND "\xc2\xa3"

static const char *
fmt(long long minor, int dec, const char *sym, enum lang l)
{
	static char out[MONEY_BUF];

	return money_format(out, sizeof(out), minor, dec, sym, l);
}

TEST(money_three_decimals_en_fr)
{
	CHECK_STR(fmt(0, 3, "TND", LANG_EN), "0.000" NBSP "TND");
	CHECK_STR(fmt(1, 3, "TND", LANG_EN), "0.001" NBSP "TND");
	CHECK_STR(fmt(30000, 3, "TND", LANG_EN), "30.000" NBSP "TND");
	CHECK_STR(fmt(999999, 3, "TND", LANG_EN), "999.999" NBSP "TND");
	CHECK_STR(fmt(1234500, 3, "TND", LANG_EN), "1,234.500" NBSP "TND");
	CHECK_STR(fmt(1234567890, 3, "TND", LANG_EN),
	    "1,234,567.890" NBSP "TND");
	CHECK_STR(fmt(30000, 3, "TND", LANG_FR), "30,000" NBSP "TND");
	CHECK_STR(fmt(1234500, 3, "TND", LANG_FR),
	    "1" NNBSP "234,500" NBSP "TND");
	CHECK_STR(fmt(1234567890, 3, "TND", LANG_FR),
	    "1" NNBSP "234" NNBSP "567,890" NBSP "TND");
}

TEST(money_two_decimals_symbols)
{
	/* $, € and £ go before the number in English... */
	CHECK_STR(fmt(1250, 2, "$", LANG_EN), "$12.50");
	CHECK_STR(fmt(5, 2, "$", LANG_EN), "$0.05");
	CHECK_STR(fmt(123456789, 2, "$", LANG_EN), "$1,234,567.89");
	CHECK_STR(fmt(1250, 2, EURO, LANG_EN), EURO "12.50");
	CHECK_STR(fmt(1250, 2, POUND, LANG_EN), POUND "12.50");
	/* ...and after it in French. */
	CHECK_STR(fmt(1250, 2, "$", LANG_FR), "12,50" NBSP "$");
	CHECK_STR(fmt(123456789, 2, EURO, LANG_FR),
	    "1" NNBSP "234" NNBSP "567,89" NBSP EURO);
	/* Other symbols and codes always follow. */
	CHECK_STR(fmt(1250, 2, "USD", LANG_EN), "12.50" NBSP "USD");
	CHECK_STR(fmt(1250, 2, "DT", LANG_EN), "12.50" NBSP "DT");
}

TEST(money_zero_decimals)
{
	CHECK_STR(fmt(0, 0, "XAF", LANG_EN), "0" NBSP "XAF");
	CHECK_STR(fmt(999, 0, "XAF", LANG_EN), "999" NBSP "XAF");
	CHECK_STR(fmt(1000, 0, "XAF", LANG_EN), "1,000" NBSP "XAF");
	CHECK_STR(fmt(1500, 0, "XAF", LANG_FR), "1" NNBSP "500" NBSP "XAF");
	CHECK_STR(fmt(100000, 0, "XAF", LANG_FR), "100" NNBSP "000" NBSP "XAF");
	CHECK_STR(fmt(1000000, 0, "XAF", LANG_EN), "1,000,000" NBSP "XAF");
}

TEST(money_negatives)
{
	CHECK_STR(fmt(-1500, 3, "TND", LANG_EN), "-1.500" NBSP "TND");
	CHECK_STR(fmt(-1, 3, "TND", LANG_EN), "-0.001" NBSP "TND");
	CHECK_STR(fmt(-1234500, 3, "TND", LANG_FR),
	    "-1" NNBSP "234,500" NBSP "TND");
	CHECK_STR(fmt(-1000, 0, "XAF", LANG_EN), "-1,000" NBSP "XAF");
	/* The sign goes before a leading symbol: -$12.50, not $-12.50. */
	CHECK_STR(fmt(-1250, 2, "$", LANG_EN), "-$12.50");
	CHECK_STR(fmt(-1250, 2, EURO, LANG_EN), "-" EURO "12.50");
	CHECK_STR(fmt(-1250, 2, "$", LANG_FR), "-12,50" NBSP "$");
	/* The extremes neither overflow nor truncate. */
	CHECK_STR(fmt(LLONG_MIN, 2, "USD", LANG_EN),
	    "-92,233,720,368,547,758.08" NBSP "USD");
	CHECK_STR(fmt(LLONG_MAX, 0, "XAF", LANG_FR),
	    "9" NNBSP "223" NNBSP "372" NNBSP "036" NNBSP "854" NNBSP "775"
	    NNBSP "807" NBSP "XAF");
}

TEST(money_plain_for_forms)
{
	char out[MONEY_BUF];

	CHECK_STR(money_plain(out, sizeof(out), 12500, 3), "12.500");
	CHECK_STR(money_plain(out, sizeof(out), 1234567, 2), "12345.67");
	CHECK_STR(money_plain(out, sizeof(out), -5, 2), "-0.05");
	CHECK_STR(money_plain(out, sizeof(out), 0, 2), "0.00");
	CHECK_STR(money_plain(out, sizeof(out), 1500, 0), "1500");
	CHECK_STR(money_plain(out, sizeof(out), -1500, 0), "-1500");
	CHECK_STR(money_plain(out, sizeof(out), LLONG_MIN, 3),
	    "-9223372036854775.808");
	/* Out-of-range decimals are clamped, never a wild format. */
	CHECK_STR(money_plain(out, sizeof(out), 12345, 9), "1.2345");
	CHECK_STR(money_plain(out, sizeof(out), 12345, -1), "12345");
}

TEST(money_store_uses_configuration)
{
	char out[MONEY_BUF];

	conf_set(CONF_CURRENCY, "TND");
	conf_set(CONF_CURRENCY_DECIMALS, "3");
	conf_set(CONF_CURRENCY_SYMBOL, "");
	CHECK_STR(money_store(out, sizeof(out), 1234500, LANG_EN),
	    "1,234.500" NBSP "TND");
	conf_set(CONF_CURRENCY, "USD");
	conf_set(CONF_CURRENCY_DECIMALS, "2");
	conf_set(CONF_CURRENCY_SYMBOL, "$");
	CHECK_STR(money_store(out, sizeof(out), 1250, LANG_EN), "$12.50");
	CHECK_STR(money_store(out, sizeof(out), 1250, LANG_FR), "12,50" NBSP "$");
	conf_set(CONF_CURRENCY_SYMBOL, "");
	/* A short buffer truncates but stays a C string. */
	CHECK_STR(money_format(out, 4, 1250, 2, "$", LANG_EN), "$12");
}
