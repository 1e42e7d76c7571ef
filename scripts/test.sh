#!/usr/bin/env bash
# Sets up and runs the whole test suite: dependencies, build, the JavaScript
# client used by the cross-language test, then ctest (unit + integration).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
if [ ! -d tests/js/node_modules/nats ]; then
  npm ci --prefix tests/js --no-audit --no-fund --loglevel=error
fi
ctest --test-dir build --output-on-failure
