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
	lego pebble clang-16 libclang-rt-16-dev
# Debian's npm conflicts with a newer Node.js that brings its own npm: only
# install them when the commands are missing.
NODE_PACKAGES := nodejs npm

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: deps configure build test run clean bench package crash-long fuzz fuzz-build fuzz-smoke

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

# libFuzzer harnesses (tests/fuzz, docs/testing.md): a clang-16 build with
# ASan and UBSan in FUZZ_BUILD_DIR, each harness run FUZZ_SECONDS from its
# committed seeds; new corpus entries and crashes land in FUZZ_SCRATCH.
FUZZ_BUILD_DIR ?= build-fuzz
FUZZ_SECONDS ?= 60
FUZZ_SCRATCH ?= $(CURDIR)/$(FUZZ_BUILD_DIR)/scratch
FUZZ_HARNESSES := fuzz_archive_ingest fuzz_archive_targz fuzz_http_head fuzz_safepath fuzz_hostname \
	fuzz_jwt fuzz_basic_credentials fuzz_redirects fuzz_headers fuzz_json_body fuzz_build_detect fuzz_upload_manifest
# The CI run: about five minutes of fuzzing in all, plus the build.
FUZZ_SMOKE_SECONDS ?= 25

$(FUZZ_BUILD_DIR)/build.ninja: | deps
	CC=clang-16 CXX=clang++-16 cmake -S . -B $(FUZZ_BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Debug \
		"-DCMAKE_CXX_FLAGS_DEBUG=-O1 -gline-tables-only" -DDDD_SANITIZE=address,undefined \
		-DDDD_FUZZ=ON -DDDD_BUILD_APP=OFF

fuzz-build: deps $(FUZZ_BUILD_DIR)/build.ninja
	cmake --build $(FUZZ_BUILD_DIR) -j $(JOBS) --target $(FUZZ_HARNESSES)

fuzz: fuzz-build
	tests/fuzz/run.sh $(FUZZ_BUILD_DIR) $(FUZZ_SECONDS) $(FUZZ_SCRATCH) $(FUZZ_HARNESSES)

fuzz-smoke: fuzz-build
	tests/fuzz/run.sh $(FUZZ_BUILD_DIR) $(FUZZ_SMOKE_SECONDS) $(FUZZ_SCRATCH) $(FUZZ_HARNESSES)

clean:
	rm -rf $(BUILD_DIR) $(FUZZ_BUILD_DIR)
