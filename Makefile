# duban: build and install into FHS places.
#
#   make build                  # swift build -c release
#   sudo make install           # binaries, units, catalog, sysusers/tmpfiles, example config, examples
#   make install DESTDIR=/tmp/pkg   # staged install for packaging (no post-install steps run)
#   sudo make uninstall         # removes what install put in place; keeps /etc/duban and /var/lib/duban
#   make man completions        # regenerate docs/man/dubanctl.1 and deploy/completions/* from the built dubanctl
#   make deb                    # duban_VERSION_ARCH.deb: a release build with the Swift runtime linked in, staged
#                               # by `make install` and packed by deploy/debian/pack.sh (needs dpkg-dev)
#
# `install` does not build: run `make build` first (as your user), then `sudo make install`. Binaries are taken
# from SWIFT_BIN_DIR (default .build/release). `deb` builds into its own scratch path (DEB_BUILD_PATH, default
# .build-deb), so it never disturbs the debug build in .build.

PREFIX      ?= /usr
BINDIR      ?= $(PREFIX)/bin
DATADIR     ?= $(PREFIX)/share
DOCDIR      ?= $(DATADIR)/doc/duban
MANDIR      ?= $(DATADIR)/man
BASHCOMPDIR ?= $(DATADIR)/bash-completion/completions
ZSHCOMPDIR  ?= $(DATADIR)/zsh/site-functions
FISHCOMPDIR ?= $(DATADIR)/fish/vendor_completions.d
LIBDIR      ?= $(PREFIX)/lib
PLUGINDIR   ?= $(LIBDIR)/duban/plugins
SYSCONFDIR  ?= /etc
UNITDIR     ?= /usr/lib/systemd/system
CATALOGDIR  ?= /usr/lib/systemd/catalog
SYSUSERSDIR ?= /usr/lib/sysusers.d
TMPFILESDIR ?= /usr/lib/tmpfiles.d
DESTDIR     ?=

SWIFT         ?= swift
SWIFT_BIN_DIR ?= .build/release
BINARIES      ?= duband dubanctl
# Plugins go to PLUGINDIR when built (the deploy/plugins.d manifests point there); missing ones are skipped.
PLUGINS       ?= duban-email duban-netcheck duban-planimport
INSTALL       ?= install

# The version lives in one place, DubanVersion.current in Sources/DubanCore/DubanVersion.swift: duband
# --version, GET /v1/health, the ready log line and the package all report it.
VERSION_FILE   := Sources/DubanCore/DubanVersion.swift
VERSION        := $(shell sed -n 's/^ *\(public \)\{0,1\}static let current = "\([^"]*\)".*/\2/p' $(VERSION_FILE))
DEB_BUILD_PATH ?= .build-deb
DEB_ROOT       ?= $(DEB_BUILD_PATH)/pkgroot
DEB_ARCH       ?= $(shell dpkg --print-architecture 2>/dev/null || echo amd64)
DEB_FILE       ?= duban_$(VERSION)_$(DEB_ARCH).deb
# The package's compression: xz, Debian's default and the smallest (~80 MB, about 2 minutes on 2 cores), or gzip
# (~120 MB, ~15 s). lintian on Debian 12 refuses zstd members.
DEB_COMPRESSION ?= xz
export DEB_COMPRESSION
# Set to the real maintainer when publishing the package: `make deb DEB_MAINTAINER='Name <address>'`.
DEB_MAINTAINER ?= the duban authors <duban@example.org>
# File times and the changelog date come from the last commit, so two builds of one commit pack the same tree.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || date +%s)
export SOURCE_DATE_EPOCH

.PHONY: all build test install uninstall man completions deb deb-file

all: build

build:
	$(SWIFT) build -c release

test:
	$(SWIFT) test

# Generated from the command tree of the built dubanctl (default .build/release; SWIFT_BIN_DIR=.build/debug works
# too). A test (GeneratedFilesTests) fails when the committed files differ from what the binary prints.
man:
	$(SWIFT_BIN_DIR)/dubanctl generate-manual > docs/man/dubanctl.1

completions:
	$(SWIFT_BIN_DIR)/dubanctl --generate-completion-script bash > deploy/completions/dubanctl.bash
	$(SWIFT_BIN_DIR)/dubanctl --generate-completion-script zsh > deploy/completions/_dubanctl
	$(SWIFT_BIN_DIR)/dubanctl --generate-completion-script fish > deploy/completions/dubanctl.fish

install:
	@for bin in $(BINARIES); do \
	    if [ ! -x "$(SWIFT_BIN_DIR)/$$bin" ]; then \
	        echo "make: $(SWIFT_BIN_DIR)/$$bin is missing: run 'make build' first" >&2; exit 1; \
	    fi; \
	done
	$(INSTALL) -d "$(DESTDIR)$(BINDIR)"
	for bin in $(BINARIES); do $(INSTALL) -m 0755 "$(SWIFT_BIN_DIR)/$$bin" "$(DESTDIR)$(BINDIR)/$$bin"; done
	$(INSTALL) -d "$(DESTDIR)$(UNITDIR)"
	sed 's|/usr/bin/duband|$(BINDIR)/duband|g' deploy/duban.service > "$(DESTDIR)$(UNITDIR)/duban.service"
	chmod 0644 "$(DESTDIR)$(UNITDIR)/duban.service"
	$(INSTALL) -m 0644 deploy/duban.socket "$(DESTDIR)$(UNITDIR)/duban.socket"
	$(INSTALL) -D -m 0644 deploy/catalog/duban.catalog "$(DESTDIR)$(CATALOGDIR)/duban.catalog"
	$(INSTALL) -D -m 0644 deploy/sysusers.d/duban.conf "$(DESTDIR)$(SYSUSERSDIR)/duban.conf"
	$(INSTALL) -D -m 0644 deploy/tmpfiles.d/duban.conf "$(DESTDIR)$(TMPFILESDIR)/duban.conf"
	$(INSTALL) -D -m 0644 docs/man/dubanctl.1 "$(DESTDIR)$(MANDIR)/man1/dubanctl.1"
	$(INSTALL) -D -m 0644 docs/man/duban.yaml.5 "$(DESTDIR)$(MANDIR)/man5/duban.yaml.5"
	$(INSTALL) -D -m 0644 docs/man/duband.8 "$(DESTDIR)$(MANDIR)/man8/duband.8"
	$(INSTALL) -D -m 0644 deploy/completions/dubanctl.bash "$(DESTDIR)$(BASHCOMPDIR)/dubanctl"
	$(INSTALL) -D -m 0644 deploy/completions/_dubanctl "$(DESTDIR)$(ZSHCOMPDIR)/_dubanctl"
	$(INSTALL) -D -m 0644 deploy/completions/dubanctl.fish "$(DESTDIR)$(FISHCOMPDIR)/dubanctl.fish"
	$(INSTALL) -d "$(DESTDIR)$(PLUGINDIR)"
	for plugin in $(PLUGINS); do \
	    if [ -x "$(SWIFT_BIN_DIR)/$$plugin" ]; then \
	        $(INSTALL) -m 0755 "$(SWIFT_BIN_DIR)/$$plugin" "$(DESTDIR)$(PLUGINDIR)/$$plugin"; \
	    fi; \
	done
	$(INSTALL) -d "$(DESTDIR)$(SYSCONFDIR)/duban"
	@if [ -e "$(DESTDIR)$(SYSCONFDIR)/duban/duban.yaml" ]; then \
	    echo "keeping existing $(DESTDIR)$(SYSCONFDIR)/duban/duban.yaml"; \
	else \
	    echo "$(INSTALL) -m 0644 deploy/duban.yaml $(DESTDIR)$(SYSCONFDIR)/duban/duban.yaml"; \
	    $(INSTALL) -m 0644 deploy/duban.yaml "$(DESTDIR)$(SYSCONFDIR)/duban/duban.yaml"; \
	fi
	$(INSTALL) -d "$(DESTDIR)$(DATADIR)/duban/examples"
	cp -R examples/. "$(DESTDIR)$(DATADIR)/duban/examples/"
	$(INSTALL) -m 0644 deploy/duban.yaml "$(DESTDIR)$(DATADIR)/duban/examples/duban.yaml"
	$(INSTALL) -d "$(DESTDIR)$(DATADIR)/duban/plugins.d"
	$(INSTALL) -m 0644 deploy/plugins.d/*.yaml "$(DESTDIR)$(DATADIR)/duban/plugins.d/"
	$(INSTALL) -d "$(DESTDIR)$(DOCDIR)"
	$(INSTALL) -m 0644 README.md CHANGELOG.md LICENSE docs/*.md "$(DESTDIR)$(DOCDIR)/"
	@if [ -z "$(DESTDIR)" ]; then \
	    echo "post-install: user, directories, message catalog, unit files"; \
	    systemd-sysusers "$(SYSUSERSDIR)/duban.conf" || true; \
	    systemd-tmpfiles --create "$(TMPFILESDIR)/duban.conf" || true; \
	    journalctl --update-catalog || true; \
	    if [ -d /run/systemd/system ]; then systemctl daemon-reload || true; fi; \
	    echo "next: add plans to $(SYSCONFDIR)/duban/plans, then 'systemctl enable --now duban.socket duban.service'"; \
	fi

uninstall:
	for bin in $(BINARIES); do rm -f "$(DESTDIR)$(BINDIR)/$$bin"; done
	for plugin in $(PLUGINS); do rm -f "$(DESTDIR)$(PLUGINDIR)/$$plugin"; done
	rm -f "$(DESTDIR)$(UNITDIR)/duban.service" "$(DESTDIR)$(UNITDIR)/duban.socket"
	rm -f "$(DESTDIR)$(CATALOGDIR)/duban.catalog"
	rm -f "$(DESTDIR)$(MANDIR)/man1/dubanctl.1" "$(DESTDIR)$(MANDIR)/man5/duban.yaml.5" "$(DESTDIR)$(MANDIR)/man8/duband.8"
	rm -f "$(DESTDIR)$(BASHCOMPDIR)/dubanctl" "$(DESTDIR)$(ZSHCOMPDIR)/_dubanctl"
	rm -f "$(DESTDIR)$(FISHCOMPDIR)/dubanctl.fish"
	rm -f "$(DESTDIR)$(SYSUSERSDIR)/duban.conf" "$(DESTDIR)$(TMPFILESDIR)/duban.conf"
	rm -rf "$(DESTDIR)$(DATADIR)/duban" "$(DESTDIR)$(DOCDIR)"
	-rmdir "$(DESTDIR)$(PLUGINDIR)" "$(DESTDIR)$(LIBDIR)/duban" 2>/dev/null
	@if [ -z "$(DESTDIR)" ]; then \
	    journalctl --update-catalog || true; \
	    if [ -d /run/systemd/system ]; then systemctl daemon-reload || true; fi; \
	fi
	@echo "kept $(SYSCONFDIR)/duban (configuration), /var/lib/duban (state) and the duban user: remove them by hand if wanted"

# A Debian package of this checkout: a release build with the Swift runtime and Foundation linked statically (the
# package needs no Swift toolchain, only Debian's libraries, which dpkg-shlibdeps turns into Depends:) and bound
# at load time (-z now: full RELRO, as Debian's hardening asks), staged with `make install` and packed by
# deploy/debian/pack.sh. scripts/deb-test.sh installs, checks and removes it.
deb:
	@# The products the package holds, one at a time: no test support, no package plugins' tools.
	for product in $(BINARIES) $(PLUGINS); do \
	    $(SWIFT) build -c release --static-swift-stdlib -Xlinker -z -Xlinker now \
	        --scratch-path "$(DEB_BUILD_PATH)" --product "$$product" || exit 1; \
	done
	rm -rf "$(DEB_ROOT)"
	$(MAKE) --no-print-directory install DESTDIR="$(abspath $(DEB_ROOT))" SWIFT_BIN_DIR="$(DEB_BUILD_PATH)/release"
	deploy/debian/pack.sh "$(DEB_ROOT)" "$(VERSION)" "$(DEB_FILE)" "$(DEB_MAINTAINER)"

# The name `make deb` gives the package (scripts/deb-test.sh asks for it).
deb-file:
	@echo "$(DEB_FILE)"
