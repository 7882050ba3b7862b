# SPDX-FileCopyrightText: 2026 DragDropDeploy authors
# SPDX-License-Identifier: Apache-2.0
#
# Sourced by the benchmark scripts that start servers of their own: tool
# checks, and a scratch directory that goes away, with every process the
# script added to `pids`, however the script ends.

pids=()

source "$(dirname "${BASH_SOURCE[0]}")/../tests/support/freeport.sh"

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

# bench_radosgw BUCKET: starts radosgw (tests/support/radosgw-fixture.sh) in
# $work/rgw, stopped on exit, and makes BUCKET. Sets s3_port, access_key,
# secret_key and empty_sha (the payload hash of an empty body, for signed
# requests of one's own with curl --aws-sigv4).
bench_radosgw() {
    local fixture
    fixture="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/../tests/support/radosgw-fixture.sh"
    mkdir -p "$work/rgw"
    read -r s3_port access_key secret_key < <("$fixture" start "$work/rgw")
    # shellcheck disable=SC2064 # the paths are fixed now
    trap "'$fixture' stop '$work/rgw' >/dev/null 2>&1 || true; bench_cleanup" EXIT
    empty_sha=e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
    curl -sf --aws-sigv4 "aws:amz:us-east-1:s3" --user "$access_key:$secret_key" \
        -H "x-amz-content-sha256: $empty_sha" -X PUT "http://127.0.0.1:$s3_port/$1" >/dev/null
}

# bench_s3_agent NAME [options...]: starts $agent_bin on $work/NAME-data with the
# key pair of bench_radosgw in its environment (the bucket is one of the options),
# the per-address cap raised to 1000 and site access logs off; creates an account
# and a project for NAME.bench.test. Sets api_NAME, site_NAME, token_NAME,
# project_NAME; its output is $work/NAME.out and NAME.err.
bench_s3_agent() {
    local name=$1 data="$work/$1-data"
    shift
    printf 'bench-password-123\n' | "$agent_bin" user add bench@example.com --data-dir "$data" >/dev/null
    DDD_BLOBS_S3_ACCESS_KEY_ID=$access_key DDD_BLOBS_S3_SECRET_ACCESS_KEY=$secret_key \
        "$agent_bin" --data-dir "$data" --api-port 0 --site-port 0 --site-https-port 0 \
        --http-max-connections-per-client 1000 --log-site-access false "$@" >"$work/$name.out" 2>"$work/$name.err" &
    pids+=($!)
    for _ in $(seq 100); do grep -q "sites on" "$work/$name.out" 2>/dev/null && break; sleep 0.1; done
    local api site token project
    api=$(sed -n 's/.*API on http:\/\/[^:]*:\([0-9]*\).*/\1/p' "$work/$name.out")
    site=$(sed -n 's/.*sites on http:\/\/[^:]*:\([0-9]*\).*/\1/p' "$work/$name.out")
    token=$(curl -sf "http://127.0.0.1:$api/api/v1/auth/login" -H 'Content-Type: application/json' \
        -d '{"email":"bench@example.com","password":"bench-password-123"}' | jq -r .token)
    project=$(curl -sf "http://127.0.0.1:$api/api/v1/projects" -H "Authorization: Bearer $token" \
        -H 'Content-Type: application/json' -d "{\"name\":\"bench\",\"domain\":\"$name.bench.test\"}" | jq -r .id)
    printf -v "api_$name" %s "$api"; printf -v "site_$name" %s "$site"
    printf -v "token_$name" %s "$token"; printf -v "project_$name" %s "$project"
}

# bench_tls_agent_with_site AGENT TREE [agent options...]: starts the agent
# with $work/cert.pem and key.pem (API over TLS; sites on plain HTTP and on
# HTTPS), creates an account and a project, deploys TREE and makes it live.
# Sets api_port, https_port and site_host; the agent's stderr (its access
# log) is $work/agent.err.
bench_tls_agent_with_site() {
    local agent_bin=$1 tree=$2
    shift 2
    local data="$work/agent-data"
    printf 'bench-password-123\n' | "$agent_bin" user add bench@example.com --data-dir "$data" >/dev/null
    "$agent_bin" --data-dir "$data" --api-port 0 --site-port 0 --site-https-port 0 \
        --tls-cert-file "$work/cert.pem" --tls-key-file "$work/key.pem" "$@" >"$work/agent.out" 2>"$work/agent.err" &
    pids+=($!)
    for _ in $(seq 100); do grep -q "sites on" "$work/agent.out" 2>/dev/null && break; sleep 0.1; done
    api_port=$(sed -n 's/.*API on https\?:\/\/[^:]*:\([0-9]*\).*/\1/p' "$work/agent.out")
    # "sites on http://A:P and https://A:Q"
    https_port=$(sed -n 's/.* and https:\/\/[^:]*:\([0-9]*\).*/\1/p' "$work/agent.out")
    local api="https://127.0.0.1:$api_port/api/v1" token project
    token=$(curl -skf "$api/auth/login" -H 'Content-Type: application/json' \
        -d '{"email":"bench@example.com","password":"bench-password-123"}' | jq -r .token)
    project=$(curl -skf "$api/projects" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
        -d '{"name":"bench"}')
    site_host=$(jq -r .stagingHost <<<"$project")
    (cd "$tree" && bsdtar -a -cf "$work/site.zip" .)
    curl -skf "$api/projects/$(jq -r .id <<<"$project")/deploys?activate=true" -H "Authorization: Bearer $token" \
        -H 'Content-Type: application/zip' --data-binary @"$work/site.zip" >/dev/null
}
