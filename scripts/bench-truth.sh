#!/usr/bin/env bash
# Timing truth: how far pitwall's measured TTFT and E2E are from what the server did, against the
# floor of the same measurement (a raw-socket reader), in the same sitting.
#
#   scripts/bench-truth.sh [CALLS]      # default 100 measured calls per client (plus 10 warm-up);
#                                        # CALLS is a multiple of 10
#   PITWALL_JAVA_OPTS='-Xlog:gc' ...     # extra JVM flags for the pitwall run (experiments)
#   JIT_LOG=1 ...                        # log both JVMs' JIT compilations and print how many of
#                                        # pitwall's late calls had one beside them (compilations.py)
#   BLOCKS=10 scripts/bench-truth.sh 1000  # the clients take turns in 10 blocks of 100 calls
#                                        # and each block's gap is printed too (blocks.py)
#
# The simulator runs in its own JVM with --truth-log (when it flushed each call's first and last
# token, by generation id) on a profile with no randomness: first token after 200 ms, then one
# every 20 ms, 50 tokens. After a warm-up of the server, one after the other against it:
#   1. `pitwall run` as a user runs it (java -jar, the collector flags of .mvn/jvm.config, one call
#      at a time, requests.csv on, and on a pseudo-terminal so the progress bar is drawn);
#   2. src/bench/truth/floor.py: one keep-alive socket, monotonic stamps, nothing else;
#   3. the same floor again, pausing between calls as long as pitwall did (its requests.csv).
# compare.py joins both with the truth log and prints |measured - server| percentiles.
# Each call takes about 1.2 s: 100 calls take about 2.5 minutes a client. Loopback only.
set -euo pipefail
cd "$(dirname "$0")/.."
CALLS=${1:-100}
WARMUP=10
BLOCKS=${BLOCKS:-1}
if [ $((CALLS % (WARMUP * BLOCKS))) -ne 0 ]; then
  echo "CALLS ($CALLS) must be a multiple of 10 x BLOCKS ($BLOCKS)" >&2
  exit 2
fi
PORT=${BENCH_PORT:-28790}
JVM_FLAGS=$(tr '\n' ' ' < .mvn/jvm.config)
jit_log() { if [ -n "${JIT_LOG:-}" ]; then echo "-Xlog:jit+compilation=debug:file=$OUT/$1:uptime,timenanos"; fi; }

mvn -B -q package -DskipTests >/dev/null 2>&1
JAR=$(ls target/pitwall-*.jar | grep -v original | head -n 1)
OUT=$(mktemp -d /tmp/pitwall-truth.XXXXXX)

. src/bench/truth/server.sh
# shellcheck disable=SC2046 # no flags when JIT_LOG is unset
start_truth_server "$JAR" "$PORT" "$OUT" $(jit_log sim-jit.log)

PER=$((CALLS / BLOCKS))

# As users run it: one JVM, one unscored warm-up iteration, then the measured ones (a suite's
# calls count is per iteration, so a block's calls are measured as iterations of 10 calls).
pitwall_block() {
  echo "== block $1/$BLOCKS: pitwall run: $PER calls (+ $WARMUP warm-up), one at a time"
  local log="$OUT/pitwall-$1.log" run_dir
  local cmd=(java $JVM_FLAGS $(jit_log "pitwall-jit-$1.log") ${PITWALL_JAVA_OPTS:-} -jar "$JAR"
    run src/bench/truth/suite.yaml --target "http://127.0.0.1:$PORT/api/v1" --results "$OUT/results"
    -Dwarmup=1 -Dmeasurement=$((PER / WARMUP)) -Dcalls="$WARMUP")
  if [ -z "${NO_TTY:-}" ] && command -v script >/dev/null 2>&1; then
    # On a terminal, as users run it: `script` gives the run a pseudo-terminal, so the progress
    # bar (its own thread, redrawn every second) is on. NO_TTY=1 runs it with output to a file.
    script -qec "${cmd[*]}" /dev/null >"$log" 2>&1
  else
    "${cmd[@]}" >"$log" 2>&1
  fi
  run_dir=$(tr -d '\r' <"$log" | sed -n 's/^results: //p')
  [ -f "$run_dir/requests.csv" ] || { tail -n 30 "$log"; exit 1; }
  append "$run_dir/requests.csv" "$OUT/requests.csv"
  cp "$run_dir/requests.csv" "$OUT/requests-$1.csv"
  # The pauses the paced floor takes: as long as pitwall waited between the end of its last call
  # and the send of this one (its rows in send order).
  python3 - "$run_dir/requests.csv" >"$OUT/pauses-$1.txt" <<'PY'
import csv, sys
rows = sorted(csv.DictReader(open(sys.argv[1])), key=lambda r: float(r["t_send_ms"]))
print(0)
for before, row in zip(rows, rows[1:]):
    print(max(0.0, float(row["t_send_ms"]) - float(before["t_done_ms"])))
PY
}

floor_block() {
  echo "== block $1/$BLOCKS: raw-socket floor: $PER calls (+ $WARMUP warm-up)"
  python3 src/bench/truth/floor.py 127.0.0.1 "$PORT" "$PER" "$WARMUP" >"$OUT/floor-$1.csv"
  append "$OUT/floor-$1.csv" "$OUT/floor.csv"
}

# The same floor at pitwall's pace. A server, or a VM, that idles longer before a request may wake
# later for it; this shows how much of pitwall's tail is that pace, measured by the simplest reader
# in the same minutes.
paced_floor_block() {
  echo "== block $1/$BLOCKS: raw-socket floor at pitwall's pace: $PER calls (+ $WARMUP warm-up)"
  python3 src/bench/truth/floor.py 127.0.0.1 "$PORT" "$PER" "$WARMUP" --pauses "$OUT/pauses-$1.txt" \
    >"$OUT/floor-paced-$1.csv"
  append "$OUT/floor-paced-$1.csv" "$OUT/floor-paced.csv"
}

# Appends a CSV's rows to another, its header only when the other is new.
append() {
  if [ -f "$2" ]; then tail -n +2 "$1" >>"$2"; else cp "$1" "$2"; fi
}

# With BLOCKS > 1 the clients take turns, pitwall first in odd blocks and the floor first in even
# ones, so neither meets the server (still compiling some of its code after its warm-up) or the
# machine in a state the other does not.
for b in $(seq "$BLOCKS"); do
  if [ $((b % 2)) -eq 1 ]; then
    pitwall_block "$b"
    floor_block "$b"
  else
    floor_block "$b"
    pitwall_block "$b"
  fi
  paced_floor_block "$b"
done
if [ -n "${JIT_LOG:-}" ]; then
  cat "$OUT"/pitwall-jit-*.log >"$OUT/pitwall-jit.log"
fi

kill -TERM $SIM; wait $SIM 2>/dev/null || true
trap - EXIT
echo
python3 src/bench/truth/compare.py "$OUT/truth.csv" "$OUT/requests.csv" "$OUT/floor.csv" \
  "$OUT/floor-paced.csv"
if [ "$BLOCKS" -gt 1 ]; then
  echo
  python3 src/bench/truth/blocks.py "$OUT/truth.csv" "$OUT" "$BLOCKS"
fi
if [ -n "${JIT_LOG:-}" ]; then
  echo
  python3 src/bench/truth/compilations.py "$OUT/truth.csv" "$OUT/requests.csv" \
    "$OUT/pitwall-jit.log" "$OUT/sim-jit.log"
fi
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores; files in $OUT"
