/* tmpl.c — see tmpl.h. */
#include <unistd.h>
#include <errno.h>
#include <stdint.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "l10n.h"
#include "log.h"
#include "tmpl.h"
#include "url.h"

struct cached {
	char		*name;
	enum tmpl_flags	 flags;
	CSPARSE		*cs;
};

static struct {
	HDF		*hdf;
	struct cached	*cache;
	size_t		 ncache, capcache;
} langs[LANG__MAX];

static char *tdir;

/* Rendered fragments (tmpl.h "Fragments"): a fixed table, a slot per
 * (language, name, key) hash, valid while its generation is current. */
#define FRAG_SLOTS 256
static struct frag {
	unsigned	 gen;		/* 0: empty */
	int		 lang;
	enum tmpl_flags	 flags;		/* TMPL_BARE, or TMPL_TEXT (tmpl_memo) */
	char		*name, *key, *html;
} frags[FRAG_SLOTS];
static unsigned frag_gen = 1;

static void
frags_free(void)
{
	for (size_t i = 0; i < FRAG_SLOTS; i++) {
		free(frags[i].name);
		free(frags[i].key);
		free(frags[i].html);
		memset(&frags[i], 0, sizeof(frags[i]));
	}
}

void
tmpl_touch(void)
{
	if (++frag_gen == 0)	/* 0 marks an empty slot */
		frag_gen = 1;
}

unsigned
tmpl_generation(void)
{
	return frag_gen;
}

int
neo_check(NEOERR *err, const char *what)
{
	STRING s;

	if (err == STATUS_OK)
		return 0;
	string_init(&s);
	nerr_error_traceback(err, &s);
	log_error("%s: %s", what, s.buf ? s.buf : "ClearSilver error");
	string_clear(&s);
	nerr_ignore(&err);
	return -1;
}

void
hdf_put(HDF *h, const char *name, const char *value)
{
	if (h != NULL)
		neo_check(hdf_set_value(h, name, value ? value : ""), name);
}

void
hdf_put_int(HDF *h, const char *name, long long v)
{
	char num[BUF_INT_MAX];

	if (h == NULL)
		return;
	fmt_int(num, v);
	neo_check(hdf_set_value(h, name, num), name);
}

void
hdf_put_url_escaped(HDF *h, const char *name, const char *value)
{
	char *esc = NULL;

	if (h == NULL || neo_check(cgi_url_escape(value ? value : "", &esc),
	    name) < 0)
		return;
	neo_check(hdf_set_value(h, name, esc), name);
	free(esc);
}

void
hdf_drop(HDF *h, const char *name)
{
	const char *dot = strrchr(name, '.');
	HDF *parent = h;

	if (dot != NULL) {
		char path[256];

		if ((size_t)(dot - name) >= sizeof(path))
			return;
		memcpy(path, name, (size_t)(dot - name));
		path[dot - name] = '\0';
		if ((parent = hdf_get_obj(h, path)) == NULL)
			return;
	}
	neo_check(hdf_remove_tree(h, name), name);
	parent->last_hp = NULL;
	parent->last_hs = NULL;
	if (parent->child == NULL)
		parent->last_child = NULL;
}

void
hdf_putf(HDF *h, const char *value, const char *fmt, ...)
{
	char name[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(name, sizeof(name), fmt, ap);
	va_end(ap);
	neo_check(hdf_set_value(h, name, value ? value : ""), name);
}

HDF *
hdf_node(HDF *h, const char *name)
{
	HDF *n = NULL;

	if (h == NULL || neo_check(hdf_get_node(h, name, &n), name) < 0)
		return NULL;
	return n;
}

HDF *
hdf_item(HDF *h, long long i)
{
	char num[BUF_INT_MAX];

	fmt_int(num, i);
	return hdf_node(h, num);
}

/* Rewrites every string under node as language l writes it
 * (l10n_punct: French narrow no-break spaces), once at start-up. */
static int
punct_tree(HDF *node, enum lang l)
{
	for (HDF *k = hdf_obj_child(node); k != NULL; k = hdf_obj_next(k)) {
		const char *v = hdf_obj_value(k), *fixed;
		if (v != NULL && (fixed = l10n_punct(NULL, l, v)) != v) {
			if (fixed == NULL || neo_check(hdf_set_value(k, NULL,
			    fixed), hdf_obj_name(k)) < 0) {
				free((char *)fixed);
				return -1;
			}
			free((char *)fixed);
		}
		if (punct_tree(k, l) < 0)
			return -1;
	}
	return 0;
}

int
tmpl_init(const char *template_dir, const char *lang_dir)
{
	char path[4096];

	tmpl_shutdown();
	/* Every page renders layout.cs: a wrong template_dir shows now. */
	snprintf(path, sizeof(path), "%s/layout.cs", template_dir);
	if (access(path, R_OK) != 0) {
		log_error("templates: cannot read %s: %s (template_dir)", path,
		    strerror(errno));
		return -1;
	}
	if (neo_check(nerr_init(), "nerr_init") < 0)
		return -1;
	if ((tdir = strdup(template_dir)) == NULL)
		return -1;
	for (int l = 0; l < LANG__MAX; l++) {
		HDF *h;
		if (neo_check(hdf_init(&h), "hdf_init") < 0)
			return -1;
		langs[l].hdf = h;
		hdf_put(h, "Config.VarEscapeMode", "html");
		hdf_put(h, "hdf.loadpaths.0", template_dir);
		hdf_put(h, "Lang.code", lang_code(l));
		snprintf(path, sizeof(path), "%s/%s.hdf", lang_dir, lang_code(l));
		if (neo_check(hdf_read_file(h, path), path) < 0)
			return -1;
		if (punct_tree(hdf_get_obj(h, "Lang"), l) < 0)
			return -1;
	}
	return 0;
}

void
tmpl_shutdown(void)
{
	for (int l = 0; l < LANG__MAX; l++) {
		for (size_t i = 0; i < langs[l].ncache; i++) {
			cs_destroy(&langs[l].cache[i].cs);
			free(langs[l].cache[i].name);
		}
		free(langs[l].cache);
		if (langs[l].hdf)
			hdf_destroy(&langs[l].hdf);
		memset(&langs[l], 0, sizeof(langs[l]));
	}
	free(tdir);
	tdir = NULL;
	frags_free();
}

HDF *
tmpl_hdf(enum lang l)
{
	return langs[l].hdf;
}

void
tmpl_set_store(const char *name, const char *value)
{
	char key[128];

	snprintf(key, sizeof(key), "Store.%s", name);
	for (int l = 0; l < LANG__MAX; l++)
		hdf_put(langs[l].hdf, key, value);
	tmpl_touch();
}

const char *
tmpl_str(enum lang l, const char *key)
{
	char name[256];

	snprintf(name, sizeof(name), "Lang.%s", key);
	return hdf_get_value(langs[l].hdf, name, key);
}

/* Drops indentation, blank lines and the newlines of tag-only lines from
 * HTML templates as they are read
 * (once per process), except between <pre>/<textarea> and their end tags:
 * the pages stay readable in the source and lean on the wire.  Returns a
 * malloc'd string (ClearSilver frees it). */
static char *
strip_html(const char *src, size_t n)
{
	char *out = malloc(n + 1), *o = out;
	const char *p = src, *end = src + n;
	int verbatim = 0;

	if (out == NULL)
		return NULL;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *le = nl ? nl + 1 : end, *q = p;

		if (!verbatim)
			while (q < le && (*q == ' ' || *q == '\t'))
				q++;
		if (verbatim) {
			memcpy(o, q, (size_t)(le - q));
			o += le - q;
		} else if (!(q < le && (*q == '\n' || *q == '\r'))) {
			const char *te = le;
			while (te > q && (te[-1] == '\n' || te[-1] == '\r'))
				te--;
			/* A line holding only template tags prints nothing: drop
			 * its newline too. */
			if (te - q >= 6 && strncmp(q, "<?cs", 4) == 0 &&
			    te[-2] == '?' && te[-1] == '>')
				le = te;
			memcpy(o, q, (size_t)(le - q));
			o += le - q;
			le = nl ? nl + 1 : end;
		}
		if (memmem(p, (size_t)(le - p), "<pre", 4) ||
		    memmem(p, (size_t)(le - p), "<textarea", 9))
			verbatim = 1;
		if (memmem(p, (size_t)(le - p), "</pre>", 6) ||
		    memmem(p, (size_t)(le - p), "</textarea>", 11))
			verbatim = 0;
		p = le;
	}
	*o = '\0';
	return out;
}

static NEOERR *
load_stripped(void *ctx, HDF *hdf, const char *name, char **contents)
{
	char path[4096], *raw = NULL;
	NEOERR *err;

	(void)ctx;
	if ((err = hdf_search_path(hdf, name, path)) != STATUS_OK)
		return nerr_pass(err);
	if ((err = ne_load_file(path, &raw)) != STATUS_OK)
		return nerr_pass(err);
	*contents = strip_html(raw, strlen(raw));
	free(raw);
	if (*contents == NULL)
		return nerr_raise(NERR_NOMEM, "strip %s", path);
	return STATUS_OK;
}

static NEOERR *
render_cb(void *ctx, char *s)
{
	buf_puts(ctx, s);
	return STATUS_OK;
}

/* url_path(s) in templates: s as an absolute path for a URL (url.h).
 * The result is still HTML-escaped by var: (VarEscapeMode). */
static NEOERR *
cs_url_path(const char *in, char **out)
{
	struct buf b = { 0 };

	url_path(&b, in);
	*out = strdup(b.data ? b.data : "/");
	buf_free(&b);
	return *out ? STATUS_OK : nerr_raise(NERR_NOMEM, "url_path");
}

static CSPARSE *load(enum lang, const char *, enum tmpl_flags);

/* A fragment name: a path under the template directory without "..". */
static int
frag_name_ok(const char *name)
{
	return *name && strspn(name, "abcdefghijklmnopqrstuvwxyz0123456789_/") ==
	    strlen(name) && strstr(name, "//") == NULL && *name != '/';
}

/* The rendering of fragment name with key in language l (flags
 * TMPL_BARE or TMPL_TEXT), from the table or rendered now; NULL on error
 * (logged). */
static const char *
fragment(enum lang l, const char *name, enum tmpl_flags flags,
    const char *key)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	struct frag *f;
	CS_LOCAL_MAP local;
	CSPARSE *cs;
	struct buf out = { 0 };
	NEOERR *err;

	for (const char *p = name; *p; p++)
		h = (h ^ (unsigned char)*p) * 0x100000001b3ULL;
	h = (h ^ (0xf0 | (unsigned)flags)) * 0x100000001b3ULL;
	for (const char *p = key; *p; p++)
		h = (h ^ (unsigned char)*p) * 0x100000001b3ULL;
	f = &frags[(h * LANG__MAX + (uint64_t)l) % FRAG_SLOTS];
	if (f->gen == frag_gen && f->lang == (int)l && f->flags == flags &&
	    strcmp(f->name, name) == 0 && strcmp(f->key, key) == 0)
		return f->html;
	if ((cs = load(l, name, flags)) == NULL)
		return NULL;
	/* The key is the fragment's local variable `key`. */
	memset(&local, 0, sizeof(local));
	local.type = CS_TYPE_STRING;
	local.name = (char *)"key";
	local.s = (char *)key;
	cs->locals = &local;
	err = cs_render(cs, &out, render_cb);
	cs->locals = NULL;
	if (neo_check(err, name) < 0) {
		buf_free(&out);
		return NULL;
	}
	free(f->name);
	free(f->key);
	free(f->html);
	f->gen = frag_gen;
	f->lang = (int)l;
	f->flags = flags;
	f->name = strdup(name);
	f->key = strdup(key);
	f->html = out.data ? out.data : strdup("");	/* the slot owns it */
	if (f->name == NULL || f->key == NULL || f->html == NULL)
		log_fatal("tmpl: out of memory");
	return f->html;
}

/* fragment(name, key) in templates: see tmpl.h. */
static NEOERR *
cs_fragment(CSPARSE *parse, CS_FUNCTION *csf, CSARG *args, CSARG *result)
{
	char *name = NULL, *key = NULL;
	const char *html = NULL;
	NEOERR *err;
	int l;

	(void)csf;
	result->op_type = CS_TYPE_STRING;
	result->s = (char *)"";
	if ((err = cs_arg_parse(parse, args, "ss", &name, &key)) != STATUS_OK)
		return nerr_pass(err);
	for (l = 0; l < LANG__MAX && langs[l].hdf != parse->hdf; l++)
		;
	if (l < LANG__MAX && name != NULL && frag_name_ok(name))
		html = fragment((enum lang)l, name, TMPL_BARE, key ? key : "");
	else
		log_error("templates: bad fragment %s", name ? name : "(null)");
	free(name);
	free(key);
	if (html == NULL)
		return nerr_raise(NERR_ASSERT, "fragment failed");
	/* The table keeps it until the next fragment() of its slot, after
	 * this value is printed. */
	result->s = (char *)html;
	return STATUS_OK;
}

const char *
tmpl_memo(enum lang l, const char *name, enum tmpl_flags flags,
    const char *key)
{
	if (flags == TMPL_PAGE || !frag_name_ok(name)) {
		log_error("templates: bad memo %s", name);
		return NULL;
	}
	return fragment(l, name, flags, key);
}

/* Parses name (+ layout) once per language; NULL on error (logged). */
static CSPARSE *
load(enum lang l, const char *name, enum tmpl_flags flags)
{
	HDF *h = langs[l].hdf;
	struct cached *c;
	CSPARSE *cs = NULL;
	char path[512];

	for (size_t i = 0; i < langs[l].ncache; i++)
		if (langs[l].cache[i].flags == flags &&
		    strcmp(langs[l].cache[i].name, name) == 0)
			return langs[l].cache[i].cs;
	/* The escape mode is read by cs_init(): text templates get a parse
	 * made while it is "none", everything else while it is "html". */
	if (flags == TMPL_TEXT)
		hdf_put(h, "Config.VarEscapeMode", "none");
	if (neo_check(cs_init(&cs, h), "cs_init") < 0)
		goto fail;
	if (neo_check(cgi_register_strfuncs(cs), "cgi_register_strfuncs") < 0 ||
	    neo_check(cs_register_strfunc(cs, "url_path", cs_url_path),
	    "url_path") < 0 ||
	    neo_check(cs_register_function(cs, "fragment", 2, cs_fragment),
	    "fragment") < 0)
		goto fail;
	if (flags != TMPL_TEXT)
		cs_register_fileload(cs, NULL, load_stripped);
	snprintf(path, sizeof(path), "%s.cs", name);
	if (neo_check(cs_parse_file(cs, path), path) < 0)
		goto fail;
	if (flags == TMPL_PAGE &&
	    neo_check(cs_parse_file(cs, "layout.cs"), "layout.cs") < 0)
		goto fail;
	hdf_put(h, "Config.VarEscapeMode", "html");
	if (langs[l].ncache == langs[l].capcache) {
		size_t cap = langs[l].capcache ? langs[l].capcache * 2 : 16;
		void *p = realloc(langs[l].cache, cap * sizeof(*c));
		if (p == NULL)
			goto fail;
		langs[l].cache = p;
		langs[l].capcache = cap;
	}
	c = &langs[l].cache[langs[l].ncache++];
	c->name = strdup(name);
	c->flags = flags;
	c->cs = cs;
	if (c->name == NULL)
		log_fatal("tmpl: out of memory");
	return cs;
fail:
	hdf_put(h, "Config.VarEscapeMode", "html");
	if (cs != NULL)
		cs_destroy(&cs);
	return NULL;
}

int
tmpl_render(enum lang l, const char *name, enum tmpl_flags flags,
    struct buf *out)
{
	CSPARSE *cs = load(l, name, flags);

	if (cs == NULL)
		return -1;
	return neo_check(cs_render(cs, out, render_cb), name);
}

void
tmpl_clear(enum lang l)
{
	hdf_drop(langs[l].hdf, "Page");
	hdf_drop(langs[l].hdf, "Req");
}
