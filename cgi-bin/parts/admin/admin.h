/* admin.h — what the back office's parts share (cgi-bin/admin.c is the
 * program: its page table, permission gate and keys; each part under
 * cgi-bin/parts/admin/ holds the pages of one concern).  Handlers return
 * the HTTP status, as every page handler does (docs/library.md). */
#ifndef SOUK_ADMIN_H
#define SOUK_ADMIN_H

#include "app.h"
#include "db_staff.h"
#include "order.h"

/* The program's keys: one line each. */
enum key {
	KEY_STATUS,
	KEY_METHOD,
	KEY_FROM,
	KEY_TO,
	KEY_Q,
	KEY_BEFORE,
	KEY_ID,
	KEY_DO,
	KEY_REASON,
	KEY_BODY,
	KEY_VISIBLE,
	KEY_KIND,
	KEY_OBJECT,
	KEY_NOTICE,
	KEY_BOX,
	KEY_MDO,
	KEY__MAX
};
/* Their table, in cgi-bin/admin.c: one line each. */
extern const struct valid_key adm_keys[KEY__MAX];

/* common.c */
/* Unix time t as this visitor's language writes a date and time (arena). */
const char	*adm_when(struct ctx *, long long t);
/* The value of an optional key, or NULL when absent or invalid. */
const char	*adm_opt(struct ctx *, int key);
/* Unix time of local midnight of "YYYY-MM-DD" (the store's time zone),
 * plus days; 0 when s is not such a date. */
long long	 adm_local_day(const char *s, int days);
/* The id in the path's third segment (/admin/<what>/<id>): a positive
 * decimal without sign or leading zero; 0 when there is none such. */
long long	 adm_path_id(struct ctx *);
/* Adds the audit row of this request's visitor (inside the caller's
 * transaction): action on object kind/id with detail; 0 or -1. */
int		 adm_audit(struct ctx *, const char *action, const char *kind,
		    long long id, const char *detail, long long now);

/* orders.c: the order list, its CSV, and the rows the dashboard shows. */
/* The order actions (do=...) and the status each moves to. */
extern const char *const adm_order_acts[];
struct adm_order_move {
	enum order_status	 to;
	const char		*note;	/* history note (Lang.order.note key) */
};
extern const struct adm_order_move adm_order_moves[];
/* Orders matching f into HDF prefix.N.*; the number put, or -1. */
long long	 adm_put_orders(struct ctx *, const char *prefix,
		    struct staff_order_filter *f);
int		 page_orders(struct ctx *);
int		 page_export(struct ctx *);

/* order.c: one order, its actions, notes and payment proofs. */
int		 page_order(struct ctx *);
int		 page_order_act(struct ctx *);
int		 page_order_note(struct ctx *);
int		 page_proof(struct ctx *);

/* dashboard.c */
int		 page_dashboard(struct ctx *);

/* messages.c: the contact inbox, one message, reply, handled/reopen/spam. */
extern const char *const adm_message_acts[];	/* do= of message/status */
int		 page_messages(struct ctx *);
int		 page_message(struct ctx *);
int		 page_message_reply(struct ctx *);
int		 page_message_status(struct ctx *);

/* audit.c */
int		 page_audit(struct ctx *);

#endif
