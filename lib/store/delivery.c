/* delivery.c — see delivery.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "csrf.h"
#include "delivery.h"
#include "rand.h"
#include "sha256.h"
#include "store_conf.h"
#include "subs.h"

#define NONCE_BYTES 9	/* 12 base64url characters */

int
delivery_on_status(struct db *db, long long order_id, enum order_status to,
    long long now)
{
	switch (to) {
	case ORDER_PAID:
		return entitlements_grant_for_order(db, order_id, now) < 0 ||
		    subscriptions_start_for_order(db, order_id, now) < 0 ?
		    -1 : 0;
	case ORDER_CANCELLED:
	case ORDER_REFUNDED:
		return entitlements_revoke_for_order(db, order_id, 0,
		    order_statuses[to], now) < 0 ||
		    subscriptions_cancel_for_order(db, order_id,
		    order_statuses[to], now) < 0 ? -1 : 0;
	default:
		return 0;
	}
}

int
delivery_revoke_line(struct db *db, long long order_id, long long line,
    const char *reason, long long now)
{
	if (line <= 0)
		return -1;
	return entitlements_revoke_for_order(db, order_id, line, reason,
	    now) < 0 || db_sub_cancel_line(db, order_id, line, reason,
	    now) < 0 ? -1 : 0;
}

int
entitlements_grant_for_order(struct db *db, long long order_id, long long now)
{
	long long days = conf_int(CONF_DOWNLOAD_DAYS);

	return db_entitle_order(db, order_id, conf_int(CONF_DOWNLOAD_LIMIT),
	    days > 0 ? now + days * 86400 : 0, now);
}

int
entitlements_revoke_for_order(struct db *db, long long order_id,
    long long line, const char *reason, long long now)
{
	return db_entitle_revoke(db, order_id, line, reason, now);
}

/* The signature of the first part of a token (head) for entitlement e. */
static void
sign(char *out, const char *head, const struct entitlement *e)
{
	char msg[DOWNLOAD_TOKEN_MAX + 64];

	snprintf(msg, sizeof(msg), "%s.%lld.%lld", head, e->order_id,
	    e->user_id);
	csrf_token(out, "download", msg);
}

void
download_token_make(char *out, const struct entitlement *e, long long file_id,
    long long now)
{
	char nonce[32], head[96], sig[CSRF_TOKEN_LEN + 1];

	rand_token(nonce, NONCE_BYTES);
	snprintf(head, sizeof(head), "%lld.%lld.%lld.%s", e->id, file_id,
	    now + conf_int(CONF_DOWNLOAD_LINK_TTL), nonce);
	sign(sig, head, e);
	snprintf(out, DOWNLOAD_TOKEN_MAX, "%s.%s", head, sig);
}

/* A positive decimal at *p up to '.', moving p past the dot; -1 if not. */
static long long
field(const char **p)
{
	long long v = 0;
	const char *s = *p;

	if (*s < '1' || *s > '9')
		return -1;
	for (; *s >= '0' && *s <= '9'; s++) {
		if (v > (1LL << 53))
			return -1;
		v = v * 10 + (*s - '0');
	}
	if (*s != '.')
		return -1;
	*p = s + 1;
	return v;
}

int
download_token_parse(const char *token, long long *ent, long long *file)
{
	const char *p = token;

	if (strlen(token) >= DOWNLOAD_TOKEN_MAX)
		return -1;
	if ((*ent = field(&p)) < 0 || (*file = field(&p)) < 0 || field(&p) < 0)
		return -1;
	return 0;
}

enum token_state
download_token_check(const char *token, const struct entitlement *e,
    long long now)
{
	char head[DOWNLOAD_TOKEN_MAX], sig[CSRF_TOKEN_LEN + 1];
	const char *dot = strrchr(token, '.'), *p = token;
	long long exp;
	size_t n;

	if (dot == NULL || (n = (size_t)(dot - token)) >= sizeof(head))
		return TOKEN_FORGED;
	memcpy(head, token, n);
	head[n] = '\0';
	sign(sig, head, e);
	if (!ct_equal(sig, strlen(sig), dot + 1, strlen(dot + 1)))
		return TOKEN_FORGED;
	field(&p);
	field(&p);
	exp = field(&p);
	return exp > now ? TOKEN_OK : TOKEN_EXPIRED;
}

void
download_token_hash(char *out, const char *token)
{
	unsigned char h[SHA256_LEN];

	sha256(token, strlen(token), h);
	hex_encode(out, h, sizeof(h));
}

const char *
download_file_name(struct arena *a, const char *product_name,
    const char *file_name)
{
	const char *ext = strrchr(file_name, '.');

	if (ext == NULL || strlen(ext) > 10 || strchr(ext, '/') != NULL)
		ext = "";
	return arena_printf(a, "%s%s", product_name, ext);
}
