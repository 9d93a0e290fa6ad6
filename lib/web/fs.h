/* fs.h — small filesystem helpers for start-up checks and file modes (web
 * layer: no store words).  Every function logs what went wrong itself. */
#ifndef SOUK_FS_H
#define SOUK_FS_H
#include <sys/types.h>

/* Creates the directory path and every missing parent (mode, less the
 * umask).  Returns 0 when it exists as a directory afterwards, else -1
 * (logged with the path that failed). */
int	fs_mkdir_p(const char *path, mode_t mode);
/* 0 when path is a directory this process may read (and write, when
 * `write` is set), else -1 after logging what is wrong with which path. */
int	fs_dir_ok(const char *what, const char *path, int write);
/* 0 when the directory holding path exists, else -1 after logging it
 * (for sockets: "socket folder /run/souk does not exist"). */
int	fs_parent_ok(const char *what, const char *path);
/* The permission bits of path, or -1 when it cannot be stat'ed. */
int	fs_mode(const char *path);
/* 1 when mode lets others than the owner write, or anyone but owner and
 * group read (private data must be 0600 or 0640, directories 0700/0750). */
int	fs_mode_loose(int mode);

struct buf;
/* Appends the regular file at path (not followed if a symlink) to out
 * when it is at most max bytes.  Returns 0, or -1 (missing, too large,
 * unreadable: logged). */
int	fs_read(const char *path, size_t max, struct buf *out);
/* Writes all n bytes of p to fd (short writes and EINTR retried): 0, or
 * -1 with errno set. */
int	fs_write_all(int fd, const void *p, size_t n);
#endif
