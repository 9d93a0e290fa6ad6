-- 014: details a product asks for at checkout (docs/checkout.md "Details
-- asked at checkout").
--
-- product_fields: what a product asks the shopper when it is ordered: a
-- device's MAC address for an IPTV plan, the app it will run in.  name is
-- the field's key (lower-case letters, digits, '_'), label what the form
-- shows, type how the value is checked (mac: six hex pairs, stored as
-- AA:BB:CC:DD:EE:FF; text: one line of at most max_len characters).
-- Set with `soukctl product-field` (the admin pages come later).
CREATE TABLE product_fields (
	id		INTEGER PRIMARY KEY,
	product_id	INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
	name		TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 32
			    AND name NOT GLOB '*[^a-z0-9_]*'),
	label		TEXT NOT NULL CHECK (length(label) BETWEEN 1 AND 80),
	type		TEXT NOT NULL CHECK (type IN ('mac', 'text')),
	max_len		INTEGER NOT NULL DEFAULT 100 CHECK (max_len BETWEEN 1 AND 200),
	required	INTEGER NOT NULL DEFAULT 1 CHECK (required IN (0, 1)),
	position	INTEGER NOT NULL DEFAULT 0,
	UNIQUE (product_id, name)
);

-- The details given with an order line, as they were asked (label copied:
-- a later change of the product's fields never rewrites an order).
CREATE TABLE order_item_fields (
	order_id	INTEGER NOT NULL,
	line		INTEGER NOT NULL,
	position	INTEGER NOT NULL,
	name		TEXT NOT NULL,
	label		TEXT NOT NULL,
	value		TEXT NOT NULL CHECK (length(value) <= 200),
	PRIMARY KEY (order_id, line, position),
	FOREIGN KEY (order_id, line) REFERENCES order_items(order_id, line)
	    ON DELETE CASCADE
) WITHOUT ROWID;
