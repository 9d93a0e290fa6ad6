/* db_check.c — see db_check.h. */
#include <time.h>

#include "db_check.h"
#include "db_internal.h"

enum {
	Q_SUBTOTAL, Q_TOTAL, Q_NO_LINES, Q_LINE, Q_HISTORY, Q_COUPON,
	Q_STOCK, Q_OUTBOX_SENT, Q_OUTBOX_FAILED, Q_OUTBOX_CLAIM,
	Q_OUTBOX_STALE, Q__MAX
};

static const char *const sql[Q__MAX] = {
	[Q_SUBTOTAL] = "SELECT count(*) FROM orders o WHERE subtotal_minor <> "
	    "(SELECT coalesce(sum(line_minor), 0) FROM order_items i "
	    "WHERE i.order_id = o.id)",
	[Q_TOTAL] = "SELECT count(*) FROM orders WHERE total_minor <> "
	    "subtotal_minor - discount_minor OR discount_minor > subtotal_minor",
	[Q_NO_LINES] = "SELECT count(*) FROM orders o WHERE NOT EXISTS "
	    "(SELECT 1 FROM order_items i WHERE i.order_id = o.id)",
	[Q_LINE] = "SELECT count(*) FROM order_items WHERE line_minor <> "
	    "price_minor * qty OR qty < 1",
	/* The newest event of each order names its current status. */
	[Q_HISTORY] = "SELECT count(*) FROM orders o WHERE coalesce((SELECT "
	    "status FROM order_events e WHERE e.order_id = o.id ORDER BY seq "
	    "DESC LIMIT 1), '') <> o.status",
	[Q_COUPON] = "SELECT count(*) FROM orders o LEFT JOIN "
	    "coupon_redemptions r ON r.order_id = o.id WHERE (o.coupon_id IS "
	    "NULL) <> (r.id IS NULL) OR (r.id IS NOT NULL AND r.discount_minor "
	    "<> o.discount_minor)",
	[Q_STOCK] = "SELECT count(*) FROM products WHERE stock < 0",
	[Q_OUTBOX_SENT] = "SELECT count(*) FROM mail_outbox WHERE "
	    "(status = 'sent') <> (sent_at IS NOT NULL)",
	[Q_OUTBOX_FAILED] = "SELECT count(*) FROM mail_outbox WHERE "
	    "status = 'failed' AND coalesce(last_error, '') = ''",
	[Q_OUTBOX_CLAIM] = "SELECT count(*) FROM mail_outbox WHERE "
	    "(status = 'sending') <> (claimed_until IS NOT NULL)",
	/* A claim an hour past its end: a sender died (the next one
	 * reclaims it, but nobody is sending). */
	[Q_OUTBOX_STALE] = "SELECT count(*) FROM mail_outbox WHERE "
	    "(status = 'sending' AND claimed_until < ?1 - 3600) OR "
	    "(status = 'queued' AND next_attempt_at < ?1 - 3600)",
};
DB_STMTS(stmts, sql, Q__MAX);

static const struct {
	int			 q;
	const char		*name, *what;
	enum check_level	 level;
} checks[] = {
	{ Q_SUBTOTAL, "order-subtotal", "orders whose subtotal is not the sum "
	    "of their lines", CHECK_ERROR },
	{ Q_TOTAL, "order-total", "orders whose total is not subtotal minus "
	    "discount", CHECK_ERROR },
	{ Q_NO_LINES, "order-lines", "orders without lines", CHECK_ERROR },
	{ Q_LINE, "line-amount", "order lines whose amount is not price times "
	    "quantity", CHECK_ERROR },
	{ Q_HISTORY, "order-history", "orders whose newest event is not their "
	    "status", CHECK_ERROR },
	{ Q_COUPON, "order-coupon", "orders whose coupon and redemption "
	    "disagree", CHECK_ERROR },
	{ Q_STOCK, "stock", "products with negative stock", CHECK_ERROR },
	{ Q_OUTBOX_SENT, "outbox-sent", "mails sent without a time, or a "
	    "time without being sent", CHECK_ERROR },
	{ Q_OUTBOX_FAILED, "outbox-failed", "failed mails that do not say "
	    "why", CHECK_ERROR },
	{ Q_OUTBOX_CLAIM, "outbox-claim", "mails being sent without a claim, "
	    "or claimed while not being sent", CHECK_ERROR },
	{ Q_OUTBOX_STALE, "outbox-stale", "mails due for over an hour (is "
	    "the sender running?)", CHECK_WARN },
};

int
db_check_invariants(struct db *db, void (*report)(const char *, const char *,
    enum check_level, long long, void *), void *arg)
{
	int broken = 0;

	for (size_t i = 0; i < sizeof(checks) / sizeof(checks[0]); i++) {
		sqlite3_stmt *st = db_stmt(db, &stmts, checks[i].q);
		long long n;

		if (st == NULL)
			return -1;
		if (sqlite3_bind_parameter_count(st) > 0)
			db_bind_int(st, 1, (long long)time(NULL));
		if ((n = db_one_int(db, st, checks[i].name)) < 0)
			return -1;
		report(checks[i].name, checks[i].what, checks[i].level, n, arg);
		if (n > 0 && checks[i].level == CHECK_ERROR)
			broken++;
	}
	return broken;
}
