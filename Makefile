# licenselint: build, test, install. Needs only the Swift 6 toolchain.
#
#   make build                          release build in .build/release
#   make test                           the test suite
#   make install PREFIX=/usr/local      one static, stripped binary to $(PREFIX)/bin (the catalogue is compiled in)
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
	$(INSTALL) -d "$(BINDIR)"
	$(INSTALL) -m 0755 "$$($(SWIFT) build -c release $(SWIFT_BUILD_FLAGS) --show-bin-path)/licenselint" "$(BINDIR)/licenselint"
	$(STRIP) "$(BINDIR)/licenselint"

uninstall:
	rm -f "$(BINDIR)/licenselint"
	rm -rf "$(SHAREDIR)"   # left by versions that installed the catalogue beside the binary

clean:
	rm -rf .build
