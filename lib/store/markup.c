/* markup.c — see markup.h. */
#include <cmark.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "log.h"
#include "markup.h"

#define MAX_LINKS 4096	/* links and images one text may hold */

int
markup_url_ok(const char *url)
{
	static const char *const schemes[] = { "http://", "https://", "mailto:" };
	size_t skip;

	for (const unsigned char *p = (const unsigned char *)url; *p; p++)
		if (*p <= ' ' || *p == 0x7f || *p == '\\')
			return 0;
	for (size_t i = 0; i < sizeof(schemes) / sizeof(schemes[0]); i++)
		if (strncasecmp(url, schemes[i], strlen(schemes[i])) == 0)
			return url[strlen(schemes[i])] != '\0';
	if (url[0] == '/' && url[1] == '/')
		return 0;
	/* Relative: no ':' before the path, query or fragment starts. */
	skip = strcspn(url, ":/?#");
	return url[skip] != ':';
}

/* Replaces node by its children (a refused link keeps its words). */
static void
unwrap(cmark_node *node)
{
	cmark_node *child;

	while ((child = cmark_node_first_child(node)) != NULL)
		cmark_node_insert_before(node, child);
	cmark_node_free(node);
}

char *
markup_html(const char *md)
{
	int opts = CMARK_OPT_SAFE | CMARK_OPT_NORMALIZE;
	cmark_node *doc, *bad[MAX_LINKS];
	cmark_iter *it;
	cmark_event_type ev;
	size_t n = 0;
	char *html;

	if ((doc = cmark_parse_document(md, strlen(md), opts)) == NULL) {
		log_error("markup: cannot parse");
		return NULL;
	}
	it = cmark_iter_new(doc);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *cur = cmark_iter_get_node(it);
		cmark_node_type t = cmark_node_get_type(cur);
		const char *url;

		if (ev != CMARK_EVENT_ENTER ||
		    (t != CMARK_NODE_LINK && t != CMARK_NODE_IMAGE))
			continue;
		url = cmark_node_get_url(cur);
		if (url != NULL && markup_url_ok(url))
			continue;
		if (n == MAX_LINKS) {
			cmark_iter_free(it);
			cmark_node_free(doc);
			log_error("markup: more than %d links", MAX_LINKS);
			return NULL;
		}
		bad[n++] = cur;
	}
	cmark_iter_free(it);
	/* Innermost last: unwrap from the end so no freed node is touched. */
	while (n > 0)
		unwrap(bad[--n]);
	html = cmark_render_html(doc, opts);
	cmark_node_free(doc);
	if (html == NULL)
		log_error("markup: cannot render");
	return html;
}
