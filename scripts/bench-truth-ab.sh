#!/usr/bin/env bash
# Two builds of pitwall, in turn, against one warmed timing-truth server: which one is nearer the
# server's own timings, and how much JIT compilation each leaves inside its measured calls.
#
#   scripts/bench-truth-ab.sh A.jar B.jar [CALLS] [ROUNDS]   # default 100 calls, 2 rounds: A B A B
#
# Keep a copy of the jar before a change (cp target/pitwall-*-SNAPSHOT.jar /tmp/a.jar), build the
# change, and pass both. Each run is `pitwall run` of src/bench/truth/suite.yaml as bench-truth.sh
# runs it (java -jar, .mvn/jvm.config, a pseudo-terminal, requests.csv on, 10 warm-up calls), with
# its JIT compilations logged; src/bench/truth/ab.py prints one line a run. Runs of one sitting
# only compare with each other: the machine's noise moves every line of a sitting together.
# About 2.5 minutes a run of 100 calls. Loopback only.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -lt 2 ]; then
  sed -n '2,12p' "$0" >&2
  exit 2
fi
JAR_A=$(realpath "$1")
JAR_B=$(realpath "$2")
CALLS=${3:-100}
ROUNDS=${4:-2}
WARMUP=10
if [ $((CALLS % WARMUP)) -ne 0 ]; then
  echo "CALLS ($CALLS) must be a multiple of 10" >&2
  exit 2
fi
PORT=${BENCH_PORT:-28791}
JVM_FLAGS=$(tr '\n' ' ' < .mvn/jvm.config)
OUT=$(mktemp -d /tmp/pitwall-truth-ab.XXXXXX)

. src/bench/truth/server.sh
start_truth_server "$JAR_A" "$PORT" "$OUT"

for r in $(seq "$ROUNDS"); do
  for v in A B; do
    jar=$JAR_A
    [ "$v" = B ] && jar=$JAR_B
    run="$v$r"
    cmd=(java $JVM_FLAGS "-Xlog:jit+compilation=debug:file=$OUT/jit-$run.log:uptime,timenanos" -jar "$jar"
      run src/bench/truth/suite.yaml --target "http://127.0.0.1:$PORT/api/v1" --results "$OUT/$run"
      -Dwarmup=1 -Dmeasurement=$((CALLS / WARMUP)) -Dcalls="$WARMUP")
    script -qec "${cmd[*]}" /dev/null >"$OUT/pitwall-$run.log" 2>&1
    requests=$(ls "$OUT/$run"/*/*/requests.csv 2>/dev/null | head -n 1)
    [ -n "$requests" ] || { tail -n 30 "$OUT/pitwall-$run.log"; exit 1; }
    python3 src/bench/truth/ab.py "$run" "$OUT/truth.csv" "$requests" "$OUT/jit-$run.log"
  done
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores; files in $OUT"
