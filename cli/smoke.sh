#!/usr/bin/env bash
# Installs `paystack` with `cargo install --path cli` (a debug build, reusing the test build)
# and runs the README's three offline commands with it: sim serve, transactions list, and a
# webhook trigger into `webhook listen`; on the way, an amount shown in a table.
set -euo pipefail
cd "$(dirname "$0")/.."
root=target/cli-install
cargo install --quiet --locked --debug --path cli --root "$root" --target-dir target
paystack="$root/bin/paystack"
work=$(mktemp -d)
export PAYSTACK_CONFIG="$work/config.json"
unset PAYSTACK_SECRET_KEY PAYSTACK_BASE_URL PAYSTACK_PROFILE
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true; rm -rf "$work"' EXIT

# Waits for "$2" at the start of a line of file $1 and prints the rest of that line.
wait_for() {
  for _ in $(seq 100); do
    if line=$(grep -m1 "^$2" "$1"); then echo "${line#"$2"}"; return; fi
    sleep 0.1
  done
  cat "$1" >&2; return 1
}

"$paystack" sim serve --port 0 2>"$work/sim.log" & pids+=($!)
wait_for "$work/sim.log" "simulator listening on " >/dev/null
"$paystack" --profile sim transactions list --format json | grep -q '"status": true'
# Money reads the way it is typed: 1,463.47 in, NGN 1,463.47 in the table, 146347 in JSON.
"$paystack" --profile sim transactions initialize --email ada@example.com --amount 1,463.47 \
  --currency NGN --reference smoke-1463 --format json >/dev/null
"$paystack" --profile sim transactions verify smoke-1463 --format table | grep -q "NGN 1,463.47"
"$paystack" --profile sim transactions verify smoke-1463 --format json | grep -q '"amount": 146347'

"$paystack" --profile sim webhook listen --port 0 --max-events 1 >"$work/listen.out" 2>"$work/listen.log" & listener=$!
url=$(wait_for "$work/listen.log" "listening on ")
"$paystack" --profile sim webhook trigger charge.success --to "$url" --set data.amount=5000
wait "$listener"
grep -q "^charge.success .*amount=50.00" "$work/listen.out"
echo "paystack installed; sim serve, transactions list and webhook trigger work offline"
