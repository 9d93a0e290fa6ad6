/* fs.c — see fs.h. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "fs.h"
#include "log.h"

int
fs_mkdir_p(const char *path, mode_t mode)
{
	char p[PATH_MAX];
	struct stat st;
	size_t n = strlen(path);

	if (n == 0 || n >= sizeof(p)) {
		log_error("directory path too long or empty: '%s'", path);
		return -1;
	}
	memcpy(p, path, n + 1);
	/* Each prefix in turn: "/var", "/var/lib", ... then the whole path. */
	for (char *s = p + 1; ; s++) {
		if (*s != '/' && *s != '\0')
			continue;
		char c = *s;
		*s = '\0';
		if (mkdir(p, mode) < 0 && errno != EEXIST) {
			log_error("cannot create directory %s: %s", p,
			    strerror(errno));
			return -1;
		}
		*s = c;
		if (c == '\0')
			break;
	}
	if (stat(path, &st) < 0 || !S_ISDIR(st.st_mode)) {
		log_error("%s exists and is not a directory", path);
		return -1;
	}
	return 0;
}

int
fs_dir_ok(const char *what, const char *path, int write)
{
	struct stat st;

	if (stat(path, &st) < 0) {
		log_error("%s %s: %s", what, path, strerror(errno));
		return -1;
	}
	if (!S_ISDIR(st.st_mode)) {
		log_error("%s %s is not a directory", what, path);
		return -1;
	}
	if (access(path, R_OK | X_OK | (write ? W_OK : 0)) < 0) {
		log_error("%s %s is not %s by uid %ld: %s", what, path,
		    write ? "writable" : "readable", (long)geteuid(),
		    strerror(errno));
		return -1;
	}
	return 0;
}

int
fs_parent_ok(const char *what, const char *path)
{
	char dir[PATH_MAX];
	const char *slash = strrchr(path, '/');
	struct stat st;
	size_t n;

	if (slash == NULL)
		return 0;		/* relative to the current directory */
	n = slash == path ? 1 : (size_t)(slash - path);
	if (n >= sizeof(dir))
		return -1;
	memcpy(dir, path, n);
	dir[n] = '\0';
	if (stat(dir, &st) < 0 || !S_ISDIR(st.st_mode)) {
		log_error("%s folder %s does not exist (create it, or let "
		    "systemd's RuntimeDirectory= do it)", what, dir);
		return -1;
	}
	return 0;
}

int
fs_mode(const char *path)
{
	struct stat st;

	if (stat(path, &st) < 0)
		return -1;
	return (int)(st.st_mode & 07777);
}

int
fs_mode_loose(int mode)
{
	return (mode & 0027) != 0;
}

int
fs_read(const char *path, size_t max, struct buf *out)
{
	char chunk[65536];
	struct stat st;
	ssize_t n;
	size_t got = 0;
	int fd;

	if ((fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)) < 0) {
		log_warn("%s: %s", path, strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) ||
	    (size_t)st.st_size > max) {
		log_warn("%s: not a regular file of at most %zu bytes", path, max);
		close(fd);
		return -1;
	}
	while ((n = read(fd, chunk, sizeof(chunk))) > 0 && got + (size_t)n <= max) {
		buf_put(out, chunk, (size_t)n);
		got += (size_t)n;
	}
	close(fd);
	if (n != 0) {
		log_warn("%s: read failed or grew past %zu bytes", path, max);
		return -1;
	}
	return 0;
}

int
fs_write_all(int fd, const void *p, size_t n)
{
	const char *c = p;

	while (n > 0) {
		ssize_t w = write(fd, c, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		c += w;
		n -= (size_t)w;
	}
	return 0;
}
