-- 002: order limits and unpaid-order expiry (docs/checkout.md).
--   rate_hits.weight: what one hit counts for (1 for a count, the bytes
--     of an upload for a byte budget), so one table keeps both kinds.
--   order_events.actor: who made a change ("shopper", "cron",
--     "staff:<name>"), for the history and later the audit.
--   orders_unpaid: the orders `soukctl cron` may expire, found without
--     scanning every order (only orders awaiting payment are in it).
ALTER TABLE rate_hits ADD COLUMN weight INTEGER NOT NULL DEFAULT 1
	CHECK (weight > 0);
ALTER TABLE order_events ADD COLUMN actor TEXT NOT NULL DEFAULT '';
CREATE INDEX orders_unpaid ON orders(created_at)
	WHERE status = 'awaiting_payment';
