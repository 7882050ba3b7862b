#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 DragDropDeploy authors
# SPDX-License-Identifier: Apache-2.0
#
# What the access log costs per site request, in instructions (valgrind
# callgrind, so the number does not depend on the machine's load): the agent
# serves the same 1 KiB page N times over one keep-alive connection, once
# with --log-site-access false and once with the JSON lines on (and once more
# with the Combined Log Format file as well); counters are zeroed after the
# warm-up, so start-up is not counted. Every thread counts, the log's
# flushing thread included. Usage: bench/accesslog-cost.sh [build dir] (N=5000,
# COMBINED=0 without the Combined Log Format case, KEEP=dir keeps the callgrind
# files for callgrind_annotate).
set -euo pipefail
build=${1:-build}
cd "$(dirname "$0")/.."
agent_bin="$build/agent/ddd-agent"
requests=${N:-5000}
for tool in valgrind callgrind_control curl jq bsdtar python3; do
    command -v "$tool" >/dev/null || { echo "missing $tool" >&2; exit 1; }
done

work=$(mktemp -d /tmp/ddd-log-cost.XXXXXX)
agent_pid=
cleanup() {
    [ -n "$agent_pid" ] && kill "$agent_pid" 2>/dev/null || true
    wait 2>/dev/null || true
    if [ -n "${KEEP:-}" ]; then mkdir -p "$KEEP" && cp "$work"/callgrind-* "$KEEP"/ 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

mkdir -p "$work/site"
head -c 1024 /dev/zero | tr '\0' 'x' >"$work/site/index.html"
(cd "$work/site" && bsdtar -a -cf "$work/site.zip" .)

# N keep-alive GETs on one connection, each answer read in full.
load() { # port host count
    python3 - "$@" <<'PY'
import socket, sys
port, host, count = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
s = socket.create_connection(("127.0.0.1", port))
request = f"GET /index.html HTTP/1.1\r\nHost: {host}\r\nUser-Agent: bench\r\n\r\n".encode()
buffer = b""
for _ in range(count):
    s.sendall(request)
    while b"\r\n\r\n" not in buffer:
        buffer += s.recv(65536)
    head, _, buffer = buffer.partition(b"\r\n\r\n")
    length = int([l for l in head.split(b"\r\n") if l.lower().startswith(b"content-length:")][0].split(b":")[1])
    while len(buffer) < length:
        buffer += s.recv(65536)
    buffer = buffer[length:]
PY
}

measure() { # name, agent flags...
    local name=$1; shift
    local data="$work/data-$name" out="$work/callgrind-$name.out"
    printf 'bench-password-123\n' | "$agent_bin" user add bench@example.com --data-dir "$data" >/dev/null
    valgrind --tool=callgrind --callgrind-out-file="$out" --collect-atstart=yes \
        "$agent_bin" --data-dir "$data" --api-port 0 --site-port 0 "$@" \
        >"$work/agent-$name.out" 2>"$work/agent-$name.err" &
    agent_pid=$!
    for _ in $(seq 600); do grep -q "sites on" "$work/agent-$name.out" 2>/dev/null && break; sleep 0.1; done
    local api_port site_port api token project host
    api_port=$(sed -n 's/.*API on https\?:\/\/[^:]*:\([0-9]*\).*/\1/p' "$work/agent-$name.out")
    site_port=$(sed -n 's/.*sites on https\?:\/\/[^:]*:\([0-9]*\).*/\1/p' "$work/agent-$name.out")
    api="http://127.0.0.1:$api_port/api/v1"
    token=$(curl -sf "$api/auth/login" -H 'Content-Type: application/json' \
        -d '{"email":"bench@example.com","password":"bench-password-123"}' | jq -r .token)
    project=$(curl -sf "$api/projects" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d '{"name":"bench"}')
    host=$(jq -r .stagingHost <<<"$project")
    curl -sf "$api/projects/$(jq -r .id <<<"$project")/deploys?activate=true" -H "Authorization: Bearer $token" \
        -H 'Content-Type: application/zip' --data-binary @"$work/site.zip" >/dev/null
    load "$site_port" "$host" 500          # warm-up: descriptor cache, allocator
    sleep 1
    callgrind_control -z "$agent_pid" >/dev/null
    load "$site_port" "$host" "$requests"
    sleep 1                                 # the log's last batch is written within 200 ms
    callgrind_control -d "$agent_pid" >/dev/null
    kill "$agent_pid"; wait "$agent_pid" 2>/dev/null || true; agent_pid=
    # The dump after zeroing holds the measured part (the final dump at exit is separate).
    local total
    total=$(for f in "$out".*; do sed -n 's/^summary: *\([0-9]*\).*/\1/p' "$f"; done | sort -n | head -1)
    echo "$name $total"
}

echo "callgrind, $requests keep-alive GETs of a 1 KiB page, one connection; instructions per request"
results=()
results+=("$(measure off --log-site-access false)")
results+=("$(measure json --log-site-access true)")
# COMBINED=0 skips the Combined Log Format case (for binaries without it).
[ "${COMBINED:-1}" = 1 ] &&
    results+=("$(measure json+combined --log-site-access true --log-site-combined-file "$work/sites.log")")
base=$(awk '{print $2}' <<<"${results[0]}")
for r in "${results[@]}"; do
    read -r name total <<<"$r"
    awk -v n="$name" -v t="$total" -v b="$base" -v r="$requests" \
        'BEGIN { printf "%-14s %8.0f instr/request  (+%6.0f over off)\n", n, t / r, (t - b) / r }'
done
