#!/usr/bin/env bash
# Benchmarks the simulator with load generators that are not pitwall's client:
#   1. wrk (Debian package) for small non-streaming requests/s;
#   2. StreamLoad (raw NIO, src/bench) for concurrent SSE streams and token timing;
#   3. sseload (C, src/bench/c, built here with gcc) for the same token timing with a lighter
#      client, on two schedules (staggered over one token gap; spread over a stream's life), then
#      the floors: ssefloor (a one-thread C server doing the same work) and looppair (the bare
#      schedule, C to C).
# Usage: scripts/bench-sim.sh [seconds]   (default 20 s per step; needs `apt-get install -y wrk`)
# BENCH_RUNS (default 3) repeats each sseload step and prints the p99 of every run and their median:
# on this VM one run's p99 moves by half from one minute to the next.
# A TimerFloor probe runs beside each streaming step: the machine's own wake-up lateness, which no
# server can beat. Transport: -Dpitwall.sim.transport in SIM_OPTS (auto|epoll|nio).
# The server runs in its own JVM with src/bench/resources/dev/pitwall/sim/bench/bench-profile.yaml.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_STEP="${1:-20}"
PORT="${BENCH_PORT:-18765}"
# Token events of the first seconds of each streaming step are not recorded: the JIT is still
# compiling both sides (the lateness tail settles after about 10 s). BENCH_WARMUP=0 records them.
WARMUP="${BENCH_WARMUP:-10}"
RUNS="${BENCH_RUNS:-3}"

await_ready() { # log tenths_of_a_second: waits until the server's log says "ready"; false if never
  for _ in $(seq 1 "$2"); do grep -q ready "$1" 2>/dev/null && return 0; sleep 0.1; done
  return 1
}

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
# -Pbench: the load generators and BenchServer live in src/bench, compiled only with this profile.
mvn -B -q -o -Pbench test-compile
mvn -B -q -o -Pbench dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-cp.txt
CP="target/test-classes:target/classes:$(cat target/bench-cp.txt)"

# Transparent huge pages for the heap, touched at start: on this VM they took the token-timing p99
# (spread, 1 I/O thread) from a median of 1.63 ms to 0.90, 9 of 10 alternated pairs lower
# (docs/performance.md). SIM_OPTS come after, to override.
SERVER_JVM_OPTS="-XX:+UseTransparentHugePages -XX:+AlwaysPreTouch"
java -Xms256m -Xmx512m $SERVER_JVM_OPTS ${SIM_OPTS:-} -cp "$CP" dev.pitwall.sim.bench.BenchServer "$PORT" 2 > target/bench-server.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
await_ready target/bench-server.log 100 || true
grep ready target/bench-server.log

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

server_cpu() { # the server JVM's user and system clock ticks so far
  awk '{print $14, $15}' "/proc/$SERVER/stat"
}
server_cpu_since() { # "user system" ticks from server_cpu at the step's start
  local u0 s0 u1 s1 tck
  read -r u0 s0 <<< "$1"
  read -r u1 s1 < <(server_cpu)
  tck=$(getconf CLK_TCK)
  echo "server CPU during the step (warm-up included): user $(( (u1 - u0) * 1000 / tck )) ms," \
    "system $(( (s1 - s0) * 1000 / tck )) ms"
}

stream_step() { # concurrency mode
  echo "== streaming, $1 concurrent streams, $2 (100 tokens at 50/s each), ${WARMUP}s warm-up + ${SECONDS_PER_STEP}s"
  CPU0=$(server_cpu)
  java -Xmx64m -cp "$CP" dev.pitwall.bench.TimerFloor "$SECONDS_PER_STEP" "$WARMUP" &
  FLOOR=$!
  java -Xmx256m -cp "$CP" dev.pitwall.sim.bench.StreamLoad "$PORT" "$1" "$SECONDS_PER_STEP" "$WARMUP" "$2"
  wait "$FLOOR"
  server_cpu_since "$CPU0"
}
stream_step 200 stagger

# The same 200 streams read by a one-thread C load generator (src/bench/c/sseload.c), which takes
# about 0.12 of a CPU where StreamLoad's JVM takes more, on two schedules: staggered over one token
# gap (every stream ends, and asks again, within the same 20 ms: a burst of 200 requests every
# 2.08 s) and spread over a stream's life (requests at an even ~96/s). Then the floors: the same
# requests and token events served by a one-thread C server (src/bench/c/ssefloor.c), and the bare
# schedule, a C sender and a C receiver doing nothing else (looppair.c).
median() { # of the numbers on stdin, one a line
  sort -n | awk '{v[NR] = $1} END {
    if (NR == 0) print "-"; else if (NR % 2) print v[(NR + 1) / 2]
    else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
sseload_runs() { # port spread_ms: sseload RUNS times; then each run's p99 and their median
  local run out p99s=()
  for run in $(seq 1 "$RUNS"); do
    echo "-- run $run of $RUNS"
    out=$(target/bench-c/sseload "$1" 200 "$SECONDS_PER_STEP" "$WARMUP" "$2" 2>&1) ||
      out+=$'\n'"sseload: some streams broke or never finished (counted above); the other steps still run"
    echo "$out"
    p99s+=("$(echo "$out" | sed -nE 's/^token events: .* p99 ([0-9.]+) .*/\1/p' | head -1)")
  done
  echo "p99 |arrival - profile| over $RUNS runs: ${p99s[*]} ms; median $(printf '%s\n' "${p99s[@]}" | median) ms"
}
c_step() { # label spread_ms
  echo "== streaming, 200 concurrent streams, $1, C load generator, $RUNS runs of ${WARMUP}s warm-up + ${SECONDS_PER_STEP}s"
  CPU0=$(server_cpu)
  sseload_runs "$PORT" "$2"
  server_cpu_since "$CPU0"
}
floor_step() { # label spread_ms
  echo "== the floor of that workload: a one-thread C server (ssefloor), $1, $RUNS runs of ${WARMUP}s warm-up + ${SECONDS_PER_STEP}s"
  FLOOR_PORT=$((PORT + 1))
  target/bench-c/ssefloor "$FLOOR_PORT" > target/bench-ssefloor.log 2>&1 &
  FLOOR_SERVER=$!
  if await_ready target/bench-ssefloor.log 50; then
    sseload_runs "$FLOOR_PORT" "$2"
  else
    echo "ssefloor did not start (port $FLOOR_PORT): $(cat target/bench-ssefloor.log)"
  fi
  kill "$FLOOR_SERVER" 2>/dev/null || true
  wait "$FLOOR_SERVER" 2>/dev/null || true
}
if command -v gcc >/dev/null; then
  mkdir -p target/bench-c
  for tool in sseload ssefloor looppair; do
    gcc -O2 -o "target/bench-c/$tool" "src/bench/c/$tool.c"
  done
  c_step "staggered over one token gap (20 ms)" 20
  c_step "spread over a stream's life (2,080 ms)" 2080
  floor_step "staggered over one token gap (20 ms)" 20
  floor_step "spread over a stream's life (2,080 ms)" 2080
  echo "== the floor of the bare schedule on this machine (looppair), ${SECONDS_PER_STEP}s"
  target/bench-c/looppair 200 "$SECONDS_PER_STEP"
else
  echo "== gcc is missing: the C load generator and the floors are skipped"
fi

stream_step 200 lockstep
stream_step 1000 stagger
