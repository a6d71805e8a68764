#!/usr/bin/env bash
# Benchmarks the service against PostgreSQL's own limit on the same SQL, side by side in one run;
# with --topology split, the single process against api, catalog and order on separate cluster
# nodes of this machine instead, side by side in one run; with --replicas N, catalog reads with the
# cache off against a primary of the bench's own, alone and then with N streaming replicas.
# Usage: bench/run.sh [--products N] [--users N] [--orders N] [--duration S] [--warmup S]
#                     [--jit-warmup S] [--connections N] [--hot N] [--port P] [--scenarios "detail browse ..."]
#                     [--baseline REV] [--no-build] [--topology single|split] [--cluster-port P]
#                     [--db NAME] [--results DIR] [--replicas N]
# Extra JVM flags for the servers (a profiler, say) go in BENCH_JVM_FLAGS.
set -euo pipefail
cd "$(dirname "$0")/.."

PRODUCTS=100000
USERS=10000
ORDERS=1000000
DURATION=20
WARMUP=10
JIT_WARMUP=60
CONNECTIONS=32
HOT=
PORT=18080
ALL_SCENARIOS="detail browse search order order-limit mixed analytics"
SCENARIOS=$ALL_SCENARIOS
BUILD=yes
PG=postgresql://postgres@127.0.0.1:5432
DB=marketplace_bench
TOPOLOGY=single
CLUSTER_PORT=5701
RESULTS=bench/results
BASELINE=
REPLICAS=0
while [ $# -gt 0 ]; do
  case "$1" in
    --products) PRODUCTS=$2; shift 2 ;;
    --users) USERS=$2; shift 2 ;;
    --orders) ORDERS=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --jit-warmup) JIT_WARMUP=$2; shift 2 ;;
    --hot) HOT=$2; shift 2 ;;
    --baseline) BASELINE=$2; shift 2 ;;
    --connections) CONNECTIONS=$2; shift 2 ;;
    --port) PORT=$2; shift 2 ;;
    --scenarios) SCENARIOS=$2; shift 2 ;;
    --no-build) BUILD=no; shift ;;
    --topology) TOPOLOGY=$2; shift 2 ;;
    --cluster-port) CLUSTER_PORT=$2; shift 2 ;;
    --db) DB=$2; shift 2 ;;
    --results) RESULTS=$2; shift 2 ;;
    --replicas) REPLICAS=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
case "$TOPOLOGY" in single|split) ;; *) echo "--topology is single or split" >&2; exit 2 ;; esac
if [ "$REPLICAS" -gt 0 ]; then
  [ "$TOPOLOGY" = single ] || { echo "--replicas runs one process" >&2; exit 2; }
  [ "$SCENARIOS" = "$ALL_SCENARIOS" ] && SCENARIOS="detail browse search"
fi

# A JDK 21 or newer (the machine's default java may be older).
. bin/jdk.sh
use_java_21_or_newer
JAVA="$JAVA_HOME/bin/java"

export PGOPTIONS='-c client_min_messages=warning' # no NOTICE of a database that was not there
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
command -v pgbench >/dev/null || { apt-get update -qq && apt-get install -y -qq postgresql-contrib >/dev/null; }
pg_isready -h 127.0.0.1 -p 5432 -q || pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -n 1)" main start

WORK=$(mktemp -d)
# The server runs from a private copy: a rebuild during the run cannot change classes under it, and
# whoever stops "marketplace.jar" processes on a shared machine does not stop this one.
JAR="$WORK/bench-server.jar"
if [ "$BUILD" = yes ]; then ./mvnw -B -q package -DskipTests; fi
cp app/target/marketplace.jar "$JAR"
# --baseline REV: the jar of an earlier commit, built from that commit's files alone, is measured
# in the same run on its own copy of the data, so that "before" and "after" share the machine's
# mood. It has its own database: its schema may differ.
BASE_JAR=
if [ -n "$BASELINE" ]; then
  echo "== building the baseline jar of $BASELINE"
  mkdir "$WORK/baseline"
  git archive "$BASELINE" | tar -x -C "$WORK/baseline"
  (cd "$WORK/baseline" && ./mvnw -B -q package -DskipTests -pl app -am)
  BASE_JAR="$WORK/baseline-server.jar"
  cp "$WORK/baseline/app/target/marketplace.jar" "$BASE_JAR"
  rm -rf "$WORK/baseline"
fi
# --replicas N: a PostgreSQL of the bench's own, on ports after the API's, in $WORK/pg: a primary,
# then N streaming replicas copied from it with pg_basebackup -R once it is seeded. The machine's
# server on 5432 is shared and must keep its settings. PostgreSQL refuses root: as root, its
# programs run as the postgres user.
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
PG_AS=()
[ "$(id -u)" = 0 ] && PG_AS=(runuser -u postgres --)
BENCH_PG_NODES=()
pg_tool() { "${PG_AS[@]}" "$PG_BIN/$1" "${@:2}"; }
start_bench_node() {
  local name=$1 port=$2
  pg_tool pg_ctl start -D "$WORK/pg/$name" -l "$WORK/pg/$name.log" -w -t 120 \
    -o "-c port=$port -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c cluster_name=$name -c max_connections=200 -c shared_buffers=256MB -c hot_standby=on" >/dev/null
  BENCH_PG_NODES+=("$name")
}
stop_bench_postgres() {
  for name in "${BENCH_PG_NODES[@]}"; do pg_tool pg_ctl stop -D "$WORK/pg/$name" -m fast -w >/dev/null 2>&1 || true; done
  BENCH_PG_NODES=()
}
SERVER_PIDS=()
# On a failure, show the end of the servers' logs before they are deleted.
cleanup() {
  local status=$?
  if [ "$status" -ne 0 ]; then
    for log in "$WORK"/*.log; do [ -f "$log" ] && { echo "failed ($status); $(basename "$log"):" >&2; tail -n 40 "$log" >&2; }; done
  fi
  stop_servers; stop_bench_postgres; rm -rf "$WORK"
}
trap cleanup EXIT

if [ "$REPLICAS" -gt 0 ]; then
  mkdir "$WORK/pg"
  [ "$(id -u)" = 0 ] && chown postgres: "$WORK/pg" && chmod o+x "$WORK"
  pg_tool initdb -A trust -U postgres -E UTF-8 --no-sync -D "$WORK/pg/primary" >/dev/null
  start_bench_node primary $((PORT + 10))
  PG=postgresql://postgres@127.0.0.1:$((PORT + 10))
fi

if curl -s -o /dev/null "http://127.0.0.1:$PORT/"; then
  echo "port $PORT is already in use; choose another with --port" >&2
  exit 1
fi

# The server that start_server starts: which jar, on which database.
SERVER_JAR=$JAR
SERVER_DB=$DB

# What every server of a run shares. The seeded orders are up to days old: the unpaid-order sweep
# would spend the first scenarios cancelling the overdue pending ones, so it waits an hour, longer
# than any run. The sandbox gateway listens next to the API port.
SERVER_ENV=(MARKETPLACE_ORDER_SWEEP_SECONDS=3600 MARKETPLACE_HTTP_PORT=$PORT
  MARKETPLACE_SANDBOX_PORT=$((PORT + 1)) MARKETPLACE_DB_POOL_SIZE=${MARKETPLACE_DB_POOL_SIZE:-16})
# --replicas measures the database's side of catalog reads: the edge's cache would answer them.
[ "$REPLICAS" -gt 0 ] && SERVER_ENV+=(MARKETPLACE_CATALOG_CACHE_ENTRIES=0)

# start_server NAME HEAP [VAR=value...]: one server process, its log in $WORK/NAME.log.
start_server() {
  local name=$1 heap=$2; shift 2
  env "${SERVER_ENV[@]}" MARKETPLACE_DB_URL="$PG/$SERVER_DB" MARKETPLACE_DATA_DIR="$WORK/data-$SERVER_DB" "$@" \
    "$JAVA" -Xmx"$heap" -XX:+UseParallelGC ${BENCH_JVM_FLAGS:-} -jar "$SERVER_JAR" >"$WORK/$name.log" 2>&1 &
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

API="http://127.0.0.1:$PORT"
JSON='content-type: application/json'
SELLERS=$(( USERS / 10 ))
FIRST_BUYER=$(( SELLERS + 3 ))
LAST_BUYER=$(( USERS ))

# login ROLE: a fresh access token of the registered bench buyer or seller.
login() {
  curl -sSf -H "$JSON" "$API/api/$1s/login" -d "{\"email\":\"bench-$1@example.com\",\"password\":\"bench-password\"}" \
    | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p'
}

# prepare: $SERVER_DB afresh, the server of $SERVER_JAR started on it, a buyer and a seller
# registered through the API, the rest seeded with set-based SQL.
prepare() {
  echo "== fresh database $SERVER_DB"
  psql -q "$PG/postgres" -c "DROP DATABASE IF EXISTS $SERVER_DB WITH (FORCE)" -c "CREATE DATABASE $SERVER_DB"
  start_single
  curl -sSf -H "$JSON" "$API/api/buyers/register" -d '{"name":"Bench Buyer","email":"bench-buyer@example.com","password":"bench-password"}' >/dev/null
  curl -sSf -H "$JSON" "$API/api/sellers/register" -d '{"name":"Bench Seller","email":"bench-seller@example.com","password":"bench-password"}' >/dev/null
  echo "== seeding $PRODUCTS products, $USERS users, $ORDERS orders"
  psql -q -v ON_ERROR_STOP=1 "$PG/$SERVER_DB" <<SQL
INSERT INTO users (name, email, role, password_hash)
SELECT CASE WHEN i <= $SELLERS THEN 'Seller ' ELSE 'Buyer ' END || i, 'user' || i || '@bench.example',
       CASE WHEN i <= $SELLERS THEN 'seller' ELSE 'buyer' END,
       (SELECT password_hash FROM users WHERE email = 'bench-buyer@example.com')
FROM generate_series(1, $USERS - 2) i;
-- Names are mostly distinct, as in a real catalogue; one product in 500 has a common phrase.
INSERT INTO products (seller_id, name, category, description, price)
SELECT 2 + i % $SELLERS,
       CASE WHEN i % 500 = 0
            THEN (ARRAY['Wireless','Leather','Ceramic','Cotton','Steel'])[1 + i / 500 % 5] || ' '
                 || (ARRAY['Headphones','Lamp','Kettle','Shirt','Chair','Speaker'])[1 + i / 2500 % 6]
            ELSE initcap(substr(md5(i::text), 1, 7)) || ' ' || substr(md5((i * 3)::text), 1, 9) END,
       'Category ' || (i % 40),
       'Model ' || substr(md5((i * 7)::text), 1, 12) || ' in ' || substr(md5((i * 11)::text), 1, 6),
       round((1 + (i * 7919) % 50000 / 100.0)::numeric, 2)
FROM generate_series(1::bigint, $PRODUCTS) i;
-- Stock for as many orders as any run places, wherever the schema keeps it: in products (up to
-- the old jars a --baseline run builds) or in its narrow table of counters.
SELECT to_regclass('product_stock') IS NOT NULL AS narrow \gset
\if :narrow
INSERT INTO product_stock (product_id, inventory) SELECT id, 1000000000 FROM products;
\else
UPDATE products SET inventory = 1000000000;
\endif
-- Orders over the last 180 days, newest first, as their lives left them: paid two minutes after
-- they were placed, then processing, shipped, delivered and completed with age; 4% cancelled
-- unpaid, 3% cancelled and refunded after payment; only the last half hour's still pending. Every
-- fifth order is of the registered Bench Seller (id 2), who so owns a fifth of them.
INSERT INTO orders (buyer_id, seller_id, product_id, quantity, unit_price, total_price, status,
                    payment_status, paid_at, created_at, updated_at)
SELECT $SELLERS + 3 + i % ($USERS - $SELLERS - 2), p.seller_id, p.id, q, p.price, p.price * q,
       CASE WHEN age < interval '30 minutes' THEN 'pending'
            WHEN fate < 7 THEN 'cancelled'
            WHEN age < interval '2 days' OR fate = 7 AND age < interval '5 days' THEN 'processing'
            WHEN age < interval '5 days' THEN 'shipped'
            WHEN age < interval '10 days' THEN 'delivered'
            ELSE 'completed' END,
       CASE WHEN age < interval '30 minutes' OR fate < 4 THEN 'unpaid'
            WHEN fate < 7 THEN 'refunded' ELSE 'captured' END,
       CASE WHEN age >= interval '30 minutes' AND fate >= 4 THEN now() - age + interval '2 minutes' END,
       now() - age, now()
FROM (SELECT i, interval '1 second' * (i * 15552000.0 / $ORDERS) AS age, (i * 37) % 100 AS fate,
             1 + (i % 3 = 0)::int AS q,
             CASE WHEN i % 5 = 0 OR $SELLERS = 1
                  THEN $SELLERS * (1 + (i / 5 * 7919) % ($PRODUCTS / $SELLERS))
                  ELSE 1 + (i * 7919) % $PRODUCTS - ((1 + (i * 7919) % $PRODUCTS) % $SELLERS = 0)::int END AS pid
      FROM generate_series(1::bigint, $ORDERS) i) o
JOIN products p ON p.id = o.pid;
-- When each cancelled order was cancelled, where the schema records it (the old jars of a
-- --baseline run may not): unpaid ones by the sweep after 30 minutes, paid ones within a day.
SELECT count(*) = 1 AS cancel_time FROM information_schema.columns
WHERE table_name = 'orders' AND column_name = 'cancelled_at' \gset
\if :cancel_time
UPDATE orders SET cancelled_at = CASE WHEN payment_status = 'unpaid' THEN created_at + interval '30 minutes'
                                      ELSE least(created_at + interval '1 day', now()) END
WHERE status = 'cancelled';
VACUUM orders;
\endif
INSERT INTO order_items (order_id, product_id, quantity, unit_price, line_total)
SELECT id, product_id, quantity, unit_price, total_price FROM orders;
INSERT INTO order_tracking (order_id, status, actor_role, created_at) SELECT id, 'pending', 'buyer', created_at FROM orders;
ANALYZE;
SQL
}

prepare
TOKEN=$(login buyer)
# The analytics scenario: the Bench Seller's report of the last 90 days, day by day in Berlin, with
# every product in the low-stock list (the threshold is the largest stock there is).
ANALYTICS_SELLER=2
ANALYTICS_QUERY="from=$(date -u -d '89 days ago' +%F)&to=$(date -u +%F)&granularity=day&tz=Europe/Berlin&low_stock_below=1000000000"
if [[ " $SCENARIOS " == *" analytics "* ]]; then
  echo "== rebuilding the sales rollup from the seeded orders"
  env "${SERVER_ENV[@]}" MARKETPLACE_DB_URL="$PG/$DB" "$JAVA" -jar "$JAR" rebuild-sales-rollup
  # As autovacuum would have by now: index-only scans need the visibility map.
  psql -q "$PG/$DB" -c "VACUUM (ANALYZE) orders, order_items"
fi
SELLER_TOKEN=$(login seller)
# Requests pick their product among the first --hot products (all of them by default), in the
# service's scenarios and in pgbench's alike.
PICK=${HOT:-$PRODUCTS}
"$JAVA" -cp "$JAR:bench/target/classes" dev.marketplace.bench.ScenarioSql "$WORK/sql" "$PICK" "$FIRST_BUYER" "$LAST_BUYER" \
  "$ANALYTICS_SELLER" "$ANALYTICS_QUERY"

export BENCH_PRODUCTS=$PICK BENCH_TOKEN=$TOKEN BENCH_SELLER_TOKEN=$SELLER_TOKEN
export BENCH_ANALYTICS_SELLER=$ANALYTICS_SELLER BENCH_ANALYTICS_QUERY=$ANALYTICS_QUERY

# One seller opening a report is a question of latency, not of throughput: the analytics scenario
# runs on one connection (and pgbench with one client), the others on --connections.
connections_for() { [ "$1" = analytics ] && echo 1 || echo "$CONNECTIONS"; }

# wrk against the service; prints "rps p50 p95 p99 errors".
service_run() {
  local scenario=$1 connections=$2
  cat "bench/lua/$scenario.lua" bench/lua/report.lua >"$WORK/$scenario.lua"
  wrk -t"$(( connections < 2 ? connections : 2 ))" -c"$connections" -d"${DURATION}s" --latency -s "$WORK/$scenario.lua" "$API" \
    | sed -n 's/^RESULT rps=\([^ ]*\) p50_ms=\([^ ]*\) p95_ms=\([^ ]*\) p99_ms=\([^ ]*\) errors=\([^ ]*\).*/\1 \2 \3 \4 \5/p'
}

# --warmup seconds of a scenario, unrecorded, before it is measured: the JIT needs about 20 s under
# load to settle, and each scenario exercises other code.
warm_up() {
  if [ "$WARMUP" -gt 0 ]; then DURATION=$WARMUP service_run "$@" >/dev/null; fi
}

# A fresh server's JIT compiles for a minute or more under load: C2's threads took as much CPU as
# the event loops for the first 80 s of orders on a busy machine. So before the first scenario
# each server runs the mixed workload, which takes every path, for --jit-warmup seconds.
warm_server() {
  if [ "$JIT_WARMUP" -gt 0 ]; then
    echo "== warming the JIT up: mixed, ${JIT_WARMUP} s"
    DURATION=$JIT_WARMUP service_run mixed "$CONNECTIONS" >/dev/null
  fi
}

# pgbench on the same SQL, same concurrency, prepared statements; prints transactions per second.
pgbench_run() {
  local clients=${PGBENCH_CLIENTS:-$CONNECTIONS}
  pgbench -n -M prepared -c "$clients" -j "$(( clients < 2 ? clients : 2 ))" -T "$DURATION" "$@" "${PGBENCH_DB:-$PG/$DB}" 2>/dev/null \
    | sed -n 's/^tps = \([0-9]*\).*/\1/p' | tail -n 1
}

# The order-limit reference: what PostgreSQL itself does with the least work an order needs (take
# the stock, write the order, its line and its first history row) on a lean schema with only the
# keys that work needs, in a database of its own with the same products. Prints tps.
order_limit_tps() {
  local db="${DB}_limit"
  psql -q "$PG/postgres" -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
  psql -q -v ON_ERROR_STOP=1 "$PG/$db" <<SQL
CREATE TABLE products (id BIGINT PRIMARY KEY, seller_id BIGINT NOT NULL, price NUMERIC(12, 2) NOT NULL,
                       inventory INTEGER NOT NULL CHECK (inventory >= 0));
CREATE TABLE orders (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, buyer_id BIGINT NOT NULL,
                     seller_id BIGINT NOT NULL, product_id BIGINT NOT NULL, quantity INTEGER NOT NULL,
                     unit_price NUMERIC(12, 2) NOT NULL, total_price NUMERIC(12, 2) NOT NULL,
                     status TEXT NOT NULL DEFAULT 'pending', created_at TIMESTAMPTZ NOT NULL DEFAULT now());
CREATE TABLE order_items (order_id BIGINT NOT NULL, product_id BIGINT NOT NULL, quantity INTEGER NOT NULL,
                          unit_price NUMERIC(12, 2) NOT NULL, line_total NUMERIC(12, 2) NOT NULL,
                          PRIMARY KEY (order_id, product_id));
CREATE TABLE order_tracking (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, order_id BIGINT NOT NULL,
                             status TEXT NOT NULL, created_at TIMESTAMPTZ NOT NULL DEFAULT now());
INSERT INTO products SELECT i, 2 + i % $SELLERS, round((1 + (i * 7919) % 50000 / 100.0)::numeric, 2), 1000000000
FROM generate_series(1::bigint, $PRODUCTS) i;
VACUUM ANALYZE products;
SQL
  cat >"$WORK/sql/order-limit.sql" <<SQL
\\set pid random(1, $PICK)
\\set bid random($FIRST_BUYER, $LAST_BUYER)
WITH p AS (UPDATE products SET inventory = inventory - 1 WHERE id = :pid AND inventory >= 1 RETURNING id, seller_id, price), o AS (INSERT INTO orders (buyer_id, seller_id, product_id, quantity, unit_price, total_price) SELECT :bid, seller_id, id, 1, price, price FROM p RETURNING id, product_id, quantity, unit_price, total_price, status), i AS (INSERT INTO order_items SELECT id, product_id, quantity, unit_price, total_price FROM o) INSERT INTO order_tracking (order_id, status) SELECT id, status FROM o;
SQL
  PGBENCH_DB="$PG/$db" pgbench_run -f "$WORK/sql/order-limit.sql"
}

# CPU time so far, in clock ticks, as "server postgres machine": the first server's process,
# PostgreSQL's processes, and every core of the machine busy (wrk, the kernel and the rest too).
cpu_ticks() {
  local server postgres=0 pid
  server=$(awk '{ print $14 + $15 }' "/proc/${SERVER_PIDS[0]}/stat")
  for pid in $(pgrep -x -u postgres postgres); do
    postgres=$(( postgres + $(awk '{ print $14 + $15 }' "/proc/$pid/stat" 2>/dev/null || echo 0) ))
  done
  echo "$server $postgres $(awk '$1 == "cpu" { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat)"
}

# cpu_per_request SCENARIO RPS BEFORE AFTER: a table row of CPU milliseconds per request, from two
# cpu_ticks readings around DURATION seconds of requests at RPS.
cpu_per_request() {
  local scenario=$1 rps=$2
  read -r s0 p0 m0 <<<"$3"
  read -r s1 p1 m1 <<<"$4"
  awk -v sc="$scenario" -v n="$(awk -v r="$rps" -v d="$DURATION" 'BEGIN { print r * d }')" -v hz="$(getconf CLK_TCK)" \
    -v s=$((s1 - s0)) -v p=$((p1 - p0)) -v m=$((m1 - m0)) -v d="$DURATION" \
    'BEGIN { if (n > 0) printf "| %s | %.3f | %.3f | %.3f | %.3f | %.2f |\n", sc, 1000 * s / hz / n, 1000 * p / hz / n,
             1000 * (m - s - p) / hz / n, 1000 * m / hz / n, m / hz / d }'
}

# measure SCENARIO CONNECTIONS: the scenario warmed up, then measured; prints wrk's figures
# ("rps p50 p95 p99 errors") on one line and the scenario's row of the CPU table on the next.
measure() {
  local ticks rps p50 p95 p99 errors
  warm_up "$@"
  ticks=$(cpu_ticks)
  read -r rps p50 p95 p99 errors < <(service_run "$@")
  echo "$rps $p50 $p95 $p99 $errors"
  cpu_per_request "$1" "$rps" "$ticks" "$(cpu_ticks)"
}

# cpu_table ROWS: the CPU table of some rows from measure.
cpu_table() {
  echo "| scenario | server ms | PostgreSQL ms | rest ms | total ms | cores busy |"
  echo "|---|---|---|---|---|---|"
  printf '%s' "$1"
}

# Updates of the tables an order writes stock to, and how many of them were HOT (no index
# touched), as "table updates hot" lines, from PostgreSQL's statistics.
table_updates() {
  sleep 1 # statistics reach pg_stat_user_tables up to a second after a transaction ends
  psql -Atq -F' ' "$PG/$DB" -c "SELECT relname, n_tup_upd, n_tup_hot_upd FROM pg_stat_user_tables
    WHERE relname IN ('products', 'product_stock') ORDER BY relname"
}

ONLY=$([ "$SCENARIOS" != "$ALL_SCENARIOS" ] && echo yes || true)
STAMP=$(date -u +%Y-%m-%dT%H-%M-%SZ)
mkdir -p "$RESULTS"
LOW_CONNECTIONS=$(( CONNECTIONS / 8 > 0 ? CONNECTIONS / 8 : 1 ))
COMMAND="bench/run.sh --products $PRODUCTS --users $USERS --orders $ORDERS --duration $DURATION --warmup $WARMUP --jit-warmup $JIT_WARMUP --connections $CONNECTIONS${HOT:+ --hot $HOT}${BASELINE:+ --baseline $BASELINE}${ONLY:+ --scenarios \"$SCENARIOS\"}"

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
      local connections; connections=$(connections_for "$scenario")
      DURATION=$(( DURATION / 4 > 1 ? DURATION / 4 : 1 )) service_run "$scenario" "$connections" >/dev/null
      read -r rps p50 p95 p99 errors < <(service_run "$scenario" "$connections")
      echo "$scenario,$connections,$rps,$p50,$p95,$p99,$errors"
    done
    if [[ " $SCENARIOS " == *" mixed "* ]]; then
      echo "== $1: mixed at lower load" >&2
      read -r rps p50 p95 p99 errors < <(service_run mixed "$LOW_CONNECTIONS")
      echo "mixed,$LOW_CONNECTIONS,$rps,$p50,$p95,$p99,$errors"
    fi
  }
  SCENARIOS=$(echo " $SCENARIOS " | sed 's/ order-limit / /')
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

if [ "$REPLICAS" -gt 0 ]; then
  # The same reads against the primary alone, then with the replicas serving them, in one run.
  CSV="$RESULTS/$STAMP-replicas.csv"
  MD="$RESULTS/$STAMP-replicas.md"
  # products_scans PORT: index and sequential scans of products the server on PORT has counted.
  products_scans() {
    psql -Atq "postgresql://postgres@127.0.0.1:$1/$DB" -c "SELECT coalesce(seq_scan, 0) + coalesce(idx_scan, 0)
      FROM pg_stat_user_tables WHERE relname = 'products'"
  }
  scans_everywhere() { for i in $(seq 0 "$REPLICAS"); do products_scans $((PORT + 10 + i)); done | paste -sd' '; }
  run_reads() {
    for scenario in $SCENARIOS; do
      echo "== $1: $scenario" >&2
      { read -r rps p50 p95 p99 errors; read -r cpu_row; } < <(measure "$scenario" "$CONNECTIONS")
      echo "$scenario,$rps,$p50,$p99,$errors,$(echo "$cpu_row" | awk -F'|' '{ gsub(/ /, "", $7); print $7 }')"
    done
  }
  warm_server
  ALONE=$(run_reads primary)
  stop_servers
  READ_HOSTS=
  for i in $(seq 1 "$REPLICAS"); do
    echo "== replica $i: pg_basebackup -R from the primary"
    pg_tool pg_basebackup -h 127.0.0.1 -p $((PORT + 10)) -U postgres -D "$WORK/pg/replica$i" -R -X stream --checkpoint=fast --no-sync
    start_bench_node "replica$i" $((PORT + 10 + i))
    READ_HOSTS+="${READ_HOSTS:+,}127.0.0.1:$((PORT + 10 + i))"
  done
  start_server server 384m MARKETPLACE_DB_READ_URL="postgresql://postgres@$READ_HOSTS/$DB"
  wait_ready
  for _ in $(seq 1 60); do grep -q "serves reads" "$WORK/server.log" && break; sleep 1; done
  warm_server
  sleep 11 # sessions tell their statistics when idle, within ten seconds
  BEFORE=$(scans_everywhere)
  WITH=$(run_reads "with $REPLICAS replica(s)")
  sleep 11
  AFTER=$(scans_everywhere)
  SHARE=$(paste -d' ' <(echo "$BEFORE" | tr ' ' '\n') <(echo "$AFTER" | tr ' ' '\n') | awk '
    { d[NR] = $2 - $1; total += $2 - $1 }
    END { printf "primary %.1f%%", (total > 0 ? 100 * d[1] / total : 0);
          for (i = 2; i <= NR; i++) printf ", replica %d %.1f%%", i - 1, (total > 0 ? 100 * d[i] / total : 0) }')
  echo "scenario,alone_rps,alone_p50_ms,alone_p99_ms,alone_errors,alone_cores_busy,replicas_rps,replicas_p50_ms,replicas_p99_ms,replicas_errors,replicas_cores_busy" >"$CSV"
  paste -d, <(echo "$ALONE") <(echo "$WITH" | cut -d, -f2-) | tee -a "$CSV"
  {
    echo "# Benchmark $STAMP: catalog reads from the primary alone, then from $REPLICAS replica(s)"
    echo
    echo "\`$COMMAND --replicas $REPLICAS\`"
    echo "on $(nproc) cores; the server, a PostgreSQL primary and its $REPLICAS streaming replica(s) (made by the"
    echo "bench with pg_basebackup -R), and wrk, all on the same machine. The edge's cache is off, so that"
    echo "every read reaches a database: first the primary alone, then MARKETPLACE_DB_READ_URL names the"
    echo "replicas, with a fresh server warmed up the same way."
    echo
    echo "| scenario | primary alone req/s | p50 ms | p99 ms | cores busy | with replicas req/s | p50 ms | p99 ms | cores busy | errors alone / with |"
    echo "|---|---|---|---|---|---|---|---|---|---|"
    tail -n +2 "$CSV" | awk -F, '{ printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s / %s |\n", $1, $2, $3, $4, $6, $7, $8, $9, $11, $5, $10 }'
    echo
    echo "Scans of products during the measured reads with replicas, by server (their own statistics): $SHARE."
  } >"$MD"
  cat "$MD"
  exit 0
fi

CSV="$RESULTS/$STAMP.csv"
MD="$RESULTS/$STAMP.md"
echo "scenario,service_rps,service_p50_ms,service_p95_ms,service_p99_ms,service_errors,pgbench_tps,ratio" >"$CSV"
UPDATES=
CPU_ROWS=
warm_server
for scenario in $SCENARIOS; do
  echo "== $scenario"
  connections=$(connections_for "$scenario")
  if [ "$scenario" = order-limit ]; then
    tps=$(order_limit_tps)
    echo "$scenario,,,,,,$tps," | tee -a "$CSV"
    continue
  fi
  [ "$scenario" = order ] && before=$(table_updates)
  { read -r rps p50 p95 p99 errors; read -r cpu_row; } < <(measure "$scenario" "$connections")
  CPU_ROWS+="$cpu_row"$'\n'
  if [ "$scenario" = order ]; then
    UPDATES=$(join <(echo "$before") <(table_updates) | awk '{ printf "%s%s: %d updates, %d of them HOT", (NR > 1 ? "; " : ""), $1, $4 - $2, $5 - $3 }')
  fi
  if [ "$scenario" = mixed ]; then
    tps=$(pgbench_run -f "$WORK/sql/detail.sql@60" -f "$WORK/sql/browse.sql@20" -f "$WORK/sql/search.sql@15" -f "$WORK/sql/order.sql@5")
  else
    tps=$(PGBENCH_CLIENTS=$connections pgbench_run -f "$WORK/sql/$scenario.sql")
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

SERVER_RSS=$(peak_rss server | sed 's/^server //')

# The baseline jar on the same scenarios (those with a service side), on its own copy of the data.
BASE_CSV=
BASE_CPU_ROWS=
if [ -n "$BASE_JAR" ]; then
  stop_servers
  SERVER_JAR=$BASE_JAR SERVER_DB="${DB}_baseline"
  prepare
  export BENCH_TOKEN; BENCH_TOKEN=$(login buyer)
  warm_server
  for scenario in $SCENARIOS; do
    case "$scenario" in order-limit|analytics) continue ;; esac
    echo "== baseline: $scenario"
    { read -r rps p50 p95 p99 errors; read -r cpu_row; } < <(measure "$scenario" "$(connections_for "$scenario")")
    BASE_CPU_ROWS+="$cpu_row"$'\n'
    BASE_CSV+="$scenario,$rps,$p50,$p99,$errors"$'\n'
  done
  BASE_RSS=$(peak_rss server | sed 's/^server //')
  echo "scenario,baseline_rps,baseline_p50_ms,baseline_p99_ms,baseline_errors" >"${CSV%.csv}-baseline.csv"
  printf '%s' "$BASE_CSV" >>"${CSV%.csv}-baseline.csv"
fi

# field SCENARIO COLUMN: one figure of the results.
field() { awk -F, -v s="$1" -v c="$2" '$1 == s { print $c }' "$CSV"; }

{
  echo "# Benchmark $STAMP"
  echo
  echo "\`$COMMAND\`"
  if [ -n "${BENCH_JVM_FLAGS:-}" ]; then echo "with BENCH_JVM_FLAGS=\"$BENCH_JVM_FLAGS\""; fi
  settings=$(env | grep -E '^(MARKETPLACE|OTEL)_' | sort | tr '\n' ' ' || true)
  if [ -n "$settings" ]; then echo "with the servers' settings $settings"; fi
  echo "on $(nproc) cores; server and PostgreSQL on the same machine; wrk and pgbench over loopback."
  echo "Each server first ran the mixed workload for ${JIT_WARMUP} s, then each scenario ${WARMUP} s, unrecorded;"
  echo "requests picked among the first $PICK products."
  echo
  echo "| scenario | service req/s | p50 ms | p95 ms | p99 ms | errors | pgbench tps (same SQL) | ratio |"
  echo "|---|---|---|---|---|---|---|---|"
  tail -n +2 "$CSV" | awk -F, '{ printf "| %s | %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7, $8 }'
  echo
  if [ -n "$(field order 2)" ] && [ -n "$(field order-limit 7)" ]; then
    echo "Orders against the order-limit reference: $(field order 2) req/s over $(field order-limit 7) tps =" \
      "$(awk -v a="$(field order 2)" -v b="$(field order-limit 7)" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')."
    echo
  fi
  if [ -n "$UPDATES" ]; then echo "Row updates during the order scenario: $UPDATES."; echo; fi
  echo "CPU per request while each scenario was measured, in milliseconds: the server's process, PostgreSQL's"
  echo "processes, the rest of the machine (wrk, the kernel), all of it; and how many of the $(nproc) cores were busy."
  echo
  cpu_table "$CPU_ROWS"
  echo
  printf '%s' "$LOW_LOAD"
  echo "Server peak RSS: $SERVER_RSS."
  if [ -n "$BASE_JAR" ]; then
    echo
    echo "Baseline: the jar of \`$BASELINE\` ($(git rev-parse --short "$BASELINE")), same scenarios, same run; peak RSS $BASE_RSS."
    echo
    echo "| scenario | baseline req/s | baseline p50 ms | baseline p99 ms | errors | this jar req/s | this jar / baseline |"
    echo "|---|---|---|---|---|---|---|"
    printf '%s' "$BASE_CSV" | while IFS=, read -r scenario rps p50 p99 errors; do
      now=$(field "$scenario" 2)
      echo "| $scenario | $rps | $p50 | $p99 | $errors | $now | $(awk -v a="$now" -v b="$rps" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }') |"
    done
    echo
    echo "The baseline's CPU per request, as above:"
    echo
    cpu_table "$BASE_CPU_ROWS"
  fi
} >"$MD"
cat "$MD"
