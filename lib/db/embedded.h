/* embedded.h — files compiled into the library by tools/embed.sh:
 * schema.sql and migrations/NNN_name.sql, so soukctl needs no data files. */
#ifndef SOUK_EMBEDDED_H
#define SOUK_EMBEDDED_H

struct embedded_file {
	const char *name;	/* path relative to the repository */
	const char *text;	/* NUL-terminated contents */
};

/* Ends with { NULL, NULL }. */
extern const struct embedded_file embedded_files[];

/* The contents of `name`, or NULL. */
const char *embedded_get(const char *name);

#endif
