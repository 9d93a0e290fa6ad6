/* library_hdf.c — see library_hdf.h. */
#include <stdio.h>

#include "delivery.h"
#include "library_hdf.h"

void
library_put(HDF *h, struct arena *a, const char *prefix,
    const struct library_item *items, size_t n, long long now)
{
	char tok[DOWNLOAD_TOKEN_MAX];

	for (size_t i = 0; i < n; i++) {
		const struct library_item *it = &items[i];
		struct entitlement e = { .id = it->ent_id,
		    .order_id = it->order_id, .user_id = it->user_id };
		const char *p = arena_printf(a, "%s.%zu", prefix, i);

		download_token_make(tok, &e, it->file_id, now);
		hdf_putf(h, it->name, "%s.name", p);
		hdf_putf(h, it->slug, "%s.slug", p);
		hdf_putf(h, it->media_type, "%s.media_type", p);
		hdf_putf(h, it->series, "%s.series", p);
		hdf_putf(h, it->season, "%s.season", p);
		hdf_putf(h, it->file_name, "%s.file", p);
		hdf_putf(h, it->image, "%s.image", p);
		hdf_putf(h, arena_printf(a, "/download/%s", tok), "%s.url", p);
		hdf_putf(h, arena_printf(a, "%lld", it->used), "%s.used", p);
		hdf_putf(h, arena_printf(a, "%lld", it->max_downloads), "%s.max", p);
		hdf_putf(h, arena_printf(a, "%lld", it->max_downloads ?
		    it->max_downloads - it->used : -1), "%s.left", p);
	}
	hdf_put_int(h, arena_printf(a, "%s_count", prefix), (long long)n);
}
