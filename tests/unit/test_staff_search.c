/* test_staff_search.c — the admin's order search (db_staff_orders_each):
 * an exact reference, payment id or charge reads its indexes, never a
 * whole table (one such scan of payments was 25 ms a search at 1M
 * orders), and an e-mail address finds that address's orders only. */
#include <string.h>

#include <sqlite3.h>

#include "arena.h"
#include "db.h"
#include "db_internal.h"
#include "db_staff.h"
#include "t.h"

/* Collects the references found (up to 8). */
struct found {
	const char	*ref[8];
	size_t		 n;
};

static int
collect(const struct staff_order_row *r, void *arg)
{
	struct found *f = arg;

	if (f->n < 8)
		f->ref[f->n++] = r->reference;
	return 0;
}

/* Full-table scan steps the store's statements made since the last
 * call (SQLITE_STMTSTATUS_FULLSCAN_STEP, reset). */
static long long
scan_steps(struct db *db)
{
	long long n = 0;

	for (sqlite3_stmt *st = sqlite3_next_stmt(db_sqlite(db), NULL);
	    st != NULL; st = sqlite3_next_stmt(db_sqlite(db), st))
		n += sqlite3_stmt_status(st, SQLITE_STMTSTATUS_FULLSCAN_STEP,
		    1);
	return n;
}

static struct found
search(struct db *db, struct arena *a, const char *q)
{
	struct staff_order_filter f = { .q = q, .limit = 50 };
	struct found r = { { 0 }, 0 };

	CHECK_INT(db_staff_orders_each(db, a, &f, collect, &r), 0);
	return r;
}

/* 300 orders; 7 and 8 have addresses of the same words. */
static const char orders_sql[] = "WITH RECURSIVE n(i) AS (SELECT 1 UNION "
    "ALL SELECT i + 1 FROM n WHERE i < 300) INSERT INTO orders(token, "
    "reference, idem_key, status, payment_method, currency, subtotal_minor, "
    "total_minor, customer_name, email, email_norm, phone, country, lang, "
    "created_at, updated_at) SELECT printf('tok%021d', i), "
    "printf('SK-T%06d', i), printf('k%d', i), 'awaiting_payment', 'bank', "
    "'TND', 1000, 1000, 'Some Customer', CASE i WHEN 7 THEN "
    "'Dot.A@Example.com' WHEN 8 THEN 'dot-a@example.com' ELSE "
    "printf('c%d@example.com', i) END, CASE i WHEN 7 THEN "
    "'dot.a@example.com' WHEN 8 THEN 'dot-a@example.com' ELSE "
    "printf('c%d@example.com', i) END, '+21620000000', 'TN', 'en', i, i "
    "FROM n";
/* A payment per order, charge_ref empty but for order 9's. */
static const char payments_sql[] = "INSERT INTO payments(provider, "
    "provider_id, order_id, attempt, amount_minor, currency, mode, status, "
    "url, expires_at, created_at, updated_at, charge_ref) SELECT 'stripe', "
    "printf('cs_%d', id), id, 0, 1000, 'TND', 'test', 'open', 'https://x', "
    "0, 0, 0, CASE id WHEN 9 THEN 'ch_nine' ELSE '' END FROM orders";

TEST(staff_search_exact_matches_read_indexes_and_addresses_are_exact)
{
	struct db *db = t_db_new();
	struct arena a;
	struct found r;

	CHECK(db != NULL);
	arena_init(&a, 4096);
	CHECK_INT(t_exec(db, orders_sql), 0);
	CHECK_INT(t_exec(db, payments_sql), 0);
	scan_steps(db);
	r = search(db, &a, "ch_nine");
	CHECK_INT(r.n, 1);
	CHECK_STR(r.ref[0], "SK-T000009");
	r = search(db, &a, "cs_12");
	CHECK_INT(r.n, 1);
	CHECK_STR(r.ref[0], "SK-T000012");
	r = search(db, &a, "sk-t000020");
	CHECK_INT(r.n, 1);
	CHECK_STR(r.ref[0], "SK-T000020");
	CHECK_INT(scan_steps(db), 0);	/* indexes only */
	/* The address exactly, in any case: not its namesake with the same
	 * words (dot.a and dot-a). */
	r = search(db, &a, "DOT.A@example.COM");
	CHECK_INT(r.n, 1);
	CHECK_STR(r.ref[0], "SK-T000007");
	CHECK_INT(scan_steps(db), 0);
	/* Its words find both. */
	r = search(db, &a, "dot a");
	CHECK_INT(r.n, 2);
	arena_free(&a);
	db_close(db);
}
