/* catalog_hdf.c — see catalog_hdf.h. */
#include <stdio.h>
#include <string.h>

#include "catalog_hdf.h"
#include "site.h"

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

/* Sets name = value under node (relative: no walk from the root). */
static void
set(HDF *node, const char *name, const char *value)
{
	neo_check(hdf_set_value(node, name, value), name);
}

static void
set_int(HDF *node, const char *name, long long v)
{
	char num[24];

	snprintf(num, sizeof(num), "%lld", v);
	set(node, name, num);
}

void
put_card(struct ctx *c, const char *pre, const struct product_card *p)
{
	HDF *n;

	if (neo_check(hdf_get_node(c->hdf, pre, &n), pre) < 0)
		return;
	set_int(n, "id", p->id);
	set(n, "slug", p->slug);
	set(n, "name", p->name);
	set(n, "kind", p->kind);
	set(n, "media", p->media_type);
	set(n, "price", site_money(c, p->price_minor));
	if (p->compare_at_minor > p->price_minor)
		set(n, "compare_at", site_money(c, p->compare_at_minor));
	set(n, "stock_state", stock_state(p->stock));
	set_int(n, "stock", p->stock);
	if (strcmp(p->kind, "subscription") == 0)
		set(n, "from", "1");
	set_int(n, "tile", p->id % 8);
	set(n, "initials", initials(&c->arena, p->name));
	if (*p->image)
		set(n, "image", p->image);
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
