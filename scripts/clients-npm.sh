#!/usr/bin/env bash
# The JavaScript package managers the `customs run` tests drive (crates/customs/tests/
# run_npm.rs), installed from the npm registry this machine is configured with into
# target/tools/npm-clients: nothing system-wide. Prints the folder whose node_modules/.bin
# holds them. Run again, it installs only when a client is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
dir="$PWD/target/tools/npm-clients"
bin="$dir/node_modules/.bin"
want=(pnpm9 pnpm10 yarn yarn4 bun)
missing=0
for c in "${want[@]}"; do [ -x "$bin/$c" ] || missing=1; done
if [ "$missing" = 1 ]; then
  mkdir -p "$dir"
  [ -f "$dir/package.json" ] || echo '{"name": "customs-test-clients", "private": true}' > "$dir/package.json"
  # Aliases keep two pnpm majors side by side; bun's platform binary comes as an optional
  # dependency, and its postinstall (run by npm here, at install) puts it in place.
  npm install --prefix "$dir" --no-audit --no-fund --loglevel=error \
    pnpm9@npm:pnpm@9 pnpm10@npm:pnpm@10 yarn@1 yarn4@npm:@yarnpkg/cli-dist@4 bun@1 >&2
  # The aliased packages' bins keep the original names: give each its own.
  ln -sf ../pnpm9/bin/pnpm.cjs "$bin/pnpm9"
  ln -sf ../pnpm10/bin/pnpm.cjs "$bin/pnpm10"
  ln -sf ../yarn4/bin/yarn.js "$bin/yarn4"
fi
echo "$dir"
