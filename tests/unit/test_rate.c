/* test_rate.c — the client keys rate limits count by. */
#include <stdio.h>

#include "db.h"
#include "db_rate.h"
#include "t.h"

TEST(rate_client_key_ipv4_ipv6_prefix)
{
	static const struct {
		const char *addr, *key;
	} cases[] = {
		{ "203.0.113.7", "203.0.113.7" },
		{ "::ffff:203.0.113.7", "203.0.113.7" },
		{ "2001:db8:5:6:aaaa:bbbb:cccc:dddd", "2001:db8:5:6::/64" },
		/* one spelling per network */
		{ "2001:0DB8:0005:0006::1", "2001:db8:5:6::/64" },
		{ "::1", "::/64" },
		{ "", "unknown" },
		{ "not an address", "unknown" },
		{ NULL, "unknown" },
	};
	char k[80];

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		rate_client_key(k, sizeof(k), cases[i].addr);
		CHECK_STR(k, cases[i].key);
	}
}

/* Counts and byte budgets over a real SQLite file with the real schema:
 * a budget refuses what would go over it and says when it fits again. */
TEST(rate_spend_counts_and_budgets)
{
	char path[512];
	struct db *db;
	long long wait = 0;

	snprintf(path, sizeof(path), "%s/rate.db", t_tmpdir());
	db = db_open(path, DB_CREATE);
	CHECK(db != NULL);
	if (db == NULL)
		return;
	CHECK_INT(db_schema_create(db), 0);
	/* A count: 2 per 100 s. */
	CHECK_INT(db_rate_hit(db, "t", "a", 2, 100, 1000, &wait), 0);
	CHECK_INT(db_rate_hit(db, "t", "a", 2, 100, 1010, &wait), 0);
	CHECK_INT(db_rate_hit(db, "t", "a", 2, 100, 1020, &wait), 1);
	CHECK_INT(wait, 80);			/* the hit of 1000 leaves at 1100 */
	CHECK_INT(db_rate_hit(db, "t", "b", 2, 100, 1020, &wait), 0);
	CHECK_INT(db_rate_hit(db, "t", "a", 2, 100, 1100, &wait), 0);
	/* A budget: 1000 bytes per 100 s. */
	CHECK_INT(db_rate_spend(db, "bytes", "a", 1000, 600, 100, 2000, &wait), 0);
	CHECK_INT(db_rate_spend(db, "bytes", "a", 1000, 300, 100, 2010, &wait), 0);
	CHECK_INT(db_rate_spend(db, "bytes", "a", 1000, 100, 100, 2020, &wait), 0);
	/* 1000 spent: 500 more fits once the 600 of 2000 leave. */
	CHECK_INT(db_rate_spend(db, "bytes", "a", 1000, 500, 100, 2030, &wait), 1);
	CHECK_INT(wait, 70);
	/* 700 fits only once the 300 of 2010 left too. */
	CHECK_INT(db_rate_spend(db, "bytes", "a", 1000, 700, 100, 2030, &wait), 1);
	CHECK_INT(wait, 80);
	/* More than the whole budget never fits: the window. */
	CHECK_INT(db_rate_spend(db, "bytes", "a", 1000, 1001, 100, 2030, &wait), 1);
	CHECK_INT(wait, 100);
	CHECK_INT(db_rate_spend(db, "bytes", "a", 1000, 500, 100, 2100, &wait), 0);
	db_close(db);
}

/* The window's total is a row kept by triggers: it follows hits deleted
 * by hand and always equals the sum of the hits in the window. */
TEST(rate_sums_follow_the_hits)
{
	struct db *db = t_db_new();
	long long wait = 0;

	CHECK(db != NULL);
	if (db == NULL)
		return;
	for (int i = 0; i < 50; i++)
		CHECK_INT(db_rate_hit(db, "t", "a", 50, 100, 1000 + i, &wait), 0);
	CHECK_INT(db_rate_hit(db, "t", "a", 50, 100, 1060, &wait), 1);
	CHECK_INT(wait, 40);
	CHECK_INT(t_int(db, "SELECT used FROM rate_sums WHERE bucket = 't' "
	    "AND client = 'a'"), 50);
	/* Deleted by hand (an operator lifting a block): room again. */
	CHECK_INT(t_exec(db, "DELETE FROM rate_hits WHERE at < 1010"), 0);
	CHECK_INT(t_int(db, "SELECT used FROM rate_sums WHERE bucket = 't' "
	    "AND client = 'a'"), 40);
	CHECK_INT(db_rate_hit(db, "t", "a", 50, 100, 1060, &wait), 0);
	/* The prune takes expired hits off the total; an empty total goes. */
	CHECK_INT(db_rate_hit(db, "t", "a", 50, 100, 1149, &wait), 0);
	CHECK_INT(t_int(db, "SELECT used FROM rate_sums WHERE bucket = 't' "
	    "AND client = 'a'"), 2);
	CHECK_INT(t_exec(db, "DELETE FROM rate_hits"), 0);
	CHECK_INT(t_int(db, "SELECT count(*) FROM rate_sums"), 0);
	db_close(db);
}
