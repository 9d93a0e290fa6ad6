-- 031: delivery-method names and checkout-detail labels per language
-- (issue 13; docs/shipping.md, docs/checkout.md "Details asked at
-- checkout").  ship_rates.name and product_fields.label stay the text
-- every language falls back to; the _en and _fr columns hold a version
-- per language ('' none: the page shows the default language's version,
-- else that text).  An order copies the versions it was shown
-- (order_item_fields.label_*, orders.delivery_name_*), so a later change
-- of the rate or the field never rewrites it.
ALTER TABLE ship_rates ADD COLUMN name_en TEXT NOT NULL DEFAULT ''
	CHECK (length(name_en) <= 60);
ALTER TABLE ship_rates ADD COLUMN name_fr TEXT NOT NULL DEFAULT ''
	CHECK (length(name_fr) <= 60);
ALTER TABLE product_fields ADD COLUMN label_en TEXT NOT NULL DEFAULT ''
	CHECK (length(label_en) <= 80);
ALTER TABLE product_fields ADD COLUMN label_fr TEXT NOT NULL DEFAULT ''
	CHECK (length(label_fr) <= 80);
ALTER TABLE order_item_fields ADD COLUMN label_en TEXT NOT NULL DEFAULT '';
ALTER TABLE order_item_fields ADD COLUMN label_fr TEXT NOT NULL DEFAULT '';
ALTER TABLE orders ADD COLUMN delivery_name_en TEXT NOT NULL DEFAULT '';
ALTER TABLE orders ADD COLUMN delivery_name_fr TEXT NOT NULL DEFAULT '';
