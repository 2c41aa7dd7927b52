#!/usr/bin/env bash
# Install KanimDesk into ./.venv (editable, so resources/ is used in place).
#
# KanimDesk needs Python 3.12 or newer: with PySide6 6.12 (the only release that has
# PySide6-Pdf) on CPython 3.11, every Signal.emit() drops a reference to True and void Qt
# calls drop one to None, and the process aborts ("Fatal Python error: bool_dealloc")
# after a few hours of the window; from 3.12 those objects are immortal.
set -euo pipefail
cd "$(dirname "$0")/.."
bash packaging/system-packages.sh "${1:-}"

good_python() {  # prints the interpreter if it is CPython >= 3.12 with venv
  "$1" -c 'import sys, venv; sys.exit(0 if sys.version_info >= (3, 12) else 1)' >/dev/null 2>&1 && echo "$1"
}
find_python() {
  if [ -n "${PYTHON:-}" ]; then good_python "$PYTHON" && return; echo "PYTHON=$PYTHON is not Python 3.12 or newer" >&2; return 1; fi
  local c
  for c in python3.12 python3.13 python3 \
           /root/.pyenv/versions/3.12*/bin/python3 /root/.pyenv/versions/3.13*/bin/python3 \
           "$HOME"/.pyenv/versions/3.12*/bin/python3 "$HOME"/.pyenv/versions/3.13*/bin/python3 \
           /usr/local/bin/python3.12 /usr/local/bin/python3.13 /usr/bin/python3.12 /usr/bin/python3.13; do
    command -v "$c" >/dev/null 2>&1 || [ -x "$c" ] || continue
    good_python "$c" && return
  done
  return 1
}
if ! PY=$(find_python); then
  cat >&2 <<'MSG'
install.sh: KanimDesk needs Python 3.12 or newer, and none was found.
  Debian 13 / Ubuntu 24.04:  sudo apt-get install python3 python3-venv
  Older systems:             install Python 3.12 (python.org, pyenv or your distribution's backports)
  Then run again, or name it: PYTHON=/path/to/python3.12 bash packaging/install.sh
MSG
  exit 1
fi
# A .venv made by an older interpreter is made again.
if [ -x .venv/bin/python ] && ! good_python .venv/bin/python >/dev/null; then
  echo "install.sh: .venv uses Python < 3.12; making it again with $PY" >&2
  rm -rf .venv
fi
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
if [ "${1:-}" = "--test" ]; then
  .venv/bin/python -m pip install -q -e ".[test]"
else
  .venv/bin/python -m pip install -q -e .
fi
