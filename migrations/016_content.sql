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
