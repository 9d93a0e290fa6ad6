/* db_export.h — the rows the catalog export reads (catalog_export.h). */
#ifndef SOUK_DB_EXPORT_H
#define SOUK_DB_EXPORT_H
#include "db.h"

struct export_row {
	long long	 id, parent_id, position, price_minor;
	const char	*slug, *name, *kind, *media_type, *category;
};
struct export_plan {
	long long	 id, product_id, price_minor;
	int		 months, days;
};
/* Calls fn for every active product, parents before children (then by
 * position); 0, or -1 (also when fn returns -1). */
int	db_export_products(struct db *, int (*fn)(const struct export_row *,
	    void *), void *arg);
/* Calls fn for every active plan by product and position; 0 or -1. */
int	db_export_plans(struct db *, int (*fn)(const struct export_plan *,
	    void *), void *arg);

#endif
