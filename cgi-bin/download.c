/* download — /download/<token>: a purchased file, handed to the web server.
 *
 *   GET /download/<token>   token made by the library or the order page
 *                           (delivery.h): checked (signature, expiry),
 *                           then the entitlement (revoked, past its end,
 *                           every allowed download used) and the file it
 *                           covers; the download is counted and logged
 *                           in one transaction (db_download_claim), then
 *                           the bytes go out by download_handoff:
 *     nginx   X-Accel-Redirect to the internal location download_internal
 *             (nginx.conf.example): nginx sends the file, with Range; the
 *             worker never reads it.
 *     apache  X-Sendfile with the file's path (mod_xsendfile).
 *     stream  the program sends the file itself (plain CGI), one Range.
 *   Anything refused: 403 (404 for a link that has not the shape of one;
 *   "withdrawn" for content staff gave and took back)
 *   with a small page saying why and where to get a fresh link.
 *
 * The page is bare (PAGE_BARE): no layout data, no cart or session lookup,
 * no CSRF cookie; the link alone is the credential.  Responses are never
 * cached (Cache-Control: private, no-store).
 *
 * The count commits with synchronous=NORMAL (db_relaxed in db.h), as cart
 * writes do: a power cut may forget the last downloads counted (their
 * shoppers may take them once more), never corrupt anything; a synced
 * commit per download (and per resumed Range request) was most of the
 * handoff's CPU. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app.h"
#include "clock.h"
#include "db_delivery.h"
#include "delivery.h"
#include "log.h"
#include "site_hooks.h"
#include "store_conf.h"
#include "url.h"

enum key { KEY__MAX };
static const struct valid_key keys[1];

/* The refusal page for reason (a Lang.download.<reason> key). */
static int
refuse(struct ctx *c, int status, const char *reason)
{
	c->resp.status = status;
	hdf_put(c->hdf, "Page.reason", reason);
	buf_reset(&c->resp.body);
	if (tmpl_render(c->lang, "download/refused", TMPL_BARE,
	    &c->resp.body) < 0) {
		buf_reset(&c->resp.body);
		return 500;
	}
	return status;
}

/* Content-Disposition: attachment with an ASCII fallback and the exact
 * UTF-8 name (RFC 6266, RFC 5987 filename*). */
static void
disposition(struct ctx *c, const char *name)
{
	struct buf b = { 0 };

	buf_puts(&b, "attachment; filename=\"");
	for (const char *p = name; *p; p++) {
		unsigned char ch = (unsigned char)*p;
		buf_putc(&b, ch < 0x20 || ch >= 0x7f || ch == '"' ||
		    ch == '\\' || ch == '/' ? '_' : (char)ch);
	}
	buf_puts(&b, "\"; filename*=UTF-8''");
	url_encode(&b, name);
	buf_putc(&b, '\0');
	resp_header(&c->resp, "Content-Disposition", b.data);
	buf_free(&b);
}

/* Parses a single "bytes=a-b", "bytes=a-" or "bytes=-n" against size into
 * [*from, *to]: 1 when it is one, 0 when there is none (or several: the
 * whole file), -1 when it cannot be satisfied. */
static int
range(const char *h, long long size, long long *from, long long *to)
{
	char *end;
	long long a, b;

	if (h == NULL || strncmp(h, "bytes=", 6) != 0 || strchr(h, ',') != NULL)
		return 0;
	h += 6;
	if (*h == '-') {
		b = strtoll(h + 1, &end, 10);
		if (*end != '\0' || b <= 0)
			return 0;
		*from = b >= size ? 0 : size - b;
		*to = size - 1;
		return size > 0 ? 1 : -1;
	}
	a = strtoll(h, &end, 10);
	if (end == h || *end != '-' || a < 0)
		return 0;
	h = end + 1;
	b = *h ? strtoll(h, &end, 10) : size - 1;
	if (*h && (*end != '\0' || b < a))
		return 0;
	if (a >= size)
		return -1;
	*from = a;
	*to = b >= size ? size - 1 : b;
	return 1;
}

/* Sends path itself (stream mode), honouring one Range. */
static int
stream(struct ctx *c, const char *path, long long size)
{
	long long from = 0, to = size - 1, left;
	char buf[1 << 16];
	int fd, r;

	r = range(io_getenv(c->req.io, "HTTP_RANGE"), size, &from, &to);
	if (r < 0) {
		resp_header(&c->resp, "Content-Range", arena_printf(&c->arena,
		    "bytes */%lld", size));
		c->resp.content_type = "text/plain; charset=utf-8";
		buf_puts(&c->resp.body, "Range Not Satisfiable\n");
		return 416;
	}
	if ((fd = open(path, O_RDONLY)) < 0) {
		log_error("download: %s: %s", path, strerror(errno));
		return 500;
	}
	c->resp.status = r ? 206 : 200;
	if (r)
		resp_header(&c->resp, "Content-Range", arena_printf(&c->arena,
		    "bytes %lld-%lld/%lld", from, to, size));
	left = to - from + 1;
	if (resp_send_head(&c->resp, c->req.io, (size_t)left) < 0 ||
	    c->req.method == METHOD_HEAD || lseek(fd, from, SEEK_SET) < 0) {
		close(fd);
		return c->resp.status;
	}
	while (left > 0) {
		ssize_t n = read(fd, buf, left < (long long)sizeof(buf) ?
		    (size_t)left : sizeof(buf));
		if (n <= 0 || io_write(c->req.io, buf, (size_t)n) < 0)
			break;
		left -= n;
	}
	close(fd);
	return c->resp.status;
}

/* The reason key for a revoked entitlement e: a purchase refunded or
 * cancelled, or content staff gave and took back (no order). */
static const char *
revoked(const struct entitlement *e)
{
	return e->order_id ? "revoked" : "withdrawn";
}

/* The reason key for a claim refusal of entitlement e. */
static const char *
claim_reason(enum claim_result r, const struct entitlement *e)
{
	switch (r) {
	case CLAIM_EXHAUSTED:
		return "exhausted";
	case CLAIM_REVOKED:
		return revoked(e);
	case CLAIM_EXPIRED:
		return "expired";
	default:
		return "error";
	}
}

static int
page_download(struct ctx *c)
{
	const char *token, *mode = conf_str(CONF_DOWNLOAD_HANDOFF), *path;
	char hash[65];
	struct entitlement e;
	struct media_file f;
	long long ent, file, now = store_now();
	enum token_state ts;
	enum claim_result cr;
	int rc;

	if (c->req.nseg != 2 || download_token_parse((token = c->req.seg[1]),
	    &ent, &file) < 0)
		return refuse(c, 404, "forged");
	if ((rc = db_entitle_get(c->db, &c->arena, ent, &e)) < 0)
		return 500;
	if (rc != 0)
		return refuse(c, 403, "forged");
	if ((ts = download_token_check(token, &e, now)) != TOKEN_OK)
		return refuse(c, 403, ts == TOKEN_EXPIRED ? "expired" : "forged");
	if (e.revoked_at)
		return refuse(c, 403, revoked(&e));
	if ((rc = db_entitle_file(c->db, &c->arena, ent, file, &f)) < 0)
		return 500;
	if (rc != 0)
		return refuse(c, 403, "forged");
	download_token_hash(hash, token);
	cr = db_download_claim(c->db, ent, file, hash, c->req.remote_addr, now);
	if (cr == CLAIM_ERROR)
		return 500;
	if (cr != CLAIM_OK)
		return refuse(c, 403, claim_reason(cr, &e));
	log_info("download: entitlement %lld file %lld (%s) to %s", ent, file,
	    f.stored_name, c->req.remote_addr ? c->req.remote_addr : "?");
	c->resp.content_type = arena_strdup(&c->arena, f.content_type);
	disposition(c, download_file_name(&c->arena, f.product_name,
	    f.file_name));
	resp_header(&c->resp, "Accept-Ranges", "bytes");
	path = arena_printf(&c->arena, "%s/downloads/%s",
	    conf_str(CONF_DATA_DIR), f.stored_name);
	if (strcmp(mode, "stream") == 0)
		return stream(c, path, f.size);
	if (strcmp(mode, "apache") == 0)
		resp_header(&c->resp, "X-Sendfile", path);
	else
		resp_header(&c->resp, "X-Accel-Redirect", arena_printf(&c->arena,
		    "%s%s", conf_str(CONF_DOWNLOAD_INTERNAL), f.stored_name));
	return 200;
}

enum page_id { PAGE_DOWNLOAD, PAGE__MAX };

static const struct page pages[PAGE__MAX] = {
	[PAGE_DOWNLOAD] = { "download", METHODS_GET, page_download,
	    PAGE_REST | PAGE_BARE, NULL },
};

/* The download counts are cheap to lose on a power cut: see the header. */
static int
download_init(struct ctx *c)
{
	return db_relaxed(c->db);
}

static const struct app download = {
	"download", pages, PAGE__MAX, keys, KEY__MAX, &site_hooks,
	download_init, NULL,
};

int
main(int argc, char **argv)
{
	return app_main(argc, argv, &download);
}
