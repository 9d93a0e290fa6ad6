-- 037: the dashboard within 20 ms for any range at a million orders
-- (docs/admin.md "Dashboard").  A range whose first and last days both
-- fall mid-month read about 13,000 rows of order_stats_sold per edge
-- month (15 days of ~875 products): 29 ms.
--
-- order_stats_sold_block: order_stats_sold summed per block of days of a
-- month (days 1-8, 9-16, 17-24 and 25 to the month's end; block: its
-- first day), kept by triggers on order_stats_sold like
-- order_stats_sold_month, so in the same transaction.  The top products
-- of a range read its whole months, the whole blocks of its edge months
-- and only the days left (or the month, or the block, less the days
-- outside: stats_span.h), at most about 6 pieces per edge month.
CREATE TABLE order_stats_sold_block (
	kind		TEXT NOT NULL,
	category_id	INTEGER NOT NULL,
	product_id	INTEGER NOT NULL,
	block		TEXT NOT NULL,		-- 'YYYY-MM-DD': 01, 09, 17, 25
	units		INTEGER NOT NULL,
	revenue_minor	INTEGER NOT NULL,
	PRIMARY KEY (block, kind, category_id, product_id)
) WITHOUT ROWID;
INSERT INTO order_stats_sold_block SELECT kind, category_id, product_id,
	substr(day, 1, 8) || CASE WHEN substr(day, 9) <= '08' THEN '01'
	WHEN substr(day, 9) <= '16' THEN '09' WHEN substr(day, 9) <= '24'
	THEN '17' ELSE '25' END, sum(units), sum(revenue_minor)
	FROM order_stats_sold GROUP BY 4, 1, 2, 3;
CREATE TRIGGER order_stats_sold_block_ai AFTER INSERT ON order_stats_sold
BEGIN
	INSERT INTO order_stats_sold_block VALUES (new.kind, new.category_id,
	    new.product_id, substr(new.day, 1, 8) || CASE WHEN
	    substr(new.day, 9) <= '08' THEN '01' WHEN substr(new.day, 9) <=
	    '16' THEN '09' WHEN substr(new.day, 9) <= '24' THEN '17' ELSE '25'
	    END, new.units, new.revenue_minor)
	ON CONFLICT (block, kind, category_id, product_id) DO UPDATE SET
	    units = units + excluded.units,
	    revenue_minor = revenue_minor + excluded.revenue_minor;
END;
CREATE TRIGGER order_stats_sold_block_au AFTER UPDATE ON order_stats_sold
BEGIN
	UPDATE order_stats_sold_block SET units = units + new.units -
	    old.units, revenue_minor = revenue_minor + new.revenue_minor -
	    old.revenue_minor
	WHERE block = substr(new.day, 1, 8) || CASE WHEN substr(new.day, 9)
	    <= '08' THEN '01' WHEN substr(new.day, 9) <= '16' THEN '09' WHEN
	    substr(new.day, 9) <= '24' THEN '17' ELSE '25' END AND
	    kind = new.kind AND category_id = new.category_id AND
	    product_id = new.product_id;
END;
