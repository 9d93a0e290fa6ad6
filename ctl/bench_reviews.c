/* bench_reviews.c — the reviews of `soukctl bench-data N --reviews R`: R
 * published reviews on one generated product, so `make bench` can show
 * what a popular product's page costs (bench/reviews.sh).  The rows are
 * the ones review_submit() writes (posts, product_ratings); the buyer
 * check and the rate limits are skipped, as bench_orders skips checkout:
 * the benchmark measures the page that reads them. */
#include <stdio.h>

#include "bench_reviews.h"
#include "db_review.h"
#include "db_user.h"

static const char *const sayings[] = {
	"Works as described, activation took ten minutes.",
	"Good picture quality on the living-room TV, a few drops at night.",
	"Fast answer from support when the portal URL changed.",
	"Cheaper than the competition and the channels are all there.",
	"The app setup was confusing at first, fine after the guide.",
	"Renewed twice already, never a problem.",
};

int
bench_reviews(struct db *db, struct arena *a, long long product_id,
    long long r, long long now)
{
	unsigned long long state = 0xA24BAED4963EE407ULL;

	if (db_begin(db) < 0)
		return -1;
	for (long long k = 1; k <= r; k++) {
		struct post p = { .kind = POST_REVIEW, .product_id = product_id,
		    .status = POST_PUBLISHED, .held = "", .verified = 1 };
		const char *email;
		long long uid;

		state ^= state << 13;
		state ^= state >> 7;
		state ^= state << 17;
		email = arena_printf(a, "bench-reviewer-%lld-%lld@example.invalid",
		    product_id, k);
		uid = db_user_add(db, email, email,
		    arena_printf(a, "Reviewer %lld", k), "", ROLE_CUSTOMER, "en",
		    now);
		if (uid <= 0)
			goto fail;
		p.user_id = uid;
		/* Mostly good ratings, as real shops see them. */
		p.rating = (int)(state % 10) < 6 ? 5 : (int)(state % 4) + 1;
		p.body = sayings[(state >> 8) % (sizeof(sayings) / sizeof(sayings[0]))];
		p.created_at = p.updated_at = now - (long long)((state >> 16) %
		    (365 * 86400));
		if (db_post_add(db, &p, "") <= 0)
			goto fail;
		if (k % 1000 == 0)
			arena_reset(a);
	}
	if (db_rating_recompute(db, product_id) < 0 || db_commit(db) < 0)
		goto fail;
	return 0;
fail:
	db_rollback(db);
	return -1;
}
