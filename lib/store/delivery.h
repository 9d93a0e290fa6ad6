/* delivery.h — the rules of digital delivery: who is entitled to what
 * after payment, what a refund takes back, and the signed download links.
 *
 * Entitlements are granted by entitlements_grant_for_order() in the
 * transaction that moves the order to paid, and revoked (per line) by a
 * refund or cancellation in the transaction that moves it there; the one
 * place that calls both is delivery_on_status(), which order_transition()
 * (order_flow.h) calls for every status change.  An
 * entitlement to a series or a season covers every episode under it,
 * including episodes added after the purchase (the coverage is read at
 * download time, db_delivery.h).
 *
 * A download link is /download/<token>, token =
 *   ENT.FILE.EXPIRES.NONCE.SIG
 * where SIG is the store's HMAC (csrf_token, purpose "download") over
 * ENT.FILE.EXPIRES.NONCE and the entitlement's order and customer, so a
 * link works only for the file and purchase it was made for, cannot be
 * moved to another customer's purchase, and stops at EXPIRES.  Each fresh
 * link is one download of the entitlement's allowance; the same link used
 * again (a resumed download) counts once. */
#ifndef SOUK_DELIVERY_H
#define SOUK_DELIVERY_H
#include <stddef.h>

#include "db.h"
#include "db_delivery.h"
#include "order.h"

#define DOWNLOAD_TOKEN_MAX 160

/* What delivery does when order_id has just moved to `to` at `now`, inside
 * the transaction of the change (order_transition() calls it, so every
 * path delivers: soukctl, cron, online payments, the admin): on paid it
 * grants the entitlements and starts or extends the subscriptions (pool
 * credentials assigned, mails queued); on cancelled or refunded it revokes
 * them; other statuses change nothing.  0, or -1 (the caller rolls back). */
int	delivery_on_status(struct db *, long long order_id,
	    enum order_status to, long long now);

/* Inside the caller's transaction, when line `line` of order_id is
 * refunded in full while the order stays paid (refund.h): that line's
 * downloads are revoked and the subscription it started is cancelled,
 * with reason at now.  0 or -1. */
int	delivery_revoke_line(struct db *, long long order_id, long long line,
	    const char *reason, long long now);

/* Inside the caller's transaction, when order_id becomes paid at now: an
 * entitlement per digital line, with the download_limit and download_days
 * settings.  Idempotent.  Returns the number granted, or -1. */
int	entitlements_grant_for_order(struct db *, long long order_id,
	    long long now);
/* Inside the caller's transaction: revokes line `line` of order_id (0:
 * every line) with reason ("refunded", "cancelled", "staff") at now.
 * Returns the number revoked, or -1. */
int	entitlements_revoke_for_order(struct db *, long long order_id,
	    long long line, const char *reason, long long now);

/* Writes a fresh link token for file_id under entitlement e into
 * out[DOWNLOAD_TOKEN_MAX], valid until now + download_link_ttl. */
void	download_token_make(char *out, const struct entitlement *e,
	    long long file_id, long long now);

enum token_state {
	TOKEN_OK = 0,
	TOKEN_FORGED,	/* malformed, unknown entitlement or bad signature */
	TOKEN_EXPIRED,	/* signature good, past its time */
};
/* Splits a token; 0, or -1 when it has not the shape of one. */
int	download_token_parse(const char *token, long long *ent,
	    long long *file);
/* Checks token (already parsed to ent/file) against entitlement e. */
enum token_state download_token_check(const char *token,
	    const struct entitlement *e, long long now);
/* SHA-256 of the token in hex, out[65]: how downloads remembers a link. */
void	download_token_hash(char *out, const char *token);
/* "Film Name.mp4": the product's name with the stored file's extension
 * (arena). */
const char *download_file_name(struct arena *, const char *product_name,
	    const char *file_name);

#endif
