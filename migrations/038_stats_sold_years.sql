-- 038: the dashboard's widest ranges with a margin under 20 ms at a
-- million orders (docs/admin.md "Dashboard").  A two-year range read 24
-- whole months of order_stats_sold_month (about 24,000 rows) for the top
-- products: 18.5 ms of the admin worker.
--
-- order_stats_sold_year: order_stats_sold summed per calendar year, kept
-- by triggers on order_stats_sold like order_stats_sold_month and
-- order_stats_sold_block, so in the same transaction.  The top products
-- of a range read its whole years here and, of the years it cuts, the
-- months inside or the year less the months outside (stats_span.h).
CREATE TABLE order_stats_sold_year (
	kind		TEXT NOT NULL,
	category_id	INTEGER NOT NULL,
	product_id	INTEGER NOT NULL,
	year		TEXT NOT NULL,		-- 'YYYY'
	units		INTEGER NOT NULL,
	revenue_minor	INTEGER NOT NULL,
	PRIMARY KEY (year, kind, category_id, product_id)
) WITHOUT ROWID;
INSERT INTO order_stats_sold_year SELECT kind, category_id, product_id,
	substr(month, 1, 4), sum(units), sum(revenue_minor)
	FROM order_stats_sold_month GROUP BY 4, 1, 2, 3;
CREATE TRIGGER order_stats_sold_year_ai AFTER INSERT ON order_stats_sold
BEGIN
	INSERT INTO order_stats_sold_year VALUES (new.kind, new.category_id,
	    new.product_id, substr(new.day, 1, 4), new.units,
	    new.revenue_minor)
	ON CONFLICT (year, kind, category_id, product_id) DO UPDATE SET
	    units = units + excluded.units,
	    revenue_minor = revenue_minor + excluded.revenue_minor;
END;
CREATE TRIGGER order_stats_sold_year_au AFTER UPDATE ON order_stats_sold
BEGIN
	UPDATE order_stats_sold_year SET units = units + new.units -
	    old.units, revenue_minor = revenue_minor + new.revenue_minor -
	    old.revenue_minor
	WHERE year = substr(new.day, 1, 4) AND kind = new.kind AND
	    category_id = new.category_id AND product_id = new.product_id;
END;
