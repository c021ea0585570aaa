#!/usr/bin/env bash
# Detection benchmark over the development corpus of bench/detect/samples (issue 23).
#
#   bench/detect.sh [--samples DIR] [--benign-dev DIR] [--corpus DIR]
#
# Packs every sample (bench/detect/build.py) into a work folder outside git
# ($CUSTOMS_DETECT_DIR, default ~/.cache/customs-detect, emptied each run), scans the
# artifacts with `customs scan --format json` (binary: $CUSTOMS, else
# target/release/customs) and prints, through bench/detect/report.py: recall (suspicious
# or worse, and malicious) overall and by behaviour, entry point and evasion; the false
# positives of the benign look-alikes; the score distribution of both sides. Then the false
# positives over the shared benign corpus (--corpus, default /work/corpus-cache when it
# exists, folders pypi/ and npm/) and over the larger benign development set (--benign-dev,
# default ~/.cache/customs-benign-dev when it exists; fetch it with
# bench/detect/fetch_benign_dev.py). Each set that is missing is skipped with a note.
# Per-sample results (id, verdict, score, rules fired) go to $CUSTOMS_DETECT_DIR/detect.tsv.
# Nothing is built, installed or run from any sample: artifacts are only packed and read.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
SAMPLES=bench/detect/samples
CORPUS=/work/corpus-cache
BENIGN_DEV=$HOME/.cache/customs-benign-dev
while [ $# -gt 0 ]; do
  case "$1" in
    --samples) SAMPLES=${2:?--samples needs a folder}; shift 2 ;;
    --benign-dev) BENIGN_DEV=${2:?--benign-dev needs a folder}; shift 2 ;;
    --corpus) CORPUS=${2:?--corpus needs a folder}; shift 2 ;;
    *) echo "usage: bench/detect.sh [--samples DIR] [--benign-dev DIR] [--corpus DIR]" >&2; exit 2 ;;
  esac
done
BIN=${CUSTOMS:-$ROOT/target/release/customs}
[ -x "$BIN" ] || { echo "detect.sh: no customs binary at $BIN (build it, or set CUSTOMS)" >&2; exit 2; }
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
SAMPLES=$(cd "$SAMPLES" && pwd)
DIR=${CUSTOMS_DETECT_DIR:-$HOME/.cache/customs-detect}
case "$(cd "$(dirname "$DIR")" 2>/dev/null && pwd)/" in "$ROOT"/*) echo "detect.sh: work folder inside the repository" >&2; exit 2 ;; esac
rm -rf "$DIR/build"
mkdir -p "$DIR/build"
python3 bench/detect/build.py --samples "$SAMPLES" "$DIR/build"
echo "customs: $("$BIN" --version 2>/dev/null || echo "$BIN")"

# Scan from inside the build folder so every package's target is its artifact path in the index.
scan() {  # OUT TARGET...: JSON report of the targets into OUT; exit 0/1 are verdicts, 2 is read errors (listed in the report)
  local out=$1; shift
  "$BIN" scan --format json "$@" > "$out" || [ $? -le 2 ]
  python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$out" \
    || { echo "detect.sh: customs wrote no JSON report into $out" >&2; exit 2; }
}
mapfile -t ARTIFACTS < <(python3 -c 'import json,sys; [print(s["artifact"]) for s in json.load(open(sys.argv[1]))]' "$DIR/build/index.json")
(cd "$DIR/build" && scan "$DIR/samples.json" "${ARTIFACTS[@]}")

EXTRA=()
for extra in "corpus=$CORPUS" "benign-dev=$BENIGN_DEV"; do
  label=${extra%%=*} path=${extra#*=}
  targets=()
  for sub in pypi npm; do [ -d "$path/$sub" ] && targets+=("$path/$sub"); done
  if [ ${#targets[@]} -eq 0 ]; then
    echo "note: no $label set at $path (folders pypi/ and npm/): its false positives are skipped"
    continue
  fi
  scan "$DIR/$label.json" "${targets[@]}"
  EXTRA+=(--benign "$label ($path)=$DIR/$label.json")
done

python3 bench/detect/report.py "$DIR/build/index.json" "$DIR/samples.json" "$DIR/detect.tsv" "${EXTRA[@]}"
echo
echo "per-sample results: $DIR/detect.tsv"
