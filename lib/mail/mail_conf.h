/* mail_conf.h — the mail layer's configuration keys (see conf.h). */
#ifndef SOUK_MAIL_CONF_H
#define SOUK_MAIL_CONF_H
#include "db_conf.h"

enum conf_mail_key {
	CONF_STORE_NAME = CONF_DB__END,	/* the From name of every mail */
	CONF_SHOP_EMAIL,
	CONF_MAIL_FROM,
	CONF_SMTP_HOST,
	CONF_SMTP_PORT,
	CONF_SMTP_STARTTLS,
	CONF_SMTP_USER,
	CONF_SMTP_PASSWORD,
	CONF_SMTP_TIMEOUT,
	CONF_MAIL_GIVE_UP,
	CONF_MAIL_RETRY_BASE,
	CONF_MAIL_RETRY_MAX,
	CONF_MAIL_5XX_ATTEMPTS,
	CONF_MAIL_AFTER_RESPONSE,
	CONF_MAIL__END
};

/* Declares the keys above and those of the layers below (idempotent). */
void	mail_conf_define(void);

#endif
