/* admin.h — what the back office's parts share (cgi-bin/admin.c is the
 * program: its page table, permission gate and keys; each part under
 * cgi-bin/parts/admin/ holds the pages of one concern).  Handlers return
 * the HTTP status, as every page handler does (docs/library.md). */
#ifndef SOUK_ADMIN_H
#define SOUK_ADMIN_H

#include "app.h"
#include "customer.h"
#include "db_staff.h"
#include "order.h"

/* The program's keys: one line each. */
enum key {
	KEY_STATUS,
	KEY_METHOD,
	KEY_FROM,
	KEY_TO,
	KEY_Q,
	KEY_BEFORE,
	KEY_ID,
	KEY_DO,
	KEY_REASON,
	KEY_BODY,
	KEY_VISIBLE,
	KEY_KIND,
	KEY_OBJECT,
	KEY_NOTICE,
	KEY_VIEW,
	KEY_MOD,
	KEY_ANSWER,
	KEY_DONE,
	KEY_USERNAME,	/* access details (subs.c) */
	KEY_PASSWORD,
	KEY_PORTAL,
	KEY_M3U,
	KEY_CODE,
	KEY_SUB,
	KEY_SUBSTATUS,
	KEY_WITHIN,
	KEY_PRODUCT,
	KEY_RANGE,
	KEY_DASH_KIND,	/* the dashboard's filters (dashboard.c) */
	KEY_DASH_CATEGORY,
	KEY_SLUG,
	KEY_NAME,
	KEY_DESC,
	KEY_NAME_FR,
	KEY_DESC_FR,
	KEY_PKIND,
	KEY_MEDIA,
	KEY_CATEGORY,
	KEY_PARENT,
	KEY_POSITION,
	KEY_PRICE,
	KEY_COMPARE,
	KEY_STOCK,
	KEY_SKU,
	KEY_FEATURED,
	KEY_ACTIVE,
	KEY_STATE,
	KEY_OP,
	KEY_IDS,
	KEY_BULK,
	KEY_PLAN,
	KEY_MONTHS,
	KEY_DAYS,
	KEY_PLAN_PRICE,
	KEY_ALT,
	KEY_IMAGE,
	KEY_IMAGE_OP,
	KEY_BOX,
	KEY_MDO,
	KEY_LINE,	/* refunds (refund.c) */
	KEY_QTY,
	KEY_IDEM,
	KEY_REFUND,
	KEY_SUB_DO,	/* a subscription's actions (sub_act.c) */
	KEY_SUB_OLD,
	KEY_CROLE,	/* customers.c: the list's role filter */
	KEY_ROLE,	/* a new role */
	KEY_EMAIL,
	KEY_CNAME,
	KEY_PHONE,
	KEY_LANG,
	KEY_CDO,
	KEY_CDONE,
	KEY_WAS,	/* content pages, FAQ, banners (content_*.c) */
	KEY_CLANG,
	KEY_TITLE,
	KEY_MARKDOWN,
	KEY_PUBLISHED,
	KEY_PREVIEW,
	KEY_FAQ_CATEGORY,
	KEY_QUESTION,
	KEY_FAQ_ANSWER,
	KEY_SLOT,
	KEY_TEXT,
	KEY_FAQ_ID,
	KEY_SETTING,	/* settings.c */
	KEY_SET_VALUE,
	KEY_SET_ACT,
	KEY_FILE,	/* a product's file (product_files.c) */
	KEY_DOWNLOADS,	/* a grant (grants.c) */
	KEY_ENT,
	KEY_GRANT_DAYS,
	KEY_CPN_KIND,	/* coupons.c (the code is KEY_CODE) */
	KEY_CPN_VALUE,
	KEY_CPN_MIN,
	KEY_CPN_STARTS,
	KEY_CPN_EXPIRES,
	KEY_CPN_MAX,
	KEY_CPN_PER,
	KEY_CPN_PRODUCTS,
	KEY_CPN_CATEGORIES,
	KEY_CPN_DO,
	KEY_IMPORT_MODE,	/* catalog_csv.c */
	KEY_ATTR,	/* attributes.c */
	KEY_OPTION,
	KEY_ATTR_EN,
	KEY_ATTR_FR,
	KEY_SH_NAME,	/* shipping.c */
	KEY_SH_NAME_EN,
	KEY_SH_NAME_FR,
	KEY_SH_AREAS,
	KEY_SH_ZONE,
	KEY_SH_KIND,
	KEY_SH_BASE,
	KEY_SH_STEP,
	KEY_SH_GRAMS,
	KEY_SH_FREE,
	KEY_SH_MIN,
	KEY_SH_MAX,
	KEY_SH_COUNTRY,	/* the quote preview */
	KEY_SH_REGION,
	KEY_SH_UNITS,
	KEY_SH_QGRAMS,
	KEY_SH_AMOUNT,
	KEY_DF_NAME,	/* details.c (a weight: KEY_SH_GRAMS) */
	KEY_DF_TYPE,
	KEY_DF_LABEL,
	KEY_DF_LABEL_EN,
	KEY_DF_LABEL_FR,
	KEY_DF_MAX,
	KEY_DF_REQUIRED,
	KEY__MAX
};
/* Their table, in cgi-bin/admin.c: one line each. */
extern const struct valid_key adm_keys[KEY__MAX];

/* common.c */
/* Unix time t as this visitor's language writes a date and time (arena). */
const char	*adm_when(struct ctx *, long long t);
/* The value of an optional key, or NULL when absent or invalid. */
const char	*adm_opt(struct ctx *, int key);
/* Unix time of local midnight of "YYYY-MM-DD" (the store's time zone),
 * plus days; 0 when s is not such a date. */
long long	 adm_local_day(const char *s, int days);
/* The id in the path's third segment (/admin/<what>/<id>): a positive
 * decimal without sign or leading zero; 0 when there is none such. */
long long	 adm_path_id(struct ctx *);
/* The object a page is about: adm_path_id() when from_path, else the
 * posted KEY_ID; 0 when there is none. */
long long	 adm_object_id(struct ctx *, int from_path);
/* Adds the audit row of this request's visitor (inside the caller's
 * transaction): action on object kind/id with detail; 0 or -1. */
int		 adm_audit(struct ctx *, const char *action, const char *kind,
		    long long id, const char *detail, long long now);
/* The same for an object named by text (a page "terms/fr"). */
int		 adm_audit_s(struct ctx *, const char *action, const char *kind,
		    const char *object, const char *detail, long long now);
/* The visitor as the store's staff functions name who acts. */
struct staff_actor adm_actor(struct ctx *);

/* orders.c: the order list, its CSV, and the rows the dashboard shows. */
/* The order actions (do=...) and the status each moves to. */
extern const char *const adm_order_acts[];
struct adm_order_move {
	enum order_status	 to;
	const char		*note;	/* history note (Lang.order.note key) */
};
extern const struct adm_order_move adm_order_moves[];
/* Orders matching f into HDF prefix.N.*; the number put, or -1. */
long long	 adm_put_orders(struct ctx *, const char *prefix,
		    struct staff_order_filter *f);
int		 page_orders(struct ctx *);
int		 page_export(struct ctx *);

/* order.c: one order, its actions, notes and payment proofs. */
int		 page_order(struct ctx *);
int		 page_order_act(struct ctx *);
int		 page_order_note(struct ctx *);
int		 page_proof(struct ctx *);
/* The order page of o (after a refused POST: its status). */
int		 adm_order_render(struct ctx *, struct order *o, int status);

/* refund.c: refunds and "resend the last mail" on the order page. */
/* Page.refunds (history), Page.refund (the form, for those who may),
 * Page.resend (the mail to send again); 0 or -1. */
int		 adm_put_refunds(struct ctx *, const struct order *o);
int		 page_order_refund(struct ctx *);
int		 page_order_retry(struct ctx *);
int		 page_order_resend(struct ctx *);

/* dashboard.c */
int		 page_dashboard(struct ctx *);

/* reviews.c: the moderation queue of reviews and questions. */
extern const char *const adm_review_views[];
extern const char *const adm_review_acts[];
int		 page_reviews(struct ctx *);
int		 page_review_act(struct ctx *);
/* charts.c: the dashboard's charts of q into Page.chart.*; 0 or -1. */
struct stats_query;
int		 adm_put_charts(struct ctx *, const struct stats_query *q);
/* messages.c: the contact inbox, one message, reply, handled/reopen/spam. */
extern const char *const adm_message_acts[];	/* do= of message/status */
int		 page_messages(struct ctx *);
int		 page_message(struct ctx *);
int		 page_message_reply(struct ctx *);
int		 page_message_status(struct ctx *);

/* audit.c */
int		 page_audit(struct ctx *);

/* subs.c: subscriptions, their access details, the credential pools. */
extern const char *const adm_sub_statuses[];
/* The access details typed in the form (username, password, portal, m3u,
 * code) as JSON (malloc'd, caller frees), or NULL when none was typed. */
char		*adm_access_json(struct ctx *);
/* Page.subs (the order's subscriptions) and Page.access_form (1 when a
 * line's product has staff-entered access); 0 or -1. */
int		 adm_put_order_subs(struct ctx *, const struct order *);
/* Inside the caller's transaction, after o became paid: the typed
 * details json go to each subscription of o still without access; the
 * number given, or -1. */
int		 adm_give_order_access(struct ctx *, const struct order *o,
		    const char *json, long long now);
int		 page_sub_access(struct ctx *);
int		 page_subscriptions(struct ctx *);
int		 page_credentials(struct ctx *);
/* sub_act.c: one subscription's page and the staff actions on it. */
extern const char *const adm_sub_olds[];	/* retire, return */
int		 page_subscription(struct ctx *);
int		 page_sub_act(struct ctx *);
/* products.c: the catalog's products (admins only). */
extern const char *const adm_product_kinds[];
extern const char *const adm_media_types[];
extern const char *const adm_product_states[];	/* active, archived */
extern const char *const adm_product_ops[];	/* duplicate, archive, ... */
extern const char *const adm_bulk_ops[];
/* The language of the form's second text (the one not in the base
 * columns). */
enum lang	 adm_other_lang(void);
/* Every category in tree order into Page.cats.N; 0 or -1. */
int		 adm_put_categories(struct ctx *);
int		 page_products(struct ctx *);
int		 page_product(struct ctx *);
int		 page_product_save(struct ctx *);
int		 page_product_act(struct ctx *);
int		 page_products_bulk(struct ctx *);
int		 page_product_plan(struct ctx *);

/* product_files.c: the files a digital product sells (media.h). */
/* Page.files.N.{id,name,type,size} of product_id and
 * Page.upload_max_kb; 0 or -1. */
int		 adm_put_files(struct ctx *, long long product_id);
int		 page_product_file(struct ctx *);
int		 page_product_file_remove(struct ctx *);
/* catalog_csv.c: the catalog's CSV export and import. */
extern const char *const adm_import_modes[];	/* preview, apply */
int		 page_products_export(struct ctx *);
int		 page_products_import(struct ctx *);

/* images.c: a product's pictures. */
extern const char *const adm_image_ops[];	/* save, up, down, delete */
int		 page_product_image(struct ctx *);
int		 page_product_image_act(struct ctx *);

/* content_pages.c: the shop's content pages (docs/content.md). */
int		 page_content_pages(struct ctx *);
int		 page_content_page(struct ctx *);
int		 page_content_page_save(struct ctx *);
int		 page_content_page_publish(struct ctx *);
int		 page_content_page_delete(struct ctx *);
/* content_faq.c: FAQ entries and home banners. */
/* Page.errors.N.{field,err} for each invalid key of the request and the
 * content refusal r (field content_result_field(r), err "content"); the
 * number put. */
int		 adm_content_errors(struct ctx *, int refusal);
/* Page.langs.N.{code,name}: the store's languages for a form. */
/* Page.preview (and Page.preview_lang): md rendered as content_preview()
 * renders what is saved (libcmark, raw HTML off), nothing saved; returns
 * CONTENT_OK, a refusal (bad language or body) or CONTENT_ERROR. */
int		 adm_content_preview(struct ctx *, const char *lang,
		    const char *md);
void		 adm_put_langs(struct ctx *);
int		 page_faq(struct ctx *);
int		 page_faq_save(struct ctx *);
int		 page_faq_delete(struct ctx *);
int		 page_banners(struct ctx *);
int		 page_banner_save(struct ctx *);
int		 page_banner_delete(struct ctx *);
/* settings.c: the store settings (admins only). */
extern const char *const adm_setting_acts[];	/* save, reset */
int		 page_settings(struct ctx *);
int		 page_setting_save(struct ctx *);

/* attributes.c: attributes, their options, a product's values. */
/* Page.pattrs.N.{key,name,value,options.M.{value,label}}: the attributes
 * that apply to product (or that it has a value of); 0 or -1. */
int		 adm_put_product_attrs(struct ctx *, long long product);
int		 page_attributes(struct ctx *);
int		 page_attribute_save(struct ctx *);
int		 page_attribute_delete(struct ctx *);
int		 page_attribute_option(struct ctx *);
int		 page_attribute_option_delete(struct ctx *);
int		 page_product_attrs(struct ctx *);

/* categories.c: the category tree. */
int		 page_categories(struct ctx *);
int		 page_category_save(struct ctx *);

/* customers.c: customers, their pages, accounts staff create, actions. */
extern const char *const adm_roles[];		/* index i: enum role i + 1 */
extern const char *const adm_langs[];
extern const char *const adm_customer_acts[];	/* disable, enable, ... */
extern const char *const adm_customer_done[];
int		 page_customers(struct ctx *);
int		 page_customer(struct ctx *);
int		 page_customer_new(struct ctx *);
int		 page_customer_act(struct ctx *);
int		 page_customer_role(struct ctx *);
int		 page_customer_note(struct ctx *);
/* The start of every POST on a customer: the CSRF check, then the
 * account the form's id names into u; 0, or the status to answer. */
int		 adm_customer_post(struct ctx *, struct user *u);
/* 303 to account id's page with done=what (an adm_customer_done). */
int		 adm_customer_done_at(struct ctx *, long long id,
		    const char *what);
/* u's page with status and a refusal (Lang.admcust.err.<err>, or
 * NULL); returns the status. */
int		 adm_customer_page(struct ctx *, const struct user *u, int status,
		    const char *err);

/* grants.c: content given to a customer without an order (grant.h). */
/* Page.grants.N (live grants of u) and Page.grantable.N (the products
 * the form offers), for those who may grant; 0 or -1. */
int		 adm_put_grants(struct ctx *, const struct user *u);
int		 page_customer_grant(struct ctx *);
int		 page_customer_ungrant(struct ctx *);

/* coupons.c: discount codes (admins; docs/admin.md "Coupons"). */
extern const char *const adm_coupon_acts[];	/* disable, enable */
int		 page_coupons(struct ctx *);
int		 page_coupon(struct ctx *);
int		 page_coupon_save(struct ctx *);
int		 page_coupon_act(struct ctx *);

/* shipping.c: delivery zones, their rates, the quote preview (admins). */
int		 page_shipping(struct ctx *);
int		 page_ship_zone(struct ctx *);
int		 page_ship_zone_save(struct ctx *);
int		 page_ship_zone_delete(struct ctx *);
int		 page_ship_rate(struct ctx *);
int		 page_ship_rate_save(struct ctx *);
int		 page_ship_rate_delete(struct ctx *);
/* details.c: a product's weight and checkout details (admins). */
int		 page_details(struct ctx *);
int		 page_details_weight(struct ctx *);
int		 page_details_save(struct ctx *);
int		 page_details_remove(struct ctx *);

#endif
