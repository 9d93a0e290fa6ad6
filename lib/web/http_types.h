/* http_types.h — the values a request parser produces: name/value lists,
 * uploaded files, the limits parsing obeys and why it refused a request.
 * Apart from http_req.h so the body parsers (multipart.c) and the request
 * parser (http_req.c) share them without including each other. */
#ifndef SOUK_HTTP_TYPES_H
#define SOUK_HTTP_TYPES_H
#include <stddef.h>

struct kv {
	const char	*key;
	const char	*val;	/* NUL-terminated; len excludes the NUL */
	size_t		 len;
};

struct kvlist {
	struct kv	*v;
	size_t		 n;
};

/* An uploaded file (multipart.h): only data/len are facts. */
struct req_file {
	const char	*field;		/* form field name */
	const char	*filename;	/* as the browser sent it, may be "" */
	const char	*type;		/* declared Content-Type, "" when none */
	const char	*data;		/* inside req->body */
	size_t		 len;
};

struct req_files {
	struct req_file	*v;
	size_t		 n;
};

struct req_limits {
	size_t	max_body;	/* urlencoded / other bodies (413 above) */
	size_t	max_upload;	/* multipart/form-data bodies (413 above) */
	size_t	max_fields;	/* names in the query or the form */
	size_t	max_field;	/* bytes in one decoded value */
	size_t	max_cookies;
};

enum req_error {
	REQ_OK = 0,
	REQ_BAD_ENCODING,	/* bad %xx, bad UTF-8, NUL */
	REQ_TOO_MANY_FIELDS,
	REQ_FIELD_TOO_LONG,
	REQ_BODY_TOO_LARGE,	/* 413 */
	REQ_BAD_LENGTH,		/* Content-Length missing or not a number */
	REQ_BAD_PATH,
	REQ_READ_FAILED,	/* the client went away */
	REQ_BAD_MULTIPART,	/* multipart/form-data that breaks the grammar */
};

#endif
