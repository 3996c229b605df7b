#!/usr/bin/env bash
# The simulator against Prism 5 in mock mode: same operation (GET /balance), same client
# (benches/loadgen.rs), loopback, one after the other on the same machine. Also reports the
# simulator's resident memory with 100,000 stored transactions.
#
#   sim/benches/vs_prism.sh            # SECS=10 CONNS=32 by default
#
# Needs npm (Prism is installed into target/prism on first run). Not run by CI: it takes a
# few minutes and measures the machine as much as the code.
set -euo pipefail
cd "$(dirname "$0")/../.."
SECS=${SECS:-10}
CONNS=${CONNS:-32}
SIM_PORT=${SIM_PORT:-7311}
PRISM_PORT=${PRISM_PORT:-7312}
PRISM_DIR=${PRISM_DIR:-target/prism}
KEY=sk_test_benchmark0000000000000000

cargo build --quiet --release -p paystack-sim --bin paystack-sim
cargo bench --quiet -p paystack-sim --bench loadgen --no-run 2>/dev/null
loadgen=$(ls -t target/release/deps/loadgen-* | grep -v '\.d$' | head -1)
if [ ! -x "$PRISM_DIR/node_modules/.bin/prism" ]; then
  mkdir -p "$PRISM_DIR"
  (cd "$PRISM_DIR" && npm i --no-audit --no-fund --silent @stoplight/prism-cli@5)
fi
spec=$(mktemp --suffix .json)
target/release/paystack-sim --print-spec > "$spec"

rss() { awk '/VmRSS/ {printf "%.1f MiB", $2 / 1024}' "/proc/$1/status"; }
wait_port() { for _ in $(seq 1 300); do (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.1; done; return 1; }
cleanup() { kill "${sim_pid:-}" "${prism_pid:-}" 2>/dev/null || true; rm -f "$spec"; }
trap cleanup EXIT

echo "== paystack-sim"
start=$(date +%s%N)
target/release/paystack-sim --port "$SIM_PORT" --key "$KEY" > /dev/null &
sim_pid=$!
wait_port "$SIM_PORT"
echo "ready in $(( ($(date +%s%N) - start) / 1000000 )) ms (process start to open port), RSS $(rss $sim_pid)"
"$loadgen" --url "http://127.0.0.1:$SIM_PORT" --key "$KEY" --seed 100000 --secs "$SECS" --conns "$CONNS" --label paystack-sim
echo "RSS with 100,000 stored transactions, after the run: $(rss $sim_pid)"
kill "$sim_pid"; wait "$sim_pid" 2>/dev/null || true; sim_pid=

echo "== Prism $("$PRISM_DIR/node_modules/.bin/prism" --version) (mock mode)"
"$PRISM_DIR/node_modules/.bin/prism" mock -p "$PRISM_PORT" "$spec" > /dev/null 2>&1 &
prism_pid=$!
wait_port "$PRISM_PORT"
sleep 1
"$loadgen" --url "http://127.0.0.1:$PRISM_PORT" --key "$KEY" --secs "$SECS" --conns "$CONNS" --label prism
echo "Prism RSS after the run: $(rss $prism_pid) (node process only)"
