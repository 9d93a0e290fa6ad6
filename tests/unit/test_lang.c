/* test_lang.c — choosing the visitor's language. */
#include "conf.h"
#include "lang.h"
#include "t.h"

TEST(lang_codes)
{
	CHECK_STR(lang_code(LANG_EN), "en");
	CHECK_STR(lang_code(LANG_FR), "fr");
	CHECK_INT(lang_from_code("en"), LANG_EN);
	CHECK_INT(lang_from_code("FR"), LANG_FR);
	CHECK_INT(lang_from_code("fr-CA"), LANG_FR);
	CHECK_INT(lang_from_code("fr_FR"), LANG_FR);
	CHECK_INT(lang_from_code("en-GB"), LANG_EN);
	static const char *const unknown[] = {
		"", "f", "e", "fra", "french", "eng", "de", "ar", "*", "fr;q=1",
		"fr.", "en GB", "\xc3\xa9n",
	};
	for (size_t i = 0; i < sizeof(unknown) / sizeof(*unknown); i++)
		if (lang_from_code(unknown[i]) != -1)
			t_fail(__FILE__, __LINE__, unknown[i]);
	CHECK_INT(lang_from_code(NULL), -1);
}

static enum lang
al(const char *accept_language)
{
	return lang_negotiate(NULL, NULL, accept_language, LANG_EN);
}

TEST(lang_accept_language_q_values)
{
	CHECK_INT(al("fr"), LANG_FR);
	CHECK_INT(al("fr-FR,fr;q=0.9,en;q=0.5"), LANG_FR);
	CHECK_INT(al("fr-CH, fr;q=0.9, en;q=0.8, *;q=0.5"), LANG_FR);
	CHECK_INT(al("en;q=0.5, fr;q=0.8"), LANG_FR);
	CHECK_INT(al("en;q=0.8, fr;q=0.5"), LANG_EN);
	CHECK_INT(al("de-DE, de;q=0.9, fr;q=0.3"), LANG_FR);	/* regions, skips */
	CHECK_INT(al("de, en;q=0.1, fr;q=0.05"), LANG_EN);
	CHECK_INT(al("fr;q=0.5, en;q=0.5"), LANG_FR);	/* ties: the first */
	CHECK_INT(al("en-US,en;q=0.9,fr;q=0.8"), LANG_EN);
	CHECK_INT(al("fr ; q=0.7 , en;q=0.6"), LANG_FR);
	CHECK_INT(al("FR-be"), LANG_FR);
}

TEST(lang_accept_language_falls_back)
{
	CHECK_INT(lang_negotiate(NULL, NULL, NULL, LANG_FR), LANG_FR);
	CHECK_INT(lang_negotiate(NULL, NULL, "", LANG_FR), LANG_FR);
	CHECK_INT(lang_negotiate(NULL, NULL, "de-DE,de;q=0.9", LANG_FR), LANG_FR);
	CHECK_INT(lang_negotiate(NULL, NULL, "*", LANG_FR), LANG_FR);
	/* q=0 means "not this one". */
	CHECK_INT(lang_negotiate(NULL, NULL, "en;q=0", LANG_FR), LANG_FR);
	CHECK_INT(lang_negotiate(NULL, NULL, "fr;q=0, de", LANG_EN), LANG_EN);
	CHECK_INT(lang_negotiate(NULL, NULL, "fr;q=0.000", LANG_EN), LANG_EN);
	/* Garbage is ignored, never fatal. */
	CHECK_INT(lang_negotiate(NULL, NULL, ",,,;;;q=,=", LANG_FR), LANG_FR);
	CHECK_INT(lang_negotiate(NULL, NULL, ";q=0.9", LANG_FR), LANG_FR);
	CHECK_INT(lang_negotiate(NULL, NULL,
	    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx, fr;q=0.1",
	    LANG_EN), LANG_FR);
	CHECK_INT(lang_negotiate(NULL, NULL, "fr;q=abc", LANG_EN), LANG_EN);
}

TEST(lang_query_beats_cookie_beats_header)
{
	CHECK_INT(lang_negotiate("fr", "en", "en", LANG_EN), LANG_FR);
	CHECK_INT(lang_negotiate(NULL, "fr", "en", LANG_EN), LANG_FR);
	CHECK_INT(lang_negotiate("en", "fr", "fr", LANG_FR), LANG_EN);
	/* An unknown choice is skipped, not obeyed. */
	CHECK_INT(lang_negotiate("de", "fr", "en", LANG_EN), LANG_FR);
	CHECK_INT(lang_negotiate("<script>", "xx", "fr", LANG_EN), LANG_FR);
	CHECK_INT(lang_negotiate("", "", "", LANG_FR), LANG_FR);
}

/* A text's version per language: the visitor's, else the default
 * language's, else the text as first given. */
TEST(lang_text_falls_back_to_the_default_language)
{
	const char *both[LANG__MAX] = { [LANG_EN] = "Standard",
	    [LANG_FR] = "Livraison standard" };
	const char *en_only[LANG__MAX] = { [LANG_EN] = "Express",
	    [LANG_FR] = "" };
	const char *none[LANG__MAX] = { NULL, "" };

	conf_set(CONF_DEFAULT_LANG, "en");
	CHECK_STR(lang_text(both, LANG_FR, "base"), "Livraison standard");
	CHECK_STR(lang_text(both, LANG_EN, "base"), "Standard");
	CHECK_STR(lang_text(en_only, LANG_FR, "base"), "Express");
	CHECK_STR(lang_text(none, LANG_FR, "base"), "base");
	conf_set(CONF_DEFAULT_LANG, "fr");
	CHECK_STR(lang_text(en_only, LANG_FR, "base"), "base");
	CHECK_STR(lang_text(both, LANG_EN, "base"), "Standard");
	conf_set(CONF_DEFAULT_LANG, "en");
}
