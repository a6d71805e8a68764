#!/usr/bin/env bash
# What tracing costs: bench/run.sh three times in a row with the same arguments, first with no
# OTEL_* variable (no SDK), then exporting every trace (sampler ratio 1.0) and one in ten (0.1) over
# OTLP/HTTP to a collector stand-in on this machine that accepts and drops what it is sent.
# Usage: bench/tracing.sh [bench/run.sh options], e.g.
#   machine-quiet bench/tracing.sh --products 10000 --users 1000 --orders 20000 --duration 10 \
#     --jit-warmup 20 --warmup 3 --scenarios "detail order"
set -euo pipefail
cd "$(dirname "$0")/.."

SINK_PORT=${SINK_PORT:-14318}
python3 - "$SINK_PORT" <<'PY' &
import http.server, sys

class Sink(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        self.rfile.read(int(self.headers.get("content-length", 0)))
        self.send_response(200)
        self.send_header("content-type", "application/x-protobuf")
        self.send_header("content-length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass

http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Sink).serve_forever()
PY
SINK=$!
trap 'kill $SINK' EXIT

bench/run.sh "$@"
for ratio in 1.0 0.1; do
  OTEL_TRACES_EXPORTER=otlp OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf \
    OTEL_EXPORTER_OTLP_ENDPOINT="http://127.0.0.1:$SINK_PORT" \
    OTEL_TRACES_SAMPLER=parentbased_traceidratio OTEL_TRACES_SAMPLER_ARG=$ratio \
    bench/run.sh --no-build "$@"
done
