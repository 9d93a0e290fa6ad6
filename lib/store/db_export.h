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
/* One product as the CSV export writes it (catalog_import.h). */
struct export_full {
	long long	 id, position, price_minor;
	long long	 stock, compare_at_minor;	/* -1: none */
	int		 featured, active;
	const char	*slug, *name, *kind, *media_type, *category, *parent;
	const char	*description, *sku;
	const char	*name_t, *description_t;	/* in the other language */
};
/* Calls fn for every product, archived ones too, parents before children
 * (then by position, id), with its text in language other ("" when none);
 * 0, or -1 (also when fn returns -1). */
int	db_export_full(struct db *, const char *other,
	    int (*fn)(const struct export_full *, void *), void *arg);
/* Calls fn(months, days, price_minor) for each active plan of product
 * (by position); 0 or -1. */
int	db_export_plans_of(struct db *, long long product,
	    int (*fn)(int, int, long long, void *), void *arg);
/* Calls fn for every active product, parents before children (then by
 * position); 0, or -1 (also when fn returns -1). */
int	db_export_products(struct db *, int (*fn)(const struct export_row *,
	    void *), void *arg);
/* Calls fn for every active plan by product and position; 0 or -1. */
int	db_export_plans(struct db *, int (*fn)(const struct export_plan *,
	    void *), void *arg);

#endif
