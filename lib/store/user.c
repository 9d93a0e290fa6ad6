/* user.c — see user.h. */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <libscrypt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "store_conf.h"
#include "embedded.h"
#include "log.h"
#include "lowprio.h"
#include "rand.h"
#include "sha256.h"
#include "user.h"
#include "utf8.h"

#define COMMON_FILE "data/common-passwords.txt"
#define MAX_SLOTS 64

/* The common list as sorted pointers into a private copy. */
static char *common_text;
static const char **common;
static size_t ncommon;

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Builds the sorted list once per process; 0 or -1. */
static int
common_load(void)
{
	const char *src = embedded_get(COMMON_FILE);
	size_t n = 0, cap = 0;

	if (common != NULL)
		return 0;
	if (src == NULL || (common_text = strdup(src)) == NULL)
		return -1;
	for (char *p = common_text, *e; *p; p = e + 1) {
		if ((e = strchr(p, '\n')) == NULL)
			e = p + strlen(p);
		if (n == cap) {
			cap = cap ? cap * 2 : 16384;
			common = realloc(common, cap * sizeof(*common));
			if (common == NULL)
				return -1;
		}
		common[n++] = p;
		if (*e == '\0')
			break;
		*e = '\0';
	}
	qsort(common, n, sizeof(*common), cmp_str);
	ncommon = n;
	return 0;
}

int
password_common(const char *pw)
{
	char low[PASSWORD_MAX * 4 + 1];
	const char *key = low;
	size_t i;

	if (strlen(pw) >= sizeof(low))
		return 0;
	for (i = 0; pw[i]; i++)
		low[i] = (char)tolower((unsigned char)pw[i]);
	low[i] = '\0';
	if (common_load() < 0) {
		log_error("password list missing: every password is refused");
		return 1;
	}
	return bsearch(&key, common, ncommon, sizeof(*common), cmp_str) != NULL;
}

enum pw_check
password_check(const char *pw)
{
	size_t n = utf8_len(pw, strlen(pw));

	if (n < PASSWORD_MIN)
		return PW_SHORT;
	if (n > PASSWORD_MAX)
		return PW_LONG;
	return password_common(pw) ? PW_COMMON : PW_OK;
}

/* The configured parameters: N = 2^log2n, r, p. */
static void
params(uint32_t *n, uint8_t *r, uint8_t *p)
{
	long long l = conf_int(CONF_SCRYPT_LOG2N);

	*n = 1u << (l < 10 ? 10 : l > 20 ? 20 : l);
	*r = (uint8_t)conf_int(CONF_SCRYPT_R);
	*p = (uint8_t)conf_int(CONF_SCRYPT_P);
}

/* One scrypt computation for lowprio_run(): a hash of pw into out
 * (check 0) or a check of pw against out (check 1); rc libscrypt's. */
struct scrypt_job {
	char		*out;
	const char	*pw;
	int		 check, rc;
};

static void
scrypt_run(void *arg)
{
	struct scrypt_job *j = arg;
	uint32_t n;
	uint8_t r, p;

	if (j->check) {
		j->rc = libscrypt_check(j->out, j->pw);
		return;
	}
	params(&n, &r, &p);
	j->rc = libscrypt_hash(j->out, j->pw, n, r, p);
}

/* Hashes pw into out, or checks it against the MCF hash in out (which
 * libscrypt writes into), at a low CPU priority (lowprio.h: a login
 * flood leaves the CPU to the pages).  libscrypt's result. */
static int
scrypt_low(char *out, const char *pw, int check)
{
	struct scrypt_job j = { out, pw, check, -1 };

	lowprio_run(scrypt_run, &j);
	return j.rc;
}

int
password_hash(const char *pw, char *out)
{
	return scrypt_low(out, pw, 0) == 1 ? 0 : -1;
}

int
password_needs_rehash(const char *hash)
{
	uint32_t n;
	uint8_t r, p;
	char want[40];
	int l = 0;

	params(&n, &r, &p);
	while ((1u << l) < n)
		l++;
	/* libscrypt's MCF: $s1$ then log2(N), r, p as two hex digits each. */
	snprintf(want, sizeof(want), "$s1$%02x%02x%02x$", l, r, p);
	return strncmp(hash, want, strlen(want)) != 0;
}

int
password_verify(const char *hash, const char *pw)
{
	static char dummy[PW_HASH_LEN];
	char copy[PW_HASH_LEN];
	int rc;

	if (hash == NULL) {
		if (dummy[0] == '\0' || password_needs_rehash(dummy)) {
			char random[24];
			rand_token(random, 16);
			if (password_hash(random, dummy) < 0)
				return -1;
		}
		hash = dummy;
	}
	if (strlen(hash) >= sizeof(copy) || strncmp(hash, "$s1$", 4) != 0)
		return -1;
	/* libscrypt_check writes into its argument. */
	memcpy(copy, hash, strlen(hash) + 1);
	rc = scrypt_low(copy, pw, 1);
	if (hash == dummy)
		return 0;
	return rc > 0 ? 1 : rc == 0 ? 0 : -1;
}

static int slot_fd[MAX_SLOTS];
static int nslots = -1;

int
hash_slots(void)
{
	long long n = conf_int(CONF_HASH_CONCURRENCY);

	if (n <= 0) {
		long cores = sysconf(_SC_NPROCESSORS_ONLN);
		n = cores > 1 ? cores / 2 : 1;
	}
	return n > MAX_SLOTS ? MAX_SLOTS : (int)n;
}

/* Opens the slot files once per process: 0, or -1 (no limit then). */
static int
slots_open(void)
{
	char path[4096];

	if (nslots >= 0)
		return nslots > 0 ? 0 : -1;
	nslots = 0;
	snprintf(path, sizeof(path), "%s/locks", conf_str(CONF_DATA_DIR));
	if (mkdir(path, 0770) < 0 && errno != EEXIST) {
		log_error("hash slots: %s: %s (no limit on hashes)", path,
		    strerror(errno));
		return -1;
	}
	for (int i = 0; i < hash_slots(); i++) {
		snprintf(path, sizeof(path), "%s/locks/hash.%d",
		    conf_str(CONF_DATA_DIR), i);
		if ((slot_fd[i] = open(path, O_RDWR | O_CREAT | O_CLOEXEC,
		    0660)) < 0) {
			log_error("hash slots: %s: %s", path, strerror(errno));
			break;
		}
		nslots = i + 1;
	}
	return nslots > 0 ? 0 : -1;
}

int
hash_slot_take(int wait_ms)
{
	struct timespec pause = { 0, 5 * 1000 * 1000 };
	int start = (int)(rand_uniform((unsigned long)MAX_SLOTS));

	if (slots_open() < 0)
		return -2;
	for (int waited = 0;; waited += 5) {
		for (int k = 0; k < nslots; k++) {
			int i = (start + k) % nslots;
			if (flock(slot_fd[i], LOCK_EX | LOCK_NB) == 0)
				return i;
		}
		if (waited >= wait_ms)
			return -1;
		nanosleep(&pause, NULL);
	}
}

void
hash_slot_give(int slot)
{
	if (slot >= 0 && slot < nslots)
		flock(slot_fd[slot], LOCK_UN);
}

void
secret_hash(const char *secret, char *out)
{
	unsigned char h[SHA256_LEN];

	sha256(secret, strlen(secret), h);
	hex_encode(out, h, sizeof(h));
}

void
email_norm(char *e)
{
	for (; *e; e++)
		*e = (char)tolower((unsigned char)*e);
}
