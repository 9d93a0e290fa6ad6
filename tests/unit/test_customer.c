/* test_customer.c — the store's rules on staff actions on accounts
 * (customer.h) over a real SQLite file: never one's own account, never
 * without an enabled admin, the permission table for the actor, and an
 * audit row for each change (none for a refusal). */
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "customer.h"
#include "db.h"
#include "db_customer.h"
#include "t.h"

static const char staff_sql[] = "INSERT INTO users(id, email, "
    "email_norm, role, pw_hash, created_at, updated_at) VALUES "
    "(1, 'a@example.org', 'a@example.org', 'admin', 'x', 1, 1), "
    "(2, 'e@example.org', 'e@example.org', 'employee', 'x', 1, 1), "
    "(3, 'c@example.org', 'c@example.org', 'customer', 'x', 1, 1)";

TEST(customer_rules_self_last_admin_permissions)
{
	struct db *db = t_db_new();
	struct arena a;
	/* soukctl or a later API acts as a system admin with no account:
	 * the only way the last-admin rule can be reached. */
	struct staff_actor sys = { 0, "system", ROLE_ADMIN, "" };
	struct staff_actor adm = { 1, "a@example.org", ROLE_ADMIN, "" };
	struct staff_actor emp = { 2, "e@example.org", ROLE_EMPLOYEE, "" };
	struct customer_note *n;
	size_t nn;
	long long ended;

	CHECK(db != NULL);
	if (db == NULL)
		return;
	arena_init(&a, 4096);
	CHECK_INT(t_exec(db, staff_sql), 0);
	CHECK_INT(customer_set_role(db, &a, &adm, 1, ROLE_CUSTOMER, 10), CUST_SELF);
	CHECK_INT(customer_set_disabled(db, &a, &adm, 1, 1, 10), CUST_SELF);
	CHECK_INT(customer_set_role(db, &a, &emp, 3, ROLE_ADMIN, 10),
	    CUST_FORBIDDEN);
	CHECK_INT(customer_set_disabled(db, &a, &emp, 3, 1, 10), CUST_FORBIDDEN);
	CHECK_INT(customer_end_sessions(db, &a, &emp, 3, 10, &ended),
	    CUST_FORBIDDEN);
	CHECK_INT(customer_set_role(db, &a, &sys, 1, ROLE_EMPLOYEE, 10),
	    CUST_LAST_ADMIN);
	CHECK_INT(customer_set_disabled(db, &a, &sys, 1, 1, 10), CUST_LAST_ADMIN);
	CHECK_INT(customer_set_role(db, &a, &sys, 999, ROLE_ADMIN, 10), CUST_NONE);
	CHECK_INT(t_int(db, "SELECT count(*) FROM audit_log"), 0);
	/* A second admin: now the first may go. */
	CHECK_INT(customer_set_role(db, &a, &adm, 3, ROLE_ADMIN, 10), CUST_OK);
	CHECK_INT(customer_set_disabled(db, &a, &sys, 1, 1, 10), CUST_OK);
	CHECK_INT(t_int(db, "SELECT disabled FROM users WHERE id = 1"), 1);
	/* A disabled admin does not count: 3 is the last one. */
	CHECK_INT(customer_set_role(db, &a, &sys, 3, ROLE_CUSTOMER, 10),
	    CUST_LAST_ADMIN);
	/* Demoting the disabled admin is fine. */
	CHECK_INT(customer_set_role(db, &a, &sys, 1, ROLE_EMPLOYEE, 10), CUST_OK);
	CHECK_INT(t_int(db, "SELECT count(*) FROM audit_log"), 3);
	CHECK_INT(t_int(db, "SELECT count(*) FROM audit_log WHERE action = "
	    "'role' AND detail = 'customer -> admin' AND object_id = '3'"), 1);
	/* Employees write notes, on any account. */
	CHECK_INT(customer_note(db, &a, &emp, 3, "prefers mail", 20), CUST_OK);
	CHECK_INT(customer_note(db, &a, &emp, 2, "my own", 21), CUST_OK);
	CHECK_INT(db_customer_notes(db, &a, 3, &n, &nn), 0);
	CHECK_INT(nn, 1);
	if (nn == 1)
		CHECK_STR(n[0].body, "prefers mail");
	CHECK_INT(t_int(db, "SELECT count(*) FROM audit_log WHERE action = "
	    "'note'"), 2);
	/* Deleting the account removes the notes on it. */
	CHECK_INT(db_user_anonymise(db, 3, NULL, 30), 0);
	CHECK_INT(t_int(db, "SELECT count(*) FROM customer_notes WHERE "
	    "user_id = 3"), 0);
	CHECK_INT(t_int(db, "SELECT count(*) FROM customer_notes"), 1);
	arena_free(&a);
	db_close(db);
}

/* Adds order id of user (0: a guest) with email and total, moved to
 * status through the lifecycle the triggers allow. */
static void
order(struct db *db, int id, int user, const char *email, int total,
    const char *status, const char *currency)
{
	char sql[1024];

	snprintf(sql, sizeof(sql), "INSERT INTO orders(id, token, reference, "
	    "idem_key, status, payment_method, currency, subtotal_minor, "
	    "total_minor, customer_name, email, email_norm, phone, country, "
	    "lang, user_id, created_at, updated_at) VALUES (%d, 't%d', 'R-%d', "
	    "'k%d', 'awaiting_payment', 'mobile', '%s', %d, %d, 'N', '%s', "
	    "'%s', '', 'TN', 'en', nullif(%d, 0), %d, %d)", id, id, id, id,
	    currency, total, total, email, email, user, 100 + id, 100 + id);
	CHECK_INT(t_exec(db, sql), 0);
	if (strcmp(status, "awaiting_payment") == 0)
		return;
	snprintf(sql, sizeof(sql), "UPDATE orders SET status = '%s' WHERE "
	    "id = %d", strcmp(status, "cancelled") == 0 ? "cancelled" : "paid",
	    id);
	CHECK_INT(t_exec(db, sql), 0);
	if (strcmp(status, "completed") == 0 || strcmp(status, "refunded") == 0) {
		snprintf(sql, sizeof(sql), "UPDATE orders SET status = '%s' "
		    "WHERE id = %d", status, id);
		CHECK_INT(t_exec(db, sql), 0);
	}
}

static const char client_sql[] = "INSERT INTO users(id, email, "
    "email_norm, role, pw_hash, created_at, updated_at) VALUES "
    "(7, 'C@example.org', 'c@example.org', 'customer', 'x', 1, 1)";
static const char refunds_sql[] = "INSERT INTO payments(id, provider, "
    "provider_id, order_id, attempt, amount_minor, currency, mode, status, "
    "url, expires_at, created_at, updated_at) VALUES "
    "(1, 'stripe', 'p1', 2, 0, 2000, 'TND', 'test', 'paid', 'u', 0, 0, 0),"
    "(2, 'stripe', 'p2', 1, 0, 1000, 'TND', 'test', 'paid', 'u', 0, 0, 0);"
    "INSERT INTO payment_refunds(payment_id, amount_minor, idem_key, "
    "status, created_at) VALUES (1, 300, 'i1', 'done', 0), "
    "(2, 500, 'i2', 'refused', 0)";

/* The lifetime value: paid and completed orders in the store currency,
 * less the refunds done on them; the account's orders and, with its
 * verified address, its guest orders. */
TEST(customer_stats_lifetime_value)
{
	struct db *db = t_db_new();
	struct customer_stats s;
	struct customer_order *o;
	struct arena a;
	size_t n;

	CHECK(db != NULL);
	if (db == NULL)
		return;
	arena_init(&a, 4096);
	CHECK_INT(t_exec(db, client_sql), 0);
	order(db, 1, 7, "c@example.org", 1000, "paid", "TND");
	order(db, 2, 7, "c@example.org", 2000, "completed", "TND");
	order(db, 3, 7, "c@example.org", 4000, "refunded", "TND");
	order(db, 4, 7, "c@example.org", 8000, "cancelled", "TND");
	order(db, 5, 7, "c@example.org", 16000, "awaiting_payment", "TND");
	order(db, 6, 7, "c@example.org", 32000, "paid", "EUR");
	order(db, 7, 0, "c@example.org", 64000, "paid", "TND");	/* guest */
	order(db, 8, 0, "other@example.org", 128000, "paid", "TND");
	/* 300 of order 2 given back through its gateway; a refused refund
	 * of order 1 counts nothing. */
	CHECK_INT(t_exec(db, refunds_sql), 0);
	CHECK_INT(db_customer_stats(db, 7, NULL, "TND", &s), 0);
	CHECK_INT(s.orders, 6);
	CHECK_INT(s.ltv_minor, 1000 + 2000 - 300);
	CHECK_INT(s.last_order_at, 106);
	CHECK_INT(db_customer_stats(db, 7, "c@example.org", "TND", &s), 0);
	CHECK_INT(s.orders, 7);
	CHECK_INT(s.ltv_minor, 1000 + 2000 - 300 + 64000);
	CHECK_INT(s.last_order_at, 107);
	CHECK_INT(db_customer_orders(db, &a, 7, "c@example.org", 3, &o, &n), 0);
	CHECK_INT(n, 3);
	if (n == 3) {
		CHECK_INT(o[0].id, 7);
		CHECK_INT(o[0].guest, 1);
		CHECK_INT(o[1].id, 6);
		CHECK_INT(o[1].guest, 0);
	}
	CHECK_INT(db_customer_stats(db, 99, NULL, "TND", &s), 0);
	CHECK_INT(s.orders, 0);
	CHECK_INT(s.ltv_minor, 0);
	arena_free(&a);
	db_close(db);
}
