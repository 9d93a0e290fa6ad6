-- 027: two counters that replace work done on every request or order
-- (docs/performance.md "Rate limits and settings").
--
-- Rate limits in O(1) per hit.
-- A limit check summed every hit of its client in the window, and the
-- prune of old hits walked every hit of the bucket: an address placing
-- many orders an hour paid for all of them on each one.  rate_sums keeps
-- the running total of each (bucket, client), maintained by triggers on
-- rate_hits (also for rows a test or an operator deletes by hand), and the
-- prune seeks on (bucket, at).  rate_hits_at was used by no statement.
CREATE TABLE rate_sums (
	bucket		TEXT NOT NULL,
	client		TEXT NOT NULL,
	used		INTEGER NOT NULL,
	PRIMARY KEY (bucket, client)
) WITHOUT ROWID;
INSERT INTO rate_sums(bucket, client, used)
	SELECT bucket, client, sum(weight) FROM rate_hits
	GROUP BY bucket, client;
CREATE TRIGGER rate_hits_sum_ai AFTER INSERT ON rate_hits BEGIN
	INSERT INTO rate_sums(bucket, client, used)
	VALUES (new.bucket, new.client, new.weight)
	ON CONFLICT (bucket, client) DO UPDATE SET used = used + excluded.used;
END;
CREATE TRIGGER rate_hits_sum_ad AFTER DELETE ON rate_hits BEGIN
	UPDATE rate_sums SET used = used - old.weight
	WHERE bucket = old.bucket AND client = old.client;
	DELETE FROM rate_sums
	WHERE bucket = old.bucket AND client = old.client AND used <= 0;
END;
CREATE TRIGGER rate_hits_sum_au AFTER UPDATE OF bucket, client, weight
ON rate_hits BEGIN
	UPDATE rate_sums SET used = used - old.weight
	WHERE bucket = old.bucket AND client = old.client;
	DELETE FROM rate_sums
	WHERE bucket = old.bucket AND client = old.client AND used <= 0;
	INSERT INTO rate_sums(bucket, client, used)
	VALUES (new.bucket, new.client, new.weight)
	ON CONFLICT (bucket, client) DO UPDATE SET used = used + excluded.used;
END;
DROP INDEX rate_hits_at;
CREATE INDEX rate_hits_bucket_at ON rate_hits(bucket, at);

-- A version of the settings table alone: settings_refresh() read every
-- setting again whenever PRAGMA data_version moved, i.e. after any write
-- by another connection (every order, cart, session).  It now reads this
-- one row and reloads only when it moved.  No row: version 0.
CREATE TABLE settings_version (
	id		INTEGER PRIMARY KEY CHECK (id = 1),
	n		INTEGER NOT NULL
);
CREATE TRIGGER settings_version_ai AFTER INSERT ON settings BEGIN
	INSERT INTO settings_version(id, n) VALUES (1, 1)
	ON CONFLICT (id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER settings_version_au AFTER UPDATE ON settings BEGIN
	INSERT INTO settings_version(id, n) VALUES (1, 1)
	ON CONFLICT (id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER settings_version_ad AFTER DELETE ON settings BEGIN
	INSERT INTO settings_version(id, n) VALUES (1, 1)
	ON CONFLICT (id) DO UPDATE SET n = n + 1;
END;
