#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 DragDropDeploy authors
# SPDX-License-Identifier: Apache-2.0
#
# Shared object storage (blobs.s3.*) against the local store alone, in one
# run on loopback, with a real S3 server (radosgw, tests/support/radosgw-fixture.sh):
#   - deploy: an archive of FILES distinct 1 KiB files into an agent without
#     a bucket and into one that publishes every blob first (ROUNDS rounds,
#     new content each time, medians);
#   - cold serving: the S3 agent with its local blobs deleted, FETCHES distinct
#     files requested one after another, each fetched from the bucket;
#   - warm serving: wrk (2 threads, 64 connections) on one 1 KiB page of both
#     agents, blobs local: what BlobFetchStage's check costs the hot path;
#   - a capped cache (blobs.cache_max_bytes = CAP bytes): the eviction round
#     after ROUNDS deploys (its scan time, for FILES x ROUNDS blobs), and wrk
#     on the capped agent (each answer notes its read in BlobUsage).
# Usage: bench/shared.sh [agent binary]; FILES=1000 ROUNDS=3 FETCHES=200 DURATION=8s CAP=2097152.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.sh"
agent_bin=${1:-"$here/../build/agent/ddd-agent"}
files=${FILES:-1000}
rounds=${ROUNDS:-3}
fetches=${FETCHES:-200}
duration=${DURATION:-8s}
cap=${CAP:-2097152}
bench_require curl jq bsdtar wrk python3
bench_require_agent "$agent_bin"
bench_workdir shared

bench_radosgw bench


# make_site ROUND: FILES distinct 1 KiB files (and index.html) zipped into $work/site-ROUND.zip
make_site() {
    local tree="$work/tree-$1"
    mkdir -p "$tree"
    python3 - "$tree" "$files" "$1" <<'EOF'
import os, sys
tree, count, round_ = sys.argv[1], int(sys.argv[2]), sys.argv[3]
for i in range(count):
    with open(os.path.join(tree, f"p{i}.html"), "w") as f:
        f.write((f"round {round_} page {i} " * 60)[:1024])
with open(os.path.join(tree, "index.html"), "w") as f:
    f.write(("home " * 300)[:1024])
EOF
    (cd "$tree" && bsdtar -a -cf "$work/site-$1.zip" .)
}

# deploy_seconds NAME ROUND
deploy_seconds() {
    local api="api_$1" token="token_$1" project="project_$1"
    curl -sf -o /dev/null -w '%{time_total}' \
        "http://127.0.0.1:${!api}/api/v1/projects/${!project}/deploys?activate=true" \
        -H "Authorization: Bearer ${!token}" -H 'Content-Type: application/zip' --data-binary @"$work/site-$2.zip"
}

median() { tr ' ' '\n' | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

bench_s3_agent local
bench_s3_agent shared --blobs-s3-endpoint "http://127.0.0.1:$s3_port" --blobs-s3-bucket bench
bench_s3_agent capped --blobs-s3-endpoint "http://127.0.0.1:$s3_port" --blobs-s3-bucket bench \
    --blobs-s3-prefix capped/ --blobs-cache-max-bytes "$cap"
echo "deploy: $files distinct 1 KiB files per archive, $rounds rounds, new content each round; medians"
local_times=() shared_times=()
for round in $(seq "$rounds"); do
    make_site "$round"
    local_times+=("$(deploy_seconds local "$round")")
    shared_times+=("$(deploy_seconds shared "$round")")
    deploy_seconds capped "$round" >/dev/null
done
l=$(echo "${local_times[*]}" | median); s=$(echo "${shared_times[*]}" | median)
printf '%-28s %10s s\n%-28s %10s s   (%.2fx the local deploy)\n' "local store only" "$l" "publishing to radosgw" "$s" \
    "$(python3 -c "print($s/$l)")"

# The capped agent: its first round found everything fresh (written in the last
# 10 s) and retries every 10 s; wait for the round that evicts, on a quiet
# machine, before anything else loads it.
for _ in $(seq 120); do grep -q 'blob cache: .*[1-9][0-9]* removed' "$work/capped.err" && break; sleep 1; done
echo
echo "capped cache: at most $cap bytes of blobs, $rounds deploys of $files files"
grep -ho 'blob cache: [^"]*' "$work/capped.err" | grep -v 'kept here' | head -3

# Cold: the shared agent's blobs gone; each request fetches one from the bucket.
find "$work/shared-data/blobs" -type f -name '????????????????????????????????????????????????????????????????' -delete
cold_start=$(date +%s.%N)
for i in $(seq 0 $((fetches - 1))); do
    curl -sf -o /dev/null -H "Host: shared.bench.test" "http://127.0.0.1:$site_shared/p$i.html"
done
cold=$(python3 -c "print(($(date +%s.%N) - $cold_start) / $fetches * 1000)")
warm_start=$(date +%s.%N)
for i in $(seq 0 $((fetches - 1))); do
    curl -sf -o /dev/null -H "Host: shared.bench.test" "http://127.0.0.1:$site_shared/p$i.html"
done
warm=$(python3 -c "print(($(date +%s.%N) - $warm_start) / $fetches * 1000)")
printf '\nserving %s distinct files one after another (curl, a connection each), per request:\n' "$fetches"
printf '%-28s %10.2f ms\n%-28s %10.2f ms\n' "cold (fetched from bucket)" "$cold" "warm (now local)" "$warm"

run_wrk() { # port host
    wrk -t2 -c64 -d"$duration" -H "Host: $2" "http://127.0.0.1:$1/p1.html" | awk '/Requests\/sec/ {print $2}'
}
echo
echo "wrk: 2 threads, 64 connections, $duration, one 1 KiB page, blobs local (per-address cap 1000)"
lr=$(run_wrk "$site_local" local.bench.test); sr=$(run_wrk "$site_shared" shared.bench.test)
printf '%-28s %10s req/s\n%-28s %10s req/s   (%.2fx)\n' "local store only" "$lr" "with blobs.s3" "$sr" \
    "$(python3 -c "print($sr/$lr)")"

cr=$(run_wrk "$site_capped" capped.bench.test)
printf '%-28s %10s req/s   (%.2fx with blobs.s3 alone)\n' "with a capped cache" "$cr" "$(python3 -c "print($cr/$sr)")"
