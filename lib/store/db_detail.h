/* db_detail.h — the tables of checkout details (detail.h): product_fields
 * (what a product asks) and order_item_fields (what an order line keeps). */
#ifndef SOUK_DB_DETAIL_H
#define SOUK_DB_DETAIL_H
#include <stddef.h>

#include "arena.h"
#include "db.h"
#include "detail.h"

/* The fields of product `product`, by position, into *out (arena).
 * Returns the count (at most DETAIL_MAX_PER_PRODUCT) or -1. */
int	db_detail_fields(struct db *, struct arena *, long long product,
	    struct detail_field **out);
/* Adds (or replaces, by name) a field of product (detail_edit.h's
 * detail_field_save is the one to call).  0, DB_NONE (no such
 * product), -2 when the product has DETAIL_MAX_PER_PRODUCT other fields
 * already, -1. */
int	db_detail_field_set(struct db *, long long product,
	    const struct detail_field *f);
/* Removes product's field name: 0, DB_NONE when there is none, -1. */
int	db_detail_field_remove(struct db *, long long product, const char *name);
/* Inside the order's transaction: writes line `line`'s n values.  0/-1. */
int	db_detail_insert(struct db *, long long order, size_t line,
	    const struct order_detail *d, size_t n);
/* The values of order line `line` into *out (arena): count or -1. */
int	db_detail_of_line(struct db *, struct arena *, long long order,
	    size_t line, struct order_detail **out);

#endif
