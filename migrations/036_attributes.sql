-- 036: attributes the admin defines (brand, resolution), their options
-- and each product's values: category filters with counts
-- (docs/catalog.md "Attributes", docs/admin.md "Attributes").
--
-- An attribute has a name per language (name_en required when English is
-- the catalog's language, the other may be empty: the default one shows),
-- applies to the products of one category and its subcategories (or to
-- every product: category_id NULL) and has a display position.  Its values
-- are defined options, each with a label per language; a product has at
-- most one option per attribute.  The pair (attribute_id, option_id) is a
-- foreign key: a product's value is always an option of that attribute.
-- The counts walk only the listing rows of products having a value:
-- category_listing.has_attrs (kept by the triggers below) and a partial
-- index on it, so a category whose products have none pays nothing.
ALTER TABLE category_listing ADD COLUMN has_attrs INTEGER NOT NULL
	DEFAULT 0 CHECK (has_attrs IN (0, 1));
CREATE TABLE attributes (
	id		INTEGER PRIMARY KEY,
	slug		TEXT NOT NULL UNIQUE CHECK (length(slug) BETWEEN 1 AND 60),
	name_en		TEXT NOT NULL DEFAULT '' CHECK (length(name_en) <= 100),
	name_fr		TEXT NOT NULL DEFAULT '' CHECK (length(name_fr) <= 100),
	category_id	INTEGER REFERENCES categories(id) ON DELETE SET NULL,
	position	INTEGER NOT NULL DEFAULT 0,
	CHECK (name_en <> '' OR name_fr <> '')
);
CREATE TABLE attribute_options (
	id		INTEGER PRIMARY KEY,
	attribute_id	INTEGER NOT NULL REFERENCES attributes(id) ON DELETE CASCADE,
	slug		TEXT NOT NULL CHECK (length(slug) BETWEEN 1 AND 60),
	label_en	TEXT NOT NULL DEFAULT '' CHECK (length(label_en) <= 100),
	label_fr	TEXT NOT NULL DEFAULT '' CHECK (length(label_fr) <= 100),
	position	INTEGER NOT NULL DEFAULT 0,
	CHECK (label_en <> '' OR label_fr <> ''),
	UNIQUE (attribute_id, slug),
	UNIQUE (attribute_id, id)
);
-- The filters' counts walk a category's listing and look each product up
-- here by the primary key; a filtered page probes (product_id, option).
CREATE TABLE product_attributes (
	product_id	INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
	attribute_id	INTEGER NOT NULL,
	option_id	INTEGER NOT NULL,
	PRIMARY KEY (product_id, attribute_id),
	FOREIGN KEY (attribute_id, option_id)
	    REFERENCES attribute_options(attribute_id, id) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX product_attributes_option ON product_attributes(option_id,
	product_id);
CREATE INDEX category_listing_attrs ON category_listing(category_id,
	product_id) WHERE has_attrs = 1;
-- A listing row written again (a product edited or moved) finds its
-- values; a value added or the last one removed flips the flag.
CREATE TRIGGER category_listing_attrs_ai AFTER INSERT ON category_listing
WHEN EXISTS (SELECT 1 FROM product_attributes WHERE product_id = new.product_id)
BEGIN
	UPDATE category_listing SET has_attrs = 1
	WHERE category_id = new.category_id AND product_id = new.product_id;
END;
CREATE TRIGGER product_attributes_ai AFTER INSERT ON product_attributes
BEGIN
	UPDATE category_listing SET has_attrs = 1
	WHERE product_id = new.product_id AND has_attrs = 0;
END;
CREATE TRIGGER product_attributes_ad AFTER DELETE ON product_attributes
WHEN NOT EXISTS (SELECT 1 FROM product_attributes WHERE product_id = old.product_id)
BEGIN
	UPDATE category_listing SET has_attrs = 0 WHERE product_id = old.product_id;
END;
