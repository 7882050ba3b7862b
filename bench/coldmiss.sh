#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 DragDropDeploy authors
# SPDX-License-Identifier: Apache-2.0
#
# A large cold miss with shared object storage: one agent with blobs.s3.*
# pointing at radosgw (tests/support/radosgw-fixture.sh) on loopback.
# FILES incompressible files of SIZE_MB MiB are deployed, the agent's local
# copies deleted, and each is requested once (a cold miss, fetched from the
# bucket while it is sent), then once more (warm, from the local disk).
# Prints the time to the first byte and the total per request, beside the
# time radosgw takes to send the object alone: without streaming the first
# byte would come only after that whole download.
# Usage: bench/coldmiss.sh [agent binary]; SIZE_MB=64 FILES=3.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.sh"
agent_bin=${1:-"$here/../build/agent/ddd-agent"}
size_mb=${SIZE_MB:-64}
files=${FILES:-3}
bench_require curl jq bsdtar python3
bench_require_agent "$agent_bin"
bench_workdir coldmiss

fixture="$here/../tests/support/radosgw-fixture.sh"
mkdir -p "$work/rgw"
read -r s3_port access_key secret_key < <("$fixture" start "$work/rgw")
trap '"$fixture" stop "$work/rgw" >/dev/null 2>&1 || true; bench_cleanup' EXIT
empty_sha=e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
curl -sf --aws-sigv4 "aws:amz:us-east-1:s3" --user "$access_key:$secret_key" \
    -H "x-amz-content-sha256: $empty_sha" -X PUT "http://127.0.0.1:$s3_port/coldmiss" >/dev/null

data="$work/agent-data"
printf 'bench-password-123\n' | "$agent_bin" user add bench@example.com --data-dir "$data" >/dev/null
DDD_BLOBS_S3_ACCESS_KEY_ID=$access_key DDD_BLOBS_S3_SECRET_ACCESS_KEY=$secret_key \
    "$agent_bin" --data-dir "$data" --api-port 0 --site-port 0 --site-https-port 0 \
    --blobs-s3-endpoint "http://127.0.0.1:$s3_port" --blobs-s3-bucket coldmiss \
    --uploads-max-bytes $(((size_mb * files + 16) * 1048576)) \
    --log-site-access false >"$work/agent.out" 2>"$work/agent.err" &
pids+=($!)
for _ in $(seq 100); do grep -q "sites on" "$work/agent.out" 2>/dev/null && break; sleep 0.1; done
api=$(sed -n 's/.*API on http:\/\/[^:]*:\([0-9]*\).*/\1/p' "$work/agent.out")
site=$(sed -n 's/.*sites on http:\/\/[^:]*:\([0-9]*\).*/\1/p' "$work/agent.out")
token=$(curl -sf "http://127.0.0.1:$api/api/v1/auth/login" -H 'Content-Type: application/json' \
    -d '{"email":"bench@example.com","password":"bench-password-123"}' | jq -r .token)
project=$(curl -sf "http://127.0.0.1:$api/api/v1/projects" -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' -d '{"name":"bench","domain":"cold.bench.test"}' | jq -r .id)

mkdir -p "$work/tree"
for i in $(seq "$files"); do head -c $((size_mb * 1048576)) /dev/urandom >"$work/tree/big$i.bin"; done
echo home >"$work/tree/index.html"
(cd "$work/tree" && bsdtar -cf "$work/site.tar" .)
curl -sf -o /dev/null "http://127.0.0.1:$api/api/v1/projects/$project/deploys?activate=true" \
    -H "Authorization: Bearer $token" -H 'Content-Type: application/x-tar' --data-binary @"$work/site.tar"
# Every blob of the site leaves this machine: each request below is a cold miss.
find "$data/blobs" -type f -name '????????????????????????????????????????????????????????????????' -delete

fetch() { # file: prints "first-byte-seconds total-seconds", checks the body
    local timing
    timing=$(curl -sf -o "$work/got" -w '%{time_starttransfer} %{time_total}' -H "Host: cold.bench.test" \
        "http://127.0.0.1:$site/$1")
    cmp -s "$work/got" "$work/tree/$1" || { echo "wrong body for $1" >&2; exit 1; }
    echo "$timing"
}
printf '%s MiB files, fetched from radosgw on loopback while sent (cold), then from disk (warm)\n' "$size_mb"
printf '%-10s %14s %16s %12s %16s %12s\n' file "bucket GET" "cold first byte" "cold total" "warm first byte" "warm total"
bucket_get() { # file: seconds for radosgw to send the object alone, what a cold miss waited before streaming
    local sha
    sha=$(sha256sum "$work/tree/$1" | cut -c1-64)
    curl -sf -o /dev/null -w '%{time_total}' --aws-sigv4 "aws:amz:us-east-1:s3" --user "$access_key:$secret_key" \
        -H "x-amz-content-sha256: $empty_sha" "http://127.0.0.1:$s3_port/coldmiss/blobs/${sha:0:2}/$sha"
}
for i in $(seq "$files"); do
    get=$(bucket_get "big$i.bin")
    cold=$(fetch "big$i.bin")
    warm=$(fetch "big$i.bin")
    read -r cf ct <<<"$cold"
    read -r wf wt <<<"$warm"
    printf '%-10s %11.1f ms %14.1f ms %10.1f ms %14.1f ms %10.1f ms\n' "big$i.bin" "$(python3 -c "print($get*1000)")" \
        "$(python3 -c "print($cf*1000)")" "$(python3 -c "print($ct*1000)")" \
        "$(python3 -c "print($wf*1000)")" "$(python3 -c "print($wt*1000)")"
done
# Anything the agent warned about meanwhile (a cut body, a retried download).
grep -h '"level":"warning"' "$work/agent.err" | cut -c1-300 | head -5 || true
