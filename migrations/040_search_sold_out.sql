-- 040: a broad search walks one index in every sort, sold-out products
-- last (docs/performance.md "Search": the price-sorted search).
--
-- Since migration 030 every search sort leads with "sold out", which no
-- index of products held: a broad search (`premium`, 14,301 of 100,000
-- products) read every match and sorted them, 73 ms.  products.sold_out
-- is that state stored (stock 0; NULL stock is unlimited), as
-- category_listing has it, and leads the indexes a broad search walks
-- (products_sold_*, one per sort order so each reads one index forwards,
-- with the price for the price filter: covering).  They hold every
-- product: the walk keeps the matches, active ones only (the full-text
-- index holds no other), so the partial indexes products_active_new and
-- _price it read before go; products_active_name stays for the admin's
-- list of grantable products (db_grant.c).  A trigger keeps
-- it whenever stock (or sold_out itself) is written and it no longer
-- matches; a stock change that does not reach or leave 0 (checkout) only
-- evaluates the trigger's WHEN.  An index on the expression would be
-- rewritten, four times, at every stock change.
ALTER TABLE products ADD COLUMN sold_out INTEGER NOT NULL DEFAULT 0
	CHECK (sold_out IN (0, 1));
UPDATE products SET sold_out = 1 WHERE stock = 0;
CREATE TRIGGER products_sold_out_ai AFTER INSERT ON products
WHEN new.sold_out <> (coalesce(new.stock, -1) = 0) BEGIN
	UPDATE products SET sold_out = coalesce(new.stock, -1) = 0
	WHERE id = new.id;
END;
CREATE TRIGGER products_sold_out_au AFTER UPDATE OF stock, sold_out ON products
WHEN new.sold_out <> (coalesce(new.stock, -1) = 0) BEGIN
	UPDATE products SET sold_out = coalesce(new.stock, -1) = 0
	WHERE id = new.id;
END;
DROP INDEX products_active_new;
DROP INDEX products_active_price;
CREATE INDEX products_sold_new ON products(sold_out, created_at DESC, id DESC,
	price_minor);
CREATE INDEX products_sold_price ON products(sold_out, price_minor, id);
CREATE INDEX products_sold_price_desc ON products(sold_out, price_minor DESC,
	id DESC);
CREATE INDEX products_sold_name ON products(sold_out, name COLLATE NOCASE, id,
	price_minor);
