-- 008: the order lifecycle (lib/store/order_flow.h, docs/checkout.md
-- "Order lifecycle").  order_transitions lists every status change the
-- store makes (from_status '' is the placement of a new order); the
-- triggers refuse an INSERT or an UPDATE of orders.status that is not in
-- it, whatever program or hand runs it.
CREATE TABLE order_transitions (
	from_status	TEXT NOT NULL,
	to_status	TEXT NOT NULL,
	PRIMARY KEY (from_status, to_status)
) WITHOUT ROWID;
INSERT INTO order_transitions(from_status, to_status) VALUES
	('', 'awaiting_payment'),
	('awaiting_payment', 'proof_received'),
	('proof_received', 'awaiting_payment'),
	('awaiting_payment', 'paid'),
	('proof_received', 'paid'),
	('awaiting_payment', 'cancelled'),
	('proof_received', 'cancelled'),
	('paid', 'completed'),
	('paid', 'refunded'),
	('completed', 'refunded');
CREATE TRIGGER orders_status_ai BEFORE INSERT ON orders
WHEN NOT EXISTS (SELECT 1 FROM order_transitions
    WHERE from_status = '' AND to_status = new.status)
BEGIN
	SELECT RAISE(ABORT, 'order status: an order cannot start in this status');
END;
CREATE TRIGGER orders_status_bu BEFORE UPDATE OF status ON orders
WHEN old.status IS NOT new.status AND NOT EXISTS (SELECT 1 FROM
    order_transitions WHERE from_status = old.status AND
    to_status = new.status)
BEGIN
	SELECT RAISE(ABORT, 'order status: transition not allowed');
END;
