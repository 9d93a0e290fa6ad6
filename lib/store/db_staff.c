/* db_staff.c — see db_staff.h. */
#include <ctype.h>
#include <string.h>

#include "db_internal.h"
#include "db_staff.h"
#include "phone.h"
#include "store_conf.h"

#define ORDER_COLS "o.id, o.total_minor, o.created_at, "			\
	"(SELECT count(*) FROM payment_proofs p WHERE p.order_id = o.id), "	\
	"o.reference, o.status, o.payment_method, o.currency, "		\
	"o.customer_name, o.email, o.phone, o.country, "			\
	"coalesce(o.city, '') "
#define FILTERS "(?1 = '' OR o.status = ?1) "				\
	"AND (?2 = '' OR o.payment_method = ?2) "			\
	"AND (?3 = 0 OR o.created_at >= ?3) "				\
	"AND (?4 = 0 OR o.created_at < ?4) "

enum {
	Q_ORDERS, Q_ORDERS_REF, Q_ORDERS_EMAIL, Q_ORDERS_FIND, Q_NOTE_ADD,
	Q_NOTES, Q_NOTES_VISIBLE, Q_AUDIT_ADD, Q_AUDIT_LIST, Q_PROOF, Q__MAX
};

static const char *const sql[Q__MAX] = {
	/* Every filter is "unset or equal"; ids grow with time, so the
	 * keyset is the id.  Without a search: */
	[Q_ORDERS] = "SELECT " ORDER_COLS "FROM orders o WHERE " FILTERS
	    "AND (?6 = 0 OR o.id < ?6) ORDER BY o.id DESC LIMIT ?7",
	/* The search, exactly: an order reference, a gateway's payment id
	 * or charge (a handful of rows at most).  "charge_ref <> ''" lets
	 * the partial index payments_charge_ref serve (without it every
	 * search scanned payments: 25 ms at 1M orders). */
	[Q_ORDERS_REF] = "SELECT " ORDER_COLS "FROM orders o WHERE o.id IN "
	    "(SELECT id FROM orders WHERE reference = upper(?5) UNION "
	    "SELECT order_id FROM payments WHERE provider_id = ?5 UNION "
	    "SELECT order_id FROM payments WHERE charge_ref = ?5 AND "
	    "charge_ref <> '') AND "
	    FILTERS "AND (?6 = 0 OR o.id < ?6) ORDER BY o.id DESC LIMIT ?7",
	/* The search, exactly: an e-mail address (as order_email_norm()
	 * keeps it), newest first along orders_email (email_norm, id).  By
	 * words, its parts "example" and "com" are in nearly every order:
	 * 30 ms at 1M orders, against a few rows here. */
	[Q_ORDERS_EMAIL] = "SELECT " ORDER_COLS "FROM orders o WHERE "
	    "o.email_norm = lower(?5) AND " FILTERS "AND (?6 = 0 OR o.id < ?6) "
	    "ORDER BY o.id DESC LIMIT ?7",
	/* The search by words (?8, orders_find): the index yields ids
	 * newest first and stops at the limit, however common the word. */
	[Q_ORDERS_FIND] = "SELECT " ORDER_COLS "FROM orders_find f JOIN "
	    "orders o ON o.id = f.rowid WHERE orders_find MATCH ?8 AND "
	    FILTERS "AND (?6 = 0 OR f.rowid < ?6) ORDER BY f.rowid DESC "
	    "LIMIT ?7",
	[Q_NOTE_ADD] = "INSERT INTO order_notes(order_id, user_id, author, "
	    "body, visible, created_at) VALUES (?, nullif(?, 0), ?, ?, ?, ?)",
	[Q_NOTES] = "SELECT id, created_at, author, body, visible FROM "
	    "order_notes WHERE order_id = ? ORDER BY id",
	[Q_NOTES_VISIBLE] = "SELECT id, created_at, author, body, visible FROM "
	    "order_notes WHERE order_id = ? AND visible = 1 ORDER BY id",
	[Q_AUDIT_ADD] = "INSERT INTO audit_log(at, user_id, actor, action, "
	    "object_kind, object_id, detail, client_addr) "
	    "VALUES (?, nullif(?, 0), ?, ?, ?, ?, ?, ?)",
	[Q_AUDIT_LIST] = "SELECT id, at, coalesce(user_id, 0), actor, action, "
	    "object_kind, object_id, detail, client_addr FROM audit_log "
	    "WHERE (?1 = 0 OR id < ?1) AND (?2 = '' OR object_kind = ?2) "
	    "AND (?3 = '' OR object_id = ?3) ORDER BY id DESC LIMIT ?4",
	[Q_PROOF] = "SELECT p.order_id, p.content_type, p.original_name, "
	    "o.reference FROM payment_proofs p JOIN orders o ON o.id = "
	    "p.order_id WHERE p.stored_name = ?",
};
DB_STMTS(stmts, sql, Q__MAX);

/* The full-text query of search text q for orders_find: each word (a run
 * of letters and digits, as the unicode61 tokenizer cuts them) quoted, all
 * required; a telephone number written with spaces or dashes also as its
 * E.164 digits in the store's country.  NULL when q has no word. */
static const char *
find_query(struct arena *a, const char *q)
{
	char e164[PHONE_E164_BUF];
	const char *err, *expr = NULL;
	size_t words = 0;

	for (const char *p = q; *p && words < 8; ) {
		size_t n = 0;

		while (p[n] && (isalnum((unsigned char)p[n]) ||
		    (unsigned char)p[n] >= 0x80))
			n++;
		if (n == 0) {
			p++;
			continue;
		}
		expr = arena_printf(a, "%s%s\"%.*s\"", expr ? expr : "",
		    expr ? " " : "", (int)n, p);
		p += n;
		words++;
	}
	if (expr != NULL && strspn(q, "0123456789 +-.()") == strlen(q) &&
	    phone_e164(q, phone_country(conf_str(CONF_DEFAULT_COUNTRY)), e164,
	    &err) == 0)
		expr = arena_printf(a, "(%s) OR \"%s\"", expr, e164 + 1);
	return expr;
}

/* Runs statement q of the list with f's filters; see db_staff_orders_each.
 * Sets *found when a row came. */
static int
orders_run(struct db *db, struct arena *a, int q,
    const struct staff_order_filter *f, const char *find,
    int (*fn)(const struct staff_order_row *, void *), void *arg, int *found)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, q);
	struct staff_order_row r;
	int rc;

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, f->status ? f->status : "");
	db_bind_text(st, 2, f->method ? f->method : "");
	db_bind_int(st, 3, f->from);
	db_bind_int(st, 4, f->to);
	if (q == Q_ORDERS_REF || q == Q_ORDERS_EMAIL)
		db_bind_text(st, 5, f->q);
	db_bind_int(st, 6, f->before);
	db_bind_int(st, 7, f->limit > 0 ? f->limit : -1);
	if (q == Q_ORDERS_FIND)
		db_bind_text(st, 8, find);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*found = 1;
		r.id = db_col_int(st, 0);
		r.total_minor = db_col_int(st, 1);
		r.created_at = db_col_int(st, 2);
		r.nproofs = db_col_int(st, 3);
		r.reference = db_col_text(a, st, 4);
		r.status = db_col_text(a, st, 5);
		r.method = db_col_text(a, st, 6);
		r.currency = db_col_text(a, st, 7);
		r.name = db_col_text(a, st, 8);
		r.email = db_col_text(a, st, 9);
		r.phone = db_col_text(a, st, 10);
		r.country = db_col_text(a, st, 11);
		r.city = db_col_text(a, st, 12);
		if (fn(&r, arg) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	db_done(st);
	return rc == SQLITE_DONE ? 0 : db_fail(db, "staff orders");
}

int
db_staff_orders_each(struct db *db, struct arena *a,
    const struct staff_order_filter *f,
    int (*fn)(const struct staff_order_row *, void *), void *arg)
{
	const char *find;
	int found = 0;

	if (f->q == NULL || *f->q == '\0')
		return orders_run(db, a, Q_ORDERS, f, NULL, fn, arg, &found);
	/* An exact reference, payment id or e-mail address is the order
	 * asked for; else the words. */
	if (orders_run(db, a, strchr(f->q, '@') ? Q_ORDERS_EMAIL :
	    Q_ORDERS_REF, f, NULL, fn, arg, &found) < 0)
		return -1;
	if (found || (find = find_query(a, f->q)) == NULL)
		return 0;
	return orders_run(db, a, Q_ORDERS_FIND, f, find, fn, arg, &found);
}

long long
db_order_note_add(struct db *db, long long order, long long user,
    const char *author, const char *body, int visible, long long now)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_NOTE_ADD);
	long long id;

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, order);
	db_bind_int(st, 2, user);
	db_bind_text(st, 3, author);
	db_bind_text(st, 4, body);
	db_bind_int(st, 5, visible != 0);
	db_bind_int(st, 6, now);
	id = db_insert(db, st, "order note");
	return id < 0 ? -1 : id;
}

/* db_row_fn: a order_note from the statement's columns. */
static void
read_order_notes(struct arena *a, sqlite3_stmt *st, void *row)
{
	struct order_note *x = row;

	x->id = db_col_int(st, 0);
	x->at = db_col_int(st, 1);
	x->author = db_col_text(a, st, 2);
	x->body = db_col_text(a, st, 3);
	x->visible = (int)db_col_int(st, 4);
}

int
db_order_notes(struct db *db, struct arena *a, long long order,
    int visible_only, struct order_note **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, &stmts,
	    visible_only ? Q_NOTES_VISIBLE : Q_NOTES);

	*out = NULL;
	*n = 0;
	if (st == NULL)
		return -1;
	db_bind_int(st, 1, order);
	return db_rows(db, st, "order notes", a, sizeof(**out),
	    read_order_notes, out, n) < 0 ? -1 : 0;
}

int
db_audit_add(struct db *db, const struct audit_entry *e, long long now)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_AUDIT_ADD);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, now);
	db_bind_int(st, 2, e->user_id);
	db_bind_text(st, 3, e->actor ? e->actor : "");
	db_bind_text(st, 4, e->action);
	db_bind_text(st, 5, e->kind);
	db_bind_text(st, 6, e->object ? e->object : "");
	db_bind_text(st, 7, e->detail ? e->detail : "");
	db_bind_text(st, 8, e->addr ? e->addr : "");
	return db_step_done(db, st, "audit");
}

/* db_row_fn: a audit_entry from the statement's columns. */
static void
read_audit_list(struct arena *a, sqlite3_stmt *st, void *row)
{
	struct audit_entry *e = row;

	e->id = db_col_int(st, 0);
	e->at = db_col_int(st, 1);
	e->user_id = db_col_int(st, 2);
	e->actor = db_col_text(a, st, 3);
	e->action = db_col_text(a, st, 4);
	e->kind = db_col_text(a, st, 5);
	e->object = db_col_text(a, st, 6);
	e->detail = db_col_text(a, st, 7);
	e->addr = db_col_text(a, st, 8);
}

int
db_audit_list(struct db *db, struct arena *a, const char *kind,
    const char *object, long long before, long long limit,
    struct audit_entry **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_AUDIT_LIST);

	*out = NULL;
	*n = 0;
	if (st == NULL)
		return -1;
	db_bind_int(st, 1, before);
	db_bind_text(st, 2, kind ? kind : "");
	db_bind_text(st, 3, object ? object : "");
	db_bind_int(st, 4, limit);
	return db_rows(db, st, "audit list", a, sizeof(**out), read_audit_list,
	    out, n) < 0 ? -1 : 0;
}

int
db_proof_by_name(struct db *db, struct arena *a, const char *name,
    struct proof_file *p)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_PROOF);
	int rc;

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, name);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		p->order_id = db_col_int(st, 0);
		p->type = db_col_text(a, st, 1);
		p->original_name = db_col_text(a, st, 2);
		p->reference = db_col_text(a, st, 3);
	}
	db_done(st);
	if (rc == SQLITE_ROW)
		return 0;
	return rc == SQLITE_DONE ? 1 : db_fail(db, "proof by name");
}
