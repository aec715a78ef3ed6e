#!/bin/sh
# Install Chromium and its WebDriver (Debian packages) for the browser tests, when missing.
# Set SANXIANG_INSTALL_BROWSER=0 to skip; needs root and apt-get, otherwise it only advises.
# Without them the browser tests are skipped with the reason.
set -u
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  exit 0
fi
if [ "${SANXIANG_INSTALL_BROWSER:-1}" = "0" ]; then
  echo "chromium/chromedriver missing (SANXIANG_INSTALL_BROWSER=0): browser tests will be skipped"
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing chromium and chromium-driver from Debian's packages"
  apt-get install -y -q chromium chromium-driver >/dev/null 2>&1 \
    || { apt-get update -q >/dev/null 2>&1 && apt-get install -y -q chromium chromium-driver >/dev/null 2>&1; } \
    || echo "could not install chromium-driver; browser tests will be skipped"
else
  echo "chromium or chromedriver missing: install them (e.g. 'sudo apt-get install chromium chromium-driver')"
fi
exit 0
