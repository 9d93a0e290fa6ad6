/* pager.c — see pager.h. */
#include "nav.h"
#include "pager.h"

void
pager_put(struct ctx *c, long long page, long long pages, pager_href_fn href,
    const void *arg)
{
	HDF *pager, *items;
	int n = 0;

	if (pages <= 1)
		return;
	pager = hdf_node(c->hdf, "Page.pager");
	if (page > 1)
		hdf_put(pager, "prev", href(c, arg, page - 1));
	if (page < pages)
		hdf_put(pager, "next", href(c, arg, page + 1));
	items = hdf_node(pager, "items");
	for (long long p = 1; p <= pages; p++) {
		int near = p == 1 || p == pages || (p >= page - 2 && p <= page + 2);
		HDF *it;

		if (!near) {
			if (p == 2 || p == page + 3)
				hdf_put(hdf_item(items, n++), "gap", "1");
			continue;
		}
		it = hdf_item(items, n++);
		hdf_put_int(it, "n", p);
		hdf_put(it, "href", href(c, arg, p));
		if (p == page)
			hdf_put(it, "current", "1");
	}
}

void
crumbs_put(struct ctx *c, long long id)
{
	const struct nav *nav = nav_get(c->db, c->lang);
	const struct category *chain[16];
	HDF *crumbs;
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
	crumbs = n ? hdf_node(c->hdf, "Page.crumbs") : NULL;
	for (int i = 0; i < n; i++) {
		HDF *it = hdf_item(crumbs, i);

		hdf_put(it, "slug", chain[n - 1 - i]->slug);
		hdf_put(it, "name", chain[n - 1 - i]->name);
	}
}
