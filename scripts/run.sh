#!/usr/bin/env bash
# Sets up and runs privacy-filter for real: installs dependencies, builds,
# starts a local nats-server with JetStream (unless NATS_URL points at one),
# starts a worker, shows a mask -> resolve -> demask round trip, then keeps
# the worker in the foreground until Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh --target privacy-filter

bin=build/privacy-filter
state=.local
mkdir -p "$state"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT INT TERM

if [ -z "${NATS_URL:-}" ]; then
  export NATS_URL=nats://127.0.0.1:4222
  nats-server -js -a 127.0.0.1 -p 4222 -sd "$state/nats" >"$state/nats-server.log" 2>&1 &
  pids+=($!)
  echo "nats-server with JetStream on $NATS_URL (store in $state/nats, log in $state/nats-server.log)"
  for _ in $(seq 50); do (exec 3<>/dev/tcp/127.0.0.1/4222) 2>/dev/null && break; sleep 0.1; done
fi

# Sessions are encrypted with a master key: a development key is generated
# once and kept in .local (production: ENCRYPTION_MASTER_KEY or
# --encryption-key-file from a secret).
if [ -z "${ENCRYPTION_MASTER_KEY:-}${ENCRYPTION_MASTER_KEY_FILE:-}" ]; then
  if [ ! -s "$state/master.key" ]; then
    (umask 077 && "$bin" keygen >"$state/master.key")
    echo "generated a development encryption key in $state/master.key"
  fi
  export ENCRYPTION_MASTER_KEY_FILE="$state/master.key"
fi

"$bin" serve "$@" &
worker=$!
pids+=($worker)
for _ in $(seq 100); do
  "$bin" detect --text "" >/dev/null 2>&1 && break
  sleep 0.1
done

echo
echo "== mask"
reply=$(printf "%s" "Book a flight for Maria Gonzalez to NYC on Feb 3rd; mail maria.gonzalez@example.com, phone +1 415 555 0132, card 4111 1111 1111 1111." | "$bin" mask)
echo "$reply"
session=$(sed -E 's/.*"session_id":"([0-9a-f]+)".*/\1/' <<<"$reply")
masked=$(sed -E 's/.*"masked_text":"([^"]*)".*/\1/' <<<"$reply")
token=$(grep -oE '\[EMAIL_[0-9a-f]+\]' <<<"$masked" | head -1)
echo "== resolve $token"
"$bin" resolve "$session" "$token"
echo "== demask"
printf '%s' "$masked" | "$bin" demask "$session"
echo
echo "worker running (pid $worker) on $NATS_URL; try: $bin mask --text 'call +44 20 7946 0537'"
echo "Ctrl-C to stop."
wait "$worker"
