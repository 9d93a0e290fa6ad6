/* admin — the back office (docs/admin.md).  Staff only, never cached.
 *
 *   GET  /admin                   dashboard: orders to treat, recent orders
 *   GET  /admin/orders            filters status, method, from, to (dates
 *                                 in the store's time zone), q (reference,
 *                                 e-mail, name, phone); keyset: before=<id>
 *   GET  /admin/export            the same filters as CSV, streamed
 *   GET  /admin/order/<id>        lines, customer, totals, history, notes,
 *                                 payment proofs (inline), actions
 *   POST /admin/order/act         id, do=confirm|reject|complete|cancel,
 *                                 reason (reject: required, mailed)
 *   POST /admin/order/note        id, body, visible (shown to the customer)
 *   GET  /admin/proof/<name>      a payment proof: images re-encoded by
 *                                 libvips (nothing served as uploaded),
 *                                 PDFs as attachments; from data_dir
 *   GET  /admin/audit             the audit log (kind, object, before)
 *   GET  /admin/messages          contact inbox: box=open|unread|handled|
 *                                 all; keyset: before=<id>
 *   GET  /admin/message/<id>      one message (marks it read), the
 *                                 customer and order it matches, replies
 *   POST /admin/message/reply     id, body: mailed to the shopper, threaded
 *   POST /admin/message/status    id, do=handled|reopen|spam
 *
 * Every page is one row of pages[] whose handler is gate(): it maps the
 * page to its row of the permission table (staff_perm.h), checks the
 * visitor's role with auth_require() (anonymous: 303 to the login, too
 * low: 403), and only then calls the page's handler from disps[].  Every
 * POST passes app_csrf_ok.  Every change is one transaction: the order
 * move, its history entry, the audit row and the mail to the shopper. */
#include "admin.h"
#include "auth.h"
#include "db_messages.h"
#include "pay.h"
#include "site.h"
#include "site_hooks.h"
#include "staff_perm.h"

static const char *const notices[] = {
	"confirm", "reject", "complete", "cancel", "note", "stale",
	"replied", "handled", "reopen", "spam",
	NULL
};
static const char *const kinds[] = { "order", "user", "message", NULL };

const struct valid_key adm_keys[KEY__MAX] = {
	[KEY_STATUS] = { "status", V_ENUM, .choices = order_statuses },
	[KEY_METHOD] = { "method", V_ENUM, .choices = pay_ids },
	[KEY_FROM] = { "from", V_LINE, 10, 10 },
	[KEY_TO] = { "to", V_LINE, 10, 10 },
	[KEY_Q] = { "q", V_LINE, 1, 254 },
	[KEY_BEFORE] = { "before", V_INT, 1, 1LL << 53 },
	[KEY_ID] = { "id", V_INT, 1, 1LL << 53, NULL, 1 },
	[KEY_DO] = { "do", V_ENUM, .choices = adm_order_acts, .required = 1 },
	[KEY_REASON] = { "reason", V_TEXT, 1, 500 },
	[KEY_BODY] = { "body", V_TEXT, 1, 2000, NULL, 1 },
	[KEY_VISIBLE] = { "visible", V_BOOL },
	[KEY_KIND] = { "kind", V_ENUM, .choices = kinds },
	[KEY_OBJECT] = { "object", V_LINE, 1, 64 },
	[KEY_NOTICE] = { "notice", V_ENUM, .choices = notices },
	[KEY_BOX] = { "box", V_ENUM, .choices = message_boxes },
	[KEY_MDO] = { "do", V_ENUM, .choices = adm_message_acts, .required = 1 },
};

/* Page.nav and Page.may.* for the admin menu: what this role may open. */
static void
put_menu(struct ctx *c)
{
	for (int p = 0; p < PERM__MAX; p++)
		if (staff_may(c->site->user->role, (enum perm)p))
			hdf_putf(c->hdf, "1", "Page.may.%s", staff_perms[p].name);
	hdf_put(c->hdf, "Page.staff.email", c->site->user->email);
	hdf_put(c->hdf, "Page.staff.role", role_name(c->site->user->role));
	if (app_val(c, KEY_NOTICE)->state == VAL_OK)
		hdf_put(c->hdf, "Page.notice", app_val(c, KEY_NOTICE)->s);
	app_csrf_token(c);
}

/* One line per page (parts add theirs without touching their neighbours'). */
enum page_id {
	PAGE_DASHBOARD,
	PAGE_ORDERS,
	PAGE_EXPORT,
	PAGE_ORDER,
	PAGE_ORDER_ACT,
	PAGE_ORDER_NOTE,
	PAGE_PROOF,
	PAGE_AUDIT,
	PAGE_MESSAGES,
	PAGE_MESSAGE,
	PAGE_MESSAGE_REPLY,
	PAGE_MESSAGE_STATUS,
	PAGE__MAX
};

/* Each page's handler and its row of the permission table. */
static int (*const disps[PAGE__MAX])(struct ctx *) = {
	[PAGE_DASHBOARD] = page_dashboard,
	[PAGE_ORDERS] = page_orders,
	[PAGE_EXPORT] = page_export,
	[PAGE_ORDER] = page_order,
	[PAGE_ORDER_ACT] = page_order_act,
	[PAGE_ORDER_NOTE] = page_order_note,
	[PAGE_PROOF] = page_proof,
	[PAGE_AUDIT] = page_audit,
	[PAGE_MESSAGES] = page_messages,
	[PAGE_MESSAGE] = page_message,
	[PAGE_MESSAGE_REPLY] = page_message_reply,
	[PAGE_MESSAGE_STATUS] = page_message_status,
};
static const enum perm page_perms[PAGE__MAX] = {
	[PAGE_DASHBOARD] = PERM_DASHBOARD,
	[PAGE_ORDERS] = PERM_ORDERS,
	[PAGE_EXPORT] = PERM_ORDERS,
	[PAGE_ORDER] = PERM_ORDERS,
	[PAGE_ORDER_ACT] = PERM_ORDER_ACT,
	[PAGE_ORDER_NOTE] = PERM_ORDER_ACT,
	[PAGE_PROOF] = PERM_PROOF,
	[PAGE_AUDIT] = PERM_AUDIT,
	[PAGE_MESSAGES] = PERM_MESSAGES,
	[PAGE_MESSAGE] = PERM_MESSAGES,
	[PAGE_MESSAGE_REPLY] = PERM_MESSAGE_ACT,
	[PAGE_MESSAGE_STATUS] = PERM_MESSAGE_ACT,
};

/* The one check before every handler: the page's permission row, then
 * the handler.  Returns the HTTP status. */
static int
gate(struct ctx *c)
{
	int st;

	if (c->page < 0 || c->page >= PAGE__MAX)
		return app_error(c, 404, NULL);
	if ((st = auth_require(c, staff_perm_role(page_perms[c->page]))) != 0)
		return st;
	put_menu(c);
	return disps[c->page](c);
}

static const struct page pages[PAGE__MAX] = {
	[PAGE_DASHBOARD] = { "admin", METHODS_GET, gate, 0, KEYS(KEY_NOTICE) },
	[PAGE_ORDERS] = { "admin/orders", METHODS_GET, gate, 0,
	    KEYS(KEY_STATUS, KEY_METHOD, KEY_FROM, KEY_TO, KEY_Q, KEY_BEFORE) },
	[PAGE_EXPORT] = { "admin/export", METHODS_GET, gate, 0,
	    KEYS(KEY_STATUS, KEY_METHOD, KEY_FROM, KEY_TO, KEY_Q) },
	[PAGE_ORDER] = { "admin/order", METHODS_GET, gate, PAGE_REST,
	    KEYS(KEY_NOTICE) },
	[PAGE_ORDER_ACT] = { "admin/order/act", METHODS_POST, gate, 0,
	    KEYS(KEY_ID, KEY_DO, KEY_REASON) },
	[PAGE_ORDER_NOTE] = { "admin/order/note", METHODS_POST, gate, 0,
	    KEYS(KEY_ID, KEY_BODY, KEY_VISIBLE) },
	[PAGE_PROOF] = { "admin/proof", METHODS_GET, gate, PAGE_REST, NULL },
	[PAGE_AUDIT] = { "admin/audit", METHODS_GET, gate, 0,
	    KEYS(KEY_KIND, KEY_OBJECT, KEY_BEFORE) },
	[PAGE_MESSAGES] = { "admin/messages", METHODS_GET, gate, 0,
	    KEYS(KEY_BOX, KEY_BEFORE, KEY_NOTICE) },
	[PAGE_MESSAGE] = { "admin/message", METHODS_GET, gate, PAGE_REST,
	    KEYS(KEY_NOTICE) },
	[PAGE_MESSAGE_REPLY] = { "admin/message/reply", METHODS_POST, gate, 0,
	    KEYS(KEY_ID, KEY_BODY) },
	[PAGE_MESSAGE_STATUS] = { "admin/message/status", METHODS_POST, gate, 0,
	    KEYS(KEY_ID, KEY_MDO) },
};

static const struct app admin = {
	"admin", pages, PAGE__MAX, adm_keys, KEY__MAX, &site_hooks, NULL,
};

int
main(int argc, char **argv)
{
	return app_main(argc, argv, &admin);
}

