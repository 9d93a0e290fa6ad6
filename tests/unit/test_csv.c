/* test_csv.c — the RFC 4180 reader behind soukctl import-products. */
#include "csv.h"
#include "t.h"

struct reader {
	struct arena	 a;
	struct csv	 c;
	struct csv_record r;
	const char	*err;
};

static void
open_csv(struct reader *rd, const char *text, size_t len)
{
	arena_init(&rd->a, 0);
	csv_init(&rd->c, text, len);
	rd->err = NULL;
}

static int
next(struct reader *rd)
{
	return csv_next(&rd->c, &rd->a, &rd->r, &rd->err);
}

TEST(csv_plain_records_and_line_ends)
{
	const char *t = "slug,name,price\r\na,Alpha,1.5\nb,,2\r\n\r\n\nc,Gamma,";
	struct reader rd;

	open_csv(&rd, t, strlen(t));
	CHECK_INT(next(&rd), 1);
	CHECK_INT(rd.r.n, 3);
	CHECK_STR(rd.r.f[2], "price");
	CHECK_INT(rd.r.line, 1);
	CHECK_INT(next(&rd), 1);
	CHECK_STR(rd.r.f[0], "a");
	CHECK_STR(rd.r.f[2], "1.5");
	CHECK_INT(rd.r.line, 2);
	CHECK_INT(next(&rd), 1);
	CHECK_STR(rd.r.f[1], "");		/* empty field */
	CHECK_INT(rd.r.line, 3);
	CHECK_INT(next(&rd), 1);		/* blank lines skipped */
	CHECK_INT(rd.r.line, 6);
	CHECK_INT(rd.r.n, 3);			/* trailing comma: empty field */
	CHECK_STR(rd.r.f[2], "");
	CHECK_INT(next(&rd), 0);		/* no newline at the end: fine */
	CHECK_INT(next(&rd), 0);
	arena_free(&rd.a);
}

TEST(csv_quotes)
{
	const char *t = "\"a,b\",\"say \"\"hi\"\"\",\"\",\"multi\nline\r\nfield\",x\n"
	    "\"\"\"\",next\n";
	struct reader rd;

	open_csv(&rd, t, strlen(t));
	CHECK_INT(next(&rd), 1);
	CHECK_INT(rd.r.n, 5);
	CHECK_STR(rd.r.f[0], "a,b");
	CHECK_STR(rd.r.f[1], "say \"hi\"");
	CHECK_STR(rd.r.f[2], "");
	CHECK_STR(rd.r.f[3], "multi\nline\r\nfield");
	CHECK_STR(rd.r.f[4], "x");
	CHECK_INT(rd.r.line, 1);
	CHECK_INT(next(&rd), 1);
	CHECK_STR(rd.r.f[0], "\"");
	CHECK_INT(rd.r.line, 4);		/* newlines in quotes count */
	CHECK_INT(next(&rd), 0);
	arena_free(&rd.a);
}

TEST(csv_bom_and_utf8)
{
	const char *t = "\xef\xbb\xbfslug,name\nx,Caf\xc3\xa9\n";
	struct reader rd;

	open_csv(&rd, t, strlen(t));
	CHECK_INT(next(&rd), 1);
	CHECK_STR(rd.r.f[0], "slug");		/* the BOM is not in the name */
	CHECK_INT(next(&rd), 1);
	CHECK_STR(rd.r.f[1], "Caf\xc3\xa9");
	arena_free(&rd.a);
	open_csv(&rd, "\xef\xbb\xbf", 3);
	CHECK_INT(next(&rd), 0);
	arena_free(&rd.a);
	open_csv(&rd, "", 0);
	CHECK_INT(next(&rd), 0);
	arena_free(&rd.a);
}

TEST(csv_errors_and_resync)
{
	const char *t = "ok,1\n"
	    "a\"b,2\n"			/* line 2: quote in an unquoted field */
	    "\"x\"y,3\n"		/* line 3: text after the closing quote */
	    "good,4\n"			/* line 4 */
	    "\"open\nstill,5\n";	/* line 5: never closed */
	struct reader rd;

	open_csv(&rd, t, strlen(t));
	CHECK_INT(next(&rd), 1);
	CHECK_INT(next(&rd), -1);
	CHECK_STR(rd.err, "a quote inside an unquoted field");
	CHECK_INT(rd.r.line, 2);
	CHECK_INT(next(&rd), -1);
	CHECK_STR(rd.err, "text after a closing quote");
	CHECK_INT(rd.r.line, 3);
	CHECK_INT(next(&rd), 1);
	CHECK_STR(rd.r.f[0], "good");
	CHECK_INT(rd.r.line, 4);
	CHECK_INT(next(&rd), -1);
	CHECK_STR(rd.err, "a quoted field is not closed");
	CHECK_INT(rd.r.line, 5);
	CHECK_INT(next(&rd), 0);
	arena_free(&rd.a);
}

TEST(csv_line_numbers_after_a_multiline_error)
{
	/* A bad record spanning lines 2-3 must not shift later numbers. */
	const char *t = "h\n\"two\nthree\"x\nfour\nfive\n";
	struct reader rd;

	open_csv(&rd, t, strlen(t));
	CHECK_INT(next(&rd), 1);
	CHECK_INT(next(&rd), -1);
	CHECK_INT(rd.r.line, 2);
	CHECK_INT(next(&rd), 1);
	CHECK_STR(rd.r.f[0], "four");
	CHECK_INT(rd.r.line, 4);
	CHECK_INT(next(&rd), 1);
	CHECK_INT(rd.r.line, 5);
	arena_free(&rd.a);
}

TEST(csv_too_many_fields)
{
	char t[CSV_MAX_FIELDS * 2 + 8];
	struct reader rd;
	size_t n = 0;

	for (int i = 0; i < CSV_MAX_FIELDS; i++) {
		t[n++] = 'x';
		t[n++] = ',';
	}
	t[n - 1] = '\n';		/* exactly CSV_MAX_FIELDS */
	memcpy(t + n, "a,b\n", 5);
	open_csv(&rd, t, strlen(t));
	CHECK_INT(next(&rd), 1);
	CHECK_INT(rd.r.n, CSV_MAX_FIELDS);
	CHECK_INT(next(&rd), 1);
	arena_free(&rd.a);
	t[n - 1] = ',';			/* one more */
	memcpy(t + n, "y\na,b\n", 7);
	open_csv(&rd, t, strlen(t));
	CHECK_INT(next(&rd), -1);
	CHECK_STR(rd.err, "too many fields");
	CHECK_INT(next(&rd), 1);	/* resynchronised on the next line */
	CHECK_STR(rd.r.f[1], "b");
	CHECK_INT(rd.r.line, 2);
	arena_free(&rd.a);
}

TEST(csv_nul_bytes_and_lone_cr)
{
	/* Fields are C strings: a NUL would cut "a\0b" to "a" unseen, so it
	 * is an error; a lone CR ends a record like LF. */
	const char t[] = "a\0b,c\nx,\"q\0\"\nd,e\rf,g";
	struct reader rd;

	open_csv(&rd, t, sizeof(t) - 1);
	CHECK_INT(next(&rd), -1);
	CHECK_STR(rd.err, "a NUL byte");
	CHECK_INT(next(&rd), -1);
	CHECK_STR(rd.err, "a NUL byte");
	CHECK_INT(rd.r.line, 2);
	CHECK_INT(next(&rd), 1);
	CHECK_STR(rd.r.f[0], "d");
	CHECK_STR(rd.r.f[1], "e");
	CHECK_INT(rd.r.line, 3);
	CHECK_INT(next(&rd), 1);
	CHECK_STR(rd.r.f[0], "f");
	CHECK_INT(rd.r.line, 4);		/* a lone CR is a line too */
	CHECK_INT(next(&rd), 0);
	arena_free(&rd.a);
}

TEST(csv_old_mac_line_ends_are_counted)
{
	const char *t = "h\r\r\"a\rb\",1\rbad\"\rlast\r";
	struct reader rd;

	open_csv(&rd, t, strlen(t));
	CHECK_INT(next(&rd), 1);
	CHECK_INT(rd.r.line, 1);
	CHECK_INT(next(&rd), 1);		/* after a blank line */
	CHECK_STR(rd.r.f[0], "a\rb");
	CHECK_INT(rd.r.line, 3);
	CHECK_INT(next(&rd), -1);
	CHECK_INT(rd.r.line, 5);
	CHECK_INT(next(&rd), 1);		/* resynchronised at the CR */
	CHECK_STR(rd.r.f[0], "last");
	CHECK_INT(rd.r.line, 6);
	CHECK_INT(next(&rd), 0);
	arena_free(&rd.a);
}

/* The export side: formulas neutralised, quoting only where needed. */
TEST(csv_put_field_neutralises_formulas_and_quotes)
{
	static const struct { const char *in, *out; } cases[] = {
		{ "plain", "plain" },
		{ "", "" },
		{ "=1+2", "'=1+2" },
		{ "+33", "'+33" },
		{ "-2", "'-2" },
		{ "@SUM(A1)", "'@SUM(A1)" },
		{ "\tx", "'\tx" },
		{ "\rx", "\"'\rx\"" },
		{ "a,b", "\"a,b\"" },
		{ "say \"hi\"", "\"say \"\"hi\"\"\"" },
		{ "=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"" },
		{ "two\nlines", "\"two\nlines\"" },
		{ "a=b", "a=b" },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct buf b = { 0 };
		csv_put_field(&b, cases[i].in);
		CHECK_STR(b.data ? b.data : "", cases[i].out);
		buf_free(&b);
	}
}
