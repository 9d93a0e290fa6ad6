-- 029: entitlements staff grant without an order ("assign content to a
-- client", docs/delivery.md "Granted by staff").  order_id and line
-- become nullable (NULL: granted by staff), granted_by names the staff
-- account (NULL for soukctl, or once that account is gone) and
-- grant_reason says why.  SQLite cannot drop a NOT NULL in place: the
-- table is rebuilt with its ids, and the downloads that refer to it are
-- kept aside meanwhile (foreign_keys is on, so dropping the old table
-- deletes them by cascade).
CREATE TEMP TABLE downloads_029 AS SELECT * FROM downloads;
CREATE TABLE entitlements_029 (
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
INSERT INTO entitlements_029(id, order_id, line, product_id, user_id,
	max_downloads, expires_at, revoked_at, revoke_reason, created_at)
	SELECT id, order_id, line, product_id, user_id, max_downloads,
	expires_at, revoked_at, revoke_reason, created_at FROM entitlements;
DROP TABLE entitlements;
ALTER TABLE entitlements_029 RENAME TO entitlements;
CREATE INDEX entitlements_user ON entitlements(user_id, product_id);
CREATE INDEX entitlements_product ON entitlements(product_id);
INSERT INTO downloads SELECT * FROM downloads_029;
DROP TABLE downloads_029;
