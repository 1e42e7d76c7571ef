#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz with clang, AddressSanitizer and
# UndefinedBehaviorSanitizer into build-fuzz/, then runs each for a while
# (default 60 s) from a seed corpus of the repository's test texts. A crash
# stops with the input that caused it saved as build-fuzz/crash-*.
#
#   scripts/fuzz.sh [seconds per target] [target ...]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(detect_fuzz json_request_fuzz)
if ! command -v clang++ >/dev/null; then
  sudo_or_not=(); [ "$(id -u)" = 0 ] || sudo_or_not=(sudo)
  "${sudo_or_not[@]}" apt-get install -y clang libclang-rt-14-dev
fi
if [ ! -f build-fuzz/build.ninja ]; then
  launcher=()
  if command -v ccache >/dev/null; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
  CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DPRIVACY_FILTER_FUZZ=ON "${launcher[@]}" \
    -DCMAKE_CXX_FLAGS="-fsanitize=address,undefined,fuzzer-no-link -fno-sanitize-recover=undefined"
fi
cmake --build build-fuzz -j "$(nproc)" --target "${targets[@]}"
for target in "${targets[@]}"; do
  corpus=build-fuzz/corpus/$target
  mkdir -p "$corpus"
  seeds=(tests/data/detect)
  [ "$target" = json_request_fuzz ] && seeds=(tests/data/fuzz/json_requests)
  echo "== $target for ${seconds}s"
  (cd build-fuzz && ./"$target" -max_total_time="$seconds" -max_len=4096 -timeout=10 \
    -rss_limit_mb=4096 "corpus/$target" "${seeds[@]/#/../}")
done
