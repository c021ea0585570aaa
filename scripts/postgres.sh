#!/usr/bin/env bash
# A throw-away PostgreSQL server on loopback for the tests (Debian's postgresql package,
# installed when missing). Nothing is configured system-wide and no system service is
# started: the cluster lives in a temporary folder and listens on 127.0.0.1 only.
#
#   scripts/postgres.sh start   prints the folder on stderr and the URL on stdout
#   scripts/postgres.sh stop DIR
set -euo pipefail

bindir() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1
}

case "${1:-}" in
start)
  if [ -z "$(bindir)" ]; then
    if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
      DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends postgresql >/dev/null
    else
      echo "PostgreSQL is needed for the shared-store tests: apt-get install postgresql" >&2
      exit 1
    fi
  fi
  bin="$(bindir)"
  dir="$(mktemp -d /tmp/customs-pg.XXXXXX)"
  as=()
  if [ "$(id -u)" = 0 ]; then
    # initdb refuses to run as root: the cluster belongs to the postgres account.
    chown postgres: "$dir"
    as=(runuser -u postgres --)
  fi
  port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
  "${as[@]}" "$bin/initdb" -D "$dir/data" -U customs --auth=trust -E UTF8 --no-sync >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
  "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c max_connections=200" start >/dev/null \
    || { cat "$dir/server.log" >&2; exit 1; }
  echo "$dir" >&2
  echo "postgres://customs@127.0.0.1:$port/postgres"
  ;;
stop)
  dir="${2:?the folder start printed}"
  as=()
  [ "$(id -u)" = 0 ] && as=(runuser -u postgres --)
  "${as[@]}" "$(bindir)/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
  ;;
*)
  echo "usage: $0 start | stop DIR" >&2
  exit 2
  ;;
esac
