/* cmd_setting.c — the store settings of /admin/settings from the shell
 * (settings.h, docs/admin.md "Settings", docs/soukctl.md):
 *
 *   soukctl setting                 every setting: key, value in force
 *                                   (a secret: set or not, at most its
 *                                   last four characters), and "changed
 *                                   here" when the database holds it
 *   soukctl setting KEY VALUE       saves it (VALUE "-": one line read
 *                                   from stdin, for secrets), checked as
 *                                   on the admin page
 *   soukctl setting KEY --reset     back to souk.conf
 *
 * Each change is an audit entry (actor "soukctl") in its transaction; a
 * secret's value is never printed or audited. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "ctl.h"
#include "lang.h"
#include "settings.h"
#include "tmpl.h"

#define USAGE "[KEY VALUE|KEY -|KEY --reset]"

/* Prints every setting; 0. */
static int
list(struct arena *a)
{
	for (int i = 0; i < SETTING__MAX; i++) {
		const struct setting_def *d = &settings_defs[i];
		const char *v = settings_get((enum setting_id)i);
		if (d->kind == SETK_SECRET)
			v = *v == '\0' ? "(no key set)" : arena_printf(a,
			    "(a key is set, ending %s)", settings_secret_tail(a,
			    (enum setting_id)i));
		ctl_printf("%-24s %s%s\n", d->name, ctl_oneline(a, v),
		    settings_overridden((enum setting_id)i) ?
		    "  (changed here)" : "");
	}
	return 0;
}

/* One line of stdin without its newline (arena), or NULL. */
static const char *
read_line(struct arena *a)
{
	char buf[1024];
	size_t n;

	if (fgets(buf, sizeof(buf), stdin) == NULL)
		return NULL;
	n = strcspn(buf, "\r\n");
	buf[n] = '\0';
	return arena_strdup(a, buf);
}

/* Saves (v) or resets (v NULL) setting name; 0, 1 refused (printed). */
static int
change(struct db *db, struct arena *a, const char *name, const char *v)
{
	static const struct audit_entry who = { .actor = "soukctl",
	    .addr = "" };
	const char *why;
	int id = settings_find(name);

	if (id < 0)
		return ctl_fail("setting", "%s: %s", name, tmpl_str(
		    lang_default(), "err.setting_unknown"));
	switch (settings_change(db, (enum setting_id)id, v, &who,
	    (long long)time(NULL), &why)) {
	case 0:
		break;
	case 1:
		return ctl_fail("setting", "%s %s", name, tmpl_str(
		    lang_default(), arena_printf(a, "err.%s", why)));
	default:
		return ctl_fail("setting", "%s: not saved (database error)",
		    name);
	}
	if (v == NULL)
		ctl_printf("%s: back to souk.conf\n", name);
	else if (settings_defs[id].kind == SETK_SECRET)
		ctl_printf("%s: new key saved\n", name);
	else
		ctl_printf("%s = %s\n", name, ctl_oneline(a, v));
	return 0;
}

int
cmd_setting(int argc, char **argv)
{
	const char *v = NULL;
	struct arena a;
	struct db *db;
	int rc;

	if (argc != 1 && argc != 3)
		return ctl_usage(argv[0], USAGE);
	if (ctl_templates() < 0)
		return 1;
	if ((db = ctl_open(0)) == NULL) {
		tmpl_shutdown();
		return 1;
	}
	arena_init(&a, 0);
	if (argc == 1)
		rc = list(&a);
	else if (strcmp(argv[2], "--reset") == 0)
		rc = change(db, &a, argv[1], NULL);
	else if (strcmp(argv[2], "-") == 0 && (v = read_line(&a)) == NULL)
		rc = ctl_fail("setting", "%s: no value on stdin", argv[1]);
	else
		rc = change(db, &a, argv[1], v != NULL ? v : argv[2]);
	arena_free(&a);
	db_close(db);
	tmpl_shutdown();
	return rc;
}
