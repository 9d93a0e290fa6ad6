/* log.c — see log.h.  Each line is written with one write(2) so lines from
 * several workers sharing a stderr never interleave mid-line. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "log.h"
#include "utf8.h"

static const char *prog = "souk";

void
log_set_name(const char *program)
{
	prog = program;
}

static void
log_line(const char *level, const char *fmt, va_list ap)
{
	char line[2048];
	int n, m;

	/* journald stamps lines itself (it sets JOURNAL_STREAM for the
	 * services it runs); a log file needs the time on each line. */
	if (getenv("JOURNAL_STREAM") == NULL) {
		time_t now = time(NULL);
		struct tm tm;
		n = (int)strftime(line, sizeof(line), "%Y-%m-%dT%H:%M:%SZ ",
		    gmtime_r(&now, &tm));
	} else
		n = 0;
	n += snprintf(line + n, sizeof(line) - (size_t)n, "souk %s[%ld]: %s: ",
	    prog, (long)getpid(), level);
	if (n < 0 || (size_t)n >= sizeof(line))
		return;
	m = vsnprintf(line + n, sizeof(line) - (size_t)n - 1, fmt, ap);
	if (m < 0)
		return;
	n += m;
	if ((size_t)n > sizeof(line) - 2)
		n = sizeof(line) - 2;
	/* Keep the one-line promise even if a message carried a newline,
	 * and let no text in a message (a visitor's, an SMTP server's)
	 * drive the terminal or forge lines: controls become '?'. */
	for (int i = 0; i < n; i++)
		if (line[i] == '\n' || line[i] == '\r' || line[i] == '\t')
			line[i] = ' ';
	n = (int)utf8_scrub(line, (size_t)n, 0);
	line[n++] = '\n';
	if (write(STDERR_FILENO, line, (size_t)n) < 0)
		return;
}

#define LOG_FN(name, level)				\
void							\
name(const char *fmt, ...)				\
{							\
	va_list ap;					\
	va_start(ap, fmt);				\
	log_line(level, fmt, ap);			\
	va_end(ap);					\
}
LOG_FN(log_error, "error")
LOG_FN(log_warn, "warning")
LOG_FN(log_info, "info")

void
log_fatal(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	log_line("fatal", fmt, ap);
	va_end(ap);
	exit(1);
}
