/* http_io.c — see http_io.h. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "http_io.h"

const char *
io_getenv(const struct io *io, const char *name)
{
	size_t n = strlen(name);

	if (io->envp == NULL)
		return NULL;
	for (char **e = io->envp; *e != NULL; e++)
		if (strncmp(*e, name, n) == 0 && (*e)[n] == '=')
			return *e + n + 1;
	return NULL;
}

ssize_t
io_read(struct io *io, void *p, size_t n)
{
	if (io->in != NULL) {
		int got = FCGX_GetStr(p, n > 1 << 30 ? 1 << 30 : (int)n, io->in);
		return got < 0 ? -1 : got;
	}
	for (;;) {
		ssize_t got = read(STDIN_FILENO, p, n);
		if (got < 0 && errno == EINTR)
			continue;
		return got;
	}
}

int
io_write(struct io *io, const void *p, size_t n)
{
	const char *c = p;

	if (io->hold != NULL) {
		buf_put(io->hold, p, n);
		return 0;
	}
	if (io->out != NULL) {
		while (n > 0) {
			int chunk = n > 1 << 30 ? 1 << 30 : (int)n;
			if (FCGX_PutStr(c, chunk, io->out) != chunk)
				return -1;
			c += chunk;
			n -= (size_t)chunk;
		}
		return 0;
	}
	return fwrite(c, 1, n, stdout) == n ? 0 : -1;
}

int
io_flush(struct io *io)
{
	if (io->hold != NULL)
		return 0;
	if (io->out != NULL)
		return FCGX_FFlush(io->out);
	return fflush(stdout);
}
