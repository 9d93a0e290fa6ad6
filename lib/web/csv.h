/* csv.h — RFC 4180 CSV records: comma-separated, fields optionally in double
 * quotes with "" for a quote, CRLF, LF or (old Mac) CR line ends, newlines
 * allowed inside quotes, a UTF-8 byte-order mark skipped.  Used by soukctl
 * import-products. */
#ifndef SOUK_CSV_H
#define SOUK_CSV_H
#include <stddef.h>

#include "arena.h"
#include "buf.h"

#define CSV_MAX_FIELDS 64

struct csv {
	const char	*p, *end;	/* the rest of the input */
	size_t		 line;		/* line number where the record began */
};

struct csv_record {
	const char	*f[CSV_MAX_FIELDS];	/* arena strings */
	size_t		 n;
	size_t		 line;			/* where the record began */
};

void	csv_init(struct csv *, const char *text, size_t len);
/* Reads the next record: 1 read, 0 at end, -1 malformed (unterminated
 * quote, stray quote, too many fields, a NUL byte); *err names the
 * problem and the next call resumes at the following line. */
int	csv_next(struct csv *, struct arena *, struct csv_record *,
	    const char **err);

/* Appends one field for a spreadsheet: a leading ' when it starts with
 * = + - @ TAB or CR (so no spreadsheet runs it as a formula), in double
 * quotes (inner quotes doubled) when it holds a comma, quote, CR or LF.
 * Separators and line ends are the caller's (',' and "\r\n"). */
void	csv_put_field(struct buf *, const char *s);
#endif
