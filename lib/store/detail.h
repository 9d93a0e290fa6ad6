/* detail.h — details a product asks for at checkout (a device's MAC
 * address for an IPTV plan, the app it will run in): the fields, their
 * rules, and the values an order line keeps.
 *
 * A product has up to DETAIL_MAX_PER_PRODUCT fields (product_fields,
 * `soukctl product-field`); checkout asks each line's fields, checks
 * them with detail_check() and the order keeps the values with the line
 * (order_item_fields: labels copied, so a later change of the product's
 * fields never rewrites an order).  One order asks at most
 * DETAIL_MAX_PER_ORDER values in all. */
#ifndef SOUK_DETAIL_H
#define SOUK_DETAIL_H
#include <stddef.h>

#include "arena.h"
#include "lang.h"

#define DETAIL_MAX_PER_PRODUCT	4
#define DETAIL_MAX_PER_ORDER	16
#define DETAIL_VALUE_MAX	200	/* characters, the largest max_len */
#define DETAIL_MAC_BUF		18	/* "AA:BB:CC:DD:EE:FF" + NUL */

enum detail_type { DETAIL_MAC, DETAIL_TEXT, DETAIL__MAX };

/* "mac", "text", NULL-terminated: product_fields.type. */
extern const char *const detail_types[DETAIL__MAX + 1];

struct detail_field {
	long long	 id;
	const char	*name, *label;
	enum detail_type type;
	int		 max_len;		/* DETAIL_TEXT */
	int		 required;
	const char	*labels[LANG__MAX];	/* per language, "" none:
						   lang_text(labels, l, label) */
};

/* A value given with an order line, with the field's labels as asked. */
struct order_detail {
	const char	*name, *label, *value;
	const char	*labels[LANG__MAX];	/* as detail_field's */
};

/* Checks the shopper's value s (trimmed, one line: the form's validator
 * ran) for f.  0 with *out the value to keep (the MAC address as
 * AA:BB:CC:DD:EE:FF, in a; the text as given), or -1 with *err a Lang
 * code: "required", "bad_mac", "too_long".  An empty optional field is 0
 * with *out "". */
int	detail_check(struct arena *a, const struct detail_field *f,
	    const char *s, const char **out, const char **err);
/* Normalises a MAC address written with ':', '-', '.', spaces or nothing
 * between its 12 hex digits (any case) into out[DETAIL_MAC_BUF] as
 * AA:BB:CC:DD:EE:FF.  0, or -1 when s is not one. */
int	detail_mac(const char *s, char out[DETAIL_MAC_BUF]);
/* 1 when name can name a field: 1-32 of [a-z0-9_]. */
int	detail_name_ok(const char *name);

#endif
