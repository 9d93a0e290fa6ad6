# souk — build, run, test, bench, install.
#
#   make            build the FastCGI programs (cgi-bin/<name>) and soukctl
#   make run        install missing packages, build, demo database, start nginx + programs
#   make test       install test packages, build, run every suite; ends "N passed, N failed"
#   make bench      wrk against the real stack (see bench/README.md)
#   make install    PREFIX=/usr/local DESTDIR= : binaries, templates, lang, htdocs
#
# Overrides go in Makefile.local (ignored by git): CC, CFLAGS, PREFIX...

PREFIX  ?= /usr/local
DESTDIR ?=
CC      ?= cc
SHAREDIR = $(PREFIX)/share/souk
CS_CFLAGS = -isystem /usr/include/ClearSilver
CS_LIBS   = -lneo_cgi -lneo_cs -lneo_utl -lz
PKGS      = sqlite3 fcgi libesmtp-1.0 jansson libqrencode libcrypto
WARN    = -Wall -Wextra -Werror -Wshadow -Wformat=2 -Wstrict-prototypes \
          -Wmissing-prototypes -Wno-unused-parameter -Wvla
OPT     ?= -O2 -g
SAN     ?=
BUILD   ?= build
BINDIR  ?= .

-include Makefile.local

PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
CFLAGS_ALL = -std=c11 -D_GNU_SOURCE $(OPT) $(SAN) $(WARN) -Ilib $(CS_CFLAGS) $(PKG_CFLAGS) \
             -DSOUK_SHAREDIR='"$(SHAREDIR)"' -MMD -MP $(CFLAGS)
LIBS_ALL   = $(SAN) $(PKG_LIBS) -lscrypt $(CS_LIBS) -lm $(LDFLAGS)

LIB_SRC   = $(wildcard lib/*.c)
LIB_OBJ   = $(LIB_SRC:%.c=$(BUILD)/%.o) $(BUILD)/embedded.o
PROG_SRC  = $(wildcard cgi-bin/*.c)
PROGS     = $(PROG_SRC:cgi-bin/%.c=$(BINDIR)/cgi-bin/%)
CTL_SRC   = $(wildcard ctl/*.c)
CTL_OBJ   = $(CTL_SRC:%.c=$(BUILD)/%.o)
UNIT_SRC  = $(wildcard tests/unit/*.c)
UNIT_OBJ  = $(UNIT_SRC:%.c=$(BUILD)/%.o)
EMBED     = schema.sql $(sort $(wildcard migrations/*.sql)) data/common-passwords.txt

.PHONY: all deps deps-test run test bench install clean asan
all: $(PROGS) $(BINDIR)/soukctl $(BUILD)/unit-tests

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -c $< -o $@

# schema.sql and migrations/*.sql are compiled into the library, so soukctl
# needs no data files to create or upgrade a database.
$(BUILD)/embedded.c: $(EMBED) tools/embed.sh
	@mkdir -p $(BUILD)
	sh tools/embed.sh $(EMBED) > $@.tmp && mv $@.tmp $@
$(BUILD)/embedded.o: $(BUILD)/embedded.c
	$(CC) $(CFLAGS_ALL) -Wno-missing-prototypes -c $< -o $@

$(BUILD)/libsouk.a: $(LIB_OBJ)
	rm -f $@ && ar rcs $@ $^

$(BINDIR)/cgi-bin/%: $(BUILD)/cgi-bin/%.o $(BUILD)/libsouk.a
	@mkdir -p $(dir $@)
	$(CC) -o $@ $< $(BUILD)/libsouk.a $(LIBS_ALL)

$(BINDIR)/soukctl: $(CTL_OBJ) $(BUILD)/libsouk.a
	$(CC) -o $@ $(CTL_OBJ) $(BUILD)/libsouk.a $(LIBS_ALL)

$(BUILD)/unit-tests: $(UNIT_OBJ) $(BUILD)/libsouk.a
	$(CC) -o $@ $(UNIT_OBJ) $(BUILD)/libsouk.a $(LIBS_ALL)

# libFuzzer targets built with clang into build/fuzz (tests/fuzz/fuzz.mk);
# tests/suites.d/fuzz.sh runs them in `make test`.
.PHONY: fuzz
fuzz:
	@$(MAKE) --no-print-directory -f tests/fuzz/fuzz.mk

# The same tree built with AddressSanitizer + UBSan into build/asan.
asan:
	$(MAKE) BUILD=build/asan BINDIR=build/asan OPT='-O1 -g -fno-omit-frame-pointer' \
	  SAN='-fsanitize=address,undefined -fno-sanitize-recover=undefined' all

deps:
	@sh tools/deps.sh run
deps-test:
	@sh tools/deps.sh test

run: deps all
	@sh tools/run.sh

test: deps-test
	@$(MAKE) --no-print-directory all asan >/dev/null
	@sh tests/run.sh

bench: deps all
	@sh tools/deps.sh bench
	@sh bench/run.sh

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib/souk/cgi-bin $(DESTDIR)$(SHAREDIR)
	install -m 755 $(BINDIR)/soukctl $(DESTDIR)$(PREFIX)/bin/soukctl
	install -m 755 $(PROGS) $(DESTDIR)$(PREFIX)/lib/souk/cgi-bin/
	cp -R templates lang htdocs $(DESTDIR)$(SHAREDIR)/
	install -m 644 schema.sql nginx.conf.example souk-cache.conf.example souk.conf.example $(DESTDIR)$(SHAREDIR)/

clean:
	rm -rf build $(PROGS) soukctl

-include $(LIB_OBJ:.o=.d) $(CTL_OBJ:.o=.d) $(UNIT_OBJ:.o=.d) $(PROG_SRC:%.c=$(BUILD)/%.d)
