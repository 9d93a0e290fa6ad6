-- 004: accounts, sessions, one-time tokens, login throttling, staff TOTP
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
