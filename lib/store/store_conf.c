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
	K(CONF_PAY_METHODS) = { "pay_methods", "bank mobile cod", "payment methods offered, in order: bank, mobile, cod (each also needs its settings)" },
	K(CONF_PAY_BANK_NAME) = { "pay_bank_name", "", "bank transfer: the bank's name" },
	K(CONF_PAY_BANK_HOLDER) = { "pay_bank_holder", "", "bank transfer: the account holder" },
	K(CONF_PAY_BANK_IBAN) = { "pay_bank_iban", "", "bank transfer: IBAN or account number (empty: no bank transfer)" },
	K(CONF_PAY_BANK_BIC) = { "pay_bank_bic", "", "bank transfer: BIC / SWIFT code" },
	K(CONF_PAY_MOBILE) = { "pay_mobile", "", "mobile money: 'Operator = number' pairs separated by ';' (empty: none)" },
	K(CONF_ORDER_PREFIX) = { "order_prefix", "SK", "start of order reference codes (1-6 letters)" },
	K(CONF_DEFAULT_COUNTRY) = { "default_country", "TN", "country preselected at checkout (ISO 3166 code)" },
	K(CONF_SCRYPT_LOG2N) = { "scrypt_log2n", "13", "password hashing: scrypt N = 2^this (10-20); changing it rehashes each password at its next login" },
	K(CONF_SCRYPT_R) = { "scrypt_r", "8", "password hashing: scrypt block size r" },
	K(CONF_SCRYPT_P) = { "scrypt_p", "1", "password hashing: scrypt parallelism p" },
	K(CONF_HASH_CONCURRENCY) = { "hash_concurrency", "0", "password hashes running at once on this machine, all programs together (0: half the cores); over it: 503" },
	K(CONF_SESSION_LIFETIME) = { "session_lifetime", "86400", "seconds a login lasts at most" },
	K(CONF_SESSION_IDLE) = { "session_idle", "7200", "seconds without a request after which a login ends" },
	K(CONF_LOGIN_DELAY_AFTER) = { "login_delay_after", "5", "failed logins of one account before each next attempt must wait" },
	K(CONF_LOGIN_LOCK_AFTER) = { "login_lock_after", "20", "failed logins of one account that lock it until the mailed unlock link is followed" },
	K(CONF_LOGIN_DELAY_BASE) = { "login_delay_base", "30", "first wait in seconds after login_delay_after failures; doubles with each further failure" },
	K(CONF_LOGIN_DELAY_MAX) = { "login_delay_max", "900", "longest wait in seconds between two login attempts" },
	K(CONF_LOGIN_CLIENT_AFTER) = { "login_client_after", "50", "failed logins from one client address (any accounts) before it must wait" },
	K(CONF_REGISTER_RATE_LIMIT) = { "register_rate_limit", "10", "registrations, reset and verification mails per client address per hour" },
	K(CONF_DOWNLOAD_HANDOFF) = { "download_handoff", "nginx", "who sends download bytes: nginx (X-Accel-Redirect), apache (X-Sendfile) or stream (the program itself, plain CGI)" },
	K(CONF_DOWNLOAD_INTERNAL) = { "download_internal", "/_souk_downloads/", "nginx: the internal location that aliases data_dir/downloads/" },
	K(CONF_DOWNLOAD_LINK_TTL) = { "download_link_ttl", "86400", "seconds a download link works after it was made" },
	K(CONF_DOWNLOAD_LIMIT) = { "download_limit", "5", "downloads of each file per purchase (0: unlimited)" },
	K(CONF_DOWNLOAD_DAYS) = { "download_days", "0", "days after payment a purchase may be downloaded (0: for ever)" },
	K(CONF_CREDENTIALS_KEY_FILE) = { "credentials_key_file", "", "the 32-byte key that encrypts subscription credentials (empty: credentials.key beside db_path); back it up separately" },
	K(CONF_CREDENTIALS_LOW) = { "credentials_low", "3", "free credentials of a product at or below which shop_email is warned" },
	K(CONF_REMINDER_DAYS) = { "reminder_days", "30 7 1", "days before a subscription ends at which a reminder goes (a product may set its own)" },
	K(CONF_EXPIRING_DAYS) = { "expiring_days", "7", "a subscription ending within this many days is 'expiring soon'" },
	K(CONF_TEST_CLOCK) = { "test_clock", "0", "1: SOUK_NOW (unix seconds) replaces the clock of subscriptions and downloads; for tests only" },
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
