#!/bin/sh
# Install what PDF documents need from Debian's packages when missing, if allowed: an open CJK
# font (Noto CJK) and Pango, which WeasyPrint uses to lay out text.
# Set SANXIANG_INSTALL_FONTS=0 to skip; needs root and apt-get, otherwise it only advises.
set -u
missing=""
fc-list :lang=zh 2>/dev/null | grep -q . || missing="$missing fonts-noto-cjk"
ldconfig -p 2>/dev/null | grep -q libpangoft2-1.0 || missing="$missing libpango-1.0-0 libpangoft2-1.0-0"
if [ -z "$missing" ]; then
  exit 0
fi
if [ "${SANXIANG_INSTALL_FONTS:-1}" = "0" ]; then
  echo "missing for PDF documents (SANXIANG_INSTALL_FONTS=0):$missing"
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing$missing from Debian's packages"
  # shellcheck disable=SC2086
  apt-get install -y -q $missing >/dev/null 2>&1 \
    || { apt-get update -q >/dev/null 2>&1 && apt-get install -y -q $missing >/dev/null 2>&1; } \
    || echo "could not install$missing; install them by hand"
else
  echo "missing for PDF documents:$missing (e.g. 'sudo apt-get install$missing')"
fi
exit 0
