/* cred_import.c — see cred_import.h. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "cred_import.h"
#include "csv.h"
#include "db_subs.h"

int
cred_import_csv(struct db *db, struct arena *a, const char *text, size_t len,
    long long product_id, long long now, size_t *line, const char **why)
{
	struct csv_record head, r;
	struct csv csv;
	int n = 0, rc;

	*line = 1;
	csv_init(&csv, text, len);
	if (csv_next(&csv, a, &head, why) != 1 || head.n == 0) {
		*why = "no header line";
		return -1;
	}
	while ((rc = csv_next(&csv, a, &r, why)) != 0) {
		struct cred_field f[CSV_MAX_FIELDS];
		char *json;
		long long id;
		*line = r.line;
		if (rc < 0)
			return -1;
		if (r.n == 1 && *r.f[0] == '\0')
			continue;
		if (r.n != head.n) {
			*why = "not as many fields as the header";
			return -1;
		}
		for (size_t i = 0; i < r.n; i++) {
			f[i].name = head.f[i];
			f[i].value = r.f[i];
		}
		if ((json = cred_json(f, r.n)) == NULL) {
			*why = "every field is empty";
			return -1;
		}
		id = cred_add(db, product_id, json, now);
		free(json);
		if (id < 0) {
			*why = "cannot store it (key file?)";
			return -1;
		}
		n++;
	}
	if (db_delivery_set_pool(db, product_id) < 0) {
		*why = "cannot update the product";
		return -1;
	}
	return n;
}

char *
cred_json(const struct cred_field *f, size_t n)
{
	json_t *o = json_object();
	char *s = NULL;

	if (o == NULL)
		return NULL;
	for (size_t i = 0; i < n; i++)
		if (f[i].value != NULL && *f[i].value != '\0')
			json_object_set_new(o, f[i].name, json_string(f[i].value));
	if (json_object_size(o) > 0)
		s = json_dumps(o, JSON_COMPACT);
	json_decref(o);
	return s;
}
