/* db_detail.c — product_fields and order_item_fields (detail.h). */
#include <string.h>

#include "db_detail.h"
#include "db_internal.h"

enum {
	Q_FIELDS, Q_PRODUCT, Q_COUNT, Q_SET, Q_REMOVE, Q_INSERT, Q_OF_LINE, Q__MAX
};

static const char *const sql[Q__MAX] = {
	[Q_FIELDS] = "SELECT id, name, label, type, max_len, required, "
	    "label_en, label_fr FROM product_fields WHERE product_id = ? ORDER BY position, id "
	    "LIMIT 4",
	[Q_PRODUCT] = "SELECT count(*) FROM products WHERE id = ?",
	[Q_COUNT] = "SELECT count(*) FROM product_fields WHERE product_id = ?1 "
	    "AND name <> ?2",
	[Q_SET] = "INSERT INTO product_fields(product_id, name, label, type, "
	    "max_len, required, label_en, label_fr, position) VALUES (?1, ?2, "
	    "?3, ?4, ?5, ?6, ?7, ?8, "
	    "(SELECT coalesce(max(position), 0) + 1 FROM product_fields "
	    "WHERE product_id = ?1)) "
	    "ON CONFLICT (product_id, name) DO UPDATE SET label = excluded.label, "
	    "type = excluded.type, max_len = excluded.max_len, "
	    "required = excluded.required, label_en = excluded.label_en, "
	    "label_fr = excluded.label_fr",
	[Q_REMOVE] = "DELETE FROM product_fields WHERE product_id = ? AND name = ?",
	[Q_INSERT] = "INSERT INTO order_item_fields(order_id, line, position, "
	    "name, label, value, label_en, label_fr) "
	    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
	[Q_OF_LINE] = "SELECT name, label, value, label_en, label_fr "
	    "FROM order_item_fields "
	    "WHERE order_id = ? AND line = ? ORDER BY position",
};
DB_STMTS(stmts, sql, Q__MAX);

int
db_detail_fields(struct db *db, struct arena *a, long long product,
    struct detail_field **out)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_FIELDS);
	struct detail_field *f;
	int n = 0, rc;

	if (st == NULL)
		return -1;
	f = arena_alloc(a, DETAIL_MAX_PER_PRODUCT * sizeof(*f));
	db_bind_int(st, 1, product);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW &&
	    n < DETAIL_MAX_PER_PRODUCT) {
		const char *type = (const char *)sqlite3_column_text(st, 3);
		f[n].id = db_col_int(st, 0);
		f[n].name = db_col_text(a, st, 1);
		f[n].label = db_col_text(a, st, 2);
		f[n].type = type != NULL && strcmp(type, "mac") == 0 ?
		    DETAIL_MAC : DETAIL_TEXT;
		f[n].max_len = (int)db_col_int(st, 4);
		f[n].required = (int)db_col_int(st, 5);
		f[n].labels[LANG_EN] = db_col_text(a, st, 6);
		f[n].labels[LANG_FR] = db_col_text(a, st, 7);
		n++;
	}
	db_done(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return db_fail(db, "product fields");
	*out = f;
	return n;
}

int
db_detail_field_set(struct db *db, long long product,
    const struct detail_field *f)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_PRODUCT);
	long long have;

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, product);
	if ((have = db_one_int(db, st, "product")) <= 0)
		return have < 0 ? -1 : DB_NONE;
	if ((st = db_stmt(db, &stmts, Q_COUNT)) == NULL)
		return -1;
	db_bind_int(st, 1, product);
	db_bind_text(st, 2, f->name);
	if ((have = db_one_int(db, st, "product fields count")) < 0)
		return -1;
	if (have >= DETAIL_MAX_PER_PRODUCT)
		return -2;
	if ((st = db_stmt(db, &stmts, Q_SET)) == NULL)
		return -1;
	db_bind_int(st, 1, product);
	db_bind_text(st, 2, f->name);
	db_bind_text(st, 3, f->label);
	db_bind_text(st, 4, detail_types[f->type]);
	db_bind_int(st, 5, f->max_len);
	db_bind_int(st, 6, f->required);
	db_bind_text(st, 7, f->labels[LANG_EN] ? f->labels[LANG_EN] : "");
	db_bind_text(st, 8, f->labels[LANG_FR] ? f->labels[LANG_FR] : "");
	return db_step_done(db, st, "product field") == 0 ? 0 : -1;
}

int
db_detail_field_remove(struct db *db, long long product, const char *name)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_REMOVE);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, product);
	db_bind_text(st, 2, name);
	if (db_step_done(db, st, "product field remove") != 0)
		return -1;
	return sqlite3_changes(db_sqlite(db)) > 0 ? 0 : DB_NONE;
}

int
db_detail_insert(struct db *db, long long order, size_t line,
    const struct order_detail *d, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		sqlite3_stmt *st = db_stmt(db, &stmts, Q_INSERT);
		if (st == NULL)
			return -1;
		db_bind_int(st, 1, order);
		db_bind_int(st, 2, (long long)line);
		db_bind_int(st, 3, (long long)i + 1);
		db_bind_text(st, 4, d[i].name);
		db_bind_text(st, 5, d[i].label);
		db_bind_text(st, 6, d[i].value);
		db_bind_text(st, 7, d[i].labels[LANG_EN] ?
		    d[i].labels[LANG_EN] : "");
		db_bind_text(st, 8, d[i].labels[LANG_FR] ?
		    d[i].labels[LANG_FR] : "");
		if (db_step_done(db, st, "order line detail") != 0)
			return -1;
	}
	return 0;
}

/* db_row_fn: an order_detail from Q_OF_LINE's columns. */
static void
read_detail(struct arena *a, sqlite3_stmt *st, void *row)
{
	struct order_detail *d = row;

	d->name = db_col_text(a, st, 0);
	d->label = db_col_text(a, st, 1);
	d->value = db_col_text(a, st, 2);
	d->labels[LANG_EN] = db_col_text(a, st, 3);
	d->labels[LANG_FR] = db_col_text(a, st, 4);
}

int
db_detail_of_line(struct db *db, struct arena *a, long long order,
    size_t line, struct order_detail **out)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_OF_LINE);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, order);
	db_bind_int(st, 2, (long long)line);
	return (int)db_rows(db, st, "order line details", a, sizeof(**out),
	    read_detail, out, NULL);
}
