/* multipart.h — multipart/form-data bodies (RFC 7578, RFC 2046 section 5.1).
 *
 * multipart_parse() splits a body held in memory into text fields, appended
 * to a struct kvlist with the same rules as urlencoded fields (valid UTF-8,
 * no NUL, at most max_field bytes), and files, which point into the body and
 * are never copied.  It is strict: a body that breaks the grammar anywhere
 * (no boundary, a part without Content-Disposition: form-data and a name,
 * folded or overlong headers, a missing close delimiter) is refused as a
 * whole, never half-read.  Limits, checked before any decoding work:
 *   parts                 at most max_fields (req_limits)
 *   one part's headers    at most MULTIPART_MAX_HEADER bytes
 *   files                 at most MULTIPART_MAX_FILES
 * The size of the whole body is the caller's limit (max_upload, 413).
 * A file input left empty (filename "" and no content) is not a file.
 * Everything the browser says about a file (name, type) is informational:
 * check contents yourself (proof.h). */
#ifndef SOUK_MULTIPART_H
#define SOUK_MULTIPART_H
#include "arena.h"
#include "http_types.h"

#define MULTIPART_MAX_HEADER	2048
#define MULTIPART_MAX_FILES	8
#define MULTIPART_MAX_BOUNDARY	70

/* Parses body[0..n) for the Content-Type header ct into form (text parts)
 * and files.  Strings live in the arena; file data stays in body.  Returns
 * REQ_OK, REQ_BAD_MULTIPART, REQ_TOO_MANY_FIELDS, REQ_FIELD_TOO_LONG or
 * REQ_BAD_ENCODING (*bad then names the field when known). */
enum req_error	multipart_parse(struct arena *, const char *ct, const char *body,
		    size_t n, const struct req_limits *, struct kvlist *form,
		    struct req_files *files, const char **bad);
/* The boundary parameter of a multipart Content-Type into out[71];
 * returns its length, or 0 when missing or invalid. */
size_t		multipart_boundary(const char *ct, char *out);

#endif
