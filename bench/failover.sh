#!/usr/bin/env bash
# A failover as an operator sees it: a PostgreSQL primary, a synchronous standby and an asynchronous
# replica of the bench's own, the server given both URLs, buyers placing orders (and anonymous
# catalog reads) at a steady rate, the primary stopped with -m immediate, the standby promoted
# --promote-after seconds later, as an HA manager would. Then every acknowledged order is looked
# for on the new primary, every refused one retried with its Idempotency-Key, and the stock counted.
# Usage: bench/failover.sh [--port P] [--promote-after S] [--no-build]
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=28080
PROMOTE_AFTER=2
BUILD=yes
while [ $# -gt 0 ]; do
  case "$1" in
    --port) PORT=$2; shift 2 ;;
    --promote-after) PROMOTE_AFTER=$2; shift 2 ;;
    --no-build) BUILD=no; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

. bin/jdk.sh
use_java_21_or_newer
if [ "$BUILD" = yes ]; then ./mvnw -B -q package -DskipTests; fi
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
PG_AS=()
[ "$(id -u)" = 0 ] && PG_AS=(runuser -u postgres --)
pg_tool() { "${PG_AS[@]}" "$PG_BIN/$1" "${@:2}"; }
PRIMARY=$((PORT + 10)) STANDBY=$((PORT + 11)) REPLICA=$((PORT + 12))
WORK=$(mktemp -d)
chmod o+x "$WORK"
mkdir "$WORK/pg"
[ "$(id -u)" = 0 ] && chown postgres: "$WORK/pg"
SERVER=
cleanup() {
  [ -n "$SERVER" ] && { kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; }
  for node in primary standby replica; do
    pg_tool pg_ctl stop -D "$WORK/pg/$node" -m immediate >/dev/null 2>&1 || true
  done
  rm -rf "$WORK"
}
trap cleanup EXIT
start_node() {
  pg_tool pg_ctl start -D "$WORK/pg/$1" -l "$WORK/pg/$1.log" -w -t 60 >/dev/null \
    -o "-c port=$2 -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c cluster_name=$1"
}
sql() { psql -Atq "postgresql://postgres@127.0.0.1:$1/$2" -c "$3"; }

echo "== a primary, a synchronous standby and an asynchronous replica (PostgreSQL in $PG_BIN)"
pg_tool initdb -A trust -U postgres -E UTF-8 --no-sync -D "$WORK/pg/primary" >/dev/null
start_node primary $PRIMARY
sql $PRIMARY postgres "CREATE DATABASE marketplace"
for node in standby:$STANDBY replica:$REPLICA; do
  pg_tool pg_basebackup -h 127.0.0.1 -p $PRIMARY -U postgres -D "$WORK/pg/${node%%:*}" -R -X stream \
    --checkpoint=fast --no-sync
  start_node "${node%%:*}" "${node##*:}"
done
# After the copies: a promoted standby must not wait for a standby of its own.
sql $PRIMARY postgres "ALTER SYSTEM SET synchronous_standby_names = 'standby'" >/dev/null
sql $PRIMARY postgres "SELECT pg_reload_conf()" >/dev/null
sleep 1
echo "replication: $(sql $PRIMARY postgres "SELECT string_agg(application_name || ' ' || sync_state, ', ') FROM pg_stat_replication")"

MARKETPLACE_DB_URL="postgresql://postgres@127.0.0.1:$PRIMARY,127.0.0.1:$STANDBY/marketplace" \
  MARKETPLACE_DB_READ_URL="postgresql://postgres@127.0.0.1:$REPLICA/marketplace" \
  MARKETPLACE_HTTP_PORT=$PORT MARKETPLACE_SANDBOX_PORT=$((PORT + 1)) MARKETPLACE_DATA_DIR="$WORK/data" \
  "$JAVA_HOME/bin/java" -jar app/target/marketplace.jar >"$WORK/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 90); do curl -sf "localhost:$PORT/health/ready" >/dev/null && break; sleep 1; done
API="localhost:$PORT/api"
JSON='content-type: application/json'
token() {
  curl -sSf -H "$JSON" "$API/$1s/register" \
    -d "{\"name\":\"Failover $1\",\"email\":\"failover-$1@example.com\",\"password\":\"failover-password\"}" >/dev/null
  curl -sSf -H "$JSON" "$API/$1s/login" -d "{\"email\":\"failover-$1@example.com\",\"password\":\"failover-password\"}" \
    | sed 's/.*"access_token":"\([^"]*\)".*/\1/'
}
SELLER=$(token seller)
BUYER=$(token buyer)
PRODUCT=$(curl -sSf -H "$JSON" -H "authorization: Bearer $SELLER" "$API/sellers/products" \
  -d '{"name":"Spare fuse","category":"Home","description":"A fuse","price":3.00,"inventory":100000}' \
  | sed 's/.*"id":\([0-9]*\).*/\1/')
ORDER="{\"product_id\":$PRODUCT,\"quantity\":1}"

# Four buyers ordering one after the other, about 50 orders a second in all, and a reader.
buyer() {
  local n=0 status
  while [ ! -f "$WORK/stop" ]; do
    n=$((n + 1))
    status=$(curl -s -m 10 -o "$WORK/body.$1" -w '%{http_code}' -H "$JSON" -H "authorization: Bearer $BUYER" \
      -H "Idempotency-Key: buyer$1-$n" "$API/buyers/orders" -d "$ORDER")
    echo "$(date +%s.%N) buyer$1-$n $status $(sed -n 's/^{"id":\([0-9]*\).*/\1/p' "$WORK/body.$1")" >>"$WORK/orders"
    sleep 0.05
  done
}
reader() {
  while [ ! -f "$WORK/stop" ]; do
    echo "$(date +%s.%N) $(curl -s -m 10 -o /dev/null -w '%{http_code}' "$API/buyers/products?category=Home")" >>"$WORK/reads"
    sleep 0.05
  done
}
: >"$WORK/orders"
: >"$WORK/reads"
LOAD=()
for b in 1 2 3 4; do buyer $b & LOAD+=($!); done
reader & LOAD+=($!)
sleep 4
echo "== pg_ctl stop -m immediate on the primary"
KILLED=$(date +%s.%N)
pg_tool pg_ctl stop -D "$WORK/pg/primary" -m immediate -w >/dev/null
sleep "$PROMOTE_AFTER"
echo "== pg_ctl promote on the standby"
pg_tool pg_ctl promote -D "$WORK/pg/standby" -w >/dev/null
PROMOTED=$(date +%s.%N)
sleep 6
touch "$WORK/stop"
wait "${LOAD[@]}"

echo "order answers: $(awk '{ print $3 }' "$WORK/orders" | sort | uniq -c | awk '{ printf "%s%s x %s", (NR > 1 ? ", " : ""), $1, $2 }')"
echo "read answers: $(awk '{ print $2 }' "$WORK/reads" | sort | uniq -c | awk '{ printf "%s%s x %s", (NR > 1 ? ", " : ""), $1, $2 }')"
awk -v k="$KILLED" -v p="$PROMOTED" '
  $1 < k && $3 == 201 { last = $1 }
  $1 > p && $3 == 201 && !first { first = $1 }
  END { printf "last 201 %.3f s before the kill; first 201 %.3f s after the promotion; orders refused for %.2f s in all, %.3f s of them after the promotion\n", k - last, first - p, first - k, first - p }' "$WORK/orders"
ACKNOWLEDGED=$(awk '$3 == 201 { print $4 }' "$WORK/orders" | paste -sd,)
echo "acknowledged orders: $(awk '$3 == 201' "$WORK/orders" | wc -l), found on the promoted standby: $(sql $STANDBY marketplace "SELECT count(*) FROM orders WHERE id IN ($ACKNOWLEDGED)")"
awk '$3 != 201 { print $2 }' "$WORK/orders" | while read -r key; do
  curl -s -o /dev/null -w '%{http_code}\n' -H "$JSON" -H "authorization: Bearer $BUYER" -H "Idempotency-Key: $key" \
    "$API/buyers/orders" -d "$ORDER"
done | sort | uniq -c | awk '{ printf "refused orders retried with their key: %s x %s\n", $1, $2 }'
STORED=$(sql $STANDBY marketplace "SELECT count(*) FROM orders WHERE product_id = $PRODUCT")
echo "orders sent: $(wc -l <"$WORK/orders"), orders in the database: $STORED"
STOCK_AND_ORDERED=$(sql $STANDBY marketplace "SELECT s.inventory + o.units FROM product_stock s,
  LATERAL (SELECT sum(quantity) AS units FROM order_items WHERE product_id = $PRODUCT) o WHERE s.product_id = $PRODUCT")
echo "stock plus units ordered: $STOCK_AND_ORDERED (100000 at the start)"
echo "the server's log of it:"
grep -E "DatabaseOutageLog|PrimaryLocator|ReadReplicas|ERROR" "$WORK/server.log" | cut -c1-240
