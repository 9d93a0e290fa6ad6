-- 015: reviews, questions and their moderation (docs/reviews.md).
--
-- posts: what customers write on a product page.  kind 'review' (a
-- rating 1-5 and a text, only from a buyer, one per product and account:
-- the partial unique index) or 'question' (a text from any logged-in
-- customer).  status: pending (waiting for staff), published (everyone
-- sees it), hidden (staff took it down; its author still sees it).
-- held: why a post waits ('' none, 'moderation' the setting, 'words' the
-- word list, 'reports' customers reported it).  answer: the shop's reply,
-- shown marked as the shop's.  The text is stored as typed and always
-- rendered as escaped plain text.
CREATE TABLE posts (
	id		INTEGER PRIMARY KEY,
	kind		TEXT NOT NULL CHECK (kind IN ('review', 'question')),
	product_id	INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
	user_id		INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	rating		INTEGER CHECK ((kind = 'review' AND rating BETWEEN 1 AND 5)
			    OR (kind = 'question' AND rating IS NULL)),
	body		TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
	status		TEXT NOT NULL CHECK (status IN ('pending', 'published',
			    'hidden')),
	held		TEXT NOT NULL DEFAULT '' CHECK (held IN ('', 'moderation',
			    'words', 'reports')),
	verified	INTEGER NOT NULL DEFAULT 0 CHECK (verified IN (0, 1)),
	reports		INTEGER NOT NULL DEFAULT 0 CHECK (reports >= 0),
	answer		TEXT NOT NULL DEFAULT '' CHECK (length(answer) <= 4000),
	answered_by	INTEGER REFERENCES users(id) ON DELETE SET NULL,
	answered_at	INTEGER,
	client_addr	TEXT NOT NULL DEFAULT '',
	created_at	INTEGER NOT NULL,
	updated_at	INTEGER NOT NULL
);
CREATE UNIQUE INDEX posts_one_review ON posts(product_id, user_id)
	WHERE kind = 'review';
-- A product page: its published posts of one kind, newest first (keyset
-- on id), and the recomputation of its ratings.
CREATE INDEX posts_page ON posts(product_id, kind, status, id);
CREATE INDEX posts_queue ON posts(status, id);
CREATE INDEX posts_user ON posts(user_id);

-- "Report this review": one per post and account.
CREATE TABLE post_reports (
	post_id		INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
	user_id		INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	reason		TEXT NOT NULL DEFAULT '' CHECK (length(reason) <= 500),
	created_at	INTEGER NOT NULL,
	PRIMARY KEY (post_id, user_id)
) WITHOUT ROWID;

-- The published reviews of a product summed up: recomputed from posts in
-- the transaction that changes one of them (lib/store/review.c), so a
-- product page or card reads one row whatever the number of reviews.
CREATE TABLE product_ratings (
	product_id	INTEGER PRIMARY KEY REFERENCES products(id) ON DELETE CASCADE,
	n		INTEGER NOT NULL CHECK (n >= 0),
	total		INTEGER NOT NULL CHECK (total >= 0),	-- sum of ratings
	n1		INTEGER NOT NULL DEFAULT 0,
	n2		INTEGER NOT NULL DEFAULT 0,
	n3		INTEGER NOT NULL DEFAULT 0,
	n4		INTEGER NOT NULL DEFAULT 0,
	n5		INTEGER NOT NULL DEFAULT 0,
	CHECK (n = n1 + n2 + n3 + n4 + n5)
) WITHOUT ROWID;
