-- 003: typo correction from a precomputed vocabulary (issue 16).
-- products_vocab (fts5vocab: every request read the whole vocabulary) gives
-- way to search_vocab and search_typo; the full-text triggers are
-- recreated with a step queueing text changes for them.  Every active
-- product is queued here; soukctl migrate folds the queue in afterwards.
DROP TABLE products_vocab;
DROP TRIGGER products_fts_ai;
DROP TRIGGER products_fts_ad;
DROP TRIGGER products_fts_au;

-- Typo correction (lib/search.c) without reading the vocabulary per
-- request.  search_vocab holds every term of the index (as FTS5 cuts it:
-- souk_terms, lib/db_text.c) with the number of active products having it;
-- search_typo holds each term's typo keys (the strings left after deleting
-- up to 2 of its first 7 characters: souk_typo_keys), so the terms close to
-- a misspelt word are found by looking up that word's keys.
--
-- The triggers that keep products_fts also queue each change of an active
-- product's text in search_vocab_queue (plain SQL, so any SQLite client
-- may edit products); souk folds the queue into search_vocab
-- (db_vocab_sync: soukctl after its catalog commands, the search page
-- before a typo lookup, a bounded batch at a time).  Only souk writes
-- search_vocab, so its own triggers may use souk's SQL functions.
CREATE TABLE search_vocab_queue (
	id	INTEGER PRIMARY KEY,
	sign	INTEGER NOT NULL CHECK (sign IN (-1, 1)),	-- text added / gone
	text	TEXT NOT NULL
);
CREATE TABLE search_vocab (
	term	TEXT PRIMARY KEY,
	docs	INTEGER NOT NULL		-- active products with the term
) WITHOUT ROWID;
CREATE TABLE search_typo (
	key	TEXT NOT NULL,
	dels	INTEGER NOT NULL,		-- characters deleted from term
	term	TEXT NOT NULL,
	PRIMARY KEY (key, dels, term)
) WITHOUT ROWID;
CREATE TRIGGER search_vocab_ai AFTER INSERT ON search_vocab BEGIN
	INSERT INTO search_typo(key, dels, term)
	    SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), new.term
	    FROM json_each(souk_typo_keys(new.term));
END;
CREATE TRIGGER search_vocab_au AFTER UPDATE OF docs ON search_vocab
WHEN new.docs <= 0 BEGIN
	DELETE FROM search_vocab WHERE term = new.term;
END;
CREATE TRIGGER search_vocab_ad AFTER DELETE ON search_vocab BEGIN
	DELETE FROM search_typo WHERE term = old.term AND key IN (
	    SELECT json_extract(value, '$[0]') FROM json_each(souk_typo_keys(old.term)));
END;

CREATE TRIGGER products_fts_ai AFTER INSERT ON products WHEN new.active = 1 BEGIN
	INSERT INTO products_fts(rowid, name, description)
	VALUES (new.id, new.name, new.description);
	INSERT INTO search_vocab_queue(sign, text)
	VALUES (1, new.name || ' ' || new.description);
END;
CREATE TRIGGER products_fts_ad AFTER DELETE ON products WHEN old.active = 1 BEGIN
	INSERT INTO products_fts(products_fts, rowid, name, description)
	VALUES ('delete', old.id, old.name, old.description);
	INSERT INTO search_vocab_queue(sign, text)
	VALUES (-1, old.name || ' ' || old.description);
END;
-- Only name, description and active changes touch the index: stock updates
-- at checkout stay cheap.  One trigger, so the old row leaves the index
-- before the new one enters.
CREATE TRIGGER products_fts_au AFTER UPDATE OF name, description, active
ON products BEGIN
	INSERT INTO products_fts(products_fts, rowid, name, description)
	    SELECT 'delete', old.id, old.name, old.description WHERE old.active = 1;
	INSERT INTO search_vocab_queue(sign, text)
	    SELECT -1, old.name || ' ' || old.description WHERE old.active = 1;
	INSERT INTO products_fts(rowid, name, description)
	    SELECT new.id, new.name, new.description WHERE new.active = 1;
	INSERT INTO search_vocab_queue(sign, text)
	    SELECT 1, new.name || ' ' || new.description WHERE new.active = 1;
END;

INSERT INTO search_vocab_queue(sign, text)
    SELECT 1, name || ' ' || description FROM products WHERE active = 1;
