/* conf.h — store configuration.
 *
 * Read once per process from the file named by $SOUK_CONF (key = value lines,
 * '#' comments); every key may be overridden by the environment variable
 * SOUK_<KEY> in upper case (SOUK_DB_PATH, SOUK_BASE_URL...), so `make run` and
 * the tests configure the store without editing files.  Unknown keys in the
 * file are errors (a typo must not silently keep a default).
 *
 * To add a key: an enum entry here and a row in conf.c's table. */
#ifndef SOUK_CONF_H
#define SOUK_CONF_H

enum conf_key {
	CONF_DB_PATH,
	CONF_STORE_NAME,
	CONF_CURRENCY,
	CONF_CURRENCY_DECIMALS,
	CONF_CURRENCY_SYMBOL,
	CONF_TIMEZONE,
	CONF_BASE_URL,
	CONF_DEFAULT_LANG,
	CONF_TEMPLATE_DIR,
	CONF_LANG_DIR,
	CONF_DATA_DIR,
	CONF_MAX_BODY,
	CONF_MAX_UPLOAD,
	CONF_PAGE_CACHE,
	CONF_SHOP_EMAIL,
	CONF_MAIL_FROM,
	CONF_SMTP_HOST,
	CONF_SMTP_PORT,
	CONF_SMTP_STARTTLS,
	CONF_SMTP_USER,
	CONF_SMTP_PASSWORD,
	CONF_SMTP_TIMEOUT,
	CONF_MAIL_GIVE_UP,
	CONF_MAIL_RETRY_BASE,
	CONF_MAIL_RETRY_MAX,
	CONF_MAIL_5XX_ATTEMPTS,
	CONF_MAIL_AFTER_RESPONSE,
	CONF_CONTACT_RATE_LIMIT,
	/* Cart and checkout (README "Cart, checkout and orders"). */
	CONF_PAY_METHODS,
	CONF_PAY_BANK_NAME,
	CONF_PAY_BANK_HOLDER,
	CONF_PAY_BANK_IBAN,
	CONF_PAY_BANK_BIC,
	CONF_PAY_MOBILE,
	CONF_ORDER_PREFIX,
	CONF_DEFAULT_COUNTRY,
	/* Order limits and unpaid-order expiry (docs/checkout.md). */
	CONF_ORDER_MAX_QTY,
	CONF_ORDER_MAX_UNITS,
	CONF_ORDER_RATE_LIMIT,
	CONF_PROOF_RATE_LIMIT,
	CONF_PROOF_ORDER_BYTES,
	CONF_PROOF_ADDRESS_BYTES,
	CONF_ORDER_HOLD_BANK,
	CONF_ORDER_HOLD_MOBILE,
	CONF_ORDER_HOLD_COD,
	CONF__MAX
};

/* Loads the file (if $SOUK_CONF is set) and the environment.  Returns 0, or
 * -1 after logging what is wrong.  Safe to call again (reloads). */
int		 conf_load(void);
/* Loads from an explicit path instead of $SOUK_CONF (NULL: defaults + env). */
int		 conf_load_file(const char *path);
/* The value of a key (never NULL; "" when unset). Owned by the module. */
const char	*conf_str(enum conf_key);
long long	 conf_int(enum conf_key);
const char	*conf_name(enum conf_key);
/* Sets a value (tests, soukctl flags). */
void		 conf_set(enum conf_key, const char *);
/* 1 when base_url is https (cookies get the Secure flag). */
int		 conf_https(void);
/* Decimals of an ISO 4217 code we know, or -1. */
int		 conf_currency_decimals(const char *code);

#endif
