/* test_conf.c — the configuration file, environment overrides and the
 * checks made at load time. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>

#include "store_conf.h"
#include "t.h"

/* Removes every SOUK_<KEY> variable so only the test's settings count. */
static void
clear_env(void)
{
	for (int k = 0; k < CONF__MAX; k++) {
		char name[64];
		snprintf(name, sizeof(name), "SOUK_%s", conf_name(k));
		for (char *p = name + 5; *p; p++)
			*p = (char)toupper((unsigned char)*p);
		unsetenv(name);
	}
}

/* Back to defaults for the tests that follow. */
static void
reset(void)
{
	clear_env();
	conf_load_file(NULL);
}

TEST(conf_file_values_comments_and_spaces)
{
	const char *path = t_write("conf/ok.conf",
	    "# a comment\n"
	    "\n"
	    "   store_name   =   Souk de Tunis  \n"
	    "currency=TND\n"
	    "\tbase_url = https://shop.example/\n"
	    "db_path = /tmp/x.db # not a comment: values are taken whole\n"
	    "timezone = Africa/Tunis\n");

	clear_env();
	CHECK_INT(conf_load_file(path), 0);
	CHECK_STR(conf_str(CONF_STORE_NAME), "Souk de Tunis");
	CHECK_STR(conf_str(CONF_CURRENCY), "TND");
	CHECK_INT(conf_int(CONF_CURRENCY_DECIMALS), 3);	/* from the code */
	CHECK_STR(conf_str(CONF_BASE_URL), "https://shop.example");
	CHECK_INT(conf_https(), 1);
	CHECK_STR(conf_str(CONF_DB_PATH),
	    "/tmp/x.db # not a comment: values are taken whole");
	CHECK_STR(getenv("TZ"), "Africa/Tunis");
	/* Keys not in the file keep their defaults. */
	CHECK_STR(conf_str(CONF_DEFAULT_LANG), "en");
	CHECK_INT(conf_int(CONF_PAGE_CACHE), 1);
	CHECK_STR(conf_str(CONF_SMTP_USER), "");
	reset();
}

TEST(conf_environment_overrides_file)
{
	const char *path = t_write("conf/env.conf",
	    "store_name = From the file\ncurrency = USD\n");

	clear_env();
	setenv("SOUK_STORE_NAME", "From the environment", 1);
	setenv("SOUK_CURRENCY", "XAF", 1);
	setenv("SOUK_BASE_URL", "http://127.0.0.1:9999///", 1);
	CHECK_INT(conf_load_file(path), 0);
	CHECK_STR(conf_str(CONF_STORE_NAME), "From the environment");
	CHECK_STR(conf_str(CONF_CURRENCY), "XAF");
	CHECK_INT(conf_int(CONF_CURRENCY_DECIMALS), 0);
	CHECK_STR(conf_str(CONF_BASE_URL), "http://127.0.0.1:9999");
	CHECK_INT(conf_https(), 0);
	/* conf_load() reads $SOUK_CONF. */
	setenv("SOUK_CONF", path, 1);
	unsetenv("SOUK_STORE_NAME");
	CHECK_INT(conf_load(), 0);
	CHECK_STR(conf_str(CONF_STORE_NAME), "From the file");
	unsetenv("SOUK_CONF");
	reset();
}

TEST(conf_unknown_key_and_bad_lines_are_errors)
{
	clear_env();
	/* A typo must not silently keep a default. */
	CHECK_INT(conf_load_file(t_write("conf/typo.conf",
	    "store_nmae = Souk\n")), -1);
	CHECK_INT(conf_load_file(t_write("conf/noeq.conf",
	    "store_name Souk\n")), -1);
	/* Keys are lower case, as documented. */
	CHECK_INT(conf_load_file(t_write("conf/upper.conf",
	    "STORE_NAME = Souk\n")), -1);
	CHECK_INT(conf_load_file(t_write("conf/missing/none.conf", "")), 0);
	CHECK_INT(conf_load_file("/nonexistent/souk.conf"), -1);
	/* The good lines of a bad file still count (all errors are shown
	 * in one go), but the load fails. */
	CHECK_INT(conf_load_file(t_write("conf/mixed.conf",
	    "store_name = Kept\nbogus = 1\n")), -1);
	CHECK_STR(conf_str(CONF_STORE_NAME), "Kept");
	reset();
}

TEST(conf_value_checks)
{
	clear_env();
	setenv("SOUK_CURRENCY", "usd", 1);
	CHECK_INT(conf_load_file(NULL), -1);
	setenv("SOUK_CURRENCY", "EURO", 1);
	CHECK_INT(conf_load_file(NULL), -1);
	setenv("SOUK_CURRENCY", "EUR", 1);
	CHECK_INT(conf_load_file(NULL), 0);
	CHECK_INT(conf_int(CONF_CURRENCY_DECIMALS), 2);
	setenv("SOUK_CURRENCY_DECIMALS", "5", 1);
	CHECK_INT(conf_load_file(NULL), -1);
	setenv("SOUK_CURRENCY_DECIMALS", "-1", 1);
	CHECK_INT(conf_load_file(NULL), -1);
	setenv("SOUK_CURRENCY_DECIMALS", "3", 1);	/* explicit beats the code */
	CHECK_INT(conf_load_file(NULL), 0);
	CHECK_INT(conf_int(CONF_CURRENCY_DECIMALS), 3);
	unsetenv("SOUK_CURRENCY_DECIMALS");
	setenv("SOUK_BASE_URL", "ftp://shop.example", 1);
	CHECK_INT(conf_load_file(NULL), -1);
	setenv("SOUK_BASE_URL", "shop.example", 1);
	CHECK_INT(conf_load_file(NULL), -1);
	unsetenv("SOUK_BASE_URL");
	setenv("SOUK_DEFAULT_LANG", "de", 1);
	CHECK_INT(conf_load_file(NULL), -1);
	setenv("SOUK_DEFAULT_LANG", "fr", 1);
	CHECK_INT(conf_load_file(NULL), 0);
	CHECK_INT(conf_currency_decimals("TND"), 3);
	CHECK_INT(conf_currency_decimals("JPY"), 0);
	CHECK_INT(conf_currency_decimals("GBP"), 2);
	CHECK_INT(conf_currency_decimals("tnd"), -1);
	CHECK_INT(conf_currency_decimals("TN"), -1);
	CHECK_INT(conf_currency_decimals(""), -1);
	reset();
}

TEST(conf_reload_forgets_previous_values)
{
	clear_env();
	CHECK_INT(conf_load_file(t_write("conf/a.conf", "store_name = A\n")), 0);
	CHECK_STR(conf_str(CONF_STORE_NAME), "A");
	CHECK_INT(conf_load_file(NULL), 0);
	CHECK_STR(conf_str(CONF_STORE_NAME), "souk");
	conf_set(CONF_STORE_NAME, "set");
	CHECK_STR(conf_str(CONF_STORE_NAME), "set");
	reset();
}
