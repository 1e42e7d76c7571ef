#!/usr/bin/env bash
# Installs the build, run and test dependencies from Debian 12 packages.
# Idempotent: does nothing when every package is already installed.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git
  libnats-dev nats-server
  libprotobuf-dev protobuf-compiler
  libboost-dev libssl-dev openssl
  libcli11-dev doctest-dev libbenchmark-dev
  libhyperscan-dev libphonenumber-dev libthai-dev
  python3-yaml
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# Node.js and npm run the cross-language client test. A machine may already
# have them from another source (whose nodejs conflicts with Debian's npm).
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  missing+=(nodejs npm)
fi
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "installing: ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
