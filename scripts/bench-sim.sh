#!/usr/bin/env bash
# Benchmarks the simulator with load generators that are not pitwall's client:
#   1. wrk (Debian package) for small non-streaming requests/s;
#   2. StreamLoad (raw NIO, test scope) for concurrent SSE streams and token timing.
# Usage: scripts/bench-sim.sh [seconds]   (default 10 s per step; needs `apt-get install -y wrk`)
# The server runs in its own JVM with src/test/resources/dev/pitwall/sim/bench/bench-profile.yaml.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_STEP="${1:-10}"
PORT="${BENCH_PORT:-18765}"
# Token events of the first seconds of each streaming step are not recorded: the JIT is still
# compiling and all streams start in the same instant. BENCH_WARMUP=0 records them too.
WARMUP="${BENCH_WARMUP:-3}"

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
mvn -B -q -o test-compile
mvn -B -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-cp.txt
CP="target/test-classes:target/classes:$(cat target/bench-cp.txt)"

java -Xms256m -Xmx512m -cp "$CP" dev.pitwall.sim.bench.BenchServer "$PORT" 2 > target/bench-server.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do grep -q ready target/bench-server.log 2>/dev/null && break; sleep 0.1; done

cat > target/bench-post.lua <<'LUA'
wrk.method = "POST"
wrk.body = '{"model":"bench/instant","max_tokens":16,"messages":[{"role":"user","content":"hi"}]}'
wrk.headers["Content-Type"] = "application/json"
LUA
URL="http://127.0.0.1:$PORT/api/v1/chat/completions"
echo "== warm-up"
wrk -t2 -c32 -d5s -s target/bench-post.lua "$URL" > /dev/null
echo "== non-streaming, wrk -t2 -c64 -d${SECONDS_PER_STEP}s"
wrk -t2 -c64 -d"${SECONDS_PER_STEP}s" --latency -s target/bench-post.lua "$URL"

for C in 200 1000; do
  echo "== streaming, $C concurrent streams (100 tokens at 50/s each), ${WARMUP}s warm-up + ${SECONDS_PER_STEP}s"
  read -r U0 S0 < <(awk '{print $14, $15}' "/proc/$SERVER/stat")
  java -Xmx256m -cp "$CP" dev.pitwall.sim.bench.StreamLoad "$PORT" "$C" "$SECONDS_PER_STEP" "$WARMUP"
  read -r U1 S1 < <(awk '{print $14, $15}' "/proc/$SERVER/stat")
  TCK=$(getconf CLK_TCK)
  echo "server CPU during the step (warm-up included): user $(( (U1 - U0) * 1000 / TCK )) ms," \
    "system $(( (S1 - S0) * 1000 / TCK )) ms"
done
