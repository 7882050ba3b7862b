#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 DragDropDeploy authors
# SPDX-License-Identifier: Apache-2.0
#
# HTTP/2 over TLS: the same tree served by Debian's nginx-light (http2 on)
# and by the agent's site listener (h2 by ALPN), both with the same ECDSA
# P-256 certificate, loaded one after the other with h2load from
# nghttp2-client on loopback, one run per case. Prints req/s (and MiB/s),
# the agent/nginx ratio and h2load's mean time per request. Not a test:
# nothing asserts time. Usage: bench/h2.sh [build dir] (DURATION=8).
set -euo pipefail
build=${1:-build}
cd "$(dirname "$0")/.."
agent_bin="$build/agent/ddd-agent"
duration=${DURATION:-8}
# h2load opens `clients` connections from 127.0.0.1; the agent's
# per-address cap (default 256) admits them and is set explicitly so the
# output says what was measured.
clients=${CLIENTS:-8}
per_client_cap=${PER_CLIENT_CAP:-256}

source bench/lib.sh
bench_require h2load nginx curl jq bsdtar openssl
bench_require_agent "$agent_bin"
bench_workdir h2-bench

openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 1 -subj /CN=localhost \
    -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null

# --- the tree: a page with 60 assets (the "many-asset page"), a 2 MiB file ------
tree="$work/site"
mkdir -p "$tree/assets"
python3 - "$tree" <<'PY'
import base64, os, sys
root = sys.argv[1]
def filler(size):
    return base64.b64encode(os.urandom(size)).decode()[:size].encode()
links = []
for i in range(60):
    ext = ("css", "js", "svg")[i % 3]
    name = f"assets/a{i}.{ext}"
    open(os.path.join(root, name), "wb").write(filler(2048 + 512 * (i % 24)))
    links.append(name)
page = "<!doctype html><title>bench</title>\n" + "\n".join(f'<link href="/{l}">' for l in links)
open(os.path.join(root, "index.html"), "w").write(page)
open(os.path.join(root, "small.html"), "wb").write(filler(1024))
open(os.path.join(root, "big.bin"), "wb").write(os.urandom(2 * 1024 * 1024))
with open(os.path.join(root, "..", "uris.txt"), "w") as uris:
    uris.write("/index.html\n" + "".join(f"/{l}\n" for l in links))
PY
chmod -R a+rX "$tree"

# --- nginx ----------------------------------------------------------------------
nginx_port=$(free_port)
mkdir -p "$work/nginx/logs"
cat >"$work/nginx/nginx.conf" <<CONF
worker_processes 2;
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log warn;
events { worker_connections 4096; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    access_log off;
    keepalive_timeout 15s;
    keepalive_requests 1000000;
    open_file_cache max=1000;
    ssl_protocols TLSv1.2 TLSv1.3;
    ssl_ecdh_curve X25519:prime256v1;
    server {
        listen 127.0.0.1:$nginx_port ssl http2;
        ssl_certificate $work/cert.pem;
        ssl_certificate_key $work/key.pem;
        root $tree;
    }
}
CONF
nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" -g 'daemon off;' &
pids+=($!)

# --- the agent (API over TLS; sites on plain HTTP and on HTTPS: HTTPS measured) ------
bench_tls_agent_with_site "$agent_bin" "$tree" --log-site-access false \
    --http-max-connections-per-client "$per_client_cap"
site_port=$https_port
for _ in $(seq 50); do
    [ "$(curl -sk --http2 -o /dev/null -w '%{http_code} %{http_version}' -H "Host: $site_host" \
        "https://127.0.0.1:$site_port/index.html")" = "200 2" ] && break
    sleep 0.1
done

# --- measuring ---------------------------------------------------------------------
# run <port> <authority> <streams per connection> <uri...>: "req/s MiB/s mean-ms"
run() {
    local port=$1 authority=$2 streams=$3
    shift 3
    local uris=()
    for path in "$@"; do uris+=("https://127.0.0.1:$port$path"); done
    h2load -D "$duration" --warm-up-time=1 -c "$clients" -m "$streams" -H ":authority: $authority" "${uris[@]}" \
        >"$work/h2load.out" 2>&1 || true
    # "time for request:  min  max  mean  sd  +/- sd", each with its unit.
    awk '/^finished in/ { rps=$4; mb=$6 }
         /^requests:/ { ok=$8 }
         /^time for request:/ { mean=$6 }
         END { printf "%s %s %s %s\n", rps, mb, mean, ok }' "$work/h2load.out"
}
mapfile -t asset_uris <"$work/uris.txt"
echo "h2load ${duration}s per case, $clients connections, agent per-address cap $per_client_cap"
printf '%-28s %12s %12s %8s %10s %10s\n' case "nginx req/s" "agent req/s" ratio "nginx ms" "agent ms"
measure() { # name streams paths...
    local name=$1 streams=$2
    shift 2
    read -r n_rps n_mb n_mean _ < <(run "$nginx_port" localhost "$streams" "$@")
    read -r a_rps a_mb a_mean a_ok < <(run "$site_port" "$site_host" "$streams" "$@")
    printf '%-28s %12s %12s %8s %10s %10s\n' "$name" "$n_rps" "$a_rps" \
        "$(awk -v a="$a_rps" -v n="$n_rps" 'BEGIN { if (n > 0) printf "%.2fx", a / n }')" "$n_mean" "$a_mean"
    echo "    throughput nginx $n_mb, agent $a_mb; agent succeeded $a_ok"
}
measure "1 KiB page, 32 streams" 32 /small.html
measure "many-asset page (61 URIs)" 61 "${asset_uris[@]}"
measure "2 MiB file, 4 streams" 4 /big.bin
