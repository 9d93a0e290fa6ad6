/* db_stats.c — see db_stats.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

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
	Q_ORDER, Q_LINES, Q_CUBE, Q_PRODUCT, Q_CLEAR, Q_CLEAR_MONTH,
	Q_CLEAR_SOLD, Q_CLEAR_SOLD_MONTH, Q_CLEAR_SOLD_BLOCK,
	Q_CLEAR_SOLD_YEAR, Q_CLEAR_PAID, Q_CLEAR_PAID_MONTH, Q_RE_CUBE,
	Q_RE_PRODUCT,
	Q_LAST, Q_CUSTOMERS, Q_LOW, Q_DAY, Q_WEEK, Q_MONTH, Q_STATUS, Q_METHOD, Q_CATEGORY, Q_TOP,
	Q__MAX
};
static const char *const sql[Q__MAX] = {
	/* One order's figures are summed here (order_figs), then added
	 * by one plain upsert per row: what an order changes is a few rows,
	 * and a grouping statement costs more than they do.  (A new order's
	 * come from memory, db_stats_placed: these two read a moved one.) */
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

/* One row of the figures: of order_stats (q Q_CUBE, keyed by day,
 * status, method, kind and category; orders counted) or of
 * order_stats_sold (Q_PRODUCT, keyed by day, kind, category and
 * product), what an upsert adds to it. */
struct fig {
	int		 q;
	const char	*day, *status, *method, *kind;
	long long	 cat, pid, orders, units, rev;
};

/* The rows one order of n lines l (day, status, method, total) adds,
 * times sign, into *out (arena a), *nout of them: (kind, category),
 * (kind, all), (all, category), (all, all) in order_stats, each order
 * once in each, (all, all) carrying the order's total; under the revenue
 * statuses its lines per product in order_stats_sold.  No lines, no rows
 * (as the rebuild).  Rows brought back to zero stay (one per combination
 * at most); the reads leave them out. */
static void
order_figs(struct arena *a, const char *day, const char *status,
    const char *method, long long total, const struct stats_line *l,
    size_t n, int sign, struct fig **out, size_t *nout)
{
	struct stats_line *cube = arena_alloc(a, (4 * n + 1) * sizeof(*cube));
	struct stats_line *sold = arena_alloc(a, (n + 1) * sizeof(*sold));
	size_t nc = 0, ns = 0, k = 0;
	int revenue = revenue_status(status);

	for (size_t i = 0; i < n; i++) {
		sum_into(cube, &nc, l[i].kind, l[i].cat, 0, l[i].qty, l[i].rev);
		sum_into(cube, &nc, l[i].kind, 0, -1, l[i].qty, l[i].rev);
		sum_into(cube, &nc, "", l[i].cat, -2, l[i].qty, l[i].rev);
		sum_into(cube, &nc, "", 0, -3, l[i].qty, 0);
		if (revenue)
			sum_into(sold, &ns, l[i].kind, l[i].cat, l[i].pid,
			    l[i].qty, l[i].rev);
	}
	*out = arena_alloc(a, (nc + ns + 1) * sizeof(**out));
	for (size_t i = 0; i < nc; i++)
		(*out)[k++] = (struct fig){ Q_CUBE, day, status, method,
		    cube[i].kind, cube[i].cat, 0, sign, sign * cube[i].qty,
		    sign * (cube[i].pid == -3 ? total : cube[i].rev) };
	for (size_t i = 0; i < ns; i++)
		(*out)[k++] = (struct fig){ Q_PRODUCT, day, status, method,
		    sold[i].kind, sold[i].cat, sold[i].pid, 0,
		    sign * sold[i].qty, sign * sold[i].rev };
	*nout = k;
}

/* The upsert of row r; 0 or -1. */
static int
add_row(struct db *db, const struct fig *r)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, r->q);
	int i = 1;

	if (st == NULL)
		return -1;
	if (r->q == Q_CUBE) {
		db_bind_text(st, i++, r->day);
		db_bind_text(st, i++, r->status);
		db_bind_text(st, i++, r->method);
		db_bind_text(st, i++, r->kind);
		db_bind_int(st, i++, r->cat);
		db_bind_int(st, i++, r->orders);
	} else {
		db_bind_text(st, i++, r->kind);
		db_bind_int(st, i++, r->cat);
		db_bind_int(st, i++, r->pid);
		db_bind_text(st, i++, r->day);
	}
	db_bind_int(st, i++, r->units);
	db_bind_int(st, i, r->rev);
	return db_step_done(db, st, r->q == Q_CUBE ? "stats order" :
	    "stats products") == 0 ? 0 : -1;
}

/* The upserts of rows r[0..n); 0 or -1. */
static int
add_rows(struct db *db, const struct fig *r, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (add_row(db, &r[i]) < 0)
			return -1;
	return 0;
}

int
db_stats_order(struct db *db, long long id, int sign, const char *status)
{
	struct arena a;
	struct stats_line *l;
	struct fig *rows;
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_ORDER);
	const char *day, *method;
	long long total;
	size_t n = 0, nr = 0;
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
	order_figs(&a, day, status, method, total, l, n, sign, &rows, &nr);
	rc = add_rows(db, rows, nr);
out:
	arena_free(&a);
	return rc;
}

/* The figures of the orders a batch keeps (db_batch_hook), summed row
 * by row and written once each before the batch commits: those of the
 * request whose savepoint is open (pend) join them when it is released
 * and are dropped when it is undone.  Strings are the fold's (its
 * arena), not the requests' (theirs are freed between requests).  One
 * per process: a worker has one connection (owner) in a batch. */
static struct {
	struct db	*owner;
	struct arena	 a;
	int		 ready;		/* a initialised */
	struct fig	*kept, *pend;
	size_t		 nkept, capkept, npend, cappend;
} fold;

/* Empties the fold (the batch's rows written or gone). */
static void
fold_clear(void)
{
	fold.owner = NULL;
	fold.kept = fold.pend = NULL;
	fold.nkept = fold.capkept = fold.npend = fold.cappend = 0;
	if (fold.ready)
		arena_reset(&fold.a);
}

/* 1 when rows a and b are the same row of the same table. */
static int
same_row(const struct fig *a, const struct fig *b)
{
	return a->q == b->q && a->cat == b->cat && a->pid == b->pid &&
	    strcmp(a->day, b->day) == 0 && strcmp(a->kind, b->kind) == 0 &&
	    (a->q != Q_CUBE || (strcmp(a->status, b->status) == 0 &&
	    strcmp(a->method, b->method) == 0));
}

/* Adds row r to the rows *v[0..*n) (capacity *cap): to its own when
 * there, else as a new one, its strings copied when copy. */
static void
fold_add(struct fig **v, size_t *n, size_t *cap, const struct fig *r,
    int copy)
{
	struct fig *f;

	for (size_t i = 0; i < *n; i++)
		if (same_row(&(*v)[i], r)) {
			(*v)[i].orders += r->orders;
			(*v)[i].units += r->units;
			(*v)[i].rev += r->rev;
			return;
		}
	*v = db_grow(&fold.a, *v, *n, cap, sizeof(**v));
	f = &(*v)[(*n)++];
	*f = *r;
	if (copy) {
		f->day = arena_strdup(&fold.a, r->day);
		f->status = arena_strdup(&fold.a, r->status);
		f->method = arena_strdup(&fold.a, r->method);
		f->kind = arena_strdup(&fold.a, r->kind);
	}
}

/* db_batch_hooks: the request's rows join the batch's ... */
static void
fold_kept(void *arg)
{
	(void)arg;
	for (size_t i = 0; i < fold.npend; i++)
		fold_add(&fold.kept, &fold.nkept, &fold.capkept, &fold.pend[i],
		    0);
	fold.npend = 0;
}

/* ... or go with its savepoint, */
static void
fold_undone(void *arg)
{
	(void)arg;
	fold.npend = 0;
}

/* are written just before the batch commits, */
static int
fold_flush(struct db *db, void *arg)
{
	int rc = add_rows(db, fold.kept, fold.nkept);

	(void)arg;
	fold_clear();
	return rc;
}

/* or go with the batch. */
static void
fold_dropped(void *arg)
{
	(void)arg;
	fold_clear();
}

static const struct db_batch_hooks fold_hooks = { fold_kept, fold_undone,
	fold_flush, fold_dropped };

/* Rows r[0..n) of the request now in db's batch: into the fold's
 * pending rows.  0, 1 when db is in no request of a batch (the caller
 * writes them now), -1. */
static int
fold_stage(struct db *db, const struct fig *r, size_t n)
{
	int rc;

	if (fold.owner != NULL && fold.owner != db) {
		log_error("db: stats: a second connection in a batch");
		return -1;
	}
	if ((rc = db_batch_hook(db, &fold_hooks, NULL)) != 0)
		return rc;
	if (!fold.ready) {
		arena_init(&fold.a, 8192);
		fold.ready = 1;
	}
	fold.owner = db;
	for (size_t i = 0; i < n; i++)
		fold_add(&fold.pend, &fold.npend, &fold.cappend, &r[i], 1);
	return 0;
}

int
db_stats_placed(struct db *db, const struct order *o)
{
	struct arena a;
	struct stats_line *l;
	struct fig *rows;
	struct tm tm;
	time_t t = (time_t)o->created_at;
	char day[16];
	size_t nr = 0;
	int rc;

	/* The day as DAY_OF gives it (SQLite's 'localtime' is the
	 * process's zone too). */
	if (localtime_r(&t, &tm) == NULL ||
	    strftime(day, sizeof(day), "%Y-%m-%d", &tm) == 0)
		return -1;
	arena_init(&a, 2048);
	l = arena_alloc(&a, (o->nlines + 1) * sizeof(*l));
	for (size_t i = 0; i < o->nlines; i++)
		l[i] = (struct stats_line){ o->lines[i].kind,
		    o->lines[i].category_id, o->lines[i].product_id,
		    o->lines[i].qty, o->lines[i].line_minor };
	order_figs(&a, day, o->status, o->method, o->total_minor, l,
	    o->nlines, 1, &rows, &nr);
	if ((rc = fold_stage(db, rows, nr)) == 1)
		rc = add_rows(db, rows, nr);
	arena_free(&a);
	return rc < 0 ? -1 : 0;
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
