#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 DragDropDeploy authors
# SPDX-License-Identifier: Apache-2.0
#
# A throw-away S3 server for tests: a single-node Ceph (one monitor, one
# manager, one memstore OSD) and radosgw on loopback, all inside DIR, no
# systemd. radosgw checks SigV4 signatures, payload hashes and conditional
# requests as AWS does, which a fake would not.
#
#   radosgw-fixture.sh start DIR   prints "PORT ACCESS_KEY SECRET_KEY" once S3 answers
#   radosgw-fixture.sh stop DIR    stops every daemon started in DIR
#
# A start that fails is stopped, wiped and tried once more; what failed is
# on stderr either way.
#
# Pitfalls met: the monitor must be registered as v1 only, or the OSD never
# comes up; memstore ignores --osd-uuid, so the OSD is created from the fsid
# its mkfs wrote; memstore loses everything when the OSD stops.
set -Eeuo pipefail

command=${1:?start or stop}
dir=$(realpath -m "${2:?folder}")
conf="$dir/ceph.conf"
access_key=dddtestaccess
secret_key=dddtestsecret0123456789

# On any failure: which command, and the end of every log, on stderr, so a
# test that cannot start the fixture says why.
report_failure() {
    local status=$? line=$1 command=$2
    echo "radosgw-fixture: line $line exited with $status: $command" >&2
    for log in "$dir"/log/*.log; do
        [ -s "$log" ] || continue
        # Ceph marks errors with level -1; the rest is mostly RocksDB noise.
        echo "--- $log, errors:" >&2
        grep -aiE '(^| )-1 |error|fail|denied' "$log" | tail -10 >&2 || true
        echo "--- $log, last lines:" >&2
        tail -5 "$log" >&2
    done
}

source "$(dirname "$0")/freeport.sh"

stop() {
    for pidfile in "$dir"/run/*.pid; do
        [ -e "$pidfile" ] || continue
        kill "$(cat "$pidfile")" 2>/dev/null || true
    done
    sleep 0.5
    for pidfile in "$dir"/run/*.pid; do
        [ -e "$pidfile" ] || continue
        kill -9 "$(cat "$pidfile")" 2>/dev/null || true
        rm -f "$pidfile"
    done
}

write_conf() {
    local mon_port=$1 rgw_port=$2
    cat >"$conf" <<CONF
[global]
fsid = $(cat /proc/sys/kernel/random/uuid)
mon_host = v1:127.0.0.1:$mon_port
public_addr = 127.0.0.1
cluster_addr = 127.0.0.1
ms_bind_ipv6 = false
ms_bind_msgr2 = false
auth_cluster_required = none
auth_service_required = none
auth_client_required = none
run_dir = $dir/run
pid_file = $dir/run/\$name.pid
admin_socket = $dir/run/\$name.asok
log_file = $dir/log/\$name.log
keyring = $dir/keyring
osd_pool_default_size = 1
osd_pool_default_min_size = 1
osd_pool_default_pg_num = 8
osd_pool_default_pgp_num = 8
osd_pool_default_pg_autoscale_mode = off
mon_allow_pool_size_one = true
osd_crush_chooseleaf_type = 0
[mon]
mon_data = $dir/mon/\$id
# The monitor refuses to start when its file system has 5% or less free
# (exit 28, ENOSPC), whatever that is in bytes: a build machine's disk often
# is that full. Its data here is a few megabytes.
mon_data_avail_crit = 0
mon_data_avail_warn = 0
[mgr]
mgr_data = $dir/mgr/\$id
[osd]
osd_objectstore = memstore
memstore_device_bytes = 1073741824
osd_data = $dir/osd/\$id
osd_crush_update_on_start = false
osd_class_update_on_start = false
[client.rgw.a]
rgw_frontends = beast endpoint=127.0.0.1:$rgw_port
CONF
}

# Waits up to $1 seconds for the command after it to succeed.
wait_for() {
    local seconds=$1
    shift
    for _ in $(seq $((seconds * 5))); do
        "$@" >/dev/null 2>&1 && return 0
        sleep 0.2
    done
    echo "radosgw-fixture: gave up waiting for: $*" >&2
    return 1
}

# A fresh monitor sometimes gets a client's first command before that client
# knows the cluster's fsid ("wrong fsid", or "problem getting command
# descriptions"), and the command fails having done nothing: each client
# call is tried again, up to ten times.
retry() {
    for attempt in $(seq 10); do
        "$@" >>"$dir/log/retries.log" 2>&1 && return 0
        echo "radosgw-fixture: attempt $attempt failed: $*" >>"$dir/log/retries.log"
        sleep 0.5
    done
    echo "radosgw-fixture: failed ten times: $*" >&2
    tail -20 "$dir/log/retries.log" >&2
    return 1
}

# A daemon that is a client too (the OSD, radosgw) can meet the same race
# and exit: started again until $3 holds, up to five times.
start_daemon() { # daemon ceph-name ready-check daemon-arguments...
    local daemon=$1 name=$2 ready=$3
    shift 3
    for _ in $(seq 5); do
        "$daemon" -c "$conf" "$@" >>"$dir/log/retries.log" 2>&1 && wait_for 30 bash -c "$ready" && return 0
        echo "radosgw-fixture: $daemon did not come up; starting it again" >>"$dir/log/retries.log"
        [ -e "$dir/run/$name.pid" ] && kill "$(cat "$dir/run/$name.pid")" 2>/dev/null || true
        sleep 1
    done
    echo "radosgw-fixture: $daemon never came up" >&2
    return 1
}

start() {
    trap 'report_failure "$LINENO" "$BASH_COMMAND"' ERR
    mkdir -p "$dir"/{run,log,mon/a,mgr/x,osd/0}
    local mon_port rgw_port
    mon_port=$(free_port)
    rgw_port=$(free_port)
    write_conf "$mon_port" "$rgw_port"
    local c=(-c "$conf")
    ceph-authtool --create-keyring "$dir/keyring" --gen-key -n mon. --cap mon 'allow *' >/dev/null
    monmaptool --create --addv a "[v1:127.0.0.1:$mon_port]" --fsid "$(sed -n 's/^fsid = //p' "$conf")" \
        "$dir/monmap" >/dev/null
    ceph-mon "${c[@]}" --mkfs -i a --monmap "$dir/monmap" --keyring "$dir/keyring"
    # --no-mon-config: the OSD's mkfs needs nothing from the monitor, so it
    # runs before there is one and cannot meet the race described at retry().
    ceph-osd "${c[@]}" -i 0 --mkfs --no-mon-config >>"$dir/log/mkfs.log" 2>&1
    ceph-mon "${c[@]}" -i a
    retry ceph-mgr "${c[@]}" -i x
    retry ceph "${c[@]}" osd new "$(cat "$dir/osd/0/fsid")" 0
    # Placed in the CRUSH map here rather than by the OSD's own start-up
    # command (osd_crush_update_on_start is off), one racing client fewer.
    retry ceph "${c[@]}" osd crush add osd.0 1.0 root=default host=localhost
    start_daemon ceph-osd osd.0 "ceph -c '$conf' osd stat | grep -q '1 up'" -i 0
    start_daemon radosgw client.rgw.a "curl -sf -o /dev/null http://127.0.0.1:$rgw_port/" -n client.rgw.a
    retry radosgw-admin "${c[@]}" user create --uid=ddd-test --display-name=ddd-test \
        --access-key="$access_key" --secret="$secret_key"
    echo "$rgw_port $access_key $secret_key"
}

# Each attempt is a process of its own, so that `set -e` and the ERR trap
# hold inside it; a failed attempt is stopped and wiped before the next.
start_with_second_chance() {
    for attempt in 1 2; do
        "$0" start-once "$dir" && return 0
        echo "radosgw-fixture: start attempt $attempt failed" >&2
        stop
        rm -rf "${dir:?}"/*
    done
    return 1
}

case $command in
start) start_with_second_chance ;;
start-once) start ;;
stop) stop ;;
*) echo "usage: $0 start|stop DIR" >&2; exit 2 ;;
esac
