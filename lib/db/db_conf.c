/* db_conf.c — see db_conf.h. */
#include <stddef.h>

#include "db_conf.h"

static const struct conf_def defs[CONF_DB__END - CONF_WEB__END] = {
	[CONF_DB_PATH - CONF_WEB__END] = { "db_path", "/var/lib/souk/souk.db", "SQLite database file (its directory must be writable: WAL)" },
};

void
db_conf_define(void)
{
	conf_define(CONF_WEB__END, defs, CONF_DB__END - CONF_WEB__END, NULL);
}
