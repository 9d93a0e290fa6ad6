/* valid.c — see valid.h. */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <string.h>
#include <strings.h>

#include "utf8.h"
#include "valid.h"

int
valid_int(const char *s, long long min, long long max, long long *out,
    const char **err)
{
	const char *p = s;
	long long v = 0;
	int neg = 0;

	if (*p == '-') {
		neg = 1;
		p++;
	}
	if (*p == '\0') {
		*err = "not_int";
		return -1;
	}
	for (; *p; p++) {
		int d;
		if (*p < '0' || *p > '9') {
			*err = "not_int";
			return -1;
		}
		d = *p - '0';
		if (v > (LLONG_MAX - d) / 10) {
			*err = "int_range";
			return -1;
		}
		v = v * 10 + d;
	}
	if (neg)
		v = -v;
	if (v < min || v > max) {
		*err = "int_range";
		return -1;
	}
	*out = v;
	return 0;
}

int
valid_money(const char *s, int decimals, long long min, long long max,
    long long *out, const char **err)
{
	long long whole = 0, frac = 0, scale = 1;
	int nfrac = 0, seen_sep = 0, digits = 0;

	for (int i = 0; i < decimals; i++)
		scale *= 10;
	for (const char *p = s; *p; p++) {
		if ((*p == '.' || *p == ',') && !seen_sep) {
			seen_sep = 1;
			continue;
		}
		if (*p < '0' || *p > '9') {
			*err = "bad_money";
			return -1;
		}
		digits++;
		if (seen_sep) {
			if (++nfrac > decimals) {
				*err = "money_decimals";
				return -1;
			}
			frac = frac * 10 + (*p - '0');
		} else {
			if (whole > (LLONG_MAX / scale - 9) / 10) {
				*err = "money_range";
				return -1;
			}
			whole = whole * 10 + (*p - '0');
		}
	}
	if (digits == 0) {
		*err = "bad_money";
		return -1;
	}
	for (int i = nfrac; i < decimals; i++)
		frac *= 10;
	whole = whole * scale + frac;
	if (whole < min || whole > max) {
		*err = "money_range";
		return -1;
	}
	*out = whole;
	return 0;
}

int
valid_slug(const char *s, size_t max, const char **err)
{
	size_t n = strlen(s);

	if (n == 0 || n > max) {
		*err = "bad_slug";
		return -1;
	}
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
			continue;
		if (c == '-' && i > 0 && i + 1 < n && s[i - 1] != '-')
			continue;
		*err = "bad_slug";
		return -1;
	}
	return 0;
}

int
valid_atext(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || (c != '\0' && strchr("!#$%&'*+-/=?^_`{|}~", c));
}

int
valid_email_syntax(const char *s, int need_dot)
{
	const char *at = strchr(s, '@'), *p;
	size_t n = strlen(s), label = 0;
	int dots = 0;

	if (n < 3 || n > 254 || at == NULL || at == s || at - s > 64 ||
	    strchr(at + 1, '@') != NULL || at[1] == '\0')
		return 0;
	for (p = s; p < at; p++)
		if (!valid_atext((unsigned char)*p) &&
		    !(*p == '.' && p != s && p[1] != '@' && p[-1] != '.'))
			return 0;
	for (p = at + 1;; p++) {
		if (*p == '.' || *p == '\0') {
			if (label == 0 || label > 63 || p[-1] == '-')
				return 0;
			if (*p == '\0')
				return !need_dot || dots > 0;
			label = 0;
			dots++;
			continue;
		}
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || (*p == '-' && label > 0)))
			return 0;
		label++;
	}
}

int
valid_email(const char *s, const char **err)
{
	if (!valid_email_syntax(s, 1)) {
		*err = "bad_email";
		return -1;
	}
	return 0;
}

/* Trims ASCII white space at both ends (into the arena). */
static const char *
trimmed(struct arena *a, const char *s)
{
	size_t start, n = text_trim(s, strlen(s), &start);

	return arena_strndup(a, s + start, n);
}

/* V_LINE and V_TEXT: s is the trimmed value, raw the value as received.
 * Controls are looked for in raw, so a line break trimming would drop is
 * refused too: a one-line value is exactly what mail_header_safe() takes
 * (both use utf8_has_controls()), so a name that passes here never makes
 * mail_enqueue() fail later. */
static int
valid_text(const char *s, const char *raw, const struct valid_key *k,
    int multiline, const char **err)
{
	size_t n = strlen(s), cps;

	if (!utf8_valid(raw, strlen(raw))) {
		*err = "bad_utf8";
		return -1;
	}
	if (utf8_has_controls(raw, strlen(raw), multiline)) {
		*err = multiline ? "bad_chars" : "line_chars";
		return -1;
	}
	cps = utf8_len(s, n);
	if (k->min > 0 && cps < (size_t)k->min) {
		*err = "too_short";
		return -1;
	}
	if (k->max > 0 && cps > (size_t)k->max) {
		*err = "too_long";
		return -1;
	}
	return 0;
}

static int
valid_token(const char *s, const struct valid_key *k, const char **err)
{
	size_t n = strlen(s);

	*err = "bad_token";
	if ((k->min > 0 && n < (size_t)k->min) || (k->max > 0 && n > (size_t)k->max))
		return -1;
	for (const char *p = s; *p; p++)
		if (!isalnum((unsigned char)*p) && *p != '-' && *p != '_')
			return -1;
	return 0;
}

void
valid_one(struct arena *a, const struct valid_key *k, const char *raw,
    struct val *v)
{
	const char *err = NULL, *s;
	int rc = 0;

	memset(v, 0, sizeof(*v));
	v->raw = raw;
	s = raw == NULL ? NULL : (k->type == V_TEXT || k->type == V_LINE ||
	    k->type == V_EMAIL || k->type == V_FUNC || k->type == V_INT) ?
	    trimmed(a, raw) : raw;
	if (s == NULL || (*s == '\0' && k->type != V_BOOL)) {
		v->state = VAL_ABSENT;
		v->s = "";
		if (k->required) {
			v->state = VAL_INVALID;
			v->err = "required";
		}
		return;
	}
	v->s = s;
	switch (k->type) {
	case V_INT:
		rc = valid_int(s, k->min, k->max, &v->i, &err);
		break;
	case V_FUNC:
		rc = k->fn(k, s, v, &err);
		break;
	case V_SLUG:
		rc = valid_slug(s, k->max ? (size_t)k->max : 120, &err);
		break;
	case V_EMAIL:
		/* A line break around it would be trimmed, but it is not
		 * one plain address as sent. */
		rc = utf8_has_controls(raw, strlen(raw), 0) ?
		    (err = "bad_email", -1) : valid_email(s, &err);
		break;
	case V_LINE:
		rc = valid_text(s, raw, k, 0, &err);
		break;
	case V_TEXT:
		rc = valid_text(s, raw, k, 1, &err);
		break;
	case V_TOKEN:
		rc = valid_token(s, k, &err);
		break;
	case V_ENUM:
		rc = -1;
		err = "bad_choice";
		for (long long i = 0; k->choices && k->choices[i]; i++)
			if (strcmp(k->choices[i], s) == 0) {
				v->i = i;
				rc = 0;
				break;
			}
		break;
	case V_BOOL:
		if (*s == '\0' || strcmp(s, "0") == 0 || strcasecmp(s, "off") == 0 ||
		    strcasecmp(s, "no") == 0 || strcasecmp(s, "false") == 0)
			v->i = 0;
		else if (strcmp(s, "1") == 0 || strcasecmp(s, "on") == 0 ||
		    strcasecmp(s, "yes") == 0 || strcasecmp(s, "true") == 0)
			v->i = 1;
		else {
			rc = -1;
			err = "bad_bool";
		}
		break;
	}
	if (rc < 0) {
		v->state = VAL_INVALID;
		v->err = err;
	} else
		v->state = VAL_OK;
}

int
valid_run(struct arena *a, const struct valid_key *keys, size_t n,
    const struct kvlist *src1, const struct kvlist *src2, struct val *vals)
{
	int bad = 0;

	for (size_t i = 0; i < n; i++) {
		const char *raw = NULL;

		if (keys[i].name == NULL) {
			memset(&vals[i], 0, sizeof(vals[i]));
			continue;
		}
		if (src1 != NULL)
			raw = kv_get(src1, keys[i].name);
		if (raw == NULL && src2 != NULL)
			raw = kv_get(src2, keys[i].name);
		valid_one(a, &keys[i], raw, &vals[i]);
		if (vals[i].state == VAL_INVALID)
			bad++;
	}
	return bad;
}
