/* tmpl.h — ClearSilver templates.
 *
 * One HDF tree per language holds what never changes in a process:
 * Config.VarEscapeMode = html (set before any cs_init(), so every var: is
 * HTML-escaped; ClearSilver does not escape otherwise), hdf.loadpaths,
 * Lang.* from lang/<code>.hdf and Store.* from the configuration.  A request
 * adds its data under Page.* and Req.* and tmpl_clear() removes them after
 * rendering, so nothing is copied per request.
 *
 * A page is rendered from two files parsed into one cached CSPARSE:
 * templates/<name>.cs, which defines the macros title() and main(), then
 * templates/layout.cs, which calls them.  Parsed templates are cached per
 * process and language.  TMPL_BARE renders a file alone (fragments, JSON);
 * TMPL_TEXT renders a plain-text file (mail bodies) with escaping off — its
 * output must never be served as HTML.
 *
 * Fragments: fragment("name", key) in a template gives the rendering of
 * templates/<name>.cs (alone, HTML-escaped), with `key` (a string) as its
 * local variable key, printed with uvar:.  Each (language, name, key) is
 * rendered once and kept until tmpl_touch(), so a fragment may read only
 * what the language tree keeps between requests (Lang.*, Store.*, and
 * what the layers above keep there, such as the header's categories) and
 * its key: never Page.*, Req.* or Session.*.  The layout's category bar
 * and footer are fragments: rendering them per request was a fifth of a
 * page (callgrind). */
#ifndef SOUK_TMPL_H
#define SOUK_TMPL_H
#include <ClearSilver.h>

#include "buf.h"
#include "lang.h"

enum tmpl_flags {
	TMPL_PAGE = 0,		/* name.cs + layout.cs */
	TMPL_BARE = 1,		/* name.cs alone, HTML-escaped */
	TMPL_TEXT = 2,		/* name.cs alone, no escaping (text/plain) */
};

/* Loads lang/<code>.hdf for every language.  Returns 0 or -1 (logged). */
int		 tmpl_init(const char *template_dir, const char *lang_dir);
void		 tmpl_shutdown(void);
/* The language's tree, to fill Page.* / Req.* (and Store.* at start-up). */
HDF		*tmpl_hdf(enum lang);
/* Sets Store.<name> in every language's tree (and tmpl_touch()). */
void		 tmpl_set_store(const char *name, const char *value);
/* Whoever changes what the language trees keep between requests calls it:
 * the fragments rendered so far are rendered again when next used. */
void		 tmpl_touch(void);
/* Changes at every tmpl_touch(): what is cached from the language trees
 * (Lang.*, Store.*) is valid while it is the same. */
unsigned	 tmpl_generation(void);
/* A fragment kept for C: the rendering of templates/<name>.cs in language
 * l (TMPL_BARE: HTML-escaped; TMPL_TEXT), with `key` as its local
 * variable key, rendered once per (language, name, flags, key) until
 * tmpl_touch().  Besides Lang.*, Store.* and key, the template may read
 * Page.* values only when key determines them all (the caller puts every
 * such value into key).  The string belongs to the table until the next
 * fragment: copy it before rendering anything else.  NULL on error
 * (logged). */
const char	*tmpl_memo(enum lang, const char *name, enum tmpl_flags,
		    const char *key);
/* Appends the rendering of `name` to out.  Returns 0 or -1 (logged). */
int		 tmpl_render(enum lang, const char *name, enum tmpl_flags,
		    struct buf *out);
/* Removes the per-request subtrees (Page, Req). */
void		 tmpl_clear(enum lang);
/* A language string Lang.<key>, or the key itself when missing. */
const char	*tmpl_str(enum lang, const char *key);

/* HDF setters that log instead of returning NEOERR (and do nothing on a
 * NULL node: hdf_node() and hdf_item() failed, and logged it). */
void		 hdf_put(HDF *, const char *name, const char *value);
void		 hdf_put_int(HDF *, const char *name, long long value);
/* value URL-escaped as the templates' url_escape() does it (the same
 * ClearSilver function), for a value a page prints escaped several
 * times: each url_escape() call in a template cost ~3,500 Ir. */
void		 hdf_put_url_escaped(HDF *, const char *name, const char *value);
/* Removes the subtree at name (if any).  Every removal goes through it:
 * ClearSilver's hdf_remove_tree() leaves the parent's lookup cache
 * (last_hp/last_hs) pointing at the freed node, and a later set of a
 * node of that name could write into freed memory; hdf_drop() clears
 * the cache (and last_child when no child is left). */
void		 hdf_drop(HDF *, const char *name);
void		 hdf_putf(HDF *, const char *value, const char *namefmt, ...)
		    __attribute__((format(printf, 3, 4)));
/* The node at name under h, made when missing (hdf_get_node); NULL on
 * error (logged).  Values put relative to a node walk one name instead
 * of a full path from the root (callgrind: a formatted full path cost
 * about 3,000 instructions a value). */
HDF		*hdf_node(HDF *, const char *name);
/* The list item h.<i> (made when missing), named without printf; NULL
 * on error (logged).  Items are listed in the order they are made. */
HDF		*hdf_item(HDF *, long long i);
/* Logs a NEOERR with context and frees it; returns -1 if err was set. */
int		 neo_check(NEOERR *err, const char *what);

#endif
