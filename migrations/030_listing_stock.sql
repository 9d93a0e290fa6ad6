-- 030: sold-out products last on category pages, in every sort, and the
-- type filter (docs/catalog.md "Filters on category pages").
--
-- category_listing carries whether the product is sold out (stock 0) twice,
-- as sold_out and as its complement in_stock, so each sort order reads one
-- index in one direction: ascending sorts (price, name) lead with sold_out,
-- descending ones (newest, price high to low) with in_stock.  A trigger
-- flips both when the stock reaches or leaves 0; other stock changes
-- (checkout) still leave the listing alone.
ALTER TABLE category_listing ADD COLUMN sold_out INTEGER NOT NULL DEFAULT 0
	CHECK (sold_out IN (0, 1));
ALTER TABLE category_listing ADD COLUMN in_stock INTEGER NOT NULL DEFAULT 1
	CHECK (in_stock IN (0, 1));
-- The product's type (the kind filter, db_product_types): counting
-- types then reads the listing alone.
ALTER TABLE category_listing ADD COLUMN type TEXT NOT NULL DEFAULT '';
UPDATE category_listing SET sold_out = 1, in_stock = 0
	WHERE product_id IN (SELECT id FROM products WHERE stock = 0);
UPDATE category_listing SET type = (SELECT coalesce(media_type, kind)
	FROM products WHERE id = product_id);
DROP INDEX category_listing_new;
DROP INDEX category_listing_price;
DROP INDEX category_listing_name;
CREATE INDEX category_listing_new ON category_listing(category_id,
	in_stock DESC, created_at DESC, product_id DESC, price_minor);
CREATE INDEX category_listing_price ON category_listing(category_id,
	sold_out, price_minor, product_id);
CREATE INDEX category_listing_price_desc ON category_listing(category_id,
	in_stock, price_minor, product_id);
CREATE INDEX category_listing_name ON category_listing(category_id,
	sold_out, name, product_id, price_minor);
DROP TRIGGER categories_tree_au;
CREATE TRIGGER categories_tree_au AFTER UPDATE OF parent_id ON categories
WHEN old.parent_id IS NOT new.parent_id BEGIN
	DELETE FROM category_listing WHERE product_id IN (SELECT p.id
	    FROM products p JOIN category_tree t ON t.descendant_id = p.category_id
	    WHERE t.ancestor_id = new.id);
	DELETE FROM category_tree
	WHERE descendant_id IN (SELECT descendant_id FROM category_tree
	        WHERE ancestor_id = new.id)
	  AND ancestor_id IN (SELECT ancestor_id FROM category_tree
	        WHERE descendant_id = new.id AND ancestor_id <> new.id);
	INSERT INTO category_tree(ancestor_id, descendant_id)
	    SELECT up.ancestor_id, down.descendant_id
	    FROM category_tree up, category_tree down
	    WHERE up.descendant_id = new.parent_id AND down.ancestor_id = new.id;
	INSERT INTO category_listing(category_id, product_id, created_at,
	    price_minor, name, sold_out, in_stock, type)
	    SELECT up.ancestor_id, p.id, p.created_at, p.price_minor, p.name,
	    coalesce(p.stock, -1) = 0, coalesce(p.stock, -1) <> 0,
	    coalesce(p.media_type, p.kind)
	    FROM products p
	    JOIN category_tree t ON t.descendant_id = p.category_id AND t.ancestor_id = new.id
	    JOIN category_tree up ON up.descendant_id = p.category_id
	    WHERE p.active = 1 AND p.parent_id IS NULL;
END;
DROP TRIGGER products_listing_ai;
CREATE TRIGGER products_listing_ai AFTER INSERT ON products
WHEN new.active = 1 AND new.parent_id IS NULL AND new.category_id IS NOT NULL BEGIN
	INSERT INTO category_listing(category_id, product_id, created_at,
	    price_minor, name, sold_out, in_stock, type)
	    SELECT ancestor_id, new.id, new.created_at, new.price_minor, new.name,
	    coalesce(new.stock, -1) = 0, coalesce(new.stock, -1) <> 0,
	    coalesce(new.media_type, new.kind)
	    FROM category_tree WHERE descendant_id = new.category_id;
END;
DROP TRIGGER products_listing_au;
CREATE TRIGGER products_listing_au AFTER UPDATE OF active, parent_id,
	category_id, created_at, price_minor, name, kind, media_type ON products
BEGIN
	DELETE FROM category_listing WHERE product_id = old.id;
	INSERT INTO category_listing(category_id, product_id, created_at,
	    price_minor, name, sold_out, in_stock, type)
	    SELECT ancestor_id, new.id, new.created_at, new.price_minor, new.name,
	    coalesce(new.stock, -1) = 0, coalesce(new.stock, -1) <> 0,
	    coalesce(new.media_type, new.kind)
	    FROM category_tree WHERE descendant_id = new.category_id
	    AND new.active = 1 AND new.parent_id IS NULL;
END;
-- Only a stock reaching or leaving 0 touches the listing.
CREATE TRIGGER products_listing_stock AFTER UPDATE OF stock ON products
WHEN (coalesce(old.stock, -1) = 0) <> (coalesce(new.stock, -1) = 0) BEGIN
	UPDATE category_listing SET sold_out = coalesce(new.stock, -1) = 0,
	    in_stock = coalesce(new.stock, -1) <> 0
	WHERE product_id = new.id;
END;
-- Search's best-match sort puts sold-out products last by asking this
-- small index, not each match's row.
CREATE INDEX products_sold_out ON products(id) WHERE stock = 0;
