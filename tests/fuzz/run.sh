#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 DragDropDeploy authors
# SPDX-License-Identifier: Apache-2.0
# Runs libFuzzer harnesses built by `make fuzz` (DDD_FUZZ=ON), each for
# SECONDS seconds, starting from its committed seeds and regressions. New
# corpus entries and crash inputs go to SCRATCH, never into the repository:
# docs/testing.md says how to turn a crash into a regression input.
#   tests/fuzz/run.sh BUILD_DIR SECONDS SCRATCH [harness...]   (default: all)
# Extra libFuzzer flags come from FUZZ_FLAGS (e.g. "-jobs=4 -workers=4").
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
build="$1" seconds="$2" scratch="$3"
shift 3

# The longest input worth trying per harness: archives need room for a few
# entries; heads and names are bounded by the server's own limits.
declare -A maxlen=(
    [fuzz_archive_ingest]=65536 [fuzz_archive_targz]=32768 [fuzz_http_head]=4096 [fuzz_http_server]=8192
    [fuzz_safepath]=3200 [fuzz_hostname]=512 [fuzz_jwt]=4200 [fuzz_basic_credentials]=4200
    [fuzz_redirects]=8192 [fuzz_headers]=8192 [fuzz_upload_manifest]=8192
    [fuzz_json_body]=4096 [fuzz_build_detect]=8192
)
harnesses=("$@")
[ ${#harnesses[@]} -gt 0 ] || harnesses=($(printf '%s\n' "${!maxlen[@]}" | sort))

# Crash reports with function, file and line (Debian's llvm-16, DEB_PACKAGES).
[ -x /usr/lib/llvm-16/bin/llvm-symbolizer ] && export ASAN_SYMBOLIZER_PATH=/usr/lib/llvm-16/bin/llvm-symbolizer

# Ingests write and fsync files: a RAM-backed temp dir keeps them fast.
[ -d /dev/shm ] && export TMPDIR=/dev/shm

status=0
for h in "${harnesses[@]}"; do
    exe="$build/tests/fuzz/$h"
    [ -x "$exe" ] || { echo "fuzz: $exe is not built" >&2; exit 2; }
    mkdir -p "$scratch/corpus/$h" "$scratch/crashes"
    dict=()
    [ -f "$here/$h.dict" ] && dict=(-dict="$here/$h.dict")
    seeds=("$here/corpus/$h")
    [ -d "$here/regressions/$h" ] && seeds+=("$here/regressions/$h")
    echo "== $h: ${seconds}s"
    # shellcheck disable=SC2086
    if ! "$exe" -max_total_time="$seconds" -max_len="${maxlen[$h]:-4096}" -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 -artifact_prefix="$scratch/crashes/$h-" "${dict[@]}" ${FUZZ_FLAGS:-} \
        "$scratch/corpus/$h" "${seeds[@]}" > "$scratch/$h.log" 2>&1; then
        echo "fuzz: $h FAILED, see $scratch/$h.log and $scratch/crashes/" >&2
        tail -30 "$scratch/$h.log" >&2
        status=1
    fi
    grep -E '^stat::number_of_executed_units|^stat::new_units_added' "$scratch/$h.log" | tr '\n' ' '; echo
done
exit $status
