/* db_stats.c — see db_stats.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"
#include "db_stats.h"
#include "log.h"
#include "stats_span.h"

/* The placement day of order ?1 in the store's zone. */
#define DAY_OF "date(o.created_at, 'unixepoch', 'localtime')"
#define ADD_SUMS							\
	"orders = orders + excluded.orders, units = units + "		\
	"excluded.units, revenue_minor = revenue_minor + "		\
	"excluded.revenue_minor"
/* Rows of one status set (?5: ",paid,completed," or '' for all). */
#define STATUS_IN "(?5 = '' OR instr(?5, ',' || s.status || ',') > 0)"
#define SUMS "sum(s.orders), sum(s.units), sum(s.revenue_minor)"
/* The figures of days [?1, ?2] of kind ?3 and category ?4 as rows (day,
 * status, method, category_id, orders, units, revenue_minor): the whole
 * months inside the range from order_stats_month (day: the month's
 * first), the days of its first and last months from order_stats.  The
 * filters are in each part, so each is one range of a primary key. */
#define CUBE_PART(cat)							\
	"SELECT s.month || '-01' AS day, s.status, s.method, "		\
	"s.category_id, s.orders, s.units, s.revenue_minor FROM "	\
	"order_stats_month s WHERE s.kind = ?3 AND " cat " AND "	\
	"s.month > substr(?1, 1, 7) AND s.month < substr(?2, 1, 7) "	\
	"UNION ALL SELECT s.day, s.status, s.method, s.category_id, "	\
	"s.orders, s.units, s.revenue_minor FROM order_stats s WHERE "	\
	"s.kind = ?3 AND " cat " AND s.day BETWEEN ?1 AND "		\
	"min(?2, substr(?1, 1, 7) || '-31') "				\
	"UNION ALL SELECT s.day, s.status, s.method, s.category_id, "	\
	"s.orders, s.units, s.revenue_minor FROM order_stats s WHERE "	\
	"s.kind = ?3 AND " cat " AND substr(?1, 1, 7) < substr(?2, 1, 7) "	\
	"AND s.day BETWEEN substr(?2, 1, 7) || '-01' AND ?2"
#define ONE_CAT "s.category_id = ?4"
#define CUBE(cat) "(" CUBE_PART(cat) ") s "
/* The revenue figures (order_stats_paid: the revenue statuses) of days
 * [?1, ?2] of kind ?3 and each category of c(id) as rows (category_id,
 * day, orders, units, revenue_minor): the whole months inside the range
 * from order_stats_paid_month (day: the month's first), the days of its
 * first and last months from order_stats_paid; each part one range of the
 * key per category. */
#define PAID_PART							\
	"SELECT m.category_id, m.month || '-01' AS day, m.orders, "	\
	"m.units, m.revenue_minor FROM c JOIN order_stats_paid_month m "	\
	"ON m.kind = ?3 AND m.category_id = c.id AND m.month > "	\
	"substr(?1, 1, 7) AND m.month < substr(?2, 1, 7) "		\
	"UNION ALL SELECT d.category_id, d.day, d.orders, d.units, "	\
	"d.revenue_minor FROM c JOIN order_stats_paid d ON d.kind = ?3 "	\
	"AND d.category_id = c.id AND d.day BETWEEN ?1 AND "		\
	"min(?2, substr(?1, 1, 7) || '-31') "				\
	"UNION ALL SELECT d.category_id, d.day, d.orders, d.units, "	\
	"d.revenue_minor FROM c JOIN order_stats_paid d ON d.kind = ?3 "	\
	"AND d.category_id = c.id AND substr(?1, 1, 7) < substr(?2, 1, 7) "	\
	"AND d.day BETWEEN substr(?2, 1, 7) || '-01' AND ?2"
#define PAID_SUMS "sum(s.orders), sum(s.units), sum(s.revenue_minor)"
/* The top products' filters: kind ?3 ('' all) and category ?4 (0 all). */
#define SOLD_KC "(?3 = '' OR s.kind = ?3) AND (?4 = 0 OR s.category_id = ?4)"
/* One piece of a range (stats_span.h): the rows of keys lo..hi of
 * column col of table, units and totals times sign; NULL keys: none. */
#define SOLD_PIECE(table, col, lo, hi, sign)				\
	"SELECT s.product_id, " sign " * s.units AS units, " sign " * "	\
	"s.revenue_minor AS revenue_minor FROM " table " s WHERE s." col	\
	" BETWEEN " lo " AND " hi " AND " SOLD_KC
/* The units and line totals sold in days [?1, ?2] as rows (product_id,
 * units, revenue_minor), from its pieces (stats_span()): years ?7..?8
 * (order_stats_sold_year), months ?9..?10 times ?11 and ?12..?13 times
 * ?14 (order_stats_sold_month), blocks ?15..?16 times ?17 and ?18..?19
 * times ?20 (order_stats_sold_block), days ?21..?22 times ?23 and
 * ?24..?25 times ?26 (order_stats_sold).  Each part is one range of a
 * key (year, month, block or day first). */
#define SOLD_PART							\
	SOLD_PIECE("order_stats_sold_year", "year", "?7", "?8", "1")	\
	" UNION ALL "							\
	SOLD_PIECE("order_stats_sold_month", "month", "?9", "?10", "?11")	\
	" UNION ALL "							\
	SOLD_PIECE("order_stats_sold_month", "month", "?12", "?13", "?14")	\
	" UNION ALL "							\
	SOLD_PIECE("order_stats_sold_block", "block", "?15", "?16", "?17")	\
	" UNION ALL "							\
	SOLD_PIECE("order_stats_sold_block", "block", "?18", "?19", "?20")	\
	" UNION ALL "							\
	SOLD_PIECE("order_stats_sold", "day", "?21", "?22", "?23")	\
	" UNION ALL "							\
	SOLD_PIECE("order_stats_sold", "day", "?24", "?25", "?26")
#define HAVING_ANY "HAVING sum(s.orders) > 0 "
#define BY_REVENUE "ORDER BY 5 DESC, 3 DESC, 1 LIMIT ?6"

enum {
	Q_FILE, Q_ORDER, Q_LINES, Q_CUBE, Q_PRODUCT, Q_CLEAR, Q_CLEAR_MONTH,
	Q_CLEAR_SOLD, Q_CLEAR_SOLD_MONTH, Q_CLEAR_SOLD_BLOCK,
	Q_CLEAR_SOLD_YEAR, Q_CLEAR_PAID, Q_CLEAR_PAID_MONTH, Q_RE_CUBE,
	Q_RE_PRODUCT,
	Q_LAST, Q_CUSTOMERS, Q_LOW, Q_DAY, Q_WEEK, Q_MONTH, Q_STATUS, Q_METHOD, Q_CATEGORY, Q_TOP,
	Q__MAX
};
static const char *const sql[Q__MAX] = {
	[Q_FILE] = "UPDATE order_items SET category_id = coalesce((SELECT "
	    "p.category_id FROM products p WHERE p.id = order_items.product_id), "
	    "-1) WHERE order_id = ?1",
	/* One order's figures are summed here (db_stats_order), then added
	 * by one plain upsert per row: what an order changes is a few rows,
	 * and a grouping statement costs more than they do. */
	[Q_ORDER] = "SELECT " DAY_OF ", o.payment_method, o.total_minor FROM "
	    "orders o WHERE o.id = ?1",
	[Q_LINES] = "SELECT i.kind, i.category_id, coalesce(i.product_id, 0), "
	    "i.qty, i.line_minor FROM order_items i WHERE i.order_id = ?1",
	[Q_CUBE] = "INSERT INTO order_stats(day, status, method, kind, "
	    "category_id, orders, units, revenue_minor) VALUES (?1, ?2, ?3, "
	    "?4, ?5, ?6, ?7, ?8) ON CONFLICT (kind, category_id, day, status, "
	    "method) DO UPDATE SET " ADD_SUMS,
	[Q_PRODUCT] = "INSERT INTO order_stats_sold(kind, category_id, "
	    "product_id, day, units, revenue_minor) VALUES (?1, ?2, ?3, ?4, ?5, "
	    "?6) ON CONFLICT (day, kind, category_id, product_id) DO UPDATE SET "
	    "units = units + excluded.units, revenue_minor = revenue_minor + "
	    "excluded.revenue_minor",
	[Q_CLEAR] = "DELETE FROM order_stats",
	[Q_CLEAR_MONTH] = "DELETE FROM order_stats_month",
	[Q_CLEAR_SOLD] = "DELETE FROM order_stats_sold",
	[Q_CLEAR_SOLD_MONTH] = "DELETE FROM order_stats_sold_month",
	[Q_CLEAR_SOLD_BLOCK] = "DELETE FROM order_stats_sold_block",
	[Q_CLEAR_SOLD_YEAR] = "DELETE FROM order_stats_sold_year",
	[Q_CLEAR_PAID] = "DELETE FROM order_stats_paid",
	[Q_CLEAR_PAID_MONTH] = "DELETE FROM order_stats_paid_month",
	/* The same figures from every order at once: per order and (kind,
	 * category) first, then summed per day. */
	[Q_RE_CUBE] = "WITH l AS (SELECT o.id AS oid, " DAY_OF " AS day, "
	    "o.status AS status, o.payment_method AS method, o.total_minor AS "
	    "total, i.kind AS kind, i.category_id AS cat, i.qty AS qty, "
	    "i.line_minor AS rev FROM orders o JOIN order_items i ON "
	    "i.order_id = o.id), per AS (SELECT day, status, method, kind, cat, "
	    "sum(qty) AS units, sum(rev) AS rev FROM l GROUP BY oid, kind, cat "
	    "UNION ALL SELECT day, status, method, kind, 0, sum(qty), sum(rev) "
	    "FROM l GROUP BY oid, kind UNION ALL SELECT day, status, method, '', "
	    "cat, sum(qty), sum(rev) FROM l GROUP BY oid, cat UNION ALL SELECT "
	    "day, status, method, '', 0, sum(qty), total FROM l GROUP BY oid) "
	    "INSERT INTO order_stats(day, status, method, kind, category_id, "
	    "orders, units, revenue_minor) SELECT day, status, method, kind, "
	    "cat, count(*), sum(units), sum(rev) FROM per WHERE true "
	    "GROUP BY day, status, method, kind, cat",
	/* (order_stats_month, order_stats_paid, order_stats_paid_month,
	 * order_stats_sold_month, order_stats_sold_block and
	 * order_stats_sold_year follow by their triggers.) */
	[Q_RE_PRODUCT] = "INSERT INTO order_stats_sold(kind, category_id, "
	    "product_id, day, units, revenue_minor) SELECT i.kind, "
	    "i.category_id, coalesce(i.product_id, 0), " DAY_OF ", sum(i.qty), "
	    "sum(i.line_minor) FROM orders o JOIN order_items i ON i.order_id "
	    "= o.id WHERE instr(?1, ',' || o.status || ',') > 0 GROUP BY 1, 2, "
	    "3, 4",
	[Q_LAST] = "SELECT coalesce(max(id), 0) FROM orders",
	[Q_CUSTOMERS] = "SELECT count(*) FROM users WHERE role = 'customer'",
	[Q_LOW] = "SELECT name, id, 0, stock, 0 FROM products WHERE active = 1 "
	    "AND stock IS NOT NULL AND stock <= ?1 ORDER BY stock, name LIMIT ?2",
	/* Reads: ?1 ?2 days, ?3 kind, ?4 category, ?5 statuses, ?6 limit.
	 * Days, weeks, months and categories: the revenue statuses
	 * (order_stats_paid). */
	[Q_DAY] = "SELECT s.day, 0, s.orders, s.units, s.revenue_minor FROM "
	    "order_stats_paid s WHERE s.kind = ?3 AND s.category_id = ?4 AND "
	    "s.day BETWEEN ?1 AND ?2 AND s.orders > 0 ORDER BY s.day LIMIT ?6",
	[Q_WEEK] = "SELECT date(s.day, 'weekday 0', '-6 days') AS w, 0, "
	    PAID_SUMS " FROM order_stats_paid s WHERE s.kind = ?3 AND "
	    "s.category_id = ?4 AND s.day BETWEEN ?1 AND ?2 GROUP BY w "
	    "HAVING sum(s.orders) > 0 ORDER BY w LIMIT ?6",
	[Q_MONTH] = "WITH c(id) AS (SELECT ?4) SELECT substr(s.day, 1, 7) || "
	    "'-01' AS m, 0, " PAID_SUMS " FROM (" PAID_PART ") s GROUP BY m "
	    "HAVING sum(s.orders) > 0 ORDER BY m LIMIT ?6",
	[Q_STATUS] = "SELECT s.status, 0, " SUMS " FROM " CUBE(ONE_CAT)
	    "WHERE " STATUS_IN " GROUP BY s.status " HAVING_ANY BY_REVENUE,
	[Q_METHOD] = "SELECT s.method, 0, " SUMS " FROM " CUBE(ONE_CAT)
	    "WHERE " STATUS_IN " GROUP BY s.method " HAVING_ANY BY_REVENUE,
	/* Category ?4, or each category (not the "all" rows) when ?4 is 0,
	 * that has months in the range. */
	[Q_CATEGORY] = "WITH c(id) AS (SELECT DISTINCT m.category_id FROM "
	    "order_stats_paid_month m WHERE m.kind = ?3 AND (CASE WHEN ?4 = 0 "
	    "THEN m.category_id != 0 ELSE m.category_id = ?4 END) AND m.month "
	    "BETWEEN substr(?1, 1, 7) AND substr(?2, 1, 7)) "
	    "SELECT coalesce(k.name, ''), s.category_id, " PAID_SUMS " FROM ("
	    PAID_PART ") s LEFT JOIN categories k ON k.id = s.category_id "
	    "GROUP BY s.category_id " HAVING_ANY BY_REVENUE,
	/* The revenue statuses only (order_stats_sold), summed per product
	 * (0: the products gone). */
	[Q_TOP] = "SELECT coalesce(p.name, ''), g.pid, 0, g.units, g.rev "
	    "FROM (SELECT r.product_id AS pid, sum(r.units) AS units, "
	    "sum(r.revenue_minor) AS rev FROM (" SOLD_PART ") r GROUP BY "
	    "r.product_id) g LEFT JOIN products p ON p.id = g.pid WHERE "
	    "g.units > 0 ORDER BY 5 DESC, 4 DESC, 1 LIMIT ?6",
};
DB_STMTS(stmts, sql, Q__MAX);

const char *const stats_revenue_statuses[] = { "paid", "completed", NULL };

/* ",a,b," of the NULL-terminated list (NULL or empty: ""), in buf. */
static const char *
status_set(char *buf, size_t n, const char *const *list)
{
	size_t o = 0;

	buf[0] = '\0';
	for (size_t i = 0; list != NULL && list[i] != NULL && o < n; i++)
		o += (size_t)snprintf(buf + o, n - o, "%s%s,", o ? "" : ",",
		    list[i]);
	return buf;
}

int
db_stats_file_lines(struct db *db, long long id)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_FILE);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, id);
	return db_step_done(db, st, "stats file lines") == 0 ? 0 : -1;
}

/* One line of an order as the figures count it, and a row they add to
 * (the same fields summed: qty is then the units, rev the revenue). */
struct stats_line {
	const char	*kind;
	long long	 cat, pid, qty, rev;
};

static void
read_line(struct arena *a, sqlite3_stmt *st, void *row)
{
	struct stats_line *l = row;

	l->kind = db_col_text(a, st, 0);
	l->cat = db_col_int(st, 1);
	l->pid = db_col_int(st, 2);
	l->qty = db_col_int(st, 3);
	l->rev = db_col_int(st, 4);
}

/* Adds qty and rev to the row (kind, cat, pid) of sums[*n] (a new one
 * when there is none yet). */
static void
sum_into(struct stats_line *sums, size_t *n, const char *kind, long long cat,
    long long pid, long long qty, long long rev)
{
	size_t i;

	for (i = 0; i < *n; i++)
		if (sums[i].cat == cat && sums[i].pid == pid &&
		    strcmp(sums[i].kind, kind) == 0)
			break;
	if (i == *n) {
		sums[i] = (struct stats_line){ kind, cat, pid, 0, 0 };
		(*n)++;
	}
	sums[i].qty += qty;
	sums[i].rev += rev;
}

/* 1 when status is one of stats_revenue_statuses. */
static int
revenue_status(const char *status)
{
	for (size_t i = 0; stats_revenue_statuses[i] != NULL; i++)
		if (strcmp(stats_revenue_statuses[i], status) == 0)
			return 1;
	return 0;
}

/* The upsert of one row r (times sign) of order_stats (Q_CUBE, orders =
 * sign) or order_stats_sold (Q_PRODUCT); 0 or -1. */
static int
add_row(struct db *db, int q, const char *day, const char *status,
    const char *method, const struct stats_line *r, int sign)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, q);
	int i = 1;

	if (st == NULL)
		return -1;
	if (q == Q_CUBE) {
		db_bind_text(st, i++, day);
		db_bind_text(st, i++, status);
		db_bind_text(st, i++, method);
		db_bind_text(st, i++, r->kind);
		db_bind_int(st, i++, r->cat);
		db_bind_int(st, i++, sign);
	} else {
		db_bind_text(st, i++, r->kind);
		db_bind_int(st, i++, r->cat);
		db_bind_int(st, i++, r->pid);
		db_bind_text(st, i++, day);
	}
	db_bind_int(st, i++, sign * r->qty);
	db_bind_int(st, i, sign * r->rev);
	return db_step_done(db, st, q == Q_CUBE ? "stats order" :
	    "stats products") == 0 ? 0 : -1;
}

int
db_stats_order(struct db *db, long long id, int sign, const char *status)
{
	struct arena a;
	struct stats_line *l, *cube, *sold;
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_ORDER);
	const char *day, *method;
	long long total;
	size_t n = 0, nc = 0, ns = 0;
	int rc = -1;

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, id);
	if ((rc = db_step_row(db, st, "stats order")) != 0) {
		db_done(st);
		if (rc == DB_NONE)
			log_error("db: stats order: no order %lld", id);
		return -1;
	}
	rc = -1;
	arena_init(&a, 4096);
	day = db_col_text(&a, st, 0);
	method = db_col_text(&a, st, 1);
	total = db_col_int(st, 2);
	db_done(st);
	if ((st = db_stmt(db, &stmts, Q_LINES)) == NULL)
		goto out;
	db_bind_int(st, 1, id);
	if (db_rows(db, st, "stats lines", &a, sizeof(*l), read_line, &l,
	    &n) < 0)
		goto out;
	rc = 0;
	if (n == 0)	/* as the rebuild: no lines, no figures */
		goto out;
	/* (kind, category), (kind, all), (all, category), (all, all): each
	 * order once in each; (all, all) carries the order's total.  Rows
	 * brought back to zero stay (one per combination at most); the
	 * reads leave them out. */
	cube = arena_alloc(&a, (3 * n + 1) * sizeof(*cube));
	sold = arena_alloc(&a, n * sizeof(*sold));
	for (size_t i = 0; i < n; i++) {
		sum_into(cube, &nc, l[i].kind, l[i].cat, 0, l[i].qty, l[i].rev);
		sum_into(cube, &nc, l[i].kind, 0, -1, l[i].qty, l[i].rev);
		sum_into(cube, &nc, "", l[i].cat, -2, l[i].qty, l[i].rev);
		sum_into(cube, &nc, "", 0, -3, l[i].qty, 0);
		sum_into(sold, &ns, l[i].kind, l[i].cat, l[i].pid, l[i].qty,
		    l[i].rev);
	}
	for (size_t i = 0; i < nc; i++)
		if (cube[i].pid == -3)	/* (all, all) */
			cube[i].rev = total;
	for (size_t i = 0; rc == 0 && i < nc; i++)
		rc = add_row(db, Q_CUBE, day, status, method, &cube[i], sign);
	/* The top products count the revenue statuses only. */
	for (size_t i = 0; rc == 0 && revenue_status(status) && i < ns; i++)
		rc = add_row(db, Q_PRODUCT, day, status, method, &sold[i],
		    sign);
out:
	arena_free(&a);
	return rc;
}

/* Runs the argument-less statement q; 0 or -1. */
static int
run_plain(struct db *db, int q, const char *what)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, q);

	return st != NULL && db_step_done(db, st, what) == 0 ? 0 : -1;
}

int
db_stats_rebuild(struct db *db)
{
	static const int clear[] = { Q_CLEAR, Q_CLEAR_MONTH, Q_CLEAR_SOLD,
	    Q_CLEAR_SOLD_MONTH, Q_CLEAR_SOLD_BLOCK, Q_CLEAR_SOLD_YEAR,
	    Q_CLEAR_PAID, Q_CLEAR_PAID_MONTH, Q_RE_CUBE };
	sqlite3_stmt *st;
	char set[128];

	for (size_t i = 0; i < sizeof(clear) / sizeof(clear[0]); i++)
		if (run_plain(db, clear[i], "stats rebuild") < 0)
			return -1;
	if ((st = db_stmt(db, &stmts, Q_RE_PRODUCT)) == NULL)
		return -1;
	db_bind_text(st, 1, status_set(set, sizeof(set),
	    stats_revenue_statuses));
	return db_step_done(db, st, "stats rebuild products") == 0 ? 0 : -1;
}

/* Binds range r of a span at ?i (lo), ?i+1 (hi) and, when signed, its
 * sign at ?i+2 (an unused range: NULL keys). */
static void
bind_range(sqlite3_stmt *st, int i, const struct span_range *r, int signed_)
{
	db_bind_text(st, i, r->sign ? r->lo : NULL);
	db_bind_text(st, i + 1, r->sign ? r->hi : NULL);
	if (signed_)
		db_bind_int(st, i + 2, r->sign);
}

/* Binds Q_TOP's pieces of sp (?7 to ?26). */
static void
bind_span(sqlite3_stmt *st, const struct stats_span *sp)
{
	bind_range(st, 7, &sp->year, 0);
	for (int i = 0; i < SPAN_SLOTS; i++) {
		bind_range(st, 9 + 3 * i, &sp->month[i], 1);
		bind_range(st, 15 + 3 * i, &sp->block[i], 1);
		bind_range(st, 21 + 3 * i, &sp->day[i], 1);
	}
}

/* db_row_fn of the reads: key, id, orders, units, revenue (Q_LOW fills
 * the same five columns: name, id, 0, stock, 0). */
static void
read_row(struct arena *a, sqlite3_stmt *st, void *row)
{
	struct stats_row *r = row;

	r->key = db_col_text(a, st, 0);
	r->id = db_col_int(st, 1);
	r->orders = db_col_int(st, 2);
	r->units = db_col_int(st, 3);
	r->revenue_minor = db_col_int(st, 4);
}

int
db_stats_read(struct db *db, struct arena *a, const struct stats_query *q,
    enum stats_group g, const char *const *statuses, size_t limit,
    struct stats_row **out, size_t *n)
{
	static const int qs[STATS_GROUP__MAX] = {
		[STATS_BY_DAY] = Q_DAY, [STATS_BY_WEEK] = Q_WEEK,
		[STATS_BY_MONTH] = Q_MONTH, [STATS_BY_STATUS] = Q_STATUS,
		[STATS_BY_METHOD] = Q_METHOD, [STATS_BY_CATEGORY] = Q_CATEGORY,
		[STATS_BY_PRODUCT] = Q_TOP,
	};
	sqlite3_stmt *st;
	struct stats_span sp;
	char set[256];

	*out = NULL;
	*n = 0;
	if ((int)g < 0 || g >= STATS_GROUP__MAX ||
	    (g == STATS_BY_PRODUCT && stats_span(q->from, q->to, &sp) < 0) ||
	    (st = db_stmt(db, &stmts, qs[g])) == NULL)
		return -1;
	status_set(set, sizeof(set), statuses);
	db_bind_text(st, 1, q->from);
	db_bind_text(st, 2, q->to);
	db_bind_text(st, 3, q->kind);
	db_bind_int(st, 4, q->category);
	db_bind_text(st, 5, set);
	db_bind_int(st, 6, limit ? (long long)limit : -1);
	if (g == STATS_BY_PRODUCT)
		bind_span(st, &sp);
	return db_rows(db, st, "stats read", a, sizeof(**out), read_row, out,
	    n) < 0 ? -1 : 0;
}

long long
db_stats_last_order(struct db *db)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_LAST);

	return st == NULL ? -1 : db_one_int(db, st, "orders max");
}

long long
db_stats_customers(struct db *db)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_CUSTOMERS);

	return st == NULL ? -1 : db_one_int(db, st, "customers count");
}

int
db_stats_low_stock(struct db *db, struct arena *a, long long at_most,
    size_t limit, struct stats_row **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_LOW);

	*out = NULL;
	*n = 0;
	if (st == NULL)
		return -1;
	db_bind_int(st, 1, at_most);
	db_bind_int(st, 2, (long long)limit);
	return db_rows(db, st, "low stock", a, sizeof(**out), read_row, out,
	    n) < 0 ? -1 : 0;
}
