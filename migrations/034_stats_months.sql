-- 034: the dashboard at a million orders (docs/admin.md "Dashboard").
-- A two-year range read every day's rows: 886 ms for the top products
-- (order_stats_product: a row per day, status, method and product).
--
-- 1. order_stats_month: order_stats summed per month, kept by triggers on
--    order_stats (an upsert's update fires them too), so it changes in the
--    same transaction (rows are never deleted, except by `soukctl stats
--    rebuild`, which empties every table of the figures first).  A range reads its whole months here and its first
--    and last partial months from order_stats.
-- 2. order_stats_sold (per day) and order_stats_sold_month replace
--    order_stats_product: the units and line totals of the revenue
--    statuses only (stats_revenue_statuses: paid, completed; the only
--    statuses the top products count), by kind, category and product
--    first, so a product's days and months are one index range.  The top
--    products of a range: the months it touches, minus the days of those
--    months outside it.
CREATE TABLE order_stats_month (
	month		TEXT NOT NULL,		-- 'YYYY-MM'
	status		TEXT NOT NULL,
	method		TEXT NOT NULL,
	kind		TEXT NOT NULL,
	category_id	INTEGER NOT NULL,
	orders		INTEGER NOT NULL,
	units		INTEGER NOT NULL,
	revenue_minor	INTEGER NOT NULL,
	PRIMARY KEY (kind, category_id, month, status, method)
) WITHOUT ROWID;
INSERT INTO order_stats_month SELECT substr(day, 1, 7), status, method,
	kind, category_id, sum(orders), sum(units), sum(revenue_minor)
	FROM order_stats GROUP BY 1, 2, 3, 4, 5;
CREATE TRIGGER order_stats_month_ai AFTER INSERT ON order_stats BEGIN
	INSERT INTO order_stats_month VALUES (substr(new.day, 1, 7),
	    new.status, new.method, new.kind, new.category_id, new.orders,
	    new.units, new.revenue_minor)
	ON CONFLICT (kind, category_id, month, status, method) DO UPDATE SET
	    orders = orders + excluded.orders, units = units + excluded.units,
	    revenue_minor = revenue_minor + excluded.revenue_minor;
END;
CREATE TRIGGER order_stats_month_au AFTER UPDATE ON order_stats BEGIN
	UPDATE order_stats_month SET orders = orders + new.orders - old.orders,
	    units = units + new.units - old.units,
	    revenue_minor = revenue_minor + new.revenue_minor - old.revenue_minor
	WHERE kind = new.kind AND category_id = new.category_id AND
	    month = substr(new.day, 1, 7) AND status = new.status AND
	    method = new.method;
END;

CREATE TABLE order_stats_sold (
	kind		TEXT NOT NULL,
	category_id	INTEGER NOT NULL,
	product_id	INTEGER NOT NULL,	-- 0: the product is gone
	day		TEXT NOT NULL,
	units		INTEGER NOT NULL,
	revenue_minor	INTEGER NOT NULL,
	PRIMARY KEY (kind, category_id, product_id, day)
) WITHOUT ROWID;
INSERT INTO order_stats_sold SELECT kind, category_id, product_id, day,
	sum(units), sum(revenue_minor) FROM order_stats_product
	WHERE status IN ('paid', 'completed') GROUP BY 1, 2, 3, 4;
CREATE TABLE order_stats_sold_month (
	kind		TEXT NOT NULL,
	category_id	INTEGER NOT NULL,
	product_id	INTEGER NOT NULL,
	month		TEXT NOT NULL,
	units		INTEGER NOT NULL,
	revenue_minor	INTEGER NOT NULL,
	PRIMARY KEY (kind, category_id, product_id, month)
) WITHOUT ROWID;
INSERT INTO order_stats_sold_month SELECT kind, category_id, product_id,
	substr(day, 1, 7), sum(units), sum(revenue_minor) FROM order_stats_sold
	GROUP BY 1, 2, 3, 4;
CREATE TRIGGER order_stats_sold_ai AFTER INSERT ON order_stats_sold BEGIN
	INSERT INTO order_stats_sold_month VALUES (new.kind, new.category_id,
	    new.product_id, substr(new.day, 1, 7), new.units, new.revenue_minor)
	ON CONFLICT (kind, category_id, product_id, month) DO UPDATE SET
	    units = units + excluded.units,
	    revenue_minor = revenue_minor + excluded.revenue_minor;
END;
CREATE TRIGGER order_stats_sold_au AFTER UPDATE ON order_stats_sold BEGIN
	UPDATE order_stats_sold_month SET units = units + new.units - old.units,
	    revenue_minor = revenue_minor + new.revenue_minor - old.revenue_minor
	WHERE kind = new.kind AND category_id = new.category_id AND
	    product_id = new.product_id AND month = substr(new.day, 1, 7);
END;
DROP TABLE order_stats_product;
