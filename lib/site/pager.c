/* pager.c — see pager.h. */
#include "nav.h"
#include "pager.h"

void
pager_put(struct ctx *c, long long page, long long pages, pager_href_fn href,
    const void *arg)
{
	int n = 0;

	if (pages <= 1)
		return;
	if (page > 1)
		hdf_put(c->hdf, "Page.pager.prev", href(c, arg, page - 1));
	if (page < pages)
		hdf_put(c->hdf, "Page.pager.next", href(c, arg, page + 1));
	for (long long p = 1; p <= pages; p++) {
		int near = p == 1 || p == pages || (p >= page - 2 && p <= page + 2);
		if (!near) {
			if (p == 2 || p == page + 3)
				hdf_putf(c->hdf, "1", "Page.pager.items.%d.gap", n++);
			continue;
		}
		hdf_putf(c->hdf, arena_printf(&c->arena, "%lld", p),
		    "Page.pager.items.%d.n", n);
		hdf_putf(c->hdf, href(c, arg, p), "Page.pager.items.%d.href", n);
		if (p == page)
			hdf_putf(c->hdf, "1", "Page.pager.items.%d.current", n);
		n++;
	}
}

void
crumbs_put(struct ctx *c, long long id)
{
	const struct nav *nav = nav_get(c->db, c->lang);
	const struct category *chain[16];
	int n = 0;

	while (id != 0 && n < 16) {
		const struct category *found = NULL;
		for (size_t i = 0; i < nav->n && found == NULL; i++)
			if (nav->cats[i].id == id)
				found = &nav->cats[i];
		if (found == NULL)
			break;
		chain[n++] = found;
		id = found->parent_id;
	}
	for (int i = 0; i < n; i++) {
		hdf_putf(c->hdf, chain[n - 1 - i]->slug, "Page.crumbs.%d.slug", i);
		hdf_putf(c->hdf, chain[n - 1 - i]->name, "Page.crumbs.%d.name", i);
	}
}
