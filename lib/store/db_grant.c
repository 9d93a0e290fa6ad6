/* db_grant.c — see db_grant.h. */
#include "db_grant.h"
#include "db_internal.h"

#define GRANT_COLS							\
	"SELECT e.id, e.product_id, coalesce(e.user_id, 0), "		\
	"coalesce(e.max_downloads, 0), coalesce(e.expires_at, 0), "	\
	"coalesce(e.revoked_at, 0), e.created_at, p.name, p.slug, "	\
	"coalesce(p.media_type, ''), e.grant_reason, "			\
	"coalesce(u.email, '') FROM entitlements e JOIN products p ON "	\
	"p.id = e.product_id LEFT JOIN users u ON u.id = e.granted_by "

enum {
	Q_ADD, Q_GET, Q_REVOKE, Q_OF_USER, Q_GRANTABLE, Q_GRANTABLE_ID, Q__MAX
};

static const char *const sql[Q__MAX] = {
	[Q_ADD] = "INSERT INTO entitlements(product_id, user_id, granted_by, "
	    "grant_reason, max_downloads, expires_at, created_at) VALUES "
	    "(?, ?, nullif(?, 0), ?, nullif(?, 0), nullif(?, 0), ?)",
	[Q_GET] = GRANT_COLS "WHERE e.id = ? AND e.order_id IS NULL",
	[Q_REVOKE] = "UPDATE entitlements SET revoked_at = ?2, revoke_reason = "
	    "'staff' WHERE id = ?1 AND order_id IS NULL AND revoked_at IS NULL",
	[Q_OF_USER] = GRANT_COLS "WHERE e.user_id = ?1 AND e.order_id IS NULL "
	    "AND e.revoked_at IS NULL AND (e.expires_at IS NULL OR "
	    "e.expires_at > ?2) ORDER BY e.id DESC",
	[Q_GRANTABLE] = "SELECT slug, name, coalesce(media_type, '') FROM "
	    "products WHERE kind = 'digital' AND active = 1 ORDER BY name "
	    "COLLATE NOCASE, id LIMIT ?",
	[Q_GRANTABLE_ID] = "SELECT id, name FROM products "
	    "WHERE slug = ? AND kind = 'digital' AND active = 1",
};
DB_STMTS(stmts, sql, Q__MAX);

long long
db_grant_add(struct db *db, long long user_id, long long product_id,
    long long by, const char *reason, long long max_downloads,
    long long expires_at, long long now)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_ADD);
	long long id;

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, product_id);
	db_bind_int(st, 2, user_id);
	db_bind_int(st, 3, by);
	db_bind_text(st, 4, reason);
	db_bind_int(st, 5, max_downloads);
	db_bind_int(st, 6, expires_at);
	db_bind_int(st, 7, now);
	id = db_insert(db, st, "grant add");
	return id < 0 ? -1 : id;
}

/* db_row_fn: a grant_row from GRANT_COLS. */
static void
read_grant(struct arena *a, sqlite3_stmt *st, void *row)
{
	struct grant_row *g = row;

	g->id = db_col_int(st, 0);
	g->product_id = db_col_int(st, 1);
	g->user_id = db_col_int(st, 2);
	g->max_downloads = db_col_int(st, 3);
	g->expires_at = db_col_int(st, 4);
	g->revoked_at = db_col_int(st, 5);
	g->created_at = db_col_int(st, 6);
	g->name = db_col_text(a, st, 7);
	g->slug = db_col_text(a, st, 8);
	g->media_type = db_col_text(a, st, 9);
	g->reason = db_col_text(a, st, 10);
	g->granted_by = db_col_text(a, st, 11);
}

int
db_grant_get(struct db *db, struct arena *a, long long id, struct grant_row *g)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_GET);
	int rc;

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, id);
	if ((rc = db_step_row(db, st, "grant get")) == 0) {
		read_grant(a, st, g);
		db_done(st);
	}
	return rc;
}

int
db_grant_revoke(struct db *db, long long id, long long now)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_REVOKE);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, now);
	if (db_step_done(db, st, "grant revoke") < 0)
		return -1;
	return sqlite3_changes(db_sqlite(db));
}

int
db_grants_of_user(struct db *db, struct arena *a, long long user_id,
    long long now, struct grant_row **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_OF_USER);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, user_id);
	db_bind_int(st, 2, now);
	return db_rows(db, st, "grants of user", a, sizeof(**out), read_grant,
	    out, n) < 0 ? -1 : 0;
}

/* db_row_fn: a grantable product. */
static void
read_grantable(struct arena *a, sqlite3_stmt *st, void *row)
{
	struct grantable *g = row;

	g->slug = db_col_text(a, st, 0);
	g->name = db_col_text(a, st, 1);
	g->media_type = db_col_text(a, st, 2);
}

int
db_grantable(struct db *db, struct arena *a, long long limit,
    struct grantable **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_GRANTABLE);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, limit);
	return db_rows(db, st, "grantable", a, sizeof(**out), read_grantable,
	    out, n) < 0 ? -1 : 0;
}

long long
db_grantable_id(struct db *db, struct arena *a, const char *slug,
    const char **name)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_GRANTABLE_ID);
	long long id;
	int rc;

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, slug);
	if ((rc = db_step_row(db, st, "grantable id")) != 0)
		return rc < 0 ? -1 : 0;
	id = db_col_int(st, 0);
	*name = db_col_text(a, st, 1);
	db_done(st);
	return id;
}
