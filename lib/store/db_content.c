/* db_content.c — see db_content.h. */
#include <time.h>

#include "db_content.h"
#include "db_internal.h"

enum {
	Q_PAGE_PUT, Q_PAGE_GET, Q_PAGE_LIST, Q_PAGE_DEL, Q_PAGE_DEL_ALL,
	Q_FAQ_ADD, Q_FAQ_UPDATE, Q_FAQ_GET, Q_FAQ_LIST, Q_FAQ_DEL,
	Q_BANNER_PUT, Q_BANNER_LIST, Q_BANNER_ALL, Q_BANNER_DEL,
	Q_BANNER_DEL_ALL,
	Q_PAGE_FIND,
	Q_PAGE_PUBLISH,
	Q_PAGE_RENAME,
	Q_PAGE_EXISTS,
	Q_PAGE_FOOTER,
	Q_FAQ_ALL,
	Q__MAX
};

#define PAGE_COLS "slug, lang, title, body_md, body_html, updated_at, " \
	"published"
#define FAQ_COLS "id, lang, category, question, answer_md, answer_html, " \
	"position, updated_at"

static const char *const sql[Q__MAX] = {
	[Q_PAGE_PUT] = "INSERT INTO pages(slug, lang, title, body_md, "
	    "body_html, updated_at, published) VALUES (?, ?, ?, ?, ?, ?, ?) "
	    "ON CONFLICT(slug, lang) DO UPDATE SET title = excluded.title, "
	    "body_md = excluded.body_md, body_html = excluded.body_html, "
	    "updated_at = excluded.updated_at",
	[Q_PAGE_GET] = "SELECT " PAGE_COLS " FROM pages WHERE slug = ?1 "
	    "AND lang IN (?2, ?3) AND published = 1 "
	    "ORDER BY lang = ?2 DESC LIMIT 1",
	[Q_PAGE_LIST] = "SELECT " PAGE_COLS " FROM pages ORDER BY slug, lang",
	[Q_PAGE_DEL] = "DELETE FROM pages WHERE slug = ? AND lang = ?",
	[Q_PAGE_DEL_ALL] = "DELETE FROM pages WHERE slug = ?",
	[Q_FAQ_ADD] = "INSERT INTO faq_entries(lang, category, question, "
	    "answer_md, answer_html, position, updated_at) "
	    "VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8)",
	[Q_FAQ_UPDATE] = "UPDATE faq_entries SET lang = ?2, category = ?3, "
	    "question = ?4, answer_md = ?5, answer_html = ?6, position = ?7, "
	    "updated_at = ?8 WHERE id = ?1 RETURNING id",
	[Q_FAQ_GET] = "SELECT " FAQ_COLS " FROM faq_entries WHERE id = ?",
	[Q_FAQ_LIST] = "SELECT " FAQ_COLS " FROM faq_entries WHERE lang = "
	    "CASE WHEN ?2 IS NULL OR EXISTS (SELECT 1 FROM faq_entries "
	    "WHERE lang = ?1) THEN ?1 ELSE ?2 END ORDER BY position, id",
	[Q_FAQ_DEL] = "DELETE FROM faq_entries WHERE id = ? RETURNING id",
	[Q_BANNER_PUT] = "INSERT INTO banners(slot, lang, title, body, "
	    "position, active, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
	    "ON CONFLICT(slot, lang) DO UPDATE SET title = excluded.title, "
	    "body = excluded.body, position = excluded.position, "
	    "active = excluded.active, updated_at = excluded.updated_at",
	[Q_BANNER_LIST] = "SELECT slot, lang, title, body, position, active "
	    "FROM banners b WHERE active = 1 AND (lang = ?1 OR (lang = ?2 "
	    "AND NOT EXISTS (SELECT 1 FROM banners x WHERE x.slot = b.slot "
	    "AND x.lang = ?1))) ORDER BY position, slot",
	[Q_BANNER_ALL] = "SELECT slot, lang, title, body, position, active "
	    "FROM banners ORDER BY position, slot, lang",
	[Q_BANNER_DEL] = "DELETE FROM banners WHERE slot = ? AND lang = ?",
	[Q_BANNER_DEL_ALL] = "DELETE FROM banners WHERE slot = ?",
	[Q_PAGE_FIND] = "SELECT " PAGE_COLS " FROM pages WHERE slug = ? AND "
	    "lang = ?",
	[Q_PAGE_PUBLISH] = "UPDATE pages SET published = ?3 WHERE slug = ?1 "
	    "AND lang = ?2 RETURNING 1",
	[Q_PAGE_RENAME] = "UPDATE pages SET slug = ?2 WHERE slug = ?1",
	[Q_PAGE_EXISTS] = "SELECT count(*) FROM pages WHERE slug = ?",
	/* Published pages in ?1, and the default language's (?2) for the
	 * slugs ?1 has no published version of. */
	[Q_PAGE_FOOTER] = "SELECT " PAGE_COLS " FROM pages p WHERE "
	    "published = 1 AND (lang = ?1 OR (lang = ?2 AND NOT EXISTS "
	    "(SELECT 1 FROM pages x WHERE x.slug = p.slug AND x.lang = ?1 "
	    "AND x.published = 1))) ORDER BY slug",
	[Q_FAQ_ALL] = "SELECT " FAQ_COLS " FROM faq_entries "
	    "ORDER BY lang, position, id",
};
DB_STMTS(stmts, sql, Q__MAX);

/* db_row_fn: a page_row. */
static void
read_page(struct arena *a, sqlite3_stmt *st, void *row)
{
	struct page_row *p = row;

	p->slug = db_col_text(a, st, 0);
	p->lang = db_col_text(a, st, 1);
	p->title = db_col_text(a, st, 2);
	p->body_md = db_col_text(a, st, 3);
	p->body_html = db_col_text(a, st, 4);
	p->updated_at = db_col_int(st, 5);
	p->published = (int)db_col_int(st, 6);
}

int
db_page_put(struct db *db, const struct page_row *p)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_PAGE_PUT);

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, p->slug);
	db_bind_text(st, 2, p->lang);
	db_bind_text(st, 3, p->title);
	db_bind_text(st, 4, p->body_md);
	db_bind_text(st, 5, p->body_html);
	db_bind_int(st, 6, p->updated_at);
	db_bind_int(st, 7, p->published);
	return db_step_done(db, st, "page put");
}

int
db_page_get(struct db *db, struct arena *a, const char *slug,
    const char *lang, const char *fallback, struct page_row *out)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_PAGE_GET);
	int rc;

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, slug);
	db_bind_text(st, 2, lang);
	db_bind_text(st, 3, fallback ? fallback : lang);
	if ((rc = db_step_row(db, st, "page get")) == 0) {
		read_page(a, st, out);
		db_done(st);
	}
	return rc;
}

long long
db_page_list(struct db *db, struct arena *a, struct page_row **out)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_PAGE_LIST);

	if (st == NULL)
		return -1;
	return db_rows(db, st, "page list", a, sizeof(**out), read_page,
	    out, NULL);
}

/* Runs a DELETE with one or two text binds; the rows changed or -1. */
static long long
delete2(struct db *db, int q1, int q2, const char *a1, const char *a2)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, a2 != NULL ? q1 : q2);

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, a1);
	if (a2 != NULL)
		db_bind_text(st, 2, a2);
	if (db_step_done(db, st, "content delete") < 0)
		return -1;
	return sqlite3_changes(db_sqlite(db));
}

int
db_page_find(struct db *db, struct arena *a, const char *slug,
    const char *lang, struct page_row *out)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_PAGE_FIND);
	int rc;

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, slug);
	db_bind_text(st, 2, lang);
	if ((rc = db_step_row(db, st, "page find")) == 0) {
		read_page(a, st, out);
		db_done(st);
	}
	return rc;
}

long long
db_page_footer(struct db *db, struct arena *a, const char *lang,
    const char *fallback, struct page_row **out)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_PAGE_FOOTER);

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, lang);
	db_bind_text(st, 2, fallback ? fallback : lang);
	return db_rows(db, st, "page footer", a, sizeof(**out), read_page,
	    out, NULL);
}

int
db_page_publish(struct db *db, const char *slug, const char *lang, int on)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_PAGE_PUBLISH);
	long long got;

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, slug);
	db_bind_text(st, 2, lang);
	db_bind_int(st, 3, on != 0);
	got = db_one_int(db, st, "page publish");
	return got < 0 ? -1 : got == 0 ? DB_NONE : 0;
}

long long
db_page_count(struct db *db, const char *slug)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_PAGE_EXISTS);

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, slug);
	return db_one_int(db, st, "page count");
}

long long
db_page_rename(struct db *db, const char *from, const char *to)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_PAGE_RENAME);

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, from);
	db_bind_text(st, 2, to);
	if (db_step_done(db, st, "page rename") < 0)
		return -1;
	return sqlite3_changes(db_sqlite(db));
}

long long
db_page_delete(struct db *db, const char *slug, const char *lang)
{
	return delete2(db, Q_PAGE_DEL, Q_PAGE_DEL_ALL, slug, lang);
}

static void
faq_fn(struct arena *a, sqlite3_stmt *st, void *v)
{
	struct faq_row *r = v;

	r->id = db_col_int(st, 0);
	r->lang = db_col_text(a, st, 1);
	r->category = db_col_text(a, st, 2);
	r->question = db_col_text(a, st, 3);
	r->answer_md = db_col_text(a, st, 4);
	r->answer_html = db_col_text(a, st, 5);
	r->position = db_col_int(st, 6);
	r->updated_at = db_col_int(st, 7);
}

int
db_faq_put(struct db *db, struct faq_row *r)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, r->id ? Q_FAQ_UPDATE : Q_FAQ_ADD);
	long long id;

	if (st == NULL)
		return -1;
	if (r->id)
		db_bind_int(st, 1, r->id);
	db_bind_text(st, 2, r->lang);
	db_bind_text(st, 3, r->category);
	db_bind_text(st, 4, r->question);
	db_bind_text(st, 5, r->answer_md);
	db_bind_text(st, 6, r->answer_html);
	db_bind_int(st, 7, r->position);
	db_bind_int(st, 8, r->updated_at);
	if (r->id == 0) {
		if ((id = db_insert(db, st, "faq add")) <= 0)
			return -1;
		r->id = id;
		return 0;
	}
	id = db_one_int(db, st, "faq update");
	return id < 0 ? -1 : id == 0 ? DB_NONE : 0;
}

int
db_faq_get(struct db *db, struct arena *a, long long id, struct faq_row *out)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_FAQ_GET);
	int rc;

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, id);
	if ((rc = db_step_row(db, st, "faq get")) == 0) {
		faq_fn(a, st, out);
		db_done(st);
	}
	return rc;
}

long long
db_faq_list(struct db *db, struct arena *a, const char *lang,
    const char *fallback, struct faq_row **out)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_FAQ_LIST);

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, lang);
	if (fallback != NULL)
		db_bind_text(st, 2, fallback);
	return db_rows(db, st, "faq list", a, sizeof(**out), faq_fn,
	    out, NULL);
}

long long
db_faq_all(struct db *db, struct arena *a, struct faq_row **out)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_FAQ_ALL);

	if (st == NULL)
		return -1;
	return db_rows(db, st, "faq all", a, sizeof(**out), faq_fn,
	    out, NULL);
}

int
db_faq_delete(struct db *db, long long id)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_FAQ_DEL);
	long long got;

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, id);
	got = db_one_int(db, st, "faq delete");
	return got < 0 ? -1 : got == 0 ? DB_NONE : 0;
}

static void
banner_fn(struct arena *a, sqlite3_stmt *st, void *v)
{
	struct banner_row *b = v;

	b->slot = db_col_text(a, st, 0);
	b->lang = db_col_text(a, st, 1);
	b->title = db_col_text(a, st, 2);
	b->body = db_col_text(a, st, 3);
	b->position = db_col_int(st, 4);
	b->active = (int)db_col_int(st, 5);
}

int
db_banner_put(struct db *db, const struct banner_row *b)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_BANNER_PUT);

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, b->slot);
	db_bind_text(st, 2, b->lang);
	db_bind_text(st, 3, b->title);
	db_bind_text(st, 4, b->body);
	db_bind_int(st, 5, b->position);
	db_bind_int(st, 6, b->active);
	db_bind_int(st, 7, (long long)time(NULL));
	return db_step_done(db, st, "banner put");
}

long long
db_banner_list(struct db *db, struct arena *a, const char *lang,
    const char *fallback, int all, struct banner_row **out)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, all ? Q_BANNER_ALL : Q_BANNER_LIST);

	if (st == NULL)
		return -1;
	if (!all) {
		db_bind_text(st, 1, lang);
		db_bind_text(st, 2, fallback ? fallback : lang);
	}
	return db_rows(db, st, "banner list", a, sizeof(**out), banner_fn,
	    out, NULL);
}

long long
db_banner_delete(struct db *db, const char *slot, const char *lang)
{
	return delete2(db, Q_BANNER_DEL, Q_BANNER_DEL_ALL, slot, lang);
}
