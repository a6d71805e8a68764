#!/usr/bin/env bash
# Times the seller CLI as a person runs it, median of 5 runs each: `--help`, `whoami` against a
# local server, `products import` of 1,000 new lines, and the same file again (all unchanged);
# then the buyer TUI's first catalog screen at 80x24 under tmux (from start until a product shows).
# Starts its own server (app/target/marketplace.jar) on a free port and a database of its own on
# the PostgreSQL of $BENCH_DB_URL, and drops that database at the end.
# Usage: machine-quiet bench/seller-cli.sh [--baseline DIR]   (build first: ./mvnw -B -q package
# -DskipTests). With --baseline, DIR is a built checkout of another commit: --help, whoami and the
# TUI's first screen are then timed again, its launchers and ours in turn, run by run.
set -euo pipefail
BASELINE=
if [ "${1:-}" = --baseline ]; then
  BASELINE=$(cd "$2" && pwd)
fi
cd "$(dirname "$0")/.."
. bin/jdk.sh
use_java_21_or_newer

ADMIN_URL=${BENCH_DB_URL:-postgresql://postgres@127.0.0.1:5432/postgres}
DB=bench_seller_cli_$$
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
WORK=$(mktemp -d)
psql "$ADMIN_URL" -q -c "CREATE DATABASE $DB"
cleanup() {
  if [ -n "${SERVER_PID:-}" ]; then
    # The server's exit status (143 after SIGTERM) must not end the clean-up under set -e.
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  psql "$ADMIN_URL" -q -c "DROP DATABASE IF EXISTS $DB" || true
  rm -rf "$WORK"
}
trap cleanup EXIT

MARKETPLACE_DB_URL="${ADMIN_URL%/*}/$DB" MARKETPLACE_HTTP_PORT=$PORT \
  "$JAVA_HOME/bin/java" -jar app/target/marketplace.jar >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$PORT/health/ready" >/dev/null && break
  sleep 0.5
done
export XDG_CONFIG_HOME="$WORK/config" MARKETPLACE_URL="http://127.0.0.1:$PORT"

# Median of 5 wall-clock times of a command, in ms.
median_ms() {
  local times=()
  for _ in 1 2 3 4 5; do
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    end=$(date +%s%N)
    times+=($(((end - start) / 1000000)))
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n 3p
}

printf '%s\n' bench-password-1 |
  bin/marketplace-seller register --name "CLI Bench" --email "cli-bench-$$@example.com" --password-stdin >/dev/null

echo "--help:                  $(median_ms bin/marketplace-seller --help) ms"
echo "whoami:                  $(median_ms bin/marketplace-seller whoami) ms"

{
  echo "sku,name,category,description,price,stock,active"
  for i in $(seq 1 1000); do
    echo "BENCH-$i,\"Bench product $i\",Category $((i % 12)),\"Generated, line $i\",$((i % 500 + 1)).99,$((i % 100)),true"
  done
} >"$WORK/products.csv"

# Each new-lines run is a new seller, so that every line creates a product.
import_new() {
  printf '%s\n' bench-password-1 |
    bin/marketplace-seller register --name "Bench $RANDOM" --email "cli-bench-$$-$RANDOM$RANDOM@example.com" --password-stdin >/dev/null
  local start end
  start=$(date +%s%N)
  bin/marketplace-seller products import "$WORK/products.csv" >"$WORK/new.txt"
  end=$(date +%s%N)
  echo $(((end - start) / 1000000))
}
new=()
for _ in 1 2 3 4 5; do new+=("$(import_new)"); done
echo "import 1,000 new lines:  $(printf '%s\n' "${new[@]}" | sort -n | sed -n 3p) ms   ($(tail -n 1 "$WORK/new.txt"))"
echo "the same file again:     $(median_ms bin/marketplace-seller products import "$WORK/products.csv") ms"
bin/marketplace-seller products import "$WORK/products.csv" | tail -n 1
# The buyer TUI, as a person starts it in a terminal: until its first catalog screen lists products.
# $1: the folder of the launchers (default bin).
tui_first_screen() {
  local start end
  start=$(date +%s%N)
  tmux new-session -d -s tui-bench-$$ -x 80 -y 24 "${1:-bin}/marketplace-buyer --server $MARKETPLACE_URL"
  until tmux capture-pane -p -t tui-bench-$$ 2>/dev/null | grep -q "Bench product"; do sleep 0.01; done
  end=$(date +%s%N)
  tmux kill-session -t tui-bench-$$
  echo $(((end - start) / 1000000))
}
if command -v tmux >/dev/null; then
  tui=()
  for _ in 1 2 3 4 5; do tui+=("$(tui_first_screen)"); done
  echo "TUI first catalog screen: $(printf '%s\n' "${tui[@]}" | sort -n | sed -n 3p) ms"
fi
# The baseline's launchers and ours in turn, 9 runs each, on the same server and session: the
# machine's drift over the minutes touches both alike, so that the ratio holds when the figures do
# not.
if [ -n "$BASELINE" ]; then
  once_ms() {
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    end=$(date +%s%N)
    echo $(((end - start) / 1000000))
  }
  for side in baseline ours; do
    for step in help whoami tui; do : >"$WORK/$side.$step"; done
  done
  for _ in $(seq 1 9); do
    for side in baseline ours; do
      launchers=bin
      [ "$side" = baseline ] && launchers=$BASELINE/bin
      once_ms "$launchers/marketplace-seller" --help >>"$WORK/$side.help"
      once_ms "$launchers/marketplace-seller" whoami >>"$WORK/$side.whoami"
      if command -v tmux >/dev/null; then tui_first_screen "$launchers" >>"$WORK/$side.tui"; fi
    done
  done
  for side in baseline ours; do
    echo "$side, interleaved (median of 9): --help $(sort -n "$WORK/$side.help" | sed -n 5p) ms," \
      "whoami $(sort -n "$WORK/$side.whoami" | sed -n 5p) ms," \
      "TUI first screen $(sort -n "$WORK/$side.tui" | sed -n 5p) ms"
  done
fi
echo "load average: $(cut -d ' ' -f 1-3 /proc/loadavg); $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
