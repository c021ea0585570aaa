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
if command -v cargo-nextest >/dev/null; then
  cargo nextest run --workspace --locked --no-fail-fast
else
  cargo test --workspace --locked --no-fail-fast
fi
