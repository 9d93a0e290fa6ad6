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
