/* admin — the back office (docs/admin.md).  Staff only, never cached.
 *
 *   GET  /admin                   dashboard: figures and charts of a range
 *                                 (range=today|7d|30d|month|last_month|year,
 *                                 or from/to), kind, category; orders to
 *                                 treat, recent orders, low stock
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
 *   GET  /admin/reviews           reviews and questions to moderate (view,
 *                                 before); parts/admin/reviews.c
 *   POST /admin/reviews/act       id, do=approve|hide|delete|answer, body
 *   POST /admin/subscription/access  sub, username, password, portal,
 *                                 m3u, code: a subscription's access
 *                                 details (sealed; docs/delivery.md)
 *   GET  /admin/subscriptions     status, product, within (days)
 *   GET  /admin/subscription/<id> one subscription: dates, access, history,
 *                                 its actions
 *   POST /admin/subscription/act  sub, do=extend (days | plan) | suspend
 *                                 (reason) | resume | cancel (reason) |
 *                                 reassign (old=retire|return); parts/admin/
 *                                 sub_act.c
 *   GET  /admin/credentials       the credential pools
 *   POST /admin/credentials       multipart: product, csv (a pool upload)
 *   GET  /admin/products          catalog: q, product_kind, state, category,
 *                                 before (keyset); bulk form
 *   GET  /admin/product[/<id>]    new product form, or one product's form
 *                                 with its plans and images
 *   POST /admin/product/save      create (no id) or edit; 400 with every
 *                                 broken rule in a sentence
 *   POST /admin/product/act       id, op=duplicate|archive|activate
 *   POST /admin/products/bulk     ids, bulk=activate|archive|move, category
 *   GET  /admin/products/export   every product as CSV (the import's
 *                                 columns), streamed
 *   GET|POST /admin/products/import  multipart csv, mode=preview|apply:
 *                                 every problem by line (400), or what
 *                                 changed (parts/admin/catalog_csv.c)
 *   POST /admin/product/plan      id, months, days, plan_price | plan (off)
 *   POST /admin/product/image     id, file (multipart), alt: re-encoded
 *   POST /admin/product/image/act id, image, image_op=save|up|down|delete
 *   POST /admin/product/file      id, file (multipart): a file to download
 *                                 (at most media_upload_max; parts/admin/
 *                                 product_files.c)
 *   POST /admin/product/file/remove  id, media
 *   GET  /admin/categories        the tree; POST /admin/category/save
 *                                 creates, renames, moves, reorders
 *   GET  /admin/attributes        attributes (brand, resolution) and
 *                                 their options (parts/admin/attributes.c)
 *   POST /admin/attribute/save    id, slug, name_en, name_fr, category,
 *                                 position; /admin/attribute/delete id
 *   POST /admin/attribute/option  attribute, option (absent: new), slug,
 *                                 name_en, name_fr (labels), position;
 *                                 /admin/attribute/option/delete
 *                                 attribute, option
 *   POST /admin/product/attrs     id, a.<attribute>=<option> each: a
 *                                 product's values (all others removed)
 *   GET  /admin/messages          contact inbox: box=open|unread|handled|
 *                                 all; keyset: before=<id>
 *   GET  /admin/message/<id>      one message (marks it read), the
 *                                 customer and order it matches, replies
 *   POST /admin/message/reply     id, body: mailed to the shopper, threaded
 *   POST /admin/message/status    id, do=handled|reopen|spam
 *   POST /admin/order/refund      id, idem, reason, line + qty (absent:
 *                                 all that is left); admins only;
 *                                 parts/admin/refund.c
 *   POST /admin/order/retry       id, refund: a refund waiting for the
 *                                 gateway's answer asked again (same key)
 *   POST /admin/order/resend      id: the customer's last mail about the
 *                                 order queued again
 *   GET  /admin/customers         q (e-mail, name, phone), role; keyset:
 *                                 before=<id>; parts/admin/customers.c
 *   GET  /admin/customer/<id>     profile, figures, orders, holdings,
 *                                 messages, sessions, notes, audit
 *   GET|POST /admin/customers/new email, name, phone, lang: a client
 *                                 account, mailed a set-password link
 *   POST /admin/customer/act      id, do=disable|enable|sessions|invite
 *   POST /admin/customer/role     id, role=customer|employee|admin
 *   POST /admin/customer/note     id, body (private)
 *   POST /admin/customer/grant    id, product (slug), days, downloads,
 *                                 reason: content without an order
 *                                 (parts/admin/grants.c)
 *   POST /admin/customer/ungrant  id, ent: take a grant back
 *   GET  /admin/pages             content pages, every language, published
 *                                 or draft; parts/admin/content_pages.c
 *   GET  /admin/page[/<slug>/<lang>]  new page form, or one version's
 *   POST /admin/pages/save        was, slug, language, title, markdown,
 *                                 published; preview=1 renders, saves not
 *   POST /admin/pages/publish     slug, language, published
 *   POST /admin/pages/delete      slug, language (none: every one; admins)
 *   GET  /admin/faq               FAQ entries; POST /admin/faq/save (id,
 *                                 language, category, question, answer,
 *                                 position), /admin/faq/delete (admins)
 *   GET  /admin/banners           home banners; POST /admin/banners/save
 *                                 (slot, language, title, text, position,
 *                                 active), /admin/banners/delete (admins)
 *   GET  /admin/settings          the store settings over souk.conf
 *   POST /admin/settings/save     setting, value, action=save|reset
 *                                 (parts/admin/settings.c)
 *   GET  /admin/coupons           discount codes and their usage report
 *   GET  /admin/coupon[/<id>]     new code form, or one code's form, scope
 *                                 and the orders it discounted
 *   POST /admin/coupon/save       id, code, kind, value, min_order, starts,
 *                                 expires, max_uses, per_customer,
 *                                 products, categories
 *   POST /admin/coupon/act        id, do=disable|enable (parts/admin/
 *                                 coupons.c)
 *   GET  /admin/shipping          delivery zones, their methods, the quote
 *                                 preview (country, region, units, grams,
 *                                 amount)
 *   GET  /admin/shipping/zone[/<id>]  new zone form, or one zone's
 *   POST /admin/shipping/zone/save    id, name, areas
 *   POST /admin/shipping/zone/delete  id
 *   GET  /admin/shipping/rate[/<id>]  new method form (zone), or one's
 *   POST /admin/shipping/rate/save    id | zone, name, name_en, name_fr,
 *                                 kind, base, step, grams, free_from,
 *                                 min_days, max_days, active
 *   POST /admin/shipping/rate/delete  id (parts/admin/shipping.c)
 *   GET  /admin/details/<id>      a product's weight and checkout details
 *   POST /admin/details/weight    id, grams
 *   POST /admin/details/save      id, field, type, label, label_en,
 *                                 label_fr, max, required
 *   POST /admin/details/remove    id, field (parts/admin/details.c)
 *
 * Every page is one row of pages[] whose handler is gate(): it maps the
 * page to its row of the permission table (staff_perm.h), checks the
 * visitor's role with auth_require() (anonymous: 303 to the login, too
 * low: 403), and only then calls the page's handler from disps[].  Every
 * POST passes app_csrf_ok.  Every change is one transaction: the order
 * move, its history entry, the audit row and the mail to the shopper. */
#include "admin.h"
#include "money.h"
#include "auth.h"
#include "order_stats.h"
#include "db_messages.h"
#include "pay.h"
#include "site.h"
#include "site_hooks.h"
#include "staff_perm.h"
#include "subs_act.h"
#include "grant.h"

static const char *const notices[] = {
	"confirm", "reject", "complete", "cancel", "note", "stale", "access",
	"imported", "saved", "duplicate", "archive", "activate", "bulk", "plan",
	"image", "category", "replied", "handled", "reopen", "spam",
	"refunded", "refund_refused", "refund_waiting", "resent",
	"extended", "suspended", "resumed", "sub_cancelled", "reassigned",
	"page_saved", "page_published", "page_unpublished", "page_deleted",
	"faq_saved", "faq_deleted", "banner_saved", "banner_deleted",
	"setting",
	"coupon", "coupon_disabled", "coupon_enabled",
	"file",
	"attribute", "attribute_deleted", "option", "option_deleted", "attrs",
	"zone_saved", "zone_deleted", "rate_saved", "rate_deleted",
	"weight_saved", "field_saved", "field_removed",
	NULL
};
static const char *const kinds[] = { "order", "user", "message", "post",
	"subscription", "product",
	"page", "faq", "banner",
	"setting",
	"coupon",
	"attribute",
	"ship_zone", "ship_rate",
	NULL };
static const char *const product_kinds[] = { "physical", "subscription",
	"digital", NULL };

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
	[KEY_VIEW] = { "view", V_ENUM, .choices = adm_review_views },
	[KEY_MOD] = { "do", V_ENUM, .choices = adm_review_acts, .required = 1 },
	[KEY_ANSWER] = { "body", V_TEXT, 0, 2000 },
	[KEY_DONE] = { "done", V_ENUM, .choices = adm_review_acts },
	[KEY_USERNAME] = { "username", V_LINE, 1, 200 },
	[KEY_PASSWORD] = { "password", V_LINE, 1, 200 },
	[KEY_PORTAL] = { "portal", V_LINE, 1, 500 },
	[KEY_M3U] = { "m3u", V_LINE, 1, 1000 },
	[KEY_CODE] = { "code", V_LINE, 1, 200 },
	[KEY_SUB] = { "sub", V_INT, 1, 1LL << 53, NULL, 1 },
	[KEY_SUBSTATUS] = { "status", V_ENUM, .choices = adm_sub_statuses },
	[KEY_WITHIN] = { "within", V_INT, 1, 3660 },
	[KEY_PRODUCT] = { "product", V_SLUG, 1, 120 },
	[KEY_RANGE] = { "range", V_ENUM, .choices = stats_presets },
	[KEY_DASH_KIND] = { "kind", V_ENUM, .choices = product_kinds },
	[KEY_DASH_CATEGORY] = { "category", V_INT, -1, 1LL << 53 },
	[KEY_SLUG] = { "slug", V_LINE, 1, 120, NULL, 1 },
	[KEY_NAME] = { "name", V_LINE, 1, 200, NULL, 1 },
	[KEY_DESC] = { "description", V_TEXT, 1, 20000 },
	[KEY_NAME_FR] = { "name_fr", V_LINE, 1, 200 },
	[KEY_DESC_FR] = { "description_fr", V_TEXT, 1, 20000 },
	[KEY_PKIND] = { "product_kind", V_ENUM, .choices = adm_product_kinds },
	[KEY_MEDIA] = { "media_type", V_ENUM, .choices = adm_media_types },
	[KEY_CATEGORY] = { "category", V_INT, 0, 1LL << 53 },
	[KEY_PARENT] = { "parent", V_INT, 0, 1LL << 53 },
	[KEY_POSITION] = { "position", V_INT, 0, 1000000 },
	[KEY_PRICE] = { "price", V_FUNC, 0, 0, NULL, 1, money_field },
	[KEY_COMPARE] = { "compare_at", V_FUNC, 0, 0, NULL, 0, money_field },
	[KEY_STOCK] = { "stock", V_INT, 0, 1000000000 },
	[KEY_SKU] = { "sku", V_LINE, 1, 64 },
	[KEY_FEATURED] = { "featured", V_BOOL },
	[KEY_ACTIVE] = { "active", V_BOOL },
	[KEY_STATE] = { "state", V_ENUM, .choices = adm_product_states },
	[KEY_OP] = { "op", V_ENUM, .choices = adm_product_ops, .required = 1 },
	[KEY_IDS] = { "ids", V_LINE, 1, 20000 },
	[KEY_BULK] = { "bulk", V_ENUM, .choices = adm_bulk_ops },
	[KEY_PLAN] = { "plan", V_INT, 1, 1LL << 53 },
	[KEY_MONTHS] = { "months", V_INT, 0, 120 },
	[KEY_DAYS] = { "days", V_INT, 0, 3660 },
	[KEY_PLAN_PRICE] = { "plan_price", V_FUNC, 0, 0, NULL, 0, money_field },
	[KEY_ALT] = { "alt", V_LINE, 1, 200 },
	[KEY_IMAGE] = { "image", V_INT, 1, 1LL << 53 },
	[KEY_IMAGE_OP] = { "image_op", V_ENUM, .choices = adm_image_ops },
	[KEY_BOX] = { "box", V_ENUM, .choices = message_boxes },
	[KEY_MDO] = { "do", V_ENUM, .choices = adm_message_acts, .required = 1 },
	[KEY_LINE] = { "line", V_INT, 1, 100000 },
	[KEY_QTY] = { "qty", V_INT, 1, 1000000000 },
	[KEY_IDEM] = { "idem", V_TOKEN, 16, 64, NULL, 1 },
	[KEY_REFUND] = { "refund", V_INT, 1, 1LL << 53, NULL, 1 },
	[KEY_SUB_DO] = { "do", V_ENUM, .choices = sub_act_names, .required = 1 },
	[KEY_SUB_OLD] = { "old", V_ENUM, .choices = adm_sub_olds },
	[KEY_CROLE] = { "role", V_ENUM, .choices = adm_roles },
	[KEY_ROLE] = { "role", V_ENUM, .choices = adm_roles, .required = 1 },
	[KEY_EMAIL] = { "email", V_EMAIL, .required = 1 },
	[KEY_CNAME] = { "name", V_LINE, 1, 100, NULL, 1 },
	[KEY_PHONE] = { "phone", V_LINE, 0, 30 },
	[KEY_LANG] = { "lang", V_ENUM, .choices = adm_langs },
	[KEY_CDO] = { "do", V_ENUM, .choices = adm_customer_acts, .required = 1 },
	[KEY_CDONE] = { "done", V_ENUM, .choices = adm_customer_done },
	[KEY_WAS] = { "was", V_LINE, 1, 120 },
	[KEY_CLANG] = { "language", V_LINE, 1, 8 },
	[KEY_TITLE] = { "title", V_LINE, 0, 200 },
	[KEY_MARKDOWN] = { "markdown", V_TEXT, 0, 100000 },
	[KEY_PUBLISHED] = { "published", V_BOOL },
	[KEY_PREVIEW] = { "preview", V_BOOL },
	[KEY_FAQ_CATEGORY] = { "category", V_LINE, 0, 100 },
	[KEY_QUESTION] = { "question", V_LINE, 0, 300 },
	[KEY_FAQ_ANSWER] = { "answer", V_TEXT, 0, 20000 },
	[KEY_SLOT] = { "slot", V_LINE, 0, 40 },
	[KEY_TEXT] = { "text", V_LINE, 0, 300 },
	[KEY_FAQ_ID] = { "id", V_INT, 1, 1LL << 53 },
	[KEY_SETTING] = { "setting", V_LINE, 1, 64, NULL, 1 },
	[KEY_SET_VALUE] = { "value", V_LINE, 0, 1000 },
	[KEY_IMPORT_MODE] = { "mode", V_ENUM, .choices = adm_import_modes },
	[KEY_SET_ACT] = { "action", V_ENUM, .choices = adm_setting_acts },
	[KEY_FILE] = { "media", V_INT, 1, 1LL << 53 },
	[KEY_DOWNLOADS] = { "downloads", V_INT, 0, GRANT_DOWNLOADS_MAX },
	[KEY_ENT] = { "ent", V_INT, 1, 1LL << 53 },
	[KEY_GRANT_DAYS] = { "days", V_INT, 0, GRANT_DAYS_MAX },
	[KEY_CPN_KIND] = { "kind", V_LINE, 1, 16 },
	[KEY_CPN_VALUE] = { "value", V_LINE, 1, 32 },
	[KEY_CPN_MIN] = { "min_order", V_LINE, 1, 32 },
	[KEY_CPN_STARTS] = { "starts", V_LINE, 1, 10 },
	[KEY_CPN_EXPIRES] = { "expires", V_LINE, 1, 10 },
	[KEY_CPN_MAX] = { "max_uses", V_LINE, 1, 16 },
	[KEY_CPN_PER] = { "per_customer", V_LINE, 1, 16 },
	[KEY_CPN_PRODUCTS] = { "products", V_TEXT, 1, 4000 },
	[KEY_CPN_CATEGORIES] = { "categories", V_TEXT, 1, 4000 },
	[KEY_CPN_DO] = { "do", V_ENUM, .choices = adm_coupon_acts, .required = 1 },
	[KEY_ATTR] = { "attribute", V_INT, 1, 1LL << 53 },
	[KEY_OPTION] = { "option", V_INT, 1, 1LL << 53 },
	[KEY_ATTR_EN] = { "name_en", V_LINE, 0, 100 },
	[KEY_ATTR_FR] = { "name_fr", V_LINE, 0, 100 },
	/* Generous lengths: ship_edit.h and detail_edit.h say what is wrong. */
	[KEY_SH_NAME] = { "name", V_LINE, 0, 400 },
	[KEY_SH_NAME_EN] = { "name_en", V_LINE, 0, 400 },
	[KEY_SH_NAME_FR] = { "name_fr", V_LINE, 0, 400 },
	[KEY_SH_AREAS] = { "areas", V_TEXT, 0, 8000 },
	[KEY_SH_ZONE] = { "zone", V_INT, 1, 1LL << 53 },
	[KEY_SH_KIND] = { "kind", V_LINE, 0, 16 },
	[KEY_SH_BASE] = { "base", V_LINE, 0, 32 },
	[KEY_SH_STEP] = { "step", V_LINE, 0, 32 },
	[KEY_SH_GRAMS] = { "grams", V_LINE, 0, 16 },
	[KEY_SH_FREE] = { "free_from", V_LINE, 0, 32 },
	[KEY_SH_MIN] = { "min_days", V_LINE, 0, 8 },
	[KEY_SH_MAX] = { "max_days", V_LINE, 0, 8 },
	[KEY_SH_COUNTRY] = { "country", V_LINE, 0, 8 },
	[KEY_SH_REGION] = { "region", V_LINE, 0, 200 },
	[KEY_SH_UNITS] = { "units", V_LINE, 0, 16 },
	[KEY_SH_QGRAMS] = { "grams", V_LINE, 0, 16 },
	[KEY_SH_AMOUNT] = { "amount", V_LINE, 0, 32 },
	[KEY_DF_NAME] = { "field", V_LINE, 0, 100 },
	[KEY_DF_TYPE] = { "type", V_LINE, 0, 16 },
	[KEY_DF_LABEL] = { "label", V_LINE, 0, 400 },
	[KEY_DF_LABEL_EN] = { "label_en", V_LINE, 0, 400 },
	[KEY_DF_LABEL_FR] = { "label_fr", V_LINE, 0, 400 },
	[KEY_DF_MAX] = { "max", V_LINE, 0, 16 },
	[KEY_DF_REQUIRED] = { "required", V_BOOL },
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
	PAGE_REVIEWS,
	PAGE_REVIEW_ACT,
	PAGE_SUB_ACCESS,
	PAGE_SUBSCRIPTIONS,
	PAGE_CREDENTIALS,
	PAGE_PRODUCTS,
	PAGE_PRODUCT,
	PAGE_PRODUCT_SAVE,
	PAGE_PRODUCT_ACT,
	PAGE_PRODUCTS_BULK,
	PAGE_PRODUCTS_EXPORT,
	PAGE_PRODUCTS_IMPORT,
	PAGE_PRODUCT_PLAN,
	PAGE_PRODUCT_IMAGE,
	PAGE_PRODUCT_IMAGE_ACT,
	PAGE_CATEGORIES,
	PAGE_CATEGORY_SAVE,
	PAGE_MESSAGES,
	PAGE_MESSAGE,
	PAGE_MESSAGE_REPLY,
	PAGE_MESSAGE_STATUS,
	PAGE_ORDER_REFUND,
	PAGE_ORDER_RETRY,
	PAGE_ORDER_RESEND,
	PAGE_SUBSCRIPTION,
	PAGE_SUB_ACT,
	PAGE_CUSTOMERS,
	PAGE_CUSTOMER,
	PAGE_CUSTOMER_NEW,
	PAGE_CUSTOMER_ACT,
	PAGE_CUSTOMER_ROLE,
	PAGE_CUSTOMER_NOTE,
	PAGE_CONTENT_PAGES,
	PAGE_CONTENT_PAGE,
	PAGE_CONTENT_PAGE_SAVE,
	PAGE_CONTENT_PAGE_PUBLISH,
	PAGE_CONTENT_PAGE_DELETE,
	PAGE_FAQ,
	PAGE_FAQ_SAVE,
	PAGE_FAQ_DELETE,
	PAGE_BANNERS,
	PAGE_BANNER_SAVE,
	PAGE_BANNER_DELETE,
	PAGE_SETTINGS,
	PAGE_SETTING_SAVE,
	PAGE_PRODUCT_FILE,
	PAGE_PRODUCT_FILE_REMOVE,
	PAGE_CUSTOMER_GRANT,
	PAGE_CUSTOMER_UNGRANT,
	PAGE_COUPONS,
	PAGE_COUPON,
	PAGE_COUPON_SAVE,
	PAGE_COUPON_ACT,
	PAGE_ATTRIBUTES,
	PAGE_ATTRIBUTE_SAVE,
	PAGE_ATTRIBUTE_DELETE,
	PAGE_ATTRIBUTE_OPTION,
	PAGE_ATTRIBUTE_OPTION_DELETE,
	PAGE_PRODUCT_ATTRS,
	PAGE_SHIPPING,
	PAGE_SHIP_ZONE,
	PAGE_SHIP_ZONE_SAVE,
	PAGE_SHIP_ZONE_DELETE,
	PAGE_SHIP_RATE,
	PAGE_SHIP_RATE_SAVE,
	PAGE_SHIP_RATE_DELETE,
	PAGE_DETAILS,
	PAGE_DETAILS_WEIGHT,
	PAGE_DETAILS_SAVE,
	PAGE_DETAILS_REMOVE,
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
	[PAGE_REVIEWS] = page_reviews,
	[PAGE_REVIEW_ACT] = page_review_act,
	[PAGE_SUB_ACCESS] = page_sub_access,
	[PAGE_SUBSCRIPTIONS] = page_subscriptions,
	[PAGE_CREDENTIALS] = page_credentials,
	[PAGE_PRODUCTS] = page_products,
	[PAGE_PRODUCT] = page_product,
	[PAGE_PRODUCT_SAVE] = page_product_save,
	[PAGE_PRODUCT_ACT] = page_product_act,
	[PAGE_PRODUCTS_BULK] = page_products_bulk,
	[PAGE_PRODUCTS_EXPORT] = page_products_export,
	[PAGE_PRODUCTS_IMPORT] = page_products_import,
	[PAGE_PRODUCT_PLAN] = page_product_plan,
	[PAGE_PRODUCT_IMAGE] = page_product_image,
	[PAGE_PRODUCT_IMAGE_ACT] = page_product_image_act,
	[PAGE_CATEGORIES] = page_categories,
	[PAGE_CATEGORY_SAVE] = page_category_save,
	[PAGE_MESSAGES] = page_messages,
	[PAGE_MESSAGE] = page_message,
	[PAGE_MESSAGE_REPLY] = page_message_reply,
	[PAGE_MESSAGE_STATUS] = page_message_status,
	[PAGE_ORDER_REFUND] = page_order_refund,
	[PAGE_ORDER_RETRY] = page_order_retry,
	[PAGE_ORDER_RESEND] = page_order_resend,
	[PAGE_SUBSCRIPTION] = page_subscription,
	[PAGE_SUB_ACT] = page_sub_act,
	[PAGE_CUSTOMERS] = page_customers,
	[PAGE_CUSTOMER] = page_customer,
	[PAGE_CUSTOMER_NEW] = page_customer_new,
	[PAGE_CUSTOMER_ACT] = page_customer_act,
	[PAGE_CUSTOMER_ROLE] = page_customer_role,
	[PAGE_CUSTOMER_NOTE] = page_customer_note,
	[PAGE_CONTENT_PAGES] = page_content_pages,
	[PAGE_CONTENT_PAGE] = page_content_page,
	[PAGE_CONTENT_PAGE_SAVE] = page_content_page_save,
	[PAGE_CONTENT_PAGE_PUBLISH] = page_content_page_publish,
	[PAGE_CONTENT_PAGE_DELETE] = page_content_page_delete,
	[PAGE_FAQ] = page_faq,
	[PAGE_FAQ_SAVE] = page_faq_save,
	[PAGE_FAQ_DELETE] = page_faq_delete,
	[PAGE_BANNERS] = page_banners,
	[PAGE_BANNER_SAVE] = page_banner_save,
	[PAGE_BANNER_DELETE] = page_banner_delete,
	[PAGE_SETTINGS] = page_settings,
	[PAGE_SETTING_SAVE] = page_setting_save,
	[PAGE_PRODUCT_FILE] = page_product_file,
	[PAGE_PRODUCT_FILE_REMOVE] = page_product_file_remove,
	[PAGE_CUSTOMER_GRANT] = page_customer_grant,
	[PAGE_CUSTOMER_UNGRANT] = page_customer_ungrant,
	[PAGE_COUPONS] = page_coupons,
	[PAGE_COUPON] = page_coupon,
	[PAGE_COUPON_SAVE] = page_coupon_save,
	[PAGE_COUPON_ACT] = page_coupon_act,
	[PAGE_ATTRIBUTES] = page_attributes,
	[PAGE_ATTRIBUTE_SAVE] = page_attribute_save,
	[PAGE_ATTRIBUTE_DELETE] = page_attribute_delete,
	[PAGE_ATTRIBUTE_OPTION] = page_attribute_option,
	[PAGE_ATTRIBUTE_OPTION_DELETE] = page_attribute_option_delete,
	[PAGE_PRODUCT_ATTRS] = page_product_attrs,
	[PAGE_SHIPPING] = page_shipping,
	[PAGE_SHIP_ZONE] = page_ship_zone,
	[PAGE_SHIP_ZONE_SAVE] = page_ship_zone_save,
	[PAGE_SHIP_ZONE_DELETE] = page_ship_zone_delete,
	[PAGE_SHIP_RATE] = page_ship_rate,
	[PAGE_SHIP_RATE_SAVE] = page_ship_rate_save,
	[PAGE_SHIP_RATE_DELETE] = page_ship_rate_delete,
	[PAGE_DETAILS] = page_details,
	[PAGE_DETAILS_WEIGHT] = page_details_weight,
	[PAGE_DETAILS_SAVE] = page_details_save,
	[PAGE_DETAILS_REMOVE] = page_details_remove,
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
	[PAGE_REVIEWS] = PERM_REVIEWS,
	[PAGE_REVIEW_ACT] = PERM_REVIEW_ACT,
	[PAGE_SUB_ACCESS] = PERM_ORDER_ACT,
	[PAGE_SUBSCRIPTIONS] = PERM_SUBSCRIPTIONS,
	[PAGE_CREDENTIALS] = PERM_CREDENTIALS,
	[PAGE_PRODUCTS] = PERM_CATALOG,
	[PAGE_PRODUCT] = PERM_CATALOG,
	[PAGE_PRODUCT_SAVE] = PERM_CATALOG,
	[PAGE_PRODUCT_ACT] = PERM_CATALOG,
	[PAGE_PRODUCTS_BULK] = PERM_CATALOG,
	[PAGE_PRODUCTS_EXPORT] = PERM_CATALOG,
	[PAGE_PRODUCTS_IMPORT] = PERM_CATALOG,
	[PAGE_PRODUCT_PLAN] = PERM_CATALOG,
	[PAGE_PRODUCT_IMAGE] = PERM_CATALOG,
	[PAGE_PRODUCT_IMAGE_ACT] = PERM_CATALOG,
	[PAGE_CATEGORIES] = PERM_CATALOG,
	[PAGE_CATEGORY_SAVE] = PERM_CATALOG,
	[PAGE_MESSAGES] = PERM_MESSAGES,
	[PAGE_MESSAGE] = PERM_MESSAGES,
	[PAGE_MESSAGE_REPLY] = PERM_MESSAGE_ACT,
	[PAGE_MESSAGE_STATUS] = PERM_MESSAGE_ACT,
	[PAGE_ORDER_REFUND] = PERM_REFUND,
	[PAGE_ORDER_RETRY] = PERM_REFUND,
	[PAGE_ORDER_RESEND] = PERM_ORDER_ACT,
	[PAGE_SUBSCRIPTION] = PERM_SUBSCRIPTIONS,
	[PAGE_SUB_ACT] = PERM_SUB_ACT,
	[PAGE_CUSTOMERS] = PERM_CUSTOMERS,
	[PAGE_CUSTOMER] = PERM_CUSTOMERS,
	[PAGE_CUSTOMER_NEW] = PERM_CUSTOMER_ACT,
	[PAGE_CUSTOMER_ACT] = PERM_CUSTOMER_ACT,
	[PAGE_CUSTOMER_ROLE] = PERM_ROLES,
	[PAGE_CUSTOMER_NOTE] = PERM_CUSTOMER_NOTE,
	[PAGE_CONTENT_PAGES] = PERM_CONTENT,
	[PAGE_CONTENT_PAGE] = PERM_CONTENT,
	[PAGE_CONTENT_PAGE_SAVE] = PERM_CONTENT,
	[PAGE_CONTENT_PAGE_PUBLISH] = PERM_CONTENT,
	[PAGE_CONTENT_PAGE_DELETE] = PERM_DELETE,
	[PAGE_FAQ] = PERM_CONTENT,
	[PAGE_FAQ_SAVE] = PERM_CONTENT,
	[PAGE_FAQ_DELETE] = PERM_DELETE,
	[PAGE_BANNERS] = PERM_CONTENT,
	[PAGE_BANNER_SAVE] = PERM_CONTENT,
	[PAGE_BANNER_DELETE] = PERM_DELETE,
	[PAGE_SETTINGS] = PERM_SETTINGS,
	[PAGE_SETTING_SAVE] = PERM_SETTINGS,
	[PAGE_PRODUCT_FILE] = PERM_CATALOG,
	[PAGE_PRODUCT_FILE_REMOVE] = PERM_CATALOG,
	[PAGE_CUSTOMER_GRANT] = PERM_GRANT,
	[PAGE_CUSTOMER_UNGRANT] = PERM_GRANT,
	[PAGE_COUPONS] = PERM_COUPONS,
	[PAGE_COUPON] = PERM_COUPONS,
	[PAGE_COUPON_SAVE] = PERM_COUPONS,
	[PAGE_COUPON_ACT] = PERM_COUPONS,
	[PAGE_ATTRIBUTES] = PERM_CATALOG,
	[PAGE_ATTRIBUTE_SAVE] = PERM_CATALOG,
	[PAGE_ATTRIBUTE_DELETE] = PERM_CATALOG,
	[PAGE_ATTRIBUTE_OPTION] = PERM_CATALOG,
	[PAGE_ATTRIBUTE_OPTION_DELETE] = PERM_CATALOG,
	[PAGE_PRODUCT_ATTRS] = PERM_CATALOG,
	[PAGE_SHIPPING] = PERM_SHIPPING,
	[PAGE_SHIP_ZONE] = PERM_SHIPPING,
	[PAGE_SHIP_ZONE_SAVE] = PERM_SHIPPING,
	[PAGE_SHIP_ZONE_DELETE] = PERM_DELETE,
	[PAGE_SHIP_RATE] = PERM_SHIPPING,
	[PAGE_SHIP_RATE_SAVE] = PERM_SHIPPING,
	[PAGE_SHIP_RATE_DELETE] = PERM_DELETE,
	[PAGE_DETAILS] = PERM_CATALOG,
	[PAGE_DETAILS_WEIGHT] = PERM_CATALOG,
	[PAGE_DETAILS_SAVE] = PERM_CATALOG,
	[PAGE_DETAILS_REMOVE] = PERM_CATALOG,
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
	[PAGE_DASHBOARD] = { "admin", METHODS_GET, gate, 0, KEYS(KEY_NOTICE,
	    KEY_RANGE, KEY_FROM, KEY_TO, KEY_DASH_KIND, KEY_DASH_CATEGORY) },
	[PAGE_ORDERS] = { "admin/orders", METHODS_GET, gate, 0,
	    KEYS(KEY_STATUS, KEY_METHOD, KEY_FROM, KEY_TO, KEY_Q, KEY_BEFORE) },
	[PAGE_EXPORT] = { "admin/export", METHODS_GET, gate, 0,
	    KEYS(KEY_STATUS, KEY_METHOD, KEY_FROM, KEY_TO, KEY_Q) },
	[PAGE_ORDER] = { "admin/order", METHODS_GET, gate, PAGE_REST,
	    KEYS(KEY_NOTICE) },
	[PAGE_ORDER_ACT] = { "admin/order/act", METHODS_POST, gate, 0,
	    KEYS(KEY_ID, KEY_DO, KEY_REASON, KEY_USERNAME, KEY_PASSWORD,
	    KEY_PORTAL, KEY_M3U, KEY_CODE) },
	[PAGE_ORDER_NOTE] = { "admin/order/note", METHODS_POST, gate, 0,
	    KEYS(KEY_ID, KEY_BODY, KEY_VISIBLE) },
	[PAGE_PROOF] = { "admin/proof", METHODS_GET, gate, PAGE_REST, NULL },
	[PAGE_AUDIT] = { "admin/audit", METHODS_GET, gate, 0,
	    KEYS(KEY_KIND, KEY_OBJECT, KEY_BEFORE) },
	[PAGE_REVIEWS] = { "admin/reviews", METHODS_GET, gate, 0,
	    KEYS(KEY_VIEW, KEY_BEFORE, KEY_DONE) },
	[PAGE_REVIEW_ACT] = { "admin/reviews/act", METHODS_POST, gate, 0,
	    KEYS(KEY_ID, KEY_MOD, KEY_ANSWER, KEY_VIEW) },
	[PAGE_SUB_ACCESS] = { "admin/subscription/access", METHODS_POST, gate,
	    0, KEYS(KEY_SUB, KEY_USERNAME, KEY_PASSWORD, KEY_PORTAL, KEY_M3U,
	    KEY_CODE) },
	[PAGE_SUBSCRIPTIONS] = { "admin/subscriptions", METHODS_GET, gate, 0,
	    KEYS(KEY_SUBSTATUS, KEY_PRODUCT, KEY_WITHIN) },
	[PAGE_CREDENTIALS] = { "admin/credentials", METHODS_GET_POST, gate, 0,
	    KEYS(KEY_PRODUCT, KEY_NOTICE) },
	[PAGE_PRODUCTS] = { "admin/products", METHODS_GET, gate, 0,
	    KEYS(KEY_Q, KEY_PKIND, KEY_STATE, KEY_CATEGORY, KEY_BEFORE,
	    KEY_NOTICE) },
	[PAGE_PRODUCT] = { "admin/product", METHODS_GET, gate, PAGE_REST,
	    KEYS(KEY_NOTICE) },
	[PAGE_PRODUCT_SAVE] = { "admin/product/save", METHODS_POST, gate, 0,
	    KEYS(KEY_ID, KEY_SLUG, KEY_NAME, KEY_DESC, KEY_NAME_FR, KEY_DESC_FR,
	    KEY_PKIND, KEY_MEDIA, KEY_CATEGORY, KEY_PARENT, KEY_POSITION,
	    KEY_PRICE, KEY_COMPARE, KEY_STOCK, KEY_SKU, KEY_FEATURED,
	    KEY_ACTIVE) },
	[PAGE_PRODUCT_ACT] = { "admin/product/act", METHODS_POST, gate, 0,
	    KEYS(KEY_ID, KEY_OP) },
	[PAGE_PRODUCTS_BULK] = { "admin/products/bulk", METHODS_POST, gate, 0,
	    KEYS(KEY_IDS, KEY_BULK, KEY_CATEGORY) },
	[PAGE_PRODUCTS_EXPORT] = { "admin/products/export", METHODS_GET, gate,
	    0, NULL },
	[PAGE_PRODUCTS_IMPORT] = { "admin/products/import", METHODS_GET_POST,
	    gate, 0, KEYS(KEY_IMPORT_MODE) },
	[PAGE_PRODUCT_PLAN] = { "admin/product/plan", METHODS_POST, gate, 0,
	    KEYS(KEY_ID, KEY_PLAN, KEY_MONTHS, KEY_DAYS, KEY_PLAN_PRICE) },
	[PAGE_PRODUCT_IMAGE] = { "admin/product/image", METHODS_POST, gate, 0,
	    KEYS(KEY_ID, KEY_ALT) },
	[PAGE_PRODUCT_IMAGE_ACT] = { "admin/product/image/act", METHODS_POST,
	    gate, 0, KEYS(KEY_ID, KEY_IMAGE, KEY_IMAGE_OP, KEY_ALT) },
	[PAGE_CATEGORIES] = { "admin/categories", METHODS_GET, gate, 0,
	    KEYS(KEY_NOTICE) },
	[PAGE_CATEGORY_SAVE] = { "admin/category/save", METHODS_POST, gate, 0,
	    KEYS(KEY_ID, KEY_SLUG, KEY_NAME, KEY_PARENT, KEY_POSITION) },
	[PAGE_MESSAGES] = { "admin/messages", METHODS_GET, gate, 0,
	    KEYS(KEY_BOX, KEY_BEFORE, KEY_NOTICE) },
	[PAGE_MESSAGE] = { "admin/message", METHODS_GET, gate, PAGE_REST,
	    KEYS(KEY_NOTICE) },
	[PAGE_MESSAGE_REPLY] = { "admin/message/reply", METHODS_POST, gate, 0,
	    KEYS(KEY_ID, KEY_BODY) },
	[PAGE_MESSAGE_STATUS] = { "admin/message/status", METHODS_POST, gate, 0,
	    KEYS(KEY_ID, KEY_MDO) },
	[PAGE_ORDER_REFUND] = { "admin/order/refund", METHODS_POST, gate, 0,
	    KEYS(KEY_ID, KEY_IDEM, KEY_REASON, KEY_LINE, KEY_QTY) },
	[PAGE_ORDER_RETRY] = { "admin/order/retry", METHODS_POST, gate, 0,
	    KEYS(KEY_ID, KEY_REFUND) },
	[PAGE_ORDER_RESEND] = { "admin/order/resend", METHODS_POST, gate, 0,
	    KEYS(KEY_ID) },
	[PAGE_SUBSCRIPTION] = { "admin/subscription", METHODS_GET, gate,
	    PAGE_REST, KEYS(KEY_NOTICE) },
	[PAGE_SUB_ACT] = { "admin/subscription/act", METHODS_POST, gate, 0,
	    KEYS(KEY_SUB, KEY_SUB_DO, KEY_DAYS, KEY_PLAN, KEY_REASON,
	    KEY_SUB_OLD) },
	[PAGE_CUSTOMERS] = { "admin/customers", METHODS_GET, gate, 0,
	    KEYS(KEY_Q, KEY_CROLE, KEY_BEFORE, KEY_CDONE) },
	[PAGE_CUSTOMER] = { "admin/customer", METHODS_GET, gate, PAGE_REST,
	    KEYS(KEY_CDONE) },
	[PAGE_CUSTOMER_NEW] = { "admin/customers/new", METHODS_GET_POST, gate,
	    0, KEYS(KEY_EMAIL, KEY_CNAME, KEY_PHONE, KEY_LANG) },
	[PAGE_CUSTOMER_ACT] = { "admin/customer/act", METHODS_POST, gate, 0,
	    KEYS(KEY_ID, KEY_CDO) },
	[PAGE_CUSTOMER_ROLE] = { "admin/customer/role", METHODS_POST, gate, 0,
	    KEYS(KEY_ID, KEY_ROLE) },
	[PAGE_CUSTOMER_NOTE] = { "admin/customer/note", METHODS_POST, gate, 0,
	    KEYS(KEY_ID, KEY_BODY) },
	[PAGE_CONTENT_PAGES] = { "admin/pages", METHODS_GET, gate, 0,
	    KEYS(KEY_NOTICE) },
	[PAGE_CONTENT_PAGE] = { "admin/page", METHODS_GET, gate, PAGE_REST,
	    KEYS(KEY_NOTICE) },
	[PAGE_CONTENT_PAGE_SAVE] = { "admin/pages/save", METHODS_POST, gate, 0,
	    KEYS(KEY_WAS, KEY_SLUG, KEY_CLANG, KEY_TITLE, KEY_MARKDOWN,
	    KEY_PUBLISHED, KEY_PREVIEW) },
	[PAGE_CONTENT_PAGE_PUBLISH] = { "admin/pages/publish", METHODS_POST,
	    gate, 0, KEYS(KEY_SLUG, KEY_CLANG, KEY_PUBLISHED) },
	[PAGE_CONTENT_PAGE_DELETE] = { "admin/pages/delete", METHODS_POST,
	    gate, 0, KEYS(KEY_SLUG, KEY_CLANG) },
	[PAGE_FAQ] = { "admin/faq", METHODS_GET, gate, 0, KEYS(KEY_NOTICE) },
	[PAGE_FAQ_SAVE] = { "admin/faq/save", METHODS_POST, gate, 0,
	    KEYS(KEY_FAQ_ID, KEY_CLANG, KEY_FAQ_CATEGORY, KEY_QUESTION,
	    KEY_FAQ_ANSWER, KEY_POSITION, KEY_PREVIEW) },
	[PAGE_FAQ_DELETE] = { "admin/faq/delete", METHODS_POST, gate, 0,
	    KEYS(KEY_ID) },
	[PAGE_BANNERS] = { "admin/banners", METHODS_GET, gate, 0,
	    KEYS(KEY_NOTICE) },
	[PAGE_BANNER_SAVE] = { "admin/banners/save", METHODS_POST, gate, 0,
	    KEYS(KEY_SLOT, KEY_CLANG, KEY_TITLE, KEY_TEXT, KEY_POSITION,
	    KEY_ACTIVE) },
	[PAGE_BANNER_DELETE] = { "admin/banners/delete", METHODS_POST, gate, 0,
	    KEYS(KEY_SLOT, KEY_CLANG) },
	[PAGE_SETTINGS] = { "admin/settings", METHODS_GET, gate, 0,
	    KEYS(KEY_NOTICE) },
	[PAGE_SETTING_SAVE] = { "admin/settings/save", METHODS_POST, gate, 0,
	    KEYS(KEY_SETTING, KEY_SET_VALUE, KEY_SET_ACT) },
	[PAGE_PRODUCT_FILE] = { "admin/product/file", METHODS_POST, gate, 0,
	    KEYS(KEY_ID) },
	[PAGE_PRODUCT_FILE_REMOVE] = { "admin/product/file/remove",
	    METHODS_POST, gate, 0, KEYS(KEY_ID, KEY_FILE) },
	[PAGE_CUSTOMER_GRANT] = { "admin/customer/grant", METHODS_POST, gate,
	    0, KEYS(KEY_ID, KEY_PRODUCT, KEY_GRANT_DAYS, KEY_DOWNLOADS,
	    KEY_REASON) },
	[PAGE_CUSTOMER_UNGRANT] = { "admin/customer/ungrant", METHODS_POST,
	    gate, 0, KEYS(KEY_ID, KEY_ENT) },
	[PAGE_COUPONS] = { "admin/coupons", METHODS_GET, gate, 0,
	    KEYS(KEY_NOTICE) },
	[PAGE_COUPON] = { "admin/coupon", METHODS_GET, gate, PAGE_REST,
	    KEYS(KEY_NOTICE) },
	[PAGE_COUPON_SAVE] = { "admin/coupon/save", METHODS_POST, gate, 0,
	    KEYS(KEY_ID, KEY_CODE, KEY_CPN_KIND, KEY_CPN_VALUE, KEY_CPN_MIN,
	    KEY_CPN_STARTS, KEY_CPN_EXPIRES, KEY_CPN_MAX, KEY_CPN_PER,
	    KEY_CPN_PRODUCTS, KEY_CPN_CATEGORIES) },
	[PAGE_COUPON_ACT] = { "admin/coupon/act", METHODS_POST, gate, 0,
	    KEYS(KEY_ID, KEY_CPN_DO) },
	[PAGE_ATTRIBUTES] = { "admin/attributes", METHODS_GET, gate, 0,
	    KEYS(KEY_NOTICE) },
	[PAGE_ATTRIBUTE_SAVE] = { "admin/attribute/save", METHODS_POST, gate,
	    0, KEYS(KEY_ID, KEY_SLUG, KEY_ATTR_EN, KEY_ATTR_FR, KEY_CATEGORY,
	    KEY_POSITION) },
	[PAGE_ATTRIBUTE_DELETE] = { "admin/attribute/delete", METHODS_POST,
	    gate, 0, KEYS(KEY_ID) },
	[PAGE_ATTRIBUTE_OPTION] = { "admin/attribute/option", METHODS_POST,
	    gate, 0, KEYS(KEY_ATTR, KEY_OPTION, KEY_SLUG, KEY_ATTR_EN,
	    KEY_ATTR_FR, KEY_POSITION) },
	[PAGE_ATTRIBUTE_OPTION_DELETE] = { "admin/attribute/option/delete",
	    METHODS_POST, gate, 0, KEYS(KEY_ATTR, KEY_OPTION) },
	[PAGE_PRODUCT_ATTRS] = { "admin/product/attrs", METHODS_POST, gate, 0,
	    KEYS(KEY_ID) },
	[PAGE_SHIPPING] = { "admin/shipping", METHODS_GET, gate, 0,
	    KEYS(KEY_NOTICE, KEY_SH_COUNTRY, KEY_SH_REGION, KEY_SH_UNITS,
	    KEY_SH_QGRAMS, KEY_SH_AMOUNT) },
	[PAGE_SHIP_ZONE] = { "admin/shipping/zone", METHODS_GET, gate,
	    PAGE_REST, KEYS(KEY_NOTICE) },
	[PAGE_SHIP_ZONE_SAVE] = { "admin/shipping/zone/save", METHODS_POST,
	    gate, 0, KEYS(KEY_ID, KEY_SH_NAME, KEY_SH_AREAS) },
	[PAGE_SHIP_ZONE_DELETE] = { "admin/shipping/zone/delete", METHODS_POST,
	    gate, 0, KEYS(KEY_ID) },
	[PAGE_SHIP_RATE] = { "admin/shipping/rate", METHODS_GET, gate,
	    PAGE_REST, KEYS(KEY_NOTICE, KEY_SH_ZONE) },
	[PAGE_SHIP_RATE_SAVE] = { "admin/shipping/rate/save", METHODS_POST,
	    gate, 0, KEYS(KEY_ID, KEY_SH_ZONE, KEY_SH_NAME, KEY_SH_NAME_EN,
	    KEY_SH_NAME_FR, KEY_SH_KIND, KEY_SH_BASE, KEY_SH_STEP, KEY_SH_GRAMS,
	    KEY_SH_FREE, KEY_SH_MIN, KEY_SH_MAX, KEY_ACTIVE) },
	[PAGE_SHIP_RATE_DELETE] = { "admin/shipping/rate/delete", METHODS_POST,
	    gate, 0, KEYS(KEY_ID) },
	[PAGE_DETAILS] = { "admin/details", METHODS_GET, gate, PAGE_REST,
	    KEYS(KEY_NOTICE) },
	[PAGE_DETAILS_WEIGHT] = { "admin/details/weight", METHODS_POST, gate,
	    0, KEYS(KEY_ID, KEY_SH_GRAMS) },
	[PAGE_DETAILS_SAVE] = { "admin/details/save", METHODS_POST, gate, 0,
	    KEYS(KEY_ID, KEY_DF_NAME, KEY_DF_TYPE, KEY_DF_LABEL,
	    KEY_DF_LABEL_EN, KEY_DF_LABEL_FR, KEY_DF_MAX, KEY_DF_REQUIRED) },
	[PAGE_DETAILS_REMOVE] = { "admin/details/remove", METHODS_POST, gate,
	    0, KEYS(KEY_ID, KEY_DF_NAME) },
};

static const struct app admin = {
	"admin", pages, PAGE__MAX, adm_keys, KEY__MAX, &site_hooks, NULL, NULL,
};

int
main(int argc, char **argv)
{
	return app_main(argc, argv, &admin);
}

