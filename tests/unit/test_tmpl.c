/* test_tmpl.c — escaping is on because we turn it on: ClearSilver with and
 * without Config.VarEscapeMode, our wrapper on small test templates and on
 * the real templates, and the language files' keys. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>

#include "t.h"
#include "tmpl.h"

#define XSS "<a href=\"x\">'&'</a>"
#define XSS_HTML "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"

static NEOERR *
collect(void *ctx, char *s)
{
	buf_puts(ctx, s);
	return STATUS_OK;
}

/* Renders src with plain ClearSilver: mode is set before cs_init() when
 * when == 0, after it when 1, never when mode is NULL. */
static char *
raw_render(const char *mode, int when, const char *src)
{
	HDF *h = NULL;
	CSPARSE *cs = NULL;
	struct buf b = { 0 };
	char *copy = strdup(src);

	if (hdf_init(&h) != STATUS_OK)
		abort();
	if (mode != NULL && when == 0)
		neo_check(hdf_set_value(h, "Config.VarEscapeMode", mode), "set");
	neo_check(hdf_set_value(h, "Page.x", XSS), "set");
	if (neo_check(cs_init(&cs, h), "cs_init") < 0)
		abort();
	if (mode != NULL && when == 1)
		neo_check(hdf_set_value(h, "Config.VarEscapeMode", mode), "set");
	/* cs_parse_string takes ownership of copy. */
	if (neo_check(cs_parse_string(cs, copy, strlen(copy)), "parse") == 0)
		neo_check(cs_render(cs, &b, collect), "render");
	cs_destroy(&cs);
	hdf_destroy(&h);
	return b.data ? b.data : strdup("");
}

TEST(clearsilver_escapes_only_when_told_before_cs_init)
{
	const char *src = "<?cs var:Page.x ?>";
	char *s;

	/* Without the setting ClearSilver prints values raw... */
	s = raw_render(NULL, 0, src);
	CHECK_STR(s, XSS);
	free(s);
	/* ...and setting it after cs_init() changes nothing... */
	s = raw_render("html", 1, src);
	CHECK_STR(s, XSS);
	free(s);
	/* ...so the safety comes from setting it first, as tmpl.c does. */
	s = raw_render("html", 0, src);
	CHECK_STR(s, XSS_HTML);
	free(s);
}

/* The wrapper on templates written to a scratch directory. */
static void
test_templates(void)
{
	static int written;
	char dir[PATH_MAX + 16], lang[PATH_MAX + 16];

	if (!written) {
		t_write("tt/layout.cs",
		    "<html><title><?cs call:title() ?></title>"
		    "<body><?cs call:main() ?></body></html>\n");
		t_write("tt/page.cs",
		    "<?cs def:title() ?><?cs var:Page.x ?><?cs /def ?>\n"
		    "<?cs def:main() ?><p><?cs var:Page.x ?></p><?cs /def ?>\n");
		t_write("tt/esc.cs",
		    "T:<?cs var:Page.x ?>|"
		    "A:<p title=\"<?cs var:Page.x ?>\">|"
		    "L:<?cs each:i = Page.items ?>[<?cs var:i.name ?>]<?cs /each ?>|"
		    "I:<?cs include:\"inc.cs\" ?>|"
		    "N:<?cs var:Page.x + \"!\" ?>|"
		    "R:<?cs uvar:Page.x ?>\n");
		t_write("tt/inc.cs", "<i><?cs var:Page.x ?></i>");
		t_write("tt/url.cs",
		    "<a href=\"/search?q=<?cs var:url_escape(Page.x) ?>\">"
		    "<script>var s = \"<?cs var:js_escape(Page.x) ?>\";</script>\n");
		t_write("tt/mail.cs", "Hello <?cs var:Page.x ?>,\n  indented\n");
		t_write("tt/frag.cs",
		    "[<?cs var:Store.name ?>|<?cs var:key ?>]");
		t_write("tt/usefrag.cs",
		    "<?cs uvar:fragment(\"frag\", Page.k) ?>"
		    "<?cs uvar:fragment(\"frag\", \"\") ?>\n");
		t_write("tt/badfrag.cs",
		    "<?cs uvar:fragment(\"../frag\", \"\") ?>\n");
		t_write("tt/strip.cs",
		    "<ul>\n    <li>a</li>\n\n\t<?cs if:1 ?>\n    <li>b</li>\n"
		    "    <?cs /if ?>\n</ul>\n<pre>\n  keep\n    this\n</pre>\n"
		    "   <p>x</p>\n");
		written = 1;
	}
	snprintf(dir, sizeof(dir), "%s/tt", t_tmpdir());
	snprintf(lang, sizeof(lang), "%s/lang", t_root());
	if (tmpl_init(dir, lang) < 0)
		t_fail(__FILE__, __LINE__, "tmpl_init");
}

static char *
render(const char *name, enum tmpl_flags flags)
{
	struct buf b = { 0 };

	if (tmpl_render(LANG_EN, name, flags, &b) < 0)
		t_fail(__FILE__, __LINE__, name);
	return b.data ? b.data : strdup("");
}

TEST(tmpl_var_escapes_text_attributes_loops_includes)
{
	HDF *h;
	char *s;

	test_templates();
	h = tmpl_hdf(LANG_EN);
	hdf_put(h, "Page.x", XSS);
	hdf_put(h, "Page.items.0.name", "<b>");
	hdf_put(h, "Page.items.1.name", "&amp;");
	s = render("esc", TMPL_BARE);
	CHECK_STR(s,
	    "T:" XSS_HTML "|"
	    "A:<p title=\"" XSS_HTML "\">|"
	    "L:[&lt;b&gt;][&amp;amp;]|"		/* escaped once, not twice */
	    "I:<i>" XSS_HTML "</i>|"
	    "N:" XSS_HTML "!|"
	    "R:" XSS "\n");			/* uvar: is the raw escape hatch */
	free(s);
	tmpl_clear(LANG_EN);
	tmpl_shutdown();
}

TEST(tmpl_url_and_js_escape)
{
	char *s;

	test_templates();
	hdf_put(tmpl_hdf(LANG_EN), "Page.x", "a b&c=\"</script>'\n");
	s = render("url", TMPL_BARE);
	CHECK_STR(s,
	    "<a href=\"/search?q=a+b%26c%3D%22%3C%2Fscript%3E%27%0A\">"
	    "<script>var s = \"a b\\x26c=\\x22\\x3C\\x2Fscript\\x3E\\x27\\x0A\";"
	    "</script>\n");
	free(s);
	tmpl_clear(LANG_EN);
	tmpl_shutdown();
}

TEST(tmpl_text_does_not_escape_and_html_still_does)
{
	char *s;

	test_templates();
	hdf_put(tmpl_hdf(LANG_EN), "Page.x", XSS);
	s = render("mail", TMPL_TEXT);
	/* Plain text: raw values, indentation kept. */
	CHECK_STR(s, "Hello " XSS ",\n  indented\n");
	free(s);
	/* A text parse must not leave escaping off for the next HTML one. */
	s = render("page", TMPL_PAGE);
	CHECK_STR(s, "<html><title>" XSS_HTML "</title><body><p>" XSS_HTML
	    "</p></body></html>\n");
	free(s);
	/* And the same file as HTML is a different, escaped parse. */
	s = render("mail", TMPL_BARE);
	CHECK(strstr(s, XSS_HTML) != NULL);
	free(s);
	tmpl_clear(LANG_EN);
	tmpl_shutdown();
}

TEST(tmpl_parsed_once_renders_twice)
{
	char *s;

	test_templates();
	hdf_put(tmpl_hdf(LANG_EN), "Page.x", "one");
	s = render("page", TMPL_PAGE);
	CHECK(strstr(s, "<p>one</p>") != NULL);
	free(s);
	tmpl_clear(LANG_EN);
	/* Cleared: nothing of the previous request is left. */
	s = render("page", TMPL_PAGE);
	CHECK_STR(s, "<html><title></title><body><p></p></body></html>\n");
	free(s);
	hdf_put(tmpl_hdf(LANG_EN), "Page.x", "<two>");
	s = render("page", TMPL_PAGE);
	CHECK_STR(s, "<html><title>&lt;two&gt;</title><body><p>&lt;two&gt;</p>"
	    "</body></html>\n");
	free(s);
	tmpl_clear(LANG_EN);
	tmpl_shutdown();
}

TEST(tmpl_strips_indentation_but_not_pre)
{
	char *s;

	test_templates();
	s = render("strip", TMPL_BARE);
	CHECK_STR(s, "<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n"
	    "<pre>\n  keep\n    this\n</pre>\n<p>x</p>\n");
	free(s);
	tmpl_shutdown();
}

TEST(tmpl_fragments_kept_per_key_until_touched)
{
	struct buf b = { 0 };
	char *s;

	test_templates();
	tmpl_set_store("name", "<A>");
	hdf_put(tmpl_hdf(LANG_EN), "Page.k", "x&y");
	s = render("usefrag", TMPL_BARE);
	CHECK_STR(s, "[&lt;A&gt;|x&amp;y][&lt;A&gt;|]");	/* escaped */
	free(s);
	/* Kept: a value changed behind tmpl_touch()'s back is not seen... */
	hdf_put(tmpl_hdf(LANG_EN), "Store.name", "B");
	s = render("usefrag", TMPL_BARE);
	CHECK_STR(s, "[&lt;A&gt;|x&amp;y][&lt;A&gt;|]");
	free(s);
	/* ...a new key is rendered now... */
	hdf_put(tmpl_hdf(LANG_EN), "Page.k", "z");
	s = render("usefrag", TMPL_BARE);
	CHECK_STR(s, "[B|z][&lt;A&gt;|]");
	free(s);
	/* ...and after a touch (tmpl_set_store() does it) every key is. */
	tmpl_set_store("name", "C");
	s = render("usefrag", TMPL_BARE);
	CHECK_STR(s, "[C|z][C|]");
	free(s);
	/* Each language its own. */
	hdf_put(tmpl_hdf(LANG_FR), "Page.k", "fr");
	CHECK_INT(tmpl_render(LANG_FR, "usefrag", TMPL_BARE, &b), 0);
	CHECK_STR(b.data, "[C|fr][C|]");
	buf_free(&b);
	/* A name leaving the template directory is refused. */
	CHECK_INT(tmpl_render(LANG_EN, "badfrag", TMPL_BARE, &b), -1);
	buf_free(&b);
	tmpl_clear(LANG_EN);
	tmpl_clear(LANG_FR);
	tmpl_shutdown();
}

TEST(tmpl_missing_template_is_an_error)
{
	struct buf b = { 0 };

	test_templates();
	CHECK_INT(tmpl_render(LANG_EN, "no-such", TMPL_BARE, &b), -1);
	CHECK_INT(tmpl_render(LANG_EN, "no-such", TMPL_PAGE, &b), -1);
	buf_free(&b);
	tmpl_shutdown();
	/* A lang directory without en.hdf / fr.hdf fails to initialise. */
	CHECK_INT(tmpl_init(t_tmpdir(), t_tmpdir()), -1);
	tmpl_shutdown();
}

TEST(tmpl_strings_and_store)
{
	test_templates();
	CHECK_STR(tmpl_str(LANG_EN, "search"), "Search");
	CHECK_STR(tmpl_str(LANG_FR, "cart"), "Panier");
	CHECK_STR(tmpl_str(LANG_EN, "no.such.key"), "no.such.key");
	CHECK_STR(hdf_get_value(tmpl_hdf(LANG_FR), "Lang.code", ""), "fr");
	tmpl_set_store("name", "<Souk>");
	CHECK_STR(hdf_get_value(tmpl_hdf(LANG_EN), "Store.name", ""), "<Souk>");
	CHECK_STR(hdf_get_value(tmpl_hdf(LANG_FR), "Store.name", ""), "<Souk>");
	/* Store.* survives the per-request clear. */
	tmpl_clear(LANG_EN);
	CHECK_STR(hdf_get_value(tmpl_hdf(LANG_EN), "Store.name", ""), "<Souk>");
	tmpl_shutdown();
}

TEST(tmpl_real_error_page_escapes_request_values)
{
	char dir[PATH_MAX + 16], lang[PATH_MAX + 16];
	const char *payload = "\"><script>alert(1)</script>";
	struct buf b = { 0 };
	HDF *h;

	snprintf(dir, sizeof(dir), "%s/templates", t_root());
	snprintf(lang, sizeof(lang), "%s/lang", t_root());
	CHECK_INT(tmpl_init(dir, lang), 0);
	tmpl_set_store("name", "Souk <Test>");
	for (int l = 0; l < LANG__MAX; l++) {
		h = tmpl_hdf((enum lang)l);
		hdf_put(h, "Req.path", payload);
		hdf_put(h, "Req.lang", lang_code((enum lang)l));
		hdf_put(h, "Req.other_lang", payload);
		hdf_put(h, "Page.q", payload);
		hdf_put(h, "Page.status", "400");
		hdf_put(h, "Page.status_key", "s400");
		hdf_put(h, "Page.detail", "invalid");
		hdf_put(h, "Page.errors.0.field", payload);
		hdf_put(h, "Page.errors.0.err", "int_range");
		hdf_put(h, "Page.errors.0.min", payload);
		hdf_put(h, "Nav.0.slug", payload);
		hdf_put(h, "Nav.0.name", payload);
		buf_reset(&b);
		CHECK_INT(tmpl_render((enum lang)l, "error", TMPL_PAGE, &b), 0);
		CHECK(b.data != NULL && strstr(b.data, "<script>alert") == NULL);
		CHECK(b.data != NULL && strstr(b.data,
		    "&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;") != NULL);
		CHECK(b.data != NULL && strstr(b.data, "Souk &lt;Test&gt;") != NULL);
		tmpl_clear((enum lang)l);
		hdf_remove_tree(h, "Nav");
	}
	buf_free(&b);
	tmpl_shutdown();
}

/* Every dotted name under node (values and sub-trees), into list; a leaf
 * without a value is a failure. */
static void
walk(HDF *node, const char *prefix, struct buf *list)
{
	for (HDF *c = hdf_obj_child(node); c != NULL; c = hdf_obj_next(c)) {
		char name[512];
		const char *v = hdf_obj_value(c);

		snprintf(name, sizeof(name), "%s%s%s", prefix, *prefix ? "." : "",
		    hdf_obj_name(c));
		buf_printf(list, "\n%s\n", name);
		if (hdf_obj_child(c) == NULL && (v == NULL || *v == '\0'))
			t_fail(__FILE__, __LINE__, name);
		walk(c, name, list);
	}
}

/* Reports the names in a that b lacks. */
static int
missing(const char *a, const char *b, const char *bname)
{
	int n = 0;

	for (const char *p = a; (p = strchr(p, '\n')) != NULL && p[1]; ) {
		const char *e = strchr(p + 1, '\n');
		char key[520];

		snprintf(key, sizeof(key), "%.*s", (int)(e - p + 1), p);
		if (strstr(b, key) == NULL) {
			char m[600];
			snprintf(m, sizeof(m), "%s lacks %.*s", bname,
			    (int)(e - p - 1), p + 1);
			t_fail(__FILE__, __LINE__, m);
			n++;
		}
		p = e + 1;
	}
	return n;
}

TEST(lang_files_define_the_same_keys)
{
	struct buf en = { 0 }, fr = { 0 };
	char path[PATH_MAX + 16];
	HDF *hen, *hfr;

	hdf_init(&hen);
	hdf_init(&hfr);
	snprintf(path, sizeof(path), "%s/lang/en.hdf", t_root());
	CHECK_INT(neo_check(hdf_read_file(hen, path), path), 0);
	snprintf(path, sizeof(path), "%s/lang/fr.hdf", t_root());
	CHECK_INT(neo_check(hdf_read_file(hfr, path), path), 0);
	walk(hen, "", &en);
	walk(hfr, "", &fr);
	CHECK(en.len > 1000);		/* both files really were read */
	CHECK(strstr(en.data, "\nLang.status.s404.title\n") != NULL);
	CHECK_INT(missing(en.data, fr.data, "fr.hdf"), 0);
	CHECK_INT(missing(fr.data, en.data, "en.hdf"), 0);
	buf_free(&en);
	buf_free(&fr);
	hdf_destroy(&hen);
	hdf_destroy(&hfr);
}

/* ClearSilver's hdf_remove_tree() leaves the parent's lookup cache on the
 * freed node: the next set of that name can find it there and write into
 * freed memory (order mails rendered blank in make test).  hdf_drop()
 * leaves no pointer to what it freed. */
TEST(hdf_drop_leaves_no_cache_on_the_freed_node)
{
	HDF *h = NULL;
	HDF *page, *card;

	if (hdf_init(&h) != STATUS_OK)
		abort();
	hdf_put(h, "Card.name", "x");
	hdf_put(h, "Page.order.reference", "SK-1");
	hdf_put(h, "Page.order.status", "paid");	/* found: now cached */
	page = hdf_get_obj(h, "Page");
	card = hdf_get_obj(h, "Card");
	/* What ClearSilver alone leaves behind: the cache names Card, freed,
	 * as the node before Page. */
	CHECK(h->last_hp == page && h->last_hs == card);
	neo_check(hdf_remove_tree(h, "Card"), "remove");
	CHECK(h->last_hs == card);
	/* What hdf_drop leaves: */
	hdf_drop(h, "Page");
	CHECK(h->last_hp != page && h->last_hs != card);
	CHECK(hdf_get_obj(h, "Page") == NULL);
	hdf_put(h, "Page.order.reference", "SK-2");
	CHECK_STR(hdf_get_value(h, "Page.order.reference", ""), "SK-2");
	/* A child of a deeper node, the last one: no last_child left. */
	hdf_put(h, "Footer.pages.0.slug", "about");
	hdf_drop(h, "Footer.pages");
	CHECK(hdf_get_obj(h, "Footer")->last_child == NULL);
	hdf_put(h, "Footer.pages.0.slug", "terms");
	CHECK_STR(hdf_get_value(h, "Footer.pages.0.slug", ""), "terms");
	hdf_destroy(&h);
}

TEST(hdf_node_and_item_put_relative_in_order)
{
	HDF *h = NULL, *list, *it;

	CHECK(hdf_init(&h) == STATUS_OK);
	list = hdf_node(h, "Page.list");
	CHECK(list != NULL);
	for (long long i = 0; i < 12; i++) {	/* past ClearSilver's hash */
		it = hdf_item(list, i);
		CHECK(it != NULL);
		hdf_put_int(it, "n", i * 7);
		hdf_put(it, "s", i % 2 ? "odd" : "even");
	}
	CHECK_STR(hdf_get_value(h, "Page.list.0.s", NULL), "even");
	CHECK_STR(hdf_get_value(h, "Page.list.11.n", NULL), "77");
	/* The same item again is the same node. */
	CHECK(hdf_item(list, 3) == hdf_get_obj(h, "Page.list.3"));
	it = hdf_obj_child(list);
	for (long long i = 0; i < 12 && it != NULL; i++, it = hdf_obj_next(it)) {
		char num[BUF_INT_MAX];
		fmt_int(num, i);
		CHECK_STR(hdf_obj_name(it), num);
	}
	/* A failed node leaves its puts as no-ops. */
	hdf_put(NULL, "x", "y");
	hdf_put_int(NULL, "x", 1);
	CHECK(hdf_item(NULL, 0) == NULL);
	CHECK(hdf_node(NULL, "a") == NULL);
	hdf_destroy(&h);
}
