#!/usr/bin/env bash
# Benchmark and detection figures over the pinned benign corpus.
#
#   bench/run.sh [--quick]
#
# Fetches the corpus (../shared/corpus lists; bench/fetch_corpus.py) into a cache folder
# outside git ($CUSTOMS_BENCH_DIR, default ~/.cache/customs-bench), builds customs in
# release mode, and prints: the decompression floor, customs' wall and CPU time, peak
# memory, MB/s of compressed and uncompressed input and distance to the floor over the
# whole corpus, the ten slowest artifacts, and the verdict table per
# ecosystem with every suspicious-or-worse package and its top finding; then
# bench/compare.py times every artifact alone (p50/p95/max) and runs GuardDog 3.2.0
# (installed into a virtualenv in the cache folder) on the same artifacts in the same run.
# --quick uses a tenth of the corpus; CUSTOMS_BENCH_NO_GUARDDOG=1 skips GuardDog.
set -euo pipefail
cd "$(dirname "$0")/.."
DIR="${CUSTOMS_BENCH_DIR:-$HOME/.cache/customs-bench}"
LIMIT=()
if [ "${1:-}" = "--quick" ]; then LIMIT=(--limit 10); DIR="$DIR-quick"; fi
mkdir -p "$DIR"
python3 bench/fetch_corpus.py "$DIR" "${LIMIT[@]}" > "$DIR/fetch.log"
cargo build --release -q -p customs
cargo build --release -q -p customs-archive --example floor
BIN=target/release/customs
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "corpus: $(ls "$DIR/pypi" | wc -l) PyPI files, $(ls "$DIR/npm" | wc -l) npm tarballs, $(du -sm "$DIR/pypi" "$DIR/npm" | awk '{s+=$1} END {print s}') MB"
FLOOR=$(target/release/examples/floor "$DIR/pypi" "$DIR/npm")
echo "$FLOOR"
/usr/bin/time -o "$DIR/time.txt" -f "%e %U %S %M" \
  "$BIN" scan --format json "$DIR/pypi" "$DIR/npm" > "$DIR/report.json" || [ $? -eq 1 ]
# Throughput against the bytes the floor counted: compressed (as downloaded) and
# uncompressed (every member of every archive).
python3 - "$FLOOR" $(cat "$DIR/time.txt") <<'PY'
import re, sys
floor, wall, user, system, rss = sys.argv[1], *map(float, sys.argv[2:])
m = re.search(r"([0-9]+) MB compressed, ([0-9]+) MB uncompressed, ([0-9.]+) s", floor)
compressed, uncompressed, floor_s = int(m[1]), int(m[2]), float(m[3])
print(f"customs: {wall:.2f} s wall, {user:.2f} s user + {system:.2f} s system CPU, "
      f"{rss:.0f} KB peak RSS")
print(f"customs: {compressed / wall:.0f} MB/s compressed, {uncompressed / wall:.0f} MB/s "
      f"uncompressed; {wall / floor_s:.1f}x the floor")
PY
echo "slowest artifacts (each scanned alone, 2 threads):"
for f in $(ls -S "$DIR"/pypi/* "$DIR"/npm/* | head -10); do
  /usr/bin/time -f "  %e s  %M KB  $(basename "$f")" "$BIN" scan --format json "$f" > /dev/null || true
done 2>&1 | sort -rn
python3 - "$DIR/report.json" <<'PY'
import collections, json, sys
r = json.load(open(sys.argv[1]))
by = collections.defaultdict(collections.Counter)
for p in r["packages"]:
    by[p["ecosystem"]][p["verdict"]] += 1
for eco, c in sorted(by.items()):
    n = sum(c.values())
    print(f"{eco}: {n} artifacts: {c['malicious']} malicious, {c['suspicious']} suspicious "
          f"({100 * c['suspicious'] / n:.1f}%), {c['clean']} clean")
for p in r["packages"]:
    if p["verdict"] != "clean":
        f = p["findings"][0]
        print(f"  {p['verdict']} {p['target']}: [{f['rule']}] {f['message']}")
if r["errors"]:
    print("errors:", r["errors"])
PY
GUARDDOG=()
if [ -z "${CUSTOMS_BENCH_NO_GUARDDOG:-}" ]; then
  if [ ! -x "$DIR/guarddog-venv/bin/guarddog" ]; then
    python3 -m venv "$DIR/guarddog-venv"
    "$DIR/guarddog-venv/bin/pip" install -q guarddog==3.2.0
  fi
  GUARDDOG=(--guarddog "$DIR/guarddog-venv")
fi
python3 bench/compare.py "$BIN" "$DIR" --batch "$DIR/time.txt" "${GUARDDOG[@]}"
