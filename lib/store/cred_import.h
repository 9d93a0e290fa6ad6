/* cred_import.h — credentials as staff give them: a CSV for a product's
 * pool (soukctl credentials import, the admin's credentials page) or the
 * fields typed when confirming an order (the admin's order page).  Each
 * credential is a JSON object of its named fields, sealed by cred.h. */
#ifndef SOUK_CRED_IMPORT_H
#define SOUK_CRED_IMPORT_H
#include <stddef.h>

#include "arena.h"
#include "cred.h"
#include "db.h"

/* Inside the caller's transaction: seals every data row of the CSV in
 * text[0..len) (its first line names the fields: username, password,
 * portal, m3u, code, ...) into product_id's pool and makes the product
 * deliver from it.  The count; or -1 with *line and *why (a static
 * English text) saying what was wrong — the caller rolls back. */
int	cred_import_csv(struct db *, struct arena *, const char *text,
	    size_t len, long long product_id, long long now, size_t *line,
	    const char **why);

/* The JSON of fields f[0..n) whose value is not empty (malloc'd, the
 * caller frees), or NULL when every value is empty or on error. */
char	*cred_json(const struct cred_field *f, size_t n);

#endif
