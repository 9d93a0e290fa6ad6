-- 039: a version of everything the category and product pages show
-- (docs/performance.md "Worker-side page cache").  Each catalog worker
-- keeps the rendered body of those pages (lib/site/body_cache.c) only
-- while this one row is unchanged: triggers bump it on every insert,
-- update and delete of the tables those pages read, including a row
-- edited by hand, an order's stock change and a setting.  Tables the
-- pages do not read (carts, orders, sessions, mail...) leave it alone,
-- so the cache outlives shoppers' writes.  No row: version 0.
CREATE TABLE catalog_version (
	id		INTEGER PRIMARY KEY CHECK (id = 1),
	n		INTEGER NOT NULL
);
INSERT INTO catalog_version(id, n) VALUES (1, 1);
CREATE TRIGGER catalog_version_settings_ai AFTER INSERT ON settings BEGIN
	INSERT INTO catalog_version(id, n) VALUES (1, 1)
	ON CONFLICT (id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER catalog_version_settings_au AFTER UPDATE ON settings BEGIN
	INSERT INTO catalog_version(id, n) VALUES (1, 1)
	ON CONFLICT (id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER catalog_version_settings_ad AFTER DELETE ON settings BEGIN
	INSERT INTO catalog_version(id, n) VALUES (1, 1)
	ON CONFLICT (id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER catalog_version_categories_ai AFTER INSERT ON categories BEGIN
	INSERT INTO catalog_version(id, n) VALUES (1, 1)
	ON CONFLICT (id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER catalog_version_categories_au AFTER UPDATE ON categories BEGIN
	INSERT INTO catalog_version(id, n) VALUES (1, 1)
	ON CONFLICT (id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER catalog_version_categories_ad AFTER DELETE ON categories BEGIN
	INSERT INTO catalog_version(id, n) VALUES (1, 1)
	ON CONFLICT (id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER catalog_version_category_text_ai AFTER INSERT ON category_text BEGIN
	INSERT INTO catalog_version(id, n) VALUES (1, 1)
	ON CONFLICT (id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER catalog_version_category_text_au AFTER UPDATE ON category_text BEGIN
	INSERT INTO catalog_version(id, n) VALUES (1, 1)
	ON CONFLICT (id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER catalog_version_category_text_ad AFTER DELETE ON category_text BEGIN
	INSERT INTO catalog_version(id, n) VALUES (1, 1)
	ON CONFLICT (id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER catalog_version_products_ai AFTER INSERT ON products BEGIN
	INSERT INTO catalog_version(id, n) VALUES (1, 1)
	ON CONFLICT (id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER catalog_version_products_au AFTER UPDATE ON products BEGIN
	INSERT INTO catalog_version(id, n) VALUES (1, 1)
	ON CONFLICT (id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER catalog_version_products_ad AFTER DELETE ON products BEGIN
	INSERT INTO catalog_version(id, n) VALUES (1, 1)
	ON CONFLICT (id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER catalog_version_product_text_ai AFTER INSERT ON product_text BEGIN
	INSERT INTO catalog_version(id, n) VALUES (1, 1)
	ON CONFLICT (id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER catalog_version_product_text_au AFTER UPDATE ON product_text BEGIN
	INSERT INTO catalog_version(id, n) VALUES (1, 1)
	ON CONFLICT (id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER catalog_version_product_text_ad AFTER DELETE ON product_text BEGIN
	INSERT INTO catalog_version(id, n) VALUES (1, 1)
	ON CONFLICT (id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER catalog_version_product_images_ai AFTER INSERT ON product_images BEGIN
	INSERT INTO catalog_version(id, n) VALUES (1, 1)
	ON CONFLICT (id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER catalog_version_product_images_au AFTER UPDATE ON product_images BEGIN
	INSERT INTO catalog_version(id, n) VALUES (1, 1)
	ON CONFLICT (id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER catalog_version_product_images_ad AFTER DELETE ON product_images BEGIN
	INSERT INTO catalog_version(id, n) VALUES (1, 1)
	ON CONFLICT (id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER catalog_version_subscription_plans_ai AFTER INSERT ON subscription_plans BEGIN
	INSERT INTO catalog_version(id, n) VALUES (1, 1)
	ON CONFLICT (id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER catalog_version_subscription_plans_au AFTER UPDATE ON subscription_plans BEGIN
	INSERT INTO catalog_version(id, n) VALUES (1, 1)
	ON CONFLICT (id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER catalog_version_subscription_plans_ad AFTER DELETE ON subscription_plans BEGIN
	INSERT INTO catalog_version(id, n) VALUES (1, 1)
	ON CONFLICT (id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER catalog_version_plan_text_ai AFTER INSERT ON plan_text BEGIN
	INSERT INTO catalog_version(id, n) VALUES (1, 1)
	ON CONFLICT (id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER catalog_version_plan_text_au AFTER UPDATE ON plan_text BEGIN
	INSERT INTO catalog_version(id, n) VALUES (1, 1)
	ON CONFLICT (id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER catalog_version_plan_text_ad AFTER DELETE ON plan_text BEGIN
	INSERT INTO catalog_version(id, n) VALUES (1, 1)
	ON CONFLICT (id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER catalog_version_attributes_ai AFTER INSERT ON attributes BEGIN
	INSERT INTO catalog_version(id, n) VALUES (1, 1)
	ON CONFLICT (id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER catalog_version_attributes_au AFTER UPDATE ON attributes BEGIN
	INSERT INTO catalog_version(id, n) VALUES (1, 1)
	ON CONFLICT (id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER catalog_version_attributes_ad AFTER DELETE ON attributes BEGIN
	INSERT INTO catalog_version(id, n) VALUES (1, 1)
	ON CONFLICT (id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER catalog_version_attribute_options_ai AFTER INSERT ON attribute_options BEGIN
	INSERT INTO catalog_version(id, n) VALUES (1, 1)
	ON CONFLICT (id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER catalog_version_attribute_options_au AFTER UPDATE ON attribute_options BEGIN
	INSERT INTO catalog_version(id, n) VALUES (1, 1)
	ON CONFLICT (id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER catalog_version_attribute_options_ad AFTER DELETE ON attribute_options BEGIN
	INSERT INTO catalog_version(id, n) VALUES (1, 1)
	ON CONFLICT (id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER catalog_version_product_attributes_ai AFTER INSERT ON product_attributes BEGIN
	INSERT INTO catalog_version(id, n) VALUES (1, 1)
	ON CONFLICT (id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER catalog_version_product_attributes_au AFTER UPDATE ON product_attributes BEGIN
	INSERT INTO catalog_version(id, n) VALUES (1, 1)
	ON CONFLICT (id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER catalog_version_product_attributes_ad AFTER DELETE ON product_attributes BEGIN
	INSERT INTO catalog_version(id, n) VALUES (1, 1)
	ON CONFLICT (id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER catalog_version_product_fields_ai AFTER INSERT ON product_fields BEGIN
	INSERT INTO catalog_version(id, n) VALUES (1, 1)
	ON CONFLICT (id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER catalog_version_product_fields_au AFTER UPDATE ON product_fields BEGIN
	INSERT INTO catalog_version(id, n) VALUES (1, 1)
	ON CONFLICT (id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER catalog_version_product_fields_ad AFTER DELETE ON product_fields BEGIN
	INSERT INTO catalog_version(id, n) VALUES (1, 1)
	ON CONFLICT (id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER catalog_version_product_delivery_ai AFTER INSERT ON product_delivery BEGIN
	INSERT INTO catalog_version(id, n) VALUES (1, 1)
	ON CONFLICT (id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER catalog_version_product_delivery_au AFTER UPDATE ON product_delivery BEGIN
	INSERT INTO catalog_version(id, n) VALUES (1, 1)
	ON CONFLICT (id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER catalog_version_product_delivery_ad AFTER DELETE ON product_delivery BEGIN
	INSERT INTO catalog_version(id, n) VALUES (1, 1)
	ON CONFLICT (id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER catalog_version_media_files_ai AFTER INSERT ON media_files BEGIN
	INSERT INTO catalog_version(id, n) VALUES (1, 1)
	ON CONFLICT (id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER catalog_version_media_files_au AFTER UPDATE ON media_files BEGIN
	INSERT INTO catalog_version(id, n) VALUES (1, 1)
	ON CONFLICT (id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER catalog_version_media_files_ad AFTER DELETE ON media_files BEGIN
	INSERT INTO catalog_version(id, n) VALUES (1, 1)
	ON CONFLICT (id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER catalog_version_posts_ai AFTER INSERT ON posts BEGIN
	INSERT INTO catalog_version(id, n) VALUES (1, 1)
	ON CONFLICT (id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER catalog_version_posts_au AFTER UPDATE ON posts BEGIN
	INSERT INTO catalog_version(id, n) VALUES (1, 1)
	ON CONFLICT (id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER catalog_version_posts_ad AFTER DELETE ON posts BEGIN
	INSERT INTO catalog_version(id, n) VALUES (1, 1)
	ON CONFLICT (id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER catalog_version_product_ratings_ai AFTER INSERT ON product_ratings BEGIN
	INSERT INTO catalog_version(id, n) VALUES (1, 1)
	ON CONFLICT (id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER catalog_version_product_ratings_au AFTER UPDATE ON product_ratings BEGIN
	INSERT INTO catalog_version(id, n) VALUES (1, 1)
	ON CONFLICT (id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER catalog_version_product_ratings_ad AFTER DELETE ON product_ratings BEGIN
	INSERT INTO catalog_version(id, n) VALUES (1, 1)
	ON CONFLICT (id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER catalog_version_ship_zones_ai AFTER INSERT ON ship_zones BEGIN
	INSERT INTO catalog_version(id, n) VALUES (1, 1)
	ON CONFLICT (id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER catalog_version_ship_zones_au AFTER UPDATE ON ship_zones BEGIN
	INSERT INTO catalog_version(id, n) VALUES (1, 1)
	ON CONFLICT (id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER catalog_version_ship_zones_ad AFTER DELETE ON ship_zones BEGIN
	INSERT INTO catalog_version(id, n) VALUES (1, 1)
	ON CONFLICT (id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER catalog_version_ship_zone_areas_ai AFTER INSERT ON ship_zone_areas BEGIN
	INSERT INTO catalog_version(id, n) VALUES (1, 1)
	ON CONFLICT (id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER catalog_version_ship_zone_areas_au AFTER UPDATE ON ship_zone_areas BEGIN
	INSERT INTO catalog_version(id, n) VALUES (1, 1)
	ON CONFLICT (id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER catalog_version_ship_zone_areas_ad AFTER DELETE ON ship_zone_areas BEGIN
	INSERT INTO catalog_version(id, n) VALUES (1, 1)
	ON CONFLICT (id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER catalog_version_ship_rates_ai AFTER INSERT ON ship_rates BEGIN
	INSERT INTO catalog_version(id, n) VALUES (1, 1)
	ON CONFLICT (id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER catalog_version_ship_rates_au AFTER UPDATE ON ship_rates BEGIN
	INSERT INTO catalog_version(id, n) VALUES (1, 1)
	ON CONFLICT (id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER catalog_version_ship_rates_ad AFTER DELETE ON ship_rates BEGIN
	INSERT INTO catalog_version(id, n) VALUES (1, 1)
	ON CONFLICT (id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER catalog_version_pages_ai AFTER INSERT ON pages BEGIN
	INSERT INTO catalog_version(id, n) VALUES (1, 1)
	ON CONFLICT (id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER catalog_version_pages_au AFTER UPDATE ON pages BEGIN
	INSERT INTO catalog_version(id, n) VALUES (1, 1)
	ON CONFLICT (id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER catalog_version_pages_ad AFTER DELETE ON pages BEGIN
	INSERT INTO catalog_version(id, n) VALUES (1, 1)
	ON CONFLICT (id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER catalog_version_faq_entries_ai AFTER INSERT ON faq_entries BEGIN
	INSERT INTO catalog_version(id, n) VALUES (1, 1)
	ON CONFLICT (id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER catalog_version_faq_entries_au AFTER UPDATE ON faq_entries BEGIN
	INSERT INTO catalog_version(id, n) VALUES (1, 1)
	ON CONFLICT (id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER catalog_version_faq_entries_ad AFTER DELETE ON faq_entries BEGIN
	INSERT INTO catalog_version(id, n) VALUES (1, 1)
	ON CONFLICT (id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER catalog_version_banners_ai AFTER INSERT ON banners BEGIN
	INSERT INTO catalog_version(id, n) VALUES (1, 1)
	ON CONFLICT (id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER catalog_version_banners_au AFTER UPDATE ON banners BEGIN
	INSERT INTO catalog_version(id, n) VALUES (1, 1)
	ON CONFLICT (id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER catalog_version_banners_ad AFTER DELETE ON banners BEGIN
	INSERT INTO catalog_version(id, n) VALUES (1, 1)
	ON CONFLICT (id) DO UPDATE SET n = n + 1;
END;
-- A review shows its author's name (db_review.c POST_COLS): a rename or
-- a deleted account changes product pages; a login does not.
CREATE TRIGGER catalog_version_users_au AFTER UPDATE OF name, email,
	deleted_at ON users BEGIN
	INSERT INTO catalog_version(id, n) VALUES (1, 1)
	ON CONFLICT (id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER catalog_version_users_ad AFTER DELETE ON users BEGIN
	INSERT INTO catalog_version(id, n) VALUES (1, 1)
	ON CONFLICT (id) DO UPDATE SET n = n + 1;
END;
