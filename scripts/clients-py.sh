#!/usr/bin/env bash
# The Python clients the proxy tests drive for real (poetry, pdm, pipx), each in a
# virtual environment of its own under target/clients/ (nothing system-wide), installed
# from the PyPI index this machine's pip is configured with. Idempotent: a client already
# there at the pinned version is left alone. Prints nothing when all are there.
set -euo pipefail
cd "$(dirname "$0")/.."
clients=(poetry==2.5.1 pdm==2.29.4 pipx==1.18.4)
for spec in "${clients[@]}"; do
  name="${spec%%==*}"
  venv="target/clients/$name"
  stamp="$venv/.installed"
  if [ -x "$venv/bin/$name" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$spec" ]; then
    continue
  fi
  rm -rf "$venv"
  python3 -m venv "$venv"
  # PIP_FIND_LINKS points at local wheels on some machines; the index alone is used here.
  env -u PIP_FIND_LINKS "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "$spec"
  echo "$spec" > "$stamp"
done
