#!/usr/bin/env bash
# customs audit of a real project, cold (empty cache and store), warm (nothing changed,
# default freshness) and offline: wall, CPU and peak RSS from /usr/bin/time -v, and the
# network connections and requests from strace when STRACE=1.
#
#   bench/audit.sh CUSTOMS_BINARY PROJECT_DIR [WORK_DIR]
#
# PROJECT_DIR holds the lockfile (../shared/bench/npm-1082, ../shared/bench/pypi-121).
# The indexes are this machine's (pip's and npm's configuration). WORK_DIR (default a new
# temporary folder) keeps the cache and the store; it is emptied first.
set -euo pipefail
customs=${1:?customs binary}
project=${2:?project folder}
work=${3:-$(mktemp -d)}
rm -rf "$work"
mkdir -p "$work"
export CUSTOMS_CACHE_DIR="$work/cache" CUSTOMS_STORE="$work/store.sqlite3"

one() {
    local name=$1
    shift
    local trace=()
    if [ "${STRACE:-0}" = 1 ]; then
        trace=(strace -f -qq -e trace=connect,sendto,write -o "$work/$name.strace")
    fi
    /usr/bin/time -v -o "$work/$name.time" "${trace[@]}" "$customs" audit "$project" \
        --format json --output "$work/$name.json" --verbose "$@" 2>"$work/$name.err" || true
    local wall user sys rss
    wall=$(grep 'Elapsed (wall' "$work/$name.time" | awk '{print $NF}')
    user=$(grep 'User time' "$work/$name.time" | awk '{print $NF}')
    sys=$(grep 'System time' "$work/$name.time" | awk '{print $NF}')
    rss=$(grep 'Maximum resident' "$work/$name.time" | awk '{print $NF}')
    local summary
    summary=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["summary"])' \
        "$work/$name.json" 2>/dev/null || echo '?')
    printf '%-8s wall %8s  cpu %6.1f s  rss %5d MiB  %s\n' "$name" "$wall" \
        "$(echo "$user + $sys" | bc)" "$((rss / 1024))" "$summary"
    grep -h '^customs audit:' "$work/$name.err" | sed 's/^/         /' || true
    if [ "${STRACE:-0}" = 1 ]; then
        printf '         connects %d, requests %d\n' \
            "$(grep -c 'connect(.*AF_INET' "$work/$name.strace" || true)" \
            "$(grep -cE '(write|sendto)\(.*"GET ' "$work/$name.strace" || true)"
    fi
}

one cold
one warm
one offline --offline
