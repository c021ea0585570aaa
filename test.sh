#!/usr/bin/env bash
# The whole test suite: unit tests, the hostile-archive corpus, and end-to-end tests of
# the real binary. Hermetic: no network is used.
set -euo pipefail
cd "$(dirname "$0")"
export INSTA_UPDATE=no
if command -v cargo-nextest >/dev/null; then
  cargo nextest run --workspace --locked --no-fail-fast
else
  cargo test --workspace --locked --no-fail-fast
fi
