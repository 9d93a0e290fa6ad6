/* media.h — the files a digital product sells, under data_dir/downloads/
 * (never under htdocs/): added from a file on the server (`soukctl media
 * add`, a film of several gigabytes that never passes through a FastCGI
 * worker: hard-linked, or copied in the kernel) or from the bytes of a
 * small upload on the admin product page (at most media_upload_max), and
 * removed from that page.  One place for both: the stored name (random),
 * the Content-Type (from the file's name, never from what a browser
 * claims), the media_files row and its audit row (kind "product") in one
 * transaction, the stored file removed again when the row cannot be
 * written.  Who may: PERM_CATALOG (staff_perm.h). */
#ifndef SOUK_MEDIA_H
#define SOUK_MEDIA_H
#include <stddef.h>

#include "arena.h"
#include "customer.h"
#include "db.h"

/* Where a new file's bytes come from: path (a file on the server), else
 * data[0..len) (an upload); name is the file name buyers get. */
struct media_src {
	const char	*path;
	const void	*data;
	size_t		 len;
	const char	*name;
};

enum media_result {
	MEDIA_ERROR = -1,	/* disk or database (logged) */
	MEDIA_OK = 0,
	MEDIA_FORBIDDEN,	/* the actor's role may not */
	MEDIA_NAME,		/* name: 1..255 characters, no controls or / */
	MEDIA_SOURCE,		/* path is not a readable regular file */
	MEDIA_EMPTY,		/* an upload of no bytes */
	MEDIA_TOO_LARGE,	/* an upload over media_upload_max */
	MEDIA_NONE,		/* remove: no such file of that product */
};

/* The Content-Type buyers get for a file called name (its extension). */
const char	*media_content_type(const char *name);
/* Stores src as a new file of product_id at now, audited "media_add" by
 * a; its id and size into *id and *size. */
enum media_result media_add(struct db *, struct arena *,
	    const struct staff_actor *a, long long product_id,
	    const struct media_src *src, long long now, long long *id,
	    long long *size);
/* Removes file file_id of product_id (its row, its download records
 * and, once committed, the stored file), audited "media_remove". */
enum media_result media_remove(struct db *, struct arena *,
	    const struct staff_actor *a, long long product_id,
	    long long file_id, long long now);

#endif
