/* cred.c — see cred.h. */
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <libgen.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cred.h"
#include "db_subs.h"
#include "log.h"
#include "store_conf.h"

static unsigned char key[crypto_secretbox_KEYBYTES];
static int have_key;

const char *
cred_key_path(void)
{
	static char path[4096];
	char dir[4096];

	if (*conf_str(CONF_CREDENTIALS_KEY_FILE))
		return conf_str(CONF_CREDENTIALS_KEY_FILE);
	snprintf(dir, sizeof(dir), "%s", conf_str(CONF_DB_PATH));
	snprintf(path, sizeof(path), "%s/credentials.key", dirname(dir));
	return path;
}

int
cred_key_create(void)
{
	const char *path = cred_key_path();
	unsigned char k[crypto_secretbox_KEYBYTES];
	int fd, rc = 0;

	if ((fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600)) < 0) {
		if (errno == EEXIST)
			return 1;
		log_error("credentials key %s: %s", path, strerror(errno));
		return -1;
	}
	crypto_secretbox_keygen(k);
	if (write(fd, k, sizeof(k)) != (ssize_t)sizeof(k) || fsync(fd) < 0)
		rc = -1;
	if (close(fd) < 0)
		rc = -1;
	sodium_memzero(k, sizeof(k));
	if (rc < 0) {
		log_error("credentials key %s: cannot write", path);
		unlink(path);
	}
	return rc;
}

int
cred_key_load(void)
{
	const char *path = cred_key_path();
	struct stat st;
	ssize_t n;
	int fd;

	if (have_key)
		return 0;
	if ((fd = open(path, O_RDONLY)) < 0) {
		log_error("credentials key %s: %s (soukctl init creates it)",
		    path, strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) < 0 || st.st_size != (off_t)sizeof(key) ||
	    (n = read(fd, key, sizeof(key))) != (ssize_t)sizeof(key)) {
		close(fd);
		log_error("credentials key %s: not a %zu-byte key", path,
		    sizeof(key));
		return -1;
	}
	close(fd);
	have_key = 1;
	return 0;
}

long long
cred_add(struct db *db, long long product_id, const char *json, long long now)
{
	unsigned char nonce[crypto_secretbox_NONCEBYTES];
	size_t len = strlen(json);
	unsigned char box[crypto_secretbox_MACBYTES + 4096];

	if (cred_key_load() < 0 || len > 4096)
		return -1;
	randombytes_buf(nonce, sizeof(nonce));
	crypto_secretbox_easy(box, (const unsigned char *)json, len, nonce, key);
	return db_cred_add(db, product_id, nonce, sizeof(nonce), box,
	    len + crypto_secretbox_MACBYTES, now);
}

int
cred_fields(struct db *db, struct arena *a, long long sub,
    struct cred_field **out, size_t *n)
{
	const unsigned char *nonce, *box;
	size_t nlen, blen, i = 0;
	unsigned char *plain;
	const char *k;
	json_t *o, *v;
	int rc;

	*n = 0;
	if ((rc = db_cred_of(db, a, sub, &nonce, &nlen, &box, &blen)) != 0)
		return rc;
	if (cred_key_load() < 0)
		return -1;
	if (nlen != crypto_secretbox_NONCEBYTES || blen < crypto_secretbox_MACBYTES)
		return -1;
	plain = arena_alloc(a, blen - crypto_secretbox_MACBYTES + 1);
	if (crypto_secretbox_open_easy(plain, box, blen, nonce, key) != 0) {
		log_error("credential of subscription %lld does not open "
		    "(another key?)", sub);
		return -1;
	}
	plain[blen - crypto_secretbox_MACBYTES] = '\0';
	if ((o = json_loads((const char *)plain, 0, NULL)) == NULL ||
	    !json_is_object(o)) {
		json_decref(o);
		return -1;
	}
	*out = arena_alloc(a, (json_object_size(o) + 1) * sizeof(**out));
	json_object_foreach(o, k, v) {
		(*out)[i].name = arena_strdup(a, k);
		(*out)[i++].value = arena_strdup(a, json_is_string(v) ?
		    json_string_value(v) : "");
	}
	*n = i;
	json_decref(o);
	sodium_memzero(plain, blen - crypto_secretbox_MACBYTES);
	return 0;
}
