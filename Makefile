# SPDX-FileCopyrightText: 2026 DragDropDeploy authors
# SPDX-License-Identifier: Apache-2.0
# `make run` and `make test` do all set-up on a fresh Debian 12 machine.

BUILD_DIR ?= build
BUILD_TYPE ?= RelWithDebInfo
DATA_DIR ?= $(CURDIR)/.ddd-data
JOBS ?= $(shell nproc)

# Everything the build, the tests and the benchmarks need, from Debian 12.
DEB_PACKAGES := build-essential cmake ninja-build ccache pkg-config \
	qt6-base-dev qt6-tools-dev qt6-l10n-tools qt6-tools-dev-tools qt6-translations-l10n qtkeychain-qt6-dev \
	libboost-dev libsqlite3-dev libarchive-dev libssl-dev libargon2-dev \
	libtomlplusplus-dev zlib1g-dev libbrotli-dev libarchive-tools sqlite3 xvfb xauth curl jq \
	nginx-light wrk valgrind testssl.sh openssl appstream systemd adduser libnghttp2-dev nghttp2-client \
	bubblewrap git hugo jekyll jekyll-theme-minima ruby-jekyll-feed ruby-jekyll-seo-tag mkdocs minify \
	lego pebble
# Debian's npm conflicts with a newer Node.js that brings its own npm: only
# install them when the commands are missing.
NODE_PACKAGES := nodejs npm

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: deps configure build test run clean bench package crash-long

deps:
	@missing=$$(for p in $(DEB_PACKAGES); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "Installing Debian packages:" $$missing; \
		$(SUDO) apt-get update -q && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q --no-install-recommends $$missing; \
	fi
	@if ! command -v node >/dev/null || ! command -v npm >/dev/null; then \
		echo "Installing Debian packages:" $(NODE_PACKAGES); \
		$(SUDO) apt-get update -q && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q --no-install-recommends $(NODE_PACKAGES); \
	fi

$(BUILD_DIR)/build.ninja: | deps
	cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE)

configure: deps $(BUILD_DIR)/build.ninja

build: configure
	cmake --build $(BUILD_DIR) -j $(JOBS)

test: build
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS) --timeout 600

run: build
	$(BUILD_DIR)/agent/ddd-agent --data-dir $(DATA_DIR)

# Debian packages (ddd-agent, ddd-dashboard, ddd) in $(BUILD_DIR)/packages.
package: build
	cd $(BUILD_DIR) && cpack -G DEB

bench: build
	bench/run-all.sh $(BUILD_DIR)

# The long randomized crash run (docs/testing.md, Crash matrix): CRASH_ROUNDS
# kills at random moments; CRASH_SEED=<seed> replays a run.
CRASH_ROUNDS ?= 1000
crash-long: configure
	cmake --build $(BUILD_DIR) -j $(JOBS) --target ddd-agent tst_crashrandom
	cd $(BUILD_DIR) && DDD_CRASH_ROUNDS=$(CRASH_ROUNDS) $(if $(CRASH_SEED),DDD_CRASH_SEED=$(CRASH_SEED)) \
		tests/agent/tst_crashrandom

clean:
	rm -rf $(BUILD_DIR)
