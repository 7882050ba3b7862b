#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 DragDropDeploy authors
# SPDX-License-Identifier: Apache-2.0
#
# CPU instructions per request on the serving hot path, the agent's site
# listener against nginx-light, counted by callgrind (valgrind) over N
# keep-alive GETs of the same 1 KiB page on one connection, after a warm-up.
# Unlike req/s this does not depend on how busy the machine is, so it can be
# compared across runs and while other work is going on; it counts user-space
# instructions only (the kernel's TCP work is the same for both).
# Usage: bench/hotpath.sh [build dir] (REQUESTS=900; nginx closes a
# keep-alive connection after 1,000 requests). With PROFILE_DIR set, the two
# callgrind profiles are kept there (nginx.callgrind, agent.callgrind) for
# callgrind_annotate --inclusive=yes. REQUEST_PATH=/old-path counts a
# _redirects hit instead (nginx: the same 301 by `return`).
set -euo pipefail
build=${1:-build}
cd "$(dirname "$0")/.."
agent_bin="$build/agent/ddd-agent"
requests=${REQUESTS:-900}
request_path=${REQUEST_PATH:-/index.html}
source bench/lib.sh
bench_require valgrind callgrind_annotate callgrind_control nginx curl jq bsdtar python3
bench_workdir hotpath

mkdir -p "$work/site" "$work/nginx/logs"
python3 -c 'import sys; sys.stdout.write("<!doctype html><title>bench</title>\n" + "x" * 987)' >"$work/site/index.html"
echo "/old-path /index.html 301" >"$work/site/_redirects"

# Sends $2 GETs for $3 with Host $4 on one connection to port $1, reading each answer.
cat >"$work/requests.py" <<'PY'
import socket, sys
port, n, path, host = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4]
s = socket.create_connection(("127.0.0.1", port))
request = f"GET {path} HTTP/1.1\r\nHost: {host}\r\nUser-Agent: bench\r\nAccept: */*\r\n\r\n".encode()
for _ in range(n):
    s.sendall(request)
    data = b""
    while b"\r\n\r\n" not in data:
        data += s.recv(65536)
    head, _, body = data.partition(b"\r\n\r\n")
    length = int([l for l in head.split(b"\r\n") if l.lower().startswith(b"content-length:")][0].split(b":")[1])
    while len(body) < length:
        body += s.recv(65536)
PY

# Instructions per request of the callgrind-run process $1 for port $2, host $3;
# $4 names its kept profile.
count() {
    local vpid=$1 port=$2 host=$3
    python3 "$work/requests.py" "$port" 200 "$request_path" "$host"   # warm-up, not counted
    callgrind_control -i on "$vpid" >/dev/null 2>&1
    python3 "$work/requests.py" "$port" "$requests" "$request_path" "$host"
    callgrind_control -d "$vpid" >/dev/null 2>&1
    callgrind_control -i off "$vpid" >/dev/null 2>&1
    local total profile
    profile=$(ls -t "$work"/cg-"$vpid".out.* | head -1)
    [[ -n ${PROFILE_DIR:-} ]] && mkdir -p "$PROFILE_DIR" && cp "$profile" "$PROFILE_DIR/$4.callgrind"
    total=$(callgrind_annotate "$profile" 2>/dev/null \
        | awk '/PROGRAM TOTALS/ {gsub(",", "", $1); print $1}')
    echo $((total / requests))
}

wait_port() { for _ in $(seq 200); do curl -s -o /dev/null -H "Host: $2" "http://127.0.0.1:$1/index.html" && return; sleep 0.2; done; exit 1; }

# --- nginx: one worker, no master, as a plain process under callgrind --------
nginx_port=$(free_port)
cat >"$work/nginx/nginx.conf" <<CONF
master_process off;
daemon off;
worker_processes 1;
error_log $work/nginx/logs/error.log;
pid $work/nginx/nginx.pid;
events { worker_connections 1024; }
http {
    include /etc/nginx/mime.types;
    access_log off;
    sendfile on;
    server { listen 127.0.0.1:$nginx_port; server_name localhost; root $work/site;
             location = /old-path { return 301 /index.html; } }
}
CONF
valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file="$work/cg-%p.out" \
    nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" >/dev/null 2>&1 &
pids+=($!)
nginx_vpid=$!
wait_port "$nginx_port" localhost
nginx_ipr=$(count "$nginx_vpid" "$nginx_port" localhost nginx)

# --- the agent: one I/O thread, the site deployed through the API -------------
data="$work/agent-data"
printf 'bench-password-123\n' | "$agent_bin" user add bench@example.com --data-dir "$data" >/dev/null
api_port=$(free_port)
site_port=$(free_port)
agent_flags=(--data-dir "$data" --api-port "$api_port" --site-port "$site_port" --log-site-access false
             --http-io-threads 1)
"$agent_bin" "${agent_flags[@]}" >"$work/agent.out" 2>&1 &
agent_pid=$!
sleep 1
api="http://127.0.0.1:$api_port/api/v1"
token=$(curl -sf "$api/auth/login" -H 'Content-Type: application/json' \
    -d '{"email":"bench@example.com","password":"bench-password-123"}' | jq -r .token)
project=$(curl -sf "$api/projects" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d '{"name":"bench"}')
(cd "$work/site" && bsdtar -a -cf "$work/site.zip" .)
curl -sf "$api/projects/$(jq -r .id <<<"$project")/deploys?activate=true" -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/zip' --data-binary @"$work/site.zip" >/dev/null
host=$(jq -r .stagingHost <<<"$project")
kill "$agent_pid"; wait "$agent_pid" 2>/dev/null || true
valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file="$work/cg-%p.out" \
    "$agent_bin" "${agent_flags[@]}" >/dev/null 2>&1 &
pids+=($!)
agent_vpid=$!
wait_port "$site_port" "$host"
agent_ipr=$(count "$agent_vpid" "$site_port" "$host" agent)

echo "instructions per GET of $request_path (user space, callgrind, $requests requests on one keep-alive connection):"
printf '  nginx  %8d\n  agent  %8d\n  agent/nginx %.2fx\n' "$nginx_ipr" "$agent_ipr" \
    "$(python3 -c "print($agent_ipr / $nginx_ipr)")"
