/* store_conf.c — see store_conf.h. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "log.h"
#include "phone.h"
#include "store_conf.h"
#include "utf8.h"
#include "valid.h"

#define K(k) [(k) - CONF_MAIL__END]
static const struct conf_def defs[CONF__MAX - CONF_MAIL__END] = {
	K(CONF_CURRENCY) = { "currency", "USD", "ISO 4217 code of the store currency" },
	K(CONF_CURRENCY_DECIMALS) = { "currency_decimals", "", "minor-unit digits; empty: from the currency (TND 3, USD 2, XAF 0)" },
	K(CONF_CURRENCY_SYMBOL) = { "currency_symbol", "", "symbol shown with prices; empty: the ISO code" },
	K(CONF_DATA_DIR) = { "data_dir", "/var/lib/souk/files", "private files: payment proofs, downloads (never under htdocs)" },
	K(CONF_MEDIA_DIR) = { "media_dir", "/var/lib/souk/media", "product images written by the back office, served by the web server as /media/ (docs/catalog.md)" },
	K(CONF_CONTACT_RATE_LIMIT) = { "contact_rate_limit", "5", "contact messages per client address per hour" },
	K(CONF_FIND_ORDER_RATE_LIMIT) = { "find_order_rate_limit", "10", "\"find my order\" attempts per client address per hour" },
	K(CONF_PAY_METHODS) = { "pay_methods", "bank mobile cod", "payment methods offered, in order: bank, mobile, cod, card, wallet (each also needs its settings)" },
	K(CONF_PAY_BANK_NAME) = { "pay_bank_name", "", "bank transfer: the bank's name" },
	K(CONF_PAY_BANK_HOLDER) = { "pay_bank_holder", "", "bank transfer: the account holder" },
	K(CONF_PAY_BANK_IBAN) = { "pay_bank_iban", "", "bank transfer: IBAN or account number (empty: no bank transfer)" },
	K(CONF_PAY_BANK_BIC) = { "pay_bank_bic", "", "bank transfer: BIC / SWIFT code" },
	K(CONF_PAY_MOBILE) = { "pay_mobile", "", "mobile money: 'Operator = number [= holder]' items separated by ';' (holder: store_name when not given; empty: none)" },
	K(CONF_ORDER_PREFIX) = { "order_prefix", "SK", "start of order reference codes (1-6 letters)" },
	K(CONF_LOW_STOCK) = { "low_stock", "5", "products with at most this many units left are low on stock: listed on the dashboard, and the order that takes one there mails the admins (-1: no mail)" },
	K(CONF_DEFAULT_COUNTRY) = { "default_country", "TN", "country preselected at checkout (ISO 3166 code)" },
	/* Order limits and unpaid-order expiry (docs/order-limits.md). */
	K(CONF_ORDER_MAX_QTY) = { "order_max_qty", "10", "most units of one product in one order (subscriptions: at most 5, downloads: 1)" },
	K(CONF_ORDER_MAX_UNITS) = { "order_max_units", "30", "most units in one order, all lines together" },
	K(CONF_ORDER_RATE_LIMIT) = { "order_rate_limit", "10", "orders placed per client address (IPv6: per /64) per hour" },
	K(CONF_PROOF_RATE_LIMIT) = { "proof_rate_limit", "10", "payment proofs uploaded per client address per hour" },
	K(CONF_PROOF_ORDER_BYTES) = { "proof_order_bytes", "16777216", "bytes of payment proofs one order may hold" },
	K(CONF_PROOF_ADDRESS_BYTES) = { "proof_address_bytes", "33554432", "bytes of payment proofs one client address may upload per day" },
	K(CONF_ORDER_HOLD_BANK) = { "order_hold_bank", "172800", "seconds a bank-transfer order without payment proof is held before soukctl cron cancels it (0: never)" },
	K(CONF_ORDER_HOLD_MOBILE) = { "order_hold_mobile", "172800", "seconds a mobile-money order without payment proof is held before soukctl cron cancels it (0: never)" },
	K(CONF_ORDER_HOLD_COD) = { "order_hold_cod", "0", "seconds a cash-on-delivery order is held before soukctl cron cancels it (0: never; see docs/order-limits.md)" },
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
	K(CONF_PAY_MODE) = { "pay_mode", "test", "online payments: test or live (which gateway keys are used)" },
	K(CONF_STRIPE_API) = { "stripe_api", "https://api.stripe.com", "Stripe API base URL (tests point it at a local fake)" },
	K(CONF_STRIPE_SECRET_TEST) = { "stripe_secret_test", "", "Stripe secret key for test mode (sk_test_...; never logged)" },
	K(CONF_STRIPE_SECRET_LIVE) = { "stripe_secret_live", "", "Stripe secret key for live mode (sk_live_...; never logged)" },
	K(CONF_STRIPE_WEBHOOK_TEST) = { "stripe_webhook_test", "", "Stripe webhook signing secrets for test mode (whsec_...), blank-separated during a rotation" },
	K(CONF_STRIPE_WEBHOOK_LIVE) = { "stripe_webhook_live", "", "Stripe webhook signing secrets for live mode, blank-separated during a rotation" },
	K(CONF_FLOUCI_API) = { "flouci_api", "https://developers.flouci.com", "Flouci API base URL (tests point it at a local fake)" },
	K(CONF_FLOUCI_PUBLIC_TEST) = { "flouci_public_test", "", "Flouci app public key (app_token) for test mode" },
	K(CONF_FLOUCI_SECRET_TEST) = { "flouci_secret_test", "", "Flouci app secret for test mode (never logged)" },
	K(CONF_FLOUCI_PUBLIC_LIVE) = { "flouci_public_live", "", "Flouci app public key (app_token) for live mode" },
	K(CONF_FLOUCI_SECRET_LIVE) = { "flouci_secret_live", "", "Flouci app secret for live mode (never logged)" },
	K(CONF_GATEWAY_CONNECT_TIMEOUT) = { "gateway_connect_timeout", "5", "seconds to connect to a payment gateway" },
	K(CONF_GATEWAY_TIMEOUT) = { "gateway_timeout", "15", "seconds a whole gateway call may take (the shopper never waits longer)" },
	K(CONF_PAY_SESSION_TIMEOUT) = { "pay_session_timeout", "1800", "seconds a hosted payment page stays open (Stripe: at least 1800)" },
	K(CONF_PAY_PAGE_ORIGINS) = { "pay_page_origins", "https://checkout.stripe.com https://flouci.com", "origins of the gateways' hosted pages (blank-separated): the checkout and order forms may lead there (CSP form-action)" },
	K(CONF_ORDER_CHECK_HOURS) = { "order_check_hours", "12", "the order page and mail promise: we check a payment within this many hours (1-240)" },
	K(CONF_ORDER_SHIP_DAYS) = { "order_ship_days", "3", "the order page and mail promise: a parcel ships within this many days of the payment check (1-60)" },
	K(CONF_PAY_EXPIRE_AFTER) = { "pay_expire_after", "7200", "seconds after which soukctl cron cancels an unpaid card/wallet order and releases its stock" },
	/* Reviews and questions (docs/reviews.md). */
	K(CONF_REVIEW_MODERATION) = { "review_moderation", "hold", "new reviews and questions: hold (wait for staff approval) or publish (at once, unless the word list holds them)" },
	K(CONF_REVIEW_EDIT_WINDOW) = { "review_edit_window", "604800", "seconds during which the author may edit a review or question (0: never)" },
	K(CONF_REVIEW_WORDS_FILE) = { "review_words_file", "", "word list that holds a review or question for moderation, one word or phrase a line (empty: the shipped data/review-words.txt)" },
	K(CONF_REVIEW_ACCOUNT_LIMIT) = { "review_account_limit", "10", "reviews, questions, edits and reports per account per hour" },
	K(CONF_REVIEW_ADDRESS_LIMIT) = { "review_address_limit", "30", "reviews, questions, edits and reports per client address (IPv6: per /64) per hour" },
	K(CONF_REVIEW_REPORT_HOLD) = { "review_report_hold", "3", "reports from different customers that take a published review or question back to the moderation queue" },
	K(CONF_DOWNLOAD_HANDOFF) = { "download_handoff", "nginx", "who sends download bytes: nginx (X-Accel-Redirect), apache (X-Sendfile) or stream (the program itself, plain CGI)" },
	K(CONF_DOWNLOAD_INTERNAL) = { "download_internal", "/_souk_downloads/", "nginx: the internal location that aliases data_dir/downloads/" },
	K(CONF_DOWNLOAD_LINK_TTL) = { "download_link_ttl", "86400", "seconds a download link works after it was made" },
	K(CONF_DOWNLOAD_LIMIT) = { "download_limit", "5", "downloads of each file per purchase (0: unlimited)" },
	K(CONF_DOWNLOAD_DAYS) = { "download_days", "0", "days after payment a purchase may be downloaded (0: for ever)" },
	K(CONF_MEDIA_UPLOAD_MAX) = { "media_upload_max", "5242880", "largest file in bytes the admin product page uploads for download (bigger ones: soukctl media add; max_upload and nginx's client_max_body_size bound the request)" },
	K(CONF_CREDENTIALS_KEY_FILE) = { "credentials_key_file", "", "the 32-byte key that encrypts subscription credentials (empty: credentials.key beside db_path); back it up separately" },
	K(CONF_CREDENTIALS_LOW) = { "credentials_low", "3", "free credentials of a product at or below which shop_email is warned" },
	K(CONF_REMINDER_DAYS) = { "reminder_days", "30 7 1", "days before a subscription ends at which a reminder goes (a product may set its own)" },
	K(CONF_EXPIRING_DAYS) = { "expiring_days", "7", "a subscription ending within this many days is 'expiring soon'" },
	K(CONF_CREDENTIALS_IN_MAIL) = { "credentials_in_mail", "0", "1: the \"access is ready\" mail carries the credentials themselves (default 0: only the link to the page that shows them)" },
	K(CONF_TEST_CLOCK) = { "test_clock", "0", "1: SOUK_NOW (unix seconds) replaces the clock of subscriptions and downloads; for tests only" },
	K(CONF_SHOP_LEGAL_NAME) = { "shop_legal_name", "", "the shop's legal name (company or trader), shown in the footer and on the contact page" },
	K(CONF_SHOP_ADDRESS) = { "shop_address", "", "the shop's postal address, one line, shown in the footer and on the contact page" },
	K(CONF_SHOP_PHONE) = { "shop_phone", "", "the shop's phone number in international form (+216 71 000 000), shown as a tel: link" },
	K(CONF_SHOP_WHATSAPP) = { "shop_whatsapp", "", "WhatsApp number in international form (+216 20 000 000), shown as a wa.me link (empty: none)" },
	K(CONF_SHOP_HOURS) = { "shop_hours", "", "opening hours as shoppers should read them (Mon-Sat 9:00-18:00)" },
	K(CONF_NOTIFY_RATE_LIMIT) = { "notify_rate_limit", "10", "\"notify me when back\" requests per client address (IPv6: per /64) per hour" },
	K(CONF_NOTIFY_ADDRESS_LIMIT) = { "notify_address_limit", "5", "\"notify me when back\" requests for one e-mail address per day" },
	K(CONF_BODY_CACHE) = { "body_cache", "2048", "KB of rendered category and product pages each catalog worker keeps for the current catalog version (0: none; docs/performance.md)" },
};

/* Keys that must hold a number of at least 1. */
static const int positive[] = {
	CONF_CONTACT_RATE_LIMIT, CONF_ORDER_MAX_QTY, CONF_ORDER_MAX_UNITS,
	CONF_ORDER_RATE_LIMIT, CONF_PROOF_RATE_LIMIT, CONF_PROOF_ORDER_BYTES,
	CONF_PROOF_ADDRESS_BYTES, CONF_REVIEW_ACCOUNT_LIMIT,
	CONF_REVIEW_ADDRESS_LIMIT, CONF_REVIEW_REPORT_HOLD,
	CONF_ORDER_CHECK_HOURS, CONF_ORDER_SHIP_DAYS,
	CONF_NOTIFY_RATE_LIMIT, CONF_NOTIFY_ADDRESS_LIMIT,
	CONF_MEDIA_UPLOAD_MAX,
};

/* Keys that hold seconds, 0 meaning never. */
static const int holds[] = {
	CONF_ORDER_HOLD_BANK, CONF_ORDER_HOLD_MOBILE, CONF_ORDER_HOLD_COD,
	CONF_REVIEW_EDIT_WINDOW,
};

/* 1 when s is a whole decimal number (digits only, not too long). */
static int
is_number(const char *s)
{
	size_t n = strspn(s, "0123456789");

	return n > 0 && n <= 15 && s[n] == '\0';
}

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


/* The rules of single values (store_conf_bad), with the sentence the
 * log gives for each (the admin shows Lang.err.<code> instead). */
static const struct { const char *code, *text; } rule_texts[] = {
	{ "conf_line", "one line of at most 200 characters, without control characters" },
	{ "conf_required", "must not be empty" },
	{ "bad_email", "must be one e-mail address like name@example.com" },
	{ "conf_phone", "an international number such as +216 71 000 000" },
	{ "conf_prefix", "1 to 6 letters (A-Z)" },
	{ "conf_number", "must be a whole number (0 or more)" },
	{ "conf_timezone", "a time zone name such as Africa/Tunis or UTC (from the tz database)" },
	{ "conf_pay_mode", "must be test or live" },
	{ "conf_key", "a key: letters, digits and _ - . only, at most 200 characters" },
	{ "conf_keys", "keys (letters, digits and _ - .) separated by blanks" },
	{ "conf_symbol", "at most 8 characters on one line" },
	{ "conf_pay_methods", "payment methods among bank, mobile, cod, card, wallet, separated by blanks" },
	{ "conf_wallets", "'Operator = number [= holder]' items separated by ';'" },
};

const char *
store_conf_rule_text(const char *code)
{
	for (size_t i = 0; i < sizeof(rule_texts) / sizeof(*rule_texts); i++)
		if (strcmp(rule_texts[i].code, code) == 0)
			return rule_texts[i].text;
	return code;
}

/* 1 when v is one line of at most max characters, valid UTF-8 without
 * control characters. */
static int
is_line(const char *v, size_t max)
{
	size_t n = strlen(v);

	return utf8_valid(v, n) && !utf8_has_controls(v, n, 0) &&
	    utf8_len(v, n) <= max;
}

/* 1 when v is one key (or, with several, blank-separated keys) of the
 * characters gateways use. */
static int
is_keys(const char *v, int several)
{
	static const char ok[] = "abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.";

	if (strlen(v) > (several ? 1000 : 200))
		return 0;
	while (*v) {
		size_t n = strspn(v, ok);
		if (n == 0 || (!several && v[n] != '\0'))
			return 0;
		v += n;
		if (*v != ' ' && *v != '\0')
			return 0;
		v += strspn(v, " ");
	}
	return 1;
}

/* 1 when v names a zone of the tz database (a file under TZDIR or
 * /usr/share/zoneinfo), or is UTC. */
static int
is_zone(const char *v)
{
	const char *dir = getenv("TZDIR");
	char path[512];

	if (strcmp(v, "UTC") == 0)
		return 1;
	if (*v == '\0' || *v == '/' || strstr(v, "..") != NULL ||
	    v[strspn(v, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "0123456789/_-+")] != '\0')
		return 0;
	snprintf(path, sizeof(path), "%s/%s", dir && *dir ? dir :
	    "/usr/share/zoneinfo", v);
	return access(path, R_OK) == 0;
}

const char *
store_conf_bad(int k, const char *v)
{
	char e164[PHONE_E164_BUF];
	const char *err;
	size_t n;

	switch (k) {
	case CONF_STORE_NAME:
		if (*v == '\0')
			return "conf_required";
		return is_line(v, 200) ? NULL : "conf_line";
	case CONF_SHOP_EMAIL:
		return valid_email_syntax(v, 0) ? NULL : "bad_email";
	case CONF_SHOP_LEGAL_NAME: case CONF_SHOP_ADDRESS: case CONF_SHOP_HOURS:
	case CONF_PAY_BANK_NAME: case CONF_PAY_BANK_HOLDER:
	case CONF_PAY_BANK_IBAN: case CONF_PAY_BANK_BIC:
		return is_line(v, 200) ? NULL : "conf_line";
	case CONF_CURRENCY_SYMBOL:
		return is_line(v, 8) ? NULL : "conf_symbol";
	case CONF_SHOP_PHONE: case CONF_SHOP_WHATSAPP:
		if (*v && ((*v != '+' && strncmp(v, "00", 2) != 0) ||
		    phone_e164(v, NULL, e164, &err) < 0))
			return "conf_phone";
		return NULL;
	case CONF_ORDER_PREFIX:
		n = strspn(v, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");
		return n >= 1 && n <= 6 && v[n] == '\0' ? NULL : "conf_prefix";
	case CONF_LOW_STOCK: case CONF_MEDIA_UPLOAD_MAX:
		return is_number(v) ? NULL : "conf_number";
	case CONF_TIMEZONE:
		return is_zone(v) ? NULL : "conf_timezone";
	case CONF_PAY_MODE:
		return strcmp(v, "test") == 0 || strcmp(v, "live") == 0 ? NULL :
		    "conf_pay_mode";
	case CONF_STRIPE_SECRET_TEST: case CONF_STRIPE_SECRET_LIVE:
	case CONF_FLOUCI_PUBLIC_TEST: case CONF_FLOUCI_SECRET_TEST:
	case CONF_FLOUCI_PUBLIC_LIVE: case CONF_FLOUCI_SECRET_LIVE:
		return is_keys(v, 0) ? NULL : "conf_key";
	case CONF_STRIPE_WEBHOOK_TEST: case CONF_STRIPE_WEBHOOK_LIVE:
		return is_keys(v, 1) ? NULL : "conf_keys";
	default:
		return NULL;
	}
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
	for (size_t i = 0; i < sizeof(positive) / sizeof(positive[0]); i++)
		if (conf_need_positive(positive[i]) < 0)
			rc = -1;
	if (!is_number(conf_str(CONF_BODY_CACHE)) ||
	    conf_int(CONF_BODY_CACHE) > 1024 * 1024) {
		log_error("conf: body_cache must be a number of KB, 0 to 1048576");
		rc = -1;
	}
	for (size_t i = 0; i < sizeof(holds) / sizeof(holds[0]); i++)
		if (!is_number(conf_str(holds[i]))) {
			log_error("conf: %s must be a number of seconds (0: never)",
			    conf_name(holds[i]));
			rc = -1;
		}
	if (conf_str(CONF_PAY_PAGE_ORIGINS)[strspn(conf_str(
	    CONF_PAY_PAGE_ORIGINS), "abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.:/- ")] != '\0') {
		log_error("conf: pay_page_origins: only origins such as "
		    "https://checkout.stripe.com, separated by blanks");
		rc = -1;
	}
	if (strcmp(conf_str(CONF_REVIEW_MODERATION), "hold") != 0 &&
	    strcmp(conf_str(CONF_REVIEW_MODERATION), "publish") != 0) {
		log_error("conf: review_moderation must be hold or publish");
		rc = -1;
	}
	for (int k = 0; k < CONF__MAX; k++) {
		const char *why = store_conf_bad(k, conf_str(k));
		if (why != NULL) {
			log_error("conf: %s: %s", conf_name(k),
			    store_conf_rule_text(why));
			rc = -1;
		}
	}
	if (conf_need_positive(CONF_GATEWAY_CONNECT_TIMEOUT) < 0 ||
	    conf_need_positive(CONF_GATEWAY_TIMEOUT) < 0 ||
	    conf_need_positive(CONF_PAY_SESSION_TIMEOUT) < 0 ||
	    conf_need_positive(CONF_PAY_EXPIRE_AFTER) < 0)
		rc = -1;
	return rc;
}

void
store_conf_define(void)
{
	mail_conf_define();
	conf_define(CONF_MAIL__END, defs, CONF__MAX - CONF_MAIL__END, check);
}
