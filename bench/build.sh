#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 DragDropDeploy authors
# SPDX-License-Identifier: Apache-2.0
#
# Builds: a 1,000-page Hugo site built by bare `hugo` and by the agent (source
# archive uploaded with ?build=1&activate=1, timed until the build reports
# its version live), alternating, in one run. Prints the medians and the
# ratio against the goal "agent <= 1.1 x bare + 0.5 s". The project opts out
# of minify so both sides do the same work; a last run with minify on shows
# what minify costs. Not a test: nothing asserts time.
# Usage: bench/build.sh [build dir] (ROUNDS=3, PAGES=1000).
set -euo pipefail
build=${1:-build}
cd "$(dirname "$0")/.."
agent_bin="$build/agent/ddd-agent"
rounds=${ROUNDS:-3}
pages=${PAGES:-1000}

for tool in hugo curl jq bsdtar python3; do
    command -v "$tool" >/dev/null || { echo "missing $tool (make deps installs it)" >&2; exit 1; }
done
[ -x "$agent_bin" ] || { echo "no agent binary at $agent_bin" >&2; exit 1; }

work=$(mktemp -d /tmp/ddd-build-bench.XXXXXX)
chmod 755 "$work"
agent_pid=
cleanup() {
    [ -n "$agent_pid" ] && kill "$agent_pid" 2>/dev/null || true
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

# --- the source -----------------------------------------------------------------
src="$work/src"
python3 - "$src" "$pages" <<'PY'
import os, random, sys
root, pages = sys.argv[1], int(sys.argv[2])
random.seed(7)
words = "static site agent build version deploy rollback preview hugo page content layout".split()
def para(): return " ".join(random.choice(words) for _ in range(80)) + ".\n\n"
os.makedirs(f"{root}/content/posts")
os.makedirs(f"{root}/layouts/_default")
open(f"{root}/hugo.toml", "w").write('baseURL = "https://bench.example/"\ntitle = "bench"\n')
open(f"{root}/layouts/_default/baseof.html", "w").write(
    "<!doctype html><html><head><title>{{ .Title }}</title></head><body>{{ block \"main\" . }}{{ end }}</body></html>\n")
open(f"{root}/layouts/_default/single.html", "w").write(
    "{{ define \"main\" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ end }}\n")
open(f"{root}/layouts/_default/list.html", "w").write(
    "{{ define \"main\" }}<ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}\n")
open(f"{root}/layouts/index.html", "w").write(
    "{{ define \"main\" }}<p>{{ len .Site.RegularPages }} pages</p>{{ end }}\n")
for i in range(pages):
    with open(f"{root}/content/posts/p{i:04}.md", "w") as f:
        f.write(f'---\ntitle: "Post {i}"\ndate: 2026-01-01\ntags: ["t{i % 20}"]\n---\n\n' + para() * 4)
PY
(cd "$src" && bsdtar -czf "$work/src.tar.gz" .)

now_ms() { date +%s%3N; }

bare_once() {
    rm -rf "$work/bare-src" "$work/bare-out"
    cp -r "$src" "$work/bare-src"
    local start; start=$(now_ms)
    (cd "$work/bare-src" && hugo --quiet --noBuildLock -d "$work/bare-out" >/dev/null)
    echo $(( $(now_ms) - start ))
}

# --- the agent --------------------------------------------------------------------
data="$work/agent-data"
printf 'bench-password-123\n' | "$agent_bin" user add bench@example.com --data-dir "$data" >/dev/null
"$agent_bin" --data-dir "$data" --api-port 0 --site-port 0 >"$work/agent.out" 2>"$work/agent.err" &
agent_pid=$!
for _ in $(seq 100); do grep -q "sites on" "$work/agent.out" 2>/dev/null && break; sleep 0.1; done
api_port=$(sed -n 's/.*API on http:\/\/[^:]*:\([0-9]*\).*/\1/p' "$work/agent.out")
api="http://127.0.0.1:$api_port/api/v1"
token=$(curl -sf "$api/auth/login" -H 'Content-Type: application/json' \
    -d '{"email":"bench@example.com","password":"bench-password-123"}' | jq -r .token)
auth=(-H "Authorization: Bearer $token")

new_project() { # name minify(true|false) -> id
    curl -sf "$api/projects" "${auth[@]}" -H 'Content-Type: application/json' \
        -d "{\"name\":\"$1\",\"settings\":{\"optOutMinify\":$2}}" | jq -r .id
}

# Upload, build and activate; prints "total_ms upload_ms phases_json" where
# upload is until the agent answered the upload (source stored, build queued).
agent_once() { # project id
    local start uploaded build id status
    start=$(now_ms)
    build=$(curl -sf "${auth[@]}" -H 'Content-Type: application/gzip' --data-binary @"$work/src.tar.gz" \
        "$api/projects/$1/sources?build=1&activate=1" | jq -c .build)
    uploaded=$(now_ms)
    id=$(jq -r .id <<<"$build")
    # The live log ends when the build does: no polling that would compete
    # with hugo for the two cores.
    curl -sfN "${auth[@]}" "$api/builds/$id/log/stream" >/dev/null
    build=$(curl -sf "${auth[@]}" "$api/builds/$id")
    status=$(jq -r .status <<<"$build")
    [ "$status" = succeeded ] || { echo "build $id ended $status: $(jq -c .error <<<"$build")" >&2; exit 1; }
    echo "$(( $(now_ms) - start )) $(( uploaded - start )) $(jq -c '[.phases[] | {(.name): .durationMs}] | add' <<<"$build")"
}

median() { python3 -c 'import statistics, sys; print(int(statistics.median(map(float, sys.argv[1:]))))' "$@"; }

plain_project=$(new_project bench true)
minify_project=$(new_project bench-minify false)
echo "hugo $(hugo version | awk '{print $2}'), $pages pages, $(du -sh "$work/src.tar.gz" | cut -f1) source archive;" \
     "$rounds rounds alternating bare and agent; medians"
bare=(); agent=(); phases=()
for _ in $(seq "$rounds"); do
    bare+=("$(bare_once)")
    read -r total uploaded phase_json < <(agent_once "$plain_project")
    agent+=("$total"); phases+=("$(jq -c ". + {upload: $uploaded}" <<<"$phase_json")")
done
read -r minified _ < <(agent_once "$minify_project")
b=$(median "${bare[@]}"); a=$(median "${agent[@]}")
python3 - "$b" "$a" "$minified" "${phases[@]}" <<'EOF'
import json, statistics, sys
bare, agent, minified = map(int, sys.argv[1:4])
rounds = [json.loads(p) for p in sys.argv[4:]]
goal = 1.1 * bare + 500
print(f"bare hugo                     {bare:>7} ms")
print(f"agent, upload to live         {agent:>7} ms   ({agent / bare:.2f}x bare; goal <= {goal:.0f} ms: "
      f"{'met' if agent <= goal else 'NOT met'})")
for name in ["upload", "source", "build", "store"]:
    values = [r[name] for r in rounds if name in r]
    if values:
        print(f"  {name:<27} {int(statistics.median(values)):>7} ms")
print(f"agent with minify, once       {minified:>7} ms")
EOF
