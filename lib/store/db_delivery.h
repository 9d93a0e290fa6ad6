/* db_delivery.h — tables of digital delivery: media_files (what can be
 * downloaded), entitlements (who may download it, until when, how many
 * times) and downloads (each link used).  Rules live in delivery.h; these
 * run one statement each and never open a transaction themselves, except
 * db_download_claim(). */
#ifndef SOUK_DB_DELIVERY_H
#define SOUK_DB_DELIVERY_H
#include <stddef.h>

#include "arena.h"
#include "db.h"

struct media_file {
	long long	 id, product_id, size;
	const char	*stored_name;	/* under data_dir/downloads/ */
	const char	*file_name;	/* what the browser saves */
	const char	*content_type;
	const char	*product_name;
};

/* Adds a file of product_id; returns its id, -2 if stored_name is taken,
 * -1 on error. */
long long	db_media_add(struct db *, long long product_id,
		    const char *stored_name, const char *file_name,
		    const char *content_type, long long size, long long now);

/* The files of product_id, oldest first (product_name ""); 0 or -1,
 * *out in the arena. */
int		db_media_of_product(struct db *, struct arena *,
		    long long product_id, struct media_file **out, size_t *n);
/* File id of product_id: 0, DB_NONE (1) or -1. */
int		db_media_get(struct db *, struct arena *, long long id,
		    long long product_id, struct media_file *);
/* Deletes file id of product_id (its download records go with it);
 * returns the rows deleted (0 or 1) or -1. */
int		db_media_del(struct db *, long long id, long long product_id);

/* One entitlement as the library and the download program see it. */
struct entitlement {
	long long	 id, order_id, line, product_id, user_id; /* order 0:
					 * granted by staff (grant.h) */
	long long	 max_downloads;	/* 0: unlimited */
	long long	 expires_at;	/* 0: never */
	long long	 revoked_at;	/* 0: not revoked */
	const char	*order_status;	/* "" when granted */
};

/* Grants an entitlement for every digital line of order_id that has none
 * (max_downloads 0: unlimited; expires_at 0: never).  Inside the caller's
 * transaction.  Returns the number granted or -1. */
int		db_entitle_order(struct db *, long long order_id,
		    long long max_downloads, long long expires_at, long long now);
/* Revokes the entitlements of order_id (line 0: every line) with reason.
 * Returns the number revoked or -1. */
int		db_entitle_revoke(struct db *, long long order_id, long long line,
		    const char *reason, long long now);
/* Entitlement id: 0, DB_NONE (1) or -1. */
int		db_entitle_get(struct db *, struct arena *, long long id,
		    struct entitlement *);

/* The file file_id as covered by entitlement ent_id: found (0) only when
 * the file belongs to the entitlement's product or to a product under it
 * (a season or an episode of a bought series, whenever it was added);
 * DB_NONE otherwise; -1 on error. */
int		db_entitle_file(struct db *, struct arena *, long long ent_id,
		    long long file_id, struct media_file *);

enum claim_result {
	CLAIM_ERROR = -1,
	CLAIM_OK = 0,
	CLAIM_EXHAUSTED,	/* max_downloads links of this file used */
	CLAIM_REVOKED,
	CLAIM_EXPIRED,		/* the entitlement's own end */
};
/* In one BEGIN IMMEDIATE transaction: checks the entitlement is live and,
 * unless the link token_hash was used before (a resumed download: counts
 * once), that fewer than its max_downloads links of file_id were used,
 * then records the use.  Atomic across processes. */
enum claim_result db_download_claim(struct db *, long long ent_id,
		    long long file_id, const char *token_hash,
		    const char *remote_addr, long long now);
/* Downloads recorded for (ent_id, file_id), or -1. */
long long	db_download_count(struct db *, long long ent_id, long long file_id);

/* One downloadable file in a customer's library or on an order page. */
struct library_item {
	long long	 ent_id, file_id, product_id, parent_id, position;
	long long	 used, max_downloads, expires_at;
	const char	*name, *slug, *media_type, *file_name, *image;
	const char	*series, *season;	/* names of the parents, or "" */
	const char	*order_token;
	long long	 order_id, user_id;	/* of the entitlement (links) */
};
/* Every live (unrevoked, unexpired) file a customer may download: orders
 * of user_id, or of the verified address email_norm (NULL: none), and
 * what staff granted user_id, by series, season, position.  Returns 0 or -1; *out in the arena. */
int		db_library_user(struct db *, struct arena *, long long user_id,
		    const char *email_norm, long long now,
		    struct library_item **out, size_t *n);
/* The same for one order (its page by token). */
int		db_library_order(struct db *, struct arena *, long long order_id,
		    long long now, struct library_item **out, size_t *n);
/* 1 when user_id (or the verified email_norm) holds a live entitlement,
 * bought or granted,
 * covering product_id, 0 when not, -1 on error. */
int		db_library_owns(struct db *, long long user_id,
		    const char *email_norm, long long product_id, long long now);

#endif
