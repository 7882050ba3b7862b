#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 DragDropDeploy authors
# SPDX-License-Identifier: Apache-2.0
#
# ctest runs every test through this script when the build has
# DDD_SANITIZE set (tests/CMakeLists.txt, `make test-sanitize`, `make
# test-tsan`): run-sanitized.sh <log dir> <test executable> [arguments...]
#
# Every sanitizer report, from the test itself or from any sanitized child it
# starts (ddd-agent, ddd), goes to <log dir>/report.<pid> through log_path
# instead of stderr. A child's stderr is often read or dropped by the test,
# and a child's non-zero exit may be what the test expects, so the exit code
# alone would lose reports; the files do not. Any report fails the test and is
# printed here. Options already set in the environment come first, so a caller
# can add to them; the log_path set here comes last and wins.
set -u
log_dir=$1
shift
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$log_dir"
mkdir -p "$log_dir"
log="log_path=$log_dir/report"
# Debian's llvm-16 symbolizer (DEB_PACKAGES) turns addresses into function,
# file and line; without it reports from clang-16 binaries are bare addresses.
symbolizer=/usr/lib/llvm-16/bin/llvm-symbolizer
[ -x "$symbolizer" ] && log="external_symbolizer_path=$symbolizer:$log"

# halt_on_error: the first memory error stops the process (with
# -fno-sanitize-recover=all from CMake, UBSan's too). detect_leaks: LSan at
# exit, with lsan.supp for leaks inside third-party libraries only.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}halt_on_error=1:detect_leaks=1:check_initialization_order=1:strict_init_order=1:$log"
export LSAN_OPTIONS="${LSAN_OPTIONS:+$LSAN_OPTIONS:}suppressions=$here/lsan.supp:print_suppressions=0:$log"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:+$UBSAN_OPTIONS:}halt_on_error=1:print_stacktrace=1:$log"
# TSan keeps going after a race so that one run shows all of them; the
# report file still fails the test (and TSan exits with 66).
# ignore_noninstrumented_modules: Debian's Qt is not built with TSan, and the
# malloc, free and memcpy it calls while handing objects between threads
# through its own futex locks (which TSan cannot see) were reported as
# hundreds of races per test. With it, accesses that Qt's code makes are not
# checked; every access our code makes still is, and locks taken through
# pthreads still order them.
export TSAN_OPTIONS="${TSAN_OPTIONS:+$TSAN_OPTIONS:}halt_on_error=0:second_deadlock_stack=1:ignore_noninstrumented_modules=1:suppressions=$here/tsan.supp:print_suppressions=0:$log"

"$@"
status=$?

reports=$(find "$log_dir" -type f -name 'report.*' -size +0 | sort)
if [ -n "$reports" ]; then
    for report in $reports; do
        echo "=== sanitizer report $report"
        cat "$report"
    done
    echo "FAIL: sanitizer reports above (exit status of the test: $status)" >&2
    [ "$status" -ne 0 ] && exit "$status"
    exit 1
fi
exit "$status"
