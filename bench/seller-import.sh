#!/usr/bin/env bash
# Times `marketplace-seller products import` of a generated CSV against a running server: once
# creating every product, once more finding them all unchanged. The target is 1,000 lines in
# under 10 s against a local server.
# Usage: bench/seller-import.sh [--server URL] [--lines N]   (build first: ./mvnw -B -q package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."

SERVER=${MARKETPLACE_URL:-http://localhost:8080}
LINES=1000
while [ $# -gt 0 ]; do
  case "$1" in
    --server) SERVER=$2; shift 2 ;;
    --lines) LINES=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export XDG_CONFIG_HOME="$WORK/config" MARKETPLACE_URL="$SERVER"

{
  echo "sku,name,category,description,price,stock,active"
  for i in $(seq 1 "$LINES"); do
    echo "BENCH-$i,\"Bench product $i\",Category $((i % 12)),\"Generated, line $i\",$((i % 500 + 1)).99,$((i % 100)),true"
  done
} >"$WORK/products.csv"

printf '%s\n' bench-password-1 |
  bin/marketplace-seller register --name "Import Bench" --email "import-bench-$(date +%s%N)@example.com" --password-stdin

for run in first second; do
  start=$(date +%s.%N)
  bin/marketplace-seller products import "$WORK/products.csv" >"$WORK/$run.txt" || true
  end=$(date +%s.%N)
  printf '%s run: %s (%.1f s wall clock, JVM start included)\n' "$run" "$(tail -n 1 "$WORK/$run.txt")" "$(echo "$end - $start" | bc)"
done
echo "load average: $(cut -d ' ' -f 1-3 /proc/loadavg)"
