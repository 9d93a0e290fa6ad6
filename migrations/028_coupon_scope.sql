-- 028: coupons limited to products or categories, and per-customer limits
-- counted by account as well as by e-mail (docs/admin.md "Coupons").
--
-- coupon_scope: the products and categories a coupon is for (none: the
-- whole cart).  A category covers its subcategories, a product its
-- seasons and episodes; the discount is computed on the lines in scope.
CREATE TABLE coupon_scope (
	id		INTEGER PRIMARY KEY,
	coupon_id	INTEGER NOT NULL REFERENCES coupons(id) ON DELETE CASCADE,
	product_id	INTEGER REFERENCES products(id) ON DELETE CASCADE,
	category_id	INTEGER REFERENCES categories(id) ON DELETE CASCADE,
	CHECK ((product_id IS NULL) <> (category_id IS NULL))
);
CREATE UNIQUE INDEX coupon_scope_one ON coupon_scope(coupon_id,
	coalesce(product_id, 0), coalesce(category_id, 0));
-- The account that redeemed (NULL: a guest): max_uses_per_email counts
-- the uses of the account or of the e-mail address.
ALTER TABLE coupon_redemptions ADD COLUMN user_id INTEGER
	REFERENCES users(id) ON DELETE SET NULL;
CREATE INDEX coupon_redemptions_user ON coupon_redemptions(coupon_id, user_id)
	WHERE user_id IS NOT NULL;
