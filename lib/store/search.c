/* search.c — see search.h. */
#include <string.h>

#include "buf.h"
#include "search.h"

/* Bytes that make up words: ASCII letters and digits, and every byte of
 * a non-ASCII character.  A table: the snippet and mark scans test every
 * byte of each result's name and description. */
static const unsigned char word_bytes[256] = {
	['0' ... '9'] = 1, ['A' ... 'Z'] = 1, ['a' ... 'z'] = 1,
	[0x80 ... 0xFF] = 1,
};

static int
word_byte(unsigned char c)
{
	return word_bytes[c];
}

void
search_split(struct arena *a, const char *s, struct search_words *out)
{
	out->n = 0;
	while (*s && out->n < SEARCH_MAX_WORDS) {
		const char *start;
		char *w;
		size_t len;

		while (*s && !word_byte((unsigned char)*s))
			s++;
		start = s;
		while (*s && word_byte((unsigned char)*s))
			s++;
		if ((len = (size_t)(s - start)) == 0)
			break;
		if (len > 64)
			len = 64;	/* no word is longer; keeps UTF-8 whole below */
		while (len > 0 && ((unsigned char)start[len] & 0xC0) == 0x80 &&
		    (size_t)(s - start) > len)
			len--;
		if (len == 0)
			continue;	/* only stray continuation bytes */
		w = arena_strndup(a, start, len);
		for (char *p = w; *p; p++)
			if (*p >= 'A' && *p <= 'Z')
				*p = (char)(*p - 'A' + 'a');
		out->w[out->n++] = w;
	}
}

int
search_fts(struct arena *a, const struct search_words *sw, struct search_fts *f)
{
	struct buf b = { 0 };

	if (sw->n == 0)
		return -1;
	for (size_t i = 0; i < sw->n; i++) {
		/* Words hold no '"' (search_split drops it), so quoting is safe.
		 * Only the last word is a prefix: it is the one being typed,
		 * and prefix terms cost FTS5 a merge of every matching term. */
		buf_printf(&b, "%s\"%s\"%s", i ? " " : "", sw->w[i],
		    i + 1 == sw->n ? "*" : "");
	}
	f->all = arena_strdup(a, b.data);
	f->names = arena_printf(a, "{name} : (%s)", f->all);
	f->rest = arena_printf(a, "(%s) NOT %s", f->all, f->names);
	buf_free(&b);
	return 0;
}

/* Folds one character of s (ASCII case, UTF-8 Latin-1 accented letters) to
 * a lower-case ASCII letter when it has one; returns bytes consumed and
 * the folded byte in *out (0 when the character has no ASCII fold). */
static size_t
fold(const char *s, char *out)
{
	static const char latin1[64] =		/* U+00C0 .. U+00FF */
	    "aaaaaaaceeeeiiii" "dnooooo\0ouuuuyts"
	    "aaaaaaaceeeeiiii" "dnooooo\0ouuuuyty";
	unsigned char c = (unsigned char)s[0];

	if (c < 0x80) {
		*out = (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
		return 1;
	}
	if (c == 0xC3 && ((unsigned char)s[1] & 0xC0) == 0x80) {
		*out = latin1[(unsigned char)s[1] & 0x3F];
		return 2;
	}
	*out = 0;
	return 1;
}

/* 1 when the word starting at text (length n bytes) begins with w. */
static int
starts_with_folded(const char *text, size_t n, const char *w)
{
	size_t i = 0;

	while (*w) {
		char ct, cw;
		size_t k;

		if (i >= n)
			return 0;
		k = fold(text + i, &ct);
		fold(w, &cw);
		if (ct == 0 || cw == 0) {
			/* Neither folds: compare the raw bytes. */
			if (strncmp(text + i, w, k) != 0)
				return 0;
			w += k;
		} else {
			if (ct != cw)
				return 0;
			w += fold(w, &cw);
		}
		i += k;
	}
	return 1;
}

/* 1 when the word at t (n bytes) starts with one of the searched words.
 * A word whose first byte is ASCII and differs from the text's folded
 * first character cannot match: most words of a text are told apart
 * there without the full comparison. */
static int
word_matches(const char *t, size_t n, const struct search_words *sw)
{
	char first;

	fold(t, &first);
	for (size_t i = 0; i < sw->n; i++) {
		unsigned char w0 = (unsigned char)sw->w[i][0];
		if (first != 0 && w0 < 0x80 && (char)w0 != first)
			continue;
		if (starts_with_folded(t, n, sw->w[i]))
			return 1;
	}
	return 0;
}

/* Appends text[from, to) to b, marking matching words. */
static void
mark_span(struct buf *b, const char *text, size_t from, size_t to,
    const struct search_words *sw)
{
	size_t i = from;

	while (i < to) {
		size_t j = i;
		if (word_byte((unsigned char)text[i])) {
			while (j < to && word_byte((unsigned char)text[j]))
				j++;
			if (word_matches(text + i, j - i, sw)) {
				buf_putc(b, '\001');
				buf_put(b, text + i, j - i);
				buf_putc(b, '\002');
			} else
				buf_put(b, text + i, j - i);
		} else {
			while (j < to && !word_byte((unsigned char)text[j]))
				j++;
			buf_put(b, text + i, j - i);
		}
		i = j;
	}
}

char *
search_mark(struct arena *a, const char *text, const struct search_words *sw)
{
	struct buf b = { 0 };
	char *out;

	mark_span(&b, text, 0, strlen(text), sw);
	out = arena_strdup(a, b.data ? b.data : "");
	buf_free(&b);
	return out;
}

char *
search_snippet(struct arena *a, const char *text, const struct search_words *sw,
    size_t words)
{
	size_t n = strlen(text), starts[512], nw = 0, first = (size_t)-1;
	size_t from, to, lo, hi;
	struct buf b = { 0 };
	char *out;

	/* Word starts, and the first matching word; the scan stops once it
	 * has the words the excerpt shows and one more (is it cut?). */
	for (size_t i = 0; i < n && nw < 512; ) {
		if (first != (size_t)-1 && nw > (first > words / 3 ?
		    first - words / 3 : 0) + words)
			break;
		if (!word_byte((unsigned char)text[i])) {
			i++;
			continue;
		}
		size_t j = i;
		while (j < n && word_byte((unsigned char)text[j]))
			j++;
		if (first == (size_t)-1 && word_matches(text + i, j - i, sw))
			first = nw;
		starts[nw++] = i;
		i = j;
	}
	if (first == (size_t)-1)
		return "";
	lo = first > words / 3 ? first - words / 3 : 0;
	hi = lo + words < nw ? lo + words : nw;
	from = starts[lo];
	to = hi < nw ? starts[hi] : n;
	while (to > from && (text[to - 1] == ' ' || text[to - 1] == '\n'))
		to--;
	if (lo > 0)
		buf_puts(&b, "… ");
	mark_span(&b, text, from, to, sw);
	if (to < n)
		buf_puts(&b, " …");
	for (char *p = b.data; p && *p; p++)
		if (*p == '\n' || *p == '\r')
			*p = ' ';
	out = arena_strdup(a, b.data);
	buf_free(&b);
	return out;
}

size_t
edit_distance(const char *a, const char *b, size_t max)
{
	/* Optimal string alignment: Levenshtein plus adjacent transpositions
	 * ("nigths" is one typo from "nights"), with three rolling rows. */
	size_t la = strlen(a), lb = strlen(b), r0[72], r1[72], r2[72], i, j;
	size_t *pp = r0, *prev = r1, *cur = r2;

	if (la > 64 || lb > 64)
		return max + 1;
	if ((la > lb ? la - lb : lb - la) > max)
		return max + 1;
	for (j = 0; j <= lb; j++)
		prev[j] = j;
	for (i = 1; i <= la; i++) {
		size_t best, *t;

		cur[0] = best = i;
		for (j = 1; j <= lb; j++) {
			size_t cost = a[i - 1] != b[j - 1];
			size_t v = prev[j - 1] + cost;
			if (prev[j] + 1 < v)
				v = prev[j] + 1;
			if (cur[j - 1] + 1 < v)
				v = cur[j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && pp[j - 2] + 1 < v)
				v = pp[j - 2] + 1;
			cur[j] = v;
			if (v < best)
				best = v;
		}
		if (best > max)
			return max + 1;
		t = pp;
		pp = prev;
		prev = cur;
		cur = t;
	}
	return prev[lb] > max ? max + 1 : prev[lb];
}
