/* mail_conf.c — see mail_conf.h. */
#include <string.h>

#include "log.h"
#include "mail_conf.h"

#define K(k) [(k) - CONF_DB__END]
static const struct conf_def defs[CONF_MAIL__END - CONF_DB__END] = {
	K(CONF_STORE_NAME) = { "store_name", "souk", "shop name shown in pages and mails" },
	K(CONF_SHOP_EMAIL) = { "shop_email", "shop@localhost", "where contact messages and new-order mails go" },
	K(CONF_MAIL_FROM) = { "mail_from", "souk@localhost", "sender address of every mail" },
	K(CONF_SMTP_HOST) = { "smtp_host", "127.0.0.1", "SMTP server" },
	K(CONF_SMTP_PORT) = { "smtp_port", "25", "SMTP port (587 for submission)" },
	K(CONF_SMTP_STARTTLS) = { "smtp_starttls", "if-available", "never, if-available or required" },
	K(CONF_SMTP_USER) = { "smtp_user", "", "SMTP AUTH user (empty: no AUTH)" },
	K(CONF_SMTP_PASSWORD) = { "smtp_password", "", "SMTP AUTH password" },
	K(CONF_SMTP_TIMEOUT) = { "smtp_timeout", "30", "seconds before a silent SMTP server is given up on" },
	K(CONF_MAIL_GIVE_UP) = { "mail_give_up", "259200", "seconds after which an undeliverable mail is marked failed" },
	K(CONF_MAIL_RETRY_BASE) = { "mail_retry_base", "60", "seconds before the first retry of a mail; doubles each attempt" },
	K(CONF_MAIL_RETRY_MAX) = { "mail_retry_max", "3600", "longest wait in seconds between two attempts of a mail" },
	K(CONF_MAIL_5XX_ATTEMPTS) = { "mail_5xx_attempts", "3", "5xx replies a mail may get before it is marked failed" },
	K(CONF_MAIL_AFTER_RESPONSE) = { "mail_after_response", "1", "1: programs send the mail a request queued right after its response; 0: only soukctl mail run/daemon send" },
};

/* Keys that must hold a positive number. */
static const int positive[] = {
	CONF_SMTP_PORT, CONF_SMTP_TIMEOUT, CONF_MAIL_GIVE_UP,
	CONF_MAIL_RETRY_BASE, CONF_MAIL_RETRY_MAX, CONF_MAIL_5XX_ATTEMPTS,
};

static int
check(void)
{
	const char *tls = conf_str(CONF_SMTP_STARTTLS);
	int rc = 0;

	if (strcmp(tls, "never") != 0 && strcmp(tls, "if-available") != 0 &&
	    strcmp(tls, "required") != 0) {
		log_error("conf: smtp_starttls must be never, if-available or "
		    "required");
		rc = -1;
	}
	for (size_t i = 0; i < sizeof(positive) / sizeof(*positive); i++)
		if (conf_need_positive(positive[i]) < 0)
			rc = -1;
	return rc;
}

void
mail_conf_define(void)
{
	db_conf_define();
	conf_define(CONF_DB__END, defs, CONF_MAIL__END - CONF_DB__END, check);
}
