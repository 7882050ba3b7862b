#!/bin/sh
# SPDX-FileCopyrightText: 2026 DragDropDeploy authors
# SPDX-License-Identifier: Apache-2.0
# Run by tst_packageinstall as root inside `unshare -m`: installs the packages
# for real (maintainer scripts included) on throw-away overlays of /etc, /usr
# and /var, so the machine itself is untouched, and prints key=value lines.
# Usage: install-into-overlay.sh SCRATCH_DIR DEB...
set -e
scratch=$1
shift
for dir in etc usr var; do
    mkdir -p "$scratch/upper/$dir" "$scratch/work/$dir"
    mount -t overlay overlay -o "lowerdir=/$dir,upperdir=$scratch/upper/$dir,workdir=$scratch/work/$dir" "/$dir"
done

dpkg -i "$@" >&2
echo "status=$(dpkg-query -W -f='${Status}' ddd-agent)"
echo "user=$(getent passwd ddd | cut -d: -f1,6,7)"
echo "build_user=$(getent passwd ddd-build | cut -d: -f1,7)"
echo "data_dir=$(stat -c %U:%G:%a /var/lib/ddd)"
echo "config=$(stat -c %U:%G:%a /etc/ddd/agent.toml)"

# The installed agent as the packaged unit would run it: user ddd, packaged
# config; only the ports are chosen by the OS.
setpriv --reuid=ddd --regid=ddd --init-groups /usr/bin/ddd-agent --config /etc/ddd/agent.toml \
    --api-port 0 --site-port 0 --log-level warning >"$scratch/agent.out" 2>&1 &
agent=$!
tries=0
until grep -q 'API on' "$scratch/agent.out" || [ $tries -ge 300 ]; do sleep 0.1; tries=$((tries + 1)); done
port=$(sed -n 's|.*API on https\{0,1\}://[^:]*:\([0-9]*\).*|\1|p' "$scratch/agent.out")
echo "health=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/api/v1/health")"
kill "$agent"
wait "$agent" || true
echo "db_owner=$(stat -c %U /var/lib/ddd/agent.db)"

# An edited config survives reinstalling the package (it is a conffile).
echo "# edited by the operator" >>/etc/ddd/agent.toml
dpkg -i --force-confold "$@" >&2
echo "edit_kept=$(grep -c 'edited by the operator' /etc/ddd/agent.toml)"

dpkg -r ddd-agent >&2
echo "removed=$(dpkg-query -W -f='${Status}' ddd-agent)"
echo "data_kept=$(test -f /var/lib/ddd/agent.db && echo yes || echo no)"
