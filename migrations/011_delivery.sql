-- Digital delivery and subscriptions (docs/delivery.md): files to
-- download, who may download them, the downloads made, subscriptions with
-- their credentials and the reminders sent.

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
-- product.  It covers the product's files and those of every product
-- under it (a series: its seasons and their episodes, added later too).
-- max_downloads counts per file (NULL: unlimited); expires_at NULL: for
-- ever; revoked_at set by a refund or cancellation of the order.
CREATE TABLE entitlements (
	id		INTEGER PRIMARY KEY,
	order_id	INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
	line		INTEGER NOT NULL,
	product_id	INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
	user_id		INTEGER REFERENCES users(id) ON DELETE SET NULL,
	max_downloads	INTEGER CHECK (max_downloads IS NULL OR max_downloads > 0),
	expires_at	INTEGER,
	revoked_at	INTEGER,
	revoke_reason	TEXT,
	created_at	INTEGER NOT NULL,
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
