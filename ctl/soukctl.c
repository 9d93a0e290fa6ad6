/* soukctl — set up and operate a souk store from the shell.
 * Every command reads the same configuration as the programs ($SOUK_CONF,
 * SOUK_* variables). */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "store_conf.h"
#include "ctl.h"
#include "settings.h"
#include "log.h"

static const struct ctl_cmd cmds[] = {
	{ "init", cmd_init, "", "create the database (schema, secret key)" },
	{ "migrate", cmd_migrate, "[--dir DIR]",
	    "apply pending schema migrations" },
	{ "config", cmd_config, "", "show every configuration key and value" },
	{ "demo", cmd_demo, "", "load the demo catalog (about 215 products)" },
	{ "import-products", cmd_import, "FILE.csv",
	    "create or update products from CSV, all or nothing" },
	{ "export-products", cmd_export_products, "FILE.csv",
	    "every product as CSV in the import's columns" },
	{ "bench-data", cmd_bench_data, "N [--orders M] [--subs S] [--reviews R]",
	    "add N generated products (M orders over two years, S "
	    "subscriptions, R reviews on the first product)" },
	{ "stats", cmd_stats, "rebuild", "recompute the dashboard's daily "
	    "figures from the orders" },
	{ "mail", cmd_mail, "ACTION ...", "the mail outbox: run, daemon, list, "
	    "show, retry" },
	{ "orders", cmd_orders, "list [--status S]", "the newest orders" },
	{ "order", cmd_order, "show ID | set ID STATUS | cancel ID | refund REF [--line N --qty Q] [--reason TEXT]",
	    "one order: lines, history, proofs; a staff status change; cancel "
	    "(stock given back); refund (whole or per line, as the admin)" },
	{ "media", cmd_media, "add FILE --product SLUG", "a file to download "
	    "for a digital product (into data_dir/downloads)" },
	{ "credentials", cmd_credentials, "import FILE --product SLUG",
	    "add a CSV of subscription credentials (sealed with the key file)" },
	{ "subscriptions", cmd_subscriptions, "[--waiting]", "every "
	    "subscription with its status; --waiting: those without access" },
	{ "subscription", cmd_subscription,
	    "suspend|cancel|resume|extend|reassign ID ...",
	    "staff actions on one subscription" },
	{ "export-catalog", cmd_export_catalog, "", "the catalog as JSON "
	    "(films, series, seasons, episodes, plans, prices) on stdout" },
	{ "entitlement", cmd_entitlement, "revoke ORDER LINE | link ENT FILE | "
	    "grant --email E --product SLUG [--days N] [--downloads N] "
	    "[--reason T] | grants --email E | revoke --grant ID",
	    "take back the downloads of one order line; print a fresh link; "
	    "give a customer content without an order, list and take back "
	    "those grants" },
	{ "product-field", cmd_product_field, "set|list|remove SLUG ...",
	    "details a product asks at checkout (MAC address, app name)" },
	{ "coupon", cmd_coupon, "add|list", "create or list discount codes" },
	{ "shipping", cmd_shipping, "list|zone|rate|weight|quote ...",
	    "delivery zones, rates and product weights (docs/shipping.md)" },
	{ "cron", cmd_cron, "[--now UNIX] [--no-mail]", "periodic work: expire "
	    "unpaid orders, reconcile payments, subscription reminders (each "
	    "sent once), deliver mail (every few minutes)" },
	{ "backup", cmd_backup, "FILE|--dir D", "online copy of the database "
	    "(mode 0600); --keep N prunes" },
	{ "restore", cmd_restore, "FILE", "replace the database by a checked "
	    "backup (stores stopped)" },
	{ "check", cmd_check, "", "integrity, invariants, directories, modes; "
	    "exit 0 ok, 1 errors, 3 warnings" },
	{ "reviews", cmd_reviews, "list|show|approve|hide|delete|answer ...",
	    "reviews and questions: the moderation queue and its actions" },
	{ "page", cmd_page, "list|show|set|delete ...", "content pages (terms, refunds, delivery, privacy, about...)" },
	{ "faq", cmd_faq, "list|add|set|delete ...", "FAQ entries by language and category" },
	{ "banner", cmd_banner, "list|set|delete ...", "the home page's trust banners" },
	{ "content", cmd_content, "seed", "add the default pages, FAQ and banners that are missing" },
	{ "setting", cmd_setting, "[KEY VALUE|KEY -|KEY --reset]", "the "
	    "settings of /admin/settings: list, save (checked, audited), back "
	    "to souk.conf" },
	{ "user", cmd_user, "ACTION ...", "accounts: add, list, role, passwd, disable, enable, unlock, sessions, totp-required" },
};

int
ctl_usage(const char *cmd, const char *args)
{
	ctl_eprintf("usage: soukctl %s %s\n", cmd, args);
	return 2;
}

struct db *
ctl_open(int any_version)
{
	struct db *db = db_open(conf_str(CONF_DB_PATH), 0);

	if (db == NULL) {
		ctl_eprintf("soukctl: cannot open %s (run soukctl init?)\n",
		    conf_str(CONF_DB_PATH));
		return NULL;
	}
	if (!any_version && db_schema_check(db, conf_str(CONF_DB_PATH),
	    "this soukctl") < 0) {
		db_close(db);
		return NULL;
	}
	/* The admin's settings override souk.conf here too (settings.h). */
	if (!any_version && settings_refresh(db) < 0) {
		db_close(db);
		return NULL;
	}
	return db;
}

static void
usage(void)
{
	ctl_eprintf("usage: soukctl COMMAND [ARGS]\n\n");
	for (size_t i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++)
		ctl_eprintf("  %-16s %-14s %s\n", cmds[i].name, cmds[i].args,
		    cmds[i].help);
	ctl_eprintf("\nConfiguration: $SOUK_CONF (key = value) and SOUK_<KEY> "
	    "variables; `soukctl config` shows them.\n");
}

int
main(int argc, char **argv)
{
	log_set_name("soukctl");
	/* Databases, backups and files soukctl creates are private. */
	umask(077);
	if (argc < 2 || strcmp(argv[1], "help") == 0 ||
	    strcmp(argv[1], "--help") == 0) {
		usage();
		return argc < 2 ? 2 : 0;
	}
	store_conf_define();
	if (conf_load() < 0)
		return 1;
	for (size_t i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++)
		if (strcmp(cmds[i].name, argv[1]) == 0)
			return cmds[i].run(argc - 1, argv + 1);
	ctl_eprintf("soukctl: unknown command '%s'\n\n", argv[1]);
	usage();
	return 2;
}
