/* bench_orders.c — the orders of `soukctl bench-data N --orders M`: M
 * generated orders over the last two years (730 days) on the products
 * just generated, with a realistic spread of statuses and payment
 * methods.  Each order is written and moved to its final status through
 * order_transition(), exactly as a real one; the dashboard's figures are
 * deferred (order_stats_defer) and recomputed once at the end, which
 * makes a million orders about three times faster to write.  Card and
 * wallet orders that were paid carry their gateway payment (payments
 * rows, test mode: bench/webhook.sh's events are about them).
 * `--subs S`: S paid orders of a plan, S subscriptions (bench_subs).
 * Deterministic for one seed. */
#include <stdio.h>
#include <string.h>

#include "bench_orders.h"
#include "ctl.h"
#include "db_products.h"
#include "db_order.h"
#include "db_payment.h"
#include "order_flow.h"
#include "order_stats.h"
#include "store_conf.h"

#define BATCH 5000	/* orders per transaction */

static unsigned long long state = 0x9E3779B97F4A7C15ULL;

/* A number in [0, n): xorshift64, repeatable. */
static unsigned
draw(unsigned n)
{
	state ^= state << 13;
	state ^= state >> 7;
	state ^= state << 17;
	return (unsigned)(state % n);
}

/* The status path of one order, from awaiting payment. */
static const enum order_status paths[][3] = {
	{ ORDER__MAX },						/* unpaid */
	{ ORDER_PROOF_RECEIVED, ORDER__MAX },
	{ ORDER_PAID, ORDER__MAX },
	{ ORDER_PAID, ORDER_COMPLETED, ORDER__MAX },
	{ ORDER_CANCELLED, ORDER__MAX },
	{ ORDER_PAID, ORDER_REFUNDED, ORDER__MAX },
};
/* Per 100 orders: unpaid, proof, paid, completed, cancelled, refunded. */
static const unsigned weights[] = { 6, 4, 15, 60, 12, 3 };

/* Which path: one draw against the weights. */
static size_t
pick_path(void)
{
	unsigned u = draw(100), acc = 0;

	for (size_t i = 0; i < sizeof(weights) / sizeof(weights[0]); i++)
		if (u < (acc += weights[i]))
			return i;
	return 0;
}

/* The gateway payment of generated order o (number k, by card or wallet)
 * that reached paid at `at`: a Stripe Checkout Session cs_bench_<k> with
 * payment intent pi_bench_<k>, or a Flouci payment fl_bench_<k>, in test
 * mode, paid (refunded when the order was).  0 or -1. */
static int
bench_payment(struct db *db, struct arena *a, const struct order *o,
    long long k, long long at, int refunded)
{
	int card = strcmp(o->method, "card") == 0;
	struct payment p = {
		.provider = card ? "stripe" : "flouci",
		.provider_id = arena_printf(a, "%s_bench_%lld", card ? "cs" : "fl",
		    k),
		.order_id = o->id, .amount_minor = o->total_minor,
		.currency = o->currency, .mode = "test", .url = "",
		.charge_ref = card ? arena_printf(a, "pi_bench_%lld", k) : "",
		.expires_at = at + 1800,
	};

	if (db_payment_add(db, &p, at) != 0 ||
	    db_payment_close(db, p.id, "paid", NULL, "", at + 60) != 1)
		return -1;
	return refunded ? db_payment_refunded(db, p.id, p.amount_minor,
	    "refunded", at + 7200) : 0;
}

/* The fields every generated order number k placed at `at` shares
 * (reference, customer, currency...); lines and totals are the caller's. */
static void
order_common(struct arena *a, struct order *o, long long k, long long at)
{
	o->token = arena_printf(a, "bench-%020lld", k);
	o->idem_key = o->token;
	o->reference = arena_printf(a, "BN-%09lld", k);
	o->status = "awaiting_payment";
	o->note = "placed";
	o->currency = conf_str(CONF_CURRENCY);
	o->coupon_code = "";
	o->name = arena_printf(a, "Bench Customer %u", draw(50000));
	o->email = arena_printf(a, "bench%u@example.com", draw(50000));
	o->email_norm = o->email;
	o->phone = "+21620000000";
	o->country = "TN";
	o->address = o->city = o->postal = "";
	o->lang = "en";
	o->created_at = o->updated_at = at;
}

/* Writes generated order number k (lines from p[0..np)) and moves it
 * along its path (with its gateway payment, for card and wallet orders
 * that were paid); 0 or -1. */
static int
one_order(struct db *db, struct arena *a, long long k,
    const struct bench_product *p, size_t np, long long now)
{
	static const char *const methods[] = { "mobile", "mobile", "bank",
	    "cod", "card", "wallet" };
	struct order_line *l;
	struct order o = { 0 };
	size_t nl = 1 + draw(3), path = pick_path();
	long long at = now - (long long)draw(730 * 86400);

	if ((l = arena_alloc(a, nl * sizeof(*l))) == NULL)
		return -1;
	for (size_t i = 0; i < nl; i++) {
		const struct bench_product *b = &p[draw((unsigned)np)];
		l[i] = (struct order_line){ .product_id = b->id, .name = b->name,
		    .kind = b->kind, .unit_minor = b->price_minor,
		    .qty = 1 + draw(3) / 2 };
		l[i].line_minor = l[i].unit_minor * l[i].qty;
		o.subtotal_minor += l[i].line_minor;
	}
	order_common(a, &o, k, at);
	o.method = methods[draw(sizeof(methods) / sizeof(methods[0]))];
	o.total_minor = o.subtotal_minor;
	o.lines = l;
	o.nlines = nl;
	if (db_order_insert(db, &o) < 0 ||
	    order_stats_placed(db, &o) < 0)
		return -1;
	for (size_t s = 0; paths[path][s] != ORDER__MAX; s++) {
		enum order_status to = paths[path][s];
		enum order_actor who = to == ORDER_PROOF_RECEIVED ?
		    ACTOR_SHOPPER : ACTOR_SYSTEM;
		if (order_transition(db, &o, to, who, "bench", at + 3600 *
		    (long long)(s + 1)) != TRANSITION_OK)
			return -1;
		if (to == ORDER_PAID && (strcmp(o.method, "card") == 0 ||
		    strcmp(o.method, "wallet") == 0) && bench_payment(db, a, &o,
		    k, at, paths[path][s + 1] == ORDER_REFUNDED) < 0)
			return -1;
	}
	return 0;
}

/* One generated order: number k; 0 or -1. */
typedef int (*gen_fn)(struct db *, struct arena *, long long k,
    const void *ctx);

/* Writes m orders numbered from `first` with gen, BATCH per
 * transaction, the dashboard's figures deferred and recomputed at the
 * end; 0 or -1 (the batch in progress rolled back). */
static int
batches(struct db *db, struct arena *a, long long m, long long first,
    gen_fn gen, const void *ctx)
{
	long long done = 0;

	/* Figures once at the end rather than three times an order. */
	order_stats_defer();
	for (long long k = 0; k < m; k += BATCH) {
		if (db_begin(db) < 0)
			break;
		for (long long j = k; j < m && j < k + BATCH; j++) {
			if (gen(db, a, first + j, ctx) < 0) {
				db_rollback(db);
				goto out;
			}
			if (j % 500 == 499)
				arena_reset(a);
		}
		if (db_commit(db) < 0)
			break;
		done = k + BATCH < m ? k + BATCH : m;
	}
out:
	/* The figures of the batches committed, right again either way. */
	if (order_stats_resume(db) < 0)
		return -1;
	return done == m ? 0 : -1;
}

struct orders_ctx {
	const struct bench_product *p;
	size_t np;
	long long now;
};

/* gen_fn of bench_orders(). */
static int
gen_order(struct db *db, struct arena *a, long long k, const void *ctx)
{
	const struct orders_ctx *c = ctx;

	return one_order(db, a, k, c->p, c->np, c->now);
}

int
bench_orders(struct db *db, struct arena *a, long long m,
    const struct bench_product *p, size_t np, long long first, long long now)
{
	struct orders_ctx c = { p, np, now };

	if (np == 0)
		return -1;
	return batches(db, a, m, first, gen_order, &c);
}

/* The plans subscription orders buy: 12 months (paid over the last
 * year) and 1 month (paid over the last 60 days, so some have ended). */
struct subs_ctx {
	long long product, plan[2], price[2], now;
	const char *name;
};

/* gen_fn of bench_subs(): order k, one plan line for its own customer,
 * paid through the lifecycle, which starts its subscription. */
static int
gen_sub(struct db *db, struct arena *a, long long k, const void *ctx)
{
	const struct subs_ctx *c = ctx;
	int y = draw(5) != 0;	/* 4 in 5: a year */
	long long at = c->now - (long long)draw(y ? 365 * 86400 : 60 * 86400);
	struct order_line l = { .product_id = c->product,
	    .plan_id = c->plan[y], .name = c->name, .kind = "subscription",
	    .months = y ? 12 : 1, .unit_minor = c->price[y], .qty = 1,
	    .line_minor = c->price[y] };
	struct order o = { 0 };

	order_common(a, &o, k, at);
	/* Each customer its own subscription (not a renewal of another's). */
	o.email = o.email_norm = arena_printf(a, "benchsub%lld@example.com", k);
	o.method = "bank";
	o.subtotal_minor = o.total_minor = l.line_minor;
	o.lines = &l;
	o.nlines = 1;
	if (db_order_insert(db, &o) < 0 ||
	    order_stats_placed(db, &o) < 0)
		return -1;
	return order_transition(db, &o, ORDER_PAID, ACTOR_SYSTEM, "bench",
	    at + 3600) == TRANSITION_OK ? 0 : -1;
}

int
bench_subs(struct db *db, struct arena *a, long long m, long long first,
    long long now)
{
	static const int months[2] = { 1, 12 };
	static const long long price[2] = { 30000, 270000 };
	struct product_in p = { .slug = "bench-iptv", .name = "Bench IPTV Plan",
	    .description = "Generated subscriptions for the benchmarks.",
	    .kind = "subscription", .compare_at_minor = -1, .stock = -1,
	    .active = 1, .price_minor = price[0] };
	struct subs_ctx c = { .now = now, .name = p.name,
	    .price = { price[0], price[1] } };

	if ((c.product = db_product_id(db, p.slug)) == 0)
		c.product = db_product_create(db, &p);
	if (c.product <= 0)
		return -1;
	for (int i = 0; i < 2; i++)
		if ((c.plan[i] = db_plan_put(db, c.product, months[i], 0,
		    price[i], i)) <= 0)
			return -1;
	return batches(db, a, m, first, gen_sub, &c);
}
