# licenselint: build, test, install. Needs only the Swift 6 toolchain.
#
#   make build                          release build in .build/release
#   make test                           the test suite
#   make install PREFIX=/usr/local      binary to $(PREFIX)/bin, licence catalogue to $(PREFIX)/share/licenselint/Licenses
#   make uninstall PREFIX=/usr/local
#
# DESTDIR is honoured for packaging. On Linux the Swift runtime is linked statically so the installed binary
# runs without the toolchain; set SWIFT_BUILD_FLAGS= to link it dynamically instead.

PREFIX ?= /usr/local
DESTDIR ?=
SWIFT ?= swift
STRIP ?= strip
INSTALL ?= install

ifeq ($(shell uname -s),Linux)
SWIFT_BUILD_FLAGS ?= --static-swift-stdlib
else
SWIFT_BUILD_FLAGS ?=
endif

BINDIR := $(DESTDIR)$(PREFIX)/bin
SHAREDIR := $(DESTDIR)$(PREFIX)/share/licenselint

.PHONY: all build test install uninstall clean

all: build

build:
	$(SWIFT) build -c release $(SWIFT_BUILD_FLAGS)

test:
	$(SWIFT) test

install: build
	$(INSTALL) -d "$(BINDIR)" "$(SHAREDIR)/Licenses/base-models"
	$(INSTALL) -m 0755 "$$($(SWIFT) build -c release $(SWIFT_BUILD_FLAGS) --show-bin-path)/licenselint" "$(BINDIR)/licenselint"
	$(STRIP) "$(BINDIR)/licenselint"
	$(INSTALL) -m 0644 Licenses/*.json "$(SHAREDIR)/Licenses/"
	$(INSTALL) -m 0644 Licenses/base-models/*.json "$(SHAREDIR)/Licenses/base-models/"

uninstall:
	rm -f "$(BINDIR)/licenselint"
	rm -rf "$(SHAREDIR)"

clean:
	rm -rf .build
