#!/usr/bin/env bash
# The Python clients the proxy tests drive for real (poetry, pdm, pipx), each in a
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
)
for line in "${clients[@]}"; do
  read -r name reqs <<<"$line"
  venv="target/clients/$name"
  stamp="$venv/.installed"
  if [ -x "$venv/bin/$name" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$reqs" ]; then
    continue
  fi
  rm -rf "$venv"
  python3 -m venv "$venv"
  # PIP_FIND_LINKS points at local wheels on some machines; the index alone is used here.
  # shellcheck disable=SC2086
  env -u PIP_FIND_LINKS "$venv/bin/python" -m pip install --quiet --disable-pip-version-check $reqs
  echo "$reqs" > "$stamp"
done
