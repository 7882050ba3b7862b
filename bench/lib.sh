# SPDX-FileCopyrightText: 2026 DragDropDeploy authors
# SPDX-License-Identifier: Apache-2.0
#
# Sourced by the benchmark scripts that start servers of their own: tool
# checks, and a scratch directory that goes away, with every process the
# script added to `pids`, however the script ends.

pids=()

# Exits with what is missing unless every tool named is on PATH.
bench_require() {
    local tool
    for tool in "$@"; do
        command -v "$tool" >/dev/null || { echo "missing $tool (make deps installs it)" >&2; exit 1; }
    done
}

bench_require_agent() {
    [ -x "$1" ] || { echo "no agent binary at $1" >&2; exit 1; }
}

bench_cleanup() {
    local pid
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$work"
}

# Sets `work` to a fresh directory /tmp/ddd-NAME.XXXXXX, readable by the
# servers' own users (nginx workers), removed on exit.
bench_workdir() {
    work=$(mktemp -d "/tmp/ddd-$1.XXXXXX")
    chmod 755 "$work"
    trap bench_cleanup EXIT
}
