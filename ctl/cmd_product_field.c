/* cmd_product_field.c — soukctl product-field: the details a product asks
 * for at checkout (detail.h), before the admin pages exist.
 *
 *   product-field set SLUG NAME mac|text LABEL [--max N] [--optional]
 *                     [--en LABEL] [--fr LABEL]
 *   product-field list SLUG
 *   product-field remove SLUG NAME
 *
 * set adds the field (last) or changes the one with that name; --en and
 * --fr give its label in that language (shown to shoppers reading it;
 * the others see the default language's, else LABEL). */
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "ctl.h"
#include "db_detail.h"
#include "db_products.h"
#include "detail.h"
#include "lang.h"
#include "utf8.h"
#include "valid.h"

#define USAGE "set SLUG NAME mac|text LABEL [--max N] [--optional] " \
	"[--en LABEL] [--fr LABEL] | " \
	"list SLUG | remove SLUG NAME"

/* The id of the product with slug, or 0 after saying so. */
static long long
product(struct db *db, const char *slug)
{
	long long id = db_product_id(db, slug);

	if (id <= 0)
		ctl_fail("product-field", "no product '%s'", slug);
	return id > 0 ? id : 0;
}

/* 1 when s can be a label: one line of 1 to 80 characters. */
static int
label_ok(const char *s)
{
	size_t n = utf8_len(s, strlen(s));

	return n > 0 && n <= 80 && !utf8_has_controls(s, strlen(s), 0);
}

/* Reads set's arguments into f; 0, or -1 after saying why. */
static int
parse_set(int argc, char **argv, struct detail_field *f)
{
	const char *err;
	long long max = 100;

	f->name = argv[3];
	if (!detail_name_ok(f->name))
		return ctl_fail("product-field", "NAME: 1 to 32 of a-z, 0-9 "
		    "and _"), -1;
	if (strcmp(argv[4], "mac") == 0)
		f->type = DETAIL_MAC;
	else if (strcmp(argv[4], "text") == 0)
		f->type = DETAIL_TEXT;
	else
		return ctl_fail("product-field", "type: mac or text"), -1;
	f->label = argv[5];
	f->required = 1;
	for (int i = 6; i < argc; i++) {
		int l = ctl_lang_opt(argv[i]);
		if (l >= 0 && i + 1 < argc) {
			if (!label_ok(argv[++i]))
				return ctl_fail("product-field", "%s: one line "
				    "of 1 to 80 characters", argv[i - 1]), -1;
			f->labels[l] = argv[i];
		} else if (strcmp(argv[i], "--optional") == 0)
			f->required = 0;
		else if (strcmp(argv[i], "--max") == 0 && i + 1 < argc) {
			if (valid_int(argv[++i], 1, DETAIL_VALUE_MAX, &max,
			    &err) < 0)
				return ctl_fail("product-field", "--max: 1 to %d",
				    DETAIL_VALUE_MAX), -1;
		} else
			return ctl_usage("product-field", USAGE), -1;
	}
	if (!label_ok(f->label))
		return ctl_fail("product-field", "LABEL: one line of 1 to 80 "
		    "characters"), -1;
	f->max_len = (int)max;
	return 0;
}

/* soukctl product-field set|list|remove ... */
int
cmd_product_field(int argc, char **argv)
{
	struct detail_field f = { 0 }, *fs;
	struct arena a;
	struct db *db;
	long long id;
	int rc = 0, n;

	if (argc < 3 || (strcmp(argv[1], "set") == 0 && argc < 6) ||
	    (strcmp(argv[1], "list") == 0 && argc != 3) ||
	    (strcmp(argv[1], "remove") == 0 && argc != 4) ||
	    (strcmp(argv[1], "set") != 0 && strcmp(argv[1], "list") != 0 &&
	    strcmp(argv[1], "remove") != 0))
		return ctl_usage(argv[0], USAGE);
	if (strcmp(argv[1], "set") == 0 && parse_set(argc, argv, &f) < 0)
		return 1;
	if ((db = ctl_open(0)) == NULL)
		return 1;
	arena_init(&a, 0);
	if ((id = product(db, argv[2])) == 0) {
		rc = 1;
	} else if (strcmp(argv[1], "set") == 0) {
		if (db_detail_field_set(db, id, &f) < 0)
			rc = ctl_fail(argv[0], "cannot set the field (a product "
			    "asks at most %d details)", DETAIL_MAX_PER_PRODUCT);
		else
			ctl_printf("%s asks %s (%s)\n", argv[2], f.name,
			    detail_types[f.type]);
	} else if (strcmp(argv[1], "remove") == 0) {
		int r = db_detail_field_remove(db, id, argv[3]);
		if (r < 0)
			rc = ctl_fail(argv[0], "cannot remove the field");
		else if (r == DB_NONE)
			rc = ctl_fail(argv[0], "%s asks no %s", argv[2], argv[3]);
	} else if ((n = db_detail_fields(db, &a, id, &fs)) < 0) {
		rc = ctl_fail(argv[0], "cannot read the fields");
	} else {
		ctl_printf("%-32s  %-4s  %4s  %-8s  %s\n", "NAME", "TYPE", "MAX",
		    "REQUIRED", "LABEL");
		for (int i = 0; i < n; i++) {
			ctl_printf("%-32s  %-4s  %4d  %-8s  %s\n", fs[i].name,
			    detail_types[fs[i].type], fs[i].max_len,
			    fs[i].required ? "yes" : "no", fs[i].label);
			for (int l = 0; l < LANG__MAX; l++)
				if (*fs[i].labels[l] != '\0')
					ctl_printf("%-32s  %s: %s\n", "",
					    lang_code((enum lang)l),
					    fs[i].labels[l]);
		}
	}
	arena_free(&a);
	db_close(db);
	return rc;
}
