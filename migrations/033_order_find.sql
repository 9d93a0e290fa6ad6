-- 033: the order search of /admin/orders by words (docs/admin.md "Orders").
-- A substring scan of every order's e-mail, name and phone read the whole
-- table when nothing matched (1.4 s at 1M orders).  Words of the name, the
-- e-mail and the phone number (E.164 digits) are now in a full-text index
-- kept by triggers; detail=none keeps it small (rowids only, ~3% of the
-- database).  Payment references are looked up exactly.
CREATE VIRTUAL TABLE orders_find USING fts5(customer_name, email_norm, phone,
	content='orders', content_rowid='id',
	tokenize='unicode61 remove_diacritics 2', detail='none');
INSERT INTO orders_find(orders_find) VALUES ('rebuild');
CREATE TRIGGER orders_find_ai AFTER INSERT ON orders BEGIN
	INSERT INTO orders_find(rowid, customer_name, email_norm, phone)
	VALUES (new.id, new.customer_name, new.email_norm, new.phone);
END;
CREATE TRIGGER orders_find_ad AFTER DELETE ON orders BEGIN
	INSERT INTO orders_find(orders_find, rowid, customer_name, email_norm,
	    phone) VALUES ('delete', old.id, old.customer_name, old.email_norm,
	    old.phone);
END;
CREATE TRIGGER orders_find_au AFTER UPDATE OF customer_name, email_norm, phone
ON orders BEGIN
	INSERT INTO orders_find(orders_find, rowid, customer_name, email_norm,
	    phone) VALUES ('delete', old.id, old.customer_name, old.email_norm,
	    old.phone);
	INSERT INTO orders_find(rowid, customer_name, email_norm, phone)
	VALUES (new.id, new.customer_name, new.email_norm, new.phone);
END;
-- A gateway's payment id or charge, as staff copy it from the provider.
CREATE INDEX payments_provider_id ON payments(provider_id);
CREATE INDEX payments_charge_ref ON payments(charge_ref) WHERE charge_ref <> '';
