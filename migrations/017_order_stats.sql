-- 017: daily order figures for the dashboard (docs/admin.md "Dashboard").
--
-- Kept by the store in the same transaction as every order change
-- (lib/store/order_stats.h: placement and order_transition); `soukctl
-- stats rebuild` recomputes them from the orders (after a change of the
-- timezone setting, or of a product's category).  day is the order's
-- placement date in the store's time zone, status its current status.
--
-- order_stats is a small cube: for each order, one row per (kind,
-- category) its lines touch, plus kind '' (all kinds) and category 0 (all
-- categories), so a filter on a kind, a category or both counts each
-- order once.  revenue_minor: the lines' total of that kind/category;
-- for ('', 0) the order's total (what the customer pays, after the
-- coupon).  category -1: lines whose product has no category (or is
-- gone).
-- The category each line is counted in (order_items.category_id: the
-- product's category when the order was placed, -1 for none), filed by
-- the placement so later moves of a product keep the figures whole.
ALTER TABLE order_items ADD COLUMN category_id INTEGER NOT NULL DEFAULT -1;
UPDATE order_items SET category_id = coalesce((SELECT p.category_id FROM
    products p WHERE p.id = order_items.product_id), -1);

CREATE TABLE order_stats (
	day		TEXT NOT NULL,
	status		TEXT NOT NULL,
	method		TEXT NOT NULL,
	kind		TEXT NOT NULL,
	category_id	INTEGER NOT NULL,
	orders		INTEGER NOT NULL,
	units		INTEGER NOT NULL,
	revenue_minor	INTEGER NOT NULL,
	PRIMARY KEY (kind, category_id, day, status, method)
) WITHOUT ROWID;
-- Units and line totals per product (0: the product is gone), for the
-- top products; kind and category as filed at placement.
CREATE TABLE order_stats_product (
	day		TEXT NOT NULL,
	status		TEXT NOT NULL,
	method		TEXT NOT NULL,
	product_id	INTEGER NOT NULL,
	kind		TEXT NOT NULL,
	category_id	INTEGER NOT NULL,
	units		INTEGER NOT NULL,
	revenue_minor	INTEGER NOT NULL,
	PRIMARY KEY (day, status, method, product_id, kind, category_id)
) WITHOUT ROWID;
