/* cmd_subs.c — soukctl credentials import, subscriptions, subscription
 * suspend|cancel|resume|extend|reassign, export-catalog: the subscription side of
 * delivery from the shell (docs/delivery.md); its reminders are a step
 * of soukctl cron (cmd_cron.c).
 *
 * credentials import FILE --product SLUG reads a CSV whose header names
 * the fields (username,password,portal,m3u,code...); each row becomes one
 * credential sealed with the key file (cred.h), all rows or none, and the
 * product delivers from its pool from then on; subscriptions waiting for
 * one are served at once, oldest first. */
#include <jansson.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "catalog_export.h"
#include "clock.h"
#include "cred.h"
#include "cred_import.h"
#include "csv.h"
#include "ctl.h"
#include "db_products.h"
#include "db_subs.h"
#include "l10n.h"
#include "store_conf.h"
#include "subs.h"
#include "subs_act.h"
#include "tmpl.h"
#include "valid.h"

int
ctl_templates(void)
{
	static int done;

	if (done)
		return 0;
	if (tmpl_init(conf_str(CONF_TEMPLATE_DIR), conf_str(CONF_LANG_DIR)) < 0)
		return ctl_fail("soukctl", "cannot load the templates (template_dir, "
		    "lang_dir)") ? -1 : -1;
	tmpl_set_store("name", conf_str(CONF_STORE_NAME));
	tmpl_set_store("base_url", conf_str(CONF_BASE_URL));
	done = 1;
	return 0;
}

/* The whole file (at most 16 MiB) as a NUL-terminated malloc'd string. */
static char *
slurp(const char *path, size_t *len)
{
	struct stat st;
	FILE *f;
	char *p;

	if ((f = fopen(path, "rb")) == NULL)
		return NULL;
	if (fstat(fileno(f), &st) < 0 || st.st_size > (16 << 20) ||
	    (p = malloc((size_t)st.st_size + 1)) == NULL) {
		fclose(f);
		return NULL;
	}
	*len = fread(p, 1, (size_t)st.st_size, f);
	p[*len] = '\0';
	fclose(f);
	return p;
}

/* soukctl credentials import FILE --product SLUG */
int
cmd_credentials(int argc, char **argv)
{
	struct arena a;
	struct db *db;
	long long pid;
	size_t len, line = 0;
	const char *why = NULL;
	char *text;
	int n = -1, served;

	if (argc != 5 || strcmp(argv[1], "import") != 0 ||
	    strcmp(argv[3], "--product") != 0)
		return ctl_usage(argv[0], "import FILE.csv --product SLUG");
	if ((text = slurp(argv[2], &len)) == NULL)
		return ctl_fail("credentials", "cannot read %s", argv[2]);
	if ((db = ctl_open(0)) == NULL || ctl_secret(db) < 0 ||
	    ctl_templates() < 0 || cred_key_load() < 0) {
		free(text);
		db_close(db);
		return 1;
	}
	arena_init(&a, 0);
	if ((pid = db_product_id(db, argv[4])) <= 0)
		ctl_fail("credentials", "no product %s", argv[4]);
	else if (db_begin(db) == 0 && (n = cred_import_csv(db, &a, text, len,
	    pid, store_now(), &line, &why)) >= 0 && db_commit(db) < 0)
		n = -1;
	if (n < 0)
		db_rollback(db);
	if (n < 0 && why != NULL)
		ctl_fail("credentials", "line %zu: %s", line, why);
	free(text);
	arena_free(&a);
	if (n >= 0 && (served = subs_serve_waiting(db, pid)) >= 0)
		ctl_printf("%d credential%s imported for %s; %d waiting "
		    "subscription%s served\n", n, n == 1 ? "" : "s", argv[4],
		    served, served == 1 ? "" : "s");
	else if (n >= 0)
		n = -1;
	db_close(db);
	return n < 0 ? 1 : 0;
}

/* soukctl subscriptions [--waiting] */
int
cmd_subscriptions(int argc, char **argv)
{
	struct subscription *s;
	struct arena a;
	struct db *db;
	size_t n;
	long long now = store_now();
	int waiting = argc == 2 && strcmp(argv[1], "--waiting") == 0, rc = 0;

	if (argc > 2 || (argc == 2 && !waiting))
		return ctl_usage(argv[0], "[--waiting]");
	if ((db = ctl_open(0)) == NULL)
		return 1;
	arena_init(&a, 0);
	if (db_sub_ending(db, &a, 0, 1LL << 62, LLONG_MAX, 100000, &s, &n) < 0) {
		rc = ctl_fail("subscriptions", "cannot read them");
		goto out;
	}
	ctl_printf("%6s  %-9s  %-8s  %-16s  %-10s  %s\n", "ID", "STATUS",
	    "ACCESS", "ENDS", "ORDER", "PRODUCT");
	for (size_t i = 0; i < n; i++) {
		char ends[L10N_TIME_BUF];
		if (waiting && strcmp(s[i].access, "waiting") != 0)
			continue;
		l10n_time(ends, sizeof(ends), s[i].ends_at, LANG_EN, L10N_STAMP);
		ctl_printf("%6lld  %-9s  %-8s  %-16s  %-10lld  %s\n", s[i].id,
		    sub_status(&s[i], now), s[i].access, ends, s[i].order_id,
		    s[i].product_name);
	}
out:
	arena_free(&a);
	db_close(db);
	return rc;
}

/* soukctl subscription suspend|cancel ID REASON | resume ID | extend ID
 * DAYS | reassign ID [--return]: staff actions on one subscription,
 * through the same store function as the admin's (subs_act.h), mails
 * included. */
int
cmd_subscription(int argc, char **argv)
{
	static const char usage[] = "suspend ID REASON | cancel ID REASON | "
	    "resume ID | extend ID DAYS | reassign ID [--return]";
	static const char *const why[] = {
		[SUBACT_NONE] = "no such subscription",
		[SUBACT_STATE] = "not possible in its state",
		[SUBACT_INPUT] = "missing reason or period",
		[SUBACT_NOT_POOL] = "its product has no credential pool",
		[SUBACT_NO_FREE] = "no other free credential in the pool",
	};
	struct sub_act_req r = { .act = SUB_ACT__MAX };
	const char *err, *detail, *act = argc > 1 ? argv[1] : "";
	long long id, days = 0;
	enum sub_act_result rc = SUBACT_ERROR;
	struct arena a;
	struct db *db;

	for (int i = 0; sub_act_names[i] != NULL; i++)
		if (strcmp(act, sub_act_names[i]) == 0)
			r.act = (enum sub_act)i;
	if (r.act == SUB_ACT__MAX || argc < 3 ||
	    valid_int(argv[2], 1, 1LL << 53, &id, &err) < 0 ||
	    ((r.act == SUB_ACT_SUSPEND || r.act == SUB_ACT_CANCEL) &&
	    (argc != 4 || *argv[3] == '\0' || strlen(argv[3]) > 500)) ||
	    (r.act == SUB_ACT_RESUME && argc != 3) ||
	    (r.act == SUB_ACT_EXTEND && (argc != 4 ||
	    valid_int(argv[3], 1, 3660, &days, &err) < 0)) ||
	    (r.act == SUB_ACT_REASSIGN && (argc > 4 || (argc == 4 &&
	    strcmp(argv[3], "--return") != 0))))
		return ctl_usage(argv[0], usage);
	r.days = (int)days;
	r.reason = argc == 4 ? argv[3] : "";
	r.give_back = r.act == SUB_ACT_REASSIGN && argc == 4;
	if ((db = ctl_open(0)) == NULL)
		return 1;
	if (ctl_secret(db) < 0 || ctl_templates() < 0) {
		db_close(db);
		return 1;
	}
	arena_init(&a, 0);
	if (db_begin(db) == 0)
		rc = subs_act(db, &a, id, &r, store_now(), &detail);
	if (rc == SUBACT_OK && db_commit(db) < 0)
		rc = SUBACT_ERROR;
	if (rc != SUBACT_OK) {
		db_rollback(db);
		if (rc > SUBACT_OK)
			ctl_fail("subscription", "%lld: %s", id, why[rc]);
		else
			ctl_fail("subscription", "%lld: %s failed", id, act);
	} else
		ctl_printf("subscription %lld: %s done (%s)\n", id, act, detail);
	arena_free(&a);
	db_close(db);
	return rc == SUBACT_OK ? 0 : 1;
}

/* soukctl export-catalog: the catalog as JSON on stdout (catalog_export.h):
 * films, series with seasons and episodes, subscriptions with plans,
 * prices. */
int
cmd_export_catalog(int argc, char **argv)
{
	struct db *db;
	json_t *o;
	char *s;

	if (argc != 1)
		return ctl_usage(argv[0], "");
	if ((db = ctl_open(0)) == NULL)
		return 1;
	o = catalog_export(db);
	db_close(db);
	if (o == NULL || (s = json_dumps(o, JSON_INDENT(1) | JSON_SORT_KEYS)) ==
	    NULL) {
		json_decref(o);
		return ctl_fail("export-catalog", "could not build the export");
	}
	json_decref(o);
	ctl_write(stdout, s, strlen(s));
	ctl_write(stdout, "\n", 1);
	free(s);
	return 0;
}
