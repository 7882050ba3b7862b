#!/usr/bin/env bash
# Runs every benchmark against the build in $1 (default: build). Results are
# printed; copy them into docs/performance.md with the date and machine.
set -euo pipefail
build=${1:-build}
cd "$(dirname "$0")/.."
python3 bench/ingest_bench.py "$build/agent/ddd-agent"
python3 bench/activation.py "$build/agent/ddd-agent"
python3 bench/paging_bench.py "$build/agent/ddd-agent"
python3 bench/database.py "$build/agent/ddd-agent"
python3 bench/cluster.py "$build/agent/ddd-agent"
bench/serve.sh "$build"
bench/h2.sh "$build"
bench/hotpath.sh "$build"
bench/build.sh "$build"
python3 bench/churn.py "$build/agent/ddd-agent"
