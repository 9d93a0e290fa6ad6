/* test_search.c — turning a shopper's text into a safe FTS5 query, and
 * the edit distance behind typo correction. */
#include "search.h"
#include "t.h"

/* The words of s joined by '|'. */
static const char *
split(struct arena *a, const char *s)
{
	struct search_words w;
	static char out[1024];

	search_split(a, s, &w);
	*out = '\0';
	for (size_t i = 0; i < w.n; i++) {
		if (i)
			strcat(out, "|");
		strcat(out, w.w[i]);
	}
	return out;
}

TEST(search_split_words)
{
	struct arena a;

	arena_init(&a, 0);
	CHECK_STR(split(&a, ""), "");
	CHECK_STR(split(&a, "   "), "");
	CHECK_STR(split(&a, "!!!"), "");
	CHECK_STR(split(&a, "Netflix"), "netflix");
	CHECK_STR(split(&a, "  Gold 4K   IPTV  "), "gold|4k|iptv");
	CHECK_STR(split(&a, "name:netflix"), "name|netflix");
	CHECK_STR(split(&a, "NEAR(a b)"), "near|a|b");
	CHECK_STR(split(&a, "\"x\"y*^z-w"), "x|y|z|w");
	CHECK_STR(split(&a, "' OR 1=1 --"), "or|1|1");
	/* Non-ASCII letters are kept whole (FTS5 folds them). */
	CHECK_STR(split(&a, "S\xc3\xa9rie \xc3\x89t\xc3\xa9"),
	    "s\xc3\xa9rie|\xc3\x89t\xc3\xa9");
	/* Stray continuation bytes never make an empty word ("" is FTS5
	 * syntax); requests are UTF-8-checked before, this is belt and
	 * braces. */
	CHECK_STR(split(&a, "&J& \x80\x80\x80 k"), "j|\x80\x80\x80|k");
	/* At most SEARCH_MAX_WORDS words. */
	CHECK_STR(split(&a, "a b c d e f g h i j"), "a|b|c|d|e|f|g|h");
	arena_free(&a);
}

TEST(search_split_cuts_long_words_on_characters)
{
	struct arena a;
	char s[200];
	struct search_words w;

	arena_init(&a, 0);
	memset(s, 'x', 100);
	s[100] = '\0';
	search_split(&a, s, &w);
	CHECK_INT(w.n, 1);
	CHECK_INT(strlen(w.w[0]), 64);
	/* 63 ASCII bytes then 'é': cutting at 64 would split it. */
	memset(s, 'x', 63);
	strcpy(s + 63, "\xc3\xa9yyy");
	search_split(&a, s, &w);
	CHECK_INT(strlen(w.w[0]), 63);
	memset(s, '\x80', 100);
	s[100] = '\0';
	search_split(&a, s, &w);
	CHECK_INT(w.n, 0);
	arena_free(&a);
}

TEST(search_fts_quotes_every_word)
{
	struct arena a;
	struct search_words w;
	struct search_fts f;

	arena_init(&a, 0);
	search_split(&a, "", &w);
	CHECK_INT(search_fts(&a, &w, &f), -1);
	search_split(&a, "Netflix abo", &w);
	CHECK_INT(search_fts(&a, &w, &f), 0);
	/* Every word complete but the last, which is being typed. */
	CHECK_STR(f.all, "\"netflix\" \"abo\"*");
	CHECK_STR(f.names, "{name} : (\"netflix\" \"abo\"*)");
	CHECK_STR(f.rest, "(\"netflix\" \"abo\"*) NOT {name} : "
	    "(\"netflix\" \"abo\"*)");
	/* Nothing the shopper types becomes FTS5 syntax. */
	search_split(&a, "a\" OR \"b NOT c* NEAR(d) {e}:f ^g", &w);
	CHECK_INT(search_fts(&a, &w, &f), 0);
	CHECK_STR(f.all, "\"a\" \"or\" \"b\" \"not\" \"c\" \"near\" \"d\" \"e\"*");
	arena_free(&a);
}

/* \1..\2 marks shown as [..] for readable expectations. */
static const char *
brackets(char *s)
{
	for (char *p = s; *p; p++)
		*p = *p == '\001' ? '[' : *p == '\002' ? ']' : *p;
	return s;
}

TEST(search_mark_words_and_accents)
{
	struct arena a;
	struct search_words w;

	arena_init(&a, 0);
	search_split(&a, "olive gro", &w);
	CHECK_STR(brackets(search_mark(&a, "The Olive Grove — Season 1", &w)),
	    "The [Olive] [Grove] — Season 1");
	search_split(&a, "serie", &w);
	CHECK_STR(brackets(search_mark(&a, "Une S\xc3\xa9rie, des s\xc3\xa9ries", &w)),
	    "Une [S\xc3\xa9rie], des [s\xc3\xa9ries]");
	search_split(&a, "\xc3\xa9t\xc3\xa9", &w);
	CHECK_STR(brackets(search_mark(&a, "Ete ETE \xc3\x89t\xc3\xa9", &w)),
	    "[Ete] [ETE] [\xc3\x89t\xc3\xa9]");
	/* A word is marked only from its start. */
	search_split(&a, "live", &w);
	CHECK_STR(brackets(search_mark(&a, "Olive live", &w)), "Olive [live]");
	arena_free(&a);
}

TEST(search_snippet_window)
{
	struct arena a;
	struct search_words w;
	const char *text = "one two three four five six seven eight nine ten "
	    "eleven twelve target thirteen fourteen fifteen sixteen seventeen "
	    "eighteen nineteen twenty";

	arena_init(&a, 0);
	search_split(&a, "target", &w);
	CHECK_STR(brackets(search_snippet(&a, text, &w, 6)),
	    "\xe2\x80\xa6 eleven twelve [target] thirteen fourteen fifteen \xe2\x80\xa6");
	search_split(&a, "one", &w);
	CHECK_STR(brackets(search_snippet(&a, "one two\nthree", &w, 6)),
	    "[one] two three");
	search_split(&a, "absent", &w);
	CHECK_STR(search_snippet(&a, text, &w, 6), "");
	arena_free(&a);
}

TEST(edit_distance_cases)
{
	CHECK_INT(edit_distance("", "", 2), 0);
	CHECK_INT(edit_distance("netflix", "netflix", 2), 0);
	CHECK_INT(edit_distance("netflx", "netflix", 2), 1);	/* insertion */
	CHECK_INT(edit_distance("netflixx", "netflix", 2), 1);	/* deletion */
	CHECK_INT(edit_distance("netflax", "netflix", 2), 1);	/* substitution */
	CHECK_INT(edit_distance("nigths", "nights", 2), 1);	/* transposition */
	CHECK_INT(edit_distance("ab", "ba", 2), 1);
	CHECK_INT(edit_distance("medna", "medina", 2), 1);
	CHECK_INT(edit_distance("kitten", "sitting", 5), 3);
	/* Optimal string alignment: no edit of a transposed pair. */
	CHECK_INT(edit_distance("ca", "abc", 5), 3);
	CHECK_INT(edit_distance("", "abc", 5), 3);
	CHECK_INT(edit_distance("abc", "", 5), 3);
	/* Bytes, not characters: é is two. */
	CHECK_INT(edit_distance("cafe", "caf\xc3\xa9", 5), 2);
}

TEST(edit_distance_cut_off)
{
	char a[80], b[80];

	/* Beyond max the answer is max + 1, whatever the true distance. */
	CHECK_INT(edit_distance("abcdef", "uvwxyz", 2), 3);
	CHECK_INT(edit_distance("kitten", "sitting", 2), 3);
	CHECK_INT(edit_distance("kitten", "sitting", 3), 3);
	CHECK_INT(edit_distance("a", "abcd", 1), 2);		/* lengths alone */
	CHECK_INT(edit_distance("abc", "abc", 0), 0);
	CHECK_INT(edit_distance("abc", "abd", 0), 1);
	/* A row minimum above max stops early, but a transposition two
	 * rows later cannot undo that: these stay exact. */
	CHECK_INT(edit_distance("abdc", "abcd", 1), 1);
	CHECK_INT(edit_distance("bacd", "abdc", 2), 2);
	/* Words longer than 64 bytes are never close. */
	memset(a, 'a', 65);
	a[65] = '\0';
	memcpy(b, a, 66);
	CHECK_INT(edit_distance(a, b, 2), 3);
	a[64] = '\0';
	b[64] = '\0';
	CHECK_INT(edit_distance(a, b, 2), 0);
	b[10] = 'b';
	CHECK_INT(edit_distance(a, b, 2), 1);
}
