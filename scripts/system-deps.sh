#!/usr/bin/env bash
# Install the system tools the tests use, from Debian's packages, when run as root and any is missing:
# PostgreSQL (the team database), Chromium (browser tests and rendering checks), ssh-keygen, age and
# openssl (checking signatures, encryption and timestamps with the standard tools), poppler (PDFs), and
# what WeasyPrint draws the referral dossier with (Pango and the DejaVu fonts).
set -euo pipefail
declare -A NEEDS=(
  [chromium]=chromium
  [ssh-keygen]=openssh-client
  [age]=age
  [openssl]=openssl
  [pdftoppm]=poppler-utils
)
missing=()
for cmd in "${!NEEDS[@]}"; do
  command -v "$cmd" >/dev/null 2>&1 || missing+=("${NEEDS[$cmd]}")
done
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
# Libraries and fonts are not commands: on Debian, ask dpkg whether each package is installed.
if command -v dpkg-query >/dev/null 2>&1; then
  for pkg in libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing+=("$pkg")
  done
fi
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
  echo "missing system packages: ${missing[*]} (install them, e.g. with apt-get)" >&2
  exit 1
fi
echo "installing: ${missing[*]}" >&2
apt-get update -qq >&2
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
