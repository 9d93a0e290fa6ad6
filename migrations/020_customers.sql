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
