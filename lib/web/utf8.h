/* utf8.h — UTF-8 checks used on every input that reaches the store. */
#ifndef SOUK_UTF8_H
#define SOUK_UTF8_H
#include <stddef.h>

/* Returns 1 when s[0..n) is well-formed UTF-8 (no overlongs, no surrogates,
 * nothing above U+10FFFF) and holds no NUL byte; 0 otherwise. */
int	utf8_valid(const char *s, size_t n);
/* Number of code points in a valid UTF-8 string. */
size_t	utf8_len(const char *s, size_t n);
/* Returns 1 when s holds a C0 control (other than TAB, and LF/CR when
 * allow_newlines) or DEL. */
int	utf8_has_controls(const char *s, size_t n, int allow_newlines);
/* Byte length of the longest prefix of s that has at most max code points. */
size_t	utf8_prefix(const char *s, size_t n, size_t max);
/* The ASCII blanks (space, TAB, CR, LF) around s[0..n) left out: the
 * offset of the first other byte into *start, and the length from there
 * without the trailing ones.  The one trimming of form values, settings
 * and setting lists. */
size_t	text_trim(const char *s, size_t n, size_t *start);

#endif
