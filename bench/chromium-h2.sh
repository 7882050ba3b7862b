#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 DragDropDeploy authors
# SPDX-License-Identifier: Apache-2.0
#
# A real browser against the site listener: headless Chromium (Debian's
# `chromium`) loads a page with 60 stylesheets, scripts and images over
# HTTPS from the agent, and the agent's own access log says how each asset
# was fetched. Passes when every asset came once, with 200, over HTTP/2 on
# the TLS listener; prints the counts. Not part of `make test` (Chromium is
# a large optional package). Usage: bench/chromium-h2.sh [build dir]
set -euo pipefail
build=${1:-build}
cd "$(dirname "$0")/.."
agent_bin="$build/agent/ddd-agent"

source bench/lib.sh
bench_require chromium curl jq bsdtar openssl
bench_require_agent "$agent_bin"
bench_workdir chromium-h2

openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 1 -subj /CN=localhost \
    -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null

# --- the page: 20 stylesheets, 20 scripts, 20 images ------------------------------
tree="$work/site"
mkdir -p "$tree/assets"
python3 - "$tree" <<'PY'
import os, sys
root = sys.argv[1]
tags = []
for i in range(20):
    open(os.path.join(root, f"assets/s{i}.css"), "w").write(f".c{i} {{ color: #{i:02x}{i:02x}{i:02x}; }}\n" * 40)
    open(os.path.join(root, f"assets/j{i}.js"), "w").write(f"window.v{i} = {i};\n" * 40)
    open(os.path.join(root, f"assets/i{i}.svg"), "w").write(
        f'<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><rect width="8" height="{i % 8 + 1}"/></svg>')
    tags += [f'<link rel="stylesheet" href="/assets/s{i}.css">', f'<script src="/assets/j{i}.js"></script>',
             f'<img src="/assets/i{i}.svg" alt="">']
open(os.path.join(root, "index.html"), "w").write(
    "<!doctype html><meta charset=utf-8><title>many assets</title>\n" + "\n".join(tags) + "\n<p id=done>loaded</p>\n")
PY

# --- the agent: API over TLS, sites on plain HTTP and HTTPS, access log on ----------
bench_tls_agent_with_site "$agent_bin" "$tree" --log-site-access true

# --- the browser ----------------------------------------------------------------------
# Root runs Chromium only without its sandbox; the name resolves to loopback
# and the self-signed certificate is accepted for this run only.
dom=$(timeout 120 chromium --headless=new --no-sandbox --disable-gpu --user-data-dir="$work/profile" \
    --ignore-certificate-errors --host-resolver-rules="MAP $site_host 127.0.0.1" \
    --virtual-time-budget=10000 --dump-dom "https://$site_host:$https_port/" 2>"$work/chromium.err")
sleep 1 # the access log is written every 200 ms

# --- what the agent saw ---------------------------------------------------------------
grep '"listener":"site"' "$work/agent.err" | jq -c 'select(.host == "'"$site_host"'")' >"$work/site-requests.jsonl" || true
total=$(wc -l <"$work/site-requests.jsonl")
assets=$(jq -r 'select(.path | startswith("/assets/")) | .path' "$work/site-requests.jsonl" | sort -u | wc -l)
h2_ok=$(jq -r 'select(.protocol == "HTTP/2.0" and .tls == true and .status == 200) | .path' \
    "$work/site-requests.jsonl" | sort -u | wc -l)
other=$(jq -r 'select(.protocol != "HTTP/2.0" or .status != 200) | "\(.protocol) \(.status) \(.path)"' \
    "$work/site-requests.jsonl" | grep -v ' /favicon.ico$' || true)
echo "Chromium $(chromium --version 2>/dev/null | awk '{print $2}'): $total requests to $site_host," \
    "$assets distinct assets, $h2_ok distinct paths answered 200 over HTTP/2 with TLS"
grep -q 'id="done"' <<<"$dom" || { echo "FAIL: the page did not render"; exit 1; }
[ "$assets" -eq 60 ] || { echo "FAIL: expected 60 assets"; exit 1; }
[ "$h2_ok" -ge 61 ] || { echo "FAIL: not every path came over HTTP/2"; exit 1; }
[ -z "$other" ] || { echo "FAIL: other answers:"; echo "$other"; exit 1; }
echo "PASS: the page and all 60 assets over HTTP/2"
