#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 DragDropDeploy authors
# SPDX-License-Identifier: Apache-2.0
#
# A throw-away PostgreSQL 15 cluster for tests, inside DIR, on a free
# loopback port, without systemd; durability off (fsync, synchronous commit),
# which a test does not need.
#
#   postgres-fixture.sh start DIR   prints a libpq connection string once it answers
#   postgres-fixture.sh restart DIR as after a crash (immediate stop), same port
#   postgres-fixture.sh stop DIR    stops it
#
# The server refuses to run as root: as root it runs as the postgres user,
# in DIR/pg owned by that user (DIR itself is opened for traversal).
set -euo pipefail

command=${1:?start or stop}
dir=$(realpath -m "${2:?folder}")
bin=/usr/lib/postgresql/15/bin
data="$dir/pg/data"

as_server_user() {
    if [ "$(id -u)" = 0 ]; then
        setpriv --reuid=postgres --regid=postgres --init-groups -- "$@"
    else
        "$@"
    fi
}

source "$(dirname "$0")/freeport.sh"

start() {
    mkdir -p "$dir/pg"
    if [ "$(id -u)" = 0 ]; then
        chmod 711 "$dir"
        chown postgres:postgres "$dir/pg"
    fi
    chmod 700 "$dir/pg"
    local port
    port=$(free_port)
    as_server_user "$bin/initdb" -D "$data" -U postgres -A trust -E UTF8 --no-locale --no-sync >"$dir/pg-initdb.log"
    as_server_user "$bin/pg_ctl" -D "$data" -l "$dir/pg/server.log" -w -t 60 -o "-p $port -k $dir/pg \
        -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
        start >/dev/null
    echo "host=127.0.0.1 port=$port user=postgres dbname=postgres"
}

stop() {
    [ -d "$data" ] || return 0
    as_server_user "$bin/pg_ctl" -D "$data" -m immediate -w -t 30 stop >/dev/null 2>&1 || true
}

restart() {
    as_server_user "$bin/pg_ctl" -D "$data" -l "$dir/pg/server.log" -m immediate -w -t 60 restart >/dev/null
}

case $command in
start) start ;;
restart) restart ;;
stop) stop ;;
*) echo "usage: $0 start|restart|stop DIR" >&2; exit 2 ;;
esac
