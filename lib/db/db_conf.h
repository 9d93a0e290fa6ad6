/* db_conf.h — the database layer's configuration keys (see conf.h). */
#ifndef SOUK_DB_CONF_H
#define SOUK_DB_CONF_H
#include "conf.h"

enum conf_db_key {
	CONF_DB_PATH = CONF_WEB__END,
	CONF_DB__END
};

/* Declares the keys above (idempotent); call before conf_load(). */
void	db_conf_define(void);

#endif
