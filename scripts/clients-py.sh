#!/usr/bin/env bash
# The Python clients the proxy tests drive for real (poetry, pdm, pipx), and the tools
# the packaging tests use (maturin builds the wheel, auditwheel reads its tag, pre-commit
# runs the hook: tests/dist.rs), each in a
# virtual environment of its own under target/clients/ (nothing system-wide), installed
# from the PyPI index this machine's pip is configured with. Idempotent: a client already
# there with the same requirements is left alone. Prints nothing when all are there.
set -euo pipefail
cd "$(dirname "$0")/.."
# One line per client: its name, then what to install. pdm 2.29 breaks with hishel 2.
clients=(
  "poetry poetry==2.5.1"
  "pdm pdm==2.29.4 hishel[httpx2]==1.4.0"
  "pipx pipx==1.18.4"
  "maturin maturin==1.16.0"
  "auditwheel auditwheel==6.8.2"
  "pre-commit pre-commit==4.7.0"
)
install() {
  local name="$1" reqs="$2"
  local venv="target/clients/$name"
  if [ -x "$venv/bin/$name" ] && [ "$(cat "$venv/.installed" 2>/dev/null)" = "$reqs" ]; then
    return 0
  fi
  rm -rf "$venv"
  python3 -m venv "$venv"
  # PIP_FIND_LINKS points at local wheels on some machines; the index alone is used here.
  # shellcheck disable=SC2086
  env -u PIP_FIND_LINKS "$venv/bin/python" -m pip install --quiet --disable-pip-version-check $reqs
  echo "$reqs" > "$venv/.installed"
}
# All at once: the time goes to the network.
pids=()
for line in "${clients[@]}"; do
  read -r name reqs <<<"$line"
  install "$name" "$reqs" &
  pids+=("$!")
done
failed=0
for pid in "${pids[@]}"; do
  wait "$pid" || failed=1
done
exit "$failed"
