/* settings.c — see settings.h. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "db_settings.h"
#include "log.h"
#include "pay.h"
#include "settings.h"
#include "store_conf.h"

static const char *const pay_modes[] = { "test", "live", NULL };

const struct setting_def settings_defs[SETTING__MAX] = {
	[SET_STORE_NAME] = { "store_name", CONF_STORE_NAME, SETK_LINE, "shop", NULL },
	[SET_SHOP_EMAIL] = { "shop_email", CONF_SHOP_EMAIL, SETK_LINE, "shop", NULL },
	[SET_SHOP_LEGAL_NAME] = { "shop_legal_name", CONF_SHOP_LEGAL_NAME, SETK_LINE, "shop", NULL },
	[SET_SHOP_ADDRESS] = { "shop_address", CONF_SHOP_ADDRESS, SETK_LINE, "shop", NULL },
	[SET_SHOP_PHONE] = { "shop_phone", CONF_SHOP_PHONE, SETK_LINE, "shop", NULL },
	[SET_SHOP_WHATSAPP] = { "shop_whatsapp", CONF_SHOP_WHATSAPP, SETK_LINE, "shop", NULL },
	[SET_SHOP_HOURS] = { "shop_hours", CONF_SHOP_HOURS, SETK_LINE, "shop", NULL },
	[SET_CURRENCY_SYMBOL] = { "currency_symbol", CONF_CURRENCY_SYMBOL, SETK_LINE, "money", NULL },
	[SET_TIMEZONE] = { "timezone", CONF_TIMEZONE, SETK_LINE, "money", NULL },
	[SET_ORDER_PREFIX] = { "order_prefix", CONF_ORDER_PREFIX, SETK_LINE, "money", NULL },
	[SET_LOW_STOCK] = { "low_stock", CONF_LOW_STOCK, SETK_LINE, "money", NULL },
	[SET_PAY_METHODS] = { "pay_methods", CONF_PAY_METHODS, SETK_LINE, "payment", NULL },
	[SET_PAY_BANK_NAME] = { "pay_bank_name", CONF_PAY_BANK_NAME, SETK_LINE, "payment", NULL },
	[SET_PAY_BANK_HOLDER] = { "pay_bank_holder", CONF_PAY_BANK_HOLDER, SETK_LINE, "payment", NULL },
	[SET_PAY_BANK_IBAN] = { "pay_bank_iban", CONF_PAY_BANK_IBAN, SETK_LINE, "payment", NULL },
	[SET_PAY_BANK_BIC] = { "pay_bank_bic", CONF_PAY_BANK_BIC, SETK_LINE, "payment", NULL },
	[SET_PAY_MOBILE] = { "pay_mobile", CONF_PAY_MOBILE, SETK_LINE, "payment", NULL },
	[SET_STAFF_TOTP] = { "staff_totp_required", -1, SETK_BOOL, "security", NULL },
	[SET_PAY_MODE] = { "pay_mode", CONF_PAY_MODE, SETK_CHOICE, "gateway", pay_modes },
	[SET_STRIPE_SECRET_TEST] = { "stripe_secret_test", CONF_STRIPE_SECRET_TEST, SETK_SECRET, "gateway_test", NULL },
	[SET_STRIPE_WEBHOOK_TEST] = { "stripe_webhook_test", CONF_STRIPE_WEBHOOK_TEST, SETK_SECRET, "gateway_test", NULL },
	[SET_FLOUCI_PUBLIC_TEST] = { "flouci_public_test", CONF_FLOUCI_PUBLIC_TEST, SETK_LINE, "gateway_test", NULL },
	[SET_FLOUCI_SECRET_TEST] = { "flouci_secret_test", CONF_FLOUCI_SECRET_TEST, SETK_SECRET, "gateway_test", NULL },
	[SET_STRIPE_SECRET_LIVE] = { "stripe_secret_live", CONF_STRIPE_SECRET_LIVE, SETK_SECRET, "gateway_live", NULL },
	[SET_STRIPE_WEBHOOK_LIVE] = { "stripe_webhook_live", CONF_STRIPE_WEBHOOK_LIVE, SETK_SECRET, "gateway_live", NULL },
	[SET_FLOUCI_PUBLIC_LIVE] = { "flouci_public_live", CONF_FLOUCI_PUBLIC_LIVE, SETK_LINE, "gateway_live", NULL },
	[SET_FLOUCI_SECRET_LIVE] = { "flouci_secret_live", CONF_FLOUCI_SECRET_LIVE, SETK_SECRET, "gateway_live", NULL },
	[SET_MEDIA_UPLOAD_MAX] = { "media_upload_max", CONF_MEDIA_UPLOAD_MAX, SETK_LINE, "delivery", NULL },
};

static char *base[SETTING__MAX];	/* the souk.conf values, once read */
static char *stored[SETTING__MAX];	/* the database's, NULL: no row */
static long long seen = -2;		/* data_version at the last check */
static long long seen_rows = -2;	/* settings_version at the last read */
static int dirty = 1;			/* saved here: read again */

int
settings_find(const char *name)
{
	for (int i = 0; i < SETTING__MAX; i++)
		if (strcmp(settings_defs[i].name, name) == 0)
			return i;
	return -1;
}

/* Each word of v (blank or comma separated) is a payment method id. */
static int
methods_ok(const char *v)
{
	while (*v) {
		size_t n = strcspn(v, " \t,"), i;

		for (i = 0; n > 0 && pay_ids[i] != NULL; i++)
			if (strlen(pay_ids[i]) == n &&
			    strncmp(pay_ids[i], v, n) == 0)
				break;
		if (n > 0 && pay_ids[i] == NULL)
			return 0;
		v += n;
		v += strspn(v, " \t,");
	}
	return 1;
}

/* pay_mobile's own parser reads v without an error (tried on a copy of
 * the configuration value, then put back). */
static int
wallets_ok(const char *v)
{
	struct pay_wallet w[PAY_MAX_WALLETS];
	char *old;
	int ok;

	if (*v == '\0')
		return 1;
	if ((old = strdup(conf_str(CONF_PAY_MOBILE))) == NULL)
		return 0;
	conf_set(CONF_PAY_MOBILE, v);
	ok = pay_wallets(w) > 0;
	conf_set(CONF_PAY_MOBILE, old);
	free(old);
	return ok;
}

const char *
settings_bad(enum setting_id id, const char *v)
{
	const struct setting_def *d;

	if ((unsigned)id >= SETTING__MAX)
		return "bad_choice";
	d = &settings_defs[id];
	switch (d->kind) {
	case SETK_BOOL:
		return strcmp(v, "0") == 0 || strcmp(v, "1") == 0 ? NULL :
		    "bad_bool";
	case SETK_CHOICE:
		for (size_t i = 0; d->choices[i] != NULL; i++)
			if (strcmp(d->choices[i], v) == 0)
				return NULL;
		return "bad_choice";
	default:
		break;
	}
	if (id == SET_PAY_METHODS && !methods_ok(v))
		return "conf_pay_methods";
	if (id == SET_PAY_MOBILE && !wallets_ok(v))
		return "conf_wallets";
	return d->conf >= 0 ? store_conf_bad(d->conf, v) : NULL;
}

const char *
settings_default(enum setting_id id)
{
	const struct setting_def *d = &settings_defs[id];

	if (d->conf < 0)
		return d->kind == SETK_BOOL ? "0" : "";
	return base[id] != NULL ? base[id] : conf_str(d->conf);
}

const char *
settings_get(enum setting_id id)
{
	const struct setting_def *d = &settings_defs[id];

	if (d->conf >= 0)
		return conf_str(d->conf);
	return stored[id] != NULL ? stored[id] : settings_default(id);
}

int
settings_overridden(enum setting_id id)
{
	return stored[id] != NULL;
}

int
settings_on(enum setting_id id)
{
	return strcmp(settings_get(id), "1") == 0;
}

const char *
settings_secret_tail(struct arena *a, enum setting_id id)
{
	const char *v = settings_get(id);
	size_t n = strlen(v);

	if (n == 0)
		return "";
	return n < 12 ? "-" : arena_strdup(a, v + n - 4);
}

/* 1 when a and b (either may be NULL) differ. */
static int
differ(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a != b;
	return strcmp(a, b) != 0;
}

/* Puts the values in force into the configuration (and the time zone
 * into TZ). */
static void
apply(void)
{
	for (int i = 0; i < SETTING__MAX; i++) {
		const struct setting_def *d = &settings_defs[i];
		if (d->conf >= 0)
			conf_set(d->conf, stored[i] != NULL ? stored[i] :
			    base[i]);
	}
	setenv("TZ", conf_str(CONF_TIMEZONE), 1);
	tzset();
}

int
settings_refresh(struct db *db)
{
	return settings_refresh_at(db, db_data_version(db));
}

int
settings_refresh_at(struct db *db, long long v)
{
	struct setting_row *rows;
	struct arena a;
	long long rv;
	size_t n;
	int changed = 0;

	if (v < 0)
		return -1;
	if (!dirty && v == seen)
		return 0;
	/* Another connection wrote something: read again only when that was
	 * the settings (an order or a cart leaves their version alone). */
	if ((rv = db_settings_version(db)) < 0)
		return -1;
	if (!dirty && rv == seen_rows) {
		seen = v;
		return 0;
	}
	for (int i = 0; i < SETTING__MAX; i++)
		if (settings_defs[i].conf >= 0 && base[i] == NULL &&
		    (base[i] = strdup(conf_str(settings_defs[i].conf))) == NULL)
			log_fatal("settings: out of memory");
	arena_init(&a, 4096);
	if (db_settings_all(db, &a, &rows, &n) < 0) {
		arena_free(&a);
		return -1;
	}
	seen = v;
	seen_rows = rv;
	dirty = 0;
	for (int i = 0; i < SETTING__MAX; i++) {
		const char *val = NULL, *why;

		for (size_t r = 0; r < n && val == NULL; r++)
			if (strcmp(rows[r].key, settings_defs[i].name) == 0)
				val = rows[r].value;
		if (val != NULL && (why = settings_bad(i, val)) != NULL) {
			log_warn("settings: the database's %s is ignored: %s",
			    settings_defs[i].name, store_conf_rule_text(why));
			val = NULL;
		}
		if (!differ(val, stored[i]))
			continue;
		changed = 1;
		free(stored[i]);
		stored[i] = NULL;
		if (val != NULL && (stored[i] = strdup(val)) == NULL)
			log_fatal("settings: out of memory");
	}
	arena_free(&a);
	if (changed)
		apply();
	return changed;
}

int
settings_write(struct db *db, enum setting_id id, const char *v)
{
	dirty = 1;
	if (v == NULL)
		return db_setting_delete(db, settings_defs[id].name);
	return db_setting_set(db, settings_defs[id].name, v);
}

int
settings_change(struct db *db, enum setting_id id, const char *v,
    const struct audit_entry *who, long long now, const char **why)
{
	struct audit_entry e = *who;

	*why = NULL;
	if (v != NULL && settings_defs[id].kind == SETK_SECRET && *v == '\0')
		*why = "setting_secret_empty";
	else if (v != NULL)
		*why = settings_bad(id, v);
	if (*why != NULL)
		return 1;
	e.action = v == NULL ? "reset" : "set";
	e.kind = "setting";
	e.object = settings_defs[id].name;
	e.detail = v == NULL ? "back to souk.conf" : settings_defs[id].kind ==
	    SETK_SECRET ? "new secret (not recorded)" : v;
	if (db_begin(db) < 0)
		return -1;
	if (settings_write(db, id, v) < 0 || db_audit_add(db, &e, now) < 0 ||
	    db_commit(db) < 0) {
		db_rollback(db);
		return -1;
	}
	return 0;
}
