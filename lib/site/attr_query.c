/* attr_query.c — see attr_query.h. */
#include <string.h>

#include "attr_query.h"
#include "valid.h"

int
attr_query_read(struct ctx *c, const struct kvlist *list,
    struct attr_def *picks, int max, const char **bad)
{
	const size_t plen = strlen(ATTR_QUERY_PREFIX);
	int n = 0;

	*bad = NULL;
	for (size_t i = 0; i < list->n; i++) {
		const char *k = list->v[i].key, *v = list->v[i].val, *err;
		int rc;

		if (strncmp(k, ATTR_QUERY_PREFIX, plen) != 0)
			continue;
		*bad = k;
		if (v == NULL || *v == '\0')
			continue;
		if (valid_slug(k + plen, 60, &err) < 0 ||
		    valid_slug(v, 60, &err) < 0 || n == max)
			return -1;
		if ((rc = db_attr_option_find(c->db, &c->arena, k + plen, v,
		    &picks[n])) != 0)
			return rc < 0 ? -2 : -1;
		for (int j = 0; j < n; j++)
			if (picks[j].id == picks[n].id)
				return -1;
		n++;
	}
	*bad = NULL;
	return n;
}
