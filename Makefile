# souk — build, run, test, bench, install.
#
#   make            build the FastCGI programs (cgi-bin/<name>) and soukctl
#   make run        install missing packages, build, demo database, start nginx + programs
#   make test       install test packages, build, run every suite; ends "N passed, N failed"
#   make bench      wrk against the real stack (see bench/README.md)
#   make install    PREFIX=/usr/local DESTDIR= : binaries, data, examples, systemd units
#   make uninstall  the same PREFIX/DESTDIR: removes what install put there
#
# Overrides go in Makefile.local (ignored by git): CC, CFLAGS, PREFIX...

PREFIX  ?= /usr/local
DESTDIR ?=
CC      ?= cc
SHAREDIR = $(PREFIX)/share/souk
CS_CFLAGS = -isystem /usr/include/ClearSilver
CS_LIBS   = -lneo_cgi -lneo_cs -lneo_utl -lz
PKGS      = sqlite3 fcgi libesmtp-1.0 libsodium jansson libqrencode libcrypto libcurl vips libcmark
WARN    = -Wall -Wextra -Werror -Wshadow -Wformat=2 -Wstrict-prototypes \
          -Wmissing-prototypes -Wno-unused-parameter -Wvla
OPT     ?= -O2 -g
SAN     ?=
BUILD   ?= build
BINDIR  ?= .

-include Makefile.local

.SECONDEXPANSION:

PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
CFLAGS_BASE = -std=c11 -D_GNU_SOURCE $(OPT) $(SAN) $(WARN) $(CS_CFLAGS) $(PKG_CFLAGS) \
             -DSOUK_SHAREDIR='"$(SHAREDIR)"' -MMD -MP $(CFLAGS)
LIBS_ALL   = $(SAN) $(PKG_LIBS) -lscrypt $(CS_LIBS) -lm $(LDFLAGS)

# The library is five layers, lowest first (docs/library.md).  A layer is
# compiled with only its own folder and the folders below it on the include
# path, and is its own archive: an #include of a higher layer does not
# compile.  Programs see every layer; soukctl stops at store.
LAYERS     = web db mail store site
layer_inc  = $(foreach l,$(wordlist 1,$(1),$(LAYERS)),-Ilib/$(l))
INC_web    = $(call layer_inc,1)
INC_db     = $(call layer_inc,2)
INC_mail   = $(call layer_inc,3)
INC_store  = $(call layer_inc,4)
INC_site   = $(call layer_inc,5)
INC_ALL    = $(INC_site)
layer_obj  = $(patsubst %.c,$(BUILD)/%.o,$(wildcard lib/$(1)/*.c))
OBJ_web    = $(call layer_obj,web)
OBJ_db     = $(call layer_obj,db) $(BUILD)/embedded.o
OBJ_mail   = $(call layer_obj,mail)
OBJ_store  = $(call layer_obj,store)
OBJ_site   = $(call layer_obj,site)
LIB_OBJ    = $(OBJ_web) $(OBJ_db) $(OBJ_mail) $(OBJ_store) $(OBJ_site)
# Link order: highest layer first.
ARCH_STORE = $(BUILD)/libsouk-store.a $(BUILD)/libsouk-mail.a \
             $(BUILD)/libsouk-db.a $(BUILD)/libsouk-web.a
ARCH_ALL   = $(BUILD)/libsouk-site.a $(ARCH_STORE)
PROG_SRC  = $(wildcard cgi-bin/*.c)
# A program too big for one file keeps its parts in cgi-bin/parts/<name>/
# (their own header there); they link into cgi-bin/<name> only.
PART_SRC  = $(wildcard cgi-bin/parts/*/*.c)
part_obj  = $(patsubst %.c,$(BUILD)/%.o,$(wildcard cgi-bin/parts/$(1)/*.c))
# Objects reached only through pattern rules (archive members, program
# mains, parts) are intermediate to make, which deletes them after a build;
# the next `make` or `make install` then rebuilds and relinks everything
# (under a running test suite that replaced binaries mid-run).  Keep them all.
.SECONDARY:
.DELETE_ON_ERROR:
PROGS     = $(PROG_SRC:cgi-bin/%.c=$(BINDIR)/cgi-bin/%)
CTL_SRC   = $(wildcard ctl/*.c)
CTL_OBJ   = $(CTL_SRC:%.c=$(BUILD)/%.o)
UNIT_SRC  = $(wildcard tests/unit/*.c)
UNIT_OBJ  = $(UNIT_SRC:%.c=$(BUILD)/%.o)
EMBED     = schema.sql $(sort $(wildcard migrations/*.sql)) data/common-passwords.txt \
            data/review-words.txt \
            $(sort $(wildcard data/pages/*.md data/faq.*.txt data/banners.*.txt))

.PHONY: all deps deps-test run test bench install clean asan check-layers
all: check-layers $(PROGS) $(BINDIR)/soukctl $(BUILD)/unit-tests

$(BUILD)/lib/%.o: lib/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_BASE) $(INC_$(firstword $(subst /, ,$*))) -c $< -o $@
$(BUILD)/cgi-bin/parts/%.o: cgi-bin/parts/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_BASE) $(INC_ALL) -I$(dir $<) -c $< -o $@
$(BUILD)/cgi-bin/%.o: cgi-bin/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_BASE) $(INC_ALL) -Icgi-bin/parts/$* -c $< -o $@
$(BUILD)/ctl/%.o: ctl/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_BASE) $(INC_store) -c $< -o $@
$(BUILD)/tests/%.o: tests/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_BASE) $(INC_ALL) -c $< -o $@

# schema.sql and migrations/*.sql are compiled into the db layer, so
# soukctl needs no data files to create or upgrade a database.
$(BUILD)/embedded.c: $(EMBED) tools/embed.sh
	@mkdir -p $(BUILD)
	sh tools/embed.sh $(EMBED) > $@.tmp && mv $@.tmp $@
$(BUILD)/embedded.o: $(BUILD)/embedded.c
	$(CC) $(CFLAGS_BASE) $(INC_db) -Wno-missing-prototypes -c $< -o $@

$(BUILD)/libsouk-%.a: $$(OBJ_$$*)
	rm -f $@ && ar rcs $@ $^

# No include cycles, inside a layer or across (tools/check-layers.sh).
check-layers:
	@sh tools/check-layers.sh

$(BINDIR)/cgi-bin/%: $(BUILD)/cgi-bin/%.o $$(call part_obj,$$*) $(ARCH_ALL)
	@mkdir -p $(dir $@)
	$(CC) -o $@ $< $(call part_obj,$*) $(ARCH_ALL) $(LIBS_ALL)

$(BINDIR)/soukctl: $(CTL_OBJ) $(ARCH_STORE)
	$(CC) -o $@ $(CTL_OBJ) $(ARCH_STORE) $(LIBS_ALL)

$(BUILD)/unit-tests: $(UNIT_OBJ) $(ARCH_ALL)
	$(CC) -o $@ $(UNIT_OBJ) $(ARCH_ALL) $(LIBS_ALL)

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

# Packages first, then a fresh make: the pkg-config flags above are read when
# this Makefile is parsed, so the build must be a new make run after deps.
run: deps
	@$(MAKE) --no-print-directory -j$$(nproc) all
	@sh tools/run.sh

test: deps-test
	@$(MAKE) --no-print-directory -j$$(nproc) all asan >/dev/null
	@sh tests/run.sh

bench: deps
	@sh tools/deps.sh bench
	@$(MAKE) --no-print-directory -j$$(nproc) all
	@sh bench/run.sh

# tools/install.sh does the copying (and lists what it installed in
# PREFIX/share/souk/MANIFEST for uninstall).  The programs have SHAREDIR
# compiled in: $(BUILD)/sharedir records it, so a new PREFIX rebuilds them.
SYSCONFDIR ?= /etc
install: all
	@PREFIX='$(PREFIX)' DESTDIR='$(DESTDIR)' BINDIR='$(BINDIR)' \
	  SYSCONFDIR='$(SYSCONFDIR)' sh tools/install.sh install
uninstall:
	@PREFIX='$(PREFIX)' DESTDIR='$(DESTDIR)' sh tools/install.sh uninstall

$(BUILD)/sharedir: FORCE
	@mkdir -p $(BUILD)
	@echo '$(SHAREDIR)' | cmp -s - $@ || echo '$(SHAREDIR)' > $@
$(BUILD)/lib/web/conf.o: $(BUILD)/sharedir
.PHONY: FORCE uninstall
FORCE:

clean:
	rm -rf build $(PROGS) soukctl

-include $(LIB_OBJ:.o=.d) $(CTL_OBJ:.o=.d) $(UNIT_OBJ:.o=.d) $(PROG_SRC:%.c=$(BUILD)/%.d) $(PART_SRC:%.c=$(BUILD)/%.d)
