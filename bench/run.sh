#!/usr/bin/env bash
# Benchmarks the service against PostgreSQL's own limit on the same SQL, side by side in one run;
# with --topology split, the single process against api, catalog and order on separate cluster
# nodes of this machine instead, side by side in one run.
# Usage: bench/run.sh [--products N] [--users N] [--orders N] [--duration S] [--connections N]
#                     [--port P] [--scenarios "detail browse ..."] [--no-build]
#                     [--topology single|split] [--cluster-port P] [--db NAME] [--results DIR]
# Extra JVM flags for the servers (a profiler, say) go in BENCH_JVM_FLAGS.
set -euo pipefail
cd "$(dirname "$0")/.."

PRODUCTS=100000
USERS=10000
ORDERS=1000000
DURATION=20
CONNECTIONS=32
PORT=18080
ALL_SCENARIOS="detail browse search order mixed"
SCENARIOS=$ALL_SCENARIOS
BUILD=yes
PG=postgresql://postgres@127.0.0.1:5432
DB=marketplace_bench
TOPOLOGY=single
CLUSTER_PORT=5701
RESULTS=bench/results
while [ $# -gt 0 ]; do
  case "$1" in
    --products) PRODUCTS=$2; shift 2 ;;
    --users) USERS=$2; shift 2 ;;
    --orders) ORDERS=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --connections) CONNECTIONS=$2; shift 2 ;;
    --port) PORT=$2; shift 2 ;;
    --scenarios) SCENARIOS=$2; shift 2 ;;
    --no-build) BUILD=no; shift ;;
    --topology) TOPOLOGY=$2; shift 2 ;;
    --cluster-port) CLUSTER_PORT=$2; shift 2 ;;
    --db) DB=$2; shift 2 ;;
    --results) RESULTS=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
case "$TOPOLOGY" in single|split) ;; *) echo "--topology is single or split" >&2; exit 2 ;; esac

# A JDK 21 or newer (the machine's default java may be older).
. bin/jdk.sh
use_java_21_or_newer
JAVA="$JAVA_HOME/bin/java"

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
command -v pgbench >/dev/null || { apt-get update -qq && apt-get install -y -qq postgresql-contrib >/dev/null; }
pg_isready -h 127.0.0.1 -p 5432 -q || pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -n 1)" main start

[ "$BUILD" = yes ] && ./mvnw -B -q package -DskipTests
WORK=$(mktemp -d)
# The server runs from a private copy: a rebuild during the run cannot change classes under it, and
# whoever stops "marketplace.jar" processes on a shared machine does not stop this one.
JAR="$WORK/bench-server.jar"
cp app/target/marketplace.jar "$JAR"
SERVER_PIDS=()
# On a failure, show the end of the servers' logs before they are deleted.
cleanup() {
  local status=$?
  if [ "$status" -ne 0 ]; then
    for log in "$WORK"/*.log; do [ -f "$log" ] && { echo "failed ($status); $(basename "$log"):" >&2; tail -n 40 "$log" >&2; }; done
  fi
  stop_servers; rm -rf "$WORK"
}
trap cleanup EXIT

echo "== fresh database $DB"
psql -q "$PG/postgres" -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"

if curl -s -o /dev/null "http://127.0.0.1:$PORT/"; then
  echo "port $PORT is already in use; choose another with --port" >&2
  exit 1
fi

# What every server of a run shares. The seeded orders are up to days old: the unpaid-order sweep
# would spend the first scenarios cancelling the overdue pending ones, so it waits an hour, longer
# than any run. The sandbox gateway listens next to the API port.
SERVER_ENV=(MARKETPLACE_ORDER_SWEEP_SECONDS=3600 MARKETPLACE_DB_URL="$PG/$DB" MARKETPLACE_HTTP_PORT=$PORT
  MARKETPLACE_SANDBOX_PORT=$((PORT + 1)) MARKETPLACE_DATA_DIR="$WORK/data"
  MARKETPLACE_DB_POOL_SIZE=${MARKETPLACE_DB_POOL_SIZE:-16})

# start_server NAME HEAP [VAR=value...]: one server process, its log in $WORK/NAME.log.
start_server() {
  local name=$1 heap=$2; shift 2
  env "${SERVER_ENV[@]}" "$@" "$JAVA" -Xmx"$heap" -XX:+UseParallelGC ${BENCH_JVM_FLAGS:-} -jar "$JAR" >"$WORK/$name.log" 2>&1 &
  SERVER_PIDS+=($!)
}

stop_servers() {
  for pid in "${SERVER_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${SERVER_PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  SERVER_PIDS=()
}

wait_ready() {
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/health/ready" >/dev/null && return 0; sleep 1; done
  echo "the service did not get ready" >&2; exit 1
}

start_single() {
  echo "== starting the server on port $PORT"
  start_server server 384m
  wait_ready
}

# api, catalog (with account) and order (with payment and the sandbox) as three cluster nodes.
start_split() {
  local members="127.0.0.1:$CLUSTER_PORT,127.0.0.1:$((CLUSTER_PORT + 1)),127.0.0.1:$((CLUSTER_PORT + 2))"
  local cluster=(MARKETPLACE_CLUSTER=true MARKETPLACE_CLUSTER_NAME="bench-$$" MARKETPLACE_CLUSTER_MEMBERS="$members")
  echo "== starting api, catalog and order nodes (cluster ports $CLUSTER_PORT-$((CLUSTER_PORT + 2)))"
  start_server catalog-node 256m "${cluster[@]}" MARKETPLACE_VERTICLES=account,catalog MARKETPLACE_CLUSTER_PORT=$((CLUSTER_PORT + 1))
  start_server order-node 256m "${cluster[@]}" MARKETPLACE_VERTICLES=order,payment,sandbox MARKETPLACE_CLUSTER_PORT=$((CLUSTER_PORT + 2))
  start_server api-node 384m "${cluster[@]}" MARKETPLACE_VERTICLES=api MARKETPLACE_CLUSTER_PORT=$CLUSTER_PORT
  wait_ready
}

# Peak RSS of every running server, in MB, as "name N MB, ...".
peak_rss() {
  local names=("$@") i=0 out=()
  for pid in "${SERVER_PIDS[@]}"; do
    out+=("${names[$i]} $(( $(sed -n 's/^VmHWM:[^0-9]*\([0-9]*\).*/\1/p' "/proc/$pid/status") / 1024 )) MB")
    i=$((i + 1))
  done
  local IFS=,; echo "${out[*]}" | sed 's/,/, /g'
}

start_single

API="http://127.0.0.1:$PORT"
JSON='content-type: application/json'
curl -sSf -H "$JSON" "$API/api/buyers/register" -d '{"name":"Bench Buyer","email":"bench-buyer@example.com","password":"bench-password"}' >/dev/null
curl -sSf -H "$JSON" "$API/api/sellers/register" -d '{"name":"Bench Seller","email":"bench-seller@example.com","password":"bench-password"}' >/dev/null

echo "== seeding $PRODUCTS products, $USERS users, $ORDERS orders"
SELLERS=$(( USERS / 10 ))
psql -q -v ON_ERROR_STOP=1 "$PG/$DB" <<SQL
INSERT INTO users (name, email, role, password_hash)
SELECT CASE WHEN i <= $SELLERS THEN 'Seller ' ELSE 'Buyer ' END || i, 'user' || i || '@bench.example',
       CASE WHEN i <= $SELLERS THEN 'seller' ELSE 'buyer' END,
       (SELECT password_hash FROM users WHERE email = 'bench-buyer@example.com')
FROM generate_series(1, $USERS - 2) i;
-- Names are mostly distinct, as in a real catalogue; one product in 500 has a common phrase.
INSERT INTO products (seller_id, name, category, description, price, inventory)
SELECT 2 + i % $SELLERS,
       CASE WHEN i % 500 = 0
            THEN (ARRAY['Wireless','Leather','Ceramic','Cotton','Steel'])[1 + i / 500 % 5] || ' '
                 || (ARRAY['Headphones','Lamp','Kettle','Shirt','Chair','Speaker'])[1 + i / 2500 % 6]
            ELSE initcap(substr(md5(i::text), 1, 7)) || ' ' || substr(md5((i * 3)::text), 1, 9) END,
       'Category ' || (i % 40),
       'Model ' || substr(md5((i * 7)::text), 1, 12) || ' in ' || substr(md5((i * 11)::text), 1, 6),
       round((1 + (i * 7919) % 50000 / 100.0)::numeric, 2), 1000000000
FROM generate_series(1::bigint, $PRODUCTS) i;
INSERT INTO orders (buyer_id, seller_id, product_id, quantity, unit_price, total_price, status, created_at, updated_at)
SELECT $SELLERS + 3 + i % ($USERS - $SELLERS - 2), p.seller_id, p.id, 1, p.price, p.price,
       (ARRAY['pending','processing','shipped','delivered','completed','cancelled'])[1 + i % 6],
       now() - (i || ' seconds')::interval, now()
FROM generate_series(1::bigint, $ORDERS) i JOIN products p ON p.id = 1 + (i * 7919) % $PRODUCTS;
INSERT INTO order_items (order_id, product_id, quantity, unit_price, line_total)
SELECT id, product_id, quantity, unit_price, total_price FROM orders;
INSERT INTO order_tracking (order_id, status, actor_role, created_at) SELECT id, 'pending', 'buyer', created_at FROM orders;
ANALYZE;
SQL
FIRST_BUYER=$(( SELLERS + 3 ))
LAST_BUYER=$(( USERS ))
TOKEN=$(curl -sSf -H "$JSON" "$API/api/buyers/login" -d '{"email":"bench-buyer@example.com","password":"bench-password"}' \
  | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')
"$JAVA" -cp "$JAR" bench/ScenarioSql.java "$WORK/sql" "$PRODUCTS" "$FIRST_BUYER" "$LAST_BUYER"

export BENCH_PRODUCTS=$PRODUCTS BENCH_TOKEN=$TOKEN

# wrk against the service; prints "rps p50 p95 p99 errors".
service_run() {
  local scenario=$1 connections=$2
  cat "bench/lua/$scenario.lua" bench/lua/report.lua >"$WORK/$scenario.lua"
  wrk -t2 -c"$connections" -d"${DURATION}s" --latency -s "$WORK/$scenario.lua" "$API" \
    | sed -n 's/^RESULT rps=\([^ ]*\) p50_ms=\([^ ]*\) p95_ms=\([^ ]*\) p99_ms=\([^ ]*\) errors=\([^ ]*\).*/\1 \2 \3 \4 \5/p'
}

# pgbench on the same SQL, same concurrency, prepared statements; prints transactions per second.
pgbench_run() {
  pgbench -n -M prepared -c "$CONNECTIONS" -j 2 -T "$DURATION" "$@" "$PG/$DB" 2>/dev/null \
    | sed -n 's/^tps = \([0-9.]*\) .*/\1/p' | tail -n 1
}

ONLY=$([ "$SCENARIOS" != "$ALL_SCENARIOS" ] && echo yes || true)
STAMP=$(date -u +%Y-%m-%dT%H-%M-%SZ)
mkdir -p "$RESULTS"
LOW_CONNECTIONS=$(( CONNECTIONS / 8 > 0 ? CONNECTIONS / 8 : 1 ))
COMMAND="bench/run.sh --products $PRODUCTS --users $USERS --orders $ORDERS --duration $DURATION --connections $CONNECTIONS${ONLY:+ --scenarios \"$SCENARIOS\"}"

if [ "$TOPOLOGY" = split ]; then
  # Every scenario against the single process, then against the split one, on the same data: the
  # split run follows, so it also sees the orders the single run placed.
  CSV="$RESULTS/$STAMP-split.csv"
  MD="$RESULTS/$STAMP-split.md"
  # Both topologies are measured warm: three fresh JVMs would otherwise pay for their JIT in the
  # split run alone. Each scenario first runs for a quarter of the duration, unrecorded.
  run_all() {
    for scenario in $SCENARIOS; do
      echo "== $1: $scenario" >&2
      DURATION=$(( DURATION / 4 > 1 ? DURATION / 4 : 1 )) service_run "$scenario" "$CONNECTIONS" >/dev/null
      read -r rps p50 p95 p99 errors < <(service_run "$scenario" "$CONNECTIONS")
      echo "$scenario,$CONNECTIONS,$rps,$p50,$p95,$p99,$errors"
    done
    if [[ " $SCENARIOS " == *" mixed "* ]]; then
      echo "== $1: mixed at lower load" >&2
      read -r rps p50 p95 p99 errors < <(service_run mixed "$LOW_CONNECTIONS")
      echo "mixed,$LOW_CONNECTIONS,$rps,$p50,$p95,$p99,$errors"
    fi
  }
  SINGLE=$(run_all single)
  SINGLE_RSS=$(peak_rss server)
  stop_servers
  start_split
  SPLIT=$(run_all split)
  SPLIT_RSS=$(peak_rss catalog order api)
  echo "scenario,connections,single_rps,single_p50_ms,single_p95_ms,single_p99_ms,single_errors,split_rps,split_p50_ms,split_p95_ms,split_p99_ms,split_errors,rps_ratio,added_p50_ms" >"$CSV"
  paste -d, <(echo "$SINGLE") <(echo "$SPLIT" | cut -d, -f3-) \
    | awk -F, -v OFS=, '{ printf "%s,%.2f,%.2f\n", $0, ($3 > 0 ? $8 / $3 : 0), $9 - $4 }' | tee -a "$CSV"
  {
    echo "# Benchmark $STAMP: one process against a split topology"
    echo
    echo "\`$COMMAND --topology split\`"
    if [ -n "${BENCH_JVM_FLAGS:-}" ]; then echo "with BENCH_JVM_FLAGS=\"$BENCH_JVM_FLAGS\""; fi
    echo "on $(nproc) cores; every server, PostgreSQL and wrk on the same machine, over loopback."
    echo "Single: one process runs every verticle. Split: three cluster nodes (Hazelcast), api;"
    echo "account and catalog; order, payment and sandbox. Each request then crosses the clustered"
    echo "event bus (TCP) twice, where the single process hands it between event loops."
    echo
    echo "| scenario | connections | single req/s | split req/s | split/single | single p50 ms | split p50 ms | added p50 ms | single p99 ms | split p99 ms | errors single / split |"
    echo "|---|---|---|---|---|---|---|---|---|---|---|"
    tail -n +2 "$CSV" | awk -F, '{ printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s / %s |\n", $1, $2, $3, $8, $13, $4, $9, $14, $6, $11, $7, $12 }'
    echo
    echo "Peak RSS: single $SINGLE_RSS; split $SPLIT_RSS."
  } >"$MD"
  cat "$MD"
  exit 0
fi

CSV="$RESULTS/$STAMP.csv"
MD="$RESULTS/$STAMP.md"
echo "scenario,service_rps,service_p50_ms,service_p95_ms,service_p99_ms,service_errors,pgbench_tps,ratio" >"$CSV"
for scenario in $SCENARIOS; do
  echo "== $scenario"
  read -r rps p50 p95 p99 errors < <(service_run "$scenario" "$CONNECTIONS")
  if [ "$scenario" = mixed ]; then
    tps=$(pgbench_run -f "$WORK/sql/detail.sql@60" -f "$WORK/sql/browse.sql@20" -f "$WORK/sql/search.sql@15" -f "$WORK/sql/order.sql@5")
  else
    tps=$(pgbench_run -f "$WORK/sql/$scenario.sql")
  fi
  ratio=$(awk -v a="$rps" -v b="$tps" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
  echo "$scenario,$rps,$p50,$p95,$p99,$errors,$tps,$ratio" | tee -a "$CSV"
done

# Latency below the peak: fewer connections, since wrk cannot cap the rate. For the mixed workload
# (the p99 target at about half the peak) and for search (the p95 target at 1M products).
LOW_LOAD=
for scenario in mixed search; do
  [[ " $SCENARIOS " == *" $scenario "* ]] || continue
  echo "== $scenario at lower load"
  read -r rps p50 p95 p99 errors < <(service_run "$scenario" "$LOW_CONNECTIONS")
  LOW_LOAD+="${scenario^} at lower load ($LOW_CONNECTIONS connections): $rps req/s, p50 $p50 ms, p95 $p95 ms, p99 $p99 ms, $errors errors."$'\n\n'
done

{
  echo "# Benchmark $STAMP"
  echo
  echo "\`$COMMAND\`"
  if [ -n "${BENCH_JVM_FLAGS:-}" ]; then echo "with BENCH_JVM_FLAGS=\"$BENCH_JVM_FLAGS\""; fi
  echo "on $(nproc) cores; server and PostgreSQL on the same machine; wrk and pgbench over loopback."
  echo
  echo "| scenario | service req/s | p50 ms | p95 ms | p99 ms | errors | pgbench tps (same SQL) | ratio |"
  echo "|---|---|---|---|---|---|---|---|"
  tail -n +2 "$CSV" | awk -F, '{ printf "| %s | %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7, $8 }'
  echo
  printf '%s' "$LOW_LOAD"
  echo "Server peak RSS: $(peak_rss server | sed 's/^server //')."
} >"$MD"
cat "$MD"
