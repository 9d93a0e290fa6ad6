/* db_delivery.c — see db_delivery.h. */
#include <string.h>

#include "db_delivery.h"
#include "db_internal.h"

/* Products an entitlement to e.product_id covers: itself, its children
 * (seasons, or episodes of a season) and their children (episodes of a
 * series), read at download time so later episodes are covered too. */
#define COVERS(p, e)							\
	"(" p ".id = " e ".product_id OR " p ".parent_id = " e		\
	".product_id OR " p ".parent_id IN (SELECT id FROM products "	\
	"WHERE parent_id = " e ".product_id))"

#define LIVE(e, now)							\
	e ".revoked_at IS NULL AND (" e ".expires_at IS NULL OR "	\
	e ".expires_at > " now ")"

#define LIBRARY_COLS							\
	"SELECT min(e.id), f.id, p.id, coalesce(p.parent_id, 0), "	\
	"p.position, (SELECT count(*) FROM downloads d WHERE "		\
	"d.entitlement_id = e.id AND d.file_id = f.id), "		\
	"coalesce(e.max_downloads, 0), coalesce(e.expires_at, 0), "	\
	"p.name, p.slug, coalesce(p.media_type, ''), f.file_name, "	\
	"coalesce(p.image, ''), CASE p.media_type WHEN 'episode' THEN "	\
	"b.name WHEN 'season' THEN a.name ELSE '' END, CASE "		\
	"p.media_type WHEN 'episode' THEN a.name ELSE '' END, "		\
	"coalesce(o.token, ''), coalesce(e.order_id, 0), "		\
	"coalesce(e.user_id, 0) "					\
	"FROM entitlements e LEFT JOIN orders o ON o.id = e.order_id "	\
	"JOIN products p ON " COVERS("p", "e") " "			\
	"JOIN media_files f ON f.product_id = p.id "			\
	"LEFT JOIN products a ON a.id = p.parent_id "			\
	"LEFT JOIN products b ON b.id = a.parent_id "

/* Entitlements of customer ?1 (or of orders of the verified address
 * ?2): theirs by an order, or granted to them by staff (no order).  Each
 * side of the OR has its index (entitlements_user, orders_user,
 * orders_email). */
#define HOLDER								\
	"((e.order_id IS NULL AND e.user_id = ?1) OR e.order_id IN "	\
	"(SELECT id FROM orders WHERE user_id = ?1 OR (?2 IS NOT NULL "	\
	"AND email_norm = ?2)))"

#define LIBRARY_ORDER							\
	" GROUP BY f.id ORDER BY 14, a.position, p.position, p.name, f.id"

enum {
	Q_MEDIA_ADD, Q_GRANT, Q_REVOKE, Q_GET, Q_FILE, Q_SEEN, Q_COUNT,
	Q_CLAIM, Q_LIB_USER, Q_LIB_ORDER, Q_OWNS, Q_MEDIA_LIST, Q_MEDIA_GET,
	Q_MEDIA_DEL, Q__MAX
};

static const char *const sql[Q__MAX] = {
	[Q_MEDIA_ADD] = "INSERT INTO media_files(product_id, stored_name, "
	    "file_name, content_type, size, created_at) VALUES (?, ?, ?, ?, ?, ?)",
	[Q_GRANT] = "INSERT OR IGNORE INTO entitlements(order_id, line, "
	    "product_id, user_id, max_downloads, expires_at, created_at) "
	    "SELECT i.order_id, i.line, i.product_id, o.user_id, nullif(?2, 0), "
	    "nullif(?3, 0), ?4 FROM order_items i JOIN orders o ON o.id = "
	    "i.order_id WHERE i.order_id = ?1 AND i.kind = 'digital' AND "
	    "i.product_id IS NOT NULL",
	[Q_REVOKE] = "UPDATE entitlements SET revoked_at = ?4, revoke_reason = ?3 "
	    "WHERE order_id = ?1 AND (?2 = 0 OR line = ?2) AND revoked_at IS NULL",
	[Q_GET] = "SELECT e.id, e.order_id, e.line, e.product_id, "
	    "coalesce(e.user_id, 0), coalesce(e.max_downloads, 0), "
	    "coalesce(e.expires_at, 0), coalesce(e.revoked_at, 0), "
	    "coalesce(o.status, '') FROM entitlements e LEFT JOIN orders o "
	    "ON o.id = e.order_id WHERE e.id = ?",
	[Q_FILE] = "SELECT f.id, f.product_id, f.size, f.stored_name, "
	    "f.file_name, f.content_type, p.name FROM entitlements e, "
	    "media_files f JOIN products p ON p.id = f.product_id "
	    "WHERE e.id = ?1 AND f.id = ?2 AND " COVERS("p", "e"),
	[Q_SEEN] = "UPDATE downloads SET requests = requests + 1, last_at = ?2 "
	    "WHERE token_hash = ?1",
	[Q_COUNT] = "SELECT count(*) FROM downloads WHERE entitlement_id = ? "
	    "AND file_id = ?",
	[Q_CLAIM] = "INSERT INTO downloads(entitlement_id, file_id, token_hash, "
	    "remote_addr, created_at, last_at) VALUES (?, ?, ?, ?, ?5, ?5)",
	[Q_LIB_USER] = LIBRARY_COLS "WHERE " HOLDER " AND " LIVE("e", "?3")
	    LIBRARY_ORDER,
	[Q_LIB_ORDER] = LIBRARY_COLS "WHERE e.order_id = ?1 AND "
	    LIVE("e", "?2") LIBRARY_ORDER,
	[Q_OWNS] = "SELECT count(*) FROM entitlements e JOIN products p ON "
	    "p.id = ?3 AND " COVERS("p", "e") " WHERE " HOLDER " AND "
	    LIVE("e", "?4"),
	[Q_MEDIA_LIST] = "SELECT id, product_id, size, stored_name, file_name, "
	    "content_type, '' FROM media_files WHERE product_id = ? ORDER BY id",
	[Q_MEDIA_GET] = "SELECT id, product_id, size, stored_name, file_name, "
	    "content_type, '' FROM media_files WHERE id = ? AND product_id = ?",
	[Q_MEDIA_DEL] = "DELETE FROM media_files WHERE id = ? AND product_id = ?",
};
DB_STMTS(stmts, sql, Q__MAX);

long long
db_media_add(struct db *db, long long product_id, const char *stored_name,
    const char *file_name, const char *content_type, long long size,
    long long now)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_MEDIA_ADD);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, product_id);
	db_bind_text(st, 2, stored_name);
	db_bind_text(st, 3, file_name);
	db_bind_text(st, 4, content_type);
	db_bind_int(st, 5, size);
	db_bind_int(st, 6, now);
	return db_insert(db, st, "media add");
}

/* db_row_fn: a media_file from Q_MEDIA_LIST / Q_MEDIA_GET's columns. */
static void
read_media(struct arena *a, sqlite3_stmt *st, void *row)
{
	struct media_file *f = row;

	f->id = db_col_int(st, 0);
	f->product_id = db_col_int(st, 1);
	f->size = db_col_int(st, 2);
	f->stored_name = db_col_text(a, st, 3);
	f->file_name = db_col_text(a, st, 4);
	f->content_type = db_col_text(a, st, 5);
	f->product_name = db_col_text(a, st, 6);
}

int
db_media_of_product(struct db *db, struct arena *a, long long product_id,
    struct media_file **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_MEDIA_LIST);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, product_id);
	return db_rows(db, st, "media list", a, sizeof(**out), read_media,
	    out, n) < 0 ? -1 : 0;
}

int
db_media_get(struct db *db, struct arena *a, long long id,
    long long product_id, struct media_file *f)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_MEDIA_GET);
	int rc;

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, product_id);
	if ((rc = db_step_row(db, st, "media get")) == 0) {
		read_media(a, st, f);
		db_done(st);
	}
	return rc;
}

int
db_media_del(struct db *db, long long id, long long product_id)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_MEDIA_DEL);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, product_id);
	if (db_step_done(db, st, "media delete") < 0)
		return -1;
	return sqlite3_changes(db_sqlite(db));
}

int
db_entitle_order(struct db *db, long long order_id, long long max_downloads,
    long long expires_at, long long now)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_GRANT);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, order_id);
	db_bind_int(st, 2, max_downloads);
	db_bind_int(st, 3, expires_at);
	db_bind_int(st, 4, now);
	if (db_step_done(db, st, "entitlement grant") < 0)
		return -1;
	return sqlite3_changes(db_sqlite(db));
}

int
db_entitle_revoke(struct db *db, long long order_id, long long line,
    const char *reason, long long now)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_REVOKE);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, order_id);
	db_bind_int(st, 2, line);
	db_bind_text(st, 3, reason);
	db_bind_int(st, 4, now);
	if (db_step_done(db, st, "entitlement revoke") < 0)
		return -1;
	return sqlite3_changes(db_sqlite(db));
}

int
db_entitle_get(struct db *db, struct arena *a, long long id,
    struct entitlement *e)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_GET);
	int rc;

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		e->id = db_col_int(st, 0);
		e->order_id = db_col_int(st, 1);
		e->line = db_col_int(st, 2);
		e->product_id = db_col_int(st, 3);
		e->user_id = db_col_int(st, 4);
		e->max_downloads = db_col_int(st, 5);
		e->expires_at = db_col_int(st, 6);
		e->revoked_at = db_col_int(st, 7);
		e->order_status = db_col_text(a, st, 8);
	}
	db_done(st);
	if (rc == SQLITE_DONE)
		return 1;
	return rc == SQLITE_ROW ? 0 : db_fail(db, "entitlement get");
}

int
db_entitle_file(struct db *db, struct arena *a, long long ent_id,
    long long file_id, struct media_file *f)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_FILE);
	int rc;

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, ent_id);
	db_bind_int(st, 2, file_id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		f->id = db_col_int(st, 0);
		f->product_id = db_col_int(st, 1);
		f->size = db_col_int(st, 2);
		f->stored_name = db_col_text(a, st, 3);
		f->file_name = db_col_text(a, st, 4);
		f->content_type = db_col_text(a, st, 5);
		f->product_name = db_col_text(a, st, 6);
	}
	db_done(st);
	if (rc == SQLITE_DONE)
		return 1;
	return rc == SQLITE_ROW ? 0 : db_fail(db, "entitlement file");
}

long long
db_download_count(struct db *db, long long ent_id, long long file_id)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_COUNT);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, ent_id);
	db_bind_int(st, 2, file_id);
	return db_one_int(db, st, "download count");
}

/* The body of db_download_claim, inside its transaction. */
static enum claim_result
claim(struct db *db, long long ent_id, long long file_id,
    const char *token_hash, const char *remote_addr, long long now)
{
	struct entitlement e;
	struct arena a;
	sqlite3_stmt *st;
	long long used;
	int rc;

	arena_init(&a, 0);
	rc = db_entitle_get(db, &a, ent_id, &e);
	arena_free(&a);
	if (rc != 0)
		return rc < 0 ? CLAIM_ERROR : CLAIM_REVOKED;
	if (e.revoked_at)
		return CLAIM_REVOKED;
	if (e.expires_at && e.expires_at <= now)
		return CLAIM_EXPIRED;
	if ((st = db_stmt(db, &stmts, Q_SEEN)) == NULL)
		return CLAIM_ERROR;
	db_bind_text(st, 1, token_hash);
	db_bind_int(st, 2, now);
	if (db_step_done(db, st, "download seen") < 0)
		return CLAIM_ERROR;
	if (sqlite3_changes(db_sqlite(db)) > 0)
		return CLAIM_OK;	/* the same link again: a resume */
	if ((used = db_download_count(db, ent_id, file_id)) < 0)
		return CLAIM_ERROR;
	if (e.max_downloads && used >= e.max_downloads)
		return CLAIM_EXHAUSTED;
	if ((st = db_stmt(db, &stmts, Q_CLAIM)) == NULL)
		return CLAIM_ERROR;
	db_bind_int(st, 1, ent_id);
	db_bind_int(st, 2, file_id);
	db_bind_text(st, 3, token_hash);
	db_bind_text(st, 4, remote_addr ? remote_addr : "");
	db_bind_int(st, 5, now);
	return db_insert(db, st, "download claim") < 0 ? CLAIM_ERROR : CLAIM_OK;
}

enum claim_result
db_download_claim(struct db *db, long long ent_id, long long file_id,
    const char *token_hash, const char *remote_addr, long long now)
{
	enum claim_result r;

	if (db_begin(db) < 0)
		return CLAIM_ERROR;
	r = claim(db, ent_id, file_id, token_hash, remote_addr, now);
	if (r == CLAIM_OK && db_commit(db) == 0)
		return CLAIM_OK;
	db_rollback(db);
	return r == CLAIM_OK ? CLAIM_ERROR : r;
}

/* db_row_fn: a library_item from a library statement's columns. */
static void
read_item(struct arena *a, sqlite3_stmt *st, void *row)
{
	struct library_item *it = row;

	it->ent_id = db_col_int(st, 0);
	it->file_id = db_col_int(st, 1);
	it->product_id = db_col_int(st, 2);
	it->parent_id = db_col_int(st, 3);
	it->position = db_col_int(st, 4);
	it->used = db_col_int(st, 5);
	it->max_downloads = db_col_int(st, 6);
	it->expires_at = db_col_int(st, 7);
	it->name = db_col_text(a, st, 8);
	it->slug = db_col_text(a, st, 9);
	it->media_type = db_col_text(a, st, 10);
	it->file_name = db_col_text(a, st, 11);
	it->image = db_col_text(a, st, 12);
	it->series = db_col_text(a, st, 13);
	it->season = db_col_text(a, st, 14);
	it->order_token = db_col_text(a, st, 15);
	it->order_id = db_col_int(st, 16);
	it->user_id = db_col_int(st, 17);
}

/* Reads the rows of a library statement into *out. */
static int
library_rows(struct db *db, struct arena *a, sqlite3_stmt *st,
    struct library_item **out, size_t *n)
{
	return db_rows(db, st, "library", a, sizeof(**out), read_item, out,
	    n) < 0 ? -1 : 0;
}

int
db_library_user(struct db *db, struct arena *a, long long user_id,
    const char *email_norm, long long now, struct library_item **out,
    size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_LIB_USER);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, user_id);
	if (email_norm != NULL)
		db_bind_text(st, 2, email_norm);
	db_bind_int(st, 3, now);
	return library_rows(db, a, st, out, n);
}

int
db_library_order(struct db *db, struct arena *a, long long order_id,
    long long now, struct library_item **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_LIB_ORDER);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, order_id);
	db_bind_int(st, 2, now);
	return library_rows(db, a, st, out, n);
}

int
db_library_owns(struct db *db, long long user_id, const char *email_norm,
    long long product_id, long long now)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_OWNS);
	long long n;

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, user_id);
	if (email_norm != NULL)
		db_bind_text(st, 2, email_norm);
	db_bind_int(st, 3, product_id);
	db_bind_int(st, 4, now);
	n = db_one_int(db, st, "library owns");
	return n < 0 ? -1 : n > 0;
}
