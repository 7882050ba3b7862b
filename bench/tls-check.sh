#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 DragDropDeploy authors
# SPDX-License-Identifier: Apache-2.0
#
# The TLS policy as a third-party scanner sees it: starts the agent with a
# fresh self-signed RSA certificate (RSA, so static-RSA key exchange would be
# possible if the policy allowed it) and runs Debian's testssl.sh against the
# API and the site HTTPS listener: protocols, cipher categories, forward secrecy,
# server preference, every cipher per protocol and the vulnerability checks.
# Certificate trust is not checked (the certificate is self-signed on
# purpose). Fails when a listener offers a suite without forward secrecy, a
# CBC suite, TLS < 1.2, or when testssl flags any finding as LOW or worse
# outside the certificate checks. Usage: bench/tls-check.sh [build dir]
# (MIN_VERSION=1.3 checks the TLS 1.3-only mode; KEEP=dir keeps testssl's output). The result of a run is in
# docs/operations.md ("TLS policy").
set -euo pipefail
build=${1:-build}
cd "$(dirname "$0")/.."
agent_bin="$build/agent/ddd-agent"
min_version=${MIN_VERSION:-1.2}
version_flag=()
[ -n "${MIN_VERSION:-}" ] && version_flag=(--tls-min-version "$MIN_VERSION")

for tool in testssl openssl jq; do
    command -v "$tool" >/dev/null || { echo "missing $tool (make deps installs it)" >&2; exit 1; }
done
[ -x "$agent_bin" ] || { echo "no agent binary at $agent_bin" >&2; exit 1; }

work=$(mktemp -d /tmp/ddd-tls-check.XXXXXX)
agent_pid=
cleanup() {
    [ -n "$agent_pid" ] && kill "$agent_pid" 2>/dev/null || true
    wait 2>/dev/null || true
    if [ -n "${KEEP:-}" ]; then mkdir -p "$KEEP" && cp "$work"/*.json "$work"/*.txt "$KEEP"/ 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=localhost \
    -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null
"$agent_bin" --data-dir "$work/data" --api-port 0 --site-port 0 --site-https-port 0 --log-site-access false \
    --tls-cert-file "$work/cert.pem" --tls-key-file "$work/key.pem" "${version_flag[@]}" \
    >"$work/agent.out" 2>"$work/agent.err" &
agent_pid=$!
for _ in $(seq 100); do grep -q "sites on" "$work/agent.out" 2>/dev/null && break; sleep 0.1; done
api_port=$(sed -n 's/.*API on https\?:\/\/[^:]*:\([0-9]*\).*/\1/p' "$work/agent.out")
# Sites: plain HTTP on one port "and https://...:<port>" on another.
site_port=$(sed -n 's/.* and https:\/\/[^:]*:\([0-9]*\).*/\1/p' "$work/agent.out")
[ -n "$api_port" ] && [ -n "$site_port" ] || { cat "$work/agent.err" >&2; exit 1; }

# Prints what testssl found for one listener; fails on a flagged finding
# or a weak suite (anything but TLS 1.3 suites and ECDHE with GCM/ChaCha20).
report() { # name port json
    local problems weak
    problems=$(jq -r '.[] | select(.severity == "LOW" or .severity == "MEDIUM" or .severity == "HIGH"
                                    or .severity == "CRITICAL")
                         | select(.id | test("^(cert|chain_of_trust|OCSP|DNS_CAArecord|intermediate)") | not)
                         | "\(.id) \(.severity): \(.finding)"' "$3")
    weak=$(jq -r '.[] | select(.id | startswith("cipher_x")) | .finding | split(" ") | map(select(. != "")) | .[1]' "$3" \
           | grep -v -E '^TLS_|^ECDHE-(ECDSA|RSA)-(AES(128|256)-GCM-SHA(256|384)|CHACHA20-POLY1305)$' || true)
    echo
    echo "== $1 listener (port $2)"
    jq -r '.[] | select(.id | test("^(SSLv2|SSLv3|TLS1|TLS1_1|TLS1_2|TLS1_3|PFS|PFS_ECDHE_curves|cipher_order|cipherorder_TLSv1_2|cipherorder_TLSv1_3|cipher_negotiated)$"))
           | "  \(.id): \(.finding)"' "$3"
    jq -r '.[] | select(.id | test("^(heartbleed|CCS|ticketbleed|ROBOT|secure_client_renego|CRIME_TLS|BREACH|POODLE_SSL|SWEET32|FREAK|DROWN|LOGJAM|BEAST|LUCKY13|RC4)$"))
           | "\(.id): \(.finding | split(",")[0])"' "$3" | paste -sd';' | fold -s -w 96 | sed 's/^/  /'
    [ -z "$weak" ] || { echo "  weak suites:"; echo "$weak" | sed 's/^/    /'; }
    [ -z "$problems" ] || { echo "  flagged:"; echo "$problems" | sed 's/^/    /'; }
    [ -z "$problems" ] && [ -z "$weak" ] && echo "  verdict: no suite without forward secrecy, no CBC, nothing flagged LOW or worse"
    [ -z "$problems" ] && [ -z "$weak" ]
}
[ -n "${REPORT_ONLY:-}" ] && { report "${REPORT_ONLY%%|*}" - "${REPORT_ONLY#*|}"; exit; }

echo "testssl.sh $(dpkg-query -W -f='${Version}' testssl.sh 2>/dev/null || echo '?'), $(openssl version)," \
     "agent with tls.min_version = $min_version, RSA 2048 certificate"
failed=0
for listener in "api|$api_port" "site|$site_port"; do
    name=${listener%%|*}; port=${listener#*|}
    json="$work/$name.json"
    testssl --quiet --color 0 --warnings batch --ip one --jsonfile "$json" \
        --protocols --std --fs --server-preference --each-cipher --vulnerable \
        "127.0.0.1:$port" >"$work/$name.txt" 2>&1 || true
    report "$name" "$port" "$json" || failed=1
done
exit $failed
