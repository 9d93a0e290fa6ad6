/* subs_hdf.c — see subs_hdf.h. */
#include <string.h>

#include "cred.h"
#include "l10n.h"
#include "log.h"
#include "subs.h"
#include "subs_hdf.h"

int
subs_put(struct ctx *c, const char *prefix, const struct subscription *s,
    size_t n, long long now)
{
	struct arena *a = &c->arena;
	HDF *h = c->hdf;

	for (size_t i = 0; i < n; i++) {
		const char *p = arena_printf(a, "%s.%zu", prefix, i);
		struct cred_field *f;
		size_t nf = 0;
		int rc;

		hdf_putf(h, arena_printf(a, "%lld", s[i].id), "%s.id", p);
		hdf_putf(h, s[i].product_name, "%s.name", p);
		hdf_putf(h, s[i].product_slug, "%s.slug", p);
		hdf_putf(h, sub_status(&s[i], now), "%s.status", p);
		hdf_putf(h, s[i].reason, "%s.reason", p);
		hdf_putf(h, l10n_time_a(a, s[i].starts_at, c->lang,
		    L10N_DATE), "%s.starts", p);
		hdf_putf(h, l10n_time_a(a, s[i].ends_at, c->lang,
		    L10N_DATE), "%s.ends", p);
		hdf_putf(h, s[i].access, "%s.access", p);
		hdf_putf(h, arena_printf(a, "/cart/renew?%s",
		    sub_renew_query(a, s[i].id)), "%s.renew", p);
		if (strcmp(s[i].access, "ready") != 0 ||
		    strcmp(s[i].state, "live") != 0)
			continue;
		if ((rc = cred_fields(c->db, a, s[i].id, &f, &nf)) < 0)
			log_error("subscription %lld: credentials unreadable",
			    s[i].id);
		for (size_t j = 0; rc == 0 && j < nf; j++) {
			hdf_putf(h, f[j].name, "%s.cred.%zu.name", p, j);
			hdf_putf(h, f[j].value, "%s.cred.%zu.value", p, j);
		}
	}
	hdf_put_int(h, arena_printf(a, "%s_count", prefix), (long long)n);
	return 0;
}
