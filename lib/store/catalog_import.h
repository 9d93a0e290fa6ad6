/* catalog_import.h — the catalog as a CSV file, both ways, in ONE format
 * (docs/soukctl.md "Importing products"): soukctl import-products and
 * export-products, and the admin's /admin/products/import and /export.
 *
 * The file's first row names the columns (any order, case ignored):
 * slug, name, kind (required), category, price, stock, description,
 * parent, position, media_type, featured, active, plans, compare_at,
 * sku, image, attributes ("brand=acme;resolution=4k": attribute and
 * option slugs, attr.h; the column replaces every value of the product,
 * empty removes them), and per language name_<code>, description_<code>,
 * plan_labels_<code>.  Every row is checked first and every problem kept
 * with its line; only a file without problems is written, creating new
 * slugs and updating existing ones. */
#ifndef SOUK_CATALOG_IMPORT_H
#define SOUK_CATALOG_IMPORT_H
#include <stddef.h>

#include "arena.h"
#include "buf.h"
#include "db.h"

/* The largest file the admin takes (soukctl has no limit). */
#define CATALOG_IMPORT_MAX	(2 * 1024 * 1024)
/* Problems and changes kept for the report (all are counted). */
#define CATALOG_IMPORT_KEEP	200

struct import_problem {
	size_t		 line;		/* 1: the header */
	const char	*col;		/* the column ("row", "csv", "file") */
	const char	*msg;		/* static English text */
};
struct import_change {
	size_t		 line;
	const char	*slug, *name;
	int		 created;	/* 1 new slug, 0 an update */
};
struct import_report {
	size_t			 nrows;
	int			 created, updated;
	int			 nproblems;	/* all of them */
	struct import_problem	 problem[CATALOG_IMPORT_KEEP];
	size_t			 nchanges;	/* kept ones */
	struct import_change	 change[CATALOG_IMPORT_KEEP];
};

/* Inside the caller's transaction: checks the CSV text[0..len) and, when
 * no row has a problem, writes every row (strings in arena a).  Returns
 * 0 (all written: the caller commits, then db_vocab_sync), 1 (problems
 * in *r: the caller rolls back; a preview rolls back after 0 too), or -1
 * on a database error.  The caller zeroes *r. */
int	catalog_import_csv(struct db *, struct arena *a, const char *text,
	    size_t len, struct import_report *r);

/* Every product (archived ones too, parents before their children) as
 * the CSV the import reads, without the image column: one flush(b, arg)
 * call per 32 kB or less, b then emptied; flush returns 0 or -1 (stops).
 * Cells go through csv_put_field (formulas neutralised).  0 or -1. */
int	catalog_export_csv(struct db *, struct buf *b,
	    int (*flush)(struct buf *, void *), void *arg);

#endif
