/* store_conf.c — see store_conf.h. */
#include <ctype.h>
#include <string.h>

#include "log.h"
#include "store_conf.h"

#define K(k) [(k) - CONF_MAIL__END]
static const struct conf_def defs[CONF__MAX - CONF_MAIL__END] = {
	K(CONF_CURRENCY) = { "currency", "USD", "ISO 4217 code of the store currency" },
	K(CONF_CURRENCY_DECIMALS) = { "currency_decimals", "", "minor-unit digits; empty: from the currency (TND 3, USD 2, XAF 0)" },
	K(CONF_CURRENCY_SYMBOL) = { "currency_symbol", "", "symbol shown with prices; empty: the ISO code" },
	K(CONF_DATA_DIR) = { "data_dir", "/var/lib/souk/files", "private files: payment proofs, downloads (never under htdocs)" },
	K(CONF_CONTACT_RATE_LIMIT) = { "contact_rate_limit", "5", "contact messages per client address per hour" },
	K(CONF_FIND_ORDER_RATE_LIMIT) = { "find_order_rate_limit", "10", "\"find my order\" attempts per client address per hour" },
	K(CONF_PAY_METHODS) = { "pay_methods", "bank mobile cod", "payment methods offered, in order: bank, mobile, cod (each also needs its settings)" },
	K(CONF_PAY_BANK_NAME) = { "pay_bank_name", "", "bank transfer: the bank's name" },
	K(CONF_PAY_BANK_HOLDER) = { "pay_bank_holder", "", "bank transfer: the account holder" },
	K(CONF_PAY_BANK_IBAN) = { "pay_bank_iban", "", "bank transfer: IBAN or account number (empty: no bank transfer)" },
	K(CONF_PAY_BANK_BIC) = { "pay_bank_bic", "", "bank transfer: BIC / SWIFT code" },
	K(CONF_PAY_MOBILE) = { "pay_mobile", "", "mobile money: 'Operator = number' pairs separated by ';' (empty: none)" },
	K(CONF_ORDER_PREFIX) = { "order_prefix", "SK", "start of order reference codes (1-6 letters)" },
	K(CONF_DEFAULT_COUNTRY) = { "default_country", "TN", "country preselected at checkout (ISO 3166 code)" },
};

static const struct {
	const char *code;
	int decimals;
} currencies[] = {
	{ "BHD", 3 }, { "IQD", 3 }, { "JOD", 3 }, { "KWD", 3 }, { "LYD", 3 },
	{ "OMR", 3 }, { "TND", 3 }, { "BIF", 0 }, { "CLP", 0 }, { "DJF", 0 },
	{ "GNF", 0 }, { "ISK", 0 }, { "JPY", 0 }, { "KMF", 0 }, { "KRW", 0 },
	{ "PYG", 0 }, { "RWF", 0 }, { "UGX", 0 }, { "VND", 0 }, { "VUV", 0 },
	{ "XAF", 0 }, { "XOF", 0 }, { "XPF", 0 },
};

int
conf_currency_decimals(const char *code)
{
	if (strlen(code) != 3)
		return -1;
	for (size_t i = 0; i < sizeof(currencies) / sizeof(currencies[0]); i++)
		if (strcmp(currencies[i].code, code) == 0)
			return currencies[i].decimals;
	for (int i = 0; i < 3; i++)
		if (!isupper((unsigned char)code[i]))
			return -1;
	return 2;	/* ISO 4217: most currencies have two */
}

/* Currency and decimals (filled from the code when empty), limits. */
static int
check(void)
{
	const char *cur = conf_str(CONF_CURRENCY);
	int rc = 0, dec;

	if ((dec = conf_currency_decimals(cur)) < 0) {
		log_error("conf: currency '%s' is not an ISO 4217 code", cur);
		rc = -1;
	}
	if (*conf_str(CONF_CURRENCY_DECIMALS) == '\0' && dec >= 0) {
		char d[2] = { (char)('0' + dec), '\0' };
		conf_set(CONF_CURRENCY_DECIMALS, d);
	} else if (conf_int(CONF_CURRENCY_DECIMALS) < 0 ||
	    conf_int(CONF_CURRENCY_DECIMALS) > 4) {
		log_error("conf: currency_decimals must be 0 to 4");
		rc = -1;
	}
	if (conf_need_positive(CONF_CONTACT_RATE_LIMIT) < 0)
		rc = -1;
	return rc;
}

void
store_conf_define(void)
{
	mail_conf_define();
	conf_define(CONF_MAIL__END, defs, CONF__MAX - CONF_MAIL__END, check);
}
