#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 DragDropDeploy authors
# SPDX-License-Identifier: Apache-2.0
#
# expect-reports.sh <log dir> <canary program> <mode>=<expected text>...
#
# The sanitizer builds' self-check (ctest: tst_sanitizercanary). For each
# mode, runs the canary through run-sanitized.sh exactly as every test is run,
# and passes only if that run fails with a report that contains the expected
# text and names the canary's source file (so reports are symbolised).
set -u
log_dir=$1
canary=$2
shift 2
here=$(cd "$(dirname "$0")" && pwd)
failed=0
for check in "$@"; do
    mode=${check%%=*}
    expected=${check#*=}
    output=$("$here/run-sanitized.sh" "$log_dir/$mode" "$canary" "$mode" 2>&1)
    status=$?
    if [ "$status" -eq 0 ]; then
        echo "FAIL: $mode: the run passed; the sanitizer did not stop it"
        failed=1
    elif ! grep -qF -- "$expected" <<<"$output" || ! grep -qF -- "sanitizercanary.cpp" <<<"$output"; then
        echo "$output"
        echo "FAIL: $mode: no report with \"$expected\" at sanitizercanary.cpp (exit status $status)"
        failed=1
    else
        echo "PASS: $mode: reported \"$expected\" at sanitizercanary.cpp"
    fi
done
exit "$failed"
