#!/usr/bin/env bash
# Sizes of the packages dist/build.sh made, and the time of each install route, each into
# a fresh temporary prefix with no network (pip --no-index, uv offline, npm offline with a
# private cache). BENCHMARKS.md records one run on a release build.
# usage: dist/measure.sh [OUT]   (default dist/out)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$(cd "${1:-$root/dist/out}" && pwd)"
cd "$root"
wheel="$(ls "$out"/wheels/customs-*.whl)"
launcher="$(ls "$out"/npm/customs-[0-9]*.tgz)"
platform="$(ls "$out"/npm/customs-cli-*.tgz)"
uv="${CUSTOMS_TEST_UV:-$root/target/tools/bin/uv}"
pipx="$root/target/clients/pipx/bin/pipx"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
export HOME="$tmp/home" npm_config_cache="$tmp/npm-cache" npm_config_registry="http://127.0.0.1:9/" \
  npm_config_offline=true npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
mkdir -p "$HOME"
unset PIP_FIND_LINKS

size() { printf '%s\t%s bytes (%s MiB)\n' "$(basename "$1")" "$(wc -c <"$1" | tr -d ' ')" \
  "$(awk "BEGIN { printf \"%.1f\", $(wc -c <"$1") / 1048576 }")"; }
echo "== sizes"
size "$wheel"; size "$launcher"; size "$platform"
python3 - "$wheel" <<'PY'
import sys, zipfile
for i in zipfile.ZipFile(sys.argv[1]).infolist():
    if i.filename.endswith(("/customs", "/customs.exe")):
        print(f"binary in the wheel\t{i.file_size} bytes ({i.file_size / 1048576:.1f} MiB) uncompressed")
PY

timed() {
  local label="$1"; shift
  local s e
  s=$(date +%s.%N)
  "$@" >"$tmp/log" 2>&1 || { cat "$tmp/log"; echo "$label failed" >&2; exit 1; }
  e=$(date +%s.%N)
  printf '%s\t%s s\n' "$label" "$(python3 -c "print(f'{$e - $s:.2f}')")"
}
# Each installed customs runs, and its scan of examples/ finds the malicious one (exit 1).
check() {
  "$1" --version >/dev/null
  local code=0
  "$1" scan --color never examples/ >/dev/null || code=$?
  [ "$code" = 1 ] || { echo "$1: the scan of examples/ exited $code" >&2; exit 1; }
}

echo "== installs (wall clock, fresh prefix each)"
timed "python3 -m venv (before pip install)" python3 -m venv "$tmp/venv"
timed "pip install" "$tmp/venv/bin/python" -m pip install --no-index --disable-pip-version-check -q "$wheel"
check "$tmp/venv/bin/customs"
timed "uv tool install" env UV_TOOL_DIR="$tmp/uvt" UV_TOOL_BIN_DIR="$tmp/uvbin" UV_CACHE_DIR="$tmp/uvc" \
  UV_OFFLINE=1 UV_PYTHON_DOWNLOADS=never "$uv" tool install "$wheel"
check "$tmp/uvbin/customs"
timed "pipx install" env PIPX_HOME="$tmp/pipx" PIPX_BIN_DIR="$tmp/pipxbin" PIPX_MAN_DIR="$tmp/pipxman" \
  PIPX_DEFAULT_PYTHON=python3 PIPX_DISABLE_SHARED_LIBS_AUTO_UPGRADE=1 "$pipx" install "$wheel" --pip-args=--no-index
check "$tmp/pipxbin/customs"
timed "npm i -g (both tarballs)" npm install --global --prefix "$tmp/npm" "$launcher" "$platform"
check "$tmp/npm/bin/customs"
timed "npx (first run: unpacks, then customs --version)" bash -c \
  "cd '$tmp' && npx --yes --package '$launcher' --package '$platform' -- customs --version"
timed "npx (second run, from npx's cache)" bash -c \
  "cd '$tmp' && npx --yes --package '$launcher' --package '$platform' -- customs --version"
