/* test_multipart.c — multipart/form-data parsing (lib/multipart.c). */
#include <stdlib.h>

#include "http_req.h"
#include "multipart.h"
#include "t.h"

static const struct req_limits lim = { 1 << 20, 1 << 20, 10, 64, 4 };
#define CT "multipart/form-data; boundary=XyZ"

/* Parses body (NUL-terminated) with Content-Type ct. */
static enum req_error
parse(struct arena *a, const char *ct, const char *body, struct kvlist *form,
    struct req_files *files)
{
	const char *bad = NULL;

	return multipart_parse(a, ct, body, strlen(body), &lim, form, files, &bad);
}

TEST(multipart_parses_text_and_files)
{
	struct arena a;
	struct kvlist f;
	struct req_files files;
	static const char body[] =
	    "--XyZ\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n"
	    "tok\r\n"
	    "--XyZ\r\ncontent-disposition: form-data; name=\"note\"\r\n\r\n"
	    "two\r\nlines --XyZ inside\r\n"
	    "--XyZ\r\nContent-Disposition: form-data; name=\"proof\"; "
	    "filename=\"shot \\\"1\\\".png\"\r\nContent-Type: image/png\r\n\r\n"
	    "\x89PNG\r\n\x1a\n\0binary\r\n"
	    "--XyZ--\r\nepilogue ignored";
	const char *bad = NULL;

	arena_init(&a, 0);
	CHECK_INT(multipart_parse(&a, CT, body, sizeof(body) - 1, &lim, &f,
	    &files, &bad), REQ_OK);
	CHECK_INT(f.n, 2);
	CHECK_STR(kv_get(&f, "csrf"), "tok");
	CHECK_STR(kv_get(&f, "note"), "two\r\nlines --XyZ inside");
	CHECK_INT(files.n, 1);
	CHECK_STR(files.v[0].field, "proof");
	CHECK_STR(files.v[0].filename, "shot \"1\".png");
	CHECK_STR(files.v[0].type, "image/png");
	CHECK_INT(files.v[0].len, 15);
	CHECK(memcmp(files.v[0].data, "\x89PNG\r\n\x1a\n\0binary", 15) == 0);
	arena_free(&a);
}

TEST(multipart_empty_file_input_is_no_file)
{
	struct arena a;
	struct kvlist f;
	struct req_files files;

	arena_init(&a, 0);
	CHECK_INT(parse(&a, "multipart/form-data; boundary=\"q b\"",
	    "--q b\r\nContent-Disposition: form-data; name=\"proof\"; "
	    "filename=\"\"\r\nContent-Type: application/octet-stream\r\n\r\n"
	    "\r\n--q b--\r\n", &f, &files), REQ_OK);
	CHECK_INT(files.n, 0);
	CHECK_INT(f.n, 0);
	arena_free(&a);
}

TEST(multipart_refuses_broken_bodies)
{
	static const char *const broken[] = {
		"",						/* nothing */
		"--XyZ",					/* no part */
		"preamble\r\n--XyZ\r\nContent-Disposition: form-data; "
		    "name=\"a\"\r\n\r\n1\r\n--XyZ--",		/* preamble */
		"--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1",
								/* truncated */
		"--XyZ\r\nContent-Type: text/plain\r\n\r\n1\r\n--XyZ--",
								/* no name */
		"--XyZ\r\nContent-Disposition: attachment; name=\"a\"\r\n\r\n"
		    "1\r\n--XyZ--",				/* not form-data */
		"--XyZ\r\nContent-Disposition: form-data;\r\n name=\"a\"\r\n\r\n"
		    "1\r\n--XyZ--",				/* folded */
		"--XyZ\r\nContent-Disposition: form-data; name=\"a\r\n\r\n"
		    "1\r\n--XyZ--",				/* open quote */
		"--XyZ\r\nContent-Disposition: form-data; name=\"\"\r\n\r\n"
		    "1\r\n--XyZ--",				/* empty name */
		"--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n"
		    "Content-Disposition: form-data; name=\"b\"\r\n\r\n1\r\n"
		    "--XyZ--",					/* two names */
		"--XyZxContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n"
		    "--XyZ--",					/* bad delimiter */
		NULL,
	};
	struct arena a;
	struct kvlist f;
	struct req_files files;

	arena_init(&a, 0);
	for (int i = 0; broken[i] != NULL; i++) {
		enum req_error e = parse(&a, CT, broken[i], &f, &files);
		if (e != REQ_BAD_MULTIPART)
			printf("    case %d: %d\n", i, e);
		CHECK_INT(e, REQ_BAD_MULTIPART);
	}
	CHECK_INT(parse(&a, "multipart/form-data", "--XyZ--", &f, &files),
	    REQ_BAD_MULTIPART);
	CHECK_INT(parse(&a, "multipart/form-data; boundary=", "--XyZ--", &f,
	    &files), REQ_BAD_MULTIPART);
	arena_free(&a);
}

TEST(multipart_limits)
{
	struct arena a;
	struct kvlist f;
	struct req_files files;
	char *big = malloc(20000), *p;
	int n;

	arena_init(&a, 0);
	/* 11 parts against max_fields 10. */
	p = big;
	for (int i = 0; i < 11; i++)
		p += sprintf(p, "--XyZ\r\nContent-Disposition: form-data; "
		    "name=\"f%d\"\r\n\r\nv\r\n", i);
	strcpy(p, "--XyZ--");
	CHECK_INT(parse(&a, CT, big, &f, &files), REQ_TOO_MANY_FIELDS);
	/* A value over max_field (64). */
	n = sprintf(big, "--XyZ\r\nContent-Disposition: form-data; "
	    "name=\"a\"\r\n\r\n");
	memset(big + n, 'x', 65);
	strcpy(big + n + 65, "\r\n--XyZ--");
	CHECK_INT(parse(&a, CT, big, &f, &files), REQ_FIELD_TOO_LONG);
	/* A header block over MULTIPART_MAX_HEADER. */
	n = sprintf(big, "--XyZ\r\nContent-Disposition: form-data; "
	    "name=\"a\"\r\nX-Pad: ");
	memset(big + n, 'p', MULTIPART_MAX_HEADER);
	strcpy(big + n + MULTIPART_MAX_HEADER, "\r\n\r\n1\r\n--XyZ--");
	CHECK_INT(parse(&a, CT, big, &f, &files), REQ_BAD_MULTIPART);
	/* Bad UTF-8 in a text part. */
	CHECK_INT(parse(&a, CT, "--XyZ\r\nContent-Disposition: form-data; "
	    "name=\"a\"\r\n\r\n\xc3\x28\r\n--XyZ--", &f, &files),
	    REQ_BAD_ENCODING);
	arena_free(&a);
	free(big);
}

TEST(multipart_boundary_parameter)
{
	char b[MULTIPART_MAX_BOUNDARY + 1];

	CHECK_INT(multipart_boundary("multipart/form-data; boundary=abc", b), 3);
	CHECK_STR(b, "abc");
	CHECK_INT(multipart_boundary("multipart/form-data;charset=x;  BOUNDARY="
	    "\"a b\"", b), 3);
	CHECK_STR(b, "a b");
	CHECK_INT(multipart_boundary("multipart/form-data; boundary=\"open", b), 0);
	CHECK_INT(multipart_boundary("multipart/form-data; boundary=\"a \"", b), 0);
	CHECK_INT(multipart_boundary("multipart/form-data; boundary="
	    "12345678901234567890123456789012345678901234567890123456789012345678901",
	    b), 0);
}
