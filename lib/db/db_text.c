/* db_text.c — see db_text.h. */
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "buf.h"
#include "db_text.h"
#include "log.h"

/* Byte length of the UTF-8 character at s (1-4), or 0 when s does not
 * start a valid one. */
static size_t
utf8_char(const unsigned char *s)
{
	size_t n = s[0] < 0x80 ? 1 : (s[0] & 0xE0) == 0xC0 ? 2 :
	    (s[0] & 0xF0) == 0xE0 ? 3 : (s[0] & 0xF8) == 0xF0 ? 4 : 0;

	for (size_t i = 1; i < n; i++)
		if ((s[i] & 0xC0) != 0x80)
			return 0;
	return n;
}

/* Appends to out the key of the characters of the prefix at offsets
 * off[0..n) (lengths len[]) without characters skip1 and skip2, unless an
 * equal key is there already. */
static void
add_key(const char *term, const size_t *off, const size_t *len, size_t n,
    size_t skip1, size_t skip2, int dels, struct db_typo_key *out, size_t *nout)
{
	struct db_typo_key k;
	size_t o = 0;

	for (size_t i = 0; i < n; i++) {
		if (i == skip1 || i == skip2)
			continue;
		memcpy(k.key + o, term + off[i], len[i]);
		o += len[i];
	}
	k.key[o] = '\0';
	k.dels = dels;
	for (size_t i = 0; i < *nout; i++)
		if (strcmp(out[i].key, k.key) == 0)
			return;	/* the same key with fewer deletions came first */
	out[(*nout)++] = k;
}

size_t
db_typo_keys(const char *term, int maxdel, struct db_typo_key *out)
{
	size_t off[DB_TYPO_PREFIX], len[DB_TYPO_PREFIX], n = 0, bytes, nout = 0;
	const unsigned char *s = (const unsigned char *)term;
	int digits = 1;

	bytes = strlen(term);
	if (bytes < DB_TYPO_MINLEN || bytes > DB_TYPO_MAXLEN)
		return 0;
	for (size_t i = 0; i < bytes; ) {
		size_t k = utf8_char(s + i);
		if (k == 0)
			return 0;
		if (!(k == 1 && s[i] >= '0' && s[i] <= '9'))
			digits = 0;
		if (n < DB_TYPO_PREFIX) {
			off[n] = i;
			len[n++] = k;
		}
		i += k;
	}
	if (digits)
		return 0;	/* numbers (ids, years) are not corrected */
	if (maxdel > DB_TYPO_MAXDEL)
		maxdel = DB_TYPO_MAXDEL;
	add_key(term, off, len, n, n, n, 0, out, &nout);
	for (size_t i = 0; maxdel >= 1 && i < n; i++)
		add_key(term, off, len, n, i, n, 1, out, &nout);
	for (size_t i = 0; maxdel >= 2 && i < n; i++)
		for (size_t j = i + 1; j < n; j++)
			add_key(term, off, len, n, i, j, 2, out, &nout);
	return nout;
}

/* Appends s as a JSON string. */
static void
json_str(struct buf *b, const char *s, size_t n)
{
	buf_putc(b, '"');
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '"' || c == '\\')
			buf_printf(b, "\\%c", c);
		else if (c < 0x20)
			buf_printf(b, "\\u%04x", c);
		else
			buf_putc(b, (char)c);
	}
	buf_putc(b, '"');
}

/* -- souk_terms ---------------------------------------------------------- */

/* The full-text index's tokenizer, made once per connection. */
struct terms_ctx {
	fts5_tokenizer	 api;
	Fts5Tokenizer	*tok;
};

struct term_list {
	char	**v;
	size_t	  n, cap;
	int	  oom;
};

static int
on_token(void *arg, int flags, const char *tok, int n, int start, int end)
{
	struct term_list *l = arg;
	char *t;

	(void)flags;
	(void)start;
	(void)end;
	if (l->n == l->cap) {
		size_t cap = l->cap ? 2 * l->cap : 64;
		char **v = realloc(l->v, cap * sizeof(*v));
		if (v == NULL)
			return SQLITE_NOMEM;
		l->v = v;
		l->cap = cap;
	}
	if ((t = malloc((size_t)n + 1)) == NULL)
		return SQLITE_NOMEM;
	memcpy(t, tok, (size_t)n);
	t[n] = '\0';
	l->v[l->n++] = t;
	return SQLITE_OK;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
terms_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct terms_ctx *tc = sqlite3_user_data(ctx);
	struct term_list l = { 0 };
	struct buf b = { 0 };
	int rc = SQLITE_OK;

	for (int i = 0; i < argc && rc == SQLITE_OK; i++) {
		const char *t = (const char *)sqlite3_value_text(argv[i]);
		if (t != NULL)
			rc = tc->api.xTokenize(tc->tok, &l, FTS5_TOKENIZE_DOCUMENT,
			    t, sqlite3_value_bytes(argv[i]), on_token);
	}
	if (rc != SQLITE_OK) {
		sqlite3_result_error_code(ctx, rc);
		goto out;
	}
	if (l.n > 0)
		qsort(l.v, l.n, sizeof(*l.v), cmp_str);
	buf_putc(&b, '[');
	for (size_t i = 0, k = 0; i < l.n; i++) {
		if (i > 0 && strcmp(l.v[i], l.v[i - 1]) == 0)
			continue;
		if (k++)
			buf_putc(&b, ',');
		json_str(&b, l.v[i], strlen(l.v[i]));
	}
	buf_putc(&b, ']');
	sqlite3_result_text(ctx, b.data, (int)b.len, SQLITE_TRANSIENT);
out:
	for (size_t i = 0; i < l.n; i++)
		free(l.v[i]);
	free(l.v);
	buf_free(&b);
}

static void
terms_free(void *p)
{
	struct terms_ctx *tc = p;

	if (tc->tok != NULL)
		tc->api.xDelete(tc->tok);
	free(tc);
}

/* -- souk_typo_keys ------------------------------------------------------ */

static void
typo_keys_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *term = (const char *)sqlite3_value_text(argv[0]);
	struct db_typo_key keys[DB_TYPO_KEYS];
	struct buf b = { 0 };
	size_t n;

	(void)argc;
	n = term ? db_typo_keys(term, DB_TYPO_MAXDEL, keys) : 0;
	buf_putc(&b, '[');
	for (size_t i = 0; i < n; i++) {
		buf_puts(&b, i ? ",[" : "[");
		json_str(&b, keys[i].key, strlen(keys[i].key));
		buf_printf(&b, ",%d]", keys[i].dels);
	}
	buf_putc(&b, ']');
	sqlite3_result_text(ctx, b.data, (int)b.len, SQLITE_TRANSIENT);
	buf_free(&b);
}

/* -- souk_rank ----------------------------------------------------------- */

#define RANK_PHRASES	16
#define BM25_K1		1.2
#define BM25_B		0.75

/* Relevance of the current row (see db_text.h).  Only the name column
 * (column 0) counts.  BM25's term-frequency and length parts are kept; its
 * IDF factor is left out: every row ranked here holds every searched
 * phrase in its name, so the phrases are the same for all of them and,
 * with each occurring once (the usual case), the IDF sum is one constant
 * factor.  The average row length is read once per query. */
static void
rank_fn(const Fts5ExtensionApi *x, Fts5Context *f, sqlite3_context *ctx,
    int argc, sqlite3_value **argv)
{
	int phrases = x->xPhraseCount(f), ninst, dl, hits[RANK_PHRASES] = { 0 };
	double *avgdl, score = 0;

	(void)argc;
	(void)argv;
	if (phrases > RANK_PHRASES)
		phrases = RANK_PHRASES;
	if (x->xInstCount(f, &ninst) != SQLITE_OK)
		goto fail;
	for (int i = 0; i < ninst; i++) {
		int ph, col, off;
		if (x->xInst(f, i, &ph, &col, &off) != SQLITE_OK)
			goto fail;
		if (col == 0 && ph < RANK_PHRASES)
			hits[ph]++;
	}
	for (int p = 0; p < phrases; p++)
		if (hits[p] == 0) {
			sqlite3_result_double(ctx, 0);
			return;
		}
	if ((avgdl = x->xGetAuxdata(f, 0)) == NULL) {
		sqlite3_int64 rows = 0, tokens = 0;
		if ((avgdl = sqlite3_malloc(sizeof(*avgdl))) == NULL) {
			sqlite3_result_error_nomem(ctx);
			return;
		}
		if (x->xRowCount(f, &rows) != SQLITE_OK ||
		    x->xColumnTotalSize(f, -1, &tokens) != SQLITE_OK) {
			sqlite3_free(avgdl);
			goto fail;
		}
		*avgdl = rows > 0 && tokens > 0 ? (double)tokens / (double)rows : 1;
		if (x->xSetAuxdata(f, avgdl, sqlite3_free) != SQLITE_OK)
			goto fail;
	}
	if (x->xColumnSize(f, -1, &dl) != SQLITE_OK)
		goto fail;
	for (int p = 0; p < phrases; p++)
		score += hits[p] * (BM25_K1 + 1) / (hits[p] + BM25_K1 *
		    (1 - BM25_B + BM25_B * dl / *avgdl));
	sqlite3_result_double(ctx, -score);
	return;
fail:
	sqlite3_result_error(ctx, "souk_rank: cannot read the match", -1);
}

/* -- registration -------------------------------------------------------- */

static fts5_api *
fts5_of(sqlite3 *h)
{
	fts5_api *api = NULL;
	sqlite3_stmt *st;

	if (sqlite3_prepare_v2(h, "SELECT fts5(?1)", -1, &st, NULL) != SQLITE_OK)
		return NULL;
	sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
	sqlite3_step(st);
	sqlite3_finalize(st);
	return api;
}

int
db_text_register(sqlite3 *h)
{
	/* The tokenizer of products_fts (schema.sql), argument for argument. */
	static const char *args[] = { "remove_diacritics", "2" };
	const int fl = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
	fts5_api *api = fts5_of(h);
	struct terms_ctx *tc;
	void *ud;

	if (api == NULL || api->iVersion < 2) {
		log_error("db: this SQLite has no FTS5");
		return -1;
	}
	if ((tc = calloc(1, sizeof(*tc))) == NULL)
		return -1;
	if (api->xFindTokenizer(api, "unicode61", &ud, &tc->api) != SQLITE_OK ||
	    tc->api.xCreate(ud, args, 2, &tc->tok) != SQLITE_OK) {
		log_error("db: no unicode61 tokenizer");
		free(tc);
		return -1;
	}
	/* On failure sqlite3_create_function_v2 calls terms_free itself. */
	if (sqlite3_create_function_v2(h, "souk_terms", -1, fl, tc, terms_fn,
	    NULL, NULL, terms_free) != SQLITE_OK ||
	    sqlite3_create_function_v2(h, "souk_typo_keys", 1, fl, NULL,
	    typo_keys_fn, NULL, NULL, NULL) != SQLITE_OK ||
	    api->xCreateFunction(api, "souk_rank", NULL, rank_fn, NULL) !=
	    SQLITE_OK) {
		log_error("db: cannot register functions: %s", sqlite3_errmsg(h));
		return -1;
	}
	return 0;
}
