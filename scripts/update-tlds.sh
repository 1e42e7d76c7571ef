#!/usr/bin/env bash
# Rewrites service/detect/data/tlds.txt from the Public Suffix List of the
# Debian package publicsuffix: the top-level domains of its ICANN section
# written in ASCII letters (the list gives internationalized ones in their
# own script only; they are left out).
set -euo pipefail
cd "$(dirname "$0")/.."
list=${1:-/usr/share/publicsuffix/public_suffix_list.dat}
version=$(dpkg-query -W -f='${Version}' publicsuffix 2>/dev/null || echo unknown)
{
  echo "# Top-level domains of the ICANN section of the Public Suffix List"
  echo "# (https://publicsuffix.org/), Debian package publicsuffix $version."
  echo "# Regenerate with scripts/update-tlds.sh."
  echo "#"
  echo "# This Source Code Form is subject to the terms of the Mozilla Public"
  echo "# License, v. 2.0. If a copy of the MPL was not distributed with this"
  echo "# file, You can obtain one at https://mozilla.org/MPL/2.0/."
  awk '/===BEGIN ICANN DOMAINS===/ { icann = 1 } /===END ICANN DOMAINS===/ { icann = 0 }
       icann && $0 ~ /^[a-z0-9-]+$/ { print }' "$list" | LC_ALL=C sort -u
} > service/detect/data/tlds.txt
