-- 010: the back office (docs/admin.md): the audit log of staff actions and
-- the notes staff write on orders.

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
