#!/usr/bin/env bash
# Debian/Ubuntu packages KanimDesk needs: Qt's X11/EGL libraries, fonts, and for
# the tests PostgreSQL, CUPS with the cups-pdf backend, poppler-utils, Xvfb and zbar-tools
# (zbarimg reads the receipt's QR code back) and LibreOffice Calc without its GUI (the
# meeting workbook is read back through its converter, as an office PC would open it).
set -euo pipefail
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
PKGS="libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1
 libxcb-shape0 libxcb-xinerama0 libxcb-randr0 libxcb-render-util0 libxcb-image0 libfontconfig1
 libdbus-1-3 libcups2 fonts-dejavu-core python3-venv"
if [ "${1:-}" = "--test" ]; then
  PKGS="$PKGS postgresql cups cups-client cups-pdf poppler-utils xvfb zbar-tools libreoffice-calc-nogui"
fi
missing=""
for p in $PKGS; do
  dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
done
if [ -n "$missing" ]; then
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
fi
