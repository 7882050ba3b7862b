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

bench_radosgw coldmiss

bench_s3_agent cold --blobs-s3-endpoint "http://127.0.0.1:$s3_port" --blobs-s3-bucket coldmiss \
    --uploads-max-bytes $(((size_mb * files + 16) * 1048576))
api=$api_cold site=$site_cold token=$token_cold project=$project_cold data="$work/cold-data"

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
grep -h '"level":"warning"' "$work/cold.err" | cut -c1-300 | head -5 || true
