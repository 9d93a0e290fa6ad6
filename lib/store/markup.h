/* markup.h — the small safe markup of content pages and FAQ answers:
 * CommonMark rendered by libcmark (Debian's libcmark-dev) with raw HTML
 * disabled (CMARK_OPT_SAFE: raw blocks and inline tags become comments)
 * and every link or image whose destination is not http:, https:,
 * mailto: or a path on this site turned back into its plain text.
 *
 * Pages are rendered once, when they are saved (content.h), and the HTML
 * is stored: the pages program only copies it. */
#ifndef SOUK_MARKUP_H
#define SOUK_MARKUP_H

/* 1 when url may stand in an href: http://, https:// or mailto: (any
 * case), or a relative reference (no scheme, not "//host", no backslash,
 * no control character or blank). */
int	 markup_url_ok(const char *url);
/* The HTML for Markdown text md (UTF-8) as a malloc'd string the caller
 * frees, or NULL on error (logged). */
char	*markup_html(const char *md);

#endif
