/* cmd_product_field.c — soukctl product-field: the details a product asks
 * for at checkout (detail.h); the admin edits them too (docs/admin.md).
 *
 *   product-field set SLUG NAME mac|text LABEL [--max N] [--optional]
 *                     [--en LABEL] [--fr LABEL]
 *   product-field list SLUG
 *   product-field remove SLUG NAME
 *
 * set adds the field (last) or changes the one with that name; --en and
 * --fr give its label in that language (shown to shoppers reading it;
 * the others see the default language's, else LABEL).  The rules and the
 * audited changes are detail_edit.h's, the admin's too. */
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "ctl.h"
#include "clock.h"
#include "db_detail.h"
#include "db_products.h"
#include "detail.h"
#include "detail_edit.h"
#include "lang.h"
#include "tmpl.h"

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

/* Prints the n refusals of detail_edit.h, each with its sentence of the
 * lang files (the admin shows the same); returns 1. */
static int
refused(struct arena *a, const enum detail_err *errs, size_t n)
{
	if (ctl_templates() < 0)
		return 1;
	for (size_t i = 0; i < n; i++)
		ctl_fail("product-field", "%s", tmpl_str(LANG_EN,
		    arena_printf(a, "admship.err.%s",
		    detail_err_names[errs[i]])));
	return 1;
}

/* Reads set's arguments into f (by detail_parse(), the admin's rule);
 * 0, or the exit status after saying why. */
static int
parse_set(struct arena *a, int argc, char **argv, struct detail_field *f)
{
	struct detail_form in = { .name = argv[3], .type = argv[4],
	    .label = argv[5], .required = 1 };
	enum detail_err errs[DET__MAX];
	size_t n;

	for (int i = 6; i < argc; i++) {
		int l = ctl_lang_opt(argv[i]);
		if (l >= 0 && i + 1 < argc && *argv[i + 1] == '\0') {
			/* --fr "": a label in that language is not none here */
			errs[0] = l == LANG_FR ? DET_LABEL_FR : DET_LABEL_EN;
			return refused(a, errs, 1);
		} else if (l >= 0 && i + 1 < argc)
			*(l == LANG_FR ? &in.label_fr : &in.label_en) = argv[++i];
		else if (strcmp(argv[i], "--optional") == 0)
			in.required = 0;
		else if (strcmp(argv[i], "--max") == 0 && i + 1 < argc)
			in.max = argv[++i];
		else
			return ctl_usage("product-field", USAGE);
	}
	if ((n = detail_parse(&in, f, errs)) > 0)
		return refused(a, errs, n);
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
	arena_init(&a, 0);
	if (strcmp(argv[1], "set") == 0 &&
	    (rc = parse_set(&a, argc, argv, &f)) != 0) {
		arena_free(&a);
		return rc;
	}
	if ((db = ctl_open(0)) == NULL) {
		arena_free(&a);
		return 1;
	}
	if ((id = product(db, argv[2])) == 0) {
		rc = 1;
	} else if (strcmp(argv[1], "set") == 0) {
		enum detail_err e = detail_field_save(db, &a, &ctl_actor, id, &f,
		    store_now());
		if (e == DET_FULL)
			rc = refused(&a, &e, 1);
		else if (e != DET_OK)
			rc = ctl_fail(argv[0], "cannot set the field");
		else
			ctl_printf("%s asks %s (%s)\n", argv[2], f.name,
			    detail_types[f.type]);
	} else if (strcmp(argv[1], "remove") == 0) {
		enum detail_err e = detail_field_delete(db, &a, &ctl_actor, id,
		    argv[3], store_now());
		if (e == DET_NONE)
			rc = ctl_fail(argv[0], "%s asks no %s", argv[2], argv[3]);
		else if (e != DET_OK)
			rc = ctl_fail(argv[0], "cannot remove the field");
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
