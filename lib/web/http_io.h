/* http_io.h — where a request comes from and its response goes: a FastCGI
 * request (libfcgi streams) or plain CGI (environ, stdin, stdout).  The rest
 * of the library never knows which. */
#ifndef SOUK_HTTP_IO_H
#define SOUK_HTTP_IO_H
#include <stddef.h>
#include <sys/types.h>
#include <fcgiapp.h>

struct buf;

struct io {
	FCGX_Stream	*in, *out;	/* both NULL in CGI mode */
	char		**envp;
	struct buf	*hold;		/* not NULL: the response is kept
					 * here, to be sent later (a batch,
					 * app_batch.h) */
};

/* The CGI/FastCGI parameter `name`, or NULL. */
const char	*io_getenv(const struct io *, const char *name);
/* Reads up to n bytes of the request body; returns bytes read, 0 at end,
 * -1 on error. */
ssize_t		 io_read(struct io *, void *, size_t n);
/* Writes all n bytes (into io->hold when set); returns 0 or -1. */
int		 io_write(struct io *, const void *, size_t n);
int		 io_flush(struct io *);

#endif
