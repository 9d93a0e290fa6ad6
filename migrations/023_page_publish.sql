-- 023: content pages edited from the back office (docs/content.md,
-- docs/admin.md): each language version of a page is published or a
-- draft.  Only published rows are shown on the storefront and listed in
-- its footer; the pages that existed before stay published.
ALTER TABLE pages ADD COLUMN published INTEGER NOT NULL DEFAULT 1
	CHECK (published IN (0, 1));
