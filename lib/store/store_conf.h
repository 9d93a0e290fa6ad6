/* store_conf.h — the store's configuration keys (see conf.h): shop
 * identity, currency, payment methods, limits.  Settings an admin may
 * change at run time live in the database (a later layer reads them over
 * these defaults). */
#ifndef SOUK_STORE_CONF_H
#define SOUK_STORE_CONF_H
#include "mail_conf.h"

enum conf_store_key {
	CONF_CURRENCY = CONF_MAIL__END,
	CONF_CURRENCY_DECIMALS,
	CONF_CURRENCY_SYMBOL,
	CONF_DATA_DIR,
	CONF_MEDIA_DIR,
	CONF_CONTACT_RATE_LIMIT,
	CONF_FIND_ORDER_RATE_LIMIT,
	/* Cart and checkout (docs/checkout.md). */
	CONF_PAY_METHODS,
	CONF_PAY_BANK_NAME,
	CONF_PAY_BANK_HOLDER,
	CONF_PAY_BANK_IBAN,
	CONF_PAY_BANK_BIC,
	CONF_PAY_MOBILE,
	CONF_ORDER_PREFIX,
	CONF_DEFAULT_COUNTRY,
	/* Order limits and unpaid-order expiry (docs/order-limits.md). */
	CONF_ORDER_MAX_QTY,
	CONF_ORDER_MAX_UNITS,
	CONF_ORDER_RATE_LIMIT,
	CONF_PROOF_RATE_LIMIT,
	CONF_PROOF_ORDER_BYTES,
	CONF_PROOF_ADDRESS_BYTES,
	CONF_ORDER_HOLD_BANK,
	CONF_ORDER_HOLD_MOBILE,
	CONF_ORDER_HOLD_COD,
	/* Accounts and sessions (docs/accounts.md). */
	CONF_SCRYPT_LOG2N,
	CONF_SCRYPT_R,
	CONF_SCRYPT_P,
	CONF_HASH_CONCURRENCY,
	CONF_SESSION_LIFETIME,
	CONF_SESSION_IDLE,
	CONF_LOGIN_DELAY_AFTER,
	CONF_LOGIN_LOCK_AFTER,
	CONF_LOGIN_DELAY_BASE,
	CONF_LOGIN_DELAY_MAX,
	CONF_LOGIN_CLIENT_AFTER,
	CONF_REGISTER_RATE_LIMIT,
	/* Online payments (docs/payments.md). */
	CONF_PAY_MODE,
	CONF_STRIPE_API,
	CONF_STRIPE_SECRET_TEST,
	CONF_STRIPE_SECRET_LIVE,
	CONF_STRIPE_WEBHOOK_TEST,
	CONF_STRIPE_WEBHOOK_LIVE,
	CONF_FLOUCI_API,
	CONF_FLOUCI_PUBLIC_TEST,
	CONF_FLOUCI_SECRET_TEST,
	CONF_FLOUCI_PUBLIC_LIVE,
	CONF_FLOUCI_SECRET_LIVE,
	CONF_GATEWAY_CONNECT_TIMEOUT,
	CONF_GATEWAY_TIMEOUT,
	CONF_PAY_SESSION_TIMEOUT,
	CONF_PAY_EXPIRE_AFTER,
	CONF_PAY_PAGE_ORIGINS,
	/* Reviews and questions (docs/reviews.md). */
	CONF_REVIEW_MODERATION,
	CONF_REVIEW_EDIT_WINDOW,
	CONF_REVIEW_WORDS_FILE,
	CONF_REVIEW_ACCOUNT_LIMIT,
	CONF_REVIEW_ADDRESS_LIMIT,
	CONF_REVIEW_REPORT_HOLD,
	/* Digital delivery and subscriptions (docs/delivery.md). */
	CONF_DOWNLOAD_HANDOFF,
	CONF_DOWNLOAD_INTERNAL,
	CONF_DOWNLOAD_LINK_TTL,
	CONF_DOWNLOAD_LIMIT,
	CONF_DOWNLOAD_DAYS,
	CONF_MEDIA_UPLOAD_MAX,
	CONF_CREDENTIALS_KEY_FILE,
	CONF_CREDENTIALS_LOW,
	CONF_REMINDER_DAYS,
	CONF_EXPIRING_DAYS,
	CONF_CREDENTIALS_IN_MAIL,
	CONF_TEST_CLOCK,
	/* What happens next (the order page's timeline, docs/checkout.md). */
	CONF_ORDER_CHECK_HOURS,
	CONF_ORDER_SHIP_DAYS,
	/* Shop identity and contact channels (docs/content.md). */
	CONF_SHOP_LEGAL_NAME,
	CONF_SHOP_ADDRESS,
	CONF_SHOP_PHONE,
	CONF_SHOP_WHATSAPP,
	CONF_SHOP_HOURS,
	/* Wishlist and "notify me" (docs/content.md). */
	CONF_NOTIFY_RATE_LIMIT,
	CONF_NOTIFY_ADDRESS_LIMIT,
	CONF_LOW_STOCK,
	/* Each catalog worker's kept page bodies (lib/site/body_cache.h). */
	CONF_BODY_CACHE,
	CONF__MAX
};

/* Declares every key of the store and the layers below (idempotent): call
 * before conf_load() in every program and in soukctl. */
void	store_conf_define(void);
/* The rule of one value: NULL when v is acceptable for key k (or k has
 * no rule of its own), else the Lang.err code of why not ("conf_line",
 * "conf_phone", "bad_email"...).  The configuration's check and the
 * admin's settings (settings.h) both use it. */
const char *store_conf_bad(int k, const char *v);
/* The English sentence the log gives for a store_conf_bad() code. */
const char *store_conf_rule_text(const char *code);
/* Decimals of an ISO 4217 code we know, or -1. */
int	conf_currency_decimals(const char *code);

#endif
