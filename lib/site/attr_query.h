/* attr_query.h — attribute values named in a query string or a form, as
 * the category filters (/c/<slug>?a.brand=acme) and the product form of
 * the back office send them: one field "a.<attribute slug>" per
 * attribute, its value an option's slug; an empty value chooses nothing. */
#ifndef SOUK_ATTR_QUERY_H
#define SOUK_ATTR_QUERY_H
#include "app.h"
#include "db_attr.h"

#define ATTR_QUERY_PREFIX "a."

/* The options chosen in list into picks[0..max) (each an attribute with
 * its option in opts[0], db_attr_option_find), in the order given.
 * Returns their number; -1 when a field names no attribute, an option it
 * does not have, the same attribute twice, or more than max (*bad the
 * field's name: a 400); -2 on a database error. */
int	attr_query_read(struct ctx *, const struct kvlist *list,
	    struct attr_def *picks, int max, const char **bad);

#endif
