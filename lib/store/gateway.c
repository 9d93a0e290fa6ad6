/* gateway.c — the gateway registry; see gateway.h. */
#include <ctype.h>
#include <string.h>

#include "gateway.h"
#include "store_conf.h"

const struct gateway *
gw_get(const char *id)
{
	if (strcmp(id, gw_stripe.id) == 0)
		return &gw_stripe;
	if (strcmp(id, gw_flouci.id) == 0)
		return &gw_flouci;
	return NULL;
}

int
gw_live(void)
{
	return strcmp(conf_str(CONF_PAY_MODE), "live") == 0;
}

void
gw_lower(const char *cur, char out[4])
{
	size_t i;

	for (i = 0; i < 3 && cur[i]; i++)
		out[i] = (char)tolower((unsigned char)cur[i]);
	out[i] = '\0';
}
