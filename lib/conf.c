/* conf.c — see conf.h. */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "conf.h"
#include "log.h"

struct conf_def {
	const char *name;
	const char *def;	/* default value */
	const char *help;	/* shown by `soukctl config` */
};

static const struct conf_def defs[CONF__MAX] = {
	[CONF_DB_PATH] = { "db_path", "/var/lib/souk/souk.db", "SQLite database file (its directory must be writable: WAL)" },
	[CONF_STORE_NAME] = { "store_name", "souk", "shop name shown in pages and mails" },
	[CONF_CURRENCY] = { "currency", "USD", "ISO 4217 code of the store currency" },
	[CONF_CURRENCY_DECIMALS] = { "currency_decimals", "", "minor-unit digits; empty: from the currency (TND 3, USD 2, XAF 0)" },
	[CONF_CURRENCY_SYMBOL] = { "currency_symbol", "", "symbol shown with prices; empty: the ISO code" },
	[CONF_TIMEZONE] = { "timezone", "UTC", "time zone for dates shown to people (e.g. Africa/Tunis)" },
	[CONF_BASE_URL] = { "base_url", "http://127.0.0.1:8080", "public URL of the store, no trailing slash" },
	[CONF_DEFAULT_LANG] = { "default_lang", "en", "language when the browser states none we have (en, fr)" },
	[CONF_TEMPLATE_DIR] = { "template_dir", SOUK_SHAREDIR "/templates", "ClearSilver templates" },
	[CONF_LANG_DIR] = { "lang_dir", SOUK_SHAREDIR "/lang", "language strings (en.hdf, fr.hdf)" },
	[CONF_DATA_DIR] = { "data_dir", "/var/lib/souk/files", "private files: payment proofs, downloads (never under htdocs)" },
	[CONF_MAX_BODY] = { "max_body", "1048576", "largest urlencoded request body in bytes" },
	[CONF_MAX_UPLOAD] = { "max_upload", "8388608", "largest multipart upload in bytes" },
	[CONF_PAGE_CACHE] = { "page_cache", "1", "seconds a shared cache may keep anonymous catalog pages (0: never)" },
	[CONF_SHOP_EMAIL] = { "shop_email", "shop@localhost", "where contact messages and new-order mails go" },
	[CONF_MAIL_FROM] = { "mail_from", "souk@localhost", "sender address of every mail" },
	[CONF_SMTP_HOST] = { "smtp_host", "127.0.0.1", "SMTP server" },
	[CONF_SMTP_PORT] = { "smtp_port", "25", "SMTP port (587 for submission)" },
	[CONF_SMTP_STARTTLS] = { "smtp_starttls", "if-available", "never, if-available or required" },
	[CONF_SMTP_USER] = { "smtp_user", "", "SMTP AUTH user (empty: no AUTH)" },
	[CONF_SMTP_PASSWORD] = { "smtp_password", "", "SMTP AUTH password" },
	[CONF_SMTP_TIMEOUT] = { "smtp_timeout", "30", "seconds before a silent SMTP server is given up on" },
	[CONF_MAIL_GIVE_UP] = { "mail_give_up", "259200", "seconds after which an undeliverable mail is marked failed" },
	[CONF_MAIL_RETRY_BASE] = { "mail_retry_base", "60", "seconds before the first retry of a mail; doubles each attempt" },
	[CONF_MAIL_RETRY_MAX] = { "mail_retry_max", "3600", "longest wait in seconds between two attempts of a mail" },
	[CONF_MAIL_5XX_ATTEMPTS] = { "mail_5xx_attempts", "3", "5xx replies a mail may get before it is marked failed" },
	[CONF_MAIL_AFTER_RESPONSE] = { "mail_after_response", "1", "1: programs send the mail a request queued right after its response; 0: only soukctl mail run/daemon send" },
	[CONF_CONTACT_RATE_LIMIT] = { "contact_rate_limit", "5", "contact messages per client address per hour" },
	/* Cart and checkout. */
	[CONF_PAY_METHODS] = { "pay_methods", "bank mobile cod", "payment methods offered, in order: bank, mobile, cod (each also needs its settings)" },
	[CONF_PAY_BANK_NAME] = { "pay_bank_name", "", "bank transfer: the bank's name" },
	[CONF_PAY_BANK_HOLDER] = { "pay_bank_holder", "", "bank transfer: the account holder" },
	[CONF_PAY_BANK_IBAN] = { "pay_bank_iban", "", "bank transfer: IBAN or account number (empty: no bank transfer)" },
	[CONF_PAY_BANK_BIC] = { "pay_bank_bic", "", "bank transfer: BIC / SWIFT code" },
	[CONF_PAY_MOBILE] = { "pay_mobile", "", "mobile money: 'Operator = number' pairs separated by ';' (empty: none)" },
	[CONF_ORDER_PREFIX] = { "order_prefix", "SK", "start of order reference codes (1-6 letters)" },
	[CONF_DEFAULT_COUNTRY] = { "default_country", "TN", "country preselected at checkout (ISO 3166 code)" },
	/* Order limits and unpaid-order expiry (docs/checkout.md). */
	[CONF_ORDER_MAX_QTY] = { "order_max_qty", "10", "most units of one product in one order (subscriptions: at most 5, downloads: 1)" },
	[CONF_ORDER_MAX_UNITS] = { "order_max_units", "30", "most units in one order, all lines together" },
	[CONF_ORDER_RATE_LIMIT] = { "order_rate_limit", "10", "orders placed per client address (IPv6: per /64) per hour" },
	[CONF_PROOF_RATE_LIMIT] = { "proof_rate_limit", "10", "payment proofs uploaded per client address per hour" },
	[CONF_PROOF_ORDER_BYTES] = { "proof_order_bytes", "16777216", "bytes of payment proofs one order may hold" },
	[CONF_PROOF_ADDRESS_BYTES] = { "proof_address_bytes", "33554432", "bytes of payment proofs one client address may upload per day" },
	[CONF_ORDER_HOLD_BANK] = { "order_hold_bank", "172800", "seconds a bank-transfer order without payment proof is held before soukctl cron cancels it (0: never)" },
	[CONF_ORDER_HOLD_MOBILE] = { "order_hold_mobile", "172800", "seconds a mobile-money order without payment proof is held before soukctl cron cancels it (0: never)" },
	[CONF_ORDER_HOLD_COD] = { "order_hold_cod", "0", "seconds a cash-on-delivery order is held before soukctl cron cancels it (0: never; see docs/checkout.md)" },
};

static char *vals[CONF__MAX];

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

const char *
conf_name(enum conf_key k)
{
	return defs[k].name;
}

void
conf_set(enum conf_key k, const char *v)
{
	char *copy = strdup(v);

	if (copy == NULL)
		log_fatal("conf: out of memory");
	free(vals[k]);
	vals[k] = copy;
}

const char *
conf_str(enum conf_key k)
{
	return vals[k] != NULL ? vals[k] : defs[k].def;
}

long long
conf_int(enum conf_key k)
{
	return strtoll(conf_str(k), NULL, 10);
}

int
conf_https(void)
{
	return strncmp(conf_str(CONF_BASE_URL), "https://", 8) == 0;
}

static char *
trim(char *s)
{
	char *e;

	while (isspace((unsigned char)*s))
		s++;
	e = s + strlen(s);
	while (e > s && isspace((unsigned char)e[-1]))
		*--e = '\0';
	return s;
}

static int
key_index(const char *name)
{
	for (int k = 0; k < CONF__MAX; k++)
		if (strcmp(defs[k].name, name) == 0)
			return k;
	return -1;
}

static int
read_file(const char *path)
{
	FILE *f = fopen(path, "r");
	char line[4096];
	int lineno = 0, rc = 0;

	if (f == NULL) {
		log_error("conf: cannot open %s: %s", path, strerror(errno));
		return -1;
	}
	while (fgets(line, sizeof(line), f) != NULL) {
		char *eq, *key, *val;
		int k;

		lineno++;
		key = trim(line);
		if (*key == '\0' || *key == '#')
			continue;
		if ((eq = strchr(key, '=')) == NULL) {
			log_error("conf: %s:%d: expected key = value", path, lineno);
			rc = -1;
			continue;
		}
		*eq = '\0';
		key = trim(key);
		val = trim(eq + 1);
		if ((k = key_index(key)) < 0) {
			log_error("conf: %s:%d: unknown key '%s'", path, lineno, key);
			rc = -1;
			continue;
		}
		conf_set(k, val);
	}
	fclose(f);
	return rc;
}

static void
read_env(void)
{
	char name[64];

	for (int k = 0; k < CONF__MAX; k++) {
		const char *v;
		size_t i;

		snprintf(name, sizeof(name), "SOUK_%s", defs[k].name);
		for (i = 5; name[i]; i++)
			name[i] = (char)toupper((unsigned char)name[i]);
		if ((v = getenv(name)) != NULL)
			conf_set(k, v);
	}
}

/* Keys that must hold a positive number. */
static const enum conf_key positive[] = {
	CONF_SMTP_PORT, CONF_SMTP_TIMEOUT, CONF_MAIL_GIVE_UP,
	CONF_MAIL_RETRY_BASE, CONF_MAIL_RETRY_MAX, CONF_MAIL_5XX_ATTEMPTS,
	CONF_CONTACT_RATE_LIMIT, CONF_ORDER_MAX_QTY, CONF_ORDER_MAX_UNITS,
	CONF_ORDER_RATE_LIMIT, CONF_PROOF_RATE_LIMIT, CONF_PROOF_ORDER_BYTES,
	CONF_PROOF_ADDRESS_BYTES,
};

/* Keys that must hold a number of at least 0 (0: off). */
static const enum conf_key non_negative[] = {
	CONF_ORDER_HOLD_BANK, CONF_ORDER_HOLD_MOBILE, CONF_ORDER_HOLD_COD,
};

/* 1 when s is a whole decimal number (digits only, not too long). */
static int
is_number(const char *s)
{
	size_t n = strspn(s, "0123456789");

	return n > 0 && n <= 15 && s[n] == '\0';
}

/* Checks values whose mistakes would only show much later. */
static int
check(void)
{
	const char *cur = conf_str(CONF_CURRENCY), *url = conf_str(CONF_BASE_URL);
	int rc = 0, dec;
	size_t n;

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
	if (strncmp(url, "http://", 7) != 0 && strncmp(url, "https://", 8) != 0) {
		log_error("conf: base_url must start with http:// or https://");
		rc = -1;
	}
	if ((n = strlen(url)) > 0 && url[n - 1] == '/') {
		char *u = strdup(url);
		if (u == NULL)
			log_fatal("conf: out of memory");
		while (n > 0 && u[n - 1] == '/')
			u[--n] = '\0';
		conf_set(CONF_BASE_URL, u);
		free(u);
	}
	if (strcmp(conf_str(CONF_SMTP_STARTTLS), "never") != 0 &&
	    strcmp(conf_str(CONF_SMTP_STARTTLS), "if-available") != 0 &&
	    strcmp(conf_str(CONF_SMTP_STARTTLS), "required") != 0) {
		log_error("conf: smtp_starttls must be never, if-available or "
		    "required");
		rc = -1;
	}
	for (size_t i = 0; i < sizeof(non_negative) / sizeof(non_negative[0]);
	    i++)
		if (!is_number(conf_str(non_negative[i]))) {
			log_error("conf: %s must be a number of seconds (0: never)",
			    defs[non_negative[i]].name);
			rc = -1;
		}
	for (size_t i = 0; i < sizeof(positive) / sizeof(positive[0]); i++)
		if (conf_int(positive[i]) < 1) {
			log_error("conf: %s must be a number of at least 1",
			    defs[positive[i]].name);
			rc = -1;
		}
	if (strcmp(conf_str(CONF_DEFAULT_LANG), "en") != 0 &&
	    strcmp(conf_str(CONF_DEFAULT_LANG), "fr") != 0) {
		log_error("conf: default_lang must be en or fr");
		rc = -1;
	}
	return rc;
}

int
conf_load_file(const char *path)
{
	int rc = 0;

	for (int k = 0; k < CONF__MAX; k++) {
		free(vals[k]);
		vals[k] = NULL;
	}
	if (path != NULL && *path != '\0' && read_file(path) < 0)
		rc = -1;
	read_env();
	if (check() < 0)
		rc = -1;
	setenv("TZ", conf_str(CONF_TIMEZONE), 1);
	tzset();
	return rc;
}

int
conf_load(void)
{
	return conf_load_file(getenv("SOUK_CONF"));
}
