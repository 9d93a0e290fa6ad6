/* site_hooks.h — the web layer's request hooks filled with the store:
 * configuration keys of every layer, the database and its secret, the
 * header's data (category tree, cart count, CSRF token), which visitors
 * are private (cart or session: never in a shared cache) and what CSRF
 * tokens bind to.
 *
 * A program plugs it in with `.hooks = &site_hooks` in its struct app;
 * pages flagged PAGE_BARE skip begin() (no nav, no cart lookup, no CSRF
 * cookie). */
#ifndef SOUK_SITE_HOOKS_H
#define SOUK_SITE_HOOKS_H
#include "app.h"

extern const struct app_hooks site_hooks;

#endif
