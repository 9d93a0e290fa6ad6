/* db_order_lookup.c — see db_order_lookup.h. */
#include <ctype.h>
#include <string.h>

#include "db_internal.h"
#include "db_order_lookup.h"
#include "order.h"

enum { Q_LOOKUP, Q__MAX };

/* One indexed lookup by the unique reference; the address is compared in
 * the same statement, so a match and a miss cost the same. */
static const char *const sql[Q__MAX] = {
	[Q_LOOKUP] = "SELECT token FROM orders WHERE reference = ?1 "
	    "AND email_norm = ?2",
};
DB_STMTS(stmts, sql, Q__MAX);

int
db_order_lookup(struct db *db, struct arena *a, const char *reference,
    const char *email, const char **token)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_LOOKUP);
	char *ref, *mail;
	size_t n;
	int rc;

	*token = NULL;
	if (st == NULL)
		return -1;
	while (isspace((unsigned char)*reference))
		reference++;
	ref = arena_strdup(a, reference);
	for (n = strlen(ref); n > 0 && isspace((unsigned char)ref[n - 1]); n--)
		ref[n - 1] = '\0';
	for (char *p = ref; *p; p++)
		*p = (char)toupper((unsigned char)*p);
	mail = arena_strdup(a, email);
	order_email_norm(mail);
	db_bind_text(st, 1, ref);
	db_bind_text(st, 2, mail);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*token = db_col_text(a, st, 0);
	db_done(st);
	if (rc == SQLITE_ROW)
		return 0;
	return rc == SQLITE_DONE ? 1 : db_fail(db, "order lookup");
}
