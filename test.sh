#!/usr/bin/env bash
# The whole test suite: unit tests, the hostile-archive corpus, and end-to-end tests of
# the real binary. Hermetic: no network is used.
set -euo pipefail
cd "$(dirname "$0")"
export INSTA_UPDATE=no
# The store links the system SQLite; Debian's libsqlite3-dev provides it.
if ! { [ -e /usr/include/sqlite3.h ] || pkg-config --exists sqlite3 2>/dev/null; }; then
  if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    apt-get install -y -q libsqlite3-dev >/dev/null
  else
    echo "SQLite's development files are needed: apt-get install libsqlite3-dev"; exit 1
  fi
fi
# uv, a real client of the proxy tests, installed from the configured PyPI index into
# target/tools (nothing system-wide).
if [ ! -x target/tools/bin/uv ]; then
  env -u PIP_FIND_LINKS python3 -m pip install --quiet --disable-pip-version-check \
    --target target/tools uv==0.13.9
fi
export CUSTOMS_TEST_UV="$PWD/target/tools/bin/uv"
if command -v cargo-nextest >/dev/null; then
  cargo nextest run --workspace --locked --no-fail-fast
else
  cargo test --workspace --locked --no-fail-fast
fi
