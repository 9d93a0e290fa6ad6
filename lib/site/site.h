/* site.h — small things store pages share: the visitor's cart token,
 * prices in the store currency, mail sent after the response. */
#ifndef SOUK_SITE_H
#define SOUK_SITE_H
#include "app.h"
#include "db.h"

struct user;

/* What the site hooks know of the visitor, per request (ctx->site). */
struct site_req {
	struct user	*user;		/* logged in, or NULL (sess_load) */
	const char	*sess_hash;	/* any live session row, or NULL */
	long long	 sess_mfa_user;	/* waiting for a second factor */
	const char	*sess_new_token; /* cookie set by this request */
};

/* The souk_cart cookie when it has the shape of a token we issue, else
 * NULL (a malformed cookie is treated as no cart). */
const char	*site_cart_token(const struct ctx *);
/* A price in the store currency for the visitor's language (arena). */
const char	*site_money(struct ctx *, long long minor);
/* <prefix>.N.{code,name,dial}: the countries a shopper may choose, by
 * name in the visitor's language (country_sort). */
void		 site_countries(struct ctx *, const char *prefix);
/* The same list as Countries.N.{code,name,dial} in every language's tree,
 * put once per process (and per tree) for fragments such as
 * partials/country_options (tmpl.h): the list and its names never change
 * while a tree lives. */
void		 site_countries_keep(void);
/* Sends the mail this request queued right after the response (when
 * mail_after_response is on); once per request however often called. */
void		 site_mail_defer(struct ctx *);

#endif
