/* cmd_import.c — soukctl import-products FILE.csv and export-products
 * FILE.csv: the catalog as CSV (catalog_import.h; docs/soukctl.md
 * "Importing products").  The import reports every problem with its line
 * and writes all rows in one transaction, or none. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "catalog_import.h"
#include "ctl.h"
#include "db_catalog.h"
#include "fs.h"

/* Prints the problems of r and the verdict. */
static void
report(const struct import_report *r)
{
	int kept = r->nproblems < CATALOG_IMPORT_KEEP ? r->nproblems :
	    CATALOG_IMPORT_KEEP;

	for (int i = 0; i < kept; i++)
		ctl_eprintf("line %zu: %s: %s\n", r->problem[i].line,
		    r->problem[i].col, r->problem[i].msg);
	if (r->nproblems > kept)
		ctl_eprintf("... and %d more\n", r->nproblems - kept);
	ctl_eprintf("soukctl import-products: %d problem%s, nothing imported\n",
	    r->nproblems, r->nproblems == 1 ? "" : "s");
}

int
cmd_import(int argc, char **argv)
{
	static struct import_report r;
	struct arena a;
	struct buf text = { 0 };
	struct db *db;
	int rc = 1, got;

	if (argc != 2)
		return ctl_usage(argv[0], "FILE.csv");
	if (fs_read(argv[1], (size_t)1 << 31, &text) < 0)
		return ctl_fail("import-products", "cannot read %s: %s", argv[1],
		    strerror(errno));
	if ((db = ctl_open(0)) == NULL || db_begin(db) < 0) {
		db_close(db);
		buf_free(&text);
		return 1;
	}
	arena_init(&a, 1 << 20);
	got = catalog_import_csv(db, &a, text.data ? text.data : "", text.len,
	    &r);
	if (got != 0 || db_commit(db) < 0) {
		db_rollback(db);
		if (got == 1)
			report(&r);
	} else if (db_vocab_sync(db, 0) == 0 && db_search_optimize(db) == 0) {
		ctl_printf("imported %zu products: %d created, %d updated\n",
		    r.nrows, r.created, r.updated);
		rc = 0;
	}
	db_close(db);
	arena_free(&a);
	buf_free(&text);
	return rc;
}

/* catalog_export_csv flush: the buffer into the file descriptor *arg. */
static int
to_file(struct buf *b, void *arg)
{
	return fs_write_all(*(int *)arg, b->data, b->len);
}

int
cmd_export_products(int argc, char **argv)
{
	struct buf b = { 0 };
	struct db *db;
	int fd, rc;

	if (argc != 2)
		return ctl_usage(argv[0], "FILE.csv");
	if ((db = ctl_open(0)) == NULL)
		return 1;
	if ((fd = open(argv[1], O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC,
	    0644)) < 0) {
		db_close(db);
		return ctl_fail("export-products", "cannot write %s: %s",
		    argv[1], strerror(errno));
	}
	rc = catalog_export_csv(db, &b, to_file, &fd);
	if (close(fd) != 0)
		rc = -1;
	db_close(db);
	buf_free(&b);
	if (rc < 0)
		return ctl_fail("export-products", "the export to %s failed",
		    argv[1]);
	return 0;
}
