#!/usr/bin/env bash
# Registry scans with history on the latest releases of the most downloaded packages:
# how often the history rules speak on ordinary updates, and how long a registry scan
# takes. Downloads real packages from the indexes the user's pip and npm are configured
# with (nothing is installed or run). Usage: bench/history.sh [N per ecosystem] [out dir]
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-50}"
out="${2:-target/history-bench}"
mkdir -p "$out"
cargo build --release --quiet
bin=target/release/customs
targets=()
while read -r name; do targets+=("pypi:$name"); done < <(head -n "$n" ../shared/data/popular-pypi.txt)
while read -r name; do targets+=("npm:$name"); done < <(head -n "$n" ../shared/data/popular-npm.txt)
cache="$out/cache"
rm -rf "$cache"
echo "== cold cache: ${#targets[@]} registry releases, each with its predecessor and new dependencies"
/usr/bin/time -f "%e s wall, %U s user, %M KB max RSS" \
  "$bin" scan --cache-dir "$cache" --format json -o "$out/report.json" "${targets[@]}" || true
echo "== warm cache (documents fetched again, artifacts from the cache)"
/usr/bin/time -f "%e s wall, %U s user, %M KB max RSS" \
  "$bin" scan --cache-dir "$cache" --format json -o "$out/report-warm.json" "${targets[@]}" || true
python3 - "$out/report.json" <<'PY'
import collections, json, sys
r = json.load(open(sys.argv[1]))
pk = r["packages"]
levels = collections.Counter(p["verdict"] for p in pk)
hist = {"unused-new-dependency", "new-install-hook", "new-install-behaviour", "provenance-dropped",
        "new-publisher", "release-cadence", "risky-new-dependency", "minified-replacement",
        "artifact-digest-mismatch"}
fired = collections.Counter(f["rule"] for p in pk for f in p["findings"] if f["rule"] in hist)
compared = sum(1 for p in pk if (p.get("history") or {}).get("compared_with"))
print(f"packages: {len(pk)}, errors: {len(r['errors'])}, compared with a predecessor: {compared}")
print("verdicts:", dict(levels))
print("history findings by rule:", dict(fired))
for p in pk:
    if p["verdict"] != "clean":
        top = [f"{f['rule']}: {f['message'][:90]}" for f in p["findings"][:3]]
        print(f"  {p['verdict']:<10} {p['target']}  score {p['score']}")
        for t in top:
            print("     ", t)
for e in r["errors"]:
    print("  error", e["target"], e["message"][:120])
PY
