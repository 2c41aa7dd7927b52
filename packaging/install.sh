#!/usr/bin/env bash
# Install KanimDesk into ./.venv (editable, so resources/ is used in place).
set -euo pipefail
cd "$(dirname "$0")/.."
bash packaging/system-packages.sh "${1:-}"
PY="${PYTHON:-python3}"
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
if [ "${1:-}" = "--test" ]; then
  .venv/bin/python -m pip install -q -e ".[test]"
else
  .venv/bin/python -m pip install -q -e .
fi
