# amzmilter - plain Makefile, pkg-config for every dependency.
#
#   make            build build/amzmilter, build/amzmilter-check, build/amzmilter-orders
#                   and build/amzmilter-quarantine
#   make deps       install the Debian packages needed to build, test and run
#   make test       deps + build + every test; ends with "N passed, M failed"
#   make run        deps + build + the milter behind a private Postfix on 127.0.0.1
#   make digests    regenerate the behaviour digests and pinned log lines the tests compare
#   make measure    violations blocked / compliant held on tests/fresh-2 and -3, per family and language
#   make install    PREFIX=/usr/local DESTDIR=  (config to $(SYSCONFDIR)/amzmilter)
#   make uninstall  what install installed; PURGE=1 also the config, spool and state
#   make deb        the Debian package, build/amzmilter_VERSION_ARCH.deb (contrib/debian)
#   make test-package  install, run, upgrade and purge that package (tests/t-package.sh)
#   make clean
#
#   MILTER_WRAPS=0|1  drive libmilter plainly or through link wraps (default:
#                     the wraps only with the libmilter they were written for)

PREFIX     ?= /usr/local
SYSCONFDIR ?= /etc
BINDIR     ?= $(PREFIX)/sbin
DATADIR    ?= $(PREFIX)/share/amzmilter
MANDIR     ?= $(PREFIX)/share/man
DESTDIR    ?=
VERSION    := 0.1.0

CC       ?= cc
CXX      ?= g++
PKGS      = gmime-3.0 glib-2.0 libpcre2-8 libmagic gumbo libpsl libidn2 libcurl json-glib-1.0 zlib libarchive icu-uc icu-i18n sqlite3 hiredis
# Only the daemon serves HTTP (its metrics endpoint, milter/daemon/exporter.c).
DAEMON_PKGS = libmicrohttpd
# Recursive (=) so pkg-config runs only when a build needs it, after `make deps`.
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) milter)
DAEMON_LIBS = $(shell pkg-config --libs $(DAEMON_PKGS))
# CLD2 (language identification) has no pkg-config file; it is C++, as is
# its shim (milter/extract/language_cld2.cc), hence the C++ runtime.  Nor
# has libstemmer (Snowball stemmers, for the lexicons: milter/rules/lexicon.c).
PKG_LIBS   = $(shell pkg-config --libs $(PKGS)) -lcld2 -lstemmer -lstdc++
# How the daemon drives libmilter (milter/daemon/wraps.h).  With
# MILTER_WRAPS=1 libmilter is linked statically and -Wl,--wrap hands five of
# its calls to milter/daemon/wraps.c: SIGHUP taken from its signal thread
# (reload instead of stop), TCP_NODELAY, buffered reads, a worker waiting for
# its session's next command.  Those wraps rely on libmilter's internals, so
# by default they are linked only with the libmilter they were written
# against (MILTER_WRAPS_TESTED); any other gets MILTER_WRAPS=0: the shared
# libmilter, unwrapped (milter/daemon/plain.c).  Set MILTER_WRAPS=0 or 1 to
# force either.  `make test` also builds $(BUILD)/plain/amzmilter and runs
# the protocol and Postfix suites against it.
MILTER_WRAPS_TESTED = 8.17.1.9
MILTER_VERSION = $(shell pkg-config --modversion milter 2>/dev/null)
MILTER_WRAPS  ?= $(if $(filter $(MILTER_WRAPS_TESTED),$(MILTER_VERSION)),1,0)
MILTER_LIBDIR  = $(shell pkg-config --variable=libdir milter)
MILTER_WRAP_LIBS  = $(MILTER_LIBDIR)/libmilter.a -Wl,--wrap=sigwait -Wl,--wrap=accept \
                    -Wl,--wrap=poll -Wl,--wrap=read -Wl,--wrap=close
MILTER_PLAIN_LIBS = $(shell pkg-config --libs milter)

OPT      ?= -O2
CFLAGS   ?= $(OPT) -g
ALL_CFLAGS = -std=gnu11 -Wall -Wextra -pthread -DAMZ_VERSION='"$(VERSION)"' -Imilter \
             -DPCRE2_CODE_UNIT_WIDTH=8 $(PKG_CFLAGS) $(SAN_FLAGS) $(CFLAGS)
ALL_CXXFLAGS = -std=gnu++17 -Wall -Wextra -pthread -Imilter $(PKG_CFLAGS) $(SAN_FLAGS) $(CFLAGS)
ALL_LDFLAGS = -pthread $(SAN_FLAGS) $(LDFLAGS)

ifeq ($(SANITIZE),1)
SAN_FLAGS = -fsanitize=address,undefined -fno-omit-frame-pointer
BUILD ?= build-san
endif
BUILD ?= build

# The layers of milter/, each using only those before it:
#   util -> core -> extract, rules, orders -> engine -> daemon (libmilter), check.
# Everything but daemon/ and check/ is the engine, shared by the daemon, the
# offline checker, the unit tests, the fuzzers and the benchmark.
ENGINE_DIRS = util core extract rules orders engine
ENGINE_SRCS = $(foreach d,$(ENGINE_DIRS),$(wildcard milter/$(d)/*.c))
ENGINE_CXX_SRCS = $(foreach d,$(ENGINE_DIRS),$(wildcard milter/$(d)/*.cc))
ENGINE_OBJS = $(ENGINE_SRCS:milter/%.c=$(BUILD)/obj/%.o) $(ENGINE_CXX_SRCS:milter/%.cc=$(BUILD)/obj/%.o)
EDGE_SRCS   = $(filter-out milter/daemon/wraps.c milter/daemon/plain.c,$(wildcard milter/daemon/*.c))
EDGE_OBJS   = $(EDGE_SRCS:milter/%.c=$(BUILD)/obj/%.o)
CHECK_SRCS  = $(wildcard milter/check/*.c)
HEADERS     = $(wildcard milter/*/*.h)
UNIT_SRCS   = $(wildcard tests/unit/test_*.c)
UNIT_BINS   = $(UNIT_SRCS:tests/unit/%.c=$(BUILD)/tests/%)

# Debian 12 packages: build, test and run.
DEB_PACKAGES = build-essential pkg-config libmilter-dev libgmime-3.0-dev libpcre2-dev \
  libglib2.0-dev libmagic-dev libmagic-mgc libgumbo-dev libpsl-dev publicsuffix libidn2-dev \
  libcurl4-openssl-dev libjson-glib-dev zlib1g-dev libarchive-dev postfix swaks miltertest python3 iproute2 \
  m4 libwrap0 liblockfile1 procps psmisc valgrind util-linux file ca-certificates \
  clang libclang-rt-14-dev strace time libicu-dev libcld2-dev libstemmer-dev g++ \
  libsqlite3-dev sqlite3 libhiredis-dev redis-server man-db groff-base libmicrohttpd-dev python3-prometheus-client logrotate
# and for `make deb` / `make test-package` (installed by those targets only)
DEB_TOOL_PACKAGES = debhelper dpkg-dev fakeroot lintian adduser
# and for `make bench` only: rspamd, the peer it measures amzmilter beside
BENCH_PACKAGES = rspamd

# POSTFIX=1: the amzmilter.conf that install writes attaches to Postfix
# (socket inside its queue directory, socket_group, second_hop); 0: the
# socket goes under /run.  By default: whether this machine has Postfix's
# group.  The package is built with 1, whatever the build machine has.
POSTFIX ?= $(if $(shell getent group postfix),1,0)

.PHONY: all deps deb-deps bench-deps test test-package run install uninstall deb clean check-config unit fuzz soak bench digests measure
all: $(BUILD)/amzmilter $(BUILD)/amzmilter-check $(BUILD)/amzmilter-orders $(BUILD)/amzmilter-quarantine

$(BUILD)/obj/%.o: milter/%.c $(HEADERS)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/obj/%.o: milter/%.cc $(HEADERS)
	@mkdir -p $(dir $@)
	$(CXX) $(ALL_CXXFLAGS) -c -o $@ $<

$(BUILD)/libamz.a: $(ENGINE_OBJS)
	rm -f $@
	ar rcs $@ $^

$(BUILD)/obj/daemon/%.o: ALL_CFLAGS += $(shell pkg-config --cflags $(DAEMON_PKGS))

# the daemon with or without the wraps; both objects know the libmilter version
$(BUILD)/obj/daemon/wraps.o $(BUILD)/obj/daemon/plain.o: ALL_CFLAGS += -DAMZ_MILTER_VERSION='"$(MILTER_VERSION)"'
ifeq ($(MILTER_WRAPS),1)
$(BUILD)/amzmilter: $(EDGE_OBJS) $(BUILD)/obj/daemon/wraps.o $(BUILD)/libamz.a
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(MILTER_WRAP_LIBS) $(PKG_LIBS) $(DAEMON_LIBS)
else
$(BUILD)/amzmilter: $(EDGE_OBJS) $(BUILD)/obj/daemon/plain.o $(BUILD)/libamz.a
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(MILTER_PLAIN_LIBS) $(PKG_LIBS) $(DAEMON_LIBS)
endif

# the plain build beside the default one, for the tests (tests/run)
$(BUILD)/plain/amzmilter: $(EDGE_OBJS) $(BUILD)/obj/daemon/plain.o $(BUILD)/libamz.a $(BUILD)/amzmilter-check
	@mkdir -p $(dir $@)
	$(CC) $(ALL_LDFLAGS) -o $@ $(EDGE_OBJS) $(BUILD)/obj/daemon/plain.o $(BUILD)/libamz.a $(MILTER_PLAIN_LIBS) $(PKG_LIBS) $(DAEMON_LIBS)
	ln -sf ../amzmilter-check $(dir $@)amzmilter-check

$(BUILD)/amzmilter-check: $(CHECK_SRCS:milter/%.c=$(BUILD)/obj/%.o) $(BUILD)/libamz.a
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(PKG_LIBS)

# one program per file of milter/admin/
$(BUILD)/amzmilter-%: $(BUILD)/obj/admin/%.o $(BUILD)/libamz.a
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(PKG_LIBS)

$(BUILD)/tests/%: tests/unit/%.c $(wildcard tests/unit/*.h) $(HEADERS) $(BUILD)/libamz.a | $(BUILD)/tests
	$(CC) $(ALL_CFLAGS) -Itests/unit $(ALL_LDFLAGS) -o $@ $< $(BUILD)/libamz.a $(PKG_LIBS)

unit: $(UNIT_BINS)

$(BUILD)/tests:
	mkdir -p $@

# apt_install PACKAGES - install those of PACKAGES that are not installed
define apt_install
	@missing=""; for p in $(1); do \
	  dpkg-query -W -f='$${db:Status-Abbrev}' $$p 2>/dev/null | grep -q '^ii' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections; \
	  (apt-get install -y -q --no-install-recommends $$missing || \
	   (apt-get update -q && apt-get install -y -q --no-install-recommends $$missing)) \
	   </dev/null || exit 1; \
	fi
endef

deps:
	$(call apt_install,$(DEB_PACKAGES))
deb-deps: deps
	$(call apt_install,$(DEB_TOOL_PACKAGES))
deb-deps: export DEBIAN_FRONTEND = noninteractive
bench-deps: deps
	$(call apt_install,$(BENCH_PACKAGES))
bench-deps: export DEBIAN_FRONTEND = noninteractive
deps: export DEBIAN_FRONTEND = noninteractive

test: deps
	$(MAKE) all unit $(BUILD)/plain/amzmilter
	BUILD=$(BUILD) tests/run

run: deps
	$(MAKE) all
	BUILD=$(BUILD) contrib/dev/run-postfix

# Longer runs, not part of `make test` (see tests/fuzz, tests/soak, tests/bench).
FUZZ_SECONDS ?= 300
fuzz: deps
	BUILD=$(BUILD) FUZZ_SECONDS=$(FUZZ_SECONDS) tests/fuzz/run

SOAK_MESSAGES ?= 10000
soak: deps
	$(MAKE) all
	BUILD=$(BUILD) SOAK_MESSAGES=$(SOAK_MESSAGES) tests/soak/run

# How the shipped rules do on the messages written apart from them, per
# family and language (tests/fresh-2 and tests/fresh-3).
measure: all
	python3 tests/measure.py $(BUILD)/amzmilter-check conf/amzmilter.conf tests/fresh-2
	python3 tests/measure.py $(BUILD)/amzmilter-check conf/amzmilter.conf tests/fresh-3

bench: bench-deps
	$(MAKE) all $(BUILD)/plain/amzmilter
	BUILD=$(BUILD) tests/bench/run

# Regenerate the behaviour digests that tests/t-digests.sh compares and the
# daemon's log lines that tests/t-golden.sh compares (after a change of
# facts, verdicts or log lines made on purpose; review the diff).
DIGEST = python3 tests/digests/digest.py $(BUILD)/amzmilter-check conf/amzmilter.conf
digests: all
	$(DIGEST) tests/corpus/messages .eml > tests/digests/corpus.sha256
	$(DIGEST) tests/fresh/messages .eml > tests/digests/fresh.sha256
	$(DIGEST) tests/fresh-2/messages .eml > tests/digests/fresh-2.sha256
	$(DIGEST) tests/fresh-3/messages .eml > tests/digests/fresh-3.sha256
	$(DIGEST) tests/golden .eml > tests/digests/golden.sha256
	if [ -d ../shared/corpus ]; then $(DIGEST) ../shared/corpus > tests/digests/shared.sha256; fi
	BUILD=$(BUILD) AMZ_DIGESTS_WRITE=1 bash tests/t-golden.sh > /dev/null

check-config: all
	$(BUILD)/amzmilter -n -c conf/amzmilter.conf

# The shipped rules are replaced whole: a file renamed or removed upstream
# must not stay behind (its rules would then be defined twice).  The new
# tree is put beside the old one first, so an interrupted install leaves
# the old one in place.  $(SYSCONFDIR)/amzmilter is the admin's: the config,
# local.d's README and example and brands.d's example are written only where
# missing.
install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(SYSCONFDIR)/amzmilter/local.d $(DESTDIR)$(DATADIR)
	install -m 0755 $(BUILD)/amzmilter $(BUILD)/amzmilter-check $(BUILD)/amzmilter-orders \
	  $(BUILD)/amzmilter-quarantine $(DESTDIR)$(BINDIR)/
	rm -rf $(DESTDIR)$(DATADIR)/rules.new
	cp -R rules $(DESTDIR)$(DATADIR)/rules.new
	rm -rf $(DESTDIR)$(DATADIR)/rules.new/local.d $(DESTDIR)$(DATADIR)/rules
	mv $(DESTDIR)$(DATADIR)/rules.new $(DESTDIR)$(DATADIR)/rules
	for f in local.d/README local.d/example.rules.disabled brands.d/example.conf.sample; do \
	  test -e $(DESTDIR)$(SYSCONFDIR)/amzmilter/$$f || \
	    install -D -m 0644 $$(test -e rules/$$f && echo rules/$$f || echo conf/$$f) $(DESTDIR)$(SYSCONFDIR)/amzmilter/$$f || exit 1; \
	done
	test -e $(DESTDIR)$(SYSCONFDIR)/amzmilter/amzmilter.conf || \
	  sed -e 's|^rules *=.*|rules = $(DATADIR)/rules|' \
	      -e 's|^local_rules *=.*|local_rules = $(SYSCONFDIR)/amzmilter/local.d|' \
	      -e 's|^#* *user *=.*|user = amzmilter|' \
	      -e 's|^socket *=.*|socket = unix:$(if $(filter 1,$(POSTFIX)),/var/spool/postfix/amzmilter,/run/amzmilter)/amzmilter.sock|' \
	      -e 's|^spool *=.*|spool = /var/spool/amzmilter|' \
	      -e 's|^quarantine_dir *=.*|quarantine_dir = /var/lib/amzmilter/quarantine|' \
	      -e 's|^# *socket_group *=.*|$(if $(filter 1,$(POSTFIX)),,# )socket_group = postfix|' \
	      -e 's|^# *second_hop *=.*|$(if $(filter 1,$(POSTFIX)),,# )second_hop = amzmilter-hop|' \
	      conf/amzmilter.conf > $(DESTDIR)$(SYSCONFDIR)/amzmilter/amzmilter.conf
	install -d $(DESTDIR)$(SYSCONFDIR)/logrotate.d
	test -e $(DESTDIR)$(SYSCONFDIR)/logrotate.d/amzmilter || \
	  install -m 0644 contrib/logrotate/amzmilter $(DESTDIR)$(SYSCONFDIR)/logrotate.d/amzmilter
	for f in contrib/*.[1-8]; do \
	  install -d $(DESTDIR)$(MANDIR)/man$${f##*.} && \
	  install -m 0644 $$f $(DESTDIR)$(MANDIR)/man$${f##*.}/ || exit 1; \
	done
	@if [ -z "$(DESTDIR)" ] && [ "$$(id -u)" = 0 ]; then \
	  getent group amzmilter >/dev/null || groupadd --system amzmilter; \
	  getent passwd amzmilter >/dev/null || useradd --system --gid amzmilter \
	    --home-dir /var/spool/amzmilter --shell /usr/sbin/nologin amzmilter; \
	  install -d -o amzmilter -g amzmilter -m 0700 /var/spool/amzmilter; \
	  install -d -o amzmilter -g amzmilter -m 0750 /var/lib/amzmilter /var/lib/amzmilter/quarantine; \
	  install -d -o amzmilter -g $$(getent group adm >/dev/null && echo adm || echo amzmilter) -m 0750 /var/log/amzmilter; \
	  if getent group postfix >/dev/null; then \
	    install -d -o amzmilter -g postfix -m 0750 /var/spool/postfix/amzmilter; fi; \
	fi

# What install installed, with the same PREFIX and DESTDIR.  The config
# (local.d included, and the logrotate snippet), the spool,
# /var/lib/amzmilter (an order store) and /var/log/amzmilter stay unless
# PURGE=1; the amzmilter user stays (files elsewhere may still
# be its own), as Debian packages leave theirs.
uninstall:
	rm -f $(DESTDIR)$(BINDIR)/amzmilter $(DESTDIR)$(BINDIR)/amzmilter-check $(DESTDIR)$(BINDIR)/amzmilter-orders
	rm -rf $(DESTDIR)$(DATADIR)
	for m in contrib/*.[1-8]; do rm -f $(DESTDIR)$(MANDIR)/man$${m##*.}/$${m##*/}; done
ifeq ($(PURGE),1)
	rm -rf $(DESTDIR)$(SYSCONFDIR)/amzmilter $(DESTDIR)/var/spool/amzmilter $(DESTDIR)/var/lib/amzmilter \
	  $(DESTDIR)/var/spool/postfix/amzmilter $(DESTDIR)$(SYSCONFDIR)/logrotate.d/amzmilter \
	  $(DESTDIR)/var/log/amzmilter
endif

# The Debian package: the tree (what git tracks or would track, as it is
# in the working directory; without tests/, which `make test` runs) copied
# to $(BUILD)/deb/amzmilter-$(VERSION) with contrib/debian as debian/, built
# there without running the tests.  The .deb ends in $(BUILD)/.
DEB_SRC = $(BUILD)/deb/amzmilter-$(VERSION)
DEB_VERSION = $(shell dpkg-parsechangelog -l contrib/debian/changelog -S Version)
deb: deb-deps
	@case "$(DEB_VERSION)" in $(VERSION)-*) ;; \
	  *) echo "contrib/debian/changelog is at $(DEB_VERSION), the Makefile's VERSION is $(VERSION): add a changelog entry (dch -v $(VERSION)-1)"; exit 1 ;; esac
	rm -rf $(BUILD)/deb $(BUILD)/amzmilter_*.deb $(BUILD)/amzmilter-dbgsym_*.deb
	mkdir -p $(DEB_SRC)
	if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then \
	  git ls-files -z --cached --others --exclude-standard -- . ':!tests' ':!contrib/debian'; \
	else \
	  find . -path ./tests -prune -o -path './build*' -prune -o -path ./contrib/debian -prune -o -type f -print0; \
	fi | tar --null -T - --ignore-failed-read -cf - | tar -xf - -C $(DEB_SRC)
	cp -R contrib/debian $(DEB_SRC)/debian
	cd $(DEB_SRC) && env -u MAKEFLAGS -u MAKELEVEL -u MFLAGS \
	  DEB_BUILD_OPTIONS="nocheck parallel=2 $(DEB_BUILD_OPTIONS)" dpkg-buildpackage -b -us -uc
	mv $(BUILD)/deb/*.deb $(BUILD)/
	@ls -l $(BUILD)/amzmilter_$(DEB_VERSION)_*.deb

# Installs, runs, upgrades and purges that package in a private mount,
# network and PID namespace over an overlay of /; lintian.  Not in `make
# test` (it builds the package first); .ci/run runs it after.
test-package: deb
	BUILD=$(BUILD) tests/run package

clean:
	rm -rf build build-san
