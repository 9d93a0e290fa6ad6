/* catalog_hdf.c — see catalog_hdf.h. */
#include <string.h>

#include "catalog_hdf.h"

/* "in", "low" (5 or fewer), "out", or "unlimited". */
static const char *
stock_state(long long stock)
{
	if (stock < 0)
		return "unlimited";
	if (stock == 0)
		return "out";
	return stock <= 5 ? "low" : "in";
}

/* Up to two initials for the generated product tile. */
static const char *
initials(struct arena *a, const char *name)
{
	char out[16];
	size_t o = 0;
	int at_word = 1;

	for (const char *p = name; *p && o < 8; p++) {
		unsigned char c = (unsigned char)*p;
		int alnum = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		    (c >= '0' && c <= '9');
		if (alnum && at_word) {
			out[o++] = (char)(c >= 'a' && c <= 'z' ? c - 32 : c);
			if (o == 2)
				break;
		}
		at_word = !alnum && c < 0x80;
	}
	out[o] = '\0';
	return arena_strdup(a, o ? out : "?");
}

void
put_marked(struct ctx *c, const char *prefix, const char *s)
{
	int n = 0, marked = 0;

	while (*s) {
		size_t len = strcspn(s, "\001\002");
		if (len > 0) {
			hdf_putf(c->hdf, arena_strndup(&c->arena, s, len),
			    "%s.%d.t", prefix, n);
			if (marked)
				hdf_putf(c->hdf, "1", "%s.%d.m", prefix, n);
			n++;
		}
		s += len;
		if (*s == '\001')
			marked = 1;
		else if (*s == '\002')
			marked = 0;
		if (*s)
			s++;
	}
}

void
put_paragraphs(struct ctx *c, const char *prefix, const char *s)
{
	int n = 0;

	while (*s) {
		const char *end = strstr(s, "\n\n");
		size_t len = end ? (size_t)(end - s) : strlen(s);
		const char *p = s;

		while (len > 0 && (*p == '\n' || *p == '\r' || *p == ' ')) {
			p++;
			len--;
		}
		if (len > 0)
			hdf_putf(c->hdf, arena_strndup(&c->arena, p, len), "%s.%d",
			    prefix, n++);
		s = end ? end + 2 : s + strlen(s);
	}
}

void
put_card(struct ctx *c, const char *pre, const struct product_card *p)
{
	HDF *h = c->hdf;

	hdf_putf(h, arena_printf(&c->arena, "%lld", p->id), "%s.id", pre);
	hdf_putf(h, p->slug, "%s.slug", pre);
	hdf_putf(h, p->name, "%s.name", pre);
	hdf_putf(h, p->kind, "%s.kind", pre);
	hdf_putf(h, p->media_type, "%s.media", pre);
	hdf_putf(h, app_money(c, p->price_minor), "%s.price", pre);
	if (p->compare_at_minor > p->price_minor)
		hdf_putf(h, app_money(c, p->compare_at_minor), "%s.compare_at", pre);
	hdf_putf(h, stock_state(p->stock), "%s.stock_state", pre);
	hdf_putf(h, arena_printf(&c->arena, "%lld", p->stock), "%s.stock", pre);
	if (strcmp(p->kind, "subscription") == 0)
		hdf_putf(h, "1", "%s.from", pre);
	hdf_putf(h, arena_printf(&c->arena, "%lld", p->id % 8), "%s.tile", pre);
	hdf_putf(h, initials(&c->arena, p->name), "%s.initials", pre);
	if (*p->image)
		hdf_putf(h, p->image, "%s.image", pre);
	if (p->name_hl != p->name)
		put_marked(c, arena_printf(&c->arena, "%s.hl", pre), p->name_hl);
	if (*p->snippet)
		put_marked(c, arena_printf(&c->arena, "%s.snippet", pre), p->snippet);
}

void
put_cards(struct ctx *c, const char *prefix, const struct listing *l)
{
	for (size_t i = 0; i < l->n; i++)
		put_card(c, arena_printf(&c->arena, "%s.%zu", prefix, i), &l->items[i]);
}
