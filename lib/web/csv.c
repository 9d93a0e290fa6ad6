/* csv.c — see csv.h. */
#include <string.h>

#include "buf.h"
#include "csv.h"

void
csv_init(struct csv *c, const char *text, size_t len)
{
	c->p = text;
	c->end = text + len;
	c->line = 1;
	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0)
		c->p += 3;
}

/* 1 when the byte at c->p ends a line: LF, or a CR not followed by LF
 * (a CRLF is counted once, at its LF). */
static int
line_end(const struct csv *c)
{
	return *c->p == '\n' || (*c->p == '\r' &&
	    (c->p + 1 == c->end || c->p[1] != '\n'));
}

int
csv_next(struct csv *c, struct arena *a, struct csv_record *r,
    const char **err)
{
	struct buf field = { 0 };
	int rc = 1;

	r->n = 0;
	/* Skip blank lines between records. */
	while (c->p < c->end && (*c->p == '\n' || *c->p == '\r')) {
		c->line += line_end(c);
		c->p++;
	}
	if (c->p >= c->end)
		return 0;
	r->line = c->line;
	for (;;) {
		buf_reset(&field);
		if (c->p < c->end && *c->p == '"') {
			c->p++;
			for (;;) {
				if (c->p >= c->end) {
					*err = "a quoted field is not closed";
					rc = -1;
					goto out;
				}
				if (*c->p == '"') {
					if (c->p + 1 < c->end && c->p[1] == '"') {
						buf_putc(&field, '"');
						c->p += 2;
						continue;
					}
					c->p++;
					break;
				}
				if (*c->p == '\0')
					goto nul;
				c->line += line_end(c);
				buf_putc(&field, *c->p++);
			}
			if (c->p < c->end && *c->p != ',' && *c->p != '\n' &&
			    *c->p != '\r') {
				*err = "text after a closing quote";
				rc = -1;
				goto out;
			}
		} else {
			while (c->p < c->end && *c->p != ',' && *c->p != '\n' &&
			    *c->p != '\r') {
				if (*c->p == '"') {
					*err = "a quote inside an unquoted field";
					rc = -1;
					goto out;
				}
				if (*c->p == '\0')
					goto nul;
				buf_putc(&field, *c->p++);
			}
		}
		if (r->n == CSV_MAX_FIELDS) {
			*err = "too many fields";
			rc = -1;
			goto out;
		}
		r->f[r->n++] = arena_strndup(a, field.data ? field.data : "",
		    field.len);
		if (c->p < c->end && *c->p == ',') {
			c->p++;
			continue;
		}
		/* End of record: CRLF, LF or a lone CR. */
		if (c->p < c->end) {
			if (*c->p == '\r' && c->p + 1 < c->end && c->p[1] == '\n')
				c->p++;
			c->p++;
			c->line++;
		}
		break;
	}
	goto out;
nul:
	/* Fields are C strings: a NUL would silently cut one short. */
	*err = "a NUL byte";
	rc = -1;
out:
	if (rc < 0) {
		/* Resynchronise at the next line for error reporting (c->line
		 * has counted every newline consumed so far). */
		while (c->p < c->end && *c->p != '\n' && *c->p != '\r')
			c->p++;
	}
	buf_free(&field);
	return rc;
}

void
csv_put_field(struct buf *b, const char *s)
{
	int quote = strpbrk(s, ",\"\r\n") != NULL;

	if (quote)
		buf_putc(b, '"');
	if (strchr("=+-@\t\r", *s) != NULL && *s != '\0')
		buf_putc(b, '\'');
	for (; *s != '\0'; s++) {
		if (*s == '"')
			buf_putc(b, '"');
		buf_putc(b, *s);
	}
	if (quote)
		buf_putc(b, '"');
}
