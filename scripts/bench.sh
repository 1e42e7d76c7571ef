#!/usr/bin/env bash
# Measures privacy-filter against a bare NATS echo on the same server: starts
# a private `nats-server -js` (free port, temporary store) and worker
# processes, waits until every worker serves, runs `privacy-filter bench`,
# reports each worker's peak resident memory (VmHWM) and stops everything.
#
#   scripts/bench.sh [--workers N] [bench options]   one run, N workers (default 1)
#   scripts/bench.sh --scaling [bench options]       1, 2 and 4 workers, one table
#
# Bench options go to `privacy-filter bench`: --requesters, --duration,
# --warmup, --encoding json|protobuf, --phases, --text, --json. Build first
# with `scripts/build.sh --target privacy-filter`. The exit code is non-zero
# when a run had errors.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${PRIVACY_FILTER_BIN:-build/privacy-filter}
nats_server=${NATS_SERVER_BIN:-nats-server}

workers=1
scaling=0
json=0
bench_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --workers) workers=$2; shift 2 ;;
    --scaling) scaling=1; shift ;;
    --json) json=1; shift ;;
    -h | --help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) bench_args+=("$1"); shift ;;
  esac
done
if [ ! -x "$bin" ]; then
  echo "bench.sh: $bin not found; run scripts/build.sh --target privacy-filter" >&2
  exit 1
fi

# Sessions are encrypted: a throwaway key for this run unless one is set.
bench_key=$("$bin" keygen)
tmp=""
server_pid=""
worker_pids=()

# Stops `pid` with SIGTERM, then SIGKILL after 15 s.
stop_process() {
  local pid=$1
  kill -TERM "$pid" 2>/dev/null || return 0
  for _ in $(seq 150); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

stop_all() {
  for pid in "${worker_pids[@]}"; do stop_process "$pid"; done
  worker_pids=()
  if [ -n "$server_pid" ]; then stop_process "$server_pid"; fi
  server_pid=""
  if [ -n "$tmp" ]; then rm -rf "$tmp"; fi
  tmp=""
}
trap stop_all EXIT
trap 'exit 130' INT TERM

# Starts nats-server on a free loopback port; sets `url`.
start_server() {
  tmp=$(mktemp -d "${TMPDIR:-/tmp}/privacy-bench.XXXXXX")
  : >"$tmp/nats-server.log"
  "$nats_server" -js -a 127.0.0.1 -p -1 -sd "$tmp/store" >"$tmp/nats-server.log" 2>&1 &
  server_pid=$!
  local port=""
  for _ in $(seq 100); do
    port=$(sed -nE 's/.*Listening for client connections on [0-9.]+:([0-9]+).*/\1/p' "$tmp/nats-server.log")
    [ -n "$port" ] && break
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.05
  done
  if [ -z "$port" ]; then
    echo "bench.sh: nats-server did not start:" >&2
    cat "$tmp/nats-server.log" >&2
    exit 1
  fi
  url="nats://127.0.0.1:$port"
}

# Starts `$1` workers, waits until each has logged worker_ready, then until
# a request is answered.
start_workers() {
  local i
  for i in $(seq "$1"); do
    ENCRYPTION_MASTER_KEY=${ENCRYPTION_MASTER_KEY:-$bench_key} \
      "$bin" serve --nats-url "$url" >"$tmp/worker$i.log" 2>&1 &
    worker_pids+=($!)
  done
  for i in $(seq "$1"); do
    local log="$tmp/worker$i.log" pid=${worker_pids[$((i - 1))]}
    for _ in $(seq 200); do
      grep -q '"event":"worker_ready"' "$log" && break
      if ! kill -0 "$pid" 2>/dev/null; then
        echo "bench.sh: worker $i exited at start-up:" >&2
        cat "$log" >&2
        exit 1
      fi
      sleep 0.05
    done
    if ! grep -q '"event":"worker_ready"' "$log"; then
      echo "bench.sh: worker $i not ready within 10 s" >&2
      exit 1
    fi
  done
  if ! "$bin" detect --nats-url "$url" --text "" >/dev/null; then
    echo "bench.sh: the workers do not answer" >&2
    exit 1
  fi
}

# Peak resident memory of every worker, in MiB, space-separated.
worker_peak_rss_mib() {
  local pid out=()
  for pid in "${worker_pids[@]}"; do
    out+=("$(awk '/^VmHWM:/ { printf "%.1f", $2 / 1024 }' "/proc/$pid/status")")
  done
  echo "${out[*]}"
}

# The raw value of `"$2":` in the one-line JSON object `$1`.
json_field() {
  sed -nE "s/.*\"$2\":(\"[^\"]*\"|[^,}]*).*/\1/p" <<<"$1"
}

machine() {
  local model
  model=$(sed -nE 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
  echo "machine: $(nproc) CPUs, ${model:-unknown CPU}; load average $(cut -d' ' -f1-3 /proc/loadavg)"
}

# Runs the bench against `$1` fresh workers; leaves its JSON report in
# $report and the workers' peak RSS in $rss. Returns the bench's exit code.
bench_with_workers() {
  start_server
  start_workers "$1"
  local rc=0
  report=$("$bin" bench --nats-url "$url" --json "${bench_args[@]}") || rc=$?
  rss=$(worker_peak_rss_mib)
  stop_all
  return $rc
}

# Prints the rows of one run for the table: workers, phase and figures.
print_rows() {
  local n=$1 line
  while IFS= read -r line; do
    case "$line" in
      '{"phase"'*)
        printf '%-8s %-12s %10s %7s %8s %8s %10s %7s  %s\n' "$n" \
          "$(json_field "$line" phase | tr -d '"')" \
          "$(json_field "$line" rps | cut -d. -f1)" "$(json_field "$line" rps_ratio)" \
          "$(json_field "$line" p50_us | cut -d. -f1)" "$(json_field "$line" p99_us | cut -d. -f1)" \
          "$(json_field "$line" p99_ratio)" "$(json_field "$line" errors)" "$rss"
        ;;
    esac
  done <<<"$report"
}

header() {
  machine
  printf '%-8s %-12s %10s %7s %8s %8s %10s %7s  %s\n' workers phase req/s "x echo" "p50 us" \
    "p99 us" "p99 x echo" errors "worker peak RSS MiB"
}

status=0
if [ "$scaling" -eq 1 ]; then
  counts=(1 2 4)
else
  counts=("$workers")
fi
report=""
rss=""
if [ "$json" -eq 1 ]; then
  if [ "$scaling" -eq 1 ]; then
    echo "bench.sh: --json takes one worker count, not --scaling" >&2
    exit 1
  fi
  bench_with_workers "$workers" || status=$?
  printf '{"workers":%s,"worker_peak_rss_mib":[%s],"bench":%s}\n' "$workers" \
    "$(tr ' ' ',' <<<"$rss")" "$report"
  exit $status
fi
header
for n in "${counts[@]}"; do
  bench_with_workers "$n" || status=$?
  print_rows "$n"
  grep -F '"first_error":"' <<<"$report" | grep -vF '"first_error":""' |
    sed -nE 's/.*"phase":"([a-z-]+)".*"first_error":("[^"]*").*/  \1 first error: \2/p' || true
done
machine
exit $status
