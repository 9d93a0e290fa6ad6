/* mail_format.h — an outbox row turned into the bytes of an RFC 5322
 * message, and the checks that keep headers whole.
 *
 * Pure functions (no I/O, no database, no clock), so the unit tests pin
 * them byte for byte:
 *   - every value that reaches a header is checked again here, whatever
 *     the caller stored: mail_header_safe() for names and subjects,
 *     mail_addr_safe() for addresses.  libesmtp copies header lines as
 *     they are, CR/LF included, so this is the wall against injection;
 *   - non-ASCII subjects and display names become RFC 2047 encoded-words
 *     (UTF-8, base64) folded so a header line stays within 78 characters;
 *   - bodies are UTF-8 in quoted-printable (RFC 2045: lines of at most 76
 *     characters, 7-bit clean); a text + HTML mail is multipart/alternative;
 *   - every line ends in CRLF, as libesmtp sends it. */
#ifndef SOUK_MAIL_FORMAT_H
#define SOUK_MAIL_FORMAT_H
#include <stddef.h>

#include "buf.h"

/* A display name: what a form's name field (V_LINE, at most
 * MAIL_NAME_CHARS code points) may hold fits, so a valid name is never
 * refused by mail_enqueue(). */
#define MAIL_NAME_CHARS 100
#define MAIL_NAME_MAX (4 * MAIL_NAME_CHARS)	/* bytes */
#define MAIL_SUBJECT_MAX 998	/* bytes in a subject */

/* What a message is built from; strings are borrowed. */
struct mail_msg {
	const char	*from;		/* one address (mail_from) */
	const char	*from_name;	/* display name or "" */
	const char	*to;
	const char	*to_name;	/* "" for none */
	const char	*reply_to;	/* "" for none */
	const char	*reply_to_name;
	const char	*subject;	/* UTF-8, one line */
	const char	*text;		/* UTF-8 body */
	const char	*html;		/* NULL or "" for a text-only mail */
	const char	*message_id;	/* "<left@right>" */
	const char	*in_reply_to;	/* "" or one "<id@domain>" */
	const char	*references;	/* "" or ids separated by one space */
	long long	 date;		/* unix seconds, shown in local time */
};

/* 1 when s may stand in a header: valid UTF-8 of at most max bytes, with
 * no control (utf8_control_len: C0 with TAB, CR, LF, DEL, C1, U+2028,
 * U+2029) — exactly what the V_LINE form validator accepts. */
int	mail_header_safe(const char *s, size_t max);
/* 1 when s is exactly one plain ASCII address local@domain: at most 254
 * bytes, a dot-atom local part of at most 64, domain labels of letters,
 * digits and '-'.  No names, comments, spaces, brackets or commas. */
int	mail_addr_safe(const char *s);
/* 1 when s looks like "<id@domain>" in printable ASCII. */
int	mail_msgid_safe(const char *s);
/* 1 when s is "" or Message-IDs (mail_msgid_safe) separated by single
 * spaces, at most MAIL_REFS_MAX bytes in all. */
int	mail_refs_safe(const char *s);
#define MAIL_REFS_MAX 900

/* Appends standard base64 (with padding, no line breaks). */
void	mail_b64(struct buf *out, const void *in, size_t n);
/* Appends s as quoted-printable text: line breaks (LF, CR or CRLF) become
 * CRLF, lines are soft-broken at 76 characters, a line-initial '.' or
 * "From " is encoded.  The result ends in CRLF. */
void	mail_qp(struct buf *out, const char *s);
/* Appends s (UTF-8) as RFC 2047 encoded-words starting at column col,
 * folding between words; returns the column after the last one. */
size_t	mail_words(struct buf *out, const char *s, size_t col);
/* Appends the header line "Name: value\r\n" for unstructured text (the
 * subject): plain ASCII folded at spaces when it can be, else
 * encoded-words. */
void	mail_header_text(struct buf *out, const char *name, const char *value);
/* Appends "Name: display <addr>\r\n" (or "Name: addr\r\n" for an empty
 * display name), quoting or encoding the display name as needed. */
void	mail_header_addr(struct buf *out, const char *name,
	    const char *display, const char *addr);
/* Writes the RFC 5322 date for t in the local time zone into out. */
void	mail_date(char *out, size_t n, long long t);
/* Appends the whole message (headers, blank line, body).  Returns 0, or
 * -1 with *why naming the field that is unsafe (nothing usable appended). */
int	mail_format(struct buf *out, const struct mail_msg *, const char **why);

#endif
