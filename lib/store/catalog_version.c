/* catalog_version.c — see catalog_version.h. */
#include "catalog_version.h"
#include "db_internal.h"

enum { Q_VERSION, Q__MAX };
static const char *const sql[Q__MAX] = {
	[Q_VERSION] = ("SELECT coalesce((SELECT n FROM catalog_version "
	    "WHERE id = 1), 0)"),
};
DB_STMTS(stmts, sql, Q__MAX);

static long long seen_data = -2;	/* data_version at the last check */
static long long seen_own = -2;		/* db_changes_total then */
static long long current = -1;		/* the row's n; -1 unknown */

int
catalog_version_refresh(struct db *db, long long dv)
{
	sqlite3_stmt *st;
	long long own = db_changes_total(db), v;

	if (dv < 0)
		goto fail;
	if (current >= 0 && dv == seen_data && own == seen_own)
		return 0;
	if ((st = db_stmt(db, &stmts, Q_VERSION)) == NULL ||
	    (v = db_one_int(db, st, "catalog version")) < 0)
		goto fail;
	seen_data = dv;
	seen_own = own;
	if (v == current)
		return 0;
	current = v;
	return 1;
fail:
	current = -1;
	seen_data = seen_own = -2;
	return -1;
}

long long
catalog_version(void)
{
	return current;
}
