/* db_attr.c — see db_attr.h. */
#include <string.h>

#include "db_attr.h"
#include "db_internal.h"

_Static_assert(LANG__MAX == 2, "name_en, name_fr columns");

#define ATTR_COLS "a.id, coalesce(a.category_id, 0), a.position, a.slug, "	\
	"a.name_en, a.name_fr, coalesce(c.name, '')"

enum {
	Q_ALL, Q_OPTS, Q_OPTS_COUNTED, Q_GET, Q_SLUG_OWNER, Q_INSERT, Q_UPDATE, Q_DELETE,
	Q_OPT_OWNER, Q_OPT_INSERT, Q_OPT_UPDATE, Q_OPT_DELETE, Q_OPT_FIND,
	Q_APPLIES, Q_VALUE_SET, Q_VALUE_CLEAR, Q_VALUES_CLEAR, Q_VALUES,
	Q_VALUES_CSV,
	Q__MAX
};

static const char *const sql[Q__MAX] = {
	[Q_ALL] = "SELECT " ATTR_COLS " FROM attributes a LEFT JOIN "
	    "categories c ON c.id = a.category_id ORDER BY a.position, a.id",
	[Q_OPTS] = "SELECT o.id, o.attribute_id, o.position, 0, o.slug, "
	    "o.label_en, o.label_fr FROM attribute_options o "
	    "ORDER BY o.attribute_id, o.position, o.id",
	[Q_OPTS_COUNTED] = "SELECT o.id, o.attribute_id, o.position, (SELECT "
	    "count(*) FROM product_attributes pa WHERE pa.option_id = o.id), "
	    "o.slug, o.label_en, o.label_fr FROM attribute_options o "
	    "ORDER BY o.attribute_id, o.position, o.id",
	[Q_GET] = "SELECT " ATTR_COLS " FROM attributes a LEFT JOIN "
	    "categories c ON c.id = a.category_id WHERE a.id = ?1",
	[Q_SLUG_OWNER] = "SELECT id FROM attributes WHERE slug = ?1 AND id <> ?2",
	[Q_INSERT] = "INSERT INTO attributes(slug, name_en, name_fr, "
	    "category_id, position) VALUES (?1, ?2, ?3, nullif(?4, 0), ?5)",
	[Q_UPDATE] = "UPDATE attributes SET slug = ?1, name_en = ?2, "
	    "name_fr = ?3, category_id = nullif(?4, 0), position = ?5 "
	    "WHERE id = ?6 RETURNING id",
	[Q_DELETE] = "DELETE FROM attributes WHERE id = ?1 RETURNING id",
	[Q_OPT_OWNER] = "SELECT id FROM attribute_options WHERE "
	    "attribute_id = ?1 AND slug = ?2 AND id <> ?3",
	[Q_OPT_INSERT] = "INSERT INTO attribute_options(attribute_id, slug, "
	    "label_en, label_fr, position) VALUES (?1, ?2, ?3, ?4, ?5)",
	[Q_OPT_UPDATE] = "UPDATE attribute_options SET slug = ?2, "
	    "label_en = ?3, label_fr = ?4, position = ?5 "
	    "WHERE attribute_id = ?1 AND id = ?6 RETURNING id",
	[Q_OPT_DELETE] = "DELETE FROM attribute_options WHERE id = ?1 "
	    "RETURNING id",
	[Q_OPT_FIND] = "SELECT " ATTR_COLS ", o.id, o.position, o.slug, "
	    "o.label_en, o.label_fr FROM attributes a JOIN attribute_options o "
	    "ON o.attribute_id = a.id LEFT JOIN categories c ON c.id = "
	    "a.category_id WHERE a.slug = ?1 AND o.slug = ?2",
	[Q_APPLIES] = "SELECT 1 FROM attributes a, products p WHERE a.id = ?1 "
	    "AND p.id = ?2 AND (a.category_id IS NULL OR EXISTS (SELECT 1 "
	    "FROM category_tree t WHERE t.ancestor_id = a.category_id AND "
	    "t.descendant_id = p.category_id))",
	[Q_VALUE_SET] = "INSERT INTO product_attributes(product_id, "
	    "attribute_id, option_id) VALUES (?1, ?2, ?3) ON CONFLICT "
	    "(product_id, attribute_id) DO UPDATE SET option_id = excluded.option_id",
	[Q_VALUE_CLEAR] = "DELETE FROM product_attributes WHERE product_id = ?1 "
	    "AND attribute_id = ?2",
	[Q_VALUES_CLEAR] = "DELETE FROM product_attributes WHERE product_id = ?1",
	[Q_VALUES] = "SELECT attribute_id, option_id FROM product_attributes "
	    "WHERE product_id = ?1",
	[Q_VALUES_CSV] = "SELECT coalesce(group_concat(s, ';'), '') FROM "
	    "(SELECT a.slug || '=' || o.slug AS s FROM product_attributes pa "
	    "JOIN attributes a ON a.id = pa.attribute_id JOIN attribute_options "
	    "o ON o.id = pa.option_id WHERE pa.product_id = ?1 "
	    "ORDER BY a.position, a.id)",
};
DB_STMTS(stmts, sql, Q__MAX);

static void
read_attr(struct arena *a, sqlite3_stmt *st, void *row)
{
	struct attr_def *d = row;

	d->id = db_col_int(st, 0);
	d->category_id = db_col_int(st, 1);
	d->position = db_col_int(st, 2);
	d->slug = db_col_text(a, st, 3);
	d->name[LANG_EN] = db_col_text(a, st, 4);
	d->name[LANG_FR] = db_col_text(a, st, 5);
	d->category = db_col_text(a, st, 6);
}

static void
read_option(struct arena *a, sqlite3_stmt *st, void *row)
{
	struct attr_option *o = row;

	o->id = db_col_int(st, 0);
	o->attribute_id = db_col_int(st, 1);
	o->position = db_col_int(st, 2);
	o->products = db_col_int(st, 3);
	o->slug = db_col_text(a, st, 4);
	o->label[LANG_EN] = db_col_text(a, st, 5);
	o->label[LANG_FR] = db_col_text(a, st, 6);
}

int
db_attr_all(struct db *db, struct arena *a, int counted,
    struct attr_def **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_ALL);
	struct attr_option *opts;
	size_t nopts;

	if (st == NULL || db_rows(db, st, "attributes", a, sizeof(**out),
	    read_attr, out, n) < 0)
		return -1;
	if (*n == 0)
		return 0;
	if ((st = db_stmt(db, &stmts, counted ? Q_OPTS_COUNTED : Q_OPTS)) == NULL ||
	    db_rows(db, st, "attribute options", a, sizeof(*opts),
	    read_option, &opts, &nopts) < 0)
		return -1;
	/* Options come by attribute: each attribute's are one run. */
	for (size_t i = 0, j = 0; i < *n; i++) {
		struct attr_def *d = &(*out)[i];
		for (j = 0; j < nopts && opts[j].attribute_id != d->id; j++)
			;
		d->opts = j < nopts ? &opts[j] : NULL;
		while (j < nopts && opts[j].attribute_id == d->id) {
			d->nopts++;
			j++;
		}
	}
	return 0;
}

int
db_attr_get(struct db *db, struct arena *a, long long id, struct attr_def *out)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_GET);
	int rc;

	memset(out, 0, sizeof(*out));
	if (st == NULL)
		return -1;
	db_bind_int(st, 1, id);
	if ((rc = db_step_row(db, st, "attribute")) == 0)
		read_attr(a, st, out);
	db_done(st);
	return rc;
}

long long
db_attr_slug_owner(struct db *db, const char *slug, long long except)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_SLUG_OWNER);

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, slug);
	db_bind_int(st, 2, except);
	return db_one_int(db, st, "attribute slug");
}

/* Binds slug, the two texts and position at ?sl, ?sl+1, ?sl+2 and ?pos. */
static void
bind_texts(sqlite3_stmt *st, int sl, const char *slug,
    const char *const text[LANG__MAX], int pos, long long position)
{
	db_bind_text(st, sl, slug);
	db_bind_text(st, sl + 1, text[LANG_EN] ? text[LANG_EN] : "");
	db_bind_text(st, sl + 2, text[LANG_FR] ? text[LANG_FR] : "");
	db_bind_int(st, pos, position);
}

long long
db_attr_put(struct db *db, long long id, const char *slug,
    const char *const name[LANG__MAX], long long category_id,
    long long position)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, id ? Q_UPDATE : Q_INSERT);

	if (st == NULL)
		return -1;
	bind_texts(st, 1, slug, name, 5, position);
	db_bind_int(st, 4, category_id);
	if (id == 0)
		return db_insert(db, st, "attribute");
	db_bind_int(st, 6, id);
	return db_one_int(db, st, "attribute");
}

/* Runs a DELETE ... RETURNING id of statement q for id. */
static int
delete_one(struct db *db, int q, long long id, const char *what)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, q);
	long long r;

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, id);
	if ((r = db_one_int(db, st, what)) < 0)
		return -1;
	return r == 0 ? DB_NONE : 0;
}

int
db_attr_delete(struct db *db, long long id)
{
	return delete_one(db, Q_DELETE, id, "attribute delete");
}

long long
db_attr_option_owner(struct db *db, long long attr, const char *slug,
    long long except)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_OPT_OWNER);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, attr);
	db_bind_text(st, 2, slug);
	db_bind_int(st, 3, except);
	return db_one_int(db, st, "option slug");
}

long long
db_attr_option_put(struct db *db, long long attr, long long id,
    const char *slug, const char *const label[LANG__MAX], long long position)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, id ? Q_OPT_UPDATE : Q_OPT_INSERT);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, attr);
	bind_texts(st, 2, slug, label, 5, position);
	if (id == 0)
		return db_insert(db, st, "attribute option");
	db_bind_int(st, 6, id);
	return db_one_int(db, st, "attribute option");
}

int
db_attr_option_delete(struct db *db, long long id)
{
	return delete_one(db, Q_OPT_DELETE, id, "option delete");
}

int
db_attr_option_find(struct db *db, struct arena *a, const char *attr,
    const char *option, struct attr_def *out)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_OPT_FIND);
	struct attr_option *o;
	int rc;

	memset(out, 0, sizeof(*out));
	if (st == NULL)
		return -1;
	db_bind_text(st, 1, attr);
	db_bind_text(st, 2, option);
	if ((rc = db_step_row(db, st, "attribute option")) == 0) {
		read_attr(a, st, out);
		o = arena_alloc(a, sizeof(*o));
		memset(o, 0, sizeof(*o));
		o->id = db_col_int(st, 7);
		o->attribute_id = out->id;
		o->position = db_col_int(st, 8);
		o->slug = db_col_text(a, st, 9);
		o->label[LANG_EN] = db_col_text(a, st, 10);
		o->label[LANG_FR] = db_col_text(a, st, 11);
		out->opts = o;
		out->nopts = 1;
	}
	db_done(st);
	return rc;
}

int
db_attr_applies(struct db *db, long long attr, long long product)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_APPLIES);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, attr);
	db_bind_int(st, 2, product);
	return (int)db_one_int(db, st, "attribute applies");
}

int
db_attr_value_set(struct db *db, long long product, long long attr,
    long long opt)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, opt ? Q_VALUE_SET : Q_VALUE_CLEAR);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, product);
	db_bind_int(st, 2, attr);
	if (opt)
		db_bind_int(st, 3, opt);
	return db_step_done(db, st, "attribute value") < 0 ? -1 : 0;
}

int
db_attr_values_clear(struct db *db, long long product)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_VALUES_CLEAR);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, product);
	return db_step_done(db, st, "attribute values") < 0 ? -1 : 0;
}

int
db_attr_values(struct db *db, struct arena *a, long long product,
    long long **attrs, long long **opts, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_VALUES);
	size_t cap = 0;
	int rc;

	*attrs = *opts = NULL;
	*n = 0;
	if (st == NULL)
		return -1;
	db_bind_int(st, 1, product);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		size_t c2 = cap;
		*attrs = db_grow(a, *attrs, *n, &cap, sizeof(**attrs));
		*opts = db_grow(a, *opts, *n, &c2, sizeof(**opts));
		(*attrs)[*n] = db_col_int(st, 0);
		(*opts)[(*n)++] = db_col_int(st, 1);
	}
	db_done(st);
	return rc == SQLITE_DONE ? 0 : db_fail(db, "attribute values");
}

const char *
db_attr_values_csv(struct db *db, struct arena *a, long long product)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_VALUES_CSV);
	const char *s = NULL;

	if (st == NULL)
		return NULL;
	db_bind_int(st, 1, product);
	if (db_step_row(db, st, "attribute csv") == 0)
		s = db_col_text(a, st, 0);
	db_done(st);
	return s;
}
