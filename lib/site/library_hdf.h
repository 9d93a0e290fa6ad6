/* library_hdf.h — the downloads a visitor may take, as HDF: the
 * customer's library (/account/library) and a paid order's page share it. */
#ifndef SOUK_LIBRARY_HDF_H
#define SOUK_LIBRARY_HDF_H
#include <stddef.h>

#include "arena.h"
#include "db_delivery.h"
#include "tmpl.h"

/* <prefix>.N.{name, slug, media_type, series, season, file, image, url,
 * used, max, left} for items[0..n), each url a fresh download link
 * (delivery.h), and <prefix>_count.  Strings are copied by the HDF. */
void	library_put(HDF *, struct arena *, const char *prefix,
	    const struct library_item *items, size_t n, long long now);

#endif
