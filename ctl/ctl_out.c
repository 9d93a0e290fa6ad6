/* ctl_out.c — everything soukctl prints goes through ctl_write(); see
 * ctl.h. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ctl.h"
#include "l10n.h"
#include "lang.h"
#include "utf8.h"

void
ctl_write(FILE *f, const char *s, size_t n)
{
	char chunk[4096];

	while (n > 0) {
		size_t k = n < sizeof(chunk) ? n : sizeof(chunk);

		/* Never split a UTF-8 sequence or a CR LF between chunks. */
		while (k < n && k > sizeof(chunk) - 4 &&
		    (((unsigned char)s[k] & 0xC0) == 0x80 || s[k] == '\n'))
			k--;
		memcpy(chunk, s, k);
		fwrite(chunk, 1, utf8_scrub(chunk, k, 1), f);
		s += k;
		n -= k;
	}
}

/* Formats into a heap string and writes it with ctl_write(). */
static int
vout(FILE *f, const char *fmt, va_list ap)
{
	char *s = NULL;
	int n = vasprintf(&s, fmt, ap);

	if (n < 0)
		return -1;
	ctl_write(f, s, (size_t)n);
	free(s);
	return n;
}

int
ctl_printf(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vout(stdout, fmt, ap);
	va_end(ap);
	return n;
}

int
ctl_eprintf(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vout(stderr, fmt, ap);
	va_end(ap);
	return n;
}

int
ctl_fail(const char *cmd, const char *fmt, ...)
{
	va_list ap;
	char *msg = NULL;

	va_start(ap, fmt);
	if (vasprintf(&msg, fmt, ap) < 0)
		msg = NULL;
	va_end(ap);
	ctl_eprintf("soukctl %s: %s\n", cmd, msg ? msg : fmt);
	free(msg);
	return 1;
}

int
ctl_lang_opt(const char *opt)
{
	for (int l = 0; l < LANG__MAX; l++)
		if (strncmp(opt, "--", 2) == 0 &&
		    strcmp(opt + 2, lang_code((enum lang)l)) == 0)
			return l;
	return -1;
}

const char *
ctl_oneline(struct arena *a, const char *s)
{
	char *out = arena_alloc(a, 2 * strlen(s) + 1), *o = out;

	for (; *s; s++) {
		if (*s == '\n') {
			*o++ = ',';
			*o++ = ' ';
		} else if (*s != '\r')
			*o++ = *s;
	}
	*o = '\0';
	return out;
}

const char *
ctl_when(struct arena *a, long long t)
{
	return l10n_time_a(a, t, LANG_EN, L10N_STAMP);
}
