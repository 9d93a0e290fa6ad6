/* hdf_key.c — see hdf_key.h. */
#include <string.h>

#include "hdf_key.h"

void
hdf_key_str(struct buf *key, const char *s)
{
	if (s == NULL) {
		buf_putc(key, '-');
		return;
	}
	buf_put_int(key, (long long)strlen(s));
	buf_putc(key, ':');
	buf_puts(key, s);
}

void
hdf_key_tree(struct buf *key, HDF *node)
{
	hdf_key_str(key, hdf_obj_value(node));
	buf_putc(key, '(');
	for (HDF *k = hdf_obj_child(node); k != NULL; k = hdf_obj_next(k)) {
		hdf_key_str(key, hdf_obj_name(k));
		hdf_key_tree(key, k);
	}
	buf_putc(key, ')');
}

void
hdf_key_at(struct buf *key, HDF *hdf, const char *path)
{
	HDF *n = hdf_get_obj(hdf, path);

	hdf_key_str(key, path);
	if (n != NULL)
		hdf_key_tree(key, n);
	else
		buf_putc(key, '!');	/* absent */
}
