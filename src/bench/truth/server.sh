# Sourced by scripts/bench-truth.sh and scripts/bench-truth-ab.sh: the timing-truth server.
#
#   start_truth_server JAR PORT OUT [JVM_FLAG...]
#
# Starts `simulate --truth-log OUT/truth.csv` on the no-randomness profile in its own JVM (the
# flags of .mvn/jvm.config and any given), sets SIM to its pid and a trap that stops it, waits until
# it listens, and warms it.
start_truth_server() {
  local jar=$1 port=$2 out=$3
  shift 3
  java $(tr '\n' ' ' < .mvn/jvm.config) "$@" -jar "$jar" simulate --port "$port" \
    --profile src/bench/truth/profile.yaml --truth-log "$out/truth.csv" >"$out/sim.log" 2>&1 &
  SIM=$!
  trap 'kill $SIM 2>/dev/null || true' EXIT
  for _ in $(seq 100); do grep -q 'Ctrl-C stops it' "$out/sim.log" 2>/dev/null && break; sleep 0.2; done
  grep -q 'Ctrl-C stops it' "$out/sim.log" || { cat "$out/sim.log"; exit 1; }

  # The server is a JVM too: its own per-call code compiles over its first thousands of calls, and
  # a compilation beside a timed call delays the server, not the client. Warm it first, at full
  # speed, so no client meets a server still compiling (SERVER_WARMUP=0 skips this). floor.py
  # sends pitwall's own request, byte for byte, so this warms the code pitwall's requests take too.
  echo "== server warm-up: ${SERVER_WARMUP:-3000} immediate calls"
  python3 src/bench/truth/floor.py 127.0.0.1 "$port" "${SERVER_WARMUP:-3000}" 0 truth/warmup >/dev/null
}
