#!/usr/bin/env bash
# The harness's own ceiling (issue 7): pitwall's runner + client + requests.csv writer in open loop
# against loopback servers that answer at once, and wrk against the same server for the ratio.
#
#   scripts/bench-harness.sh                # the default table (takes ~5 minutes)
#   scripts/bench-harness.sh noop 20000 200000   # one run: TARGET (noop|sim) RATE CALLS [flags]
#   flags: --warmup (one unscored iteration first), --no-csv, --keep-csv (print its path),
#          --concurrency=N (calls in flight, default 64), --model=ID (for a URL target)
#
# Prints one line per run: offered and achieved rate, dispatch delay (t_send - t_sched) p50/p99/p99.9,
# e2e p50/p99, heap in use after a full GC before and after the run. Needs wrk for the ratio
# (Debian: apt-get install wrk); without it that part is skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
# -Pbench: the benchmark programs live in src/bench, compiled (as test sources) only with it.
mvn -B -q -Pbench test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench.classpath >/dev/null
CP="target/test-classes:target/classes:$(cat target/bench.classpath)"
# The collector flags of .mvn/jvm.config (what `mvn exec:java` runs with): see docs/performance.md.
JAVA_OPTS=${JAVA_OPTS:--Xmx512m -XX:+UseParallelGC -XX:MaxTenuringThreshold=0}
run() { java $JAVA_OPTS -cp "$CP" dev.pitwall.bench.HarnessCeiling "$@" | grep -v '^server '; }

if [ $# -gt 0 ]; then run "$@"; exit; fi

# A TimerFloor probe follows each: the machine's own wake-up lateness in the next 30 s. Not beside
# it: a second JVM waking every millisecond, in step with the calls, raised the dispatch p99 against
# the simulator from 0.17-0.50 ms to 0.49-1.6 ms (docs/performance.md).
floor() { java -Xmx64m -cp "$CP" dev.pitwall.bench.TimerFloor 30; }
echo "## dispatch delay at 1,000 req/s (30 s warm-up, then 30 s measured), then the timer floor"
run noop 1000 30000 --warmup; floor
run sim 1000 30000 --warmup; floor
echo "## ceiling: offered far above what 2 cores can send"
run noop 50000 200000
run sim 50000 200000
echo "## heap after 100,000 and 1,000,000 calls (must not grow with calls)"
run noop 20000 100000
run noop 20000 1000000

if command -v wrk >/dev/null 2>&1; then
  echo "## wrk (C load generator) against the same no-op server, 2 threads, 32 connections, 10 s"
  body='{"model":"noop/model","messages":[{"role":"user","content":"ping"}],"max_tokens":1,"stream":false}'
  lua=$(mktemp --suffix=.lua)
  printf 'wrk.method = "POST"\nwrk.body = [[%s]]\nwrk.headers["Content-Type"] = "application/json"\n' "$body" >"$lua"
  fifo=$(mktemp -u); mkfifo "$fifo"
  java $JAVA_OPTS -cp "$CP" dev.pitwall.bench.HarnessCeiling noop 1 1 --hold <"$fifo" >"$fifo.out" &
  exec 3>"$fifo"
  for _ in $(seq 50); do grep -q '^server ' "$fifo.out" 2>/dev/null && break; sleep 0.2; done
  url=$(awk '/^server /{print $2}' "$fifo.out")
  wrk -t2 -c32 -d10s -s "$lua" "$url/chat/completions" | grep -E 'Requests/sec|Latency'
  exec 3>&-
  wait || true
  rm -f "$lua" "$fifo" "$fifo.out"
else
  echo "## wrk not installed: apt-get install wrk to measure the ratio"
fi
