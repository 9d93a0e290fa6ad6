-- 012: online payments through hosted gateways (docs/payments.md).
--
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
