/* multipart.c — see multipart.h.
 *
 * The body is
 *	--B CRLF headers CRLF CRLF content CRLF --B CRLF headers ... CRLF --B--
 * where B is the boundary.  Content ends at the first CRLF--B, which the
 * sender guarantees does not occur inside it; everything after the close
 * delimiter (the epilogue) is ignored.  Browsers send no preamble, so the
 * body must start with the first delimiter. */
#include <string.h>
#include <strings.h>

#include "multipart.h"
#include "utf8.h"

size_t
multipart_boundary(const char *ct, char *out)
{
	const char *p = ct;
	size_t n = 0;

	/* Find the parameter "boundary=" after a ';' (any case). */
	while ((p = strchr(p, ';')) != NULL) {
		p++;
		while (*p == ' ' || *p == '\t')
			p++;
		if (strncasecmp(p, "boundary=", 9) == 0)
			break;
	}
	if (p == NULL)
		return 0;
	p += 9;
	if (*p == '"') {
		for (p++; *p && *p != '"' && n <= MULTIPART_MAX_BOUNDARY; p++)
			out[n++] = *p;
		if (*p != '"')
			return 0;
	} else
		for (; *p && *p != ';' && *p != ' ' && *p != '\t' &&
		    n <= MULTIPART_MAX_BOUNDARY; p++)
			out[n++] = *p;
	if (n == 0 || n > MULTIPART_MAX_BOUNDARY)
		return 0;
	out[n] = '\0';
	/* RFC 2046 bchars: no controls, and not ending in a space. */
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)out[i] < 0x20 || (unsigned char)out[i] >= 0x7f)
			return 0;
	return out[n - 1] == ' ' ? 0 : n;
}

/* One part's headers, as far as form-data needs them. */
struct part_head {
	const char	*name;		/* NULL until seen */
	const char	*filename;	/* NULL: a text field */
	const char	*type;
};

/* Reads a parameter value at *pp (quoted-string with \-escapes, or a
 * token) into the arena; advances *pp.  NULL when malformed. */
static const char *
param_value(struct arena *a, const char **pp, const char *end)
{
	const char *p = *pp;
	char *out = arena_alloc(a, (size_t)(end - p) + 1);
	size_t o = 0;

	if (p < end && *p == '"') {
		for (p++; p < end && *p != '"'; p++) {
			if (*p == '\\' && p + 1 < end)
				p++;
			out[o++] = *p;
		}
		if (p == end)
			return NULL;
		p++;
	} else
		for (; p < end && *p != ';' && *p != ' ' && *p != '\t'; p++)
			out[o++] = *p;
	out[o] = '\0';
	if (!utf8_valid(out, o))
		return NULL;
	*pp = p;
	return out;
}

/* "form-data; name="x"; filename="y"" into h.  Returns 0 or -1. */
static int
disposition(struct arena *a, const char *p, const char *end,
    struct part_head *h)
{
	if ((size_t)(end - p) < 9 || strncasecmp(p, "form-data", 9) != 0)
		return -1;
	p += 9;
	for (;;) {
		const char *key, *val;
		size_t klen;

		while (p < end && (*p == ' ' || *p == '\t'))
			p++;
		if (p == end)
			return 0;
		if (*p++ != ';')
			return -1;
		while (p < end && (*p == ' ' || *p == '\t'))
			p++;
		key = p;
		while (p < end && *p != '=' && *p != ';')
			p++;
		if (p == end || *p != '=')
			return -1;
		klen = (size_t)(p - key);
		p++;
		if ((val = param_value(a, &p, end)) == NULL)
			return -1;
		if (klen == 4 && strncasecmp(key, "name", 4) == 0)
			h->name = val;
		else if (klen == 8 && strncasecmp(key, "filename", 8) == 0)
			h->filename = val;
		else if (klen == 9 && strncasecmp(key, "filename*", 9) == 0 &&
		    h->filename == NULL)
			h->filename = "";	/* RFC 5987 form: a file all the same */
	}
}

/* Parses the header block p[0..n) (CRLF-separated lines, no final empty
 * line).  Returns 0 or -1. */
static int
part_headers(struct arena *a, const char *p, size_t n, struct part_head *h)
{
	const char *end = p + n;

	memset(h, 0, sizeof(*h));
	while (p < end) {
		const char *eol = memmem(p, (size_t)(end - p), "\r\n", 2);
		const char *le = eol ? eol : end, *colon, *v;

		if (*p == ' ' || *p == '\t')
			return -1;	/* obsolete line folding */
		if ((colon = memchr(p, ':', (size_t)(le - p))) == NULL)
			return -1;
		for (const char *q = p; q < le; q++)
			if (*q == '\0' || *q == '\r' || *q == '\n')
				return -1;
		v = colon + 1;
		while (v < le && (*v == ' ' || *v == '\t'))
			v++;
		if (colon - p == 19 &&
		    strncasecmp(p, "Content-Disposition", 19) == 0) {
			if (h->name != NULL || disposition(a, v, le, h) < 0)
				return -1;
		} else if (colon - p == 12 &&
		    strncasecmp(p, "Content-Type", 12) == 0) {
			h->type = arena_strndup(a, v, (size_t)(le - v));
			if (!utf8_valid(h->type, strlen(h->type)))
				return -1;
		}
		p = eol ? eol + 2 : end;
	}
	return h->name != NULL && *h->name != '\0' ? 0 : -1;
}

/* Counts delimiters "CRLF--B" in body: an upper bound of the parts. */
static size_t
count_delims(const char *body, size_t n, const char *delim, size_t dlen)
{
	size_t count = 0;
	const char *p = body, *end = body + n, *hit;

	while ((hit = memmem(p, (size_t)(end - p), delim, dlen)) != NULL) {
		count++;
		p = hit + dlen;
	}
	return count;
}

enum req_error
multipart_parse(struct arena *a, const char *ct, const char *body, size_t n,
    const struct req_limits *lim, struct kvlist *form, struct req_files *files,
    const char **bad)
{
	char boundary[MULTIPART_MAX_BOUNDARY + 1], delim[MULTIPART_MAX_BOUNDARY + 5];
	const char *p, *end = body + n;
	size_t blen, dlen, max, nparts = 0;

	form->v = NULL;
	form->n = 0;
	files->v = NULL;
	files->n = 0;
	if ((blen = multipart_boundary(ct, boundary)) == 0)
		return REQ_BAD_MULTIPART;
	/* delim is CRLF "--" boundary; the first one has no CRLF. */
	memcpy(delim, "\r\n--", 4);
	memcpy(delim + 4, boundary, blen);
	dlen = blen + 4;
	if (n < dlen - 2 || memcmp(body, delim + 2, dlen - 2) != 0)
		return REQ_BAD_MULTIPART;
	max = count_delims(body, n, delim, dlen) + 1;
	if (max > lim->max_fields + 1)
		return REQ_TOO_MANY_FIELDS;
	form->v = arena_alloc(a, max * sizeof(struct kv));
	files->v = arena_alloc(a, MULTIPART_MAX_FILES * sizeof(struct req_file));
	p = body + dlen - 2;
	for (;;) {
		const char *hend, *next;
		struct part_head h;
		size_t clen;

		/* After a delimiter: "--" closes, else optional blanks, CRLF. */
		if (end - p >= 2 && p[0] == '-' && p[1] == '-')
			return REQ_OK;
		while (p < end && (*p == ' ' || *p == '\t'))
			p++;
		if (end - p < 2 || p[0] != '\r' || p[1] != '\n')
			return REQ_BAD_MULTIPART;
		p += 2;
		if (++nparts > lim->max_fields)
			return REQ_TOO_MANY_FIELDS;
		hend = memmem(p, (size_t)(end - p) < MULTIPART_MAX_HEADER + 4 ?
		    (size_t)(end - p) : MULTIPART_MAX_HEADER + 4, "\r\n\r\n", 4);
		if (hend == NULL)
			return REQ_BAD_MULTIPART;
		if (part_headers(a, p, (size_t)(hend - p), &h) < 0)
			return REQ_BAD_MULTIPART;
		p = hend + 4;
		if ((next = memmem(p, (size_t)(end - p), delim, dlen)) == NULL)
			return REQ_BAD_MULTIPART;	/* truncated */
		clen = (size_t)(next - p);
		if (h.filename != NULL) {
			if (*h.filename != '\0' || clen > 0) {
				struct req_file *f;
				if (files->n == MULTIPART_MAX_FILES)
					return REQ_TOO_MANY_FIELDS;
				f = &files->v[files->n++];
				f->field = h.name;
				f->filename = h.filename;
				f->type = h.type ? h.type : "";
				f->data = p;
				f->len = clen;
			}
		} else {
			struct kv *kv = &form->v[form->n];
			if (clen > lim->max_field) {
				*bad = h.name;
				return REQ_FIELD_TOO_LONG;
			}
			if (!utf8_valid(p, clen)) {
				*bad = h.name;
				return REQ_BAD_ENCODING;
			}
			kv->key = h.name;
			kv->val = arena_strndup(a, p, clen);
			kv->len = clen;
			form->n++;
		}
		p = next + dlen;
	}
}
