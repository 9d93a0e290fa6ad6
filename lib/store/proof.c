/* proof.c — see proof.h. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fs.h"
#include "log.h"
#include "proof.h"
#include "rand.h"
#include "sha256.h"

const char *
proof_sniff(const void *data, size_t len)
{
	const unsigned char *d = data;

	if (len < 16)
		return NULL;
	if (d[0] == 0xFF && d[1] == 0xD8 && d[2] == 0xFF)
		return "image/jpeg";
	if (memcmp(d, "\x89PNG\r\n\x1a\n", 8) == 0)
		return "image/png";
	if (memcmp(d, "RIFF", 4) == 0 && memcmp(d + 8, "WEBP", 4) == 0)
		return "image/webp";
	if (memcmp(d, "%PDF-", 5) == 0)
		return "application/pdf";
	return NULL;
}

/* data_dir/proofs, created (with its parents) when missing; 0 or -1. */
static int
proof_dir(const char *data_dir, char *out, size_t size)
{
	if ((size_t)snprintf(out, size, "%s/proofs", data_dir) >= size)
		return -1;
	/* Whole path: data_dir itself may be missing on a fresh install. */
	return fs_mkdir_p(out, 0700);
}

/* Writes all of data to fd and syncs it; 0 or -1. */
static int
write_all(int fd, const unsigned char *p, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		p += n;
		len -= (size_t)n;
	}
	return fsync(fd);
}

int
proof_store(const char *data_dir, const void *data, size_t len, char *name,
    char *sha)
{
	char dir[PATH_MAX], path[PATH_MAX];
	unsigned char h[SHA256_LEN], r[PROOF_NAME_LEN / 2];
	int fd, dfd;

	if (proof_dir(data_dir, dir, sizeof(dir)) < 0)
		return -1;
	rand_bytes(r, sizeof(r));	/* hex: no name starts with '-' */
	hex_encode(name, r, sizeof(r));
	if ((size_t)snprintf(path, sizeof(path), "%s/%s", dir, name) >=
	    sizeof(path))
		return -1;
	if ((fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600)) < 0) {
		log_error("proof: %s: %s", path, strerror(errno));
		return -1;
	}
	if (write_all(fd, data, len) < 0) {
		log_error("proof: write %s: %s", path, strerror(errno));
		close(fd);
		unlink(path);
		return -1;
	}
	close(fd);
	/* The directory entry must be durable too before the row commits. */
	if ((dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) >= 0) {
		fsync(dfd);
		close(dfd);
	}
	sha256(data, len, h);
	hex_encode(sha, h, sizeof(h));
	return 0;
}

void
proof_unlink(const char *data_dir, const char *name)
{
	char path[PATH_MAX];

	if ((size_t)snprintf(path, sizeof(path), "%s/proofs/%s", data_dir,
	    name) >= sizeof(path) || unlink(path) < 0)
		log_error("proof: unlink %s: %s", path, strerror(errno));
}
