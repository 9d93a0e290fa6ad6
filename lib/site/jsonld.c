/* jsonld.c — see jsonld.h. */
#include <string.h>

#include "conf.h"
#include "json.h"
#include "jsonld.h"
#include "l10n.h"
#include "money.h"
#include "site.h"
#include "store_conf.h"

/* ,"key": with the comma unless first. */
static void
key(struct buf *b, const char *k, int first)
{
	if (!first)
		buf_putc(b, ',');
	buf_putc(b, '"');
	buf_puts(b, k);		/* literal names: nothing to escape */
	buf_puts(b, "\":");
}

static void
kv_str(struct buf *b, const char *k, const char *v)
{
	key(b, k, 0);
	json_str(b, v);
}

static void
kv_int(struct buf *b, const char *k, long long v)
{
	key(b, k, 0);
	buf_printf(b, "%lld", v);
}

/* The shop's URL for path (base_url without its trailing slash), as a
 * JSON string. */
static void
kv_url(struct ctx *c, struct buf *b, const char *k, const char *path)
{
	const char *base = conf_str(CONF_BASE_URL);
	size_t n = strlen(base);

	while (n > 0 && base[n - 1] == '/')
		n--;
	kv_str(b, k, arena_printf(&c->arena, "%.*s%s", (int)n, base, path));
}

/* A schema.org Review of one published review. */
static void
review(struct ctx *c, struct buf *b, const struct post *q)
{
	char day[32];

	l10n_time(day, sizeof(day), q->created_at, c->lang, L10N_STAMP);
	day[10] = '\0';			/* "2026-12-01" */
	buf_puts(b, "{\"@type\":\"Review\",\"author\":{\"@type\":\"Person\"");
	kv_str(b, "name", *q->author ? q->author : "Customer");
	buf_puts(b, "},\"reviewRating\":{\"@type\":\"Rating\"");
	kv_int(b, "ratingValue", q->rating);
	buf_puts(b, ",\"bestRating\":5,\"worstRating\":1}");
	kv_str(b, "reviewBody", q->body);
	kv_str(b, "datePublished", day);
	buf_putc(b, '}');
}

void
product_jsonld(struct ctx *c, const struct product *p, const struct rating *r,
    const struct post *reviews, size_t n)
{
	char price[MONEY_BUF];
	struct buf b = { 0 };
	int dec = conf_currency_decimals(conf_str(CONF_CURRENCY));

	buf_puts(&b, "{\"@context\":\"https://schema.org\",\"@type\":\"Product\"");
	kv_str(&b, "name", p->card.name);
	if (*p->sku)
		kv_str(&b, "sku", p->sku);
	if (*p->card.image)
		kv_url(c, &b, "image", p->card.image);
	kv_url(c, &b, "url", arena_printf(&c->arena, "/p/%s", p->card.slug));
	key(&b, "offers", 0);
	buf_puts(&b, "{\"@type\":\"Offer\"");
	kv_str(&b, "price", money_plain(price, sizeof(price),
	    p->card.price_minor, dec < 0 ? 2 : dec));
	kv_str(&b, "priceCurrency", conf_str(CONF_CURRENCY));
	kv_str(&b, "availability", p->card.stock == 0 ?
	    "https://schema.org/OutOfStock" : "https://schema.org/InStock");
	buf_putc(&b, '}');
	if (r->n > 0) {
		/* Two decimals, rounded half up: 13 / 3 is 4.33. */
		long long h = (r->total * 200 / r->n + 1) / 2;

		key(&b, "aggregateRating", 0);
		buf_printf(&b, "{\"@type\":\"AggregateRating\","
		    "\"ratingValue\":%lld.%02lld", h / 100, h % 100);
		kv_int(&b, "reviewCount", r->n);
		buf_puts(&b, ",\"bestRating\":5,\"worstRating\":1}");
		key(&b, "review", 0);
		buf_putc(&b, '[');
		for (size_t i = 0; i < n; i++) {
			if (i > 0)
				buf_putc(&b, ',');
			review(c, &b, &reviews[i]);
		}
		buf_putc(&b, ']');
	}
	buf_putc(&b, '}');
	hdf_put(c->hdf, "Page.jsonld", b.data);
	buf_free(&b);
}
