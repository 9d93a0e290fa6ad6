/* settings.h — the store settings an admin changes at run time
 * (/admin/settings, docs/admin.md "Settings").
 *
 * Each setting is a row of the settings table named like its souk.conf
 * key; a row overrides that key for every program and soukctl, through
 * conf_set(), so the code that reads conf_str() needs no change.  A
 * setting without a souk.conf key (staff_totp_required) lives only in
 * the database.  No row: the souk.conf (or SOUK_*) value holds.
 *
 * Values are checked with the rules the configuration uses
 * (store_conf_bad(), plus the payment methods' own parsers), when they
 * are saved and again when they are read, so a row edited by hand that
 * breaks a rule is ignored (logged) instead of breaking the shop.
 *
 * Taking effect without a restart: settings_refresh() runs at the start
 * of every request; it costs one "PRAGMA data_version" (no I/O: SQLite
 * compares a counter of the shared WAL index).  When another connection
 * committed something, it reads the settings table's own version (one
 * row, bumped by triggers on settings) and re-reads the table only when
 * that moved: orders, carts and sessions leave it alone.  A change saved
 * through this process is applied at once. */
#ifndef SOUK_SETTINGS_H
#define SOUK_SETTINGS_H
#include "arena.h"
#include "db.h"
#include "db_staff.h"

enum setting_id {
	SET_STORE_NAME,
	SET_SHOP_EMAIL,
	SET_SHOP_LEGAL_NAME,
	SET_SHOP_ADDRESS,
	SET_SHOP_PHONE,
	SET_SHOP_WHATSAPP,
	SET_SHOP_HOURS,
	SET_CURRENCY_SYMBOL,
	SET_TIMEZONE,
	SET_ORDER_PREFIX,
	SET_LOW_STOCK,
	SET_PAY_METHODS,
	SET_PAY_BANK_NAME,
	SET_PAY_BANK_HOLDER,
	SET_PAY_BANK_IBAN,
	SET_PAY_BANK_BIC,
	SET_PAY_MOBILE,
	SET_STAFF_TOTP,
	SET_PAY_MODE,
	SET_STRIPE_SECRET_TEST,
	SET_STRIPE_WEBHOOK_TEST,
	SET_FLOUCI_PUBLIC_TEST,
	SET_FLOUCI_SECRET_TEST,
	SET_STRIPE_SECRET_LIVE,
	SET_STRIPE_WEBHOOK_LIVE,
	SET_FLOUCI_PUBLIC_LIVE,
	SET_FLOUCI_SECRET_LIVE,
	SET_MEDIA_UPLOAD_MAX,
	SETTING__MAX
};

enum setting_kind {
	SETK_LINE,	/* one line of text */
	SETK_BOOL,	/* "1" or "0" */
	SETK_CHOICE,	/* one of choices */
	SETK_SECRET,	/* write-only: never shown, logged or audited */
};

struct setting_def {
	const char		*name;	/* the row's key = the souk.conf key */
	int			 conf;	/* the conf key it overrides, or -1 */
	enum setting_kind	 kind;
	const char		*group;	/* shop, money, payment, security,
					 * gateway_test, gateway_live */
	const char *const	*choices;	/* SETK_CHOICE: NULL-terminated */
};
extern const struct setting_def settings_defs[SETTING__MAX];

/* Re-reads the settings when the database changed since the last call
 * (or a change was saved here) and applies them.  Returns 1 when some
 * value changed (the caller refreshes what it derived from them), 0
 * when nothing did, -1 on a database error (the old values stay). */
int		 settings_refresh(struct db *);
/* The same with the PRAGMA data_version the caller just read (dv, or -1
 * on error): a request that also refreshes the catalog version
 * (catalog_version.h) reads it once for both. */
int		 settings_refresh_at(struct db *, long long dv);
/* The setting named name, or -1. */
int		 settings_find(const char *name);
/* NULL when v is acceptable for setting id, else the Lang.err code of
 * why not.  A secret may be "" (none). */
const char	*settings_bad(enum setting_id, const char *v);
/* The value in force (never NULL; owned by the module or conf). */
const char	*settings_get(enum setting_id);
/* The souk.conf value the setting overrides ("" for a database-only
 * setting). */
const char	*settings_default(enum setting_id);
/* 1 when the database holds a value for it. */
int		 settings_overridden(enum setting_id);
/* 1 when a SETK_BOOL setting is on. */
int		 settings_on(enum setting_id);
/* For a secret: "" when none is in force, else at most its last four
 * characters (none when it is shorter than 12), in the arena. */
const char	*settings_secret_tail(struct arena *, enum setting_id);
/* Writes v (checked by the caller with settings_bad) as the setting, or
 * removes the row when v is NULL (back to souk.conf), inside the
 * caller's transaction; applied by the next settings_refresh().
 * Returns 0 or -1. */
int		 settings_write(struct db *, enum setting_id, const char *v);
/* The admin page's and soukctl's change: checks v (a secret may not be
 * "", then settings_bad) and writes it (NULL: back to souk.conf) with its
 * audit entry in one transaction: who's user_id, actor and addr, action
 * set or reset, kind setting, the key as object and as detail the value,
 * "new secret (not recorded)" for a secret or "back to souk.conf".
 * Returns 0; 1 refused (*why: the Lang.err code, nothing written); -1. */
int		 settings_change(struct db *, enum setting_id, const char *v,
		    const struct audit_entry *who, long long now,
		    const char **why);

#endif
