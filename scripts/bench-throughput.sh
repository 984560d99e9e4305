#!/usr/bin/env bash
# Throughput on the user path (issue 24): `pitwall run` of an open-loop, non-streaming suite as a
# user runs it, against a fast local server in its own process (nginx, one worker, canned answers),
# beside wrk against the same server in the same minute; the in-process HarnessCeiling figure
# (scripts/bench-harness.sh) follows as a second line.
#
#   scripts/bench-throughput.sh            # the table (about 2 minutes)
#   PITWALL_JAVA_OPTS='-XX:StartFlightRecording=...' scripts/bench-throughput.sh   # experiments
#   SKIP_CEILING=1 scripts/bench-throughput.sh   # without the HarnessCeiling line
#   FLOOR=1 scripts/bench-throughput.sh          # also the floor: 64 threads of blocking sockets
#   CONCURRENCY=64 scripts/bench-throughput.sh   # the pitwall run's calls in flight (default 8)
#
# The pitwall run: java -jar with the flags of .mvn/jvm.config, src/bench/throughput/suite.yaml
# (offered 100,000 calls/s, CONCURRENCY in flight; iterations of 5 s of schedule, a warm-up one
# then the measured one, each lasting as long as its 500,000 calls take), requests.csv on, on a
# pseudo-terminal as a user's console is. Achieved rate = measured calls / (last t_done - first
# t_send) of the measured iteration's rows in requests.csv. wrk runs twice: at 64 connections, its
# best here, and at the pitwall run's CONCURRENCY.
#
# Why 8 in flight: pitwall makes each call on a thread of its own, and a thread that is not waiting
# for the server competes for the CPU with the server's one worker on this two-core machine. Against
# a server that answers in 0.1 ms, 8 calls in flight keep it busy; 64 threads take CPU from it.
# Needs nginx, wrk, python3 and `script` (util-linux). Loopback only; ports BENCH_PORT (28800).
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${BENCH_PORT:-28800}
CONCURRENCY=${CONCURRENCY:-8}
JVM_FLAGS=$(tr '\n' ' ' < .mvn/jvm.config)
NGINX=${NGINX:-$(command -v nginx || echo /usr/sbin/nginx)}
for tool in "$NGINX" wrk python3 script; do
  command -v "$tool" >/dev/null || { echo "bench-throughput: $tool is needed" >&2; exit 2; }
done

OUT=$(mktemp -d /tmp/pitwall-throughput.XXXXXX)
# -Pbench: HarnessCeiling and the floor live in src/bench, compiled (as test sources) only with it.
mvn -B -q -Pbench package dependency:build-classpath -DskipTests -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench.classpath >"$OUT/build.log" 2>&1 || {
  tail -n 40 "$OUT/build.log"; echo "bench-throughput: the build failed" >&2; exit 1; }
JAR=$(ls target/pitwall-*.jar | grep -v original | head -n 1)
CP="target/test-classes:target/classes:$(cat target/bench.classpath)"

# nginx: one worker (the client needs the other core), no logs, canned JSON for the catalog pitwall
# reads before the first call (GET /models; /key answers 404: a server without keys) and for every
# chat completion. `return` answers any method, POST included.
B=src/bench/throughput
cat >"$OUT/nginx.conf" <<EOF
worker_processes 1;
pid $OUT/nginx.pid;
error_log $OUT/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $OUT/body;
  proxy_temp_path $OUT/proxy;
  fastcgi_temp_path $OUT/fastcgi;
  uwsgi_temp_path $OUT/uwsgi;
  scgi_temp_path $OUT/scgi;
  keepalive_requests 1000000;
  server {
    listen 127.0.0.1:$PORT;
    location = /api/v1/models { default_type application/json; return 200 '$(tr -d '\n' <$B/models.json)'; }
    location = /api/v1/chat/completions { default_type application/json; return 200 '$(tr -d '\n' <$B/completion.json)'; }
    location / { return 404; }
  }
}
EOF
"$NGINX" -p "$OUT" -c "$OUT/nginx.conf" -g 'daemon off;' 2>"$OUT/nginx.log" &
SERVER=$!
cleanup() { kill -TERM "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; }
trap cleanup EXIT
URL="http://127.0.0.1:$PORT/api/v1"
for _ in $(seq 50); do curl -fsS -o /dev/null "$URL/models" 2>/dev/null && break; sleep 0.1; done
curl -fsS -o /dev/null "$URL/models" || { cat "$OUT/nginx.log" "$OUT/nginx-error.log"; exit 1; }

BODY='{"model":"noop/model","messages":[{"role":"user","content":"ping"}],"max_tokens":1,"temperature":0,"stream":false}'
printf 'wrk.method = "POST"\nwrk.body = [[%s]]\nwrk.headers["Content-Type"] = "application/json"\n' \
  "$BODY" >"$OUT/post.lua"
wrk_rate() { # connections -> requests/s
  echo "== wrk: 2 threads, $1 connections, 10 s" >&2
  wrk -t2 -c"$1" -d10s -s "$OUT/post.lua" "$URL/chat/completions" >"$OUT/wrk-$1.log"
  grep -E 'Requests/sec|Non-2xx|Socket errors' "$OUT/wrk-$1.log" >&2 || true
  if grep -q 'Non-2xx' "$OUT/wrk-$1.log"; then echo "wrk got errors" >&2; exit 1; fi
  awk '/Requests\/sec/{print $2}' "$OUT/wrk-$1.log"
}
WRK=$(wrk_rate 64)
if [ "$CONCURRENCY" = 64 ]; then WRK_SAME=$WRK; else WRK_SAME=$(wrk_rate "$CONCURRENCY"); fi

echo "== pitwall run: $B/suite.yaml"
PITWALL=(java $JVM_FLAGS ${PITWALL_JAVA_OPTS:-} -jar "$JAR" run "$B/suite.yaml"
  --target "$URL" --results "$OUT/results" -Dconcurrency="$CONCURRENCY")
# On a pseudo-terminal, as users run it (the console progress is on).
script -qec "${PITWALL[*]}" /dev/null >"$OUT/pitwall.log" 2>&1 || {
  tail -n 30 "$OUT/pitwall.log"; echo "pitwall run failed" >&2; exit 1; }
RUN_DIR=$(tr -d '\r' <"$OUT/pitwall.log" | sed -n 's/^results: //p')
[ -f "$RUN_DIR/requests.csv" ] || { tail -n 30 "$OUT/pitwall.log"; exit 1; }
RATE=$(sed -n 's/^load:.*rate: *\([0-9]*\).*/\1/p' "$B/suite.yaml")
read -r CALLS OK ACHIEVED < <(python3 - "$RUN_DIR/requests.csv" <<'PY'
import csv, sys
rows = [r for r in csv.DictReader(open(sys.argv[1])) if r["phase"] == "MEASUREMENT"]
sent = [float(r["t_send_ms"]) for r in rows if r["t_send_ms"]]
done = [float(r["t_done_ms"]) for r in rows if r["t_done_ms"]]
ok = sum(r["outcome"] == "OK" for r in rows)
print(len(rows), ok, len(rows) / ((max(done) - min(sent)) / 1000))
PY
)
[ "$OK" = "$CALLS" ] || { echo "pitwall: $((CALLS - OK)) of $CALLS measured calls failed" >&2; exit 1; }

CEILING="skipped"
if [ -z "${SKIP_CEILING:-}" ]; then
  echo "== HarnessCeiling: in process, no-op Netty server, 200,000 calls offered at 50,000/s"
  CEILING=$(java $JVM_FLAGS -Xmx512m -cp "$CP" dev.pitwall.bench.HarnessCeiling noop 50000 200000 \
    | grep -v '^server ' | tee "$OUT/ceiling.log" | awk '{for(i=1;i<=NF;i++) if($i=="achieved") print $(i+1)}')
fi
FLOOR_RATE=""
if [ -n "${FLOOR:-}" ]; then
  echo "== floor: 64 threads, blocking keep-alive sockets, 10 s"
  FLOOR_RATE=$(java $JVM_FLAGS -cp "$CP" dev.pitwall.bench.SocketFloor 127.0.0.1 "$PORT" 64 10 \
    | awk '/calls\/s/{print $1}')
fi

echo
printf '%-44s %12s\n' "what" "calls/s"
printf '%-44s %12.0f\n' "wrk -t2 -c64, same nginx" "$WRK"
[ "$CONCURRENCY" = 64 ] || printf '%-44s %12.0f\n' "wrk -t2 -c$CONCURRENCY, same nginx" "$WRK_SAME"
printf '%-44s %12s\n' "pitwall run: offered" "$RATE"
printf '%-44s %12.0f   (%d calls, %.2fx wrk -c64, %.2fx wrk -c%d)\n' \
  "pitwall run, $CONCURRENCY in flight: achieved" "$ACHIEVED" "$CALLS" \
  "$(python3 -c "print($ACHIEVED / $WRK)")" "$(python3 -c "print($ACHIEVED / $WRK_SAME)")" \
  "$CONCURRENCY"
[ -n "$FLOOR_RATE" ] && printf '%-44s %12.0f   (%.2fx wrk)\n' "floor: 64 blocking-socket threads" \
  "$FLOOR_RATE" "$(python3 -c "print($FLOOR_RATE / $WRK)")"
printf '%-44s %12s\n' "HarnessCeiling (in process, Netty no-op)" "${CEILING%/s}"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores; files in $OUT"
