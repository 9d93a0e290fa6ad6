-- 013: delivery costs and times (lib/store/ship.h, docs/shipping.md).
--
-- ship_zones: where the shop delivers.  ship_zone_areas: the countries of
-- a zone (ISO 3166 alpha-2), each whole (region '') or one region of it
-- (matched against the City the shopper types, case-insensitively); an
-- area belongs to one zone only, and a region's zone wins over its
-- country's.  ship_rates: the delivery methods of a zone, each priced by
-- one rule (amounts in minor units of the store currency):
--   flat      base_minor
--   quantity  base_minor for the first shipped unit, + step_minor for
--             each further one
--   weight    base_minor up to step_grams, + step_minor for each further
--             step_grams begun
-- free_from_minor (NULL: never): free when the goods total after the
-- discount reaches it.  min_days-max_days: the delivery estimate in
-- working days.
CREATE TABLE ship_zones (
	id		INTEGER PRIMARY KEY,
	name		TEXT NOT NULL UNIQUE COLLATE NOCASE
			    CHECK (length(name) BETWEEN 1 AND 60),
	position	INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE ship_zone_areas (
	country		TEXT NOT NULL CHECK (length(country) = 2),
	region		TEXT NOT NULL DEFAULT '' COLLATE NOCASE
			    CHECK (length(region) <= 60),
	zone_id		INTEGER NOT NULL REFERENCES ship_zones(id)
			    ON DELETE CASCADE,
	PRIMARY KEY (country, region)
) WITHOUT ROWID;
CREATE INDEX ship_zone_areas_zone ON ship_zone_areas(zone_id);
CREATE TABLE ship_rates (
	id		INTEGER PRIMARY KEY,
	zone_id		INTEGER NOT NULL REFERENCES ship_zones(id)
			    ON DELETE CASCADE,
	name		TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
	kind		TEXT NOT NULL CHECK (kind IN ('flat', 'quantity', 'weight')),
	base_minor	INTEGER NOT NULL CHECK (base_minor >= 0),
	step_minor	INTEGER NOT NULL DEFAULT 0 CHECK (step_minor >= 0),
	step_grams	INTEGER NOT NULL DEFAULT 1000 CHECK (step_grams > 0),
	free_from_minor	INTEGER CHECK (free_from_minor IS NULL OR
			    free_from_minor >= 0),
	min_days	INTEGER NOT NULL CHECK (min_days >= 0),
	max_days	INTEGER NOT NULL,
	active		INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
	position	INTEGER NOT NULL DEFAULT 0,
	UNIQUE (zone_id, name),
	CHECK (max_days >= min_days)
);

-- What one unit of a shipped product weighs (NULL: not given, counted 0).
ALTER TABLE products ADD COLUMN weight_grams INTEGER
	CHECK (weight_grams IS NULL OR weight_grams >= 0);

-- The delivery an order pays, as shown and re-checked at placement: the
-- method's name and estimate at that time (the rate may change or go).
ALTER TABLE orders ADD COLUMN delivery_minor INTEGER NOT NULL DEFAULT 0
	CHECK (delivery_minor >= 0);
ALTER TABLE orders ADD COLUMN delivery_rate_id INTEGER
	REFERENCES ship_rates(id) ON DELETE SET NULL;
ALTER TABLE orders ADD COLUMN delivery_name TEXT NOT NULL DEFAULT '';
ALTER TABLE orders ADD COLUMN delivery_min_days INTEGER NOT NULL DEFAULT 0;
ALTER TABLE orders ADD COLUMN delivery_max_days INTEGER NOT NULL DEFAULT 0;

-- The total now includes delivery.  SQLite cannot alter a CHECK, and
-- rebuilding orders would need foreign keys off (impossible inside the
-- migration's transaction) and would drop columns other migrations add;
-- so the constraint's text is edited in place, the procedure SQLite
-- documents for changes that leave the stored rows as they are
-- (https://sqlite.org/lang_altertable.html#otheralter): every existing
-- row has delivery_minor 0, so it satisfies the new constraint.  The
-- ALTERs above changed the schema cookie, so every connection re-reads it.
PRAGMA writable_schema = ON;
UPDATE sqlite_schema SET sql = replace(sql,
	'CHECK (total_minor = subtotal_minor - discount_minor)',
	'CHECK (total_minor = subtotal_minor - discount_minor + delivery_minor)')
	WHERE type = 'table' AND name = 'orders';
PRAGMA writable_schema = OFF;
-- Refuses the migration (all of it rolls back) if the text was not found.
CREATE TEMP TABLE m013_check (ok INTEGER NOT NULL CHECK (ok = 1));
INSERT INTO m013_check SELECT count(*) FROM sqlite_schema WHERE
	type = 'table' AND name = 'orders' AND
	instr(sql, '- discount_minor + delivery_minor)') > 0;
DROP TABLE m013_check;
