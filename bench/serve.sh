#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 DragDropDeploy authors
# SPDX-License-Identifier: Apache-2.0
#
# Static serving: the same tree served by Debian's nginx-light and by the
# agent's site listener, loaded alternately with wrk (2 threads, 64
# keep-alive connections from one address, 8 s per run, --latency). Prints
# req/s, p99 and agent/nginx ratios per case, and the idle RSS of both. Not a
# test: nothing asserts time. Usage: bench/serve.sh [build dir] (ROUNDS=3;
# CASES_MATCHING=REGEX runs only the cases whose name matches; AGENT_FLAGS adds
# agent options, e.g. --http-io-threads 1; WRK_LOG=FILE keeps wrk's whole output,
# latency distributions included; PIN=1 runs both servers on CPU 1 and wrk on
# CPU 0, so the client does not share the servers' cores: see
# docs/performance.md for why both ways are reported).
#
# Adding a case: append "name|path|extra wrk header|bytes|site" to CASES, where
# site is "public" or "private" (the password-protected copy of the tree,
# served by nginx with auth_basic and by the agent with a site password).
set -euo pipefail
build=${1:-build}
cd "$(dirname "$0")/.."
agent_bin="$build/agent/ddd-agent"
rounds=${ROUNDS:-3}
duration=${DURATION:-8s}
connections=64
# The agent's per-address connection cap for this run: wrk opens all 64
# connections from 127.0.0.1. The default (256) already allows them; it is
# set explicitly so the output says what was measured.
per_client_cap=${PER_CLIENT_CAP:-256}

# PIN=1: servers and client on separate CPUs (taskset), as when visitors are remote.
server_cpu=(); client_cpu=()
[ -n "${PIN:-}" ] && { server_cpu=(taskset -c 1); client_cpu=(taskset -c 0); }

source bench/lib.sh
bench_require wrk nginx curl jq bsdtar
[ -n "${PIN:-}" ] && bench_require taskset
bench_require_agent "$agent_bin"
bench_workdir serve-bench

# --- the tree -----------------------------------------------------------------
tree="$work/site"
mkdir -p "$tree"
python3 - "$tree" <<'PY'
import base64, os, sys
def page(title, size):  # printable HTML-ish filler of exactly `size` bytes
    text = f"<!doctype html><title>{title}</title>\n" + base64.b64encode(os.urandom(size)).decode()
    return text[:size].encode()
root = sys.argv[1]
open(os.path.join(root, "index.html"), "wb").write(page("bench", 1024))
open(os.path.join(root, "page50k.html"), "wb").write(page("page", 51200))
open(os.path.join(root, "big.bin"), "wb").write(os.urandom(2 * 1024 * 1024))
open(os.path.join(root, "_redirects"), "w").write("/old-path /index.html 301\n")
PY
chmod -R a+rX "$tree"

site_user=visitor
site_password=visitor-password-1
basic="Authorization: Basic $(printf '%s:%s' "$site_user" "$site_password" | base64 -w0)"
CASES=(
    "1 KiB page|/index.html||1024|public"
    "50 KiB page|/page50k.html||51200|public"
    "2 MiB file|/big.bin||2097152|public"
    "404|/missing.html||0|public"
    "protected 1 KiB|/index.html|$basic|1024|private"
    "_redirects hit|/old-path||0|public"
)

# --- nginx --------------------------------------------------------------------
nginx_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
mkdir -p "$work/nginx/logs"
cat >"$work/nginx/nginx.conf" <<EOF
worker_processes 2;
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log warn;
events { worker_connections 4096; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    tcp_nopush on;
    access_log off;
    keepalive_timeout 15s;
    keepalive_requests 1000000;
    open_file_cache max=1000;
    server {
        listen 127.0.0.1:$nginx_port;
        server_name localhost;
        root $tree;
        location = /old-path { return 301 /index.html; }
    }
    # nginx checks the password on every request; {SHA} is its cheapest scheme.
    server {
        listen 127.0.0.1:$nginx_port;
        server_name private;
        root $tree;
        auth_basic "bench";
        auth_basic_user_file $work/nginx/htpasswd;
    }
}
EOF
printf '%s:{SHA}%s\n' "$site_user" "$(printf '%s' "$site_password" | openssl sha1 -binary | base64)" >"$work/nginx/htpasswd"
"${server_cpu[@]}" nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" -g 'daemon off;' &
pids+=($!)
nginx_master=$!

# --- the agent ----------------------------------------------------------------
data="$work/agent-data"
printf 'bench-password-123\n' | "$agent_bin" user add bench@example.com --data-dir "$data" >/dev/null
agent_flags=(--data-dir "$data" --api-port 0 --site-port 0 --log-site-access false
             --http-max-connections-per-client "$per_client_cap" ${AGENT_FLAGS:-})
"${server_cpu[@]}" "$agent_bin" "${agent_flags[@]}" >"$work/agent.out" 2>"$work/agent.err" &
pids+=($!)
agent_pid=$!
for _ in $(seq 100); do grep -q "sites on" "$work/agent.out" 2>/dev/null && break; sleep 0.1; done
api_port=$(sed -n 's/.*API on http:\/\/[^:]*:\([0-9]*\).*/\1/p' "$work/agent.out")
site_port=$(sed -n 's/.*sites on http:\/\/[^:]*:\([0-9]*\).*/\1/p' "$work/agent.out")
api="http://127.0.0.1:$api_port/api/v1"
token=$(curl -sf "$api/auth/login" -H 'Content-Type: application/json' \
    -d '{"email":"bench@example.com","password":"bench-password-123"}' | jq -r .token)
project=$(curl -sf "$api/projects" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d '{"name":"bench"}')
project_id=$(jq -r .id <<<"$project")
site_host=$(jq -r .stagingHost <<<"$project")
(cd "$tree" && bsdtar -a -cf "$work/site.zip" .)
curl -sf "$api/projects/$project_id/deploys?activate=true" -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/zip' --data-binary @"$work/site.zip" >/dev/null
# The same tree again behind a site password (argon2id, remembered after the first check).
private=$(curl -sf "$api/projects" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d "{\"name\":\"private\",\"settings\":{\"sitePassword\":{\"enabled\":true,\"users\":[{\"username\":\"$site_user\",\"password\":\"$site_password\"}]}}}")
private_host=$(jq -r .stagingHost <<<"$private")
curl -sf "$api/projects/$(jq -r .id <<<"$private")/deploys?activate=true" -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/zip' --data-binary @"$work/site.zip" >/dev/null

expect() { # status port host path [header]
    local code
    code=$(curl -s -o /dev/null -w '%{http_code}' -H "Host: $3" ${5:+-H "$5"} "http://127.0.0.1:$2$4")
    [ "$code" = "$1" ] || { echo "$3 on port $2 answers $code to $4, not $1" >&2; exit 1; }
}
for port_host in "$nginx_port|localhost" "$site_port|$site_host"; do
    expect 200 "${port_host%%|*}" "${port_host#*|}" /index.html
    expect 301 "${port_host%%|*}" "${port_host#*|}" /old-path
done
for port_host in "$nginx_port|private" "$site_port|$private_host"; do
    expect 401 "${port_host%%|*}" "${port_host#*|}" /index.html
    expect 200 "${port_host%%|*}" "${port_host#*|}" /index.html "$basic"
done

# --- measuring ----------------------------------------------------------------
rss_kib() { # the sum over a process and its children (nginx's workers)
    local total=0 pid
    for pid in "$1" $(pgrep -P "$1" || true); do
        total=$((total + $(awk '/VmRSS/ {print $2}' "/proc/$pid/status")))
    done
    echo "$total"
}

# "req/s p99_ms" of one wrk run
run_wrk() { # port host path extra-header
    local args=(-t2 -c"$connections" -d"$duration" --latency -H "Host: $2")
    [ -n "$4" ] && args+=(-H "$4")
    "${client_cpu[@]}" wrk "${args[@]}" "http://127.0.0.1:$1$3" | tee -a "${WRK_LOG:-/dev/null}" | python3 -c '
import re, sys
text = sys.stdin.read()
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
value, unit = re.search(r"\s99%\s+([\d.]+)(us|ms|s)", text).groups()
print(rps, float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit])'
}

median() { python3 -c 'import statistics, sys; print(statistics.median(map(float, sys.argv[1:])))' "$@"; }

idle_nginx_before=$(rss_kib "$nginx_master")
idle_agent_before=$(rss_kib "$agent_pid")
echo "agent: site listener with --log-site-access false, --http-max-connections-per-client $per_client_cap" \
     "(wrk's $connections connections all come from 127.0.0.1)"
echo "nginx: nginx-light $(nginx -v 2>&1 | sed 's/.*\///'), worker_processes 2, sendfile on, access_log off"
echo "wrk: 2 threads, $connections connections, $duration per run, $rounds rounds alternating the servers; medians"
if [ -n "${PIN:-}" ]; then echo "CPUs: servers on CPU 1, wrk on CPU 0"; else echo "CPUs: shared by the servers and wrk"; fi
printf '\n%-16s %12s %12s %8s %10s %10s %8s\n' case "nginx req/s" "agent req/s" ratio "nginx p99" "agent p99" "p99 x"
for entry in "${CASES[@]}"; do
    IFS='|' read -r name path header bytes site <<<"$entry"
    [[ $name =~ ${CASES_MATCHING:-.} ]] || continue
    nginx_host=localhost; agent_host=$site_host
    [ "$site" = private ] && { nginx_host=private; agent_host=$private_host; }
    n_rps=(); a_rps=(); n_p99=(); a_p99=()
    for _ in $(seq "$rounds"); do
        read -r rps p99 < <(run_wrk "$nginx_port" "$nginx_host" "$path" "$header"); n_rps+=("$rps"); n_p99+=("$p99")
        read -r rps p99 < <(run_wrk "$site_port" "$agent_host" "$path" "$header"); a_rps+=("$rps"); a_p99+=("$p99")
    done
    nr=$(median "${n_rps[@]}"); ar=$(median "${a_rps[@]}")
    np=$(median "${n_p99[@]}"); ap=$(median "${a_p99[@]}")
    python3 - "$name" "$nr" "$ar" "$np" "$ap" "$bytes" <<'EOF'
import sys
name, nr, ar, np_, ap, size = sys.argv[1], *map(float, sys.argv[2:])
print(f"{name:<16} {nr:>12.0f} {ar:>12.0f} {ar / nr:>7.2f}x {np_:>8.2f}ms {ap:>8.2f}ms {ap / np_:>7.2f}x")
if size >= 1 << 20:
    print(f"{'':<16} {nr * size / 2**20:>9.0f} MiB/s {ar * size / 2**20:>6.0f} MiB/s")
EOF
done
sleep 1
mib() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
echo
echo "idle RSS before load: nginx $(mib "$idle_nginx_before") MiB (master + 2 workers), agent $(mib "$idle_agent_before") MiB"
echo "idle RSS after load:  nginx $(mib "$(rss_kib "$nginx_master")") MiB (master + 2 workers), agent $(mib "$(rss_kib "$agent_pid")") MiB"
