/* lang.h — the languages the store speaks and how a visitor's is chosen. */
#ifndef SOUK_LANG_H
#define SOUK_LANG_H

enum lang { LANG_EN, LANG_FR, LANG__MAX };

#define LANG_COOKIE "souk_lang"

const char	*lang_code(enum lang);		/* "en", "fr" */
/* The language for a code ("fr", "fr-CA", "FR"), or -1. */
int		 lang_from_code(const char *);
/* Picks the language: explicit ?lang= choice, else the cookie, else the best
 * q-valued match in Accept-Language, else `def`.  Any argument may be NULL. */
/* The store's own language (default_lang): what the shop's mails are
 * written in and what a visitor gets when nothing else says. */
enum lang	 lang_default(void);
/* A text kept in several versions (a delivery method's name, a detail's
 * label): t[l] when not NULL or empty, else the default language's, else
 * base (the text as first given).  Returns one of them, not a copy. */
const char	*lang_text(const char *const t[LANG__MAX], enum lang l,
		    const char *base);
enum lang	 lang_negotiate(const char *query, const char *cookie,
		    const char *accept_language, enum lang def);

#endif
