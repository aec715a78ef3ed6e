#!/bin/sh
# Install an open CJK font (Noto CJK) for PDF documents when none is present, if allowed.
# Set SANXIANG_INSTALL_FONTS=0 to skip; needs root and apt-get, otherwise it only advises.
set -u
if fc-list :lang=zh 2>/dev/null | grep -q .; then
  exit 0
fi
if [ "${SANXIANG_INSTALL_FONTS:-1}" = "0" ]; then
  echo "no CJK font installed (SANXIANG_INSTALL_FONTS=0): documents will lack Chinese glyphs"
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing fonts-noto-cjk from Debian's packages"
  apt-get install -y -q fonts-noto-cjk >/dev/null 2>&1 \
    || { apt-get update -q >/dev/null 2>&1 && apt-get install -y -q fonts-noto-cjk >/dev/null 2>&1; } \
    || echo "could not install fonts-noto-cjk; install a CJK font by hand"
else
  echo "no CJK font found: install one (e.g. 'sudo apt-get install fonts-noto-cjk')"
fi
exit 0
