/* utf8.h — UTF-8 checks used on every input that reaches the store. */
#ifndef SOUK_UTF8_H
#define SOUK_UTF8_H
#include <stddef.h>

/* Returns 1 when s[0..n) is well-formed UTF-8 (no overlongs, no surrogates,
 * nothing above U+10FFFF) and holds no NUL byte; 0 otherwise. */
int	utf8_valid(const char *s, size_t n);
/* Number of code points in a valid UTF-8 string. */
size_t	utf8_len(const char *s, size_t n);
/* The one definition of a control character, used by the form validators
 * (valid.h V_LINE, V_TEXT), the mail header rules (mail_header_safe) and
 * every soukctl output (ctl_safe): returns the byte length of the control
 * code point that starts s[0..n) — a C0 control (TAB, LF and CR included),
 * DEL, a C1 control (U+0080-U+009F, U+0085 NEL and U+009B CSI among them)
 * or U+2028/U+2029 (line and paragraph separators) — or 0 when s starts
 * with anything else (or n is 0).  s should be valid UTF-8. */
size_t	utf8_control_len(const char *s, size_t n);
/* Returns 1 when s holds a control (utf8_control_len).  allow_newlines
 * (multi-line text) lets TAB, LF, CR, U+2028 and U+2029 through. */
int	utf8_has_controls(const char *s, size_t n, int allow_newlines);
/* Makes buf[0..n) safe to print on a terminal or in a log, in place:
 * every control (utf8_control_len) and every byte that is not part of
 * well-formed UTF-8 becomes '?'.  keep_lf: LF stays and CR LF becomes LF
 * (multi-line output); otherwise LF is replaced too.  Returns the new
 * length (never more than n).  The one filter behind every soukctl output
 * (ctl_write) and every log line (log.c). */
size_t	utf8_scrub(char *buf, size_t n, int keep_lf);
/* Byte length of the longest prefix of s that has at most max code points. */
size_t	utf8_prefix(const char *s, size_t n, size_t max);
/* The ASCII blanks (space, TAB, CR, LF) around s[0..n) left out: the
 * offset of the first other byte into *start, and the length from there
 * without the trailing ones.  The one trimming of form values, settings
 * and setting lists. */
size_t	text_trim(const char *s, size_t n, size_t *start);

#endif
