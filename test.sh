#!/usr/bin/env bash
# The whole test suite: unit tests, the hostile-archive corpus, and end-to-end tests of
# the real binary. Hermetic: no network is used.
set -euo pipefail
cd "$(dirname "$0")"
export INSTA_UPDATE=no
# uv, a real client of the proxy tests, installed from the configured PyPI index into
# target/tools (nothing system-wide).
if [ ! -x target/tools/bin/uv ]; then
  env -u PIP_FIND_LINKS python3 -m pip install --quiet --disable-pip-version-check \
    --target target/tools uv==0.13.9
fi
export CUSTOMS_TEST_UV="$PWD/target/tools/bin/uv"
# pnpm 9 and 10, yarn classic and berry, bun: the JavaScript clients of the run tests,
# installed from the configured npm registry into target/tools/npm-clients.
CUSTOMS_TEST_NPM_CLIENTS="$(scripts/clients-npm.sh)"
export CUSTOMS_TEST_NPM_CLIENTS
# poetry, pdm and pipx, the other real Python clients of the proxy tests (run_py.rs), each
# in a virtual environment under target/clients.
scripts/clients-py.sh
# Chromium (Debian's package) renders the proxy's web page in the UI test.
if ! command -v chromium >/dev/null; then
  if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium >/dev/null \
      || { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium >/dev/null; }
  else
    echo "Chromium is needed for the web page test: apt-get install chromium"; exit 1
  fi
fi
# A throw-away PostgreSQL server on loopback for the shared-store tests, stopped on exit.
pg_out="$(mktemp)"
CUSTOMS_TEST_POSTGRES="$(scripts/postgres.sh start 2>"$pg_out")" || { cat "$pg_out"; exit 1; }
pg_dir="$(tail -1 "$pg_out")"
rm -f "$pg_out"
trap 'scripts/postgres.sh stop "$pg_dir"' EXIT
export CUSTOMS_TEST_POSTGRES
if command -v cargo-nextest >/dev/null; then
  run_tests=(cargo nextest run --workspace --locked)
else
  run_tests=(cargo test --workspace --locked)
fi
# Everything is built first; then the wheel and npm packages of the dist tests are made
# from that build (maturin links the binary again, which must not happen while other
# tests run it).
"${run_tests[@]}" --no-run
CUSTOMS_TEST_DIST="$PWD/target/dist-test"
rm -rf "$CUSTOMS_TEST_DIST"
dist/build.sh --profile dev --features customs-verify/test-support --out "$CUSTOMS_TEST_DIST" >/dev/null
export CUSTOMS_TEST_DIST
"${run_tests[@]}" --no-fail-fast
