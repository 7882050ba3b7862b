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
	lego pebble clang-16 libclang-rt-16-dev llvm-16 ceph-mon ceph-mgr ceph-osd radosgw ceph-common python3 \
	postgresql-15 libpq-dev
# Debian's npm conflicts with a newer Node.js that brings its own npm: only
# install them when the commands are missing.
NODE_PACKAGES := nodejs npm

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: deps configure build test run clean bench package crash-long fuzz fuzz-build fuzz-smoke \
	test-sanitize test-sanitize-ci test-tsan

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

# Sanitizers (docs/testing.md, "Sanitizers"): separate build trees with
# clang-16, -O1 and line tables only (a full -O2 -g ASan build is about twice
# as slow to compile). ctest runs each test through
# tests/sanitizers/run-sanitized.sh, which sets the options and fails the
# test on any report, also from the ddd-agent and ddd processes it starts.
ASAN_BUILD_DIR ?= build-asan
TSAN_BUILD_DIR ?= build-tsan
SANITIZE_CMAKE := -G Ninja -DCMAKE_C_COMPILER=clang-16 -DCMAKE_CXX_COMPILER=clang++-16 \
	-DCMAKE_BUILD_TYPE=RelWithDebInfo "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -gline-tables-only" \
	"-DCMAKE_C_FLAGS_RELWITHDEBINFO=-O1 -gline-tables-only"
# CI's subset under ASan+UBSan: the parsers, the HTTP server, storage, ingest,
# the upload paths and the crash-prone code (the whole suite does not fit
# CI's time limit; measured in docs/testing.md).
SANITIZE_CI_TESTS := tst_sanitizercanary tst_sigv4signer tst_s3documents tst_s3transport tst_s3settings tst_blobpublisher tst_bucketcollector tst_blobmigration tst_blobcache tst_archivereader tst_ingest tst_safepath tst_redirectrules tst_headerrules \
	tst_manifest tst_manifestpatch tst_manifestdiff tst_strictjson tst_wirejson tst_versionjson \
	tst_tokenservice tst_jwtkeyfile tst_database tst_blobstore tst_gzipcodec tst_incrementalupload \
	tst_resumableupload tst_eventstreamparser tst_hostnamerules tst_entryrules tst_ignorerules \
	tst_builddetector tst_deploymentservice tst_livesites tst_backup tst_crashpoint \
	tst_headscanner tst_hostfield tst_requesttarget tst_httpserver tst_httpconformance tst_http2 \
	tst_http2limits tst_uploadsapi tst_archiveuploads tst_uploadrefusals tst_leanuploads \
	tst_deploysapi tst_authapi tst_sitelistener tst_siteconformance tst_sitepipeline \
	tst_siterules tst_sitecompression tst_siteprotection tst_crashrecovery \
	tst_blobdescriptorcache tst_responseserializer tst_preparedanswers
# TSan: the HTTP server, the site listener and the thread pools (worker
# pool, variant worker and precompressor, build queue, per-thread SQLite
# connections, webhook sender, access log writer), the caches the I/O
# threads share, and serving under deploy churn.
TSAN_TESTS := tst_sanitizercanary tst_httpserver tst_httpconformance tst_http2 tst_http2limits tst_httpshutdown \
	tst_http2api tst_sitelistener tst_siteconformance tst_sitecompression tst_acceptencoding tst_preparedanswers \
	tst_database tst_projectservice tst_deploysapi tst_uploadsapi tst_archiveuploads \
	tst_buildsapi tst_buildlive tst_webhookdelivery tst_backup \
	tst_churn tst_accesslog tst_accesslogs tst_hmacsha256 tst_siteprotection tst_siteblobs \
	tst_metricsregistry tst_sitehttps
tests_regex = '^($(subst $(eval) ,|,$(strip $(1))))$$'

$(ASAN_BUILD_DIR)/build.ninja: | deps
	cmake -S . -B $(ASAN_BUILD_DIR) $(SANITIZE_CMAKE) -DDDD_SANITIZE=address,undefined

$(TSAN_BUILD_DIR)/build.ninja: | deps
	cmake -S . -B $(TSAN_BUILD_DIR) $(SANITIZE_CMAKE) -DDDD_SANITIZE=thread -DDDD_BUILD_APP=OFF

test-sanitize: $(ASAN_BUILD_DIR)/build.ninja
	cmake --build $(ASAN_BUILD_DIR) -j $(JOBS)
	cd $(ASAN_BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

test-sanitize-ci: $(ASAN_BUILD_DIR)/build.ninja
	cmake --build $(ASAN_BUILD_DIR) -j $(JOBS) --target ddd-agent $(SANITIZE_CI_TESTS)
	cd $(ASAN_BUILD_DIR) && ctest --output-on-failure -j $(JOBS) -R $(call tests_regex,$(SANITIZE_CI_TESTS))

test-tsan: $(TSAN_BUILD_DIR)/build.ninja
	cmake --build $(TSAN_BUILD_DIR) -j $(JOBS) --target $(TSAN_TESTS)
	cd $(TSAN_BUILD_DIR) && ctest --output-on-failure -j $(JOBS) -R $(call tests_regex,$(TSAN_TESTS))

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
FUZZ_HARNESSES := fuzz_archive_ingest fuzz_archive_targz fuzz_http_head fuzz_http_server fuzz_safepath fuzz_hostname \
	fuzz_jwt fuzz_basic_credentials fuzz_redirects fuzz_headers fuzz_json_body fuzz_build_detect fuzz_upload_manifest
# The CI run: about five minutes of fuzzing in all, plus the build. Its seed
# is fixed so a landing never fails on a bug that chance found and the change
# did not cause; `make fuzz` draws a new seed each run to look further.
FUZZ_SMOKE_SECONDS ?= 25
FUZZ_SMOKE_SEED ?= 1

$(FUZZ_BUILD_DIR)/build.ninja: | deps
	CC=clang-16 CXX=clang++-16 cmake -S . -B $(FUZZ_BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Debug \
		"-DCMAKE_CXX_FLAGS_DEBUG=-O1 -gline-tables-only" -DDDD_SANITIZE=address,undefined \
		-DDDD_FUZZ=ON -DDDD_BUILD_APP=OFF

fuzz-build: deps $(FUZZ_BUILD_DIR)/build.ninja
	cmake --build $(FUZZ_BUILD_DIR) -j $(JOBS) --target $(FUZZ_HARNESSES)

fuzz: fuzz-build
	tests/fuzz/run.sh $(FUZZ_BUILD_DIR) $(FUZZ_SECONDS) $(FUZZ_SCRATCH) $(FUZZ_HARNESSES)

fuzz-smoke: fuzz-build
	FUZZ_FLAGS="-seed=$(FUZZ_SMOKE_SEED) $(FUZZ_FLAGS)" \
		tests/fuzz/run.sh $(FUZZ_BUILD_DIR) $(FUZZ_SMOKE_SECONDS) $(FUZZ_SCRATCH) $(FUZZ_HARNESSES)

clean:
	rm -rf $(BUILD_DIR) $(FUZZ_BUILD_DIR) $(ASAN_BUILD_DIR) $(TSAN_BUILD_DIR)
