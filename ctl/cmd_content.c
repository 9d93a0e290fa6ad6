/* cmd_content.c — soukctl page, faq, banner: the shop's content pages,
 * FAQ and home trust banners from the command line (docs/content.md).
 *
 *   page list
 *   page show SLUG [LANG]          the Markdown, then the stored HTML
 *   page set SLUG LANG TITLE FILE  Markdown from FILE ('-': stdin); a
 *                                  new page is published at once
 *   page publish|unpublish SLUG LANG
 *   page delete SLUG [LANG]
 *   faq list [LANG]
 *   faq add LANG CATEGORY QUESTION FILE [POSITION]
 *   faq set ID LANG CATEGORY QUESTION FILE [POSITION]
 *   faq delete ID
 *   banner list
 *   banner set SLOT LANG TITLE TEXT [POSITION] [--off]
 *   banner delete SLOT [LANG]
 *   content seed                   adds the default texts that are missing
 *
 * Every rule (slugs, lengths, the Markdown rendering) is content.h's, the
 * same the admin pages apply. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "content.h"
#include "ctl.h"
#include "db_content.h"
#include "valid.h"

#define PAGE_USAGE "list | show SLUG [LANG] | set SLUG LANG TITLE FILE | " \
	"publish|unpublish SLUG LANG | delete SLUG [LANG]"
#define FAQ_USAGE "list [LANG] | add LANG CATEGORY QUESTION FILE [POSITION] | " \
	"set ID LANG CATEGORY QUESTION FILE [POSITION] | delete ID"
#define BANNER_USAGE "list | set SLOT LANG TITLE TEXT [POSITION] [--off] | " \
	"delete SLOT [LANG]"

/* The whole of path ('-': stdin) as a malloc'd string of at most max
 * bytes, or NULL after printing why. */
static char *
read_text(const char *cmd, const char *path, size_t max)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	char *s;
	size_t n;

	if (f == NULL) {
		ctl_fail(cmd, "cannot open %s", path);
		return NULL;
	}
	if ((s = malloc(max + 2)) == NULL) {
		if (f != stdin)
			fclose(f);
		return NULL;
	}
	n = fread(s, 1, max + 1, f);
	if (f != stdin)
		fclose(f);
	if (n > max) {
		free(s);
		ctl_fail(cmd, "%s is longer than %zu bytes", path, max);
		return NULL;
	}
	s[n] = '\0';
	return s;
}

/* The refusal of a save, printed; 1 (0 for CONTENT_OK). */
static int
refused(const char *cmd, enum content_result r)
{
	if (r == CONTENT_OK)
		return 0;
	if (r == CONTENT_ERROR)
		return ctl_fail(cmd, "could not save");
	return ctl_fail(cmd, "refused: bad %s", content_result_field(r));
}

/* A number argument in [min, max] into *out; 0 or -1 (printed). */
static int
num_arg(const char *cmd, const char *s, long long min, long long max,
    long long *out)
{
	const char *err;

	if (valid_int(s, min, max, out, &err) < 0) {
		ctl_fail(cmd, "not a number from %lld to %lld: %s", min, max, s);
		return -1;
	}
	return 0;
}

static int
page_cmd(struct db *db, struct arena *a, int argc, char **argv)
{
	struct page_row *p, one;
	long long n;
	char *md;
	int rc;

	if (argc == 2 && strcmp(argv[1], "list") == 0) {
		if ((n = db_page_list(db, a, &p)) < 0)
			return 1;
		for (long long i = 0; i < n; i++)
			ctl_printf("%-20s %s  %-5s %s\n", p[i].slug, p[i].lang,
			    p[i].published ? "" : "draft", p[i].title);
		return 0;
	}
	if ((argc == 3 || argc == 4) && strcmp(argv[1], "show") == 0) {
		rc = db_page_find(db, a, argv[2], argc == 4 ? argv[3] : "en",
		    &one);
		if (rc != 0)
			return rc < 0 ? 1 : ctl_fail("page", "no page %s", argv[2]);
		ctl_printf("%s\n\n%s\n-- HTML --\n%s", one.title, one.body_md,
		    one.body_html);
		return 0;
	}
	if (argc == 6 && strcmp(argv[1], "set") == 0) {
		if ((md = read_text("page", argv[5], CONTENT_BODY_MAX)) == NULL)
			return 1;
		rc = refused("page", content_page_save(db, argv[2], argv[3],
		    argv[4], md, (long long)time(NULL)));
		free(md);
		if (rc == 0)
			ctl_printf("saved /page/%s (%s)\n", argv[2], argv[3]);
		return rc;
	}
	if (argc == 4 && (strcmp(argv[1], "publish") == 0 ||
	    strcmp(argv[1], "unpublish") == 0)) {
		int on = strcmp(argv[1], "publish") == 0;
		if ((rc = db_page_publish(db, argv[2], argv[3], on)) != 0)
			return rc < 0 ? 1 : ctl_fail("page", "no page %s (%s)",
			    argv[2], argv[3]);
		ctl_printf("%s /page/%s (%s)\n", on ? "published" :
		    "unpublished", argv[2], argv[3]);
		return 0;
	}
	if ((argc == 3 || argc == 4) && strcmp(argv[1], "delete") == 0) {
		if ((n = db_page_delete(db, argv[2], argc == 4 ? argv[3] :
		    NULL)) < 0)
			return 1;
		if (n == 0)
			return ctl_fail("page", "no page %s", argv[2]);
		ctl_printf("deleted %lld row%s\n", n, n == 1 ? "" : "s");
		return 0;
	}
	return ctl_usage("page", PAGE_USAGE);
}

static int
faq_cmd(struct db *db, struct arena *a, int argc, char **argv)
{
	struct faq_row *f, r = { 0 };
	long long n, id = 0;
	int add = argc >= 6 && strcmp(argv[1], "add") == 0, at, rc;
	char *md;

	if ((argc == 2 || argc == 3) && strcmp(argv[1], "list") == 0) {
		if ((n = db_faq_list(db, a, argc == 3 ? argv[2] : "en", NULL,
		    &f)) < 0)
			return 1;
		for (long long i = 0; i < n; i++)
			ctl_printf("%-5lld %s  %s: %s\n", f[i].id, f[i].lang,
			    f[i].category, f[i].question);
		return 0;
	}
	if (argc == 3 && strcmp(argv[1], "delete") == 0) {
		if (num_arg("faq", argv[2], 1, 1LL << 53, &id) < 0)
			return 1;
		if ((rc = db_faq_delete(db, id)) != 0)
			return rc < 0 ? 1 : ctl_fail("faq", "no entry %lld", id);
		ctl_printf("deleted entry %lld\n", id);
		return 0;
	}
	at = add ? 2 : 3;	/* where LANG is */
	if (!(add && argc <= 7) && !(argc >= 7 && argc <= 8 &&
	    strcmp(argv[1], "set") == 0))
		return ctl_usage("faq", FAQ_USAGE);
	if (!add && num_arg("faq", argv[2], 1, 1LL << 53, &id) < 0)
		return 1;
	if (argc == at + 5 && num_arg("faq", argv[at + 4], 0, 100000,
	    &r.position) < 0)
		return 1;
	if ((md = read_text("faq", argv[at + 3], FAQ_ANSWER_MAX)) == NULL)
		return 1;
	r.id = id, r.lang = argv[at], r.category = argv[at + 1];
	r.question = argv[at + 2], r.answer_md = md;
	rc = refused("faq", content_faq_save(db, &r, (long long)time(NULL)));
	free(md);
	if (rc == 0)
		ctl_printf("saved entry %lld\n", r.id);
	return rc;
}

static int
banner_cmd(struct db *db, struct arena *a, int argc, char **argv)
{
	struct banner_row *b, r = { .active = 1 };
	long long n;
	int rc;

	if (argc == 2 && strcmp(argv[1], "list") == 0) {
		if ((n = db_banner_list(db, a, NULL, NULL, 1, &b)) < 0)
			return 1;
		for (long long i = 0; i < n; i++)
			ctl_printf("%-12s %s %lld %s  %s — %s\n", b[i].slot,
			    b[i].lang, b[i].position, b[i].active ? "on " :
			    "off", b[i].title, b[i].body);
		return 0;
	}
	if (argc >= 6 && argc <= 8 && strcmp(argv[1], "set") == 0) {
		if (strcmp(argv[argc - 1], "--off") == 0) {
			r.active = 0;
			argc--;
		}
		if (argc == 7 && num_arg("banner", argv[6], 0, 1000,
		    &r.position) < 0)
			return 1;
		if (argc > 7)
			return ctl_usage("banner", BANNER_USAGE);
		r.slot = argv[2], r.lang = argv[3], r.title = argv[4];
		r.body = argv[5];
		if ((rc = refused("banner", content_banner_save(db, &r))) == 0)
			ctl_printf("saved banner %s (%s)\n", r.slot, r.lang);
		return rc;
	}
	if ((argc == 3 || argc == 4) && strcmp(argv[1], "delete") == 0) {
		if ((n = db_banner_delete(db, argv[2], argc == 4 ? argv[3] :
		    NULL)) < 0)
			return 1;
		if (n == 0)
			return ctl_fail("banner", "no banner %s", argv[2]);
		ctl_printf("deleted %lld row%s\n", n, n == 1 ? "" : "s");
		return 0;
	}
	return ctl_usage("banner", BANNER_USAGE);
}

/* Runs fn on the database in one transaction. */
static int
with_db(int (*fn)(struct db *, struct arena *, int, char **), int argc,
    char **argv)
{
	struct db *db;
	struct arena a;
	int rc;

	if ((db = ctl_open(0)) == NULL)
		return 1;
	arena_init(&a, 8192);
	if (db_begin(db) < 0) {
		db_close(db);
		return 1;
	}
	rc = fn(db, &a, argc, argv);
	if (rc == 0 && db_commit(db) < 0)
		rc = 1;
	if (rc != 0)
		db_rollback(db);
	arena_free(&a);
	db_close(db);
	return rc;
}

int
cmd_page(int argc, char **argv)
{
	return with_db(page_cmd, argc, argv);
}

int
cmd_faq(int argc, char **argv)
{
	return with_db(faq_cmd, argc, argv);
}

int
cmd_banner(int argc, char **argv)
{
	return with_db(banner_cmd, argc, argv);
}

static int
seed_cmd(struct db *db, struct arena *a, int argc, char **argv)
{
	long long n;

	(void)a;
	if (argc != 2 || strcmp(argv[1], "seed") != 0)
		return ctl_usage("content", "seed");
	if ((n = content_seed(db, (long long)time(NULL))) < 0)
		return ctl_fail("content", "could not add the default texts");
	ctl_printf("%lld default text%s added\n", n, n == 1 ? "" : "s");
	return 0;
}

int
cmd_content(int argc, char **argv)
{
	return with_db(seed_cmd, argc, argv);
}
