# tests/fuzz/fuzz.mk — libFuzzer targets, built with clang against the lib/
# sources (not the gcc-built archive), with AddressSanitizer and UBSan.
#
#   make -f tests/fuzz/fuzz.mk        (from the top directory; `make fuzz`)
#
# Every tests/fuzz/NAME.c is one target, build/fuzz/NAME.  Optional beside
# it: NAME.dict (a libFuzzer dictionary) and corpus/NAME/ (seed inputs).
# tests/suites.d/fuzz.sh runs each target for a few seconds; see
# docs/testing.md for longer runs.

CLANG    ?= clang
FB        = build/fuzz
SAN       = -fsanitize=address,undefined -fno-sanitize-recover=undefined
PKGS      = sqlite3 fcgi libesmtp-1.0 libsodium jansson vips
FCFLAGS   = -std=c11 -D_GNU_SOURCE -O1 -g -fno-omit-frame-pointer \
            -Wall -Wextra -Werror -Wno-unused-parameter \
            -Ilib/web -Ilib/db -Ilib/mail -Ilib/store -Ilib/site \
            -isystem /usr/include/ClearSilver \
            $(shell pkg-config --cflags $(PKGS) 2>/dev/null) \
            -DSOUK_SHAREDIR='"/usr/local/share/souk"' $(SAN)
FLIBS     = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lscrypt \
            -lneo_cgi -lneo_cs -lneo_utl -lz -lm
LIB_SRC   = $(wildcard lib/*/*.c)
LIB_OBJ   = $(LIB_SRC:%.c=$(FB)/%.o) $(FB)/embedded.o
EMBED     = schema.sql $(sort $(wildcard migrations/*.sql))
TARGETS   = $(patsubst tests/fuzz/%.c,$(FB)/%,$(wildcard tests/fuzz/*.c))

.PHONY: all
all: $(TARGETS)

$(FB)/lib/%.o: lib/%.c
	@mkdir -p $(dir $@)
	$(CLANG) $(FCFLAGS) -fsanitize=fuzzer-no-link -MMD -MP -c $< -o $@

$(FB)/embedded.c: $(EMBED) tools/embed.sh
	@mkdir -p $(FB)
	sh tools/embed.sh $(EMBED) > $@.tmp && mv $@.tmp $@
$(FB)/embedded.o: $(FB)/embedded.c
	$(CLANG) $(FCFLAGS) -c $< -o $@

$(FB)/libsouk.a: $(LIB_OBJ)
	rm -f $@ && ar rcs $@ $^

$(FB)/%: tests/fuzz/%.c tests/fuzz/fuzz.h $(FB)/libsouk.a
	$(CLANG) $(FCFLAGS) -fsanitize=fuzzer -MMD -MP -MF $@.d $< \
	  $(FB)/libsouk.a $(FLIBS) -o $@

-include $(LIB_OBJ:.o=.d) $(TARGETS:=.d)
