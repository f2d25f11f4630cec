#!/usr/bin/env bash
# Installs Debian's chromium for the report's browser test when it is missing.
# Exits 0 either way; the browser test skips with a clear message when no browser exists.
set -u
if command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure_chromium: chromium missing and cannot install it here (need root and apt-get)" >&2
  exit 0
fi
echo "ensure_chromium: installing Debian's chromium package" >&2
(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
  || echo "ensure_chromium: apt-get install chromium failed; the browser test will skip" >&2
exit 0
