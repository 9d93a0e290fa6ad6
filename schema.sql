-- souk database schema.
--
-- Conventions (see README "Library conventions"):
--   * money is INTEGER minor units (*_minor): 12.500 TND is 12500, $12.50 is 1250;
--   * times are INTEGER UTC unix seconds (*_at), shown in the store's time zone;
--   * booleans are INTEGER 0/1 with a CHECK;
--   * rows customers or mails refer to are never hard-deleted: they get
--     active = 0 (products, categories) so old orders keep their meaning.
-- `soukctl init` runs this file on an empty database; later changes are new
-- files migrations/NNN_name.sql applied in order by `soukctl migrate`, and
-- this file is kept equal to "all migrations applied" with the same
-- user_version.  The oldest databases are gone, so the suite checks a
-- migration at a time (test_soukctl, from 038 on): a fresh store set back
-- to before it (what it adds dropped) and migrated must then have this
-- file's schema.  A new migration adds its own such check.

PRAGMA user_version = 40;

-- Store-wide values created by `soukctl init`: secret_key (random, signs
-- CSRF tokens and links), ...
CREATE TABLE settings (
	key	TEXT PRIMARY KEY,
	value	TEXT NOT NULL
) WITHOUT ROWID;

-- A version of the settings table alone: settings_refresh() read every
-- setting again whenever PRAGMA data_version moved, i.e. after any write
-- by another connection (every order, cart, session).  It now reads this
-- one row and reloads only when it moved.  No row: version 0.
CREATE TABLE settings_version (
	id		INTEGER PRIMARY KEY CHECK (id = 1),
	n		INTEGER NOT NULL
);
CREATE TRIGGER settings_version_ai AFTER INSERT ON settings BEGIN
	INSERT INTO settings_version(id, n) VALUES (1, 1)
	ON CONFLICT (id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER settings_version_au AFTER UPDATE ON settings BEGIN
	INSERT INTO settings_version(id, n) VALUES (1, 1)
	ON CONFLICT (id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER settings_version_ad AFTER DELETE ON settings BEGIN
	INSERT INTO settings_version(id, n) VALUES (1, 1)
	ON CONFLICT (id) DO UPDATE SET n = n + 1;
END;

-- Category tree: parent_id NULL for top level.  A category page lists the
-- products of the category and of all its descendants.
CREATE TABLE categories (
	id		INTEGER PRIMARY KEY,
	parent_id	INTEGER REFERENCES categories(id) ON DELETE RESTRICT,
	slug		TEXT NOT NULL UNIQUE CHECK (length(slug) BETWEEN 1 AND 120),
	name		TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
	description	TEXT NOT NULL DEFAULT '',
	position	INTEGER NOT NULL DEFAULT 0,	-- order among siblings
	active		INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
	listed		INTEGER NOT NULL DEFAULT 0,	-- rows in category_listing (trigger-kept)
	created_at	INTEGER NOT NULL,
	updated_at	INTEGER NOT NULL,
	CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE INDEX categories_parent ON categories(parent_id, position);

-- Everything the store sells.
--   kind: physical (shipped, stock counted), subscription (sold through
--         subscription_plans: IPTV, streaming, software licences), digital
--         (downloadable media and files).
--   media_type: what a digital item is; films stand alone, a series has
--         seasons (parent_id = the series) which have episodes (parent_id =
--         the season); `position` numbers seasons and episodes.  Each level
--         can be sold on its own.
--   price_minor: the price; for subscriptions the lowest active plan price
--         (kept by triggers below) so listings sort and filter on one column.
--   stock: units left; NULL = unlimited (digital, most subscriptions).  Sales
--         decrement it with a conditional UPDATE; the CHECK is the last guard.
--   sold_out: stock = 0, stored so it can lead the indexes a broad search
--         walks (products_sold_*, migration 040); kept by the triggers
--         products_sold_out_ai/_au below.
CREATE TABLE products (
	id		INTEGER PRIMARY KEY,
	slug		TEXT NOT NULL UNIQUE CHECK (length(slug) BETWEEN 1 AND 120),
	name		TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
	description	TEXT NOT NULL DEFAULT '',
	kind		TEXT NOT NULL CHECK (kind IN ('physical', 'subscription', 'digital')),
	media_type	TEXT CHECK (media_type IN ('film', 'series', 'season', 'episode',
			    'software', 'ebook', 'music')),
	category_id	INTEGER REFERENCES categories(id) ON DELETE SET NULL,
	parent_id	INTEGER REFERENCES products(id) ON DELETE CASCADE,
	position	INTEGER NOT NULL DEFAULT 0,
	price_minor	INTEGER NOT NULL CHECK (price_minor >= 0),
	compare_at_minor INTEGER CHECK (compare_at_minor IS NULL OR compare_at_minor >= 0),
	stock		INTEGER CHECK (stock IS NULL OR stock >= 0),
	sku		TEXT,
	image		TEXT,		-- cover: first of product_images (trigger-kept)
	featured	INTEGER NOT NULL DEFAULT 0 CHECK (featured IN (0, 1)),
	active		INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
	created_at	INTEGER NOT NULL,
	updated_at	INTEGER NOT NULL,
	-- one unit's weight for delivery rates (migration 013); NULL: 0
	weight_grams	INTEGER CHECK (weight_grams IS NULL OR weight_grams >= 0),
	sold_out	INTEGER NOT NULL DEFAULT 0 CHECK (sold_out IN (0, 1)),
	CHECK (parent_id IS NULL OR parent_id <> id)
);
-- Listing orders used by category pages (top-level products only).
CREATE INDEX products_cat_new ON products(category_id, created_at DESC, id DESC)
	WHERE active = 1 AND parent_id IS NULL;
CREATE INDEX products_cat_price ON products(category_id, price_minor, id)
	WHERE active = 1 AND parent_id IS NULL;
CREATE INDEX products_cat_name ON products(category_id, name COLLATE NOCASE, id)
	WHERE active = 1 AND parent_id IS NULL;
CREATE INDEX products_new ON products(created_at DESC, id DESC)
	WHERE active = 1 AND parent_id IS NULL;
CREATE INDEX products_featured ON products(featured, created_at DESC)
	WHERE active = 1;
CREATE INDEX products_parent ON products(parent_id, position);
-- Search's best-match sort puts sold-out products last by asking this
-- small index, not each match's row (migration 030).
CREATE INDEX products_sold_out ON products(id) WHERE stock = 0;
-- products.sold_out follows the stock, whoever writes it (migration 040);
-- a stock change that neither reaches nor leaves 0 (checkout) only
-- evaluates the WHEN.
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

CREATE TABLE product_images (
	id		INTEGER PRIMARY KEY,
	product_id	INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
	path		TEXT NOT NULL,		-- under /media/, served by the web server
	alt		TEXT NOT NULL DEFAULT '',
	position	INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX product_images_product ON product_images(product_id, position);

-- products.image is the first image by position, so listings read no
-- second table.
CREATE TRIGGER product_images_ai AFTER INSERT ON product_images BEGIN
	UPDATE products SET image = (SELECT path FROM product_images
	    WHERE product_id = new.product_id ORDER BY position, id LIMIT 1)
	WHERE id = new.product_id;
END;
CREATE TRIGGER product_images_au AFTER UPDATE ON product_images BEGIN
	UPDATE products SET image = (SELECT path FROM product_images
	    WHERE product_id = old.product_id ORDER BY position, id LIMIT 1)
	WHERE id = old.product_id;
	UPDATE products SET image = (SELECT path FROM product_images
	    WHERE product_id = new.product_id ORDER BY position, id LIMIT 1)
	WHERE id = new.product_id;
END;
CREATE TRIGGER product_images_ad AFTER DELETE ON product_images BEGIN
	UPDATE products SET image = (SELECT path FROM product_images
	    WHERE product_id = old.product_id ORDER BY position, id LIMIT 1)
	WHERE id = old.product_id;
END;

-- Durations and prices of a subscription product ("1 month", "12 months").
-- A plan is months and/or days (a 7-day trial is 0 months 7 days).
CREATE TABLE subscription_plans (
	id		INTEGER PRIMARY KEY,
	product_id	INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
	duration_months	INTEGER NOT NULL DEFAULT 0 CHECK (duration_months BETWEEN 0 AND 120),
	duration_days	INTEGER NOT NULL DEFAULT 0 CHECK (duration_days BETWEEN 0 AND 3660),
	price_minor	INTEGER NOT NULL CHECK (price_minor >= 0),
	position	INTEGER NOT NULL DEFAULT 0,
	active		INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
	CHECK (duration_months + duration_days > 0),
	UNIQUE (product_id, duration_months, duration_days)
);

-- products.price_minor of a subscription = its cheapest active plan.
CREATE TRIGGER plans_price_ai AFTER INSERT ON subscription_plans BEGIN
	UPDATE products SET price_minor = (SELECT min(price_minor) FROM subscription_plans
	    WHERE product_id = new.product_id AND active = 1)
	WHERE id = new.product_id AND EXISTS (SELECT 1 FROM subscription_plans
	    WHERE product_id = new.product_id AND active = 1);
END;
CREATE TRIGGER plans_price_au AFTER UPDATE ON subscription_plans BEGIN
	UPDATE products SET price_minor = (SELECT min(price_minor) FROM subscription_plans
	    WHERE product_id = new.product_id AND active = 1)
	WHERE id = new.product_id AND EXISTS (SELECT 1 FROM subscription_plans
	    WHERE product_id = new.product_id AND active = 1);
END;
CREATE TRIGGER plans_price_ad AFTER DELETE ON subscription_plans BEGIN
	UPDATE products SET price_minor = (SELECT min(price_minor) FROM subscription_plans
	    WHERE product_id = old.product_id AND active = 1)
	WHERE id = old.product_id AND EXISTS (SELECT 1 FROM subscription_plans
	    WHERE product_id = old.product_id AND active = 1);
END;

-- Listing index for category pages.  category_tree is the closure of the
-- category tree (every ancestor/descendant pair, itself included);
-- category_listing holds one row per (category or ancestor, listed product)
-- with the sort keys, so a category page of any size reads exactly its 24
-- rows in index order.  Both are kept by the triggers below; programs only
-- read them.  A listed product is active, top level (not a season or
-- episode) and in a category.
CREATE TABLE category_tree (
	ancestor_id	INTEGER NOT NULL REFERENCES categories(id) ON DELETE CASCADE,
	descendant_id	INTEGER NOT NULL REFERENCES categories(id) ON DELETE CASCADE,
	PRIMARY KEY (ancestor_id, descendant_id)
) WITHOUT ROWID;
CREATE INDEX category_tree_desc ON category_tree(descendant_id, ancestor_id);

CREATE TABLE category_listing (
	category_id	INTEGER NOT NULL REFERENCES categories(id) ON DELETE CASCADE,
	product_id	INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
	created_at	INTEGER NOT NULL,
	price_minor	INTEGER NOT NULL,
	name		TEXT NOT NULL COLLATE NOCASE,
	-- stock 0, twice (migration 030): ascending sorts lead with sold_out,
	-- descending ones with in_stock, so sold-out products come last in
	-- every order while each order still reads one index one way
	sold_out	INTEGER NOT NULL DEFAULT 0 CHECK (sold_out IN (0, 1)),
	in_stock	INTEGER NOT NULL DEFAULT 1 CHECK (in_stock IN (0, 1)),
	-- the product's type (media type, else kind): the type filter's
	-- counts read the listing alone (migration 030)
	type		TEXT NOT NULL DEFAULT '',
	-- 1 when the product has an attribute value (migration 036): the
	-- attribute counts read only these rows (category_listing_attrs)
	has_attrs	INTEGER NOT NULL DEFAULT 0 CHECK (has_attrs IN (0, 1)),
	PRIMARY KEY (category_id, product_id)
) WITHOUT ROWID;
CREATE INDEX category_listing_new ON category_listing(category_id,
	in_stock DESC, created_at DESC, product_id DESC, price_minor);
CREATE INDEX category_listing_price ON category_listing(category_id,
	sold_out, price_minor, product_id);
CREATE INDEX category_listing_price_desc ON category_listing(category_id,
	in_stock, price_minor, product_id);
CREATE INDEX category_listing_name ON category_listing(category_id,
	sold_out, name, product_id, price_minor);
CREATE INDEX category_listing_product ON category_listing(product_id);

-- Attributes the admin defines (migration 036), their options
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
-- categories.listed answers "how many products" without counting rows.
CREATE TRIGGER category_listing_count_ai AFTER INSERT ON category_listing BEGIN
	UPDATE categories SET listed = listed + 1 WHERE id = new.category_id;
END;
CREATE TRIGGER category_listing_count_ad AFTER DELETE ON category_listing BEGIN
	UPDATE categories SET listed = listed - 1 WHERE id = old.category_id;
END;

CREATE TRIGGER categories_tree_ai AFTER INSERT ON categories BEGIN
	INSERT INTO category_tree(ancestor_id, descendant_id)
	    SELECT ancestor_id, new.id FROM category_tree
	    WHERE descendant_id = new.parent_id;
	INSERT INTO category_tree(ancestor_id, descendant_id) VALUES (new.id, new.id);
END;
-- A category cannot move under itself or one of its descendants.
CREATE TRIGGER categories_tree_bu BEFORE UPDATE OF parent_id ON categories
WHEN new.parent_id IS NOT NULL BEGIN
	SELECT RAISE(ABORT, 'a category cannot be inside itself')
	WHERE EXISTS (SELECT 1 FROM category_tree
	    WHERE ancestor_id = new.id AND descendant_id = new.parent_id);
END;
-- Moving a subtree: re-link it under its new ancestors, then rebuild the
-- listing rows of the products it holds.
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

CREATE TRIGGER products_listing_ai AFTER INSERT ON products
WHEN new.active = 1 AND new.parent_id IS NULL AND new.category_id IS NOT NULL BEGIN
	INSERT INTO category_listing(category_id, product_id, created_at,
	    price_minor, name, sold_out, in_stock, type)
	    SELECT ancestor_id, new.id, new.created_at, new.price_minor, new.name,
	    coalesce(new.stock, -1) = 0, coalesce(new.stock, -1) <> 0,
	    coalesce(new.media_type, new.kind)
	    FROM category_tree WHERE descendant_id = new.category_id;
END;
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

-- Full-text search over the names and descriptions of ACTIVE products
-- (FTS5, external content = products, kept in sync by the triggers below;
-- diacritics folded so "serie" finds "série"; prefix indexes for
-- search-as-you-type).  Holding only active products lets a search count
-- and page its matches from the index alone.
CREATE VIRTUAL TABLE products_fts USING fts5(
	name, description,
	content = 'products', content_rowid = 'id',
	tokenize = 'unicode61 remove_diacritics 2',
	-- Prefix indexes up to 6 characters: the word being typed is a prefix
	-- term, which FTS5 otherwise answers by merging every matching term.
	prefix = '2 3 4 5 6'
);
-- Typo correction (lib/search.c) without reading the vocabulary per
-- request.  search_vocab holds every term of the index (as FTS5 cuts it:
-- souk_terms, lib/db_text.c) with the number of active products having it;
-- search_typo holds each term's typo keys (the strings left after deleting
-- up to 2 of its first 7 characters: souk_typo_keys), so the terms close to
-- a misspelt word are found by looking up that word's keys.
--
-- The triggers that keep products_fts also queue each change of an active
-- product's text in search_vocab_queue (plain SQL, so any SQLite client
-- may edit products); souk folds the queue into search_vocab
-- (db_vocab_sync: soukctl after its catalog commands, the search page
-- before a typo lookup, a bounded batch at a time).  Only souk writes
-- search_vocab, so its own triggers may use souk's SQL functions.
CREATE TABLE search_vocab_queue (
	id	INTEGER PRIMARY KEY,
	sign	INTEGER NOT NULL CHECK (sign IN (-1, 1)),	-- text added / gone
	text	TEXT NOT NULL
);
CREATE TABLE search_vocab (
	term	TEXT PRIMARY KEY,
	docs	INTEGER NOT NULL		-- active products with the term
) WITHOUT ROWID;
CREATE TABLE search_typo (
	key	TEXT NOT NULL,
	dels	INTEGER NOT NULL,		-- characters deleted from term
	term	TEXT NOT NULL,
	PRIMARY KEY (key, dels, term)
) WITHOUT ROWID;
CREATE TRIGGER search_vocab_ai AFTER INSERT ON search_vocab BEGIN
	INSERT INTO search_typo(key, dels, term)
	    SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), new.term
	    FROM json_each(souk_typo_keys(new.term));
END;
CREATE TRIGGER search_vocab_au AFTER UPDATE OF docs ON search_vocab
WHEN new.docs <= 0 BEGIN
	DELETE FROM search_vocab WHERE term = new.term;
END;
CREATE TRIGGER search_vocab_ad AFTER DELETE ON search_vocab BEGIN
	DELETE FROM search_typo WHERE term = old.term AND key IN (
	    SELECT json_extract(value, '$[0]') FROM json_each(souk_typo_keys(old.term)));
END;

CREATE TRIGGER products_fts_ai AFTER INSERT ON products WHEN new.active = 1 BEGIN
	INSERT INTO products_fts(rowid, name, description)
	VALUES (new.id, new.name, new.description);
	INSERT INTO search_vocab_queue(sign, text)
	VALUES (1, new.name || ' ' || new.description);
END;
CREATE TRIGGER products_fts_ad AFTER DELETE ON products WHEN old.active = 1 BEGIN
	INSERT INTO products_fts(products_fts, rowid, name, description)
	VALUES ('delete', old.id, old.name, old.description);
	INSERT INTO search_vocab_queue(sign, text)
	VALUES (-1, old.name || ' ' || old.description);
END;
-- Only name, description and active changes touch the index: stock updates
-- at checkout stay cheap.  One trigger, so the old row leaves the index
-- before the new one enters.
CREATE TRIGGER products_fts_au AFTER UPDATE OF name, description, active
ON products BEGIN
	INSERT INTO products_fts(products_fts, rowid, name, description)
	    SELECT 'delete', old.id, old.name, old.description WHERE old.active = 1;
	INSERT INTO search_vocab_queue(sign, text)
	    SELECT -1, old.name || ' ' || old.description WHERE old.active = 1;
	INSERT INTO products_fts(rowid, name, description)
	    SELECT new.id, new.name, new.description WHERE new.active = 1;
	INSERT INTO search_vocab_queue(sign, text)
	    SELECT 1, new.name || ' ' || new.description WHERE new.active = 1;
END;

-- Orders a broad search walks (db_catalog.c WALK: the matches are kept
-- while reading one of these, one per sort, forwards, covering the price
-- filter), sold-out products last (migration 040); every product, the
-- matches are active ones.  products_active_name is the admin's list of
-- grantable products (db_grant.c).
CREATE INDEX products_active_name ON products(name COLLATE NOCASE, id) WHERE active = 1;
CREATE INDEX products_sold_new ON products(sold_out, created_at DESC, id DESC,
	price_minor);
CREATE INDEX products_sold_price ON products(sold_out, price_minor, id);
CREATE INDEX products_sold_price_desc ON products(sold_out, price_minor DESC,
	id DESC);
CREATE INDEX products_sold_name ON products(sold_out, name COLLATE NOCASE, id,
	price_minor);

-- Contact and mail
--
-- Every mail the store sends, written in the same transaction as what
-- caused it (contact message, order) and delivered afterwards by a sender
-- (lib/mail_send.c: right after the request's response, and `soukctl mail
-- run|daemon`).  One recipient per row.
--   status: queued -> sending (claimed by one sender until claimed_until)
--           -> sent, or back to queued with next_attempt_at pushed back
--           (exponential backoff), or failed (gave up; last_error says why).
--   queued_at: when the row was queued or requeued (`soukctl mail retry`);
--           mail_give_up counts from it.
--   rejections: 5xx replies about this mail (mail_5xx_attempts ends it).
CREATE TABLE mail_outbox (
	id		INTEGER PRIMARY KEY,
	to_addr		TEXT NOT NULL CHECK (length(to_addr) BETWEEN 3 AND 254),
	to_name		TEXT NOT NULL DEFAULT '',
	reply_to	TEXT NOT NULL DEFAULT '',
	reply_to_name	TEXT NOT NULL DEFAULT '',
	subject		TEXT NOT NULL,
	body_text	TEXT NOT NULL,
	body_html	TEXT,
	status		TEXT NOT NULL DEFAULT 'queued'
			    CHECK (status IN ('queued', 'sending', 'sent', 'failed')),
	attempts	INTEGER NOT NULL DEFAULT 0,
	rejections	INTEGER NOT NULL DEFAULT 0,
	next_attempt_at	INTEGER NOT NULL,
	claimed_by	TEXT,		-- sender holding the row while 'sending'
	claimed_until	INTEGER,	-- a crashed sender's claim expires then
	last_error	TEXT,
	message_id	TEXT NOT NULL UNIQUE,
	created_at	INTEGER NOT NULL,
	queued_at	INTEGER NOT NULL,
	sent_at		INTEGER,
	in_reply_to	TEXT NOT NULL DEFAULT '',	-- threading (019)
	refs		TEXT NOT NULL DEFAULT ''
);
CREATE INDEX mail_outbox_due ON mail_outbox(status, next_attempt_at);

-- Messages shoppers send through /contact, for the admin inbox.  mail_id is
-- the copy queued to shop_email in the same transaction.
CREATE TABLE messages (
	id		INTEGER PRIMARY KEY,
	name		TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
	email		TEXT NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
	subject		TEXT NOT NULL CHECK (length(subject) BETWEEN 1 AND 200),
	body		TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
	order_ref	TEXT NOT NULL DEFAULT '',
	lang		TEXT NOT NULL DEFAULT 'en',
	client_addr	TEXT NOT NULL DEFAULT '',
	user_agent	TEXT NOT NULL DEFAULT '',
	status		TEXT NOT NULL DEFAULT 'new'
			    CHECK (status IN ('new', 'read', 'answered', 'archived', 'spam')),
	mail_id		INTEGER REFERENCES mail_outbox(id) ON DELETE SET NULL,
	created_at	INTEGER NOT NULL
);
CREATE INDEX messages_inbox ON messages(status, created_at DESC);
-- Staff replies to a message (019), each queued to the shopper as mail_id.
CREATE TABLE message_replies (
	id		INTEGER PRIMARY KEY,
	message_id	INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
	user_id		INTEGER REFERENCES users(id) ON DELETE SET NULL,
	author		TEXT NOT NULL,
	body		TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
	mail_id		INTEGER REFERENCES mail_outbox(id) ON DELETE SET NULL,
	created_at	INTEGER NOT NULL
);
CREATE INDEX message_replies_message ON message_replies(message_id, id);

-- Rate limits (lib/db_rate.c): one row per counted action, per bucket
-- ("contact", "order", "proof", "proof_bytes", later "login"...) and
-- client key (an IPv4 address or an IPv6 /64).  weight is what the hit
-- counts for: 1, or the bytes of an upload for a byte budget.  Kept in
-- SQLite so every worker and machine shares them; rows older than the
-- longest window are pruned as new ones arrive.
CREATE TABLE rate_hits (
	bucket		TEXT NOT NULL,
	client		TEXT NOT NULL,
	at		INTEGER NOT NULL,
	weight		INTEGER NOT NULL DEFAULT 1 CHECK (weight > 0)
);
CREATE INDEX rate_hits_client ON rate_hits(bucket, client, at);
CREATE INDEX rate_hits_bucket_at ON rate_hits(bucket, at);
-- The running total of each (bucket, client)'s hits, kept by the triggers
-- below, so a limit check reads one row instead of summing the window
-- (the prune of the bucket's old hits runs first, so the total is the
-- window's).
CREATE TABLE rate_sums (
	bucket		TEXT NOT NULL,
	client		TEXT NOT NULL,
	used		INTEGER NOT NULL,
	PRIMARY KEY (bucket, client)
) WITHOUT ROWID;
CREATE TRIGGER rate_hits_sum_ai AFTER INSERT ON rate_hits BEGIN
	INSERT INTO rate_sums(bucket, client, used)
	VALUES (new.bucket, new.client, new.weight)
	ON CONFLICT (bucket, client) DO UPDATE SET used = used + excluded.used;
END;
CREATE TRIGGER rate_hits_sum_ad AFTER DELETE ON rate_hits BEGIN
	UPDATE rate_sums SET used = used - old.weight
	WHERE bucket = old.bucket AND client = old.client;
	DELETE FROM rate_sums
	WHERE bucket = old.bucket AND client = old.client AND used <= 0;
END;
CREATE TRIGGER rate_hits_sum_au AFTER UPDATE OF bucket, client, weight
ON rate_hits BEGIN
	UPDATE rate_sums SET used = used - old.weight
	WHERE bucket = old.bucket AND client = old.client;
	DELETE FROM rate_sums
	WHERE bucket = old.bucket AND client = old.client AND used <= 0;
	INSERT INTO rate_sums(bucket, client, used)
	VALUES (new.bucket, new.client, new.weight)
	ON CONFLICT (bucket, client) DO UPDATE SET used = used + excluded.used;
END;
-- Carts and orders
--
-- Written for the checkout's write path: placing an order is one
-- transaction whose cost is the number of pages it changes (each is a WAL
-- frame synced with synchronous=FULL), so lines and history are clustered
-- under their parent (WITHOUT ROWID, no second index) and orders carry only
-- the indexes lookups need.  See README "Cart, checkout and orders".
--
-- A cart belongs to whoever holds its cookie (souk_cart: 192 random bits);
-- only the SHA-256 of that value is stored, so a copy of the database does
-- not let anyone act as a shopper.  `rev` grows with every change: the
-- checkout form is signed for one revision, so an order is placed for
-- exactly the cart the shopper saw.
CREATE TABLE carts (
	id		INTEGER PRIMARY KEY,
	token_hash	TEXT NOT NULL UNIQUE CHECK (length(token_hash) = 64),
	user_id		INTEGER,		-- accounts (later) attach a cart
	rev		INTEGER NOT NULL DEFAULT 0,
	created_at	INTEGER NOT NULL,
	updated_at	INTEGER NOT NULL	-- idle carts expire after 30 days
);
CREATE INDEX carts_updated ON carts(updated_at);

-- The lines of a cart, numbered from 1 in the order they were added; one
-- line per product (and plan, for subscriptions), kept so by the cart's
-- write transactions.  No price here: prices are always read from
-- products / subscription_plans.
CREATE TABLE cart_items (
	cart_id		INTEGER NOT NULL REFERENCES carts(id) ON DELETE CASCADE,
	line		INTEGER NOT NULL CHECK (line > 0),
	product_id	INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
	plan_id		INTEGER REFERENCES subscription_plans(id) ON DELETE CASCADE,
	qty		INTEGER NOT NULL CHECK (qty BETWEEN 1 AND 99),
	added_at	INTEGER NOT NULL,
	PRIMARY KEY (cart_id, line)
) WITHOUT ROWID;

-- Discount codes: `value` is a percentage (1-100) or an amount in minor
-- units.  Limits are counted from coupon_redemptions inside the order
-- transaction, so they hold under any concurrency.
CREATE TABLE coupons (
	id		INTEGER PRIMARY KEY,
	code		TEXT NOT NULL UNIQUE COLLATE NOCASE
			    CHECK (length(code) BETWEEN 2 AND 40),
	kind		TEXT NOT NULL CHECK (kind IN ('percent', 'fixed')),
	value		INTEGER NOT NULL CHECK (value > 0),
	min_subtotal_minor INTEGER NOT NULL DEFAULT 0 CHECK (min_subtotal_minor >= 0),
	starts_at	INTEGER,		-- NULL: valid now
	expires_at	INTEGER,		-- NULL: never
	max_uses	INTEGER CHECK (max_uses IS NULL OR max_uses > 0),
	max_uses_per_email INTEGER CHECK (max_uses_per_email IS NULL OR
			    max_uses_per_email > 0),
	active		INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
	created_at	INTEGER NOT NULL,
	CHECK (kind <> 'percent' OR value <= 100)
);

-- Delivery (migration 013, lib/store/ship.h, docs/shipping.md).
-- ship_zones: where the shop delivers.  ship_zone_areas: the countries of
-- a zone (ISO 3166 alpha-2), each whole (region '') or one region of it
-- (matched against the City the shopper types, case-insensitively); an
-- area belongs to one zone only, and a region's zone wins over its
-- country's.  ship_rates: the delivery methods of a zone, each priced by
-- one rule (amounts in minor units of the store currency):
--   flat      base_minor
--   quantity  base_minor for the first shipped unit, + step_minor for
--             each further one
--   weight    base_minor up to step_grams, + step_minor for each further
--             step_grams begun
-- free_from_minor (NULL: never): free when the goods total after the
-- discount reaches it.  min_days-max_days: the delivery estimate in
-- working days.
CREATE TABLE ship_zones (
	id		INTEGER PRIMARY KEY,
	name		TEXT NOT NULL UNIQUE COLLATE NOCASE
			    CHECK (length(name) BETWEEN 1 AND 60),
	position	INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE ship_zone_areas (
	country		TEXT NOT NULL CHECK (length(country) = 2),
	region		TEXT NOT NULL DEFAULT '' COLLATE NOCASE
			    CHECK (length(region) <= 60),
	zone_id		INTEGER NOT NULL REFERENCES ship_zones(id)
			    ON DELETE CASCADE,
	PRIMARY KEY (country, region)
) WITHOUT ROWID;
CREATE INDEX ship_zone_areas_zone ON ship_zone_areas(zone_id);
CREATE TABLE ship_rates (
	id		INTEGER PRIMARY KEY,
	zone_id		INTEGER NOT NULL REFERENCES ship_zones(id)
			    ON DELETE CASCADE,
	name		TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
	kind		TEXT NOT NULL CHECK (kind IN ('flat', 'quantity', 'weight')),
	base_minor	INTEGER NOT NULL CHECK (base_minor >= 0),
	step_minor	INTEGER NOT NULL DEFAULT 0 CHECK (step_minor >= 0),
	step_grams	INTEGER NOT NULL DEFAULT 1000 CHECK (step_grams > 0),
	free_from_minor	INTEGER CHECK (free_from_minor IS NULL OR
			    free_from_minor >= 0),
	min_days	INTEGER NOT NULL CHECK (min_days >= 0),
	max_days	INTEGER NOT NULL,
	active		INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
	position	INTEGER NOT NULL DEFAULT 0,
	-- the name per language (migration 031): '' none, name is shown
	name_en		TEXT NOT NULL DEFAULT '' CHECK (length(name_en) <= 60),
	name_fr		TEXT NOT NULL DEFAULT '' CHECK (length(name_fr) <= 60),
	UNIQUE (zone_id, name),
	CHECK (max_days >= min_days)
);

-- An order: everything needed to honour it even if the catalog changes.
--   idem_key: the checkout form's idempotency key (the cart and revision it
--     was shown for, signed).  token, the /order/<token> link, is an HMAC
--     of it under the store secret: unguessable, and the same for a double
--     click, a second tab or a retried POST, so its UNIQUE index is the
--     idempotency guarantee — one order per key.
--   reference: the short code shoppers write on a transfer.
-- Listings go by id (creation order); statuses are few.
CREATE TABLE orders (
	id		INTEGER PRIMARY KEY,
	token		TEXT NOT NULL UNIQUE,
	reference	TEXT NOT NULL UNIQUE,
	idem_key	TEXT NOT NULL,
	status		TEXT NOT NULL CHECK (status IN ('awaiting_payment',
			    'proof_received', 'paid', 'completed', 'cancelled',
			    'refunded')),
	payment_method	TEXT NOT NULL,
	currency	TEXT NOT NULL,
	subtotal_minor	INTEGER NOT NULL CHECK (subtotal_minor >= 0),
	discount_minor	INTEGER NOT NULL DEFAULT 0 CHECK (discount_minor >= 0),
	total_minor	INTEGER NOT NULL CHECK (total_minor >= 0),
	coupon_id	INTEGER REFERENCES coupons(id),
	coupon_code	TEXT,
	customer_name	TEXT NOT NULL,
	email		TEXT NOT NULL,
	email_norm	TEXT NOT NULL,		-- lower case: per-email coupon limits
	phone		TEXT NOT NULL,		-- E.164, "+21620123456"
	country		TEXT NOT NULL,		-- ISO 3166 alpha-2
	address		TEXT,			-- only with physical items
	city		TEXT,
	postal_code	TEXT,
	lang		TEXT NOT NULL,		-- mails in the shopper's language
	cart_id		INTEGER,		-- the cart it came from (may be gone)
	cart_rev	INTEGER,
	user_id		INTEGER,		-- accounts (later)
	created_at	INTEGER NOT NULL,
	updated_at	INTEGER NOT NULL,
	-- delivery (migration 013, docs/shipping.md): the amount, method name
	-- and estimate as shown and re-checked at placement
	delivery_minor	INTEGER NOT NULL DEFAULT 0 CHECK (delivery_minor >= 0),
	delivery_rate_id INTEGER REFERENCES ship_rates(id) ON DELETE SET NULL,
	delivery_name	TEXT NOT NULL DEFAULT '',
	delivery_min_days INTEGER NOT NULL DEFAULT 0,
	delivery_max_days INTEGER NOT NULL DEFAULT 0,
	-- the method's name per language as shown (migration 031; '' none)
	delivery_name_en TEXT NOT NULL DEFAULT '',
	delivery_name_fr TEXT NOT NULL DEFAULT '',
	CHECK (total_minor = subtotal_minor - discount_minor + delivery_minor)
);
-- The orders `soukctl cron` may expire (docs/checkout.md): only those
-- awaiting payment are in this index.
CREATE INDEX orders_unpaid ON orders(created_at)
	WHERE status = 'awaiting_payment';

-- The order lifecycle (lib/store/order_flow.h, docs/checkout.md "Order
-- lifecycle").  order_transitions lists every status change the store
-- makes (from_status '' is the placement of a new order); the triggers
-- refuse an INSERT or an UPDATE of orders.status that is not in it,
-- whatever program or hand runs it.
CREATE TABLE order_transitions (
	from_status	TEXT NOT NULL,
	to_status	TEXT NOT NULL,
	PRIMARY KEY (from_status, to_status)
) WITHOUT ROWID;
INSERT INTO order_transitions(from_status, to_status) VALUES
	('', 'awaiting_payment'),
	('awaiting_payment', 'proof_received'),
	('proof_received', 'awaiting_payment'),
	('awaiting_payment', 'paid'),
	('proof_received', 'paid'),
	('awaiting_payment', 'cancelled'),
	('proof_received', 'cancelled'),
	('paid', 'completed'),
	('paid', 'refunded'),
	('completed', 'refunded');
CREATE TRIGGER orders_status_ai BEFORE INSERT ON orders
WHEN NOT EXISTS (SELECT 1 FROM order_transitions
    WHERE from_status = '' AND to_status = new.status)
BEGIN
	SELECT RAISE(ABORT, 'order status: an order cannot start in this status');
END;
CREATE TRIGGER orders_status_bu BEFORE UPDATE OF status ON orders
WHEN old.status IS NOT new.status AND NOT EXISTS (SELECT 1 FROM
    order_transitions WHERE from_status = old.status AND
    to_status = new.status)
BEGIN
	SELECT RAISE(ABORT, 'order status: transition not allowed');
END;

-- The lines as sold: name, plan and unit price at purchase time.
CREATE TABLE order_items (
	order_id	INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
	line		INTEGER NOT NULL CHECK (line > 0),
	product_id	INTEGER REFERENCES products(id) ON DELETE SET NULL,
	plan_id		INTEGER REFERENCES subscription_plans(id) ON DELETE SET NULL,
	kind		TEXT NOT NULL,
	name		TEXT NOT NULL,
	plan_months	INTEGER NOT NULL DEFAULT 0,
	plan_days	INTEGER NOT NULL DEFAULT 0,
	price_minor	INTEGER NOT NULL CHECK (price_minor >= 0),
	qty		INTEGER NOT NULL CHECK (qty >= 1),
	line_minor	INTEGER NOT NULL CHECK (line_minor = price_minor * qty),
	category_id	INTEGER NOT NULL DEFAULT -1,	-- for order_stats (017)
	-- Its share of the order's discount (035: the lines in the coupon's
	-- scope share it by their totals, db_coupon_spread), for refunds.
	discount_minor	INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (order_id, line)
) WITHOUT ROWID;

-- Details a product asks for at checkout (docs/checkout.md "Details
-- asked at checkout").
--
-- product_fields: what a product asks the shopper when it is ordered: a
-- device's MAC address for an IPTV plan, the app it will run in.  name is
-- the field's key (lower-case letters, digits, '_'), label what the form
-- shows, type how the value is checked (mac: six hex pairs, stored as
-- AA:BB:CC:DD:EE:FF; text: one line of at most max_len characters).
-- label_en/label_fr: the label per language.  Set in the admin
-- (/admin/details/<id>) or with `soukctl product-field`.
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
	-- the label per language (migration 031): '' none, label is shown
	label_en	TEXT NOT NULL DEFAULT '' CHECK (length(label_en) <= 80),
	label_fr	TEXT NOT NULL DEFAULT '' CHECK (length(label_fr) <= 80),
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
	label_en	TEXT NOT NULL DEFAULT '',	-- migration 031
	label_fr	TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (order_id, line, position),
	FOREIGN KEY (order_id, line) REFERENCES order_items(order_id, line)
	    ON DELETE CASCADE
) WITHOUT ROWID;

-- Status history: one row per change (seq 1 at placement), never
-- rewritten.  `note` is a key under Lang.order.note (what happened), never
-- free text from input.  `actor` says who made the change: "shopper",
-- "cron", "staff:<name>" ('' for rows older than migration 002).
CREATE TABLE order_events (
	order_id	INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
	seq		INTEGER NOT NULL CHECK (seq > 0),
	status		TEXT NOT NULL,
	note		TEXT NOT NULL DEFAULT '',
	created_at	INTEGER NOT NULL,
	actor		TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (order_id, seq)
) WITHOUT ROWID;

CREATE TABLE coupon_redemptions (
	id		INTEGER PRIMARY KEY,
	coupon_id	INTEGER NOT NULL REFERENCES coupons(id),
	order_id	INTEGER NOT NULL UNIQUE REFERENCES orders(id) ON DELETE CASCADE,
	email_norm	TEXT NOT NULL,
	discount_minor	INTEGER NOT NULL,
	created_at	INTEGER NOT NULL,
	-- the account that redeemed, NULL for a guest (migration 028):
	-- max_uses_per_email counts the uses of the account or the e-mail
	user_id		INTEGER REFERENCES users(id) ON DELETE SET NULL
);
CREATE INDEX coupon_redemptions_coupon ON coupon_redemptions(coupon_id, email_norm);
CREATE INDEX coupon_redemptions_user ON coupon_redemptions(coupon_id, user_id)
	WHERE user_id IS NOT NULL;

-- The products and categories a coupon is for (migration 028; none: the
-- whole cart).  A category covers its subcategories, a product its
-- seasons and episodes; the discount is computed on the lines in scope.
CREATE TABLE coupon_scope (
	id		INTEGER PRIMARY KEY,
	coupon_id	INTEGER NOT NULL REFERENCES coupons(id) ON DELETE CASCADE,
	product_id	INTEGER REFERENCES products(id) ON DELETE CASCADE,
	category_id	INTEGER REFERENCES categories(id) ON DELETE CASCADE,
	CHECK ((product_id IS NULL) <> (category_id IS NULL))
);
CREATE UNIQUE INDEX coupon_scope_one ON coupon_scope(coupon_id,
	coalesce(product_id, 0), coalesce(category_id, 0));

-- Payment screenshots and receipts: the file is data_dir/proofs/<stored_name>
-- (a random name, outside htdocs); the type was recognised from the content.
CREATE TABLE payment_proofs (
	id		INTEGER PRIMARY KEY,
	order_id	INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
	stored_name	TEXT NOT NULL UNIQUE,
	content_type	TEXT NOT NULL CHECK (content_type IN ('image/jpeg',
			    'image/png', 'image/webp', 'application/pdf')),
	size		INTEGER NOT NULL CHECK (size > 0),
	sha256		TEXT NOT NULL,
	original_name	TEXT NOT NULL DEFAULT '',	-- as sent; staff only
	created_at	INTEGER NOT NULL
);
CREATE INDEX payment_proofs_order ON payment_proofs(order_id);

-- Accounts (migration 004): accounts, sessions, one-time tokens, login throttling, staff TOTP
-- (docs/accounts.md).  Secrets that only need checking (session ids, mailed
-- tokens, recovery codes) are stored as their SHA-256 in hex.

-- One row per account.  email_norm is the lower-cased address (unique);
-- pw_hash is libscrypt's MCF string ($s1$...).  verified_at NULL: the
-- address was never confirmed.  Deleted accounts keep their row (orders
-- refer to it) with personal fields replaced and deleted_at set.
CREATE TABLE users (
	id		INTEGER PRIMARY KEY,
	email		TEXT NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
	email_norm	TEXT NOT NULL UNIQUE,
	name		TEXT NOT NULL DEFAULT '' CHECK (length(name) <= 100),
	phone		TEXT NOT NULL DEFAULT '',		-- E.164 or ''
	role		TEXT NOT NULL DEFAULT 'customer'
			    CHECK (role IN ('customer', 'employee', 'admin')),
	pw_hash		TEXT NOT NULL,
	lang		TEXT NOT NULL DEFAULT 'en',
	verified_at	INTEGER,
	disabled	INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
	totp_secret	TEXT,			-- base32; set while enrolling too
	totp_enabled	INTEGER NOT NULL DEFAULT 0 CHECK (totp_enabled IN (0, 1)),
	totp_last_step	INTEGER NOT NULL DEFAULT 0,	-- newest step used: no reuse
	deleted_at	INTEGER,
	created_at	INTEGER NOT NULL,
	updated_at	INTEGER NOT NULL
);

CREATE TABLE user_addresses (
	id		INTEGER PRIMARY KEY,
	user_id		INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	address		TEXT NOT NULL CHECK (length(address) BETWEEN 1 AND 200),
	city		TEXT NOT NULL CHECK (length(city) BETWEEN 1 AND 100),
	postal_code	TEXT NOT NULL DEFAULT '',
	country		TEXT NOT NULL CHECK (length(country) = 2),
	created_at	INTEGER NOT NULL
);
CREATE INDEX user_addresses_user ON user_addresses(user_id);

-- Sessions: the cookie holds 256 random bits, this table their SHA-256.
-- mfa_pending = 1: the password was right but the second factor is still
-- due; such a session is not logged in.
CREATE TABLE sessions (
	id_hash		TEXT PRIMARY KEY CHECK (length(id_hash) = 64),
	user_id		INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	mfa_pending	INTEGER NOT NULL DEFAULT 0 CHECK (mfa_pending IN (0, 1)),
	client		TEXT NOT NULL DEFAULT '',
	user_agent	TEXT NOT NULL DEFAULT '',
	created_at	INTEGER NOT NULL,
	seen_at		INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX sessions_user ON sessions(user_id);
CREATE INDEX sessions_seen ON sessions(seen_at);

-- Single-use tokens sent by mail: verify (24 h), reset (1 h), email
-- (confirm a new address, 24 h; new_email holds it), unlock (lift a login
-- lock, 24 h).  used_at set when followed.
CREATE TABLE user_tokens (
	hash		TEXT PRIMARY KEY CHECK (length(hash) = 64),
	user_id		INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	purpose		TEXT NOT NULL CHECK (purpose IN ('verify', 'reset',
			    'email', 'unlock')),
	new_email	TEXT,
	expires_at	INTEGER NOT NULL,
	used_at		INTEGER,
	created_at	INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX user_tokens_user ON user_tokens(user_id, purpose);

-- Failed logins counted per account (key: the normalised e-mail, known or
-- not, so the answer is the same) and per client address (kind 'client').
-- A success clears the account row.  locked = 1 (account rows only) until
-- the unlock mail is followed or an admin resets it.
CREATE TABLE login_failures (
	kind		TEXT NOT NULL CHECK (kind IN ('account', 'client')),
	key		TEXT NOT NULL,
	failures	INTEGER NOT NULL DEFAULT 0,
	last_at		INTEGER NOT NULL,
	locked		INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0, 1)),
	PRIMARY KEY (kind, key)
) WITHOUT ROWID;

-- Ten single-use recovery codes per staff account with TOTP (SHA-256).
CREATE TABLE recovery_codes (
	user_id		INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	hash		TEXT NOT NULL,
	used_at		INTEGER,
	PRIMARY KEY (user_id, hash)
) WITHOUT ROWID;

-- Browsers an account logged in from (SHA-256 of a long-lived random
-- cookie): a login from one not listed mails the owner.
CREATE TABLE user_devices (
	user_id		INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	device_hash	TEXT NOT NULL,
	first_at	INTEGER NOT NULL,
	PRIMARY KEY (user_id, device_hash)
) WITHOUT ROWID;

-- Order history: by account, and guest orders by their (verified) e-mail.
CREATE INDEX orders_user ON orders(user_id, id) WHERE user_id IS NOT NULL;
CREATE INDEX orders_email ON orders(email_norm, id);
CREATE INDEX carts_user ON carts(user_id) WHERE user_id IS NOT NULL;
-- Catalog text per language (issue 13).  products, categories and
-- subscription_plans hold the text in the store's default language
-- (default_lang); these tables hold the other languages.  An empty value
-- means "not translated": the page shows the default language's text.
CREATE TABLE product_text (
	product_id	INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
	lang		TEXT NOT NULL CHECK (lang IN ('en', 'fr')),
	name		TEXT NOT NULL DEFAULT '' CHECK (length(name) <= 200),
	description	TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (product_id, lang)
) WITHOUT ROWID;
CREATE TABLE category_text (
	category_id	INTEGER NOT NULL REFERENCES categories(id) ON DELETE CASCADE,
	lang		TEXT NOT NULL CHECK (lang IN ('en', 'fr')),
	name		TEXT NOT NULL DEFAULT '' CHECK (length(name) <= 200),
	description	TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (category_id, lang)
) WITHOUT ROWID;
-- A plan's label ("3 months + 1 free") in any language, the default one
-- included; without one the page names the plan by its duration.
CREATE TABLE plan_text (
	plan_id		INTEGER NOT NULL REFERENCES subscription_plans(id) ON DELETE CASCADE,
	lang		TEXT NOT NULL CHECK (lang IN ('en', 'fr')),
	label		TEXT NOT NULL CHECK (length(label) BETWEEN 1 AND 80),
	PRIMARY KEY (plan_id, lang)
) WITHOUT ROWID;


-- 010: the back office (docs/admin.md).
-- Who did what to which object, when and from where.  Written in the same
-- transaction as the change it records; never updated or deleted by the
-- programs.  actor is the staff e-mail at the time (accounts may change).
CREATE TABLE audit_log (
	id		INTEGER PRIMARY KEY,
	at		INTEGER NOT NULL,
	user_id		INTEGER REFERENCES users(id) ON DELETE SET NULL,
	actor		TEXT NOT NULL,
	action		TEXT NOT NULL CHECK (length(action) BETWEEN 1 AND 40),
	object_kind	TEXT NOT NULL CHECK (length(object_kind) BETWEEN 1 AND 20),
	object_id	TEXT NOT NULL,
	detail		TEXT NOT NULL DEFAULT '' CHECK (length(detail) <= 2000),
	client_addr	TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_object ON audit_log(object_kind, object_id, id);

-- Notes on an order: private (staff only) or visible to the customer on
-- the order page.
CREATE TABLE order_notes (
	id		INTEGER PRIMARY KEY,
	order_id	INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
	user_id		INTEGER REFERENCES users(id) ON DELETE SET NULL,
	author		TEXT NOT NULL,
	body		TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 2000),
	visible		INTEGER NOT NULL DEFAULT 0 CHECK (visible IN (0, 1)),
	created_at	INTEGER NOT NULL
);
CREATE INDEX order_notes_order ON order_notes(order_id, id);

-- The admin order list filters by these, newest first.
CREATE INDEX orders_status ON orders(status, id);
CREATE INDEX orders_created ON orders(created_at);

-- payments: one row per gateway session (Stripe Checkout Session, Flouci
-- payment) opened for an order.  A payment pays exactly one order
-- (order_id) and is known to its gateway by provider_id, unique per
-- provider.  At most one payment of an order is paid (partial index).
-- status: open (the shopper may still pay), paid, failed, expired,
-- mismatch (the gateway took an amount or currency other than the
-- order's: flagged for staff, the order is not paid), refunded (in full).
CREATE TABLE payments (
	id		INTEGER PRIMARY KEY,
	provider	TEXT NOT NULL CHECK (provider IN ('stripe', 'flouci')),
	provider_id	TEXT NOT NULL,
	order_id	INTEGER NOT NULL REFERENCES orders(id),
	attempt		INTEGER NOT NULL CHECK (attempt >= 0),
	amount_minor	INTEGER NOT NULL CHECK (amount_minor >= 0),
	currency	TEXT NOT NULL,
	mode		TEXT NOT NULL CHECK (mode IN ('test', 'live')),
	status		TEXT NOT NULL CHECK (status IN ('open', 'paid', 'failed',
			    'expired', 'mismatch', 'refunded')),
	url		TEXT NOT NULL,		-- the hosted page
	charge_ref	TEXT NOT NULL DEFAULT '',	-- Stripe payment_intent
	refunded_minor	INTEGER NOT NULL DEFAULT 0 CHECK (refunded_minor >= 0),
	note		TEXT NOT NULL DEFAULT '',	-- why mismatch/failed
	expires_at	INTEGER NOT NULL,
	created_at	INTEGER NOT NULL,
	updated_at	INTEGER NOT NULL,
	UNIQUE (provider, provider_id),
	UNIQUE (order_id, provider, attempt)
);
CREATE UNIQUE INDEX payments_one_paid ON payments(order_id)
    WHERE status IN ('paid', 'refunded');
CREATE INDEX payments_open ON payments(status, created_at);

-- Every webhook event received, once: a redelivery finds its row.
CREATE TABLE payment_events (
	id		INTEGER PRIMARY KEY,
	provider	TEXT NOT NULL,
	event_id	TEXT NOT NULL,
	type		TEXT NOT NULL,
	provider_id	TEXT NOT NULL DEFAULT '',	-- the payment it is about
	result		TEXT NOT NULL DEFAULT '',	-- what it did
	received_at	INTEGER NOT NULL,
	UNIQUE (provider, event_id)
);

-- Refunds asked of a gateway: idem_key makes a retried request one refund.
CREATE TABLE payment_refunds (
	id		INTEGER PRIMARY KEY,
	payment_id	INTEGER NOT NULL REFERENCES payments(id),
	amount_minor	INTEGER NOT NULL CHECK (amount_minor > 0),
	idem_key	TEXT NOT NULL UNIQUE,
	status		TEXT NOT NULL CHECK (status IN ('done', 'pending',
			    'refused')),
	provider_refund_id TEXT NOT NULL DEFAULT '',
	reason		TEXT NOT NULL DEFAULT '',
	created_at	INTEGER NOT NULL
);

-- 015: reviews, questions and their moderation (docs/reviews.md).
--
-- posts: what customers write on a product page.  kind 'review' (a
-- rating 1-5 and a text, only from a buyer, one per product and account:
-- the partial unique index) or 'question' (a text from any logged-in
-- customer).  status: pending (waiting for staff), published (everyone
-- sees it), hidden (staff took it down; its author still sees it).
-- held: why a post waits ('' none, 'moderation' the setting, 'words' the
-- word list, 'reports' customers reported it).  answer: the shop's reply,
-- shown marked as the shop's.  The text is stored as typed and always
-- rendered as escaped plain text.
CREATE TABLE posts (
	id		INTEGER PRIMARY KEY,
	kind		TEXT NOT NULL CHECK (kind IN ('review', 'question')),
	product_id	INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
	user_id		INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	rating		INTEGER CHECK ((kind = 'review' AND rating BETWEEN 1 AND 5)
			    OR (kind = 'question' AND rating IS NULL)),
	body		TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
	status		TEXT NOT NULL CHECK (status IN ('pending', 'published',
			    'hidden')),
	held		TEXT NOT NULL DEFAULT '' CHECK (held IN ('', 'moderation',
			    'words', 'reports')),
	verified	INTEGER NOT NULL DEFAULT 0 CHECK (verified IN (0, 1)),
	reports		INTEGER NOT NULL DEFAULT 0 CHECK (reports >= 0),
	answer		TEXT NOT NULL DEFAULT '' CHECK (length(answer) <= 4000),
	answered_by	INTEGER REFERENCES users(id) ON DELETE SET NULL,
	answered_at	INTEGER,
	client_addr	TEXT NOT NULL DEFAULT '',
	created_at	INTEGER NOT NULL,
	updated_at	INTEGER NOT NULL
);
CREATE UNIQUE INDEX posts_one_review ON posts(product_id, user_id)
	WHERE kind = 'review';
-- A product page: its published posts of one kind, newest first (keyset
-- on id), and the recomputation of its ratings.
CREATE INDEX posts_page ON posts(product_id, kind, status, id);
CREATE INDEX posts_queue ON posts(status, id);
CREATE INDEX posts_user ON posts(user_id);

-- "Report this review": one per post and account.
CREATE TABLE post_reports (
	post_id		INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
	user_id		INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	reason		TEXT NOT NULL DEFAULT '' CHECK (length(reason) <= 500),
	created_at	INTEGER NOT NULL,
	PRIMARY KEY (post_id, user_id)
) WITHOUT ROWID;

-- The published reviews of a product summed up: recomputed from posts in
-- the transaction that changes one of them (lib/store/review.c), so a
-- product page or card reads one row whatever the number of reviews.
CREATE TABLE product_ratings (
	product_id	INTEGER PRIMARY KEY REFERENCES products(id) ON DELETE CASCADE,
	n		INTEGER NOT NULL CHECK (n >= 0),
	total		INTEGER NOT NULL CHECK (total >= 0),	-- sum of ratings
	n1		INTEGER NOT NULL DEFAULT 0,
	n2		INTEGER NOT NULL DEFAULT 0,
	n3		INTEGER NOT NULL DEFAULT 0,
	n4		INTEGER NOT NULL DEFAULT 0,
	n5		INTEGER NOT NULL DEFAULT 0,
	CHECK (n = n1 + n2 + n3 + n4 + n5)
) WITHOUT ROWID;

-- Digital delivery and subscriptions (migration 011)

-- Files of a digital product: data_dir/downloads/<stored_name> (a random
-- name, never under htdocs).  file_name is what the buyer's browser saves.
CREATE TABLE media_files (
	id		INTEGER PRIMARY KEY,
	product_id	INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
	stored_name	TEXT NOT NULL UNIQUE,
	file_name	TEXT NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
	content_type	TEXT NOT NULL,
	size		INTEGER NOT NULL CHECK (size >= 0),
	created_at	INTEGER NOT NULL
);
CREATE INDEX media_files_product ON media_files(product_id);

-- Who may download what: one row per paid order line of a digital
-- product, or one a staff member granted without an order (order_id and
-- line NULL, granted_by the staff account or NULL for soukctl,
-- grant_reason why).  It covers the product's files and those of every
-- product under it (a series: its seasons and their episodes, added
-- later too).  max_downloads counts per file (NULL: unlimited);
-- expires_at NULL: for ever; revoked_at set by a refund or cancellation
-- of the order, or by staff.
CREATE TABLE entitlements (
	id		INTEGER PRIMARY KEY,
	order_id	INTEGER REFERENCES orders(id) ON DELETE CASCADE,
	line		INTEGER,
	product_id	INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
	user_id		INTEGER REFERENCES users(id) ON DELETE SET NULL,
	max_downloads	INTEGER CHECK (max_downloads IS NULL OR max_downloads > 0),
	expires_at	INTEGER,
	revoked_at	INTEGER,
	revoke_reason	TEXT,
	created_at	INTEGER NOT NULL,
	granted_by	INTEGER REFERENCES users(id) ON DELETE SET NULL,
	grant_reason	TEXT NOT NULL DEFAULT '' CHECK (length(grant_reason) <= 500),
	UNIQUE (order_id, line)
);
CREATE INDEX entitlements_user ON entitlements(user_id, product_id);
CREATE INDEX entitlements_product ON entitlements(product_id);

-- One row per download link used (token_hash: SHA-256 of the link's
-- token): a resumed download (Range) with the same link counts once.
CREATE TABLE downloads (
	id		INTEGER PRIMARY KEY,
	entitlement_id	INTEGER NOT NULL REFERENCES entitlements(id) ON DELETE CASCADE,
	file_id		INTEGER NOT NULL REFERENCES media_files(id) ON DELETE CASCADE,
	token_hash	TEXT NOT NULL UNIQUE,
	remote_addr	TEXT NOT NULL DEFAULT '',
	requests	INTEGER NOT NULL DEFAULT 1,
	created_at	INTEGER NOT NULL,
	last_at		INTEGER NOT NULL
);
CREATE INDEX downloads_entitlement ON downloads(entitlement_id, file_id);

-- How a subscription product delivers its access: 'pool' (credentials
-- imported by soukctl credentials import, assigned at payment) or
-- 'staff' (entered by staff).  reminder_days: days before the end at
-- which reminders go ('' : the reminder_days setting).
CREATE TABLE product_delivery (
	product_id	INTEGER PRIMARY KEY REFERENCES products(id) ON DELETE CASCADE,
	access		TEXT NOT NULL DEFAULT 'staff' CHECK (access IN ('pool', 'staff')),
	reminder_days	TEXT NOT NULL DEFAULT ''
);

-- A subscription: one per (customer, product); a renewal (a later paid
-- order line for the same product and customer) extends ends_at.  state
-- is set explicitly (suspended, cancelled with a reason); active,
-- expiring soon and expired are computed from ends_at.  access: 'none'
-- (nothing to deliver), 'waiting' (pool empty at payment: staff must
-- add credentials), 'ready'.
CREATE TABLE subscriptions (
	id		INTEGER PRIMARY KEY,
	product_id	INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
	plan_id		INTEGER REFERENCES subscription_plans(id) ON DELETE SET NULL,
	order_id	INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
	line		INTEGER NOT NULL,
	user_id		INTEGER REFERENCES users(id) ON DELETE SET NULL,
	email_norm	TEXT NOT NULL,
	lang		TEXT NOT NULL,
	starts_at	INTEGER NOT NULL,
	ends_at		INTEGER NOT NULL CHECK (ends_at > starts_at),
	state		TEXT NOT NULL DEFAULT 'live' CHECK (state IN ('live',
			    'suspended', 'cancelled')),
	state_reason	TEXT NOT NULL DEFAULT '',
	access		TEXT NOT NULL DEFAULT 'none' CHECK (access IN ('none',
			    'waiting', 'ready')),
	created_at	INTEGER NOT NULL,
	updated_at	INTEGER NOT NULL,
	UNIQUE (order_id, line)
);
CREATE INDEX subscriptions_ends ON subscriptions(state, ends_at);
CREATE INDEX subscriptions_user ON subscriptions(user_id, product_id);
CREATE INDEX subscriptions_email ON subscriptions(email_norm, product_id);
CREATE INDEX subscriptions_waiting ON subscriptions(access) WHERE access = 'waiting';

-- Every order line a subscription was made or extended by.
CREATE TABLE subscription_periods (
	subscription_id	INTEGER NOT NULL REFERENCES subscriptions(id) ON DELETE CASCADE,
	order_id	INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
	line		INTEGER NOT NULL,
	starts_at	INTEGER NOT NULL,
	ends_at		INTEGER NOT NULL,
	PRIMARY KEY (order_id, line)
) WITHOUT ROWID;

-- The credential pool: secretbox(nonce, JSON of the fields) under the key
-- in credentials_key_file; never plain text in this file.  subscription_id
-- is set once, when the credential is given out (UNIQUE: never twice).
CREATE TABLE credentials (
	id		INTEGER PRIMARY KEY,
	product_id	INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
	nonce		BLOB NOT NULL,
	box		BLOB NOT NULL,
	subscription_id	INTEGER UNIQUE REFERENCES subscriptions(id) ON DELETE SET NULL,
	assigned_at	INTEGER,
	created_at	INTEGER NOT NULL
);
CREATE INDEX credentials_free ON credentials(product_id, id) WHERE subscription_id IS NULL;

-- Reminders sent: one row per (subscription, kind, period end), inserted
-- in the transaction that queues the mail, so a reminder goes once even
-- with two soukctl cron at once.  kind: 'd<N>' (N days before) or
-- 'expired'.
CREATE TABLE subscription_reminders (
	subscription_id	INTEGER NOT NULL REFERENCES subscriptions(id) ON DELETE CASCADE,
	kind		TEXT NOT NULL,
	ends_at		INTEGER NOT NULL,
	sent_at		INTEGER NOT NULL,
	PRIMARY KEY (subscription_id, kind, ends_at)
) WITHOUT ROWID;
-- 016: content pages, FAQ, home trust banners, wishlists and stock alerts
-- (docs/content.md).
--
-- pages: one row per slug and language.  body_md is what staff write
-- (Markdown), body_html what libcmark made of it when it was saved (raw
-- HTML and links other than http, https, mailto or relative removed), so
-- a page costs no rendering at request time.  A language without its row
-- falls back to the store's default language.
CREATE TABLE pages (
	slug		TEXT NOT NULL CHECK (length(slug) BETWEEN 1 AND 60),
	lang		TEXT NOT NULL CHECK (length(lang) = 2),
	title		TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
	body_md		TEXT NOT NULL CHECK (length(body_md) <= 100000),
	body_html	TEXT NOT NULL,
	updated_at	INTEGER NOT NULL,
	-- 023: 0 = a draft staff still edit, never on the storefront
	published	INTEGER NOT NULL DEFAULT 1 CHECK (published IN (0, 1)),
	PRIMARY KEY (slug, lang)
) WITHOUT ROWID;

-- FAQ entries: each in one language, grouped by category (its name in
-- that language), ordered by position.  The FAQ page shows the visitor's
-- language, or the default language's entries when it has none.
CREATE TABLE faq_entries (
	id		INTEGER PRIMARY KEY,
	lang		TEXT NOT NULL CHECK (length(lang) = 2),
	category	TEXT NOT NULL CHECK (length(category) BETWEEN 1 AND 100),
	question	TEXT NOT NULL CHECK (length(question) BETWEEN 1 AND 300),
	answer_md	TEXT NOT NULL CHECK (length(answer_md) BETWEEN 1 AND 20000),
	answer_html	TEXT NOT NULL,
	position	INTEGER NOT NULL DEFAULT 0,
	updated_at	INTEGER NOT NULL
);
CREATE INDEX faq_lang ON faq_entries(lang, position, id);

-- The home page's trust banners: a slot (payment, delivery, support...)
-- per language with a short title and text; a slot missing in a language
-- falls back to the default language's.  active = 0 hides the slot.
CREATE TABLE banners (
	slot		TEXT NOT NULL CHECK (length(slot) BETWEEN 1 AND 40),
	lang		TEXT NOT NULL CHECK (length(lang) = 2),
	title		TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 80),
	body		TEXT NOT NULL CHECK (length(body) <= 300),
	position	INTEGER NOT NULL DEFAULT 0,
	active		INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
	updated_at	INTEGER NOT NULL,
	PRIMARY KEY (slot, lang)
) WITHOUT ROWID;

-- Wishlists.  seen_price is the price the customer last saw (when adding
-- or in our last price mail): a lower price mails them once and becomes
-- the new seen_price.  seen_in_stock is 0 once the product ran out (the
-- trigger below, whoever changed the stock): its return mails them once.
CREATE TABLE wishlist (
	user_id		INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	product_id	INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
	seen_price	INTEGER NOT NULL CHECK (seen_price >= 0),
	seen_in_stock	INTEGER NOT NULL CHECK (seen_in_stock IN (0, 1)),
	created_at	INTEGER NOT NULL,
	PRIMARY KEY (user_id, product_id)
) WITHOUT ROWID;
CREATE INDEX wishlist_product ON wishlist(product_id);

-- Accounts that followed the unsubscribe link of a wishlist mail.
CREATE TABLE wish_optout (
	user_id		INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
	created_at	INTEGER NOT NULL
);

-- "Notify me when back": an address waiting for a sold-out product.  The
-- row is deleted when its one mail is queued (or by its unsubscribe link).
CREATE TABLE stock_alerts (
	id		INTEGER PRIMARY KEY,
	product_id	INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
	email		TEXT NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
	email_norm	TEXT NOT NULL,
	lang		TEXT NOT NULL CHECK (length(lang) = 2),
	created_at	INTEGER NOT NULL,
	UNIQUE (product_id, email_norm)
);

-- A product that can no longer be bought (stock 0, or deactivated) is
-- "out" for every wishlist holding it, whichever program changed it.
CREATE TRIGGER wishlist_sold_out AFTER UPDATE OF stock, active ON products
WHEN new.active = 0 OR new.stock = 0
BEGIN
	UPDATE wishlist SET seen_in_stock = 0
	WHERE product_id = new.id AND seen_in_stock = 1;
END;
-- Daily order figures for the dashboard (migration 017).
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
--    statuses the top products count), by day (month) first since 035.
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

-- 037: the dashboard within 20 ms for any range at a million orders
-- (docs/admin.md "Dashboard").  A range whose first and last days both
-- fall mid-month read about 13,000 rows of order_stats_sold per edge
-- month (15 days of ~875 products): 29 ms.
--
-- order_stats_sold_block: order_stats_sold summed per block of days of a
-- month (days 1-8, 9-16, 17-24 and 25 to the month's end; block: its
-- first day), kept by triggers on order_stats_sold like
-- order_stats_sold_month, so in the same transaction.  The top products
-- of a range read its whole months, the whole blocks of its edge months
-- and only the days left (or the month, or the block, less the days
-- outside: stats_span.h), at most about 6 pieces per edge month.
CREATE TABLE order_stats_sold_block (
	kind		TEXT NOT NULL,
	category_id	INTEGER NOT NULL,
	product_id	INTEGER NOT NULL,
	block		TEXT NOT NULL,		-- 'YYYY-MM-DD': 01, 09, 17, 25
	units		INTEGER NOT NULL,
	revenue_minor	INTEGER NOT NULL,
	PRIMARY KEY (block, kind, category_id, product_id)
) WITHOUT ROWID;
CREATE TRIGGER order_stats_sold_block_ai AFTER INSERT ON order_stats_sold
BEGIN
	INSERT INTO order_stats_sold_block VALUES (new.kind, new.category_id,
	    new.product_id, substr(new.day, 1, 8) || CASE WHEN
	    substr(new.day, 9) <= '08' THEN '01' WHEN substr(new.day, 9) <=
	    '16' THEN '09' WHEN substr(new.day, 9) <= '24' THEN '17' ELSE '25'
	    END, new.units, new.revenue_minor)
	ON CONFLICT (block, kind, category_id, product_id) DO UPDATE SET
	    units = units + excluded.units,
	    revenue_minor = revenue_minor + excluded.revenue_minor;
END;
CREATE TRIGGER order_stats_sold_block_au AFTER UPDATE ON order_stats_sold
BEGIN
	UPDATE order_stats_sold_block SET units = units + new.units -
	    old.units, revenue_minor = revenue_minor + new.revenue_minor -
	    old.revenue_minor
	WHERE block = substr(new.day, 1, 8) || CASE WHEN substr(new.day, 9)
	    <= '08' THEN '01' WHEN substr(new.day, 9) <= '16' THEN '09' WHEN
	    substr(new.day, 9) <= '24' THEN '17' ELSE '25' END AND
	    kind = new.kind AND category_id = new.category_id AND
	    product_id = new.product_id;
END;

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

-- 022: refunds by staff from the admin order page (docs/admin.md
-- "Refunds", docs/payments.md).
--
-- order_refunds: one row per refund staff asked for, whatever the payment
-- method: kind full (all that was left) or lines (quantities of some
-- lines); method gateway (through the order's paid card or wallet
-- payment: provider, its refund id and answer) or manual (mobile money,
-- bank transfer, cash on delivery: staff pay the money back outside the
-- store and record it here).  status: done, pending (the gateway accepted
-- and finishes later), refused (the gateway said no: answer says why;
-- nothing else changed).  idem_key (UNIQUE) is the form's one-time key,
-- so a double submit records and refunds once.  reason: what staff typed.
CREATE TABLE order_refunds (
	id		INTEGER PRIMARY KEY,
	order_id	INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
	kind		TEXT NOT NULL CHECK (kind IN ('full', 'lines')),
	method		TEXT NOT NULL CHECK (method IN ('gateway', 'manual')),
	status		TEXT NOT NULL CHECK (status IN ('done', 'pending',
			    'refused')),
	amount_minor	INTEGER NOT NULL CHECK (amount_minor > 0),
	reason		TEXT NOT NULL DEFAULT '',
	user_id		INTEGER REFERENCES users(id) ON DELETE SET NULL,
	staff		TEXT NOT NULL,
	idem_key	TEXT NOT NULL UNIQUE,
	provider	TEXT NOT NULL DEFAULT '',
	provider_refund_id TEXT NOT NULL DEFAULT '',
	answer		TEXT NOT NULL DEFAULT '',
	created_at	INTEGER NOT NULL
);
CREATE INDEX order_refunds_order ON order_refunds(order_id, id);

-- The lines (and how many units of each) a refund paid back.
CREATE TABLE order_refund_lines (
	refund_id	INTEGER NOT NULL REFERENCES order_refunds(id) ON DELETE CASCADE,
	order_id	INTEGER NOT NULL,
	line		INTEGER NOT NULL,
	qty		INTEGER NOT NULL CHECK (qty > 0),
	amount_minor	INTEGER NOT NULL CHECK (amount_minor >= 0),
	PRIMARY KEY (refund_id, line)
) WITHOUT ROWID;
CREATE INDEX order_refund_lines_order ON order_refund_lines(order_id, line);
-- 020: customers in the back office (docs/admin.md "Customers").
--
-- customer_notes: private notes staff write on an account from
-- /admin/customer/<id> (never shown to the customer; each one is also an
-- audit row).  Removed with the account's personal data when it is
-- deleted (db_user_anonymise).
CREATE TABLE customer_notes (
	id		INTEGER PRIMARY KEY,
	user_id		INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	author_id	INTEGER REFERENCES users(id) ON DELETE SET NULL,
	author		TEXT NOT NULL,
	body		TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 2000),
	created_at	INTEGER NOT NULL
);
CREATE INDEX customer_notes_user ON customer_notes(user_id, id);
-- The contact messages written from an account's address (the customer
-- page lists them).
CREATE INDEX messages_email ON messages(lower(email), id);

-- 033: the order search of /admin/orders by words (docs/admin.md "Orders").
-- A substring scan of every order's e-mail, name and phone read the whole
-- table when nothing matched (1.4 s at 1M orders).  Words of the name, the
-- e-mail and the phone number (E.164 digits) are now in a full-text index
-- kept by triggers; detail=none keeps it small (rowids only, ~3% of the
-- database).  Payment references are looked up exactly.
CREATE VIRTUAL TABLE orders_find USING fts5(customer_name, email_norm, phone,
	content='orders', content_rowid='id',
	tokenize='unicode61 remove_diacritics 2', detail='none');
CREATE TRIGGER orders_find_ai AFTER INSERT ON orders BEGIN
	INSERT INTO orders_find(rowid, customer_name, email_norm, phone)
	VALUES (new.id, new.customer_name, new.email_norm, new.phone);
END;
CREATE TRIGGER orders_find_ad AFTER DELETE ON orders BEGIN
	INSERT INTO orders_find(orders_find, rowid, customer_name, email_norm,
	    phone) VALUES ('delete', old.id, old.customer_name, old.email_norm,
	    old.phone);
END;
CREATE TRIGGER orders_find_au AFTER UPDATE OF customer_name, email_norm, phone
ON orders BEGIN
	INSERT INTO orders_find(orders_find, rowid, customer_name, email_norm,
	    phone) VALUES ('delete', old.id, old.customer_name, old.email_norm,
	    old.phone);
	INSERT INTO orders_find(rowid, customer_name, email_norm, phone)
	VALUES (new.id, new.customer_name, new.email_norm, new.phone);
END;
-- A gateway's payment id or charge, as staff copy it from the provider.
CREATE INDEX payments_provider_id ON payments(provider_id);
CREATE INDEX payments_charge_ref ON payments(charge_ref) WHERE charge_ref <> '';

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
