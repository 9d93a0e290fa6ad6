/* db_catalog_text.c — see db_catalog_text.h. */
#include "conf.h"
#include "db_catalog_text.h"
#include "db_internal.h"
#include "l10n.h"

enum {
	Q_PRODUCT, Q_CATEGORY, Q_PLAN,
	Q_PUT_PRODUCT, Q_DEL_PRODUCT, Q_PUT_CATEGORY, Q_DEL_CATEGORY,
	Q_PUT_PLAN, Q_DEL_PLAN,
	Q__MAX
};

static const char *const sql[Q__MAX] = {
	[Q_PRODUCT] = "SELECT name, description FROM product_text "
	    "WHERE product_id = ?1 AND lang = ?2",
	[Q_CATEGORY] = "SELECT name, description FROM category_text "
	    "WHERE category_id = ?1 AND lang = ?2",
	/* The visitor's language first, then the default one. */
	[Q_PLAN] = "SELECT label FROM plan_text WHERE plan_id = ?1 "
	    "AND lang IN (?2, ?3) ORDER BY lang = ?2 DESC LIMIT 1",
	[Q_PUT_PRODUCT] = "INSERT INTO product_text(product_id, lang, name, "
	    "description) VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO UPDATE SET "
	    "name = excluded.name, description = excluded.description",
	[Q_DEL_PRODUCT] = "DELETE FROM product_text WHERE product_id = ?1 "
	    "AND lang = ?2",
	[Q_PUT_CATEGORY] = "INSERT INTO category_text(category_id, lang, name, "
	    "description) VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO UPDATE SET "
	    "name = excluded.name, description = excluded.description",
	[Q_DEL_CATEGORY] = "DELETE FROM category_text WHERE category_id = ?1 "
	    "AND lang = ?2",
	[Q_PUT_PLAN] = "INSERT INTO plan_text(plan_id, lang, label) "
	    "VALUES (?1, ?2, ?3) ON CONFLICT DO UPDATE SET label = excluded.label",
	[Q_DEL_PLAN] = "DELETE FROM plan_text WHERE plan_id = ?1 AND lang = ?2",
};
DB_STMTS(stmts, sql, Q__MAX);

enum lang
catalog_lang(void)
{
	int l = lang_from_code(conf_str(CONF_DEFAULT_LANG));

	return l < 0 ? LANG_EN : (enum lang)l;
}

/* Looks up the (name, description) of row id in language l with statement
 * q and replaces *name and, when desc is not NULL, *desc by the non-empty
 * ones.  Returns 0 or -1. */
static int
text_of(struct db *db, struct arena *a, int q, long long id, enum lang l,
    const char **name, const char **desc)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, q);
	int rc;

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, id);
	db_bind_text(st, 2, lang_code(l));
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *n = db_col_text(a, st, 0), *d = db_col_text(a, st, 1);
		/* French punctuation as French writes it (l10n_punct). */
		if (*n != '\0')
			*name = l10n_punct(a, l, n);
		if (desc != NULL && *d != '\0')
			*desc = l10n_punct(a, l, d);
	}
	db_done(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 :
	    db_fail(db, "catalog text");
}

int
db_text_cards(struct db *db, struct arena *a, enum lang l,
    struct product_card *cards, size_t n)
{
	if (l == catalog_lang())
		return 0;
	for (size_t i = 0; i < n; i++) {
		struct product_card *c = &cards[i];
		const char *name = c->name;
		if (text_of(db, a, Q_PRODUCT, c->id, l, &c->name,
		    c->description != NULL ? &c->description : NULL) < 0)
			return -1;
		/* A search highlight marks the default name: it goes. */
		if (c->name != name)
			c->name_hl = c->name;
	}
	return 0;
}

int
db_text_name(struct db *db, struct arena *a, enum lang l, long long id,
    const char **name)
{
	if (l == catalog_lang())
		return 0;
	return text_of(db, a, Q_PRODUCT, id, l, name, NULL);
}

int
db_text_product(struct db *db, struct arena *a, enum lang l,
    struct product *p)
{
	const char *unused = NULL;

	if (l == catalog_lang())
		return 0;
	if (text_of(db, a, Q_PRODUCT, p->card.id, l, &p->card.name,
	    &p->description) < 0)
		return -1;
	p->card.name_hl = p->card.name;
	if (p->category_id > 0 && text_of(db, a, Q_CATEGORY, p->category_id, l,
	    &p->category_name, &unused) < 0)
		return -1;
	if (p->parent_id > 0 && *p->parent_name != '\0' && text_of(db, a,
	    Q_PRODUCT, p->parent_id, l, &p->parent_name, &unused) < 0)
		return -1;
	return 0;
}

int
db_text_categories(struct db *db, struct arena *a, enum lang l,
    struct category *cats, size_t n)
{
	if (l == catalog_lang())
		return 0;
	for (size_t i = 0; i < n; i++)
		if (text_of(db, a, Q_CATEGORY, cats[i].id, l, &cats[i].name,
		    &cats[i].description) < 0)
			return -1;
	return 0;
}

int
db_text_plan_label(struct db *db, struct arena *a, enum lang l,
    long long plan_id, const char **label)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_PLAN);
	int rc;

	*label = NULL;
	if (st == NULL)
		return -1;
	db_bind_int(st, 1, plan_id);
	db_bind_text(st, 2, lang_code(l));
	db_bind_text(st, 3, lang_code(catalog_lang()));
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*label = l10n_punct(a, l, db_col_text(a, st, 0));
	db_done(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 :
	    db_fail(db, "plan label");
}

/* Upserts (name, description) of row id in language l with statement put,
 * or deletes it with del when both are empty. */
static int
put_text(struct db *db, int put, int del, long long id, enum lang l,
    const char *name, const char *desc)
{
	int empty = (name == NULL || *name == '\0') &&
	    (desc == NULL || *desc == '\0');
	sqlite3_stmt *st = db_stmt(db, &stmts, empty ? del : put);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, id);
	db_bind_text(st, 2, lang_code(l));
	if (!empty) {
		db_bind_text(st, 3, name ? name : "");
		if (desc != NULL || put != Q_PUT_PLAN)
			db_bind_text(st, 4, desc ? desc : "");
	}
	return db_step_done(db, st, "catalog text") < 0 ? -1 : 0;
}

int
db_text_put_product(struct db *db, long long id, enum lang l,
    const char *name, const char *description)
{
	return put_text(db, Q_PUT_PRODUCT, Q_DEL_PRODUCT, id, l, name,
	    description);
}

int
db_text_put_category(struct db *db, long long id, enum lang l,
    const char *name, const char *description)
{
	return put_text(db, Q_PUT_CATEGORY, Q_DEL_CATEGORY, id, l, name,
	    description);
}

int
db_text_put_plan(struct db *db, long long id, enum lang l, const char *label)
{
	return put_text(db, Q_PUT_PLAN, Q_DEL_PLAN, id, l, label, NULL);
}

int
db_text_product_raw(struct db *db, struct arena *a, enum lang l, long long id,
    const char **name, const char **desc)
{
	*name = "";
	*desc = "";
	return text_of(db, a, Q_PRODUCT, id, l, name, desc);
}
