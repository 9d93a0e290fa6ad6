-- 035: the dashboard within 20 ms at a million orders, and line refunds
-- of a scoped coupon's orders (docs/admin.md "Dashboard", "Refunds").
--
-- 1. order_stats_paid (per day) and order_stats_paid_month: order_stats
--    of the revenue statuses (paid, completed: stats_revenue_statuses)
--    summed over status and payment method, the same cube of kinds and
--    categories, kept by triggers on order_stats (and the months by
--    triggers on the days), so they change in the same transaction.  The
--    revenue per day, week and month and the top categories read them: a
--    day is one row of a kind and category instead of one per status and
--    method.
-- 2. order_stats_sold and order_stats_sold_month by day (month) first:
--    the top products of a range read its whole months, then the days of
--    its first and last months, each one range of the key (they read each
--    product's months and looked up the days outside the range, four
--    lookups per product).
-- 3. order_items.discount_minor: the line's share of the order's
--    discount, filed at placement (db_coupon_spread): the lines in the
--    coupon's scope share it by their totals, the others have none, so a
--    line refund pays back what the shopper paid for the line.  Orders
--    placed before: the same rule with the coupon's scope as it is now
--    (every line when no line is in it).
CREATE TABLE order_stats_paid (
	kind		TEXT NOT NULL,
	category_id	INTEGER NOT NULL,
	day		TEXT NOT NULL,
	orders		INTEGER NOT NULL,
	units		INTEGER NOT NULL,
	revenue_minor	INTEGER NOT NULL,
	PRIMARY KEY (kind, category_id, day)
) WITHOUT ROWID;
CREATE TABLE order_stats_paid_month (
	kind		TEXT NOT NULL,
	category_id	INTEGER NOT NULL,
	month		TEXT NOT NULL,		-- 'YYYY-MM'
	orders		INTEGER NOT NULL,
	units		INTEGER NOT NULL,
	revenue_minor	INTEGER NOT NULL,
	PRIMARY KEY (kind, category_id, month)
) WITHOUT ROWID;
INSERT INTO order_stats_paid SELECT kind, category_id, day, sum(orders),
	sum(units), sum(revenue_minor) FROM order_stats
	WHERE status IN ('paid', 'completed') GROUP BY 1, 2, 3;
INSERT INTO order_stats_paid_month SELECT kind, category_id,
	substr(day, 1, 7), sum(orders), sum(units), sum(revenue_minor)
	FROM order_stats_paid GROUP BY 1, 2, 3;
CREATE TRIGGER order_stats_paid_ai AFTER INSERT ON order_stats
WHEN new.status IN ('paid', 'completed') BEGIN
	INSERT INTO order_stats_paid VALUES (new.kind, new.category_id,
	    new.day, new.orders, new.units, new.revenue_minor)
	ON CONFLICT (kind, category_id, day) DO UPDATE SET
	    orders = orders + excluded.orders, units = units + excluded.units,
	    revenue_minor = revenue_minor + excluded.revenue_minor;
END;
CREATE TRIGGER order_stats_paid_au AFTER UPDATE ON order_stats
WHEN new.status IN ('paid', 'completed') BEGIN
	UPDATE order_stats_paid SET orders = orders + new.orders - old.orders,
	    units = units + new.units - old.units,
	    revenue_minor = revenue_minor + new.revenue_minor - old.revenue_minor
	WHERE kind = new.kind AND category_id = new.category_id AND
	    day = new.day;
END;
CREATE TRIGGER order_stats_paid_month_ai AFTER INSERT ON order_stats_paid
BEGIN
	INSERT INTO order_stats_paid_month VALUES (new.kind, new.category_id,
	    substr(new.day, 1, 7), new.orders, new.units, new.revenue_minor)
	ON CONFLICT (kind, category_id, month) DO UPDATE SET
	    orders = orders + excluded.orders, units = units + excluded.units,
	    revenue_minor = revenue_minor + excluded.revenue_minor;
END;
CREATE TRIGGER order_stats_paid_month_au AFTER UPDATE ON order_stats_paid
BEGIN
	UPDATE order_stats_paid_month SET orders = orders + new.orders -
	    old.orders, units = units + new.units - old.units,
	    revenue_minor = revenue_minor + new.revenue_minor - old.revenue_minor
	WHERE kind = new.kind AND category_id = new.category_id AND
	    month = substr(new.day, 1, 7);
END;

-- 2. The products sold, by day (month) first.
CREATE TEMP TABLE m035_sold AS SELECT * FROM order_stats_sold;
CREATE TEMP TABLE m035_sold_month AS SELECT * FROM order_stats_sold_month;
DROP TABLE order_stats_sold;
DROP TABLE order_stats_sold_month;
CREATE TABLE order_stats_sold (
	kind		TEXT NOT NULL,
	category_id	INTEGER NOT NULL,
	product_id	INTEGER NOT NULL,	-- 0: the product is gone
	day		TEXT NOT NULL,
	units		INTEGER NOT NULL,
	revenue_minor	INTEGER NOT NULL,
	PRIMARY KEY (day, kind, category_id, product_id)
) WITHOUT ROWID;
CREATE TABLE order_stats_sold_month (
	kind		TEXT NOT NULL,
	category_id	INTEGER NOT NULL,
	product_id	INTEGER NOT NULL,
	month		TEXT NOT NULL,
	units		INTEGER NOT NULL,
	revenue_minor	INTEGER NOT NULL,
	PRIMARY KEY (month, kind, category_id, product_id)
) WITHOUT ROWID;
INSERT INTO order_stats_sold SELECT * FROM m035_sold;
INSERT INTO order_stats_sold_month SELECT * FROM m035_sold_month;
DROP TABLE m035_sold;
DROP TABLE m035_sold_month;
CREATE TRIGGER order_stats_sold_ai AFTER INSERT ON order_stats_sold BEGIN
	INSERT INTO order_stats_sold_month VALUES (new.kind, new.category_id,
	    new.product_id, substr(new.day, 1, 7), new.units, new.revenue_minor)
	ON CONFLICT (month, kind, category_id, product_id) DO UPDATE SET
	    units = units + excluded.units,
	    revenue_minor = revenue_minor + excluded.revenue_minor;
END;
CREATE TRIGGER order_stats_sold_au AFTER UPDATE ON order_stats_sold BEGIN
	UPDATE order_stats_sold_month SET units = units + new.units - old.units,
	    revenue_minor = revenue_minor + new.revenue_minor - old.revenue_minor
	WHERE month = substr(new.day, 1, 7) AND kind = new.kind AND
	    category_id = new.category_id AND product_id = new.product_id;
END;

-- 3. The lines' shares of their order's discount.
ALTER TABLE order_items ADD COLUMN discount_minor INTEGER NOT NULL DEFAULT 0;
-- The lines of discounted orders whose product (or a product above it,
-- or their categories or the categories above those) is in the scope of
-- the order's coupon now (as db_coupon_check's Q_IN_SCOPE).
CREATE TEMP TABLE m035_in AS WITH RECURSIVE
	up(oid, line, id, cat, parent) AS (SELECT i.order_id, i.line, p.id,
	    p.category_id, p.parent_id FROM orders o JOIN order_items i ON
	    i.order_id = o.id JOIN products p ON p.id = i.product_id WHERE
	    o.discount_minor > 0 AND o.coupon_id IN (SELECT coupon_id FROM
	    coupon_scope) UNION SELECT up.oid, up.line, p.id, p.category_id,
	    p.parent_id FROM products p JOIN up ON p.id = up.parent),
	cats(oid, line, id) AS (SELECT oid, line, cat FROM up WHERE cat IS
	    NOT NULL UNION SELECT c.oid, c.line, k.parent_id FROM categories k
	    JOIN cats c ON k.id = c.id WHERE k.parent_id IS NOT NULL)
	SELECT up.oid AS oid, up.line AS line FROM up JOIN orders o ON
	    o.id = up.oid JOIN coupon_scope s ON s.coupon_id = o.coupon_id AND
	    s.product_id = up.id
	UNION SELECT c.oid, c.line FROM cats c JOIN orders o ON o.id = c.oid
	    JOIN coupon_scope s ON s.coupon_id = o.coupon_id AND
	    s.category_id = c.id;
-- Each line's share (db_coupon_spread's rule): in scope, its total times
-- the discount over the total in scope, rounded down, plus one unit for
-- each of the first lines in scope while the rounding left some.
CREATE TEMP TABLE m035_share AS WITH
	l AS (SELECT i.order_id AS oid, i.line AS line, i.line_minor AS amt,
	    o.discount_minor AS disc, CASE WHEN NOT EXISTS (SELECT 1 FROM
	    m035_in x WHERE x.oid = o.id) THEN 1 ELSE EXISTS (SELECT 1 FROM
	    m035_in x WHERE x.oid = i.order_id AND x.line = i.line) END AS inn
	    FROM orders o JOIN order_items i ON i.order_id = o.id
	    WHERE o.discount_minor > 0),
	w AS (SELECT oid, line, disc, inn, amt, sum(amt * inn) OVER
	    (PARTITION BY oid) AS base FROM l),
	f AS (SELECT oid, line, disc, inn, CASE WHEN inn = 1 AND base > 0
	    THEN amt * disc / base ELSE 0 END AS d, row_number() OVER
	    (PARTITION BY oid ORDER BY inn DESC, line) AS rn FROM w)
	SELECT oid, line, d + (inn = 1 AND rn <= disc - sum(d) OVER
	    (PARTITION BY oid)) AS share FROM f;
UPDATE order_items SET discount_minor = m.share FROM m035_share m
	WHERE order_items.order_id = m.oid AND order_items.line = m.line;
DROP TABLE m035_share;
DROP TABLE m035_in;
