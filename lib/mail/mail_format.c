/* mail_format.c — see mail_format.h. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "mail_format.h"
#include "valid.h"
#include "utf8.h"

#define LINE_SOFT 78		/* RFC 5322 2.1.1: header lines SHOULD fit */
#define QP_LINE 76		/* RFC 2045 6.7: encoded lines MUST fit */
#define WORD_MAX 75		/* RFC 2047 2: an encoded-word MUST fit */
#define WORD_OVERHEAD 12	/* "=?UTF-8?B?" "?=" */
#define BOUNDARY "=_souk_alternative"	/* "=_" never occurs in QP text */

int
mail_header_safe(const char *s, size_t max)
{
	size_t n = strlen(s);

	/* The same rule as the form validators (utf8_control_len). */
	return n <= max && utf8_valid(s, n) && !utf8_has_controls(s, n, 0);
}

int
mail_addr_safe(const char *s)
{
	return valid_email_syntax(s, 0);
}

int
mail_msgid_safe(const char *s)
{
	size_t n = strlen(s);

	if (n < 5 || n > 250 || s[0] != '<' || s[n - 1] != '>' ||
	    strchr(s, '@') == NULL)
		return 0;
	for (size_t i = 1; i + 1 < n; i++)
		if (s[i] <= ' ' || s[i] > '~' || s[i] == '<' || s[i] == '>')
			return 0;
	return 1;
}

int
mail_refs_safe(const char *s)
{
	char id[256];
	size_t n;

	if (strlen(s) > MAIL_REFS_MAX)
		return 0;
	while (*s != '\0') {
		n = strcspn(s, " ");
		if (n == 0 || n >= sizeof(id))
			return 0;
		memcpy(id, s, n);
		id[n] = '\0';
		if (!mail_msgid_safe(id))
			return 0;
		s += n;
		if (*s == ' ' && *++s == '\0')
			return 0;	/* a trailing space */
	}
	return 1;
}

void
mail_b64(struct buf *out, const void *in, size_t n)
{
	static const char tab[] =
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	const unsigned char *p = in;
	char q[4];

	for (size_t i = 0; i < n; i += 3) {
		unsigned v = (unsigned)p[i] << 16;
		if (i + 1 < n)
			v |= (unsigned)p[i + 1] << 8;
		if (i + 2 < n)
			v |= p[i + 2];
		q[0] = tab[v >> 18 & 63];
		q[1] = tab[v >> 12 & 63];
		q[2] = i + 1 < n ? tab[v >> 6 & 63] : '=';
		q[3] = i + 2 < n ? tab[v & 63] : '=';
		buf_put(out, q, 4);
	}
}

/* The QP form of the byte at p on a line where col characters are already
 * written: into enc, returning its length (1 or 3). */
static size_t
qp_char(const unsigned char *p, size_t col, char enc[4])
{
	int eol = p[1] == '\0' || p[1] == '\r' || p[1] == '\n';
	int c = *p;
	int plain = (c >= 33 && c <= 126 && c != '=') ||
	    ((c == ' ' || c == '\t') && !eol);

	/* A line-initial '.' (SMTP's end of data) or "From " (mbox) can be
	 * mangled by relays: encode it. */
	if (col == 0 && (c == '.' ||
	    (c == 'F' && strncmp((const char *)p, "From ", 5) == 0)))
		plain = 0;
	if (plain) {
		enc[0] = (char)c;
		enc[1] = '\0';
		return 1;
	}
	snprintf(enc, 4, "=%02X", (unsigned)c);
	return 3;
}

void
mail_qp(struct buf *out, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t col = 0, n;
	char enc[4];

	for (; *p; p++) {
		int eol;

		if (*p == '\r' || *p == '\n') {
			if (p[0] == '\r' && p[1] == '\n')
				p++;
			buf_puts(out, "\r\n");
			col = 0;
			continue;
		}
		eol = p[1] == '\0' || p[1] == '\r' || p[1] == '\n';
		n = qp_char(p, col, enc);
		/* The last piece of a line may reach 76; others leave room
		 * for the '=' of a soft break. */
		if (col + n > (eol ? QP_LINE : QP_LINE - 1)) {
			buf_puts(out, "=\r\n");
			col = 0;
			n = qp_char(p, col, enc);
		}
		buf_put(out, enc, n);
		col += n;
	}
	if (col > 0 || out->len < 2 || out->data[out->len - 1] != '\n')
		buf_puts(out, "\r\n");
}

size_t
mail_words(struct buf *out, const char *s, size_t col)
{
	size_t n = strlen(s), i = 0;

	while (i < n) {
		size_t room, max, j;

		room = LINE_SOFT > col + WORD_OVERHEAD ?
		    LINE_SOFT - col - WORD_OVERHEAD : 0;
		if (room > WORD_MAX - WORD_OVERHEAD)
			room = WORD_MAX - WORD_OVERHEAD;
		max = room / 4 * 3;	/* bytes whose base64 fits */
		if (max < 4) {
			/* Not even one character fits here: fold first. */
			buf_puts(out, "\r\n ");
			col = 1;
			continue;
		}
		j = i + max < n ? i + max : n;
		while (j < n && j > i && ((unsigned char)s[j] & 0xc0) == 0x80)
			j--;	/* never split a UTF-8 sequence */
		if (j == i)	/* not UTF-8 after all: split anyway */
			j = i + max < n ? i + max : n;
		buf_puts(out, "=?UTF-8?B?");
		mail_b64(out, s + i, j - i);
		buf_puts(out, "?=");
		col += WORD_OVERHEAD + (j - i + 2) / 3 * 4;
		i = j;
		if (i < n) {
			buf_puts(out, "\r\n ");
			col = 1;
		}
	}
	return col;
}

/* 1 when s is printable ASCII that reads the same unencoded: no "=?"
 * (which a reader would try to decode) and no run longer than fits on a
 * folded line. */
static int
plain_ascii(const char *s, size_t longest_run)
{
	size_t run = 0;

	if (strstr(s, "=?") != NULL)
		return 0;
	for (; *s; s++) {
		if (*s < ' ' || *s > '~')
			return 0;
		run = *s == ' ' ? 0 : run + 1;
		if (run > longest_run)
			return 0;
	}
	return 1;
}

void
mail_header_text(struct buf *out, const char *name, const char *value)
{
	size_t start = strlen(name) + 2, col = start;
	const char *p = value;

	buf_printf(out, "%s: ", name);
	if (start >= LINE_SOFT || !plain_ascii(value, LINE_SOFT - start - 1)) {
		mail_words(out, value, col);
		buf_puts(out, "\r\n");
		return;
	}
	/* Fold before a space when the next word would pass 78; the space
	 * starts the continuation line, so unfolding gives the text back. */
	while (*p) {
		const char *q = p;
		size_t n;

		if (*q == ' ')
			q++;
		while (*q && *q != ' ')
			q++;
		n = (size_t)(q - p);
		if (col + n > LINE_SOFT && col > start && *p == ' ' && n > 1) {
			buf_puts(out, "\r\n");
			col = 0;
		}
		buf_put(out, p, n);
		col += n;
		p = q;
	}
	buf_puts(out, "\r\n");
}

/* Appends a display name as an RFC 5322 phrase. */
static void
put_phrase(struct buf *out, const char *s, size_t col)
{
	int atoms = 1;

	for (const char *p = s; *p; p++) {
		if ((unsigned char)*p >= 0x80) {
			mail_words(out, s, col);
			return;
		}
		if (!valid_atext((unsigned char)*p) && *p != ' ')
			atoms = 0;
	}
	if (atoms && *s != ' ' && s[strlen(s) - 1] != ' ') {
		buf_puts(out, s);
		return;
	}
	buf_putc(out, '"');
	for (const char *p = s; *p; p++) {
		if (*p == '"' || *p == '\\')
			buf_putc(out, '\\');
		buf_putc(out, *p);
	}
	buf_putc(out, '"');
}

void
mail_header_addr(struct buf *out, const char *name, const char *display,
    const char *addr)
{
	buf_printf(out, "%s: ", name);
	if (display != NULL && *display != '\0') {
		put_phrase(out, display, strlen(name) + 2);
		buf_printf(out, " <%s>\r\n", addr);
	} else
		buf_printf(out, "%s\r\n", addr);
}

void
mail_date(char *out, size_t n, long long t)
{
	static const char days[7][4] = {
		"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat",
	};
	static const char months[12][4] = {
		"Jan", "Feb", "Mar", "Apr", "May", "Jun",
		"Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
	};
	time_t tt = (time_t)t;
	struct tm tm;
	long off;
	char sign = '+';

	localtime_r(&tt, &tm);
	off = tm.tm_gmtoff / 60;
	if (off < 0) {
		sign = '-';
		off = -off;
	}
	snprintf(out, n, "%s, %02d %s %04d %02d:%02d:%02d %c%02ld%02ld",
	    days[tm.tm_wday], tm.tm_mday, months[tm.tm_mon], tm.tm_year + 1900,
	    tm.tm_hour, tm.tm_min, tm.tm_sec, sign, off / 60, off % 60);
}

/* The MIME headers and QP body of one text part. */
static void
put_part(struct buf *out, const char *type, const char *body)
{
	buf_printf(out, "Content-Type: %s; charset=UTF-8\r\n"
	    "Content-Transfer-Encoding: quoted-printable\r\n\r\n", type);
	mail_qp(out, body);
}

/* Names the first unsafe field of m, or NULL. */
static const char *
unsafe_field(const struct mail_msg *m)
{
	if (m->from == NULL || !mail_addr_safe(m->from))
		return "from address";
	if (m->from_name == NULL || !mail_header_safe(m->from_name, MAIL_NAME_MAX))
		return "from name";
	if (m->to == NULL || !mail_addr_safe(m->to))
		return "to address";
	if (m->to_name == NULL || !mail_header_safe(m->to_name, MAIL_NAME_MAX))
		return "to name";
	if (m->reply_to == NULL || (*m->reply_to && !mail_addr_safe(m->reply_to)))
		return "reply-to address";
	if (m->reply_to_name == NULL ||
	    !mail_header_safe(m->reply_to_name, MAIL_NAME_MAX))
		return "reply-to name";
	if (m->subject == NULL || !mail_header_safe(m->subject, MAIL_SUBJECT_MAX))
		return "subject";
	if (m->message_id == NULL || !mail_msgid_safe(m->message_id))
		return "message-id";
	if (m->in_reply_to != NULL && *m->in_reply_to &&
	    !mail_msgid_safe(m->in_reply_to))
		return "in-reply-to";
	if (m->references != NULL && !mail_refs_safe(m->references))
		return "references";
	if (m->text == NULL || !utf8_valid(m->text, strlen(m->text)))
		return "text body";
	if (m->html != NULL && !utf8_valid(m->html, strlen(m->html)))
		return "html body";
	return NULL;
}

int
mail_format(struct buf *out, const struct mail_msg *m, const char **why)
{
	char date[64];

	if ((*why = unsafe_field(m)) != NULL)
		return -1;
	mail_date(date, sizeof(date), m->date);
	buf_printf(out, "Date: %s\r\n", date);
	mail_header_addr(out, "From", m->from_name, m->from);
	mail_header_addr(out, "To", m->to_name, m->to);
	if (*m->reply_to)
		mail_header_addr(out, "Reply-To", m->reply_to_name, m->reply_to);
	mail_header_text(out, "Subject", m->subject);
	buf_printf(out, "Message-ID: %s\r\n", m->message_id);
	if (m->in_reply_to != NULL && *m->in_reply_to)
		buf_printf(out, "In-Reply-To: %s\r\n", m->in_reply_to);
	if (m->references != NULL && *m->references) {
		/* One id per line (folded), so no line passes 78 columns. */
		buf_puts(out, "References:");
		for (const char *p = m->references; *p; ) {
			size_t n = strcspn(p, " ");
			buf_printf(out, "%s%.*s", p == m->references ? " " :
			    "\r\n ", (int)n, p);
			p += n + (p[n] == ' ');
		}
		buf_puts(out, "\r\n");
	}
	/* RFC 3834: no vacation auto-reply loops with the store. */
	buf_puts(out, "Auto-Submitted: auto-generated\r\nMIME-Version: 1.0\r\n");
	if (m->html == NULL || *m->html == '\0') {
		put_part(out, "text/plain", m->text);
		return 0;
	}
	buf_puts(out, "Content-Type: multipart/alternative; boundary=\""
	    BOUNDARY "\"\r\n\r\n--" BOUNDARY "\r\n");
	put_part(out, "text/plain", m->text);
	buf_puts(out, "--" BOUNDARY "\r\n");
	put_part(out, "text/html", m->html);
	buf_puts(out, "--" BOUNDARY "--\r\n");
	return 0;
}
