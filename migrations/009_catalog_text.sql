-- 009: catalog text per language (issue 13).  products, categories and
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
