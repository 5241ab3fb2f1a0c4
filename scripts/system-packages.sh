#!/usr/bin/env bash
# Debian packages coplan needs outside Python, installed only when missing (so it is
# quick, needs no terminal, and does nothing on a machine that has them all):
# - Pango (with HarfBuzz) and fonts: WeasyPrint lays out the PDFs coplan makes with them;
# - poppler-utils: the tests read those PDFs back (pdftotext) and draw pages (pdftoppm).
# Other packages to make sure of can be named: `scripts/system-packages.sh chromium`.
set -euo pipefail

PACKAGES=(
  libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libharfbuzz-subset0
  fontconfig fonts-liberation poppler-utils
  "$@"
)

if ! command -v dpkg >/dev/null 2>&1; then
  echo "Not a Debian system: install Pango, HarfBuzz and poppler yourself (see README)." >&2
  exit 0
fi

missing=()
for package in "${PACKAGES[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing from Debian's packages: ${missing[*]}"
sudo=()
if [ "$(id -u)" -ne 0 ]; then
  sudo=(sudo -n)
fi
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends \
  "${missing[@]}" >/dev/null
