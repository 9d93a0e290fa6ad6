/* hdf_key.h — exact cache keys from strings and HDF subtrees.
 *
 * The caches of rendered HTML that compare what a rendering read byte
 * for byte (part_cache.h, body_cache.h) write it into a buffer with
 * these: every string as its length, ':' and its bytes, so no two
 * different inputs give the same key whatever bytes they hold. */
#ifndef SOUK_HDF_KEY_H
#define SOUK_HDF_KEY_H
#include <ClearSilver.h>

#include "buf.h"

/* Appends s to key as its length, ':' and its bytes; "-" for NULL. */
void	hdf_key_str(struct buf *key, const char *s);
/* Appends node's value and its subtree to key: each child's name and
 * subtree between '(' and ')'. */
void	hdf_key_tree(struct buf *key, HDF *node);
/* Appends path, then node path's subtree below hdf, or '!' when there is
 * none. */
void	hdf_key_at(struct buf *key, HDF *hdf, const char *path);

#endif
